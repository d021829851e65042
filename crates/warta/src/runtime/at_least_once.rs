//! The at-least-once loop: consume, enrich on a bounded pool, produce in input order per
//! partition, store an offset only when every record up to it has been acknowledged.
//!
//! The select is `biased`: delivery failures, retries and finished jobs are handled before
//! a new message is read. At `max_in_flight` outstanding records the loop stops taking
//! messages; librdkafka keeps fetching only up to its bounded pre-fetch queue
//! (`queued.max.messages.kbytes`), and taking resumes as soon as a record is
//! acknowledged. That is the backpressure: memory stays flat however slow the output is.
//! A window that stays full for [`PAUSE_AFTER`] (the output is stuck, not just busy)
//! pauses the assigned partitions, resumed once half the window has drained, so that the
//! consumer is polled again, as Kafka Streams does it: rebalances, client errors and their
//! log lines are handled when they happen rather than when the window next opens.
//!
//! A full window is not paused at once because librdkafka drops a paused partition's
//! pre-fetched input, and after a resume its fetcher wakes on its own schedule, up to a
//! second later: a window that paused every time it filled capped the worker at one
//! window per second.

use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::stream::{FuturesUnordered, StreamExt};
use rdkafka::consumer::{CommitMode, Consumer};
use rdkafka::error::RDKafkaErrorCode;
use rdkafka::message::{Message, OwnedHeaders};
use rdkafka::producer::{BaseRecord, Producer};
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use super::dead_letter;
use super::kafka::{
    classify, close_consumer, log_commit_error, offsets_tpl, store_offsets, Delivery,
    FailedDelivery, FailureClass, RecordKind,
};
use super::offsets::Generation;
use super::ordered::PerPartition;
use super::record::{output_headers, InputRecord, Outcome};
use super::{Pipeline, Processed, RuntimeError};
use crate::telemetry::metrics as m;

/// A finished enrichment job, tagged with its partition's generation.
type JobDone = Processed<Generation>;

type RetryFuture = Pin<Box<dyn std::future::Future<Output = FailedDelivery> + Send>>;

pub struct AtLeastOnce {
    pub pipeline: Pipeline,
    pub failures: mpsc::UnboundedReceiver<FailedDelivery>,
}

impl AtLeastOnce {
    pub async fn run(mut self, shutdown: CancellationToken) -> Result<(), RuntimeError> {
        let mut jobs: PerPartition<oneshot::Receiver<JobDone>> = PerPartition::default();
        let mut retries: FuturesUnordered<RetryFuture> = FuturesUnordered::new();
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let max_in_flight = self.pipeline.config.processing.max_in_flight;
        let stall_timeout = Duration::from_millis(self.pipeline.config.processing.stall_timeout_ms);
        let mut last_progress = Instant::now();
        let mut paused = false;
        // Since when the window has been full, while it is.
        let mut full_since: Option<Instant> = None;
        let result: Result<(), RuntimeError> = loop {
            if let Some(fatal) = self.pipeline.shared.fatal.lock().unwrap().clone() {
                break Err(RuntimeError::Fatal(fatal));
            }
            let in_flight = self.pipeline.shared.tracker().in_flight();
            let full = in_flight >= max_in_flight;
            full_since = full.then(|| full_since.unwrap_or_else(Instant::now));
            let full_for = full_since.map(|since| since.elapsed());
            match window(paused, in_flight, max_in_flight, full_for) {
                Window::Pause => paused = self.set_paused(true),
                Window::Resume => paused = self.set_paused(false),
                Window::Keep => {}
            }
            tokio::select! {
                biased;
                _ = shutdown.cancelled() => break Ok(()),
                _ = self.pipeline.shared.fatal_notify.notified() => continue,
                Some(failed) = self.failures.recv() => {
                    if let Err(e) = self.handle_failure(failed, &mut retries).await { break Err(e) }
                }
                Some(failed) = retries.next() => {
                    if let Err(e) = self.resend(failed, &mut retries).await { break Err(e) }
                }
                Some(done) = jobs.next() => {
                    let Ok(done) = done else { break Err(RuntimeError::Fatal("enrichment pool dropped a job".into())) };
                    if let Err(e) = self.handle_done(done, &mut retries).await { break Err(e) }
                }
                _ = tick.tick() => {
                    self.store_committable();
                    metrics::gauge!(m::IN_FLIGHT).set(in_flight as f64);
                    let stalled = last_progress.elapsed() > stall_timeout && self.pipeline.shared.lag_total() > 0;
                    if stalled && self.pipeline.shared.health.readiness().is_ok() {
                        tracing::warn!(seconds = last_progress.elapsed().as_secs(), in_flight, "no record consumed while lag is above zero: consumption is stalled");
                    }
                    self.pipeline.shared.health.set_stalled(stalled);
                }
                _ = self.pipeline.shared.capacity.notified(), if paused || full => {}
                // A full window takes nothing until a record is acknowledged; a paused
                // one polls for events and the messages fetched before the pause.
                received = self.pipeline.consumer.recv(), if paused || !full => {
                    match received {
                        Ok(message) => {
                            last_progress = Instant::now();
                            metrics::counter!(m::CONSUMED).increment(1);
                            if paused {
                                // Fetched before the pause, or from a partition assigned
                                // since: take it (it counts in the window), stop the rest.
                                self.pause_partition(message.partition());
                            }
                            let generation = self.pipeline.shared.tracker().begin(message.partition(), message.offset());
                            let input = Arc::new(InputRecord::from_message(&message));
                            let message_partition = input.partition;
                            drop(message);
                            jobs.push(message_partition, self.pipeline.process_on_pool(input, generation));
                        }
                        Err(e) => {
                            if classify(&e) == FailureClass::Fatal {
                                // The client context saw the same event first and may have
                                // put it in words an operator can act on.
                                let recorded = self.pipeline.shared.fatal.lock().unwrap().clone();
                                break Err(RuntimeError::Fatal(recorded.unwrap_or_else(|| format!("consuming from {}: {e}", self.pipeline.config.topics.input))));
                            }
                            // The client context has logged this event already.
                            tracing::debug!(error = %e, "consumer error; continuing");
                        }
                    }
                }
            }
        };
        self.pipeline.shared.health.set_stopping();
        if result.is_ok() {
            self.drain(jobs, retries).await?;
        }
        self.close().await;
        result
    }

