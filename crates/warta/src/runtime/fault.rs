//! Failure injection for the exactly-once abort path, in builds with the
//! `fault-injection` feature only (the fault suite's; never a release build).
//!
//! A SIGKILL from outside almost never lands inside an open transaction, because a batch
//! is enriched before its transaction opens and the transaction is short. Like Kafka
//! Streams' tests, the fault suite therefore fails the worker on purpose between
//! producing a batch and committing it. `FAULT_INJECTION_EOS` chooses how (it has no
//! `WARTA_` prefix, so the config never sees it):
//!
//! - `fail:N`: the Nth transaction of this process fails once before its commit, so the
//!   worker aborts it and re-reads its input;
//! - `crash:N`: the process aborts before the Nth commit, its transaction left open for
//!   the restarted worker to fence and abort.
//!
//! Either way the batch's records reach the broker first (a flush), so a
//! read_uncommitted reader sees them and a read_committed reader must not.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::producer::Producer;

use super::kafka::WartaProducer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    Fail(u64),
    Crash(u64),
}

fn parse(spec: &str) -> Option<Fault> {
    let (kind, n) = spec.split_once(':')?;
    let n = n.parse().ok().filter(|&n| n > 0)?;
    match kind {
        "fail" => Some(Fault::Fail(n)),
        "crash" => Some(Fault::Crash(n)),
        _ => None,
    }
}

static TRANSACTIONS: AtomicU64 = AtomicU64::new(0);

/// Called once per transaction after its records were sent and before its offsets and
/// commit. Returns the injected error, or exits the process, when this is the one.
pub fn before_commit(producer: &WartaProducer, timeout: Duration) -> Result<(), KafkaError> {
    let Ok(spec) = std::env::var("FAULT_INJECTION_EOS") else {
        return Ok(());
    };
    let fault = parse(&spec)
        .unwrap_or_else(|| panic!("FAULT_INJECTION_EOS=`{spec}`: expected fail:N or crash:N"));
    let n = TRANSACTIONS.fetch_add(1, Ordering::Relaxed) + 1;
    match fault {
        Fault::Fail(at) if at == n => {
            producer.flush(timeout)?;
            tracing::warn!(
                transaction = n,
                "fault injection: failing the transaction before its commit"
            );
            Err(KafkaError::Global(RDKafkaErrorCode::OperationTimedOut))
        }
        Fault::Crash(at) if at == n => {
            producer.flush(timeout)?;
            tracing::warn!(
                transaction = n,
                "fault injection: aborting the process inside an open transaction"
            );
            std::process::abort();
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_names_a_kind_and_a_transaction() {
        assert_eq!(parse("fail:2"), Some(Fault::Fail(2)));
        assert_eq!(parse("crash:1"), Some(Fault::Crash(1)));
        assert_eq!(parse("crash:0"), None);
        assert_eq!(parse("explode:1"), None);
        assert_eq!(parse("fail"), None);
    }
}
