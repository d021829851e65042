//! `warta process`: the same enrichment as the worker, on JSONL files, with no Kafka.
//! For backfills, debugging and evaluation. One output line per good input line, in
//! input order; a bad line becomes a JSON error object on stderr and the rest goes on.

use std::io::{BufRead, Write};
use std::time::Instant;

use rayon::prelude::*;

use super::CommandError;
use crate::config::Config;
use crate::processing::{self, Origin, Outcome};

/// Lines read ahead and enriched in parallel; output order is kept within and across
/// chunks.
const CHUNK_LINES: usize = 512;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub lines: usize,
    pub ok: usize,
    pub errors: usize,
    pub input_bytes: usize,
}

pub fn process(
    config: &Config,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    errors: &mut dyn Write,
) -> Result<Summary, CommandError> {
    let processor = processing::processor_from_config(config);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.concurrency())
        .build()
        .map_err(|e| CommandError::Runtime(format!("cannot start enrichment pool: {e}")))?;
    let started = Instant::now();
    let mut summary = Summary::default();
    let mut lines = input.lines();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_LINES);
        for line in lines.by_ref().take(CHUNK_LINES) {
            let line =
                line.map_err(|e| CommandError::Runtime(format!("cannot read input: {e}")))?;
            chunk.push(line);
        }
        if chunk.is_empty() {
            break;
        }
        let first_line = summary.lines + 1;
        summary.lines += chunk.len();
        let outcomes: Vec<Option<Outcome>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|line| {
                    if line.trim().is_empty() {
                        None
                    } else {
                        Some(processing::process_value(
                            &processor,
                            None,
                            Some(line.as_bytes()),
                            Origin::default(),
                        ))
                    }
                })
                .collect()
        });
        for (i, (line, outcome)) in chunk.iter().zip(outcomes).enumerate() {
            summary.input_bytes += line.len() + 1;
            match outcome {
                None => {}
                Some(Outcome::Output { value, .. }) => {
                    summary.ok += 1;
                    output
                        .write_all(&value)
                        .and_then(|_| output.write_all(b"\n"))
                        .map_err(write_error)?;
                }
                Some(Outcome::DeadLetter { class, reason }) => {
                    summary.errors += 1;
                    let error = serde_json::json!({ "line": first_line + i, "class": class, "error": reason });
                    writeln!(errors, "{error}").map_err(write_error)?;
                }
            }
        }
    }
    output.flush().map_err(write_error)?;
    let secs = started.elapsed().as_secs_f64();
    writeln!(
        errors,
        "processed {} lines: {} enriched, {} errors, in {:.3} s ({:.0} articles/s, {:.1} MB/s)",
        summary.lines,
        summary.ok,
        summary.errors,
        secs,
        summary.ok as f64 / secs.max(1e-9),
        summary.input_bytes as f64 / 1e6 / secs.max(1e-9)
    )
    .map_err(write_error)?;
    Ok(summary)
}

fn write_error(e: std::io::Error) -> CommandError {
    CommandError::Runtime(format!("cannot write output: {e}"))
}
