//! The Open Application Model (OAM) in Rust, in one dependency: this crate re-exports
//! [`oam-model`](model) (the typed resources, the loader, inputs, revisions),
//! [`oam-graph`](graph) (the dependency graph and the planner) and
//! [`oam-validate`](validate) (every check before deploy), as `kube` does `kube-core`.
//!
//! The [`prelude`] holds what a linking engineer reaches for; each task below is one call after
//! loading.
//!
//! ```
//! use oam::prelude::*;
//!
//! let yaml = r#"
//! apiVersion: core.oam.dev/v1beta1
//! kind: Application
//! metadata: {name: shop, namespace: prod}
//! spec:
//!   components:
//!     - name: db
//!       type: webservice
//!       properties: {image: postgres:16}
//!       outputs: [{name: db-host, valueFrom: output.status.podIP}]
//!     - name: web
//!       type: webservice
//!       properties: {image: nginx:1.27}
//!       dependsOn: [db]
//!       inputs: [{from: db-host, parameterKey: dbHost}]
//!       traits: [{type: scaler, properties: {replicas: 2}}]
//! "#;
//! // Load: typed documents, every problem located by file:line:column.
//! let report = load_str("shop.yaml", yaml, &LoadOptions::default());
//! assert!(report.is_ok());
//! let (_, app) = report.apps().next().unwrap();
//!
//! // Validate: every check, against the documents' definitions over the standard catalog.
//! let findings = validate(&report, &Options::default());
//! assert!(findings.iter().all(|d| d.severity != Severity::Error), "{findings:?}");
//!
//! // Order: the graph of either generation; a cycle is the error, named in full.
//! let (graph, problems) = Graph::of(app);
//! assert!(problems.is_empty());
//! let names: Vec<&str> = order(&graph).unwrap().iter()
//!     .filter_map(|id| graph.node(*id)).map(|n| n.name.as_str()).collect();
//! assert_eq!(names, ["db", "web"]);
//!
//! // Plan against observed state: nothing exists yet, so web waits for db.
//! let inputs = Inputs::from_report(&report);
//! let first = plan(app, &inputs, &ObservedObjects::default()).unwrap();
//! let (waiting, why) = first.blocked().next().unwrap();
//! assert_eq!((waiting.component.as_str(), why[0].reason()), ("web", "Pending on DependsOn: db"));
//!
//! // Revision hash: the one `oam revision` prints; metadata is not hashed.
//! let hash = app_hash(app, &inputs);
//! assert!(hash.as_str().starts_with("sha256:"));
//! ```
//!
//! Building a fixture in Rust instead of YAML, with required fields checked at compile time:
//!
//! ```
//! use oam::model::v1beta1::{Application, ApplicationComponent, ApplicationSpec};
//! use oam::prelude::*;
//!
//! let app = Application::builder()
//!     .metadata(ObjectMeta::named("shop"))
//!     .spec(ApplicationSpec::builder()
//!         .components([ApplicationComponent::builder().name("web").type_("webservice").build()])
//!         .build())
//!     .build();
//! let (graph, _) = Graph::of(App::Application(&app));
//! assert_eq!(graph.nodes().len(), 1);
//! ```
#![deny(missing_docs)]

pub use oam_graph as graph;
pub use oam_model as model;
pub use oam_validate as validate;

/// What most users of oam-rs need, in one `use oam::prelude::*;`.
pub mod prelude {
    pub use oam_graph::{
        Graph, Observed, ObservedObjects, Plan, PlanError, PlanState, Planned, Unsatisfied, order,
        plan, waves,
    };
    pub use oam_model::revision::{RevisionHash, app_hash};
    pub use oam_model::{
        App, Document, FieldPath, Inputs, LoadOptions, LoadReport, Loaded, ObjectMeta, load_path,
        load_str,
    };
    pub use oam_validate::{Diagnostic, Options, Severity, validate};
}

/// The README's library snippets, compiled and run as doc tests so they cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeSnippets;
