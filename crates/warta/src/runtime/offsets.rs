//! Per-partition offset bookkeeping for at-least-once delivery.
//!
//! Records of one partition finish out of order (enrichment runs in parallel, deliveries
//! are retried), but Kafka stores one offset per partition meaning "everything before
//! this is done". So the offset to store is the lowest offset still pending, or one past
//! the highest consumed when nothing is pending. Storing anything higher could skip a
//! record that never landed.
//!
//! Each assignment of a partition gets a new generation. Work that started under an
//! older generation (before a revoke) is ignored when it finishes: the partition's new
//! owner will redo it from the committed offset.

use std::collections::{BTreeMap, BTreeSet};

/// Identifies one assignment of a partition to this worker.
pub type Generation = u64;

#[derive(Debug, Default)]
struct PartitionState {
    generation: Generation,
    pending: BTreeSet<i64>,
    /// One past the highest offset consumed in this generation.
    next: Option<i64>,
    /// The last offset handed out by [`OffsetTracker::take_committable`].
    stored: Option<i64>,
}

impl PartitionState {
    fn committable(&self) -> Option<i64> {
        self.pending.first().copied().or(self.next)
    }
}

#[derive(Debug, Default)]
pub struct OffsetTracker {
    partitions: BTreeMap<i32, PartitionState>,
    next_generation: Generation,
    in_flight: usize,
}

impl OffsetTracker {
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts tracking newly assigned partitions, each under a fresh generation.
    pub fn assign(&mut self, partitions: impl IntoIterator<Item = i32>) {
        for p in partitions {
            self.next_generation += 1;
            let generation = self.next_generation;
            if let Some(old) = self.partitions.insert(
                p,
                PartitionState {
                    generation,
                    ..Default::default()
                },
            ) {
                self.in_flight -= old.pending.len();
            }
        }
    }

    /// Stops tracking revoked partitions and returns, for each that consumed anything
    /// since it was assigned, the offset that is safe to commit, also when it was stored
    /// already: the revoke commits it once more, so that its log states what the broker
    /// holds. In-flight work of these partitions is forgotten.
    pub fn revoke(&mut self, partitions: impl IntoIterator<Item = i32>) -> Vec<(i32, i64)> {
        let mut safe = Vec::new();
        for p in partitions {
            if let Some(state) = self.partitions.remove(&p) {
                self.in_flight -= state.pending.len();
                if let Some(offset) = state.committable() {
                    safe.push((p, offset));
                }
            }
        }
        safe
    }

    /// Records that `offset` was consumed and is now in flight. Returns the generation
    /// to hand back to [`OffsetTracker::complete`].
    pub fn begin(&mut self, partition: i32, offset: i64) -> Generation {
        if !self.partitions.contains_key(&partition) {
            // A message can reach us before the assign callback has run on this thread's
            // view; treat it as an implicit assignment rather than drop it.
            self.assign([partition]);
        }
        let state = self.partitions.get_mut(&partition).expect("just assigned");
        if state.pending.insert(offset) {
            self.in_flight += 1;
        }
        state.next = Some(state.next.map_or(offset + 1, |n| n.max(offset + 1)));
        state.generation
    }

    /// The generation of a partition's current assignment, without tracking an offset
    /// (the exactly-once loop commits through transactions, not through this tracker).
    pub fn current_generation(&mut self, partition: i32) -> Generation {
        if !self.partitions.contains_key(&partition) {
            self.assign([partition]);
        }
        self.partitions[&partition].generation
    }

    /// Marks `offset` done (delivered, or dead-lettered and delivered). Returns false
    /// when the work belongs to an older generation and was therefore ignored.
    pub fn complete(&mut self, partition: i32, offset: i64, generation: Generation) -> bool {
        match self.partitions.get_mut(&partition) {
            Some(state) if state.generation == generation => {
                if state.pending.remove(&offset) {
                    self.in_flight -= 1;
                }
                true
            }
            _ => false,
        }
    }

