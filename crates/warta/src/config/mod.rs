//! Typed configuration: the built-in `config/default.toml`, then an optional file, then
//! `WARTA_*` environment variables. Validation names the offending key, because a worker
//! that starts with a typo in its config fails at 3 a.m. instead of at deploy time.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use figment::providers::{Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use warta_core::article::{DecodeLimits, FieldMapping};
use warta_core::pipeline::EnrichLimits;
pub use warta_core::record::Mode;

mod env;
mod render;

use env::env_provider;
pub use render::is_secret_key;

/// The defaults, compiled in so the binary runs without any file next to it.
pub const DEFAULT_TOML: &str = include_str!("../../../../config/default.toml");

/// librdkafka properties that warta sets itself; letting users override them would
/// silently break the delivery guarantee.
const RESERVED_PROPERTIES: &[&str] = &[
    "enable.auto.offset.store",
    "enable.auto.commit",
    "enable.idempotence",
    "transactional.id",
    "isolation.level",
    "group.id",
    "group.instance.id",
    "bootstrap.servers",
];

/// Consumer properties of the classic group protocol that the broker owns under
/// `group.protocol = "consumer"` (KIP-848); librdkafka refuses a consumer that sets them.
pub const CLASSIC_PROTOCOL_ONLY: &[&str] = &[
    "session.timeout.ms",
    "heartbeat.interval.ms",
    "partition.assignment.strategy",
];

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{0}")]
    Parse(String),
    #[error("invalid config key `{key}`: {reason}")]
    Invalid { key: String, reason: String },
    #[error("cannot read config file {path}: {reason}")]
    File { path: String, reason: String },
}

fn invalid(key: impl Into<String>, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key: key.into(),
        reason: reason.into(),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub kafka: KafkaConfig,
    pub topics: Topics,
    pub processing: Processing,
    pub input: Input,
    pub mappings: BTreeMap<String, FieldMapping>,
    pub limits: Limits,
    pub telemetry: Telemetry,
}

/// `Debug` is written by hand below: a `{:?}` in a log line or panic message must never
/// print a password.
#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KafkaConfig {
    pub brokers: String,
    pub group_id: String,
    pub client_id: String,
    /// Static group membership (KIP-345): a stable id per replica, such as a StatefulSet
    /// pod name, so that a restarted replica gets its partitions back at once instead of
    /// after `session.timeout.ms`. Empty: dynamic membership.
    #[serde(default)]
    pub group_instance_id: String,
    pub request_timeout_ms: u64,
    #[serde(default, deserialize_with = "property_map")]
    pub properties: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "property_map")]
    pub consumer_properties: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "property_map")]
    pub producer_properties: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topics {
    pub input: String,
    pub output: String,
    pub dead_letter: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Guarantee {
    AtLeastOnce,
    ExactlyOnce,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Processing {
    pub guarantee: Guarantee,
    pub mode: Mode,
    pub concurrency: usize,
    pub max_in_flight: usize,
    pub batch_size: usize,
    pub batch_linger_ms: u64,
    pub shutdown_grace_ms: u64,
    pub commit_interval_ms: u64,
    pub retry_backoff_ms: u64,
    pub retry_backoff_max_ms: u64,
    pub stall_timeout_ms: u64,
    /// Adds the removed lines themselves (`removed_lines`) to every output record.
    #[serde(default)]
    pub debug_removed: bool,
    /// exactly_once only; defaults to `<group_id>-<hostname>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transactional_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    pub mapping: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub max_input_bytes: usize,
    pub max_body_chars: usize,
    pub max_html_chars: usize,
    pub max_json_depth: usize,
    pub max_entities: usize,
    pub max_quotes: usize,
    pub max_output_bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    Pretty,
    Json,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Telemetry {
    pub metrics_addr: String,
    pub log_format: LogFormat,
    pub log_level: String,
}

/// librdkafka takes every property as a string, but TOML and the environment layer
/// type `linger.ms = 5` or `=false`; accept any scalar and keep its text.
fn property_map<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        S(String),
        B(bool),
        I(i64),
        U(u64),
        F(f64),
    }
    let raw = BTreeMap::<String, Scalar>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                Scalar::S(s) => s,
                Scalar::B(b) => b.to_string(),
                Scalar::I(i) => i.to_string(),
                Scalar::U(u) => u.to_string(),
                Scalar::F(f) => f.to_string(),
            };
            (k, v)
        })
        .collect())
}

