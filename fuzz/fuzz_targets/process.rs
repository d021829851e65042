//! The whole record path the worker runs (decode, enrich, encode) on arbitrary bytes.
//! `Processor` turns panics into dead letters, so this target asserts there are none.
#![no_main]

use std::sync::{Arc, LazyLock};

use libfuzzer_sys::fuzz_target;
use warta::config::Config;
use warta::runtime::record::{Origin, Outcome, Processor};

static PROCESSOR: LazyLock<Arc<Processor>> = LazyLock::new(|| {
    Processor::from_config(&Config::load_with_env(None, Vec::<(String, String)>::new()).unwrap())
});

fuzz_target!(|data: &[u8]| {
    if let Outcome::DeadLetter { class: "panic", reason } =
        PROCESSOR.process_value(None, Some(data), Origin::default())
    {
        panic!("{reason}");
    }
});
