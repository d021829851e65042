//! The subcommands. Each takes a loaded [`crate::config::Config`] and returns a
//! [`CommandError`] whose kind picks the process exit code in `main.rs`.

pub mod bench;
pub mod check_config;
pub mod demo;
pub mod process;
pub mod run;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum CommandError {
    /// Bad configuration or usage: exit code 2.
    #[error("{0}")]
    Usage(String),
    /// Anything that went wrong while running: exit code 1.
    #[error("{0}")]
    Runtime(String),
}

impl CommandError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CommandError::Usage(_) => 2,
            CommandError::Runtime(_) => 1,
        }
    }
}

impl From<crate::config::ConfigError> for CommandError {
    fn from(e: crate::config::ConfigError) -> Self {
        CommandError::Usage(e.to_string())
    }
}

impl From<warta_train::Error> for CommandError {
    fn from(e: warta_train::Error) -> Self {
        match e {
            warta_train::Error::Usage(m) => CommandError::Usage(m),
            warta_train::Error::Runtime(m) => CommandError::Runtime(m),
        }
    }
}

impl From<crate::runtime::RuntimeError> for CommandError {
    fn from(e: crate::runtime::RuntimeError) -> Self {
        CommandError::Runtime(e.to_string())
    }
}