    /// Pauses or resumes every assigned partition; returns the new state. A failure
    /// leaves the old state, and the next turn of the loop tries again.
    fn set_paused(&self, pause: bool) -> bool {
        let consumer = &self.pipeline.consumer;
        let result = consumer.assignment().and_then(|assigned| {
            if pause {
                consumer.pause(&assigned)
            } else {
                consumer.resume(&assigned)
            }
        });
        match result {
            Ok(()) => {
                tracing::debug!(pause, "in-flight window");
                pause
            }
            Err(e) => {
                tracing::warn!(error = %e, pause, "pausing or resuming the input failed");
                !pause
            }
        }
    }

    fn pause_partition(&self, partition: i32) {
        let mut tpl = rdkafka::TopicPartitionList::new();
        tpl.add_partition(&self.pipeline.config.topics.input, partition);
        if let Err(e) = self.pipeline.consumer.pause(&tpl) {
            tracing::debug!(error = %e, partition, "pause of one partition");
        }
    }

    async fn handle_done(
        &self,
        done: JobDone,
        retries: &mut FuturesUnordered<RetryFuture>,
    ) -> Result<(), RuntimeError> {
        let Processed {
            input,
            tag: generation,
            outcome,
        } = done;
        if !self
            .pipeline
            .shared
            .tracker()
            .is_current(input.partition, generation)
        {
            // The partition was revoked meanwhile; its new owner redoes this record.
            return Ok(());
        }
        match outcome {
            Outcome::Output {
                key,
                value,
                entities,
                quotes,
            } => {
                let delivery = Box::new(Delivery {
                    input,
                    generation,
                    kind: RecordKind::Output { entities, quotes },
                    attempt: 0,
                });
                self.send(
                    self.pipeline.config.topics.output.clone(),
                    Some(&key),
                    Some(&value),
                    output_headers(),
                    delivery,
                    retries,
                )
                .await
            }
            Outcome::DeadLetter { class, reason } => {
                self.dead_letter(input, generation, class, &reason, retries)
                    .await
            }
        }
    }

    async fn dead_letter(
        &self,
        input: Arc<InputRecord>,
        generation: Generation,
        class: &'static str,
        reason: &str,
        retries: &mut FuturesUnordered<RetryFuture>,
    ) -> Result<(), RuntimeError> {
        tracing::warn!(
            class,
            reason,
            partition = input.partition,
            offset = input.offset,
            "record dead-lettered"
        );
        let headers = dead_letter::headers(&input, class, reason);
        let delivery = Box::new(Delivery {
            input: input.clone(),
            generation,
            kind: RecordKind::DeadLetter { class },
            attempt: 0,
        });
        self.send(
            self.pipeline.config.topics.dead_letter.clone(),
            input.key.as_deref(),
            input.value.as_deref(),
            headers,
            delivery,
            retries,
        )
        .await
    }

