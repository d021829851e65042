//! `warta check-config`: validate a config file and print the effective configuration,
//! secrets masked, so an operator can see what the worker would run with.

use super::CommandError;
use crate::config::Config;

pub fn check_config(config: &Config) -> Result<String, CommandError> {
    Ok(format!(
        "# configuration is valid; effective values (secrets masked):\n{}",
        config.to_masked_toml()
    ))
}
