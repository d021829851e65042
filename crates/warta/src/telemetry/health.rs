//! Liveness and readiness state, written by the runtime and read by `/readyz`.
//!
//! Ready means: this worker joined its group (has its assignment, possibly empty when
//! there are more replicas than partitions), a broker is reachable, and consumption is
//! not stalled. Each flag is an atomic so the Kafka callbacks never wait on a lock.

use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, Default)]
pub struct Health {
    assigned: AtomicBool,
    broker_up: AtomicBool,
    stalled: AtomicBool,
    stopping: AtomicBool,
}

/// Why `/readyz` says no, for the response body and the logs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReady {
    NoAssignment,
    BrokerUnreachable,
    Stalled,
    ShuttingDown,
}

impl NotReady {
    pub fn reason(self) -> &'static str {
        match self {
            NotReady::NoAssignment => "no partition assignment yet",
            NotReady::BrokerUnreachable => "no broker reachable",
            NotReady::Stalled => "consumption stalled while lag is above zero",
            NotReady::ShuttingDown => "shutting down",
        }
    }
}

impl Health {
    pub fn set_assigned(&self, v: bool) {
        self.assigned.store(v, Ordering::Relaxed);
    }
    pub fn set_broker_up(&self, v: bool) {
        self.broker_up.store(v, Ordering::Relaxed);
    }
    pub fn set_stalled(&self, v: bool) {
        self.stalled.store(v, Ordering::Relaxed);
    }
    pub fn set_stopping(&self) {
        self.stopping.store(true, Ordering::Relaxed);
    }
    pub fn broker_up(&self) -> bool {
        self.broker_up.load(Ordering::Relaxed)
    }

    pub fn readiness(&self) -> Result<(), NotReady> {
        if self.stopping.load(Ordering::Relaxed) {
            Err(NotReady::ShuttingDown)
        } else if !self.assigned.load(Ordering::Relaxed) {
            Err(NotReady::NoAssignment)
        } else if !self.broker_up.load(Ordering::Relaxed) {
            Err(NotReady::BrokerUnreachable)
        } else if self.stalled.load(Ordering::Relaxed) {
            Err(NotReady::Stalled)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_only_when_every_condition_holds() {
        let h = Health::default();
        assert_eq!(h.readiness(), Err(NotReady::NoAssignment));
        h.set_assigned(true);
        assert_eq!(h.readiness(), Err(NotReady::BrokerUnreachable));
        h.set_broker_up(true);
        assert_eq!(h.readiness(), Ok(()));
        h.set_stalled(true);
        assert_eq!(h.readiness(), Err(NotReady::Stalled));
        h.set_stalled(false);
        h.set_stopping();
        assert_eq!(h.readiness(), Err(NotReady::ShuttingDown));
    }
}
