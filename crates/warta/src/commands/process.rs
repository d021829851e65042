//! `warta process`: the same enrichment as the worker, on JSONL files, with no Kafka.
//! For backfills, debugging and evaluation. One output line per good input line, in
//! input order; a bad line becomes a JSON error object on stderr (its line number, its
//! class, the reason) and the rest goes on, so one broken byte never loses a file.
//!
//! Lines are read as bytes, not text: a line that is not UTF-8 reaches the decoder, which
//! names it `invalid_utf8`, exactly as the Kafka path dead-letters such a value. A line
//! longer than `limits.max_input_bytes` is skipped without being held in memory and
//! reported `too_large`. A CRLF ending and a byte-order mark at the start of the file are
//! framing, not content, and are dropped.

use std::io::{BufRead, Write};
use std::time::Instant;

use rayon::prelude::*;

use super::CommandError;
use crate::config::Config;
use crate::processing::{self, Origin, Outcome};
use warta_core::error::DecodeError;

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
    let max_bytes = config.decode_limits().max_bytes;
    let mut summary = Summary::default();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK_LINES);
        while chunk.len() < CHUNK_LINES {
            let line = read_line(input, max_bytes)
                .map_err(|e| CommandError::Runtime(format!("cannot read input: {e}")))?;
            match line {
                Some(mut line) => {
                    if summary.lines + chunk.len() == 0 {
                        strip_bom(&mut line);
                    }
                    chunk.push(line);
                }
                None => break,
            }
        }
        if chunk.is_empty() {
            break;
        }
        let first_line = summary.lines + 1;
        summary.lines += chunk.len();
        let outcomes: Vec<Option<Outcome>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|line| match line {
                    Line::Bytes(bytes) if bytes.trim_ascii().is_empty() => None,
                    Line::Bytes(bytes) => Some(processing::process_value(
                        &processor,
                        None,
                        Some(bytes),
                        Origin::default(),
                    )),
                    Line::TooLarge { bytes } => Some(Outcome::DeadLetter {
                        class: "too_large",
                        reason: DecodeError::TooLarge {
                            bytes: *bytes,
                            limit: max_bytes,
                        }
                        .to_string(),
                    }),
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

/// One input line, without its line ending.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    Bytes(Vec<u8>),
    /// Longer than the limit: only its length was kept.
    TooLarge {
        bytes: usize,
    },
}

impl Line {
    fn len(&self) -> usize {
        match self {
            Line::Bytes(b) => b.len(),
            Line::TooLarge { bytes } => *bytes,
        }
    }
}

/// Reads the next line (up to `\n`, which is dropped with a `\r` before it), holding
/// at most `max` bytes of it: a longer line is consumed to its end and returned as
/// [`Line::TooLarge`]. `None` at the end of the input.
fn read_line(input: &mut dyn BufRead, max: usize) -> std::io::Result<Option<Line>> {
    let mut kept = Vec::new();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        total += part.len();
        if total <= max.saturating_add(1) {
            // One byte over the limit is kept, so a trailing `\r` can still be dropped.
            kept.extend_from_slice(part);
        }
        let used = done.unwrap_or(part.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if total <= max.saturating_add(1) && kept.last() == Some(&b'\r') {
        kept.pop();
        total -= 1;
    }
    Ok(Some(if total > max {
        Line::TooLarge { bytes: total }
    } else {
        Line::Bytes(kept)
    }))
}

/// Drops a UTF-8 byte-order mark that some editors and exporters put before the first line.
fn strip_bom(line: &mut Line) {
    if let Line::Bytes(bytes) = line {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
    }
}

fn write_error(e: std::io::Error) -> CommandError {
    CommandError::Runtime(format!("cannot write output: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<Line> {
        let mut reader = std::io::BufReader::with_capacity(4, input);
        std::iter::from_fn(|| read_line(&mut reader, max).unwrap()).collect()
    }

    #[test]
    fn lines_keep_their_bytes_and_lose_lf_and_crlf() {
        let got = lines(b"ab\r\n\xff\xfe\nlast", 100);
        assert_eq!(
            got,
            [
                Line::Bytes(b"ab".to_vec()),
                Line::Bytes(b"\xff\xfe".to_vec()),
                Line::Bytes(b"last".to_vec())
            ]
        );
    }

    #[test]
    fn an_empty_input_has_no_lines_and_an_empty_line_is_one() {
        assert!(lines(b"", 10).is_empty());
        assert_eq!(lines(b"\n", 10), [Line::Bytes(Vec::new())]);
    }

    #[test]
    fn a_line_over_the_limit_is_measured_not_kept() {
        let mut input = vec![b'x'; 50];
        input.extend_from_slice(b"\nok\n");
        assert_eq!(
            lines(&input, 10),
            [Line::TooLarge { bytes: 50 }, Line::Bytes(b"ok".to_vec())]
        );
        // At the limit exactly, with or without a CR, the line is whole.
        assert_eq!(lines(b"abc\r\n", 3), [Line::Bytes(b"abc".to_vec())]);
        assert_eq!(lines(b"abcd\n", 3), [Line::TooLarge { bytes: 4 }]);
    }

    #[test]
    fn a_bom_is_dropped() {
        let mut line = Line::Bytes(b"\xEF\xBB\xBF{}".to_vec());
        strip_bom(&mut line);
        assert_eq!(line, Line::Bytes(b"{}".to_vec()));
    }
}
