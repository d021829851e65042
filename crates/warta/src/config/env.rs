//! The `WARTA_*` environment layer of the configuration.

use std::collections::BTreeMap;

/// Builds the `WARTA_A__B=v` layer. figment's own `Env` provider reads the process
/// environment directly; taking the pairs as an argument keeps `load_with_env` testable
/// without mutating globals, which races in a multi-threaded test run.
pub(super) fn env_provider(
    env: impl IntoIterator<Item = (String, String)>,
) -> figment::providers::Serialized<BTreeMap<String, figment::value::Value>> {
    use figment::value::{Dict, Value};
    let mut root = Dict::new();
    for (name, raw) in env {
        // WARTA_CONFIG names the config file (the CLI's --config), not a config key.
        if name == "WARTA_CONFIG" {
            continue;
        }
        let Some(rest) = name.strip_prefix("WARTA_") else {
            continue;
        };
        let path: Vec<String> = rest.split("__").map(|p| p.to_ascii_lowercase()).collect();
        if path.iter().any(|p| p.is_empty()) {
            continue;
        }
        insert_path(&mut root, &path, parse_env_value(&raw));
    }
    fn insert_path(dict: &mut Dict, path: &[String], value: Value) {
        if path.len() == 1 {
            dict.insert(path[0].clone(), value);
            return;
        }
        let child = dict
            .entry(path[0].clone())
            .or_insert_with(|| Value::from(Dict::new()));
        if let Value::Dict(_, d) = child {
            insert_path(d, &path[1..], value);
        }
    }
    figment::providers::Serialized::defaults(root.into_iter().collect())
}

/// Environment values are strings; numbers, booleans and `[a, b]` lists are recognised
/// the way figment's own Env provider does.
fn parse_env_value(raw: &str) -> figment::value::Value {
    raw.parse::<figment::value::Value>()
        .unwrap_or_else(|_| figment::value::Value::from(raw.to_string()))
}
