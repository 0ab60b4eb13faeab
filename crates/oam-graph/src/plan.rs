//! The planner's front door and its result: the dependency engine (`oam-v1alpha2.md` §9,
//! `oam-v1beta1.md` §7) as a pure function of an application, its inputs and the observed
//! cluster state.
//!
//! For one pass, [`plan`] says which objects can be applied now (rendered: parameters applied,
//! data inputs injected, OAM labels, namespace, owner, workload references) and which are
//! blocked, with the runtime's `status.dependency.unsatisfied` entries and reason strings.
//!
//! The departures from the Go runtime are listed on [`plan`].

use std::collections::BTreeMap;

use oam_model::v1alpha2::{ApplicationConfiguration, DependencyStatus, UnsatisfiedDependency};
use oam_model::{App, FieldPath, FieldPathError, Inputs, PathError};
use serde_json::Value;

use crate::graph::{Graph, GraphErrorKind, NodeId};
use crate::inject::InjectError;
use crate::objects::Context;
use crate::observed::{ObjectKey, ObserveError, Observed};
use crate::pass::Pass;
use crate::render::ParameterError;
pub use crate::warning::{PlanWarning, PlanWarningKind};

/// Why planning stopped.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanErrorKind {
    /// A problem of the dependency graph (see [`GraphErrorKind`]).
    #[error(transparent)]
    Graph(GraphErrorKind),
    /// `componentName` names no Component among the inputs.
    #[error("no Component named {name:?}{}", suggestion.as_ref().map(|s| format!(", did you mean {s:?}?")).unwrap_or_default())]
    ComponentNotFound {
        /// The name.
        name: String,
        /// The closest Component name.
        suggestion: Option<String>,
    },
    /// `revisionName` is not the latest revision of a Component among the inputs.
    #[error(
        "cannot get component revision {name:?}: only the latest revision of a Component given as input can be rendered"
    )]
    RevisionNotFound {
        /// The revision name.
        name: String,
    },
    /// Neither or both of `componentName` and `revisionName`.
    #[error("an entry needs exactly one of componentName and revisionName")]
    ComponentReference,
    /// A parameter problem.
    #[error(transparent)]
    Parameter(Box<ParameterError>),
    /// A revision-enabled workload without a latest revision.
    #[error(transparent)]
    NoLatestRevision(oam_model::revision::NoLatestRevision),
    /// A trait body without apiVersion or kind.
    #[error("the trait has no apiVersion and kind")]
    TraitWithoutKind,
    /// A field path that does not parse.
    #[error("invalid field path {path:?}: {source}")]
    InvalidFieldPath {
        /// The text.
        path: String,
        /// Why.
        source: FieldPathError,
    },
    /// Reading an output crossed a value of the wrong type (the runtime's render error).
    #[error("failed to get field value ({path}) in object ({object}): {source}")]
    ReadFailed {
        /// The output's field path.
        path: String,
        /// `<namespace>/<name>` of the source.
        object: String,
        /// Why.
        source: PathError,
    },
    /// A data input could not be written into its sink.
    #[error("cannot write data input into {sink} at {path}: {source}")]
    WriteFailed {
        /// `<namespace>/<name>` of the sink.
        sink: String,
        /// The target path.
        path: String,
        /// Why.
        source: InjectError,
    },
    /// The trait definition's `workloadRefPath` could not be written.
    #[error("cannot write the workload reference at {path}: {source}")]
    WorkloadReference {
        /// The definition's `workloadRefPath`.
        path: String,
        /// Why.
        source: PathError,
    },
    /// A condition sets both `value` and `valueFrom`.
    #[error("a condition sets both value and valueFrom; keep one")]
    ValueAndValueFrom,
    /// Two rendered objects are the same object.
    #[error("{key} is rendered twice (first at {first})")]
    DuplicateObject {
        /// The object.
        key: Box<ObjectKey>,
        /// Where the first one comes from.
        first: FieldPath,
    },
    /// The observed state could not be read.
    #[error(transparent)]
    Observe(Box<ObserveError>),
}