impl Config {
    /// Loads defaults, then `file` if given, then the process environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        Self::load_with_env(file, std::env::vars())
    }

    /// Like [`Config::load`], with the environment given explicitly (for tests).
    pub fn load_with_env(
        file: Option<&Path>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let builtin: BTreeMap<&str, FieldMapping> = FieldMapping::builtin().into_iter().collect();
        let mut figment = Figment::from(Serialized::default("mappings", builtin))
            .merge(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
            figment = figment.merge(Toml::string(&text));
        }
        figment = figment.merge(env_provider(env));
        let mut config: Config = figment
            .extract()
            .map_err(|e| ConfigError::Parse(describe_figment_error(e)))?;
        config.normalize();
        config.validate()?;
        Ok(config)
    }

    /// Property keys from the environment arrive as `sasl_password`; librdkafka's own
    /// names use dots and never underscores, so the mapping back is unambiguous.
    fn normalize(&mut self) {
        for map in [
            &mut self.kafka.properties,
            &mut self.kafka.consumer_properties,
            &mut self.kafka.producer_properties,
        ] {
            *map = std::mem::take(map)
                .into_iter()
                .map(|(k, v)| (k.replace('_', "."), v))
                .collect();
        }
    }

    pub fn validate(&self) -> Result<(), ConfigError> {
        let nonempty = |key: &str, value: &str| {
            if value.trim().is_empty() {
                Err(invalid(key, "must not be empty"))
            } else {
                Ok(())
            }
        };
        nonempty("kafka.brokers", &self.kafka.brokers)?;
        nonempty("kafka.group_id", &self.kafka.group_id)?;
        self.validate_group_instance_id()?;
        nonempty("topics.input", &self.topics.input)?;
        nonempty("topics.output", &self.topics.output)?;
        nonempty("topics.dead_letter", &self.topics.dead_letter)?;
        for (key, topic) in [
            ("topics.input", &self.topics.input),
            ("topics.output", &self.topics.output),
            ("topics.dead_letter", &self.topics.dead_letter),
        ] {
            if !is_kafka_name(topic) {
                return Err(invalid(
                    key,
                    format!("`{topic}` is not a valid Kafka topic name (letters, digits, . _ -; at most 249)"),
                ));
            }
        }
        if self.topics.input == self.topics.output || self.topics.input == self.topics.dead_letter {
            return Err(invalid(
                "topics.input",
                "must differ from topics.output and topics.dead_letter, or warta would consume its own output",
            ));
        }
        for (section, map) in [
            ("kafka.properties", &self.kafka.properties),
            ("kafka.consumer_properties", &self.kafka.consumer_properties),
            ("kafka.producer_properties", &self.kafka.producer_properties),
        ] {
            for key in map.keys() {
                if RESERVED_PROPERTIES.contains(&key.as_str()) {
                    return Err(invalid(
                        format!("{section}.\"{key}\""),
                        "is set by warta itself to keep its delivery guarantee; use the matching warta key instead",
                    ));
                }
            }
        }
        self.validate_group_protocol()?;
        let positive = |key: &str, value: u64| {
            if value == 0 {
                Err(invalid(key, "must be greater than 0"))
            } else {
                Ok(())
            }
        };
        positive(
            "processing.max_in_flight",
            self.processing.max_in_flight as u64,
        )?;
        positive("processing.batch_size", self.processing.batch_size as u64)?;
        positive(
            "processing.shutdown_grace_ms",
            self.processing.shutdown_grace_ms,
        )?;
        positive(
            "processing.commit_interval_ms",
            self.processing.commit_interval_ms,
        )?;
        positive(
            "processing.retry_backoff_ms",
            self.processing.retry_backoff_ms,
        )?;
        positive(
            "processing.stall_timeout_ms",
            self.processing.stall_timeout_ms,
        )?;
        positive("kafka.request_timeout_ms", self.kafka.request_timeout_ms)?;
        positive("limits.max_input_bytes", self.limits.max_input_bytes as u64)?;
        positive("limits.max_body_chars", self.limits.max_body_chars as u64)?;
        positive("limits.max_html_chars", self.limits.max_html_chars as u64)?;
        positive("limits.max_json_depth", self.limits.max_json_depth as u64)?;
        positive(
            "limits.max_output_bytes",
            self.limits.max_output_bytes as u64,
        )?;
        if self.processing.retry_backoff_max_ms < self.processing.retry_backoff_ms {
            return Err(invalid(
                "processing.retry_backoff_max_ms",
                "must be at least processing.retry_backoff_ms",
            ));
        }
        if !self.mappings.contains_key(&self.input.mapping) {
            return Err(invalid(
                "input.mapping",
                format!(
                    "no mapping named `{}`; defined: {}",
                    self.input.mapping,
                    self.mappings.keys().cloned().collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        for (name, m) in &self.mappings {
            if m.body.is_empty() && m.html.is_empty() {
                return Err(invalid(
                    format!("mappings.{name}.body"),
                    "a mapping needs at least one key for body or html",
                ));
            }
        }
        self.metrics_addr()?;
        Ok(())
    }

    /// The broker accepts the characters and length of a topic name here; anything else
    /// would fail only at the first join, far from the config that caused it.
    fn validate_group_instance_id(&self) -> Result<(), ConfigError> {
        let id = &self.kafka.group_instance_id;
        if id.is_empty() {
            return Ok(());
        }
        if !is_kafka_name(id) {
            return Err(invalid(
                "kafka.group_instance_id",
                format!(
                    "`{id}` is not a valid group instance id (letters, digits, . _ -; at most 249)"
                ),
            ));
        }
        Ok(())
    }

    /// Under the consumer group protocol the shipped classic-protocol defaults are left
    /// out (see [`Config::consumer_protocol`]); a value the user chose is an error rather
    /// than silently dropped.
    fn validate_group_protocol(&self) -> Result<(), ConfigError> {
        if !self.consumer_protocol() {
            return Ok(());
        }
        let shipped: BTreeMap<String, String> = Figment::from(Toml::string(DEFAULT_TOML))
            .extract_inner("kafka.consumer_properties")
            .expect("the built-in consumer properties are strings");
        for key in CLASSIC_PROTOCOL_ONLY {
            let value = self.kafka.consumer_properties.get(*key);
            if value.is_some() && value != shipped.get(*key) {
                return Err(invalid(
                    format!("kafka.consumer_properties.\"{key}\""),
                    "is not used with group.protocol = \"consumer\": the broker's group.consumer.* settings apply",
                ));
            }
        }
        Ok(())
    }

    /// Whether the consumer uses Kafka 4's consumer group protocol (KIP-848) instead of
    /// the classic one.
    pub fn consumer_protocol(&self) -> bool {
        self.kafka
            .consumer_properties
            .get("group.protocol")
            .is_some_and(|p| p.eq_ignore_ascii_case("consumer"))
    }

    /// The consumer's `group.instance.id`, when static membership is configured.
    pub fn group_instance_id(&self) -> Option<&str> {
        Some(self.kafka.group_instance_id.as_str()).filter(|id| !id.is_empty())
    }

    pub fn metrics_addr(&self) -> Result<SocketAddr, ConfigError> {
        self.telemetry.metrics_addr.parse().map_err(|_| {
            invalid(
                "telemetry.metrics_addr",
                format!(
                    "`{}` is not an address like 127.0.0.1:9464",
                    self.telemetry.metrics_addr
                ),
            )
        })
    }

    /// The field mapping that `input.mapping` selects (validated to exist).
    pub fn mapping(&self) -> &FieldMapping {
        &self.mappings[&self.input.mapping]
    }

    pub fn decode_limits(&self) -> DecodeLimits {
        DecodeLimits {
            max_bytes: self.limits.max_input_bytes,
            max_body_chars: self.limits.max_body_chars,
            max_html_chars: self.limits.max_html_chars,
            max_depth: self.limits.max_json_depth,
        }
    }

    pub fn enrich_limits(&self) -> EnrichLimits {
        EnrichLimits {
            max_entities: self.limits.max_entities,
            max_quotes: self.limits.max_quotes,
        }
    }

    pub fn concurrency(&self) -> usize {
        match self.processing.concurrency {
            0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
            n => n,
        }
    }

    pub fn shutdown_grace(&self) -> Duration {
        Duration::from_millis(self.processing.shutdown_grace_ms)
    }
}

/// Kafka's rule for topic names, which the broker also applies to group instance ids:
/// letters, digits, `.`, `_` and `-`, at most 249 characters.
fn is_kafka_name(name: &str) -> bool {
    name.len() <= 249
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

fn describe_figment_error(e: figment::Error) -> String {
    e.into_iter()
        .map(|e| {
            let key = e.path.join(".");
            let what = e.kind.to_string();
            if key.is_empty() {
                format!("invalid config: {what}")
            } else {
                format!("invalid config key `{key}`: {what}")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_load_and_validate() {
        let c = Config::load_with_env(None, env(&[])).unwrap();
        assert_eq!(c.topics.input, "articles.raw");
        assert_eq!(c.processing.guarantee, Guarantee::AtLeastOnce);
        assert_eq!(c.mapping().body, vec!["body", "content", "text"]);
    }

    #[test]
    fn environment_overrides_nested_keys() {
        let c = Config::load_with_env(
            None,
            env(&[
                ("WARTA_KAFKA__BROKERS", "k1:9092,k2:9092"),
                ("WARTA_TOPICS__INPUT", "in"),
                ("WARTA_PROCESSING__MAX_IN_FLIGHT", "17"),
                ("WARTA_PROCESSING__GUARANTEE", "exactly_once"),
                ("WARTA_KAFKA__PROPERTIES__SASL_PASSWORD", "hunter2"),
                ("WARTA_INPUT__MAPPING", "indonews"),
                ("OTHER_VAR", "ignored"),
            ]),
        )
        .unwrap();
        assert_eq!(c.kafka.brokers, "k1:9092,k2:9092");
        assert_eq!(c.topics.input, "in");
        assert_eq!(c.processing.max_in_flight, 17);
        assert_eq!(c.processing.guarantee, Guarantee::ExactlyOnce);
        assert_eq!(c.kafka.properties["sasl.password"], "hunter2");
        assert_eq!(c.mapping().body, vec!["isi_berita"]);
    }

    #[test]
    fn static_membership_is_off_by_default_and_set_by_its_own_key() {
        let c = Config::load_with_env(None, env(&[])).unwrap();
        assert_eq!(c.group_instance_id(), None);
        assert!(c.to_masked_toml().contains("group_instance_id = \"\""));
        let c = Config::load_with_env(None, env(&[("WARTA_KAFKA__GROUP_INSTANCE_ID", "warta-2")]))
            .unwrap();
        assert_eq!(c.group_instance_id(), Some("warta-2"));
        assert!(c
            .to_masked_toml()
            .contains("group_instance_id = \"warta-2\""));
        let long = "w".repeat(250);
        let err = Config::load_with_env(None, env(&[("WARTA_KAFKA__GROUP_INSTANCE_ID", &long)]))
            .unwrap_err();
        assert!(err.to_string().contains("kafka.group_instance_id"), "{err}");
    }

    #[test]
    fn the_consumer_group_protocol_drops_the_classic_defaults_and_refuses_chosen_ones() {
        let c = Config::load_with_env(
            None,
            env(&[(
                "WARTA_KAFKA__CONSUMER_PROPERTIES__GROUP_PROTOCOL",
                "consumer",
            )]),
        )
        .unwrap();
        assert!(c.consumer_protocol());
        let err = Config::load_with_env(
            None,
            env(&[
                (
                    "WARTA_KAFKA__CONSUMER_PROPERTIES__GROUP_PROTOCOL",
                    "consumer",
                ),
                (
                    "WARTA_KAFKA__CONSUMER_PROPERTIES__SESSION_TIMEOUT_MS",
                    "10000",
                ),
            ]),
        )
        .unwrap_err();
        assert!(err.to_string().contains("session.timeout.ms"), "{err}");
        assert!(!Config::load_with_env(None, env(&[]))
            .unwrap()
            .consumer_protocol());
    }

    #[test]
    fn the_config_file_variable_is_not_a_config_key() {
        let c = Config::load_with_env(None, env(&[("WARTA_CONFIG", "/etc/warta.toml")])).unwrap();
        assert_eq!(c.topics.input, "articles.raw");
        // A misspelt key still fails loudly rather than being ignored.
        let err =
            Config::load_with_env(None, env(&[("WARTA_KAFKA_BROKERS", "x:9092")])).unwrap_err();
        assert!(err.to_string().contains("kafka_brokers"), "{err}");
    }

    #[test]
    fn invalid_values_name_their_key() {
        let cases = [
            (
                "WARTA_PROCESSING__MAX_IN_FLIGHT",
                "0",
                "processing.max_in_flight",
            ),
            (
                "WARTA_PROCESSING__GUARANTEE",
                "twice",
                "processing.guarantee",
            ),
            ("WARTA_INPUT__MAPPING", "nope", "input.mapping"),
            ("WARTA_TOPICS__OUTPUT", "bad topic!", "topics.output"),
            (
                "WARTA_TELEMETRY__METRICS_ADDR",
                "localhost",
                "telemetry.metrics_addr",
            ),
            (
                "WARTA_PROCESSING__COMMIT_INTERVAL_MS",
                "soon",
                "processing.commit_interval_ms",
            ),
            (
                "WARTA_KAFKA__PROPERTIES__ENABLE_IDEMPOTENCE",
                "false",
                "enable.idempotence",
            ),
            (
                "WARTA_KAFKA__GROUP_INSTANCE_ID",
                "pod 0",
                "kafka.group_instance_id",
            ),
            (
                "WARTA_KAFKA__CONSUMER_PROPERTIES__GROUP_INSTANCE_ID",
                "warta-0",
                "group.instance.id",
            ),
        ];
        for (var, value, key) in cases {
            let err = Config::load_with_env(None, env(&[(var, value)])).unwrap_err();
            assert!(
                err.to_string().contains(key),
                "{var}={value}: error `{err}` does not name `{key}`"
            );
        }
    }

    #[test]
    fn unknown_keys_in_a_file_are_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(&path, "[processing]\nmax_inflight = 3\n").unwrap();
        let err = Config::load_with_env(Some(&path), env(&[])).unwrap_err();
        assert!(err.to_string().contains("max_inflight"), "{err}");
    }

    #[test]
    fn built_in_mappings_are_there_and_can_be_changed_key_by_key() {
        let c = Config::load_with_env(None, env(&[])).unwrap();
        assert_eq!(c.mappings["default"], FieldMapping::default());
        assert_eq!(c.mappings["indonews"], FieldMapping::indonews());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        std::fs::write(
            &path,
            "[input]\nmapping = \"indonews\"\n[mappings.indonews]\nbody = [\"konten\"]\n\
             [mappings.mine]\nid = []\nurl = []\ntitle = []\nbody = [\"teks\"]\nhtml = []\n\
             source = []\nauthor = []\npublished_at = []\nlanguage = []\n",
        )
        .unwrap();
        let c = Config::load_with_env(Some(&path), env(&[])).unwrap();
        assert_eq!(c.mapping().body, vec!["konten"]);
        // The keys the file did not name keep their built-in values.
        assert_eq!(c.mapping().title, vec!["judul"]);
        assert_eq!(c.mappings["mine"].body, vec!["teks"]);
        assert!(c.to_masked_toml().contains("[mappings.indonews]"));
    }

    #[test]
    fn masked_output_hides_secrets_and_keeps_the_rest() {
        let c = Config::load_with_env(
            None,
            env(&[
                ("WARTA_KAFKA__PROPERTIES__SASL_PASSWORD", "hunter2"),
                ("WARTA_KAFKA__PROPERTIES__SASL_USERNAME", "warta-user"),
                ("WARTA_KAFKA__PROPERTIES__SSL_KEY_PASSWORD", "k3y"),
            ]),
        )
        .unwrap();
        let shown = c.to_masked_toml();
        assert!(
            !shown.contains("hunter2") && !shown.contains("k3y"),
            "{shown}"
        );
        assert!(shown.contains("warta-user"));
        assert!(
            shown.contains("\"sasl.password\" = \"********\""),
            "{shown}"
        );
        // The masked output is itself a loadable config.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shown.toml");
        std::fs::write(&path, &shown).unwrap();
        Config::load_with_env(Some(&path), env(&[])).unwrap();
    }

    #[test]
    fn debug_output_and_panic_messages_never_show_secrets() {
        let c = Config::load_with_env(
            None,
            env(&[
                ("WARTA_KAFKA__PROPERTIES__SASL_PASSWORD", "hunter2"),
                (
                    "WARTA_KAFKA__PRODUCER_PROPERTIES__SSL_KEYSTORE_PASSWORD",
                    "st0re",
                ),
                ("WARTA_KAFKA__BROKERS", "user:pa55@broker:9092"),
            ]),
        )
        .unwrap();
        let debug = format!("{c:?} {c:#?}");
        for secret in ["hunter2", "st0re", "pa55"] {
            assert!(!debug.contains(secret), "{secret} in {debug}");
        }
        assert!(debug.contains("sasl.password"), "{debug}");
        // A panic that formats the config carries the masked form only.
        let payload = std::panic::catch_unwind(|| panic!("bad state with {c:?}")).unwrap_err();
        let message = payload.downcast_ref::<String>().unwrap();
        assert!(!message.contains("hunter2") && message.contains("********"));
    }
}
