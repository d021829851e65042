//! docker-compose.yml and the Dockerfile agree with the configuration: topic names,
//! WARTA_* variables that are real config keys, shutdown timing, a non-root image.

use std::collections::BTreeMap;
use std::time::Duration;

use serde_yaml::Value;
use warta::config::Config;

const COMPOSE: &str = include_str!("../../../docker-compose.yml");
const DOCKERFILE: &str = include_str!("../../../Dockerfile");

fn compose() -> Value {
    serde_yaml::from_str(COMPOSE).expect("docker-compose.yml is valid YAML")
}

fn default_config() -> Config {
    Config::load_with_env(None, Vec::<(String, String)>::new()).expect("default config loads")
}

fn service<'a>(compose: &'a Value, name: &str) -> &'a Value {
    compose
        .get("services")
        .and_then(|s| s.get(name))
        .unwrap_or_else(|| panic!("docker-compose.yml has no service `{name}`"))
}

fn scalar_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        other => panic!("expected a scalar, found {other:?}"),
    }
}

/// A service's environment, in either compose form (map or `KEY=value` list).
fn environment(service: &Value) -> BTreeMap<String, String> {
    match service.get("environment") {
        None => BTreeMap::new(),
        Some(Value::Mapping(m)) => m
            .iter()
            .map(|(k, v)| (scalar_text(k), scalar_text(v)))
            .collect(),
        Some(Value::Sequence(items)) => items
            .iter()
            .map(|item| {
                let text = scalar_text(item);
                let (k, v) = text.split_once('=').unwrap_or((&text, ""));
                (k.to_string(), v.to_string())
            })
            .collect(),
        Some(other) => panic!("unexpected environment form: {other:?}"),
    }
}

/// A service's command (string or list) as one shell text, line continuations joined.
fn command_text(service: &Value) -> String {
    let text = match service.get("command") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Sequence(items)) => items.iter().map(scalar_text).collect::<Vec<_>>().join(" "),
        other => panic!("expected a command, found {other:?}"),
    };
    text.replace("\\\n", " ")
}

/// Value following `flag` in a whitespace-split command line (`--flag value` or
/// `--flag=value`).
fn flag_values(line: &str, flag: &str) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if *w == flag {
            if let Some(v) = words.get(i + 1) {
                out.push(v.trim_matches(['"', '\'']).to_string());
            }
        } else if let Some(v) = w.strip_prefix(&format!("{flag}=")) {
            out.push(v.trim_matches(['"', '\'']).to_string());
        }
    }
    out
}

/// Compose durations: `45s`, `1m30s`, `500ms`, `1h`.
fn compose_duration(text: &str) -> Duration {
    let mut total = Duration::ZERO;
    let mut rest = text.trim();
    assert!(!rest.is_empty(), "empty duration");
    while !rest.is_empty() {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit() && c != '.')
            .unwrap_or_else(|| panic!("duration `{text}` has no unit"));
        let number: f64 = rest[..digits]
            .parse()
            .unwrap_or_else(|_| panic!("bad number in duration `{text}`"));
        rest = &rest[digits..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit())
            .unwrap_or(rest.len());
        let seconds = match &rest[..unit_len] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 1e-3,
            "us" | "µs" => 1e-6,
            unit => panic!("unknown unit `{unit}` in duration `{text}`"),
        };
        total += Duration::from_secs_f64(number * seconds);
        rest = &rest[unit_len..];
    }
    total
}

#[test]
fn compose_duration_parses_the_compose_forms() {
    assert_eq!(compose_duration("45s"), Duration::from_secs(45));
    assert_eq!(compose_duration("1m30s"), Duration::from_secs(90));
    assert_eq!(compose_duration("500ms"), Duration::from_millis(500));
}

#[test]
fn services_exist_and_kafka_is_apache_kafka_4() {
    let compose = compose();
    for name in ["kafka", "create-topics", "warta", "replay"] {
        service(&compose, name);
    }
    let image = scalar_text(
        service(&compose, "kafka")
            .get("image")
            .expect("kafka has an image"),
    );
    assert!(
        image.starts_with("apache/kafka:4."),
        "kafka image is `{image}`, expected apache/kafka:4.x"
    );
    let kafka_env = environment(service(&compose, "kafka"));
    assert_eq!(
        kafka_env.get("KAFKA_PROCESS_ROLES").map(String::as_str),
        Some("broker,controller"),
        "single-node KRaft broker"
    );
    // The replay job is opt-in.
    let profiles = service(&compose, "replay")
        .get("profiles")
        .and_then(Value::as_sequence)
        .expect("replay has profiles");
    assert!(profiles.iter().any(|p| p.as_str() == Some("replay")));
}