    /// Hands one record to the producer. A full local queue is waited out (that is
    /// backpressure, not an error); any other immediate refusal is treated like a failed
    /// delivery.
    #[allow(clippy::too_many_arguments)]
    async fn send(
        &self,
        topic: String,
        key: Option<&[u8]>,
        value: Option<&[u8]>,
        headers: OwnedHeaders,
        delivery: Box<Delivery>,
        retries: &mut FuturesUnordered<RetryFuture>,
    ) -> Result<(), RuntimeError> {
        let mut delivery = delivery;
        let mut headers = headers;
        loop {
            let mut record =
                BaseRecord::<[u8], [u8], Box<Delivery>>::with_opaque_to(&topic, delivery)
                    .headers(headers);
            if let Some(k) = key {
                record = record.key(k);
            }
            if let Some(v) = value {
                record = record.payload(v);
            }
            match self.pipeline.producer.send(record) {
                Ok(()) => return Ok(()),
                Err((e, record)) => {
                    if e.rdkafka_error_code() == Some(RDKafkaErrorCode::QueueFull) {
                        delivery = record.delivery_opaque;
                        headers = record.headers.unwrap_or_else(OwnedHeaders::new);
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        continue;
                    }
                    let message = rdkafka::message::OwnedMessage::new(
                        value.map(<[u8]>::to_vec),
                        key.map(<[u8]>::to_vec),
                        topic.clone(),
                        rdkafka::Timestamp::NotAvailable,
                        -1,
                        -1,
                        record.headers,
                    );
                    let failed = FailedDelivery {
                        delivery: record.delivery_opaque,
                        error: e,
                        message,
                    };
                    return Box::pin(self.handle_failure(failed, retries)).await;
                }
            }
        }
    }

    /// Sends a record again once its backoff has passed.
    async fn resend(
        &self,
        failed: FailedDelivery,
        retries: &mut FuturesUnordered<RetryFuture>,
    ) -> Result<(), RuntimeError> {
        let FailedDelivery {
            mut delivery,
            message,
            ..
        } = failed;
        delivery.attempt += 1;
        metrics::counter!(m::RETRIES).increment(1);
        let headers = message.headers().cloned().unwrap_or_default();
        self.send(
            message.topic().to_string(),
            message.key(),
            message.payload(),
            headers,
            delivery,
            retries,
        )
        .await
    }

    async fn handle_failure(
        &self,
        failed: FailedDelivery,
        retries: &mut FuturesUnordered<RetryFuture>,
    ) -> Result<(), RuntimeError> {
        let FailedDelivery {
            delivery,
            error,
            message,
        } = failed;
        let input = delivery.input.clone();
        if !self
            .pipeline
            .shared
            .tracker()
            .is_current(input.partition, delivery.generation)
        {
            return Ok(());
        }
        match (classify(&error), delivery.kind) {
            (FailureClass::TooLarge, RecordKind::Output { .. }) => {
                let reason = format!("output record of {} bytes rejected by the broker: {error}", message.payload().map_or(0, <[u8]>::len));
                self.dead_letter(input, delivery.generation, "output_too_large", &reason, retries).await
            }
            (FailureClass::TooLarge, RecordKind::DeadLetter { class }) if message.payload().is_some() => {
                // The original value cannot land even on the dead-letter topic. Record the
                // failure without the value rather than lose the record's trace.
                let reason = format!("{class}; original value of {} bytes too large for the dead-letter topic: {error}", message.payload().map_or(0, <[u8]>::len));
                tracing::error!(partition = input.partition, offset = input.offset, "{reason}");
                let headers = dead_letter::headers(&input, "dead_letter_too_large", &reason);
                let delivery = Box::new(Delivery { input: input.clone(), generation: delivery.generation, kind: RecordKind::DeadLetter { class: "dead_letter_too_large" }, attempt: 0 });
                Box::pin(self.send(self.pipeline.config.topics.dead_letter.clone(), input.key.as_deref(), None, headers, delivery, retries)).await
            }
            (FailureClass::Fatal, _) | (FailureClass::TooLarge, _) => Err(RuntimeError::Fatal(format!(
                "producing to topic `{}` failed: {error}. Check that the topic exists and that this client may write to it",
                message.topic()
            ))),
            (FailureClass::Retriable, _) => {
                let p = &self.pipeline.config.processing;
                let backoff = p.retry_backoff_ms.saturating_mul(1u64 << delivery.attempt.min(16)).min(p.retry_backoff_max_ms);
                tracing::warn!(error = %error, attempt = delivery.attempt, backoff_ms = backoff, topic = message.topic(), "delivery failed; retrying");
                let failed = FailedDelivery { delivery, error, message };
                retries.push(Box::pin(async move {
                    tokio::time::sleep(Duration::from_millis(backoff)).await;
                    failed
                }));
                Ok(())
            }
        }
    }

