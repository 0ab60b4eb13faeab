//! Planning a v1beta1 Application (`oam-v1beta1.md` §7): each component waits for its
//! `dependsOn` components and for the components producing its `inputs`; once they are observed,
//! each input's value is written into the component at its `parameterKey`.
//!
//! oam-rs does not evaluate CUE, so two things are read from observed state directly:
//! - a component is *done* when its workload is observed: the object of the apiVersion and kind
//!   its ComponentDefinition declares (`spec.workload.definition`), named after the component,
//!   in the application's namespace;
//! - an output's `valueFrom` is planned when it reads the workload, `output.<field path>`
//!   (`output.status.podIP`); any other expression keeps its consumers waiting, with a warning.

use std::collections::BTreeMap;

use oam_model::registry::Registry;
use oam_model::v1beta1::Application;
use oam_model::{FieldPath, Segment};
use serde_json::Value;

use super::error::{PlanError, PlanErrorKind, checked};
use super::outcome::{Plan, PlanState, Planned, Unsatisfied};
use super::readiness::parse_path;
use super::warning::{PlanWarning, PlanWarningKind};
use crate::graph::{Graph, NodeId};
use crate::observed::{ObjectKey, Observed};

/// Where an input's `parameterKey` is written in the component, as KubeVela's `apply-component`
/// step does (`oam-v1beta1.md` §7.2) with oam-rs's rule 5 of §10: the key is read as a field
/// path and kept when its first segment is `properties` or `traits[<n>]`, otherwise prefixed
/// with `properties.` (upstream tests a string prefix, so `propertiesX` stays unprefixed there).
///
/// ```
/// use oam_graph::parameter_key_path;
/// assert_eq!(parameter_key_path(" image ").unwrap().to_string(), "properties.image");
/// assert_eq!(
///     parameter_key_path("traits[0].properties.replicas").unwrap().to_string(),
///     "traits[0].properties.replicas"
/// );
/// assert_eq!(parameter_key_path("propertiesX").unwrap().to_string(), "properties.propertiesX");
/// assert!(parameter_key_path("a[").is_err());
/// ```
///
/// # Errors
/// When the key is not a field path.
pub fn parameter_key_path(key: &str) -> Result<FieldPath, oam_model::FieldPathError> {
    let path: FieldPath = key.trim().parse()?;
    let kept = match path.segments() {
        [Segment::Field(f), ..] if f == "properties" => true,
        [Segment::Field(f), Segment::Index(_), ..] if f == "traits" => true,
        _ => false,
    };
    Ok(if kept {
        path
    } else {
        FieldPath::root().field("properties").join(&path)
    })
}

/// Plans one pass of `app`'s components against `observed`, with component types resolved in
/// `registry` (the Application half of [`plan`](crate::plan)).
pub(crate) fn plan_application(
    app: &Application,
    registry: &Registry,
    observed: &dyn Observed,
) -> Result<Plan, Vec<PlanError>> {
    let graph = checked(Graph::from_application(app))?;
    let mut findings = Findings::default();
    let workloads = observe_workloads(app, registry, observed, &mut findings);
    let outputs = output_values(app, &workloads, &mut findings);
    let objects = app
        .spec
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| Planned {
            node: NodeId(i),
            component: c.name.clone(),
            key: workloads.get(c.name.as_str()).and_then(|w| w.key.clone()),
            state: judge(i, c, &workloads, &outputs, &mut findings),
        })
        .collect();
    if !findings.errors.is_empty() {
        return Err(findings.errors);
    }
    Ok(Plan {
        graph,
        objects,
        warnings: findings.warnings,
    })
}

/// A component's workload: where it would be, and what is observed there.
struct Workload {
    key: Option<ObjectKey>,
    live: Option<Value>,
}

/// What the steps of a pass report.
#[derive(Default)]
struct Findings {
    errors: Vec<PlanError>,
    warnings: Vec<PlanWarning>,
}

/// The observed workload of every component: `None` when it is not observed, or cannot be
/// located because its type declares no workload apiVersion and kind (a warning when something
/// waits for it).
fn observe_workloads<'a>(
    app: &'a Application,
    registry: &Registry,
    observed: &dyn Observed,
    findings: &mut Findings,
) -> BTreeMap<&'a str, Workload> {
    let namespace = app.metadata.namespace.as_deref();
    let mut workloads = BTreeMap::new();
    for (i, c) in app.spec.components.iter().enumerate() {
        let gvk = registry
            .component_type(&c.type_, namespace, app.auto_update())
            .ok()
            .and_then(|f| f.definition.workload_gvk.clone());
        let key = gvk.map(|gvk| ObjectKey::new(gvk, namespace, c.name.clone()));
        let live = match &key {
            Some(key) => observed.get(key).unwrap_or_else(|e| {
                findings.errors.push(PlanError {
                    path: component_path(i),
                    kind: PlanErrorKind::Observe(Box::new(e)),
                });
                None
            }),
            None => {
                let awaited = !c.outputs.as_deref().unwrap_or_default().is_empty()
                    || app
                        .spec
                        .components
                        .iter()
                        .any(|o| o.depends_on.iter().flatten().any(|d| *d == c.name));
                if awaited {
                    findings.warnings.push(PlanWarning {
                        path: component_path(i).field("type"),
                        kind: PlanWarningKind::UnobservableWorkload {
                            component: c.name.clone(),
                        },
                    });
                }
                None
            }
        };
        workloads
            .entry(c.name.as_str())
            .or_insert(Workload { key, live });
    }
    workloads
}

