//! `oam plan PATH… --observed PATH`: for every ApplicationConfiguration and Application, what can
//! be applied now (rendered objects or components, as YAML or JSON) and what is blocked and why,
//! against observed state.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use oam_graph::{Graph, Inputs, ObservedObjects, Plan, PlanWarning, Unsatisfied, plan};
use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::{Document, LoadOptions, Loaded, Resource};
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
    #[command(flatten)]
    load: crate::LoadArgs,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let report = crate::load_all(&args.paths, &args.load.options(LoadOptions::default()));
    let observed_report =
        crate::load_all(&args.observed, &args.load.options(LoadOptions::lenient()));
    if !report.errors.is_empty() {
        return crate::validate::print_load_problems(&report);
    }
    if !observed_report.errors.is_empty() {
        return crate::validate::print_load_problems(&observed_report);
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
    // The standard catalog beneath the input's definitions, as `oam validate` sees them.
    let inputs = Inputs::from_report(&report);
    let mut findings = Vec::new();
    let mut outputs = Vec::new();
    for (loaded, app) in report.apps() {
        let name = app.name().unwrap_or_default().to_owned();
        match plan(app, &inputs, &observed) {
            Ok(p) => {
                findings.extend(warnings(loaded, &p.warnings));
                outputs.push((name, app.kind(), p));
            }
            Err(errors) => findings.extend(errors.into_iter().map(|e| Diagnostic {
                code: e.kind.code(),
                severity: Severity::Error,
                message: e.kind.to_string(),
                location: loaded.location(&e.path),
                object: format!("{} {name}", loaded.value.kind()),
                help: Some(e.kind.hint()),
                related: Vec::new(),
                suggestion: None,
            })),
        }
    }
    if !findings.is_empty() {
        // Diagnostics go to standard error so the plan on standard output stays parseable.
        let failed = findings.iter().any(|f| f.severity == Severity::Error);
        eprint!("{}", crate::render::text_only(&findings, &report));
        if failed {
            return ExitCode::from(1);
        }
    }
    match args.format {
        PlanFormat::Yaml => {
            for (name, kind, p) in &outputs {
                out!("{}", yaml(name, kind, p));
            }
        }
        PlanFormat::Json => {
            let plans: Vec<Value> = outputs.iter().map(|(n, k, p)| to_json(n, k, p)).collect();
            let text = serde_json::to_string_pretty(&json!({ "plans": plans }));
            outln!("{}", text.unwrap_or_default());
        }
    }
    ExitCode::SUCCESS
}

fn warnings<'a>(
    loaded: &'a Loaded<Document>,
    warnings: &'a [PlanWarning],
) -> impl Iterator<Item = Diagnostic> + 'a {
    warnings.iter().map(|w| Diagnostic {
        code: w.kind.code(),
        severity: Severity::Warning,
        message: w.kind.to_string(),
        location: loaded.location(&w.path),
        object: String::new(),
        help: Some(w.kind.hint().to_owned()),
        related: Vec::new(),
        suggestion: None,
    })
}

fn waves(graph: &Graph) -> Vec<Vec<String>> {
    oam_graph::waves(graph)
        .iter()
        .map(|w| {
            w.iter()
                .filter_map(|id| graph.node(*id).map(|n| n.name.clone()))
                .collect()
        })
        .collect()
}

fn yaml(name: &str, kind: &str, plan: &Plan) -> String {
    let (ready, blocked) = (plan.ready().count(), plan.blocked().count());
    let mut out = format!("# {kind} {name}: {ready} ready, {blocked} blocked\n");
    for (i, wave) in waves(&plan.graph).iter().enumerate() {
        out.push_str(&format!("# wave {}: {}\n", i + 1, wave.join(", ")));
    }
    for (planned, unsatisfied) in plan.blocked() {
        match &planned.key {
            Some(key) if kind == ApplicationConfiguration::KIND => {
                out.push_str(&format!("# blocked: {key}\n"));
            }
            _ => out.push_str(&format!("# blocked: component {}\n", planned.component)),
        }
        for u in unsatisfied {
            out.push_str(&format!("#   {u}\n"));
        }
    }
    for (_, object) in plan.ready() {
        out.push_str("---\n");
        out.push_str(&oam_model::to_yaml_string(object).unwrap_or_default());
    }
    out
}

fn to_json(name: &str, kind: &str, plan: &Plan) -> Value {
    let ready: Vec<&Value> = plan.ready().map(|(_, o)| o).collect();
    if kind != ApplicationConfiguration::KIND {
        let blocked: Vec<Value> = plan
            .blocked()
            .map(|(planned, u)| {
                let reasons: Vec<&str> = u.iter().map(Unsatisfied::reason).collect();
                json!({"component": planned.component, "reasons": reasons})
            })
            .collect();
        return json!({"kind": kind, "application": name, "waves": waves(&plan.graph),
                      "ready": ready, "blocked": blocked});
    }
    let blocked: Vec<Value> = plan
        .blocked()
        .map(|(planned, u)| {
            let key = planned.key.as_ref();
            let data: Vec<_> = u
                .iter()
                .filter_map(|u| match u {
                    Unsatisfied::Data(d) => Some(d),
                    _ => None,
                })
                .collect();
            json!({
                "component": planned.component,
                "apiVersion": key.map(|k| &k.api_version),
                "kind": key.map(|k| &k.kind),
                "namespace": key.and_then(|k| k.namespace.as_ref()),
                "name": key.map(|k| &k.name),
                "unsatisfied": data,
            })
        })
        .collect();
    json!({
        "kind": kind,
        "application": name,
        "waves": waves(&plan.graph),
        "ready": ready,
        "blocked": blocked,
        "dependency": plan.dependency_status(),
    })
}
