//! The input decoder on arbitrary message bytes: it must return an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use warta_core::article::{DecodeLimits, FieldMapping, RawArticle};

fuzz_target!(|data: &[u8]| {
    let _ = RawArticle::decode(data, &FieldMapping::default(), &DecodeLimits::default());
});
