//! The capability registry: every definition found in the input (and in catalogs), looked up by
//! definition name, by CRD name (`definitionRef.name`), by the type label of an embedded object,
//! and as `name@vX` through DefinitionRevisions. Pure data: the graph, revision hashes and the
//! checks all read it.
//!
//! Namespaces (`oam-v1beta1.md` §4.1): a lookup for an application in namespace `ns` prefers a
//! definition in `ns`, then one in the system namespace (`vela-system` unless configured), then a
//! cluster-scoped one (no namespace). A definition inserted later replaces one of the same kind,
//! name and namespace, so a catalog inserted first is shadowed by the input's own definitions.
//!
//! ```
//! use oam_model::registry::{DefinitionKind, Registry};
//! use oam_model::{LoadOptions, load_str};
//!
//! let yaml = "apiVersion: core.oam.dev/v1alpha2\nkind: TraitDefinition\n\
//!             metadata: {name: manualscalertraits.core.oam.dev}\n\
//!             spec: {workloadRefPath: spec.workloadRef,\n\
//!                    definitionRef: {name: manualscalertraits.core.oam.dev}}\n";
//! let report = load_str("defs.yaml", yaml, &LoadOptions::default());
//! let registry = Registry::from_documents(report.documents.iter().map(|d| &d.value));
//!
//! let scaler = oam_model::RawObject::new("core.oam.dev/v1alpha2", "ManualScalerTrait");
//! let found = registry.for_object(DefinitionKind::Trait, &scaler, None).unwrap();
//! assert_eq!(found.workload_ref_path.as_deref(), Some("spec.workloadRef"));
//! ```

mod entry;
mod naming;
mod reference;

use std::collections::BTreeMap;

pub use entry::{DESCRIPTION_ANNOTATION, Definition, DefinitionKind};
pub use naming::{crd_name, plural};
pub use reference::{InvalidTypeRef, Resolved, TypeRef, resolve_version};

use crate::document::Document;
use crate::raw::RawObject;

/// Workflow step types KubeVela runs without a definition.
pub const BUILTIN_STEPS: &[&str] = &[
    "apply-component",
    "builtin-apply-component",
    "step-group",
    "suspend",
];

/// Policy types KubeVela implements in Go, without a definition.
pub const BUILTIN_POLICIES: &[&str] = &[
    "apply-once",
    "debug",
    "env-binding",
    "garbage-collect",
    "override",
    "read-only",
    "replication",
    "resource-update",
    "shared-resource",
    "take-over",
    "topology",
];

/// The namespace KubeVela installs its definitions in.
pub const DEFAULT_SYSTEM_NAMESPACE: &str = "vela-system";

/// The namespace an application without one is created in.
const DEFAULT_NAMESPACE: &str = "default";

/// Why a `type` did not resolve.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LookupError {
    /// The reference is not `name` or `name@v<version>`.
    #[error(transparent)]
    InvalidReference(#[from] InvalidTypeRef),
    /// No definition of that kind and name.
    #[error("no {kind} named {name:?}")]
    NotFound {
        /// The kind looked for.
        kind: DefinitionKind,
        /// The name looked for.
        name: String,
    },
    /// `name@vX` names no DefinitionRevision (nor a definition with that `spec.version`).
    #[error("no revision of {kind} {name:?} matches v{version}")]
    NoRevision {
        /// The kind looked for.
        kind: DefinitionKind,
        /// The definition's name.
        name: String,
        /// The version asked for.
        version: String,
    },
}

/// A definition found for a versioned or plain reference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Found<'a> {
    /// The definition (for `name@vX`, the one stored in the matching revision).
    pub definition: &'a Definition,
    /// The DefinitionRevision used, for `name@vX`.
    pub revision: Option<&'a str>,
    /// `@vN` matched both auto-numbered revision N and the N.y.z family; the exact name won.
    pub ambiguous: bool,
}

type Key = (DefinitionKind, String, Option<String>);

/// Definitions indexed for lookup. Iteration and every answer are deterministic.
#[derive(Clone, Debug, PartialEq)]
pub struct Registry {
    definitions: BTreeMap<Key, Definition>,
    /// `(kind, CRD name)` → the keys of the definitions standing for that CRD.
    by_crd: BTreeMap<(DefinitionKind, String), Vec<Key>>,
    /// `(kind, revision name)` → the definition stored in that revision.
    revisions: BTreeMap<(DefinitionKind, String), Definition>,
    system_namespace: String,
}

impl Default for Registry {
    fn default() -> Self {
        Self {
            definitions: BTreeMap::new(),
            by_crd: BTreeMap::new(),
            revisions: BTreeMap::new(),
            system_namespace: DEFAULT_SYSTEM_NAMESPACE.to_owned(),
        }
    }
}

