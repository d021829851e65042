//! `warta run`: the worker, with its metrics/health server and signal handling.

use std::sync::Arc;

use tokio_util::sync::CancellationToken;

use super::CommandError;
use crate::config::Config;
use crate::runtime::{shutdown, Worker};
use crate::telemetry::{self, health::Health};

pub async fn run(config: Config) -> Result<(), CommandError> {
    telemetry::init_logging(config.telemetry.log_format, &config.telemetry.log_level);
    let metrics = telemetry::metrics::install();
    let health = Arc::new(Health::default());
    let stop = CancellationToken::new();
    let server_stop = CancellationToken::new();
    let addr = config.metrics_addr()?;
    let (bound, server) =
        telemetry::server::serve(addr, metrics, health.clone(), server_stop.clone())
            .await
            .map_err(|e| {
                CommandError::Runtime(format!(
                    "cannot serve metrics on {addr}: {e} (telemetry.metrics_addr)"
                ))
            })?;
    tracing::info!(%bound, "metrics and health on http://{bound}/metrics, /healthz, /readyz");
    shutdown::cancel_on_signal(stop.clone());
    let result = Worker::new(config, health).run(stop).await;
    server_stop.cancel();
    let _ = server.await;
    match &result {
        Ok(()) => tracing::info!("worker stopped cleanly"),
        Err(e) => tracing::error!(error = %e, "worker failed"),
    }
    result.map_err(Into::into)
}
