//! The whole record path the worker runs (decode, enrich, encode) on arbitrary bytes.
//! `Processor` turns panics into dead letters, so this target asserts there are none.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use warta_core::record::{FixedClock, Origin, Outcome, Processor};

static PROCESSOR: LazyLock<Processor> = LazyLock::new(Processor::default);

fuzz_target!(|data: &[u8]| {
    if let Outcome::DeadLetter { class: "panic", reason } =
        PROCESSOR.process_value(None, Some(data), Origin::default(), &FixedClock::default())
    {
        panic!("{reason}");
    }
});
