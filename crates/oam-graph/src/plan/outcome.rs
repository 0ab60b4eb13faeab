//! What a pass plans: [`Plan`], one [`Planned`] entry per object, each ready or blocked with
//! its [`Unsatisfied`] dependencies.

use oam_model::v1alpha2::{DependencyStatus, UnsatisfiedDependency};
use serde_json::Value;

use super::warning::PlanWarning;
use crate::graph::{Graph, NodeId};
use crate::observed::ObjectKey;

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
