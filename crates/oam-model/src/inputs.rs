//! What an application is read against, built once: its Components by namespace and name, and
//! the registry of definitions with the standard catalog beneath the input's own by default.
//! Validation, planning and revision hashes all take this one value, so they agree on which
//! Component and which definition a name means.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::registry::Registry;
use crate::v1alpha2::Component;
use crate::{Document, LoadReport, V1alpha2};

/// The Components and definitions an application refers to.
///
/// [`Inputs::from_documents`] is the default: every Component among the documents and their
/// definitions over the [standard catalog](crate::catalog). Of two Components with one namespace
/// and name the first is kept (the second is reported by `oam validate` as `OAM068`).
///
/// ```
/// use oam_model::{App, Inputs, LoadOptions, load_str, revision::app_hash};
///
/// let yaml = "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: shop}\n\
///             spec:\n  components:\n    - {name: web, type: webservice}\n";
/// let report = load_str("app.yaml", yaml, &LoadOptions::default());
/// let inputs = Inputs::from_report(&report);
/// // `webservice` comes from the standard catalog: no definition file needed.
/// assert!(inputs.registry().component_type("webservice", None, false).is_ok());
/// let (_, app) = report.apps().next().unwrap();
/// assert!(app_hash(app, &inputs).as_str().starts_with("sha256:"));
/// ```
#[derive(Clone, Debug)]
pub struct Inputs<'a> {
    components: BTreeMap<(Option<&'a str>, &'a str), &'a Component>,
    registry: Cow<'a, Registry>,
}

impl Default for Inputs<'_> {
    /// No Components; the standard catalog's definitions.
    fn default() -> Self {
        Self::new(crate::catalog::registry())
    }
}

impl<'a> Inputs<'a> {
    /// No Components, definitions from `registry` (borrowed; nothing beneath it).
    #[must_use]
    pub fn new(registry: &'a Registry) -> Self {
        Self {
            components: BTreeMap::new(),
            registry: Cow::Borrowed(registry),
        }
    }

    /// The default: the Components among `documents`, and their definitions and
    /// DefinitionRevisions over the standard catalog.
    #[must_use]
    pub fn from_documents(documents: impl IntoIterator<Item = &'a Document> + Clone) -> Self {
        let inputs = Self {
            components: BTreeMap::new(),
            registry: crate::catalog::registry().with_documents(documents.clone()),
        };
        inputs.with_components(documents.into_iter().filter_map(|d| match d {
            Document::V1alpha2(V1alpha2::Component(c)) => Some(c),
            _ => None,
        }))
    }

    /// [`Inputs::from_documents`] over every document that loaded.
    #[must_use]
    pub fn from_report(report: &'a LoadReport) -> Self {
        Self::from_documents(report.values())
    }

    /// Adds Components, keyed by `metadata.namespace` and `metadata.name`; a Component without a
    /// name is left out (the loader reports it), and of two with one key the first is kept.
    #[must_use]
    pub fn with_components(mut self, components: impl IntoIterator<Item = &'a Component>) -> Self {
        for c in components {
            if let Some(name) = c.metadata.name.as_deref() {
                let key = (c.metadata.namespace.as_deref(), name);
                self.components.entry(key).or_insert(c);
            }
        }
        self
    }

    /// The same Components with the definitions of `registry` instead (for example the input's
    /// own over extra definition files, or without the catalog).
    #[must_use]
    pub fn with_registry(mut self, registry: Registry) -> Self {
        self.registry = Cow::Owned(registry);
        self
    }

