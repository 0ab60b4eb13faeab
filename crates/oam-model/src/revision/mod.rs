//! Revisions: a canonical content hash any language can recompute, and revision histories.
//! The algorithm is specified in `docs/revision-hash.md`.

mod application;
mod canonical;
mod hash;
mod history;
mod workload_name;

#[allow(deprecated)]
pub use application::RevisionInputs;
pub use application::app_hash;
pub use canonical::canonical_json;
pub use hash::{InvalidHash, PREFIX, RevisionHash, SHORT_LEN};
pub use history::{
    DEFAULT_REVISION_LIMIT, InvalidRevisionName, Recorded, Revision, RevisionHistory, RevisionName,
};
// `name@vX` resolution is a lookup rule of the registry; re-exported where it used to live.
pub use crate::registry::{InvalidTypeRef, Resolved, TypeRef, resolve_version};
pub use workload_name::{NoLatestRevision, workload_name};

use crate::serde_util::tree;

/// The revision hash of a Component: its `spec` only (metadata and status are excluded), as
/// loaded, before any defaulting.
///
/// ```
/// use oam_model::{Document, LoadOptions, V1alpha2, load_str, revision::component_hash};
/// let a = "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web, labels: {a: b}}\n\
///          spec: {workload: {apiVersion: apps/v1, kind: Deployment, spec: {replicas: 1}}}\n";
/// let b = r#"{"kind": "Component", "apiVersion": "core.oam.dev/v1alpha2", "metadata": {"name": "web"},
///            "spec": {"workload": {"spec": {"replicas": 1}, "kind": "Deployment", "apiVersion": "apps/v1"}}}"#;
/// let hash = |text: &str, name: &str| match &load_str(name, text, &LoadOptions::default()).documents[0].value {
///     Document::V1alpha2(V1alpha2::Component(c)) => component_hash(c),
///     _ => unreachable!(),
/// };
/// assert_eq!(hash(a, "a.yaml"), hash(b, "b.json"));
/// ```
#[must_use]
pub fn component_hash(component: &crate::v1alpha2::Component) -> RevisionHash {
    RevisionHash::of_value(&tree(&component.spec))
}
