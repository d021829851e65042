//! Placeholder while this command is being built in the same session.

use std::path::{Path, PathBuf};

use super::super::CommandError;

pub fn run(_data: &[PathBuf], _out: &Path, _seed: u64) -> Result<String, CommandError> {
    Err(CommandError::Usage("this command is not built yet".into()))
}