impl Registry {
    /// An empty registry with the default system namespace.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The same registry searching `namespace` instead of `vela-system` as the system namespace.
    #[must_use]
    pub fn with_system_namespace(mut self, namespace: impl Into<String>) -> Self {
        self.system_namespace = namespace.into();
        self
    }

    /// A registry of the definitions and DefinitionRevisions among `documents`.
    pub fn from_documents<'a>(documents: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut registry = Self::new();
        registry.extend(documents);
        registry
    }

    /// Adds the definitions and DefinitionRevisions among `documents`; each replaces one of the
    /// same kind, name and namespace already present.
    pub fn extend<'a>(&mut self, documents: impl IntoIterator<Item = &'a Document>) {
        for document in documents {
            if let Some(definition) = Definition::from_document(document) {
                self.insert(definition);
            } else if let Document::Raw(raw) = document
                && let Some((name, definition)) = Definition::from_definition_revision(raw)
            {
                self.revisions.insert((definition.kind, name), definition);
            }
        }
    }

    /// These definitions with the definitions and DefinitionRevisions among `documents` over
    /// them: `self` itself, borrowed, when `documents` hold none. So a caller that lays a
    /// request's documents over a large base (the standard catalog, for every admission
    /// request) copies the base only when the request brings a definition of its own.
    ///
    /// ```
    /// use oam_model::{catalog, load_str, LoadOptions};
    /// let app = load_str("app.yaml", "apiVersion: core.oam.dev/v1beta1\nkind: Application\n\
    ///     metadata: {name: a}\nspec: {components: []}\n", &LoadOptions::default());
    /// let layered = catalog::registry().with_documents(app.values());
    /// assert!(matches!(layered, std::borrow::Cow::Borrowed(_)));
    /// ```
    #[must_use]
    pub fn with_documents<'d>(
        &self,
        documents: impl IntoIterator<Item = &'d Document>,
    ) -> std::borrow::Cow<'_, Registry> {
        let mut owned: Option<Registry> = None;
        for document in documents {
            let defines = Definition::from_document(document).is_some()
                || matches!(document, Document::Raw(raw)
                    if Definition::from_definition_revision(raw).is_some());
            if defines {
                owned
                    .get_or_insert_with(|| self.clone())
                    .extend(std::iter::once(document));
            }
        }
        owned.map_or(std::borrow::Cow::Borrowed(self), std::borrow::Cow::Owned)
    }

    /// The namespace system definitions live in.
    #[must_use]
    pub fn system_namespace(&self) -> &str {
        &self.system_namespace
    }

    /// Adds a definition, returning the one of the same kind, name and namespace it shadows.
    /// A definition with `spec.version` is also its own revision `<name>-v<version>`.
    pub fn insert(&mut self, definition: Definition) -> Option<Definition> {
        let key = (
            definition.kind,
            definition.name.clone(),
            definition.namespace.clone(),
        );
        if let Some(version) = &definition.version {
            let revision = format!("{}-v{version}", definition.name);
            self.revisions
                .entry((definition.kind, revision))
                .or_insert_with(|| definition.clone());
        }
        let old = self.definitions.remove(&key);
        if let Some(crd) = old.as_ref().and_then(|o| o.crd_name.clone())
            && let Some(keys) = self.by_crd.get_mut(&(definition.kind, crd))
        {
            keys.retain(|k| *k != key);
        }
        if let Some(crd) = &definition.crd_name {
            let keys = self
                .by_crd
                .entry((definition.kind, crd.clone()))
                .or_default();
            keys.push(key.clone());
            keys.sort();
        }
        self.definitions.insert(key, definition);
        old
    }

    /// Every definition, ordered by kind, name and namespace.
    pub fn definitions(&self) -> impl Iterator<Item = &Definition> {
        self.definitions.values()
    }

    /// Every definition of one kind, ordered by name and namespace.
    pub fn of_kind(&self, kind: DefinitionKind) -> impl Iterator<Item = &Definition> {
        self.definitions.values().filter(move |d| d.kind == kind)
    }

    /// Whether the registry holds no definition.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.definitions.is_empty()
    }

    /// The namespaces searched for an application in `namespace`, best first; `None` stands
    /// for cluster-scoped definitions.
    fn namespaces<'a>(&'a self, namespace: Option<&'a str>) -> [Option<&'a str>; 3] {
        [
            Some(namespace.unwrap_or(DEFAULT_NAMESPACE)),
            Some(self.system_namespace.as_str()),
            None,
        ]
    }

    /// The definition of `kind` named `name`, else the one whose CRD name is `name`, as seen
    /// from an application in `namespace`. A core-group CRD name may be written with the
    /// upstream trailing dot (`services.`).
    #[must_use]
    pub fn get(
        &self,
        kind: DefinitionKind,
        name: &str,
        namespace: Option<&str>,
    ) -> Option<&Definition> {
        let by_name = |ns: Option<&str>| {
            self.definitions
                .get(&(kind, name.to_owned(), ns.map(str::to_owned)))
        };
        let by_crd = |crd: &str, ns: Option<&str>| {
            let keys = self.by_crd.get(&(kind, crd.to_owned()))?;
            keys.iter()
                .find(|k| k.2.as_deref() == ns)
                .and_then(|k| self.definitions.get(k))
        };
        let undotted = name.strip_suffix('.').filter(|n| !n.contains('.'));
        self.namespaces(namespace).into_iter().find_map(|ns| {
            by_name(ns)
                .or_else(|| by_crd(name, ns))
                .or_else(|| undotted.and_then(|n| by_crd(n, ns)))
        })
    }

    /// Resolves a `type` as users write it: `name`; `<namespace>/<name>` (the OAM spec's form,
    /// looked up in exactly that namespace); or `name@vX` through the DefinitionRevisions
    /// (and definitions with a `spec.version`) of that name, the exact revision first and, with
    /// `auto_update`, the highest matching semver (see [`resolve_version`]).
    pub fn resolve(
        &self,
        kind: DefinitionKind,
        type_: &str,
        namespace: Option<&str>,
        auto_update: bool,
    ) -> Result<Found<'_>, LookupError> {
        let reference: TypeRef = type_.parse()?;
        let Some(version) = reference.version.clone() else {
            let definition = match reference.name.split_once('/') {
                // The spec's `<namespace>/<name>` form: exactly that namespace (§10.9). A
                // cluster-scoped entry (the standard catalog) stands for what the system
                // namespace has installed, so `vela-system/webservice` finds it.
                Some((ns, name)) => self
                    .definitions
                    .get(&(kind, name.to_owned(), Some(ns.to_owned())))
                    .or_else(|| {
                        (ns == self.system_namespace)
                            .then(|| self.definitions.get(&(kind, name.to_owned(), None)))
                            .flatten()
                    }),
                None => self.get(kind, &reference.name, namespace),
            };
            return definition
                .map(|definition| Found {
                    definition,
                    revision: None,
                    ambiguous: false,
                })
                .ok_or(LookupError::NotFound {
                    kind,
                    name: reference.name,
                });
        };
        let names: Vec<String> = self
            .revisions
            .keys()
            .filter(|(k, _)| *k == kind)
            .map(|(_, n)| n.clone())
            .collect();
        let resolved = resolve_version(&reference, &names, auto_update);
        let found = resolved.and_then(|r| {
            let (key, definition) = self
                .revisions
                .get_key_value(&(kind, r.revision.to_owned()))?;
            Some(Found {
                definition,
                revision: Some(key.1.as_str()),
                ambiguous: r.ambiguous,
            })
        });
        found.ok_or(LookupError::NoRevision {
            kind,
            name: reference.name,
            version,
        })
    }

    /// A v1beta1 component `type`: a ComponentDefinition, else a WorkloadDefinition of that name
    /// (`oam-v1beta1.md` §4.2).
    pub fn component_type(
        &self,
        type_: &str,
        namespace: Option<&str>,
        auto_update: bool,
    ) -> Result<Found<'_>, LookupError> {
        self.resolve(DefinitionKind::Component, type_, namespace, auto_update)
            .or_else(|e| {
                self.resolve(DefinitionKind::Workload, type_, namespace, auto_update)
                    .map_err(|_| e)
            })
    }

    /// The definition of an embedded v1alpha2 object (`oam-v1alpha2.md` §14): the name in its
    /// type label, else the name in its `shorthand` field (`type` for workloads, `name` for
    /// traits), else its CRD name `<plural>.<group>` from its apiVersion and kind.
    #[must_use]
    pub fn for_object(
        &self,
        kind: DefinitionKind,
        object: &RawObject,
        shorthand: Option<&str>,
    ) -> Option<&Definition> {
        let namespace = object
            .metadata
            .as_ref()
            .and_then(|m| m.namespace.as_deref());
        self.get(kind, &object_type(kind, object, shorthand), namespace)
    }
}

