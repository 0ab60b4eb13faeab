//! Typed Open Application Model (OAM) resources for Rust.
//!
//! Every kind of `core.oam.dev/v1alpha2` (oam-kubernetes-runtime) and `core.oam.dev/v1beta1`
//! (KubeVela) as plain data; a loader that reads YAML and JSON, never drops a field silently and
//! locates every problem by file, document, object path and line:column; lossless writing;
//! builders; JSON Schema export.
//!
//! ```
//! use oam_model::{Document, LoadOptions, V1alpha2, load_str};
//!
//! let yaml = r#"
//! apiVersion: core.oam.dev/v1alpha2
//! kind: Component
//! metadata:
//!   name: mysql
//! spec:
//!   workload:
//!     apiVersion: core.oam.dev/v1alpha2
//!     kind: ContainerizedWorkload
//!     spec:
//!       containers:
//!         - name: mysql
//!           image: mysql:8
//! "#;
//! let report = load_str("mysql.yaml", yaml, &LoadOptions::default());
//! assert!(report.is_ok());
//! let Document::V1alpha2(V1alpha2::Component(component)) = &report.documents[0].value else {
//!     panic!("a Component")
//! };
//! assert_eq!(component.spec.workload.kind.as_deref(), Some("ContainerizedWorkload"));
//!
//! // Lossless: write it back and load it again.
//! let written = oam_model::to_yaml_string(&report.documents[0].value).unwrap();
//! let again = load_str("again.yaml", &written, &LoadOptions::default());
//! assert_eq!(again.documents[0].value, report.documents[0].value);
//! ```
//!
//! With the default `builder` feature every kind has a builder whose required fields are
//! checked at compile time:
//!
//! ```
//! use oam_model::v1beta1::{Application, ApplicationComponent, ApplicationSpec};
//! let app = Application::builder()
//!     .metadata(oam_model::ObjectMeta::named("shop"))
//!     .spec(ApplicationSpec::builder()
//!         .components([ApplicationComponent::builder().name("web").type_("webservice").build()])
//!         .build())
//!     .build();
//! assert_eq!(app.spec.components[0].type_, "webservice");
//! ```
//!
//! ```compile_fail
//! // A component without its required `type` does not compile.
//! let web = oam_model::v1beta1::ApplicationComponent::builder().name("web").build();
//! ```
#![deny(missing_docs)]

mod app;
pub mod catalog;
pub mod codes;
pub mod definition;
mod document;
mod error;
pub mod fieldpath;
mod gvk;
mod inputs;
mod load;
pub mod meta;
pub mod parallel;
mod raw;
pub mod registry;
mod resource;
pub mod revision;
pub mod schema;
mod serde_util;
pub mod suggest;
mod typed;
pub mod v1alpha1;
pub mod v1alpha2;
pub mod v1beta1;
mod write;

pub use app::App;
pub use document::{Document, GROUP, V1alpha1, V1alpha2, V1beta1, VERSIONS};
pub use error::{Error, ErrorKind, LineCol, Location};
pub use fieldpath::{FieldPath, FieldPathError, PathError, Segment};
pub use gvk::GroupVersionKind;
pub use inputs::Inputs;
pub use load::{
    Format, Limits, LoadOptions, LoadReport, Loaded, NodePosition, Source, UnknownFields,
    load_bytes, load_dir, load_file, load_path, load_reader, load_source, load_str,
};
pub use meta::{IntOrString, ObjectMeta, Quantity, Resource, TypedReference};
pub use raw::RawObject;
pub use write::{to_json_string, to_yaml_stream, to_yaml_string};
