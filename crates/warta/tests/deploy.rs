//! The operator's files in `deploy/` against the code: every `WARTA_*` variable the
//! Kubernetes example sets is a config key that `check-config` accepts, its probes and
//! grace period fit the worker, and every metric the Grafana dashboard queries is on
//! `/metrics` of a running worker (against the broker at `KAFKA_BROKERS`).

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Duration;

use common::*;
use serde::Deserialize;
use serde_yaml::Value;
use warta::config::Config;

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn kubernetes_documents() -> Vec<Value> {
    let text = std::fs::read_to_string(repo_file("deploy/kubernetes/warta.yaml")).unwrap();
    serde_yaml::Deserializer::from_str(&text)
        .map(|d| Value::deserialize(d).expect("valid YAML"))
        .collect()
}

fn statefulset(docs: &[Value]) -> &Value {
    docs.iter()
        .find(|d| d["kind"] == "StatefulSet")
        .expect("a StatefulSet in deploy/kubernetes/warta.yaml")
}

fn warta_container(set: &Value) -> &Value {
    set["spec"]["template"]["spec"]["containers"]
        .as_sequence()
        .and_then(|c| c.iter().find(|c| c["name"] == "warta"))
        .expect("a container named warta")
}

/// The container's environment as the worker would see it; a value from the downward
/// API or a Secret gets a stand-in of the kind it holds.
fn environment(container: &Value) -> Vec<(String, String)> {
    container["env"]
        .as_sequence()
        .expect("env list")
        .iter()
        .map(|e| {
            let name = e["name"].as_str().unwrap().to_string();
            let value = match &e["value"] {
                Value::String(s) => s.clone(),
                Value::Null if !e["valueFrom"]["fieldRef"].is_null() => "warta-0".into(),
                Value::Null if !e["valueFrom"]["secretKeyRef"].is_null() => "s3cret".into(),
                other => panic!("{name}: unexpected value {other:?}"),
            };
            (name, value)
        })
        .collect()
}

/// The container's `env` entry named `name`.
fn env_entry<'a>(container: &'a Value, name: &str) -> &'a Value {
    container["env"]
        .as_sequence()
        .and_then(|env| env.iter().find(|e| e["name"] == name))
        .unwrap_or_else(|| panic!("{name} is not set"))
}

