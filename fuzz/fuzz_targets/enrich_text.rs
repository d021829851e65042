//! The pure core on arbitrary article text (bypassing JSON, so the fuzzer explores the
//! cleaning, segmentation, quote and date stages directly). Spans must stay valid.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use warta_core::article::RawArticle;
use warta_core::span::check_spans;
use warta_core::{pipeline, Resources};
use warta_core::output::Provenance;

static RESOURCES: LazyLock<Resources> = LazyLock::new(Resources::default);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let article = RawArticle {
        body: Some(text.to_string()),
        published_at: Some("Senin, 16 Jun 2025 20:45 WIB".into()),
        ..Default::default()
    };
    let provenance = Provenance {
        topic: None,
        partition: None,
        offset: None,
        worker_version: "fuzz".into(),
        processed_at: "2026-01-01T00:00:00Z".into(),
        processing_time_us: 0,
    };
    if let Ok(out) = pipeline::enrich(&article, &RESOURCES, provenance) {
        if let Err(e) = check_spans(&out) {
            panic!("invalid span: {e}");
        }
    }
});