#[test]
fn create_topics_creates_every_configured_topic() {
    let compose = compose();
    let config = default_config();
    let job = service(&compose, "create-topics");
    let depends = job
        .get("depends_on")
        .and_then(|d| d.get("kafka"))
        .and_then(|k| k.get("condition"))
        .and_then(Value::as_str);
    assert_eq!(depends, Some("service_healthy"));

    let script = command_text(job);
    let mut created: BTreeMap<String, String> = BTreeMap::new();
    for line in script.lines() {
        if line.contains("kafka-topics.sh") && line.contains("--create") {
            assert!(
                line.contains("--if-not-exists"),
                "topic creation must be idempotent: {line}"
            );
            for topic in flag_values(line, "--topic") {
                created.insert(topic, line.to_string());
            }
        }
    }
    for (key, topic) in [
        ("topics.input", &config.topics.input),
        ("topics.output", &config.topics.output),
        ("topics.dead_letter", &config.topics.dead_letter),
    ] {
        assert!(
            created.contains_key(topic),
            "{key} = `{topic}` is not created by create-topics (creates: {:?})",
            created.keys().collect::<Vec<_>>()
        );
    }
    // A too-large input must fit on the dead-letter topic, or it cannot be dead-lettered.
    let dead_letter = &created[&config.topics.dead_letter];
    let max_message_bytes: usize = flag_values(dead_letter, "--config")
        .iter()
        .find_map(|c| c.strip_prefix("max.message.bytes="))
        .expect("dead-letter topic sets max.message.bytes")
        .parse()
        .expect("max.message.bytes is a number");
    assert!(
        max_message_bytes >= config.limits.max_input_bytes,
        "dead-letter max.message.bytes {max_message_bytes} < limits.max_input_bytes {}",
        config.limits.max_input_bytes
    );
}

#[test]
fn warta_environment_matches_the_config() {
    let compose = compose();
    let config = default_config();
    let warta = service(&compose, "warta");
    let env = environment(warta);
    assert_eq!(
        env.get("WARTA_TOPICS__INPUT"),
        Some(&config.topics.input),
        "WARTA_TOPICS__INPUT"
    );
    assert_eq!(
        env.get("WARTA_TOPICS__OUTPUT"),
        Some(&config.topics.output),
        "WARTA_TOPICS__OUTPUT"
    );
    assert_eq!(
        env.get("WARTA_TOPICS__DEAD_LETTER"),
        Some(&config.topics.dead_letter),
        "WARTA_TOPICS__DEAD_LETTER"
    );
    let brokers = env
        .get("WARTA_KAFKA__BROKERS")
        .expect("WARTA_KAFKA__BROKERS is set");
    let kafka_env = environment(service(&compose, "kafka"));
    let advertised = kafka_env
        .get("KAFKA_ADVERTISED_LISTENERS")
        .expect("kafka advertises a listener");
    for broker in brokers.split(',') {
        assert!(
            broker.starts_with("kafka:"),
            "WARTA_KAFKA__BROKERS entry `{broker}` does not point at the kafka service"
        );
        assert!(
            advertised.contains(&format!("://{broker}")),
            "`{broker}` is not among kafka's advertised listeners `{advertised}`"
        );
    }
    let depends = warta
        .get("depends_on")
        .and_then(|d| d.get("create-topics"))
        .and_then(|k| k.get("condition"))
        .and_then(Value::as_str);
    assert_eq!(depends, Some("service_completed_successfully"));

    let replay = command_text(service(&compose, "replay"));
    assert!(replay.contains("kafka-console-producer.sh"));
    assert_eq!(
        flag_values(&replay, "--topic"),
        vec![config.topics.input.clone()],
        "replay feeds the input topic"
    );
}

/// Walks a `WARTA_A__B` name down the serialized config (`a.b`).
fn config_value<'a>(config: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    let rest = key.strip_prefix("WARTA_")?;
    rest.split("__")
        .try_fold(config, |v, part| v.get(part.to_ascii_lowercase()))
}

