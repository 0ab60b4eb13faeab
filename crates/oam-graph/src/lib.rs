//! The OAM dependency graph: [`Graph`] (built from an ApplicationConfiguration or an
//! Application, with every unknown or duplicate name reported), the algorithms [`order()`],
//! [`waves()`] and [`cycles()`] over it, and parameter rendering ([`apply_parameters`]).
//!
//! ```
//! use oam_model::v1alpha2::{Component, ComponentParameter, ComponentParameterValue};
//! use oam_model::RawObject;
//!
//! let mut component = Component::default();
//! component.spec.workload = RawObject::new("apps/v1", "Deployment");
//! component.spec.parameters = Some(vec![ComponentParameter {
//!     name: "replicas".into(),
//!     field_paths: vec!["spec.replicas".into()],
//!     required: Some(true),
//!     description: None,
//! }]);
//! let values = [ComponentParameterValue { name: "replicas".into(), value: 3.into() }];
//! let rendered = oam_graph::apply_parameters(&component, &values).unwrap();
//! assert_eq!(rendered.workload.rest["spec"]["replicas"], 3);
//! ```
#![deny(missing_docs)]

mod graph;
pub mod order;
mod render;

pub use graph::{Cycle, Edge, EdgeKind, Graph, GraphError, GraphErrorKind, Node, NodeId, NodeKind};
pub use order::{cycles, order, waves};
pub use render::{
    ParameterError, ParameterErrorKind, Rendered, Side, TypeWarning, apply_parameters,
};
