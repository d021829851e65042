//! `warta train`: reproducible training of the models that ship in `models/`.

pub mod augment;
pub mod ner;
