//! The OAM dependency graph and the dependency engine as pure functions.
//!
//! - [`Graph`], built from an ApplicationConfiguration or an Application with every unknown or
//!   duplicate name reported; the algorithms [`order()`], [`waves()`] and [`cycles()`] over it;
//!   [`to_json`] and [`Graph::to_dot`] for tools.
//! - [`apply_parameters`]: a Component's parameters rendered into its workload.
//! - [`plan`]: one pass of the dependency engine over an application of either generation
//!   against [`Observed`] state — what can be applied now, rendered, and what is blocked and
//!   why, in the runtime's status shape. The departures from the Go runtime are listed in the
//!   [`plan`](fn@plan) docs.
//!
//! ```
//! use oam_graph::{Inputs, ObservedObjects, PlanState, plan};
//! use oam_model::{LoadOptions, load_str};
//!
//! let yaml = r#"
//! apiVersion: core.oam.dev/v1alpha2
//! kind: Component
//! metadata: {name: db}
//! spec: {workload: {apiVersion: example.com/v1, kind: Database}}
//! ---
//! apiVersion: core.oam.dev/v1alpha2
//! kind: Component
//! metadata: {name: web}
//! spec: {workload: {apiVersion: apps/v1, kind: Deployment}}
//! ---
//! apiVersion: core.oam.dev/v1alpha2
//! kind: ApplicationConfiguration
//! metadata: {name: shop, namespace: prod}
//! spec:
//!   components:
//!     - componentName: db
//!       dataOutputs: [{name: secret, fieldPath: status.secretName}]
//!     - componentName: web
//!       dataInputs: [{valueFrom: {dataOutputName: secret}, toFieldPaths: [spec.secret]}]
//! "#;
//! let report = load_str("app.yaml", yaml, &LoadOptions::default());
//! // The Components and definitions, over the standard catalog; the application.
//! let inputs = Inputs::from_report(&report);
//! let (_, app) = report.apps().next().unwrap();
//!
//! // Nothing observed yet: the database can be applied, the web front end waits.
//! let first = plan(app, &inputs, &ObservedObjects::default()).unwrap();
//! assert_eq!(first.ready().count(), 1);
//! let status = first.dependency_status().unwrap();
//! assert_eq!(status.unsatisfied[0].reason, "failed to get object (prod/db)");
//! let (waiting, why) = first.blocked().next().unwrap();
//! assert_eq!(waiting.component, "web");
//! assert_eq!(why[0].to_string(), "failed to get object (prod/db) (waiting for example.com/v1 Database db status.secretName)");
//!
//! // The database reports its secret: the web front end is rendered with it.
//! let mut observed = ObservedObjects::default();
//! observed.insert(serde_json::json!({
//!     "apiVersion": "example.com/v1", "kind": "Database",
//!     "metadata": {"name": "db", "namespace": "prod"},
//!     "status": {"secretName": "db-conn"},
//! })).unwrap();
//! let second = plan(app, &inputs, &observed).unwrap();
//! let PlanState::Ready(web) = &second.objects[1].state else { unreachable!() };
//! assert_eq!(web["spec"]["secret"], "db-conn");
//! assert_eq!(web["metadata"]["labels"]["app.oam.dev/component"], "web");
//! ```
#![deny(missing_docs)]

mod graph;
mod json;
mod observed;
pub mod order;
mod parameters;
mod plan;

pub use graph::{Cycle, Edge, EdgeKind, Graph, GraphError, GraphErrorKind, Node, NodeId, NodeKind};
pub use json::to_json;
pub use oam_model::Inputs;
pub use observed::{ObjectKey, ObserveError, Observed, ObservedObjects, Unidentified};
pub use order::{cycle_errors, cycles, order, waves};
pub use parameters::{
    ParameterError, ParameterErrorKind, Rendered, Side, TypeWarning, apply_parameters,
};
pub use plan::{
    ANNOTATION_GENERATION, InjectError, LABEL_APP_NAME, LABEL_COMPONENT, LABEL_RESOURCE_TYPE,
    LABEL_REVISION, Plan, PlanError, PlanErrorKind, PlanState, PlanWarning, PlanWarningKind,
    Planned, Unsatisfied, parameter_key_path, plan, trait_name,
};
