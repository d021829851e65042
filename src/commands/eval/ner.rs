//! Placeholder while this command is being built in the same session.

use std::path::Path;

use super::super::CommandError;
use crate::config::Config;

pub fn run(_config: &Config, _gold: &[&Path]) -> Result<String, CommandError> {
    Err(CommandError::Usage("this command is not built yet".into()))
}
