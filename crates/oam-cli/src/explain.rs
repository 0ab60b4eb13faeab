//! `oam explain [CODE]`: what a diagnostic code means, with an example, as `rustc --explain`
//! does; without a code, every code on one line each.

use std::process::ExitCode;

use oam_model::codes::{CODES, find};

/// Arguments of `oam explain`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The code, e.g. OAM045 (or 45); without one, every code is listed.
    code: Option<String>,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let Some(wanted) = &args.code else {
        for c in CODES {
            outln!("{} {:<7} {}", c.code, short(c.severity), c.what);
        }
        return ExitCode::SUCCESS;
    };
    let Some(c) = find(wanted) else {
        let (first, last) = (CODES[0].code, CODES[CODES.len() - 1].code);
        eprintln!(
            "error: no diagnostic code {wanted:?}; the codes run from {first} to {last} (`oam explain` lists them)"
        );
        return ExitCode::from(2);
    };
    out!(
        "{} ({})\n\n{}\n\nFor example:\n\n    {}\n",
        c.code,
        c.severity,
        c.what,
        c.example.trim_matches('`').trim()
    );
    ExitCode::SUCCESS
}

/// `error` or `warning`, without the cases in parentheses.
fn short(severity: &str) -> &str {
    severity.split(' ').next().unwrap_or(severity)
}