/// The definition name an embedded object refers to: its type label, else its `shorthand`
/// field, else its CRD name (see [`Registry::for_object`]).
#[must_use]
pub fn object_type(kind: DefinitionKind, object: &RawObject, shorthand: Option<&str>) -> String {
    let labelled = kind.type_label().and_then(|label| {
        object
            .metadata
            .as_ref()
            .and_then(|m| m.labels.as_ref())
            .and_then(|l| l.get(label))
    });
    if let Some(name) = labelled {
        return name.clone();
    }
    if let Some(name) = shorthand
        .and_then(|field| object.rest.get(field))
        .and_then(serde_json::Value::as_str)
    {
        return name.to_owned();
    }
    crd_name(
        object.api_version.as_deref().unwrap_or_default(),
        object.kind.as_deref().unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LoadOptions, load_str};

    fn registry(yaml: &str) -> Registry {
        let report = load_str("defs.yaml", yaml, &LoadOptions::default());
        assert!(report.is_ok(), "{:?}", report.errors);
        Registry::from_documents(report.documents.iter().map(|d| &d.value))
    }

    fn trait_def(name: &str, namespace: Option<&str>, path: &str) -> String {
        let ns = namespace
            .map(|n| format!(", namespace: {n}"))
            .unwrap_or_default();
        format!(
            "---\napiVersion: core.oam.dev/v1beta1\nkind: TraitDefinition\n\
             metadata: {{name: {name}{ns}}}\nspec: {{workloadRefPath: {path}}}\n"
        )
    }

    #[test]
    fn documents_over_a_base_copy_it_only_when_they_define_something() {
        let base = registry(&trait_def("scaler", None, "spec.base"));
        let app = load_str(
            "app.yaml",
            "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: a}\n\
             spec: {components: []}\n",
            &LoadOptions::default(),
        );
        let same = base.with_documents(app.values());
        assert!(matches!(same, std::borrow::Cow::Borrowed(_)));
        let defs = load_str(
            "defs.yaml",
            &trait_def("scaler", None, "spec.mine"),
            &LoadOptions::default(),
        );
        let over = base.with_documents(app.values().chain(defs.values()));
        assert!(matches!(over, std::borrow::Cow::Owned(_)));
        let path = |r: &Registry| {
            r.get(DefinitionKind::Trait, "scaler", None)
                .and_then(|d| d.workload_ref_path.clone())
        };
        assert_eq!(path(&over).as_deref(), Some("spec.mine"));
        assert_eq!(path(&base).as_deref(), Some("spec.base"));
    }

    #[test]
    fn the_application_namespace_shadows_the_system_namespace() {
        let r = registry(&format!(
            "{}{}{}",
            trait_def("scaler", Some("vela-system"), "spec.system"),
            trait_def("scaler", Some("team-a"), "spec.team"),
            trait_def("scaler", None, "spec.cluster"),
        ));
        let path = |ns| {
            r.get(DefinitionKind::Trait, "scaler", ns)
                .and_then(|d| d.workload_ref_path.clone())
        };
        assert_eq!(path(Some("team-a")).as_deref(), Some("spec.team"));
        assert_eq!(path(Some("team-b")).as_deref(), Some("spec.system"));
        let custom = r.clone().with_system_namespace("platform");
        let found = custom.get(DefinitionKind::Trait, "scaler", Some("team-b"));
        assert_eq!(
            found.and_then(|d| d.workload_ref_path.as_deref()),
            Some("spec.cluster")
        );
        assert!(r.get(DefinitionKind::Workload, "scaler", None).is_none());
    }

    #[test]
    fn a_system_namespace_reference_finds_a_cluster_scoped_definition_and_no_other_does() {
        let r = registry(&format!(
            "{}{}",
            trait_def("scaler", None, "spec.cluster"),
            trait_def("gateway", Some("team-a"), "spec.team"),
        ));
        let path = |type_: &str| {
            r.resolve(DefinitionKind::Trait, type_, Some("team-b"), false)
                .ok()
                .and_then(|f| f.definition.workload_ref_path.clone())
        };
        assert_eq!(path("vela-system/scaler").as_deref(), Some("spec.cluster"));
        assert_eq!(path("team-a/gateway").as_deref(), Some("spec.team"));
        assert_eq!(path("team-a/scaler"), None);
        assert_eq!(path("vela-system/gateway"), None);
        let custom = r.clone().with_system_namespace("platform");
        assert!(
            custom
                .resolve(DefinitionKind::Trait, "platform/scaler", None, false)
                .is_ok()
        );
        assert!(
            custom
                .resolve(DefinitionKind::Trait, "vela-system/scaler", None, false)
                .is_err()
        );
    }

    #[test]
    fn a_later_definition_replaces_one_of_the_same_name_and_its_crd_entry() {
        let mut r = registry(
            "apiVersion: core.oam.dev/v1alpha2\nkind: WorkloadDefinition\n\
             metadata: {name: web}\nspec: {definitionRef: {name: deployments.apps}}\n",
        );
        assert_eq!(
            r.get(DefinitionKind::Workload, "deployments.apps", None)
                .map(|d| d.name.as_str()),
            Some("web")
        );
        let mut replacement = r
            .get(DefinitionKind::Workload, "web", None)
            .unwrap()
            .clone();
        replacement.crd_name = Some("statefulsets.apps".into());
        let old = r.insert(replacement);
        assert_eq!(old.unwrap().crd_name.as_deref(), Some("deployments.apps"));
        assert!(
            r.get(DefinitionKind::Workload, "deployments.apps", None)
                .is_none()
        );
        assert!(
            r.get(DefinitionKind::Workload, "statefulsets.apps", None)
                .is_some()
        );
        assert_eq!(r.definitions().count(), 1);
    }

    #[test]
    fn objects_are_found_by_label_shorthand_or_crd_name_with_the_core_group_alias() {
        let r = registry(
            "apiVersion: core.oam.dev/v1alpha2\nkind: TraitDefinition\n\
             metadata: {name: svc}\nspec: {definitionRef: {name: services}}\n---\n\
             apiVersion: core.oam.dev/v1alpha2\nkind: TraitDefinition\n\
             metadata: {name: ingress}\nspec: {definitionRef: {name: ingresses.networking.k8s.io}}\n",
        );
        let mut object = RawObject::new("v1", "Service");
        let found = |o: &RawObject| {
            r.for_object(DefinitionKind::Trait, o, Some("name"))
                .map(|d| d.name.clone())
        };
        assert_eq!(found(&object).as_deref(), Some("svc"));
        assert_eq!(
            r.get(DefinitionKind::Trait, "services.", None)
                .map(|d| d.name.as_str()),
            Some("svc")
        );
        let ingress = RawObject::new("networking.k8s.io/v1", "Ingress");
        assert_eq!(found(&ingress).as_deref(), Some("ingress"));
        object.rest.insert("name".into(), "ingress".into());
        assert_eq!(found(&object).as_deref(), Some("ingress"));
        let meta = crate::ObjectMeta {
            labels: Some([("trait.oam.dev/type".to_owned(), "svc".to_owned())].into()),
            ..Default::default()
        };
        let mut labelled = RawObject::new("networking.k8s.io/v1", "Ingress");
        labelled.metadata = Some(meta);
        assert_eq!(found(&labelled).as_deref(), Some("svc"));
    }

    #[test]
    fn versioned_types_resolve_through_revisions() {
        let r = registry(
            "apiVersion: core.oam.dev/v1beta1\nkind: ComponentDefinition\n\
             metadata: {name: worker}\nspec: {version: 1.2.0, workload: {type: deployments.apps}}\n---\n\
             apiVersion: core.oam.dev/v1beta1\nkind: DefinitionRevision\nmetadata: {name: worker-v1.10.1}\n\
             spec:\n  definitionType: Component\n  revision: 3\n  revisionHash: abc\n  componentDefinition:\n\
             \x20   apiVersion: core.oam.dev/v1beta1\n    kind: ComponentDefinition\n    metadata: {name: worker}\n\
             \x20   spec: {workload: {type: statefulsets.apps}}\n",
        );
        let exact = r.component_type("worker@v1.2.0", None, false).unwrap();
        assert_eq!(exact.revision, Some("worker-v1.2.0"));
        assert_eq!(
            exact.definition.workload_type.as_deref(),
            Some("deployments.apps")
        );
        let latest = r.component_type("worker@v1", None, true).unwrap();
        assert_eq!(latest.revision, Some("worker-v1.10.1"));
        assert_eq!(
            latest.definition.workload_type.as_deref(),
            Some("statefulsets.apps")
        );
        assert!(matches!(
            r.component_type("worker@v1", None, false),
            Err(LookupError::NoRevision { .. })
        ));
        assert!(matches!(
            r.component_type("worker@1", None, false),
            Err(LookupError::InvalidReference(_))
        ));
        let mut namespaced = r
            .get(DefinitionKind::Component, "worker", None)
            .unwrap()
            .clone();
        namespaced.namespace = Some("team".into());
        let mut r = r;
        r.insert(namespaced);
        assert!(r.component_type("team/worker", None, false).is_ok());
        assert!(r.component_type("other/worker", None, false).is_err());
        assert_eq!(
            r.component_type("nothing", None, false)
                .unwrap_err()
                .to_string(),
            "no ComponentDefinition named \"nothing\""
        );
    }
}
