//! Application revision hashes: the spec of an ApplicationConfiguration or Application together
//! with the spec of every definition it references and, for components followed by name, their
//! hashes — so a definition edit makes a new application revision.

use serde_json::{Map, Value};

use super::{RevisionHash, component_hash};
use crate::registry::{DefinitionKind, crd_name, object_type};
use crate::serde_util::tree;
use crate::v1alpha2::ApplicationConfiguration;
use crate::v1beta1::Application;
use crate::{App, Inputs};

/// The components and definitions an application hash may reference.
#[deprecated(
    since = "0.1.0",
    note = "one set of inputs for every use: `oam_model::Inputs`"
)]
pub type RevisionInputs<'a> = Inputs<'a>;

impl Inputs<'_> {
    /// Whether any trait of an ApplicationConfiguration entry has a TraitDefinition with
    /// `revisionEnabled: true` (so its workload is named after the revision, see
    /// [`super::workload_name`]).
    #[must_use]
    pub fn revision_enabled(
        &self,
        entry: &crate::v1alpha2::ApplicationConfigurationComponent,
    ) -> bool {
        entry.traits.iter().flatten().any(|t| {
            self.registry()
                .for_object(DefinitionKind::Trait, &t.trait_, Some("name"))
                .is_some_and(|d| d.revision_enabled)
        })
    }
}

/// The spec of the definition `kind`/`name`; `null` when there is none.
fn definition(
    inputs: &Inputs<'_>,
    kind: DefinitionKind,
    name: &str,
    namespace: Option<&str>,
) -> Value {
    inputs
        .registry()
        .get(kind, name, namespace)
        .map_or(Value::Null, |d| d.spec.clone())
}

/// The spec a `type` of `kind` refers to (see [`Registry::resolve`]); `null` when there is none.
fn resolve(
    inputs: &Inputs<'_>,
    kind: DefinitionKind,
    type_: &str,
    namespace: Option<&str>,
    auto_update: bool,
) -> Value {
    let registry = inputs.registry();
    let found = if kind == DefinitionKind::Component {
        registry.component_type(type_, namespace, auto_update)
    } else {
        registry.resolve(kind, type_, namespace, auto_update)
    };
    found.map_or(Value::Null, |f| f.definition.spec.clone())
}

/// The revision hash of an application of either generation, against `inputs` (by default
/// [`Inputs::from_documents`]: the documents' Components and definitions over the standard
/// catalog, which is what `oam revision` prints). What goes in is specified in
/// `docs/revision-hash.md`; in short:
///
/// - an ApplicationConfiguration hashes `{"spec", "components", "definitions"}`, where
///   `components` maps every `componentName` to its Component's hash (`null` when it is not
///   among the inputs) and `definitions` maps `Kind/name` of every workload, trait and scope
///   definition referenced to its `spec` (or `null`); entries pinned by `revisionName` are
///   hashed through the name only;
/// - an Application hashes `{"spec", "definitions"}`, where `definitions` maps `Kind/type` of
///   every component, trait, policy and workflow step type to the definition's `spec` (or
///   `null`), leaving out KubeVela's builtin steps and policies; a versioned type
///   (`webservice@v1.2`) resolves to a DefinitionRevision with [`super::resolve_version`],
///   honouring the `app.oam.dev/autoUpdate` annotation.
///
/// Metadata is never hashed, and the order of documents does not matter.
///
/// ```
/// use oam_model::{Inputs, LoadOptions, load_str, revision::app_hash};
/// let yaml = "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: shop}\n\
///             spec:\n  components:\n    - {name: web, type: webservice, traits: [{type: scaler}]}\n";
/// let report = load_str("app.yaml", yaml, &LoadOptions::default());
/// let (_, app) = report.apps().next().unwrap();
/// let with_catalog = app_hash(app, &Inputs::from_report(&report));
/// // Without the catalog, `webservice` and `scaler` resolve to nothing: another hash.
/// let registry = oam_model::registry::Registry::new();
/// assert_ne!(with_catalog, app_hash(app, &Inputs::new(&registry)));
/// assert_eq!(with_catalog, app_hash(app, &Inputs::from_report(&report)));
/// ```
#[must_use]
pub fn app_hash(app: App<'_>, inputs: &Inputs<'_>) -> RevisionHash {
    match app {
        App::Configuration(a) => application_configuration_hash(a, inputs),
        App::Application(a) => application_hash(a, inputs),
    }
}

