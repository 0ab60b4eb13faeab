//! `oam`: validate Open Application Model documents, show their dependency graph, plan them
//! against observed state, hash their revisions and export their JSON Schemas.
//!
//! Exit codes: 0 clean, 1 findings of error severity, 2 usage or I/O error.

/// `print!` that ends quietly when standard output is closed (`oam … | head`) instead of
/// panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::write_stdout(&format!($($arg)*))
    };
}

/// `println!` with the same guarantee as [`out!`].
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::write_stdout(&format!("{}\n", format_args!($($arg)*)))
    };
}

mod catalog;
mod explain;
mod graph;
mod plan;
mod render;
mod revision;
mod schema;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use oam_model::{LoadOptions, LoadReport};

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
    /// Print the revision hash and revision name of every Component and application.
    Revision(revision::Args),
    /// Print the dependency graph of every application: waves, edges, cycles.
    Graph(graph::Args),
    /// Plan one pass against observed state: what can be applied now, what is blocked and why.
    Plan(plan::Args),
    /// List the capabilities: definitions with descriptions, applicability and conflicts.
    Catalog(catalog::Args),
    /// Explain a diagnostic code (`oam explain OAM045`), or list them all.
    Explain(explain::Args),
}

/// How findings are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// rustc-style diagnostics with the source line and a caret.
    #[default]
    Text,
    /// One JSON object with every diagnostic.
    Json,
    /// GitHub Actions workflow annotations (`::error file=…,line=…::…`).
    Github,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Revision(args) => revision::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Plan(args) => plan::run(&args),
        Command::Catalog(args) => catalog::run(&args),
        Command::Explain(args) => explain::run(&args),
    }
}

/// The loading flags every command that reads documents takes.
#[derive(clap::Args, Clone, Copy, Debug, Default)]
pub(crate) struct LoadArgs {
    /// How many threads may load and check at once (files, the pieces of a large YAML stream,
    /// families of checks); 1 is sequential. The output is the same whatever the number.
    /// Default: every available core.
    #[arg(long, value_name = "N")]
    pub(crate) jobs: Option<std::num::NonZeroUsize>,
}

impl LoadArgs {
    /// `base` with these flags applied.
    pub(crate) fn options(self, base: LoadOptions) -> LoadOptions {
        LoadOptions {
            jobs: self.jobs.or(base.jobs),
            ..base
        }
    }
}

/// Loads every path (`-` is standard input) into one report.
pub(crate) fn load_all(paths: &[PathBuf], options: &LoadOptions) -> LoadReport {
    let mut report = LoadReport::default();
    for path in paths {
        if path.as_os_str() == "-" {
            report.extend(oam_model::load_reader(
                "<stdin>",
                std::io::stdin().lock(),
                options,
            ));
        } else {
            report.extend(oam_model::load_path(path, options));
        }
    }
    report
}

/// Writes to standard output, ignoring a closed pipe: the reader has all it wanted.
pub(crate) fn write_stdout(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
