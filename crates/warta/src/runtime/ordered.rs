//! Finished enrichment jobs in input order within each partition, but not across
//! partitions: a slow record (a huge or hostile article) holds back only the records
//! behind it on its own partition, as Kafka's ordering guarantee allows, instead of every
//! record the worker has in flight.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures::stream::{FuturesOrdered, Stream, StreamExt};

/// Futures queued per partition; yields each partition's outputs in push order.
pub struct PerPartition<F: Future> {
    queues: Vec<(i32, FuturesOrdered<F>)>,
    len: usize,
    /// Where the next poll starts, so that a busy partition cannot starve the others.
    next: usize,
}

impl<F: Future> Default for PerPartition<F> {
    fn default() -> Self {
        PerPartition {
            queues: Vec::new(),
            len: 0,
            next: 0,
        }
    }
}

impl<F: Future> PerPartition<F> {
    pub fn push(&mut self, partition: i32, future: F) {
        let queue = match self.queues.iter().position(|(p, _)| *p == partition) {
            Some(i) => &mut self.queues[i].1,
            None => {
                self.queues.push((partition, FuturesOrdered::new()));
                &mut self.queues.last_mut().expect("just pushed").1
            }
        };
        queue.push_back(future);
        self.len += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn len(&self) -> usize {
        self.len
    }
}

impl<F: Future> Stream for PerPartition<F> {
    type Item = F::Output;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // Every field is Unpin (FuturesOrdered is), so the struct is too.
        let this = self.get_mut();
        if this.len == 0 {
            return Poll::Ready(None);
        }
        let n = this.queues.len();
        for step in 0..n {
            let i = (this.next + step) % n;
            let queue = &mut this.queues[i].1;
            if queue.is_empty() {
                continue;
            }
            // Polling registers the waker with this queue when it is pending.
            if let Poll::Ready(Some(output)) = queue.poll_next_unpin(cx) {
                this.len -= 1;
                this.next = (i + 1) % n;
                return Poll::Ready(Some(output));
            }
        }
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::executor::block_on;
    use tokio::sync::oneshot;

    #[test]
    fn a_pending_head_blocks_its_own_partition_only() {
        let mut jobs = PerPartition::default();
        let (slow_tx, slow_rx) = oneshot::channel::<u32>();
        let (behind_tx, behind_rx) = oneshot::channel::<u32>();
        let (other_tx, other_rx) = oneshot::channel::<u32>();
        jobs.push(0, slow_rx);
        jobs.push(0, behind_rx);
        jobs.push(1, other_rx);
        behind_tx.send(2).unwrap();
        other_tx.send(3).unwrap();
        // Partition 1 finishes although partition 0's head is still running.
        let first = block_on(jobs.next()).unwrap().unwrap();
        assert_eq!(first, 3);
        assert_eq!(jobs.len(), 2);
        let waker = futures::task::noop_waker();
        let mut cx = Context::from_waker(&waker);
        assert!(
            jobs.poll_next_unpin(&mut cx).is_pending(),
            "the record behind the slow head must wait for it"
        );
        slow_tx.send(1).unwrap();
        let rest: Vec<u32> = block_on(jobs.by_ref().map(|r| r.unwrap()).collect());
        assert_eq!(rest, vec![1, 2]);
        assert!(jobs.is_empty());
    }
}
