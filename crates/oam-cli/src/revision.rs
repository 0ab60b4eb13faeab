//! `oam revision PATH…`: the revision hash and revision name of every Component,
//! ApplicationConfiguration and Application.

use std::path::PathBuf;
use std::process::ExitCode;

use oam_model::definition::Revision as StatusRevision;
use oam_model::revision::{
    Recorded, Revision, RevisionHash, RevisionHistory, RevisionName, app_hash, component_hash,
};
use oam_model::{App, Document, Inputs, LoadOptions, V1alpha2};
use serde_json::json;

/// Arguments of `oam revision`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Files or directories; `-` reads standard input. Definitions and Components found anywhere
    /// in them are used for the application hashes.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: RevisionFormat,
    #[command(flatten)]
    load: crate::LoadArgs,
}

/// One hashed object.
struct Row {
    kind: &'static str,
    name: String,
    hash: RevisionHash,
    revision: String,
    state: &'static str,
}

/// Output formats of `oam revision`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum RevisionFormat {
    /// One line per object.
    #[default]
    Text,
    /// One JSON object.
    Json,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let report = crate::load_all(&args.paths, &args.load.options(LoadOptions::default()));
    if !report.errors.is_empty() {
        return crate::validate::print_load_problems(&report);
    }
    // The library's default: the input's definitions over the standard catalog, as
    // `oam validate` resolves them.
    let inputs = Inputs::from_report(&report);
    let rows: Vec<Row> = report.values().filter_map(|d| row(d, &inputs)).collect();
    match args.format {
        RevisionFormat::Text => {
            let width = rows
                .iter()
                .map(|r| r.kind.len() + r.name.len() + 1)
                .max()
                .unwrap_or(0);
            for r in &rows {
                let label = format!("{} {}", r.kind, r.name);
                outln!("{label:<width$}  {}  {} ({})", r.hash, r.revision, r.state);
            }
        }
        RevisionFormat::Json => {
            let items: Vec<_> = rows
                .iter()
                .map(|r| {
                    json!({"kind": r.kind, "name": r.name, "hash": r.hash.as_str(), "short": r.hash.short(),
                           "revision": r.revision, "state": r.state})
                })
                .collect();
            outln!(
                "{}",
                serde_json::to_string_pretty(&json!({ "revisions": items })).unwrap_or_default()
            );
        }
    }
    ExitCode::SUCCESS
}

fn row(document: &Document, inputs: &Inputs<'_>) -> Option<Row> {
    let name = document.name().unwrap_or("<unnamed>").to_owned();
    let (kind, hash, latest) = match document {
        Document::V1alpha2(V1alpha2::Component(c)) => (
            "Component",
            component_hash(c),
            c.status.as_ref().and_then(|s| s.latest_revision.as_ref()),
        ),
        _ => {
            let app = document.as_app()?;
            let latest = match app {
                App::Application(a) => a.status.as_ref().and_then(|s| s.latest_revision.as_ref()),
                _ => None,
            };
            (app.kind(), app_hash(app, inputs), latest)
        }
    };
    let (revision, state) = revision_of(&name, &hash, latest);
    Some(Row {
        kind,
        name,
        hash,
        revision,
        state,
    })
}

/// The revision this content is, given the latest revision recorded in the object's status.
fn revision_of(
    name: &str,
    hash: &RevisionHash,
    latest: Option<&StatusRevision>,
) -> (String, &'static str) {
    let Some(latest) = latest else {
        let first = RevisionName {
            name: name.to_owned(),
            number: 1,
        };
        return (first.to_string(), "first revision");
    };
    let recorded = latest
        .revision_hash
        .as_deref()
        .and_then(|h| h.parse::<RevisionHash>().ok());
    let (Ok(number), Some(recorded)) = (u64::try_from(latest.revision), recorded) else {
        return (
            latest.name.clone(),
            "status records no sha256 hash: cannot tell whether this content is new",
        );
    };
    let mut history = RevisionHistory::resume(Revision {
        name: RevisionName {
            name: name.to_owned(),
            number,
        },
        hash: recorded,
    });
    match history.record(hash.clone()) {
        Recorded::Unchanged(n) => (n.to_string(), "unchanged"),
        Recorded::Reused(n) => (n.to_string(), "reused"),
        Recorded::Created(n) => (n.to_string(), "new content"),
    }
}