impl PlanErrorKind {
    /// The stable diagnostic code (`docs/diagnostics.md`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Graph(g) => g.code(),
            Self::ComponentNotFound { .. } => "OAM025",
            Self::RevisionNotFound { .. } => "OAM026",
            Self::ComponentReference => "OAM027",
            Self::Parameter(_) => "OAM028",
            Self::NoLatestRevision(_) => "OAM029",
            Self::TraitWithoutKind => "OAM030",
            Self::InvalidFieldPath { .. } => "OAM031",
            Self::ReadFailed { .. } => "OAM032",
            Self::WriteFailed { .. } => "OAM033",
            Self::WorkloadReference { .. } => "OAM034",
            Self::ValueAndValueFrom => "OAM035",
            Self::DuplicateObject { .. } => "OAM036",
            Self::Observe(_) => "OAM037",
        }
    }

    /// How to fix it.
    #[must_use]
    pub fn hint(&self) -> String {
        match self {
            Self::Graph(g) => g.hint(),
            Self::ComponentNotFound { .. } => {
                "pass the Component's file too, or fix the componentName".into()
            }
            Self::RevisionNotFound { .. } => {
                "bind the component by componentName, or pass the Component whose status.latestRevision is this revision".into()
            }
            Self::ComponentReference => "set componentName (follow the latest) or revisionName (pin a revision), not both".into(),
            Self::Parameter(_) => "declare the parameter in the Component, or fix the parameterValues".into(),
            Self::NoLatestRevision(_) => {
                "the Component needs status.latestRevision while a revisionEnabled trait is attached".into()
            }
            Self::TraitWithoutKind => "give the trait object an apiVersion and a kind".into(),
            Self::InvalidFieldPath { .. } => {
                "write a field path such as spec.containers[0].env[1].value".into()
            }
            Self::ReadFailed { .. } => {
                "the output's fieldPath crosses a value of another type in the live object; fix the path".into()
            }
            Self::WriteFailed { .. } => {
                "make toFieldPaths point at a field of the same JSON type as the output's value".into()
            }
            Self::WorkloadReference { .. } => {
                "fix the TraitDefinition's workloadRefPath, or the trait body in its way".into()
            }
            Self::ValueAndValueFrom => "remove value or valueFrom".into(),
            Self::DuplicateObject { .. } => {
                "give one of the objects its own metadata.name".into()
            }
            Self::Observe(_) => "check access to the observed state".into(),
        }
    }
}

/// A planning error and the field of the ApplicationConfiguration it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at {path})")]
pub struct PlanError {
    /// The field.
    pub path: FieldPath,
    /// What is wrong.
    pub kind: PlanErrorKind,
}

/// Whether an object (or an Application's component) can be applied now.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanState {
    /// Apply this: the rendered object of an ApplicationConfiguration, or an Application's
    /// component (without `dependsOn`, `inputs` and `outputs`) with every input written at its
    /// `parameterKey`.
    Ready(Value),
    /// Wait: every unsatisfied dependency.
    Blocked(Vec<Unsatisfied>),
}

/// One reason an object waits.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsatisfied {
    /// An ApplicationConfiguration's data input, in the runtime's `status.dependency` shape.
    Data(Box<UnsatisfiedDependency>),
    /// An Application component's `dependsOn` or input, in the workflow engine's words
    /// (`Pending on DependsOn: db`, `Pending on Input: db-ip`).
    Pending(String),
}

impl Unsatisfied {
    /// Why, in the runtime's or the workflow engine's words.
    #[must_use]
    pub fn reason(&self) -> &str {
        match self {
            Self::Data(d) => &d.reason,
            Self::Pending(reason) => reason,
        }
    }
}

impl std::fmt::Display for Unsatisfied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Data(u) => {
                write!(
                    f,
                    "{} (waiting for {} {} {}",
                    u.reason, u.from.api_version, u.from.kind, u.from.name
                )?;
                if let Some(path) = &u.from.field_path {
                    write!(f, " {path}")?;
                }
                f.write_str(")")
            }
            Self::Pending(reason) => f.write_str(reason),
        }
    }
}

