//! Application revision hashes: the spec of an ApplicationConfiguration or Application together
//! with the spec of every definition it references and, for components followed by name, their
//! hashes — so a definition edit makes a new application revision.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{RevisionHash, TypeRef, component_hash, resolve_version, tree};
use crate::document::{Document, V1alpha2, V1beta1};
use crate::raw::RawObject;
use crate::v1alpha2::{ApplicationConfiguration, Component};
use crate::v1beta1::Application;

/// Workflow step types KubeVela runs without a definition.
const BUILTIN_STEPS: &[&str] = &[
    "apply-component",
    "builtin-apply-component",
    "step-group",
    "suspend",
];

/// Policy types KubeVela implements in Go, without a definition.
const BUILTIN_POLICIES: &[&str] = &[
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

/// The components and definitions an application hash may reference, gathered from documents.
#[derive(Debug, Default)]
pub struct RevisionInputs<'a> {
    components: BTreeMap<&'a str, &'a Component>,
    /// `Kind/name` → the definition's `spec`, for both API versions. A v1alpha2 definition is
    /// also found by its `definitionRef.name`.
    definitions: BTreeMap<String, Value>,
    /// `Kind` → DefinitionRevision name → the revision's definition `spec`. A definition with a
    /// `spec.version` is also the revision `<name>-v<version>`.
    revisions: BTreeMap<&'static str, BTreeMap<String, Value>>,
}

impl<'a> RevisionInputs<'a> {
    /// Gathers the Components and definitions among `documents`.
    pub fn from_documents(documents: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut inputs = Self::default();
        for doc in documents {
            let name = doc.name().unwrap_or_default().to_owned();
            let (kind, spec, definition_ref) = match doc {
                Document::V1alpha2(V1alpha2::Component(c)) => {
                    if let Some(n) = c.metadata.name.as_deref() {
                        inputs.components.insert(n, c);
                    }
                    continue;
                }
                Document::V1alpha2(V1alpha2::WorkloadDefinition(d)) => (
                    "WorkloadDefinition",
                    tree(&d.spec),
                    Some(d.spec.definition_ref.name.clone()),
                ),
                Document::V1alpha2(V1alpha2::TraitDefinition(d)) => (
                    "TraitDefinition",
                    tree(&d.spec),
                    d.spec.definition_ref.as_ref().map(|r| r.name.clone()),
                ),
                Document::V1alpha2(V1alpha2::ScopeDefinition(d)) => (
                    "ScopeDefinition",
                    tree(&d.spec),
                    Some(d.spec.definition_ref.name.clone()),
                ),
                Document::V1alpha2(V1alpha2::ComponentDefinition(d)) => {
                    ("ComponentDefinition", tree(&d.spec), None)
                }
                Document::V1beta1(V1beta1::ComponentDefinition(d)) => {
                    ("ComponentDefinition", tree(&d.spec), None)
                }
                Document::V1beta1(V1beta1::TraitDefinition(d)) => {
                    ("TraitDefinition", tree(&d.spec), None)
                }
                Document::V1beta1(V1beta1::PolicyDefinition(d)) => {
                    ("PolicyDefinition", tree(&d.spec), None)
                }
                Document::V1beta1(V1beta1::WorkflowStepDefinition(d)) => {
                    ("WorkflowStepDefinition", tree(&d.spec), None)
                }
                Document::V1beta1(V1beta1::WorkloadDefinition(d)) => {
                    ("WorkloadDefinition", tree(&d.spec), None)
                }
                Document::V1beta1(V1beta1::ScopeDefinition(d)) => {
                    ("ScopeDefinition", tree(&d.spec), None)
                }
                Document::Raw(raw)
                    if raw.api_version.as_deref() == Some("core.oam.dev/v1beta1")
                        && raw.kind.as_deref() == Some("DefinitionRevision") =>
                {
                    inputs.add_definition_revision(&name, raw);
                    continue;
                }
                _ => continue,
            };
            if let Some(version) = spec.get("version").and_then(Value::as_str) {
                inputs
                    .revisions
                    .entry(kind)
                    .or_default()
                    .insert(format!("{name}-v{version}"), spec.clone());
            }
            if let Some(crd) = definition_ref {
                inputs
                    .definitions
                    .entry(format!("{kind}/{crd}"))
                    .or_insert_with(|| spec.clone());
            }
            inputs.definitions.insert(format!("{kind}/{name}"), spec);
        }
        inputs
    }

