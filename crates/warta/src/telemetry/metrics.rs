//! Metric names and the Prometheus recorder.
//!
//! Names follow Prometheus conventions and labels stay low-cardinality (topic, partition,
//! error class), so a fleet of replicas does not explode the time-series count.

use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const CONSUMED: &str = "warta_records_consumed_total";
pub const PRODUCED: &str = "warta_records_produced_total";
pub const DEAD_LETTERED: &str = "warta_records_dead_lettered_total";
pub const RETRIES: &str = "warta_produce_retries_total";
pub const PROCESSING_SECONDS: &str = "warta_processing_seconds";
pub const IN_FLIGHT: &str = "warta_in_flight_records";
pub const CONSUMER_LAG: &str = "warta_consumer_lag";
pub const ENTITIES: &str = "warta_entities_extracted_total";
pub const QUOTES: &str = "warta_quotes_extracted_total";
pub const OFFSETS_COMMITTED: &str = "warta_offset_commits_total";
pub const REBALANCES: &str = "warta_rebalances_total";
pub const READY: &str = "warta_ready";

/// Installs the process-wide recorder on first call and returns a handle that renders
/// the text exposition format. Later calls (tests, `demo`) share the same recorder.
pub fn install() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full(PROCESSING_SECONDS.to_string()),
                    &[
                        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
                        0.25, 1.0,
                    ],
                )
                .expect("bucket list is non-empty")
                .build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_ok() {
                describe();
            }
            handle
        })
        .clone()
}

fn describe() {
    describe_counter!(CONSUMED, "Records read from the input topic.");
    describe_counter!(
        PRODUCED,
        "Enriched records acknowledged by the broker on the output topic."
    );
    describe_counter!(
        DEAD_LETTERED,
        "Records acknowledged on the dead-letter topic, by error class."
    );
    describe_counter!(
        RETRIES,
        "Re-sends of records whose delivery failed with a retriable error."
    );
    describe_histogram!(
        PROCESSING_SECONDS,
        Unit::Seconds,
        "Time to decode, enrich and encode one record."
    );
    describe_gauge!(
        IN_FLIGHT,
        "Records consumed and not yet acknowledged by the broker."
    );
    describe_gauge!(CONSUMER_LAG, "Messages between the committed/fetched position and the partition end, from librdkafka statistics.");
    describe_counter!(ENTITIES, "Entities extracted.");
    describe_counter!(QUOTES, "Quotes extracted.");
    describe_counter!(
        OFFSETS_COMMITTED,
        "Offset commits (and transaction commits in exactly_once)."
    );
    describe_counter!(REBALANCES, "Consumer group rebalances seen, by kind.");
    // Counters start at zero, so that a dashboard's rate() has a series from the first
    // scrape and a panel such as retries shows 0, not "no data".
    for counter in [
        CONSUMED,
        PRODUCED,
        RETRIES,
        ENTITIES,
        QUOTES,
        OFFSETS_COMMITTED,
    ] {
        metrics::counter!(counter).increment(0);
    }
    describe_gauge!(
        READY,
        "1 while /readyz answers ready, 0 otherwise; read at each scrape."
    );
}