/// One object of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Planned {
    /// Its node in [`Plan::graph`].
    pub node: NodeId,
    /// The component it belongs to.
    pub component: String,
    /// The object: for an Application's component, its workload as its ComponentDefinition
    /// declares it (`None` when the type declares no workload apiVersion and kind).
    pub key: Option<ObjectKey>,
    /// Ready or blocked.
    pub state: PlanState,
}

/// The plan of an application for one pass.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// The dependency graph (for order and waves).
    pub graph: Graph,
    /// In node order: for an ApplicationConfiguration each workload, then its traits; for an
    /// Application one entry per component, in declaration order.
    pub objects: Vec<Planned>,
    /// Warnings, in declaration order.
    pub warnings: Vec<PlanWarning>,
}

impl Plan {
    /// What can be applied now, with its rendered form.
    pub fn ready(&self) -> impl Iterator<Item = (&Planned, &Value)> {
        self.objects.iter().filter_map(|p| match &p.state {
            PlanState::Ready(v) => Some((p, v)),
            PlanState::Blocked(_) => None,
        })
    }

    /// What must wait, and why.
    pub fn blocked(&self) -> impl Iterator<Item = (&Planned, &[Unsatisfied])> {
        self.objects.iter().filter_map(|p| match &p.state {
            PlanState::Blocked(u) => Some((p, u.as_slice())),
            PlanState::Ready(_) => None,
        })
    }

    /// `status.dependency` as the oam-kubernetes-runtime writes it on an
    /// ApplicationConfiguration: every unsatisfied data input, in node order; `None` when none
    /// waits (always for an Application, whose waiting the workflow reports instead).
    #[must_use]
    pub fn dependency_status(&self) -> Option<DependencyStatus> {
        let unsatisfied: Vec<UnsatisfiedDependency> = self
            .blocked()
            .flat_map(|(_, u)| u)
            .filter_map(|u| match u {
                Unsatisfied::Data(d) => Some(UnsatisfiedDependency::clone(d)),
                Unsatisfied::Pending(_) => None,
            })
            .collect();
        (!unsatisfied.is_empty()).then_some(DependencyStatus { unsatisfied })
    }
}

/// Plans one pass of an application of either generation against `observed`: what can be
/// applied now and what waits. Every error is reported, not only the first.
///
/// - An ApplicationConfiguration: its objects rendered (parameters applied, data inputs
///   injected, OAM labels, namespace, owner, workload references), each ready or blocked with
///   the runtime's `status.dependency.unsatisfied` entries.
/// - An Application (`oam-v1beta1.md` §7): each component waits for its `dependsOn` components
///   and for the components producing its `inputs`; once their workloads are observed, each
///   input's value is written at its `parameterKey` (see [`parameter_key_path`](crate::parameter_key_path)).
///
/// Deliberate departures from the Go runtime (`oam-v1alpha2.md` §19):
/// - the graph is checked first: an unknown or duplicate output name, a self-dependency or any
///   cycle stops planning with every problem listed (upstream waits forever);
/// - every unsatisfied input of an object is reported, not only the first (gating is the same);
/// - an output with neither `fieldPath` nor conditions orders only: it is ready once its source
///   exists and writes nothing (upstream writes `null`); a warning says so when it has targets;
/// - an array written over a non-array is an error naming the sink and path (upstream panics);
/// - a condition setting both `value` and `valueFrom` is an error (upstream ignores `valueFrom`);
/// - a trait without a name is named by [`trait_name`](crate::trait_name), not by a Go-only hash;
/// - two rendered objects with the same apiVersion, kind, namespace and name are an error;
/// - `inputStore` / `outputStore` (the jsonPatch extension) are not planned: each is a warning.
///
/// As upstream, a blocked workload does not block its traits: each object is judged only on its
/// own inputs; and a sink that does not exist yet passes its own (sink-side) conditions.
///
/// For an Application, oam-rs does not evaluate CUE, so a component is *done* when its workload
/// is observed (the object of the apiVersion and kind its ComponentDefinition declares, named
/// after the component, in the application's namespace), and an output is read when its
/// `valueFrom` is `output.<field path>` (`output.status.podIP`); any other expression keeps its
/// consumers waiting, with a warning.
///
/// # Errors
/// Graph problems (unknown or duplicate names, self-dependencies, every cycle), unresolvable
/// components, parameter errors, unreadable or unwritable paths, observe failures: everything
/// the runtime would fail its render on.
pub fn plan(
    app: App<'_>,
    inputs: &Inputs<'_>,
    observed: &dyn Observed,
) -> Result<Plan, Vec<PlanError>> {
    match app {
        App::Configuration(a) => plan_configuration(a, inputs, observed),
        App::Application(a) => crate::application::plan_application(a, inputs.registry(), observed),
        // `App` may gain a generation; until then there is nothing else to plan.
        _ => Ok(Plan::default()),
    }
}