    fn definition(&self, kind: &str, name: &str) -> Value {
        self.definitions
            .get(&format!("{kind}/{name}"))
            .cloned()
            .unwrap_or(Value::Null)
    }

    /// Whether any trait of an ApplicationConfiguration entry has a TraitDefinition with
    /// `revisionEnabled: true` (so its workload is named after the revision, see
    /// [`super::workload_name`]).
    #[must_use]
    pub fn revision_enabled(
        &self,
        entry: &crate::v1alpha2::ApplicationConfigurationComponent,
    ) -> bool {
        entry.traits.iter().flatten().any(|t| {
            let name = embedded_type(&t.trait_, "trait.oam.dev/type", "name");
            self.definition("TraitDefinition", &name)
                .get("revisionEnabled")
                == Some(&Value::Bool(true))
        })
    }

    /// A DefinitionRevision's `spec.<kind>Definition.spec`, filed under its `definitionType`.
    fn add_definition_revision(&mut self, name: &str, raw: &RawObject) {
        let spec = raw.rest.get("spec");
        let (kind, field) = match spec
            .and_then(|s| s.get("definitionType"))
            .and_then(Value::as_str)
        {
            Some("Component") => ("ComponentDefinition", "componentDefinition"),
            Some("Trait") => ("TraitDefinition", "traitDefinition"),
            Some("Policy") => ("PolicyDefinition", "policyDefinition"),
            Some("WorkflowStep") => ("WorkflowStepDefinition", "workflowStepDefinition"),
            _ => return,
        };
        let definition = spec
            .and_then(|s| s.get(field))
            .and_then(|d| d.get("spec"))
            .cloned()
            .unwrap_or(Value::Null);
        self.revisions
            .entry(kind)
            .or_default()
            .insert(name.to_owned(), definition);
    }

    /// The spec a `type` of `kind` refers to: the definition by name, or for `name@vX` the
    /// DefinitionRevision it resolves to (see [`resolve_version`]); `null` when there is none.
    fn resolve(&self, kind: &'static str, type_: &str, auto_update: bool) -> Value {
        let Ok(reference) = type_.parse::<TypeRef>() else {
            return Value::Null;
        };
        if reference.version.is_none() {
            return self.definition(kind, &reference.name);
        }
        let Some(revisions) = self.revisions.get(kind) else {
            return Value::Null;
        };
        let names: Vec<String> = revisions.keys().cloned().collect();
        resolve_version(&reference, &names, auto_update)
            .and_then(|r| revisions.get(r.revision).cloned())
            .unwrap_or(Value::Null)
    }
}

/// The definition name an embedded v1alpha2 object refers to: its type label, else its `type`
/// (workloads) or `name` (traits) shorthand, else `<lowercase kind>s.<group>` (`<kind>s` for
/// the core group).
fn embedded_type(raw: &RawObject, label: &str, shorthand: &str) -> String {
    let labelled = raw
        .metadata
        .as_ref()
        .and_then(|m| m.labels.as_ref())
        .and_then(|l| l.get(label));
    if let Some(name) = labelled {
        return name.clone();
    }
    if let Some(Value::String(name)) = raw.rest.get(shorthand) {
        return name.clone();
    }
    crd_name(
        raw.api_version.as_deref().unwrap_or_default(),
        raw.kind.as_deref().unwrap_or_default(),
    )
}

fn crd_name(api_version: &str, kind: &str) -> String {
    let plural = format!("{}s", kind.to_ascii_lowercase());
    match api_version.split_once('/') {
        Some((group, _)) => format!("{plural}.{group}"),
        None => plural,
    }
}