    /// The registry definitions are looked up in.
    #[must_use]
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The Component an application in `namespace` means by `name`: the one in that namespace,
    /// else one without a namespace (applied into the application's, as `kubectl -n` does);
    /// an application without a namespace also finds a Component of that name in any namespace,
    /// the first in namespace order.
    #[must_use]
    pub fn component(&self, namespace: Option<&str>, name: &str) -> Option<&'a Component> {
        let exact = |ns: Option<&str>| self.components.get(&(ns, name)).copied();
        exact(namespace)
            .or_else(|| namespace.and_then(|_| exact(None)))
            .or_else(|| {
                // Rare (no unnamespaced Component of that name): a scan is fine.
                namespace.is_none().then_some(())?;
                self.components
                    .iter()
                    .find(|((_, c), _)| *c == name)
                    .map(|(_, c)| *c)
            })
    }

    /// A Component named `name` in some namespace (the first in namespace order): what an
    /// application of another namespace may have meant, when [`Inputs::component`] finds none.
    #[must_use]
    pub fn in_a_namespace(&self, name: &str) -> Option<&'a Component> {
        self.components
            .iter()
            .find(|((ns, n), _)| ns.is_some() && *n == name)
            .map(|(_, c)| *c)
    }

    /// Every Component, in (namespace, name) order.
    pub fn components(&self) -> impl Iterator<Item = &'a Component> + '_ {
        self.components.values().copied()
    }

    /// The names of the Components an application in `namespace` can refer to, sorted and
    /// without repeats (for "did you mean" hints).
    #[must_use]
    pub fn component_names(&self, namespace: Option<&str>) -> Vec<&'a str> {
        let mut names: Vec<&str> = self
            .components
            .keys()
            .filter(|(n, _)| namespace.is_none() || n.is_none() || *n == namespace)
            .map(|(_, c)| *c)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LoadOptions, load_str};

    fn report(text: &str) -> LoadReport {
        let report = load_str("t.yaml", text, &LoadOptions::default());
        assert!(report.is_ok(), "{:?}", report.errors);
        report
    }

    const COMPONENTS: &str = "\
apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web, namespace: prod}\n\
spec: {workload: {apiVersion: apps/v1, kind: Deployment, spec: {replicas: 1}}}\n---\n\
apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\n\
spec: {workload: {apiVersion: apps/v1, kind: Deployment, spec: {replicas: 2}}}\n---\n\
apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\n\
spec: {workload: {apiVersion: apps/v1, kind: Deployment, spec: {replicas: 3}}}\n---\n\
apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: db, namespace: dev}\n\
spec: {workload: {apiVersion: apps/v1, kind: StatefulSet}}\n";

    fn replicas(c: Option<&Component>) -> Option<u64> {
        c?.spec.workload.rest.get("spec")?.get("replicas")?.as_u64()
    }

    #[test]
    fn a_component_is_found_in_the_apps_namespace_then_without_one_and_the_first_is_kept() {
        let report = report(COMPONENTS);
        let inputs = Inputs::from_report(&report);
        assert_eq!(replicas(inputs.component(Some("prod"), "web")), Some(1));
        assert_eq!(
            replicas(inputs.component(Some("staging"), "web")),
            Some(2),
            "the unnamespaced web, and the first of the two"
        );
        assert_eq!(replicas(inputs.component(None, "web")), Some(2));
        assert!(
            inputs.component(Some("prod"), "db").is_none(),
            "another namespace's"
        );
        assert!(inputs.component(None, "db").is_some());
        let db = inputs
            .in_a_namespace("db")
            .and_then(|c| c.metadata.namespace.as_deref());
        assert_eq!(db, Some("dev"));
        assert!(inputs.in_a_namespace("nothing").is_none());
        assert_eq!(inputs.component_names(Some("prod")), ["web"]);
        assert_eq!(inputs.component_names(None), ["db", "web"]);
        assert_eq!(inputs.components().count(), 3);
    }

    #[test]
    fn the_catalog_lies_beneath_the_inputs_own_definitions_by_default() {
        use crate::registry::DefinitionKind;
        let own = "apiVersion: core.oam.dev/v1beta1\nkind: TraitDefinition\n\
                   metadata: {name: scaler}\nspec: {appliesToWorkloads: [mine]}\n";
        let report = report(own);
        let inputs = Inputs::from_report(&report);
        let scaler = inputs.registry().get(DefinitionKind::Trait, "scaler", None);
        assert_eq!(scaler.unwrap().applies_to_workloads, ["mine"]);
        assert!(
            inputs
                .registry()
                .get(DefinitionKind::Component, "webservice", None)
                .is_some()
        );
        let bare =
            Inputs::from_report(&report).with_registry(Registry::from_documents(report.values()));
        assert!(
            bare.registry()
                .get(DefinitionKind::Component, "webservice", None)
                .is_none()
        );
    }
}
