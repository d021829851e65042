//! The effective configuration as text for `warta check-config` and for logs, with
//! every secret masked: a password must never reach a terminal, a log line or a panic.

use std::collections::BTreeMap;

use super::{Config, KafkaConfig};

impl Config {
    /// The effective configuration as TOML, with every secret-looking value masked.
    pub fn to_masked_toml(&self) -> String {
        let mut shown = self.clone();
        for map in [
            &mut shown.kafka.properties,
            &mut shown.kafka.consumer_properties,
            &mut shown.kafka.producer_properties,
        ] {
            for (key, value) in map.iter_mut() {
                if is_secret_key(key) {
                    *value = "********".into();
                }
            }
        }
        shown.kafka.brokers = mask_url_credentials(&shown.kafka.brokers);
        toml_string(&shown)
    }
}

impl std::fmt::Debug for KafkaConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let masked = |map: &BTreeMap<String, String>| -> BTreeMap<String, String> {
            map.iter()
                .map(|(k, v)| {
                    let v = if is_secret_key(k) { "********" } else { v };
                    (k.clone(), v.to_string())
                })
                .collect()
        };
        f.debug_struct("KafkaConfig")
            .field("brokers", &mask_url_credentials(&self.brokers))
            .field("group_id", &self.group_id)
            .field("client_id", &self.client_id)
            .field("group_instance_id", &self.group_instance_id)
            .field("request_timeout_ms", &self.request_timeout_ms)
            .field("properties", &masked(&self.properties))
            .field("consumer_properties", &masked(&self.consumer_properties))
            .field("producer_properties", &masked(&self.producer_properties))
            .finish()
    }
}

/// Whether a librdkafka property holds a secret that must never be printed or logged.
pub fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    [
        "password", "secret", "token", "private", "jaas", ".key.pem", "keystore",
    ]
    .iter()
    .any(|word| key.contains(word))
        || key.ends_with(".key")
}

fn mask_url_credentials(brokers: &str) -> String {
    brokers
        .split(',')
        .map(|b| match b.rsplit_once('@') {
            Some((_, host)) => format!("****@{host}"),
            None => b.to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn toml_string(config: &Config) -> String {
    // figment re-serializes through its own Value so that key order follows the file.
    let value = figment::value::Value::serialize(config).expect("config serializes");
    let mut out = String::new();
    write_toml(&mut out, "", &value);
    out
}

fn write_toml(out: &mut String, path: &str, value: &figment::value::Value) {
    use figment::value::Value;
    let Value::Dict(_, dict) = value else { return };
    let (tables, scalars): (Vec<_>, Vec<_>) =
        dict.iter().partition(|(_, v)| matches!(v, Value::Dict(..)));
    if !path.is_empty() {
        out.push_str(&format!("\n[{path}]\n"));
    }
    for (k, v) in scalars {
        out.push_str(&format!("{} = {}\n", toml_key(k), toml_value(v)));
    }
    for (k, v) in tables {
        let child = if path.is_empty() {
            toml_key(k)
        } else {
            format!("{path}.{}", toml_key(k))
        };
        write_toml(out, &child, v);
    }
}

fn toml_key(k: &str) -> String {
    if k.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        format!("{k:?}")
    }
}

fn toml_value(v: &figment::value::Value) -> String {
    use figment::value::Value;
    match v {
        Value::String(_, s) => format!("{s:?}"),
        Value::Char(_, c) => format!("\"{c}\""),
        Value::Bool(_, b) => b.to_string(),
        Value::Num(_, n) => n
            .to_u128()
            .map(|n| n.to_string())
            .or_else(|| n.to_i128().map(|n| n.to_string()))
            .or_else(|| n.to_f64().map(|n| n.to_string()))
            .unwrap_or_default(),
        Value::Empty(..) => "\"\"".into(),
        Value::Array(_, items) => format!(
            "[{}]",
            items.iter().map(toml_value).collect::<Vec<_>>().join(", ")
        ),
        Value::Dict(..) => "{}".into(),
    }
}