/// The hash of an ApplicationConfiguration: `{"spec", "components", "definitions"}` where
/// `components` maps every `componentName` to its Component's hash (or `null` when it is not
/// among the inputs) and `definitions` maps `Kind/name` of every workload, trait and scope
/// definition referenced to its `spec` (or `null`). Entries pinned by `revisionName` are hashed
/// through the name only: a pinned revision does not follow the Component.
#[must_use]
pub fn application_configuration_hash(
    app: &ApplicationConfiguration,
    inputs: &RevisionInputs<'_>,
) -> RevisionHash {
    let mut components = Map::new();
    let mut definitions = Map::new();
    for entry in &app.spec.components {
        if let Some(name) = entry.component_name.as_deref() {
            let component = inputs.components.get(name);
            let hash = component.map_or(Value::Null, |c| {
                Value::String(component_hash(c).to_string())
            });
            components.insert(name.to_owned(), hash);
            if let Some(c) = component {
                let workload = embedded_type(&c.spec.workload, "workload.oam.dev/type", "type");
                let key = format!("WorkloadDefinition/{workload}");
                definitions.insert(key, inputs.definition("WorkloadDefinition", &workload));
            }
        }
        for t in entry.traits.iter().flatten() {
            let name = embedded_type(&t.trait_, "trait.oam.dev/type", "name");
            definitions.insert(
                format!("TraitDefinition/{name}"),
                inputs.definition("TraitDefinition", &name),
            );
        }
        for s in entry.scopes.iter().flatten() {
            let name = crd_name(&s.scope_ref.api_version, &s.scope_ref.kind);
            definitions.insert(
                format!("ScopeDefinition/{name}"),
                inputs.definition("ScopeDefinition", &name),
            );
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
/// definition whose `spec.version` names it) with [`resolve_version`], honouring the
/// `app.oam.dev/autoUpdate` annotation.
#[must_use]
pub fn application_hash(app: &Application, inputs: &RevisionInputs<'_>) -> RevisionHash {
    let auto_update = app
        .metadata
        .annotations
        .as_ref()
        .and_then(|a| a.get("app.oam.dev/autoUpdate"))
        .is_some_and(|v| v == "true");
    let resolve = |kind, type_: &str| inputs.resolve(kind, type_, auto_update);
    let mut definitions = Map::new();
    for c in &app.spec.components {
        let component = resolve("ComponentDefinition", &c.type_);
        let (kind, spec) = if component.is_null() {
            (
                "WorkloadDefinition",
                resolve("WorkloadDefinition", &c.type_),
            )
        } else {
            ("ComponentDefinition", component)
        };
        definitions.insert(format!("{kind}/{}", c.type_), spec);
        for t in c.traits.iter().flatten() {
            definitions.insert(
                format!("TraitDefinition/{}", t.type_),
                resolve("TraitDefinition", &t.type_),
            );
        }
    }
    for p in app.spec.policies.iter().flatten() {
        if !BUILTIN_POLICIES.contains(&p.type_.as_str()) {
            definitions.insert(
                format!("PolicyDefinition/{}", p.type_),
                resolve("PolicyDefinition", &p.type_),
            );
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
            if !BUILTIN_STEPS.contains(&type_) {
                definitions.insert(
                    format!("WorkflowStepDefinition/{type_}"),
                    resolve("WorkflowStepDefinition", type_),
                );
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
    use crate::{LoadOptions, load_str};

    fn docs(text: &str) -> Vec<Document> {
        let report = load_str("t.yaml", text, &LoadOptions::default());
        assert!(report.is_ok(), "{:?}", report.errors);
        report.documents.into_iter().map(|d| d.value).collect()
    }

    fn app_hash(text: &str) -> RevisionHash {
        let docs = docs(text);
        let inputs = RevisionInputs::from_documents(&docs);
        let app = docs.iter().find_map(|d| match d {
            Document::V1beta1(V1beta1::Application(a)) => Some(a),
            _ => None,
        });
        application_hash(app.unwrap(), &inputs)
    }

    fn appconfig_hash(text: &str) -> RevisionHash {
        let docs = docs(text);
        let inputs = RevisionInputs::from_documents(&docs);
        let app = docs.iter().find_map(|d| match d {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(a)) => Some(a),
            _ => None,
        });
        application_configuration_hash(app.unwrap(), &inputs)
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