fn plan_configuration(
    app: &ApplicationConfiguration,
    inputs: &Inputs<'_>,
    observed: &dyn Observed,
) -> Result<Plan, Vec<PlanError>> {
    let graph = checked(Graph::from_application_configuration(app))?;
    let mut cx = Context {
        app,
        inputs,
        observed,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    // Pass 1: render every object (an input may name an output declared later).
    let mut objects: Vec<(String, Value)> = Vec::with_capacity(graph.nodes().len());
    for i in 0..app.spec.components.len() {
        if let Some(entry) = cx.render_entry(i) {
            objects.extend(
                entry
                    .objects
                    .into_iter()
                    .map(|o| (entry.component.clone(), o)),
            );
        }
    }
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    let keys = identify(&graph, &objects)?;
    let mut pass = Pass::new(
        app,
        &graph,
        &keys,
        observed,
        std::mem::take(&mut cx.warnings),
    );
    pass.decide_outputs();
    let sinks = pass.sinks();
    let mut planned = Vec::with_capacity(objects.len());
    for (node, ((component, object), inputs)) in objects.into_iter().zip(sinks).enumerate() {
        let state = pass.sink(node, object, inputs);
        planned.push(Planned {
            node: NodeId(node),
            component,
            key: Some(keys[node].clone()),
            state,
        });
    }
    let (errors, warnings) = pass.finish();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Plan {
        graph,
        objects: planned,
        warnings,
    })
}

/// The graph, or its problems (unknown and duplicate names, self-dependencies, every cycle) as
/// planning errors: planning stops on any of them, where upstream would wait forever.
pub(crate) fn checked(
    (graph, errors): (Graph, Vec<crate::graph::GraphError>),
) -> Result<Graph, Vec<PlanError>> {
    let errors: Vec<PlanError> = errors
        .into_iter()
        .chain(crate::order::cycle_errors(&graph))
        .map(|e| PlanError {
            path: e.path,
            kind: PlanErrorKind::Graph(e.kind),
        })
        .collect();
    if errors.is_empty() {
        Ok(graph)
    } else {
        Err(errors)
    }
}

/// The key of every rendered object; two objects with one key are an error.
fn identify(graph: &Graph, objects: &[(String, Value)]) -> Result<Vec<ObjectKey>, Vec<PlanError>> {
    let mut keys = Vec::with_capacity(objects.len());
    let mut seen: BTreeMap<ObjectKey, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    for (node, (_, object)) in objects.iter().enumerate() {
        let key = ObjectKey::of(object).unwrap_or_else(|| ObjectKey {
            api_version: String::new(),
            kind: String::new(),
            namespace: None,
            name: String::new(),
        });
        if let Some(first) = seen.get(&key) {
            errors.push(PlanError {
                path: graph.nodes()[node].path.clone(),
                kind: PlanErrorKind::DuplicateObject {
                    key: Box::new(key.clone()),
                    first: graph.nodes()[*first].path.clone(),
                },
            });
        } else {
            seen.insert(key.clone(), node);
        }
        keys.push(key);
    }
    if errors.is_empty() {
        Ok(keys)
    } else {
        Err(errors)
    }
}
