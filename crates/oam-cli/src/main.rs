//! `oam`: validate Open Application Model documents and export their JSON Schemas.
//!
//! Exit codes: 0 clean, 1 findings of error severity, 2 usage or I/O error.

mod render;
mod schema;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// The Open Application Model in Rust.
#[derive(Parser)]
#[command(name = "oam", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Load documents and report every problem with its location.
    Validate(validate::Args),
    /// Write the JSON Schema of every kind, one file per kind plus an index.
    Schema(schema::Args),
}

/// How findings are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// rustc-style diagnostics with the source line and a caret.
    #[default]
    Text,
    /// One JSON object with every diagnostic.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
    }
}
