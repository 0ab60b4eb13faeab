//! `oam catalog [PATH…] [--applies-to TYPE]`: the capabilities a platform offers — every
//! definition of the standard catalog and of the given files, with its description,
//! applicability and conflicts; or only the traits that apply to one workload type.

use std::path::PathBuf;
use std::process::ExitCode;

use oam_model::LoadOptions;
use oam_model::registry::{Definition, DefinitionKind, Registry};
use oam_validate::Options;
use oam_validate::matching::{conflicts_of, traits_for};
use serde_json::{Value, json};

/// Output formats of `oam catalog`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum CatalogFormat {
    /// One block per definition.
    #[default]
    Text,
    /// One JSON object.
    Json,
}

/// Arguments of `oam catalog`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// More definitions (files or directories), over the standard catalog.
    paths: Vec<PathBuf>,
    /// Only the traits that apply to this workload type (a component type, a WorkloadDefinition
    /// or a CRD name such as deployments.apps).
    #[arg(long, value_name = "TYPE")]
    applies_to: Option<String>,
    /// Leave the standard catalog out.
    #[arg(long)]
    no_builtin: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: CatalogFormat,
    #[command(flatten)]
    load: crate::LoadArgs,
}

fn entry(registry: &Registry, d: &Definition) -> Value {
    let conflicts: Vec<&str> = if d.kind == DefinitionKind::Trait {
        conflicts_of(registry, d)
            .iter()
            .map(|c| c.name.as_str())
            .collect()
    } else {
        Vec::new()
    };
    json!({
        "kind": d.kind.kind_name(),
        "name": d.name,
        "namespace": d.namespace,
        "description": d.description,
        "appliesToWorkloads": d.applies_to_workloads,
        "conflictsWith": d.conflicts_with,
        "conflictsWithTraits": conflicts,
    })
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let report = crate::load_all(&args.paths, &args.load.options(LoadOptions::default()));
    if !report.errors.is_empty() {
        return crate::validate::print_load_problems(&report);
    }
    let options = Options {
        builtin: !args.no_builtin,
        ..Options::default()
    };
    let registry = oam_validate::registry(report.documents.iter().map(|d| &d.value), &options);
    let selected: Vec<&Definition> = match &args.applies_to {
        Some(type_) => {
            let traits = traits_for(&registry, type_, None);
            if traits.is_empty() && registry.component_type(type_, None, true).is_err() {
                eprintln!(
                    "error: no component or workload type named {type_:?}; `oam catalog` lists them"
                );
                return ExitCode::from(2);
            }
            traits
        }
        None => registry.definitions().collect(),
    };
    match args.format {
        CatalogFormat::Json => {
            let items: Vec<Value> = selected.iter().map(|d| entry(&registry, d)).collect();
            let text = serde_json::to_string_pretty(&json!({ "definitions": items }));
            outln!("{}", text.unwrap_or_default());
        }
        CatalogFormat::Text => {
            for d in selected {
                outln!("{} {}", d.kind.kind_name(), d.name);
                if let Some(text) = &d.description {
                    outln!("  {text}");
                }
                if !d.applies_to_workloads.is_empty() {
                    outln!("  applies to: {}", d.applies_to_workloads.join(", "));
                }
                if d.kind == DefinitionKind::Trait {
                    let conflicts = conflicts_of(&registry, d);
                    if !conflicts.is_empty() {
                        let names: Vec<&str> = conflicts.iter().map(|c| c.name.as_str()).collect();
                        outln!("  conflicts with: {}", names.join(", "));
                    }
                }
            }
        }
    }
    ExitCode::SUCCESS
}
