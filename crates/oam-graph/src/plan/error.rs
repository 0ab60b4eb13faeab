//! Why planning stops: [`PlanError`], each kind with its stable code and a hint.

use oam_model::{FieldPath, FieldPathError, PathError};

use super::inject::InjectError;
use crate::graph::{Graph, GraphErrorKind};
use crate::observed::{ObjectKey, ObserveError};
use crate::parameters::ParameterError;

/// Why planning stopped.
#[non_exhaustive]
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
    /// `componentName` names a Component only another namespace has: an ApplicationConfiguration
    /// finds Components in its own namespace.
    #[error(
        "no Component named {name:?} in namespace {namespace:?}: the one among the inputs is in namespace {theirs:?}"
    )]
    ComponentInOtherNamespace {
        /// The name.
        name: String,
        /// The application's namespace.
        namespace: String,
        /// The namespace the Component of that name is in.
        theirs: String,
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
    /// A trait body without apiVersion or kind (the webhook's words).
    #[error("the trait data missing GVK, api = {api_version}, kind = {kind}")]
    TraitWithoutKind {
        /// The apiVersion given (empty when none).
        api_version: String,
        /// The kind given (empty when none).
        kind: String,
    },
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
    #[error("a condition sets both value and valueFrom; upstream silently ignores valueFrom")]
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
            Self::ComponentNotFound { .. } | Self::ComponentInOtherNamespace { .. } => "OAM025",
            Self::RevisionNotFound { .. } => "OAM026",
            Self::ComponentReference => "OAM027",
            Self::Parameter(_) => "OAM028",
            Self::NoLatestRevision(_) => "OAM029",
            Self::TraitWithoutKind { .. } => "OAM030",
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
            Self::ComponentInOtherNamespace { .. } => "an ApplicationConfiguration finds Components only in its own namespace: give both the same one".into(),
            Self::RevisionNotFound { .. } => {
                "bind the component by componentName, or pass the Component whose status.latestRevision is this revision".into()
            }
            Self::ComponentReference => "set componentName (follow the latest) or revisionName (pin a revision), not both".into(),
            Self::Parameter(_) => "declare the parameter in the Component, or fix the parameterValues".into(),
            Self::NoLatestRevision(_) => {
                "the Component needs status.latestRevision while a revisionEnabled trait is attached".into()
            }
            Self::TraitWithoutKind { .. } => "give the trait object an apiVersion and a kind".into(),
            Self::InvalidFieldPath { .. } => {
                "write a field path such as spec.containers[0].env[1].value or metadata.labels['app']".into()
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
            Self::ValueAndValueFrom => "keep one of value and valueFrom".into(),
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
