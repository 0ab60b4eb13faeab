//! `oam plan PATH… --observed PATH`: for every ApplicationConfiguration and Application, what can
//! be applied now (rendered objects or components, as YAML or JSON) and what is blocked and why,
//! against observed state.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use oam_graph::{
    ApplicationPlan, ComponentState, Graph, Inputs, ObservedObjects, Plan, PlanWarning,
    PlanWarningKind, plan, plan_application,
};
use oam_model::{Document, LoadOptions, Loaded, V1alpha2, V1beta1};
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
    let registry = inputs.registry();
    let mut findings = Vec::new();
    let mut outputs = Vec::new();
    for loaded in &report.documents {
        let name = loaded.value.name().unwrap_or_default().to_owned();
        let planned = match &loaded.value {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) => {
                plan(app, &inputs, &observed).map(Planned::Configuration)
            }
            Document::V1beta1(V1beta1::Application(app)) => {
                plan_application(app, registry, &observed).map(Planned::Application)
            }
            _ => continue,
        };
        match planned {
            Ok(p) => {
                findings.extend(warnings(loaded, p.warnings()));
                outputs.push((name, p));
            }
            Err(errors) => findings.extend(errors.into_iter().map(|e| Diagnostic {
                code: e.kind.code(),
                severity: Severity::Error,
                message: e.kind.to_string(),
                location: loaded.location(&e.path),
                object: format!("{} {name}", loaded.value.kind()),
                help: Some(e.kind.hint()),
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

/// The plan of an ApplicationConfiguration or of an Application.
enum Planned {
    Configuration(Plan),
    Application(ApplicationPlan),
}

impl Planned {
    fn warnings(&self) -> &[PlanWarning] {
        match self {
            Self::Configuration(p) => &p.warnings,
            Self::Application(p) => &p.warnings,
        }
    }

    fn graph(&self) -> &Graph {
        match self {
            Self::Configuration(p) => &p.graph,
            Self::Application(p) => &p.graph,
        }
    }
}

fn warnings<'a>(
    loaded: &'a Loaded<Document>,
    warnings: &'a [PlanWarning],
) -> impl Iterator<Item = Diagnostic> + 'a {
    warnings.iter().map(|w| {
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
            PlanWarningKind::UnobservableWorkload { component } => (
                format!("component {component:?}: its type declares no workload apiVersion and kind, so its workload cannot be observed and what waits for it keeps waiting"),
                "give the ComponentDefinition spec.workload.definition {apiVersion, kind}",
            ),
            PlanWarningKind::OutputExpression { value_from } => (
                format!("output valueFrom {value_from:?} is a CUE expression oam-rs does not evaluate; its consumers keep waiting"),
                "read the workload with output.<field path>, e.g. output.status.podIP",
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
            object: String::new(),
            help: Some(hint.to_owned()),
        }
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

fn yaml(name: &str, planned: &Planned) -> String {
    let (kind, ready, blocked) = match planned {
        Planned::Configuration(p) => (
            "ApplicationConfiguration",
            p.ready().count(),
            p.blocked().count(),
        ),
        Planned::Application(p) => {
            let ready = p
                .components
                .iter()
                .filter(|c| matches!(c.state, ComponentState::Ready(_)))
                .count();
            ("Application", ready, p.components.len() - ready)
        }
    };
    let mut out = format!("# {kind} {name}: {ready} ready, {blocked} blocked\n");
    for (i, wave) in waves(planned.graph()).iter().enumerate() {
        out.push_str(&format!("# wave {}: {}\n", i + 1, wave.join(", ")));
    }
    let mut documents = Vec::new();
    match planned {
        Planned::Configuration(p) => {
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
            documents.extend(p.ready().map(|(_, o)| o));
        }
        Planned::Application(p) => {
            for c in &p.components {
                match &c.state {
                    ComponentState::Blocked(reasons) => {
                        out.push_str(&format!("# blocked: component {}\n", c.name));
                        for r in reasons {
                            out.push_str(&format!("#   {r}\n"));
                        }
                    }
                    ComponentState::Ready(component) => documents.push(component),
                }
            }
        }
    }
    for object in documents {
        out.push_str("---\n");
        out.push_str(&oam_model::to_yaml_string(object).unwrap_or_default());
    }
    out
}

fn to_json(name: &str, planned: &Planned) -> Value {
    match planned {
        Planned::Configuration(p) => json!({
            "kind": "ApplicationConfiguration",
            "application": name,
            "waves": waves(&p.graph),
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
        }),
        Planned::Application(p) => json!({
            "kind": "Application",
            "application": name,
            "waves": waves(&p.graph),
            "ready": p.components.iter().filter_map(|c| match &c.state {
                ComponentState::Ready(v) => Some(v.clone()),
                ComponentState::Blocked(_) => None,
            }).collect::<Vec<_>>(),
            "blocked": p.components.iter().filter_map(|c| match &c.state {
                ComponentState::Blocked(r) => Some(json!({"component": c.name, "reasons": r})),
                ComponentState::Ready(_) => None,
            }).collect::<Vec<_>>(),
        }),
    }
}