/// Every component output by name: its value once the producer's workload is observed and holds
/// it, else `None`. Only `output.<field path>` is evaluated (a warning says so for the rest).
fn output_values<'a>(
    app: &'a Application,
    workloads: &BTreeMap<&str, Workload>,
    findings: &mut Findings,
) -> BTreeMap<&'a str, Option<Value>> {
    let mut outputs = BTreeMap::new();
    for (i, c) in app.spec.components.iter().enumerate() {
        for (k, out) in c.outputs.iter().flatten().enumerate() {
            let path = component_path(i)
                .field("outputs")
                .index(k)
                .field("valueFrom");
            let selector = out
                .value_from
                .strip_prefix("output.")
                .filter(|t| is_selector(t));
            let value = match selector.map(parse_path) {
                Some(Ok(selector)) => workloads
                    .get(c.name.as_str())
                    .and_then(|w| w.live.as_ref())
                    .and_then(|w| selector.get(w).ok().cloned()),
                Some(Err(kind)) => {
                    findings.errors.push(PlanError { path, kind });
                    None
                }
                None => {
                    findings.warnings.push(PlanWarning {
                        path,
                        kind: PlanWarningKind::OutputExpression {
                            value_from: out.value_from.clone(),
                        },
                    });
                    None
                }
            };
            outputs.entry(out.name.as_str()).or_insert(value);
        }
    }
    outputs
}

/// Judges component `i`: blocked with the engine's reasons while a dependency or an input's
/// producer is not there; otherwise the component (without `dependsOn`, `inputs`, `outputs`)
/// with every input set at its `parameterKey`.
fn judge(
    i: usize,
    c: &oam_model::v1beta1::ApplicationComponent,
    workloads: &BTreeMap<&str, Workload>,
    outputs: &BTreeMap<&str, Option<Value>>,
    findings: &mut Findings,
) -> PlanState {
    let mut reasons = Vec::new();
    for dep in c.depends_on.iter().flatten() {
        if workloads.get(dep.as_str()).is_none_or(|w| w.live.is_none()) {
            reasons.push(Unsatisfied::Pending(format!("Pending on DependsOn: {dep}")));
        }
    }
    let mut rendered = serde_json::to_value(c).unwrap_or(Value::Null);
    if let Some(object) = rendered.as_object_mut() {
        for field in ["dependsOn", "inputs", "outputs"] {
            object.remove(field);
        }
    }
    for (k, input) in c.inputs.iter().flatten().enumerate() {
        let value = match outputs.get(input.from.as_str()) {
            Some(Some(v)) => v,
            // Not an output: the upstream fallback reads the component's own properties.
            None => continue,
            Some(None) => {
                reasons.push(Unsatisfied::Pending(format!(
                    "Pending on Input: {}",
                    input.from
                )));
                continue;
            }
        };
        let Some(key) = input
            .parameter_key
            .as_deref()
            .filter(|k| !k.trim().is_empty())
        else {
            continue;
        };
        // The engine sets the parameter: a value replaces, an array included.
        let written = parameter_key_path(key)
            .map_err(|source| PlanErrorKind::InvalidFieldPath {
                path: key.to_owned(),
                source,
            })
            .and_then(|path| {
                path.set(&mut rendered, value.clone()).map_err(|source| {
                    PlanErrorKind::WriteFailed {
                        sink: c.name.clone(),
                        path: path.to_string(),
                        source: source.into(),
                    }
                })
            });
        if let Err(kind) = written {
            let path = component_path(i)
                .field("inputs")
                .index(k)
                .field("parameterKey");
            findings.errors.push(PlanError { path, kind });
        }
    }
    if reasons.is_empty() {
        PlanState::Ready(rendered)
    } else {
        PlanState::Blocked(reasons)
    }
}

fn component_path(i: usize) -> FieldPath {
    FieldPath::root().field("spec").field("components").index(i)
}

/// Whether `text` is a plain selector (`status.podIP`, `status.addresses[0]`) rather than a CUE
/// expression: no whitespace and no operator or call characters.
fn is_selector(text: &str) -> bool {
    !text.is_empty()
        && !text
            .chars()
            .any(|c| c.is_whitespace() || "+-*/()|&=!<>,?{}".contains(c))
}