    fn store_committable(&self) {
        let offsets = self.pipeline.shared.tracker().take_committable();
        if !offsets.is_empty() {
            store_offsets(
                &self.pipeline.consumer,
                &offsets_tpl(&self.pipeline.config.topics.input, &offsets),
            );
        }
    }

    /// After shutdown was requested: finish in-flight jobs and deliveries within the
    /// grace period, then commit what is done.
    async fn drain(
        &mut self,
        mut jobs: PerPartition<oneshot::Receiver<JobDone>>,
        mut retries: FuturesUnordered<RetryFuture>,
    ) -> Result<(), RuntimeError> {
        let deadline = tokio::time::Instant::now() + self.pipeline.config.shutdown_grace();
        tracing::info!(
            in_flight = self.pipeline.shared.tracker().in_flight(),
            "draining in-flight records"
        );
        loop {
            if self.pipeline.shared.tracker().in_flight() == 0
                && jobs.is_empty()
                && retries.is_empty()
            {
                break;
            }
            tokio::select! {
                biased;
                _ = tokio::time::sleep_until(deadline) => {
                    tracing::warn!(in_flight = self.pipeline.shared.tracker().in_flight(), "grace period over; unfinished records will be reprocessed after restart");
                    break;
                }
                Some(failed) = self.failures.recv() => self.handle_failure(failed, &mut retries).await?,
                Some(failed) = retries.next() => {
                    self.resend(failed, &mut retries).await?;
                }
                Some(done) = jobs.next() => {
                    if let Ok(done) = done { self.handle_done(done, &mut retries).await?; }
                }
                _ = tokio::time::sleep(Duration::from_millis(20)) => {}
            }
        }
        self.store_committable();
        match self
            .pipeline
            .consumer
            .commit_consumer_state(CommitMode::Sync)
        {
            Ok(()) => metrics::counter!(m::OFFSETS_COMMITTED).increment(1),
            Err(e) => log_commit_error(&self.pipeline.shared, &e),
        }
        Ok(())
    }

    /// Leaves the group and flushes the producer, each under a deadline: both calls can
    /// block for a long time when the broker is unreachable.
    async fn close(self) {
        let timeout =
            Duration::from_millis(self.pipeline.config.kafka.request_timeout_ms.min(10_000));
        close_consumer(self.pipeline.consumer, timeout).await;
        if let Err(e) = self.pipeline.producer.flush(timeout) {
            tracing::warn!(error = %e, "producer flush at exit did not finish; undelivered records stay uncommitted");
        }
    }
}

/// What the in-flight window asks of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Window {
    Pause,
    Resume,
    Keep,
}

/// How long the window may stay full before the assigned partitions are paused. Busy
/// enrichment drains a full window well within it; a stuck output does not, and the
/// consumer must then be polled again for rebalances and errors.
const PAUSE_AFTER: Duration = Duration::from_secs(1);

/// Pause once `max` records have been in flight for [`PAUSE_AFTER`] (`full_for`: how
/// long the window has been full, `None` while it is not); resume once at most half of
/// them are. The gap keeps a stuck output that comes back from pausing and resuming on
/// every record: librdkafka drops a paused partition's prefetched messages and fetches
/// them again on resume.
fn window(paused: bool, in_flight: usize, max: usize, full_for: Option<Duration>) -> Window {
    if !paused && full_for.is_some_and(|d| d >= PAUSE_AFTER) {
        Window::Pause
    } else if paused && in_flight <= max / 2 {
        Window::Resume
    } else {
        Window::Keep
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_pauses_when_full_for_a_while_and_resumes_at_half() {
        let (brief, long) = (Some(Duration::from_millis(200)), Some(PAUSE_AFTER));
        assert_eq!(window(false, 1999, 2000, None), Window::Keep);
        // A window that fills and drains again, as busy enrichment does, never pauses.
        assert_eq!(window(false, 2000, 2000, brief), Window::Keep);
        assert_eq!(window(false, 2000, 2000, long), Window::Pause);
        assert_eq!(window(true, 2000, 2000, long), Window::Keep);
        assert_eq!(window(true, 1001, 2000, None), Window::Keep);
        assert_eq!(window(true, 1000, 2000, None), Window::Resume);
        // A window of one record still pauses and resumes.
        assert_eq!(window(false, 1, 1, long), Window::Pause);
        assert_eq!(window(true, 0, 1, None), Window::Resume);
    }
}
