//! `oam plan PATH… --observed PATH`: for every ApplicationConfiguration, what can be applied now
//! (the rendered objects, as YAML or JSON) and what is blocked and why, against observed state.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use oam_graph::{Inputs, ObservedObjects, Plan, PlanWarningKind, plan};
use oam_model::registry::Registry;
use oam_model::{Document, LoadOptions, Loaded, V1alpha2};
use serde_json::{Value, json};

use crate::render::{Diagnostic, Severity};

/// Output formats of `oam plan`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum PlanFormat {
    /// The ready objects as a YAML stream, with the waves and blocked objects as comments.
    #[default]
    Yaml,
    /// One JSON object per application: waves, ready objects, blocked objects with reasons.
    Json,
}

/// Arguments of `oam plan`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The application, its Components and definitions: files or directories; `-` reads
    /// standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Live objects as observed in the cluster (files or directories of YAML or JSON); without
    /// it, nothing exists yet.
    #[arg(long)]
    observed: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: PlanFormat,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let report = crate::load_all(&args.paths, &LoadOptions::default());
    let observed_report = crate::load_all(&args.observed, &LoadOptions::lenient());
    if !report.errors.is_empty() {
        return crate::validate::print(&report, Vec::new(), crate::OutputFormat::Text);
    }
    if !observed_report.errors.is_empty() {
        return crate::validate::print(&observed_report, Vec::new(), crate::OutputFormat::Text);
    }
    let mut observed = ObservedObjects::default();
    for loaded in &observed_report.documents {
        let value = serde_json::to_value(&loaded.value).unwrap_or(Value::Null);
        if observed.insert(value).is_err() {
            eprintln!(
                "error: {}: document {} needs apiVersion, kind and metadata.name to be observed",
                loaded.source.name(),
                loaded.document + 1
            );
            return ExitCode::from(2);
        }
    }
    let documents: Vec<&Document> = report.documents.iter().map(|d| &d.value).collect();
    let registry = Registry::from_documents(documents.iter().copied());
    let inputs = Inputs::from_documents(&registry, documents.iter().copied());
    let mut findings = Vec::new();
    let mut outputs = Vec::new();
    for loaded in &report.documents {
        let Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) = &loaded.value else {
            continue;
        };
        match plan(app, &inputs, &observed) {
            Ok(p) => {
                findings.extend(warnings(loaded, &p));
                outputs.push((app.metadata.name.clone().unwrap_or_default(), p));
            }
            Err(errors) => findings.extend(errors.into_iter().map(|e| Diagnostic {
                code: e.kind.code(),
                severity: Severity::Error,
                message: e.kind.to_string(),
                location: loaded.location(&e.path),
                hint: Some(e.kind.hint()),
            })),
        }
    }
    if !findings.is_empty() {
        // Diagnostics go to standard error so the plan on standard output stays parseable.
        let code = findings.iter().any(|f| f.severity == Severity::Error);
        eprint!("{}", crate::render::text_only(&findings, &report));
        if code {
            return ExitCode::from(1);
        }
    }
    match args.format {
        PlanFormat::Yaml => {
            for (name, p) in &outputs {
                out!("{}", yaml(name, p));
            }
        }
        PlanFormat::Json => {
            let plans: Vec<Value> = outputs.iter().map(|(n, p)| to_json(n, p)).collect();
            let text = serde_json::to_string_pretty(&json!({ "plans": plans }));
            outln!("{}", text.unwrap_or_default());
        }
    }
    ExitCode::SUCCESS
}

fn warnings<'a>(
    loaded: &'a Loaded<Document>,
    p: &'a Plan,
) -> impl Iterator<Item = Diagnostic> + 'a {
    p.warnings.iter().map(|w| {
        let (message, hint) = match &w.kind {
            PlanWarningKind::ParameterType(t) => (
                format!(
                    "parameter {:?} writes {} over {} at {}",
                    t.parameter, t.value_type, t.template_type, t.path
                ),
                "check the value's type against the Component's template",
            ),
            PlanWarningKind::OrderingOnly { output } => (
                format!("data output {output:?} has neither fieldPath nor conditions: it only orders, nothing is written to toFieldPaths"),
                "give the output a fieldPath, or drop toFieldPaths",
            ),
            PlanWarningKind::StoreNotPlanned => (
                "inputStore / outputStore operations are not planned".to_owned(),
                "the runtime applies them; oam plan shows the objects without them",
            ),
            PlanWarningKind::NoTraitDefinition { name } => (
                format!("no TraitDefinition {name:?}: the trait gets no workload reference"),
                "pass the TraitDefinition's file too",
            ),
        };
        Diagnostic {
            code: "OAM038",
            severity: Severity::Warning,
            message,
            location: loaded.location(&w.path),
            hint: Some(hint.to_owned()),
        }
    })
}

fn waves(p: &Plan) -> Vec<Vec<String>> {
    oam_graph::waves(&p.graph)
        .iter()
        .map(|w| {
            w.iter()
                .filter_map(|id| p.graph.node(*id).map(|n| n.name.clone()))
                .collect()
        })
        .collect()
}

fn yaml(name: &str, p: &Plan) -> String {
    let ready = p.ready().count();
    let blocked = p.blocked().count();
    let mut out = format!("# ApplicationConfiguration {name}: {ready} ready, {blocked} blocked\n");
    for (i, wave) in waves(p).iter().enumerate() {
        out.push_str(&format!("# wave {}: {}\n", i + 1, wave.join(", ")));
    }
    for (planned, unsatisfied) in p.blocked() {
        out.push_str(&format!("# blocked: {}\n", planned.key));
        for u in unsatisfied {
            out.push_str(&format!(
                "#   {} (waiting for {} {} {}{})\n",
                u.reason,
                u.from.api_version,
                u.from.kind,
                u.from.name,
                u.from
                    .field_path
                    .as_ref()
                    .map(|f| format!(" {f}"))
                    .unwrap_or_default()
            ));
        }
    }
    for (_, object) in p.ready() {
        out.push_str("---\n");
        out.push_str(&oam_model::to_yaml_string(object).unwrap_or_default());
    }
    out
}

fn to_json(name: &str, p: &Plan) -> Value {
    json!({
        "application": name,
        "waves": waves(p),
        "ready": p.ready().map(|(_, o)| o.clone()).collect::<Vec<_>>(),
        "blocked": p.blocked().map(|(planned, u)| json!({
            "component": planned.component,
            "apiVersion": planned.key.api_version,
            "kind": planned.key.kind,
            "namespace": planned.key.namespace,
            "name": planned.key.name,
            "unsatisfied": u,
        })).collect::<Vec<_>>(),
        "dependency": p.dependency_status(),
    })
}