/// The hash of an ApplicationConfiguration: `{"spec", "components", "definitions"}` where
/// `components` maps every `componentName` to its Component's hash (or `null` when it is not
/// among the inputs) and `definitions` maps `Kind/name` of every workload, trait and scope
/// definition referenced to its `spec` (or `null`). Entries pinned by `revisionName` are hashed
/// through the name only: a pinned revision does not follow the Component.
fn application_configuration_hash(
    app: &ApplicationConfiguration,
    inputs: &Inputs<'_>,
) -> RevisionHash {
    let namespace = app.metadata.namespace.as_deref();
    let mut components = Map::new();
    let mut definitions = Map::new();
    let mut add = |kind: DefinitionKind, name: String| {
        let spec = definition(inputs, kind, &name, namespace);
        definitions.insert(format!("{kind}/{name}"), spec);
    };
    for entry in &app.spec.components {
        if let Some(name) = entry.component_name.as_deref() {
            let component = inputs.component(namespace, name);
            let hash = component.map_or(Value::Null, |c| {
                Value::String(component_hash(c).to_string())
            });
            components.insert(name.to_owned(), hash);
            if let Some(c) = component {
                let kind = DefinitionKind::Workload;
                add(kind, object_type(kind, &c.spec.workload, Some("type")));
            }
        }
        for t in entry.traits.iter().flatten() {
            let kind = DefinitionKind::Trait;
            add(kind, object_type(kind, &t.trait_, Some("name")));
        }
        for s in entry.scopes.iter().flatten() {
            let name = crd_name(&s.scope_ref.api_version, &s.scope_ref.kind);
            add(DefinitionKind::Scope, name);
        }
    }
    let mut whole = Map::new();
    whole.insert("spec".into(), tree(&app.spec));
    whole.insert("components".into(), Value::Object(components));
    whole.insert("definitions".into(), Value::Object(definitions));
    RevisionHash::of_value(&Value::Object(whole))
}