#[test]
fn the_statefulset_sets_only_real_config_keys_and_fits_the_worker() {
    let docs = kubernetes_documents();
    let set = statefulset(&docs);
    let container = warta_container(set);
    let env = environment(container);
    let names: BTreeSet<&str> = env.iter().map(|(k, _)| k.as_str()).collect();
    for required in [
        "WARTA_KAFKA__GROUP_INSTANCE_ID",
        "WARTA_PROCESSING__TRANSACTIONAL_ID",
        "WARTA_KAFKA__PROPERTIES__SASL_PASSWORD",
    ] {
        assert!(names.contains(required), "{required} is not set");
    }
    // Each variable alone, so that an error names the one at fault.
    for (name, value) in &env {
        if name.starts_with("WARTA_") {
            Config::load_with_env(None, vec![(name.clone(), value.clone())])
                .unwrap_or_else(|e| panic!("{name}={value}: {e}"));
        }
    }
    let config = Config::load_with_env(None, env.clone()).expect("the whole environment loads");
    assert_eq!(config.group_instance_id(), Some("warta-0"));
    let shown = config.to_masked_toml();
    assert!(
        !shown.contains("s3cret"),
        "check-config would show the Secret"
    );
    // The pod name comes from the downward API, so each replica has its own id.
    let instance = env_entry(container, "WARTA_KAFKA__GROUP_INSTANCE_ID");
    assert_eq!(
        instance["valueFrom"]["fieldRef"]["fieldPath"], "metadata.name",
        "the instance id must be the pod name"
    );
    let grace = set["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
        .as_u64()
        .expect("terminationGracePeriodSeconds");
    assert!(
        Duration::from_secs(grace) > config.shutdown_grace(),
        "SIGKILL after {grace} s would cut the {:?} drain short",
        config.shutdown_grace()
    );
    let port = config.metrics_addr().unwrap().port();
    for (probe, path) in [("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")] {
        let get = &container[probe]["httpGet"];
        assert_eq!(get["path"], path, "{probe}");
        assert_eq!(get["port"].as_u64(), Some(u64::from(port)), "{probe}");
    }
    let secret = docs
        .iter()
        .find(|d| d["kind"] == "Secret")
        .expect("the Secret the password comes from");
    let reference = env_entry(container, "WARTA_KAFKA__PROPERTIES__SASL_PASSWORD");
    assert_eq!(
        reference["valueFrom"]["secretKeyRef"]["name"],
        secret["metadata"]["name"]
    );
}

/// The metric a series belongs to: a histogram's `_bucket`, `_count` and `_sum` series
/// are its own.
fn series_metric(series: &str) -> &str {
    ["_bucket", "_count", "_sum"]
        .iter()
        .find_map(|suffix| series.strip_suffix(suffix))
        .unwrap_or(series)
}

/// Every `warta_*` metric name in the dashboard's queries, with a histogram's `_bucket`
/// suffix taken off.
fn dashboard_metrics() -> BTreeSet<String> {
    let text = std::fs::read_to_string(repo_file("deploy/grafana/warta-dashboard.json")).unwrap();
    let dashboard: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let mut exprs = Vec::new();
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("expr", serde_json::Value::String(e)) => out.push(e.clone()),
                        _ => walk(v, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    walk(&dashboard, &mut exprs);
    assert!(
        exprs.len() >= 6,
        "the dashboard has {} queries",
        exprs.len()
    );
    let mut names = BTreeSet::new();
    for expr in &exprs {
        let mut rest = expr.as_str();
        while let Some(at) = rest.find("warta_") {
            let name: String = rest[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            rest = &rest[at + name.len()..];
            names.insert(series_metric(&name).to_string());
        }
    }
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn every_metric_the_dashboard_queries_is_on_a_running_workers_metrics() {
    let wanted = dashboard_metrics();
    for name in [
        "warta_consumer_lag",
        "warta_processing_seconds",
        "warta_ready",
    ] {
        assert!(wanted.contains(name), "the dashboard has no {name} panel");
    }
    let Some(brokers) =
        brokers("every_metric_the_dashboard_queries_is_on_a_running_workers_metrics")
    else {
        return;
    };
    let Scenario {
        topics,
        inputs,
        group,
    } = scenario(&brokers, "dashboard", 2, 50).await;
    // One record that cannot be decoded, so the dead-letter series exists too.
    produce(
        &brokers,
        &topics.input,
        &[Input {
            key: "broken".into(),
            value: Some(b"{not json".to_vec()),
        }],
    )
    .await;
    let mut worker = WorkerSpec::new(&brokers, &topics, &group).spawn();
    assert!(
        worker.wait_for_metric(
            "warta_records_consumed_total",
            (inputs.len() + 1) as f64,
            Duration::from_secs(120)
        ),
        "{}",
        worker.log_text()
    );
    assert!(worker.wait_for_metric(
        "warta_records_dead_lettered_total",
        1.0,
        Duration::from_secs(60)
    ));
    // Lag comes from librdkafka's statistics, once a second.
    std::thread::sleep(Duration::from_secs(2));
    let (_, body) = worker.http_get("/metrics").expect("/metrics answers");
    let exported: BTreeSet<&str> = body
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split(['{', ' ']).next())
        .map(series_metric)
        .collect();
    let missing: Vec<&String> = wanted
        .iter()
        .filter(|n| !exported.contains(n.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "the dashboard queries {missing:?}, which /metrics does not export:\n{body}"
    );
    worker.signal("TERM");
}