#[test]
fn every_warta_variable_is_a_real_config_key_and_takes_effect() {
    let compose = compose();
    let services = compose
        .get("services")
        .and_then(Value::as_mapping)
        .expect("services");
    let mut checked = 0;
    for (name, svc) in services {
        let name = scalar_text(name);
        let env: Vec<(String, String)> = environment(svc)
            .into_iter()
            .filter(|(k, _)| k.starts_with("WARTA_"))
            .collect();
        if env.is_empty() {
            continue;
        }
        let config = Config::load_with_env(None, env.clone()).unwrap_or_else(|e| {
            panic!("service `{name}`: its WARTA_* environment is rejected: {e}")
        });
        let json = serde_json::to_value(&config).expect("config serializes");
        for (key, value) in &env {
            let found = config_value(&json, key)
                .unwrap_or_else(|| panic!("service `{name}`: {key} is not a config key"));
            let found = match found {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert_eq!(
                &found, value,
                "service `{name}`: {key}={value} did not take effect"
            );
            checked += 1;
        }
        config.metrics_addr().unwrap_or_else(|e| {
            panic!("service `{name}`: telemetry.metrics_addr does not parse: {e}")
        });
    }
    assert!(
        checked >= 6,
        "expected warta's WARTA_* variables, checked {checked}"
    );

    // The image's own ENV must be a real key too.
    let image_env: Vec<(String, String)> = DOCKERFILE
        .lines()
        .filter_map(|l| l.trim().strip_prefix("ENV "))
        .filter_map(|l| l.trim().split_once(['=', ' ']))
        .filter(|(k, _)| k.starts_with("WARTA_"))
        .map(|(k, v)| (k.to_string(), v.trim().to_string()))
        .collect();
    assert!(
        !image_env.is_empty(),
        "the Dockerfile sets WARTA_TELEMETRY__METRICS_ADDR"
    );
    let config = Config::load_with_env(None, image_env.clone()).expect("Dockerfile ENV is valid");
    let json = serde_json::to_value(&config).unwrap();
    for (key, value) in &image_env {
        assert_eq!(
            config_value(&json, key).and_then(|v| v.as_str()),
            Some(value.as_str()),
            "Dockerfile ENV {key}"
        );
    }
}

#[test]
fn warta_stops_after_its_shutdown_grace() {
    let compose = compose();
    let config = default_config();
    let warta = service(&compose, "warta");
    let grace = compose_duration(
        warta
            .get("stop_grace_period")
            .and_then(Value::as_str)
            .expect("warta sets stop_grace_period"),
    );
    let drain = Duration::from_millis(config.processing.shutdown_grace_ms);
    assert!(
        grace > drain,
        "stop_grace_period {grace:?} must exceed processing.shutdown_grace_ms {drain:?}, \
         or Docker kills warta mid-drain"
    );
}

#[test]
fn dockerfile_is_multi_stage_and_runs_as_non_root() {
    let instructions: Vec<(String, String)> = DOCKERFILE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (word, rest) = l.split_once(char::is_whitespace)?;
            Some((word.to_ascii_uppercase(), rest.trim().to_string()))
        })
        .collect();
    let froms: Vec<usize> = instructions
        .iter()
        .enumerate()
        .filter(|(_, (w, _))| w == "FROM")
        .map(|(i, _)| i)
        .collect();
    assert!(froms.len() >= 2, "the Dockerfile is not multi-stage");
    let last_stage = &instructions[*froms.last().unwrap()..];
    assert!(
        last_stage
            .iter()
            .any(|(w, rest)| w == "COPY" && rest.starts_with("--from=")),
        "the final stage does not copy from a build stage"
    );
    let user = last_stage
        .iter()
        .rev()
        .find(|(w, _)| w == "USER")
        .map(|(_, rest)| rest.clone())
        .expect("the final stage sets USER");
    let name = user.split(':').next().unwrap();
    assert!(
        !matches!(name, "root" | "0"),
        "the final stage runs as root (USER {user})"
    );
    assert!(
        last_stage
            .iter()
            .any(|(w, rest)| w == "EXPOSE" && rest.split_whitespace().any(|p| p == "9464")),
        "the image exposes the metrics port 9464"
    );
}
