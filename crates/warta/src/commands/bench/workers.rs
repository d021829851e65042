//! The `warta run` children under test: spawned into one consumer group, watched for an
//! early exit, measured (`VmHWM`) and stopped.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::super::CommandError;
use super::BenchArgs;

/// A `warta run` child.
pub(super) struct WorkerChild {
    pub(super) child: Child,
    pub(super) log: PathBuf,
}

pub(super) fn spawn_workers(
    args: &BenchArgs,
    mode: &str,
    group: &str,
    input: &str,
    output: &str,
    dead_letter: &str,
) -> Result<Vec<WorkerChild>, CommandError> {
    let exe = std::env::current_exe()
        .map_err(|e| CommandError::Runtime(format!("cannot find own binary: {e}")))?;
    (0..args.workers)
        .map(|k| {
            let log = std::env::temp_dir().join(format!("{group}-{k}.log"));
            let file = std::fs::File::create(&log)
                .map_err(|e| CommandError::Runtime(format!("{}: {e}", log.display())))?;
            let mut cmd = Command::new(&exe);
            if let Some(c) = &args.config_file {
                cmd.arg("--config").arg(c);
            }
            cmd.arg("run")
                .env("WARTA_KAFKA__BROKERS", &args.brokers)
                .env("WARTA_KAFKA__GROUP_ID", group)
                .env("WARTA_KAFKA__CLIENT_ID", format!("{group}-{k}"))
                .env("WARTA_TOPICS__INPUT", input)
                .env("WARTA_TOPICS__OUTPUT", output)
                .env("WARTA_TOPICS__DEAD_LETTER", dead_letter)
                .env("WARTA_PROCESSING__MODE", mode)
                .env(
                    "WARTA_TELEMETRY__METRICS_ADDR",
                    format!(
                        "127.0.0.1:{}",
                        crate::telemetry::server::free_local_port().unwrap_or(0)
                    ),
                )
                .env("WARTA_TELEMETRY__LOG_FORMAT", "json")
                .env("WARTA_TELEMETRY__LOG_LEVEL", "warn")
                .env_remove("RUST_LOG")
                .stdin(Stdio::null())
                .stdout(
                    file.try_clone()
                        .map_err(|e| CommandError::Runtime(e.to_string()))?,
                )
                .stderr(file);
            for (k, v) in &args.worker_env {
                cmd.env(k, v);
            }
            let child = cmd
                .spawn()
                .map_err(|e| CommandError::Runtime(format!("cannot start worker: {e}")))?;
            Ok(WorkerChild { child, log })
        })
        .collect()
}

/// `VmHWM` (peak RSS) or `VmRSS` of a process, in kB.
pub(super) fn status_kb(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

pub(super) fn stop_workers(workers: Vec<WorkerChild>) {
    for w in &workers {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(w.child.id().to_string())
            .status();
    }
    for mut w in workers {
        let deadline = Instant::now() + Duration::from_secs(40);
        loop {
            match w.child.try_wait() {
                Ok(Some(_)) => break,
                _ if Instant::now() > deadline => {
                    let _ = w.child.kill();
                    let _ = w.child.wait();
                    break;
                }
                _ => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
}

pub(super) fn check_alive(workers: &mut [WorkerChild]) -> Result<(), CommandError> {
    for w in workers.iter_mut() {
        if let Ok(Some(status)) = w.child.try_wait() {
            let log = std::fs::read_to_string(&w.log).unwrap_or_default();
            return Err(CommandError::Runtime(format!(
                "worker exited with {status}; log {}:\n{log}",
                w.log.display()
            )));
        }
    }
    Ok(())
}