    /// Whether work of this generation still counts (its partition was not revoked since).
    pub fn is_current(&self, partition: i32, generation: Generation) -> bool {
        self.partitions
            .get(&partition)
            .is_some_and(|s| s.generation == generation)
    }

    /// Offsets that advanced since the last call: `(partition, offset to store)`, where
    /// the offset is the next record to read, as Kafka expects.
    pub fn take_committable(&mut self) -> Vec<(i32, i64)> {
        let mut out = Vec::new();
        for (&p, state) in self.partitions.iter_mut() {
            if let Some(offset) = state.committable() {
                if state.stored.is_none_or(|s| offset > s) {
                    state.stored = Some(offset);
                    out.push((p, offset));
                }
            }
        }
        out
    }

    /// Records consumed and not yet done, over all partitions.
    pub fn in_flight(&self) -> usize {
        self.in_flight
    }

    pub fn assigned(&self) -> Vec<i32> {
        self.partitions.keys().copied().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_only_below_the_lowest_pending_offset() {
        let mut t = OffsetTracker::new();
        t.assign([0]);
        let g = t.begin(0, 10);
        t.begin(0, 11);
        t.begin(0, 12);
        assert!(t.complete(0, 11, g));
        assert!(t.complete(0, 12, g));
        // 10 is still in flight: nothing past it may be stored.
        assert_eq!(t.take_committable(), vec![(0, 10)]);
        assert!(t.complete(0, 10, g));
        assert_eq!(t.take_committable(), vec![(0, 13)]);
        assert_eq!(
            t.take_committable(),
            vec![],
            "no change, nothing new to store"
        );
        assert_eq!(t.in_flight(), 0);
    }

    #[test]
    fn partitions_are_independent() {
        let mut t = OffsetTracker::new();
        t.assign([0, 1]);
        let g0 = t.begin(0, 5);
        let g1 = t.begin(1, 7);
        t.begin(1, 8);
        assert!(t.complete(1, 8, g1));
        assert!(t.complete(0, 5, g0));
        let mut c = t.take_committable();
        c.sort();
        assert_eq!(c, vec![(0, 6), (1, 7)]);
        assert_eq!(t.in_flight(), 1);
    }

    #[test]
    fn work_from_a_revoked_generation_is_ignored() {
        let mut t = OffsetTracker::new();
        t.assign([3]);
        let old = t.begin(3, 100);
        t.begin(3, 101);
        let g = old;
        assert!(t.complete(3, 101, g));
        // Revoke: 100 is unfinished, so only offsets below it are safe.
        assert_eq!(t.revoke([3]), vec![(3, 100)]);
        assert_eq!(t.in_flight(), 0);
        t.assign([3]);
        assert!(!t.complete(3, 100, old), "late completion of old work");
        assert!(!t.is_current(3, old));
        let new = t.begin(3, 100);
        assert!(t.is_current(3, new));
        assert!(t.complete(3, 100, new));
        assert_eq!(t.take_committable(), vec![(3, 101)]);
    }

    #[test]
    fn revoke_returns_the_final_position_also_when_it_was_stored_already() {
        let mut t = OffsetTracker::new();
        t.assign([0, 1]);
        let g = t.begin(0, 0);
        t.complete(0, 0, g);
        assert_eq!(t.take_committable(), vec![(0, 1)]);
        // Partition 1 consumed nothing: it has no position to commit.
        assert_eq!(t.revoke([0, 1]), vec![(0, 1)]);
    }

    #[test]
    fn unassigned_partition_is_tracked_on_first_message() {
        let mut t = OffsetTracker::new();
        let g = t.begin(9, 42);
        assert_eq!(t.assigned(), vec![9]);
        assert!(t.complete(9, 42, g));
        assert_eq!(t.take_committable(), vec![(9, 43)]);
    }
}