/// The hash of an Application: `{"spec", "definitions"}` where `definitions` maps `Kind/type` of
/// every component type (a ComponentDefinition, else a WorkloadDefinition of that name), trait
/// type, policy type and workflow step type to the definition's `spec` (or `null`). Types KubeVela
/// implements without a definition (builtin steps and policies) are left out. A versioned type
/// (`webservice@v1.2`) is keyed by its full text and resolves to a DefinitionRevision (or a
/// definition whose `spec.version` names it) with [`super::resolve_version`], honouring the
/// `app.oam.dev/autoUpdate` annotation.
fn application_hash(app: &Application, inputs: &Inputs<'_>) -> RevisionHash {
    let auto_update = app.auto_update();
    let namespace = app.metadata.namespace.as_deref();
    let mut definitions = Map::new();
    let mut add = |kind: DefinitionKind, type_: &str| {
        let spec = resolve(inputs, kind, type_, namespace, auto_update);
        definitions.insert(format!("{kind}/{type_}"), spec);
    };
    for c in &app.spec.components {
        let found = inputs
            .registry()
            .component_type(&c.type_, namespace, auto_update);
        let kind = found.map_or(DefinitionKind::Workload, |f| f.definition.kind);
        add(kind, &c.type_);
        for t in c.traits.iter().flatten() {
            add(DefinitionKind::Trait, &t.type_);
        }
    }
    for p in app.spec.policies.iter().flatten() {
        if !crate::registry::BUILTIN_POLICIES.contains(&p.type_.as_str()) {
            add(DefinitionKind::Policy, &p.type_);
        }
    }
    let steps = app
        .spec
        .workflow
        .iter()
        .flat_map(|w| w.steps.iter().flatten());
    for step in steps {
        let sub = step.sub_steps.iter().flatten().map(|s| s.type_.as_str());
        for type_ in std::iter::once(step.type_.as_str()).chain(sub) {
            if !crate::registry::BUILTIN_STEPS.contains(&type_) {
                add(DefinitionKind::WorkflowStep, type_);
            }
        }
    }
    let mut whole = Map::new();
    whole.insert("spec".into(), tree(&app.spec));
    whole.insert("definitions".into(), Value::Object(definitions));
    RevisionHash::of_value(&Value::Object(whole))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, LoadOptions, load_str};

    fn docs(text: &str) -> Vec<Document> {
        let report = load_str("t.yaml", text, &LoadOptions::default());
        assert!(report.is_ok(), "{:?}", report.errors);
        report.documents.into_iter().map(|d| d.value).collect()
    }

    fn hash_of(text: &str, kind: &str) -> RevisionHash {
        let docs = docs(text);
        let inputs = Inputs::from_documents(&docs);
        let app = docs.iter().find_map(Document::as_app).unwrap();
        assert_eq!(app.kind(), kind);
        super::app_hash(app, &inputs)
    }

    fn app_hash(text: &str) -> RevisionHash {
        hash_of(text, "Application")
    }

    fn appconfig_hash(text: &str) -> RevisionHash {
        hash_of(text, "ApplicationConfiguration")
    }

    const APP: &str = "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: shop}\nspec:\n  components:\n    - {name: web, type: webservice, traits: [{type: scaler, properties: {replicas: 2}}]}\n";
    const WEB: &str = "---\napiVersion: core.oam.dev/v1beta1\nkind: ComponentDefinition\nmetadata: {name: webservice}\nspec:\n  workload: {type: deployments.apps}\n  schematic: {cue: {template: \"output: {}\"}}\n";
    const SCALER: &str = "---\napiVersion: core.oam.dev/v1beta1\nkind: TraitDefinition\nmetadata: {name: scaler}\nspec:\n  appliesToWorkloads: [deployments.apps]\n";

    #[test]
    fn editing_a_referenced_definition_changes_the_application_hash() {
        let base = app_hash(&format!("{APP}{WEB}{SCALER}"));
        assert_eq!(
            base,
            app_hash(&format!("{SCALER}\n{WEB}\n---\n{APP}")),
            "document order does not matter"
        );
        assert_ne!(
            base,
            app_hash(&format!(
                "{APP}{}{SCALER}",
                WEB.replace("output: {}", "output: {a: 1}")
            )),
            "ComponentDefinition edit"
        );
        assert_ne!(
            base,
            app_hash(&format!(
                "{APP}{WEB}{}",
                SCALER.replace("deployments.apps", "statefulsets.apps")
            )),
            "TraitDefinition edit"
        );
        assert_ne!(
            base,
            app_hash(&format!("{APP}{WEB}")),
            "a definition that disappears"
        );
        let unrelated = "---\napiVersion: core.oam.dev/v1beta1\nkind: TraitDefinition\nmetadata: {name: other}\nspec: {}\n";
        assert_eq!(
            base,
            app_hash(&format!("{APP}{WEB}{SCALER}{unrelated}")),
            "an unreferenced definition"
        );
        let relabelled = APP.replace(
            "metadata: {name: shop}",
            "metadata: {name: shop, labels: {team: a}}",
        );
        assert_eq!(
            base,
            app_hash(&format!("{relabelled}{WEB}{SCALER}")),
            "metadata is not hashed"
        );
    }

    #[test]
    fn versioned_types_resolve_to_definition_revisions() {
        let app = APP.replace("type: webservice", "type: webservice@v1");
        let rev = |v: &str, body: &str| {
            format!(
                "---\napiVersion: core.oam.dev/v1beta1\nkind: DefinitionRevision\nmetadata: {{name: webservice-v{v}}}\nspec:\n  revision: 1\n  revisionHash: x\n  definitionType: Component\n  componentDefinition: {{spec: {{workload: {{type: {body}}}}}}}\n"
            )
        };
        let revisions = format!("{}{}", rev("1.2.0", "a"), rev("1.10.0", "b"));
        let pinned = app_hash(&format!("{app}{SCALER}{revisions}"));
        let auto = app.replace(
            "metadata: {name: shop}",
            "metadata: {name: shop, annotations: {app.oam.dev/autoUpdate: \"true\"}}",
        );
        let latest = app_hash(&format!("{auto}{SCALER}{revisions}"));
        assert_ne!(
            pinned, latest,
            "without autoUpdate @v1 needs an exact webservice-v1, so it is null"
        );
        let newer = format!("{}{}", rev("1.2.0", "a"), rev("1.10.0", "c"));
        assert_ne!(
            latest,
            app_hash(&format!("{auto}{SCALER}{newer}")),
            "editing the highest 1.y.z revision"
        );
        let older = format!("{}{}", rev("1.2.0", "z"), rev("1.10.0", "b"));
        assert_eq!(
            latest,
            app_hash(&format!("{auto}{SCALER}{older}")),
            "editing a lower 1.y.z revision"
        );
    }

    #[test]
    fn app_config_hash_follows_components_by_name_and_trait_definitions() {
        let app = "apiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {name: a}\nspec:\n  components:\n    - componentName: web\n      traits:\n        - trait: {apiVersion: core.oam.dev/v1alpha2, kind: ManualScalerTrait, spec: {replicaCount: 2}}\n";
        let component = "---\napiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\nspec:\n  workload: {apiVersion: apps/v1, kind: Deployment, spec: {replicas: 1}}\n";
        let scaler = "---\napiVersion: core.oam.dev/v1alpha2\nkind: TraitDefinition\nmetadata: {name: manualscalertraits.core.oam.dev}\nspec:\n  definitionRef: {name: manualscalertraits.core.oam.dev}\n  workloadRefPath: spec.workloadRef\n";
        let base = appconfig_hash(&format!("{app}{component}{scaler}"));
        assert_ne!(
            base,
            appconfig_hash(&format!(
                "{app}{}{scaler}",
                component.replace("replicas: 1", "replicas: 3")
            )),
            "component edit"
        );
        assert_ne!(
            base,
            appconfig_hash(&format!(
                "{app}{component}{}",
                scaler.replace("spec.workloadRef", "spec.target")
            )),
            "trait definition edit"
        );
        let relabelled = component.replace(
            "metadata: {name: web}",
            "metadata: {name: web, labels: {x: y}}",
        );
        assert_eq!(
            base,
            appconfig_hash(&format!("{app}{relabelled}{scaler}")),
            "component labels are not hashed"
        );
    }
}
