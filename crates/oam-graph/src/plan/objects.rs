//! Rendering one ApplicationConfiguration entry into the objects to apply (`oam-v1alpha2.md`
//! §9.1 pass 1): the Component's workload with its parameters, the OAM labels, namespace and
//! owner; each trait named and labelled, with its workload reference at the definition's
//! `workloadRefPath`.

use std::collections::BTreeMap;

use oam_model::registry::{DefinitionKind, object_type};
use oam_model::revision::{RevisionHash, RevisionName, workload_name};
use oam_model::v1alpha2::{ApplicationConfiguration, ApplicationConfigurationComponent, Component};
use oam_model::{FieldPath, RawObject};
use serde_json::{Map, Value, json};

use crate::observed::{ObjectKey, Observed};
use oam_model::Inputs;

use super::error::{PlanError, PlanErrorKind};
use super::readiness::parse_path;
use super::warning::{PlanWarning, PlanWarningKind};

/// The label naming the ApplicationConfiguration.
pub const LABEL_APP_NAME: &str = "app.oam.dev/name";
/// The label naming the component.
pub const LABEL_COMPONENT: &str = "app.oam.dev/component";
/// The label naming the component revision (empty when the component has none).
pub const LABEL_REVISION: &str = "app.oam.dev/revision";
/// The label saying `WORKLOAD` or `TRAIT`.
pub const LABEL_RESOURCE_TYPE: &str = "app.oam.dev/resourceType";
/// The annotation holding the ApplicationConfiguration's generation.
pub const ANNOTATION_GENERATION: &str = "app.oam.dev/generation";

/// The name oam-rs gives a trait whose body has none (rule 10 of `oam-v1alpha2.md` §19):
/// `<component>-<traitType>-<h>`, where `traitType` is the TraitDefinition's name lowercased up
/// to its first `.` (`dummy` without a definition) and `h` the first 8 hex digits of the
/// SHA-256 of the canonical JSON `{"component":…,"ordinal":…,"traitType":…}`, `ordinal` counting
/// the component's earlier traits of the same type. Stable when the trait body is edited,
/// distinct for two traits of one type, and reproducible in any language.
///
/// ```
/// let a = oam_graph::trait_name("web", "ManualScalerTraits.core.oam.dev", 0);
/// assert!(a.starts_with("web-manualscalertraits-"));
/// assert_ne!(a, oam_graph::trait_name("web", "manualscalertraits", 1));
/// ```
#[must_use]
pub fn trait_name(component: &str, definition: &str, ordinal: usize) -> String {
    let type_ = definition
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let hash = RevisionHash::of_value(&json!({
        "component": component,
        "ordinal": ordinal,
        "traitType": type_,
    }));
    format!("{component}-{type_}-{}", &hash.hex()[..8])
}

/// One entry rendered: the workload first, then its traits in declaration order.
pub(crate) struct RenderedEntry {
    pub(crate) component: String,
    pub(crate) objects: Vec<Value>,
}

/// A rendered trait and where its definition wants the workload reference written.
struct TraitObject {
    object: Value,
    workload_ref_path: Option<String>,
    path: FieldPath,
}

pub(crate) struct Context<'a> {
    pub(crate) app: &'a ApplicationConfiguration,
    pub(crate) inputs: &'a Inputs<'a>,
    pub(crate) observed: &'a dyn Observed,
    pub(crate) errors: Vec<PlanError>,
    pub(crate) warnings: Vec<PlanWarning>,
}

impl Context<'_> {
    fn error(&mut self, path: FieldPath, kind: PlanErrorKind) {
        self.errors.push(PlanError { path, kind });
    }

    /// The Component an entry renders and the revision label its objects carry.
    fn component(
        &mut self,
        entry: &ApplicationConfigurationComponent,
        at: &FieldPath,
    ) -> Option<(&'_ Component, String)> {
        let inputs = self.inputs;
        let namespace = self.app.metadata.namespace.as_deref();
        match (&entry.component_name, &entry.revision_name) {
            (Some(name), None) => match inputs.component(namespace, name) {
                Some(c) => {
                    let revision = c
                        .status
                        .as_ref()
                        .and_then(|s| s.latest_revision.as_ref())
                        .map(|r| r.name.clone())
                        .unwrap_or_default();
                    Some((c, revision))
                }
                None => {
                    let names: Vec<String> = (inputs.component_names(namespace).iter())
                        .map(|k| (*k).to_owned())
                        .collect();
                    let kind = match (inputs.in_a_namespace(name), namespace) {
                        (Some(c), Some(ours)) => PlanErrorKind::ComponentInOtherNamespace {
                            name: name.clone(),
                            namespace: ours.to_owned(),
                            theirs: c.metadata.namespace.clone().unwrap_or_default(),
                        },
                        _ => PlanErrorKind::ComponentNotFound {
                            name: name.clone(),
                            suggestion: oam_model::suggest::closest(name, &names)
                                .map(str::to_owned),
                        },
                    };
                    self.error(at.clone().field("componentName"), kind);
                    None
                }
            },
            (None, Some(revision)) => {
                let component = revision.rsplit_once('-').map(|(c, _)| c);
                let latest = |c: &&Component| {
                    let latest = c.status.as_ref().and_then(|s| s.latest_revision.as_ref());
                    latest.is_some_and(|l| l.name == *revision)
                };
                let found = component
                    .and_then(|c| inputs.component(namespace, c))
                    .filter(latest);
                if found.is_none() {
                    let kind = PlanErrorKind::RevisionNotFound {
                        name: revision.clone(),
                    };
                    self.error(at.clone().field("revisionName"), kind);
                }
                found.map(|c| (c, revision.clone()))
            }
            _ => {
                self.error(at.clone(), PlanErrorKind::ComponentReference);
                None
            }
        }
    }

    /// Renders `spec.components[i]`; `None` after recording its errors.
    pub(crate) fn render_entry(&mut self, i: usize) -> Option<RenderedEntry> {
        let app = self.app;
        let entry = &app.spec.components[i];
        let at = FieldPath::root().field("spec").field("components").index(i);
        let (component, revision) = self.component(entry, &at)?;
        let component_name = component.metadata.name.clone().unwrap_or_default();
        let values = entry.parameter_values.as_deref().unwrap_or_default();
        let rendered = match crate::parameters::apply_parameters(component, values) {
            Ok(r) => r,
            Err(errors) => {
                for e in errors {
                    self.error(at.clone(), PlanErrorKind::Parameter(Box::new(e)));
                }
                return None;
            }
        };
        for w in rendered.warnings {
            let path = at.clone().field("parameterValues");
            self.warnings.push(PlanWarning {
                path,
                kind: PlanWarningKind::ParameterType(w),
            });
        }
        let (traits, revision_enabled) = self.render_traits(entry, &at, &component_name, &revision);
        let labels = self.labels(&component_name, revision.clone(), "WORKLOAD");
        let latest = revision.parse::<RevisionName>().ok();
        let template_name = rendered.workload.name().map(str::to_owned);
        let kept = revision_enabled
            .then(|| self.kept_workload_name(&component_name, &revision))
            .flatten();
        let name = match kept.map_or_else(
            || {
                workload_name(
                    &component_name,
                    template_name.as_deref(),
                    revision_enabled,
                    latest.as_ref(),
                )
            },
            Ok,
        ) {
            Ok(n) => n,
            Err(e) => {
                self.error(at, PlanErrorKind::NoLatestRevision(e));
                return None;
            }
        };
        let mut workload = object_json(&rendered.workload);
        self.stamp(&mut workload, &name, &labels);
        let objects = self.link_workload_refs(workload, &name, traits);
        Some(RenderedEntry {
            component: component_name,
            objects,
        })
    }

    /// The OAM labels of an object of `component` (`resource_type`: `WORKLOAD` or `TRAIT`).
    fn labels(
        &self,
        component: &str,
        revision: String,
        resource_type: &str,
    ) -> [(&'static str, String); 4] {
        [
            (
                LABEL_APP_NAME,
                self.app.metadata.name.clone().unwrap_or_default(),
            ),
            (LABEL_COMPONENT, component.to_owned()),
            (LABEL_REVISION, revision),
            (LABEL_RESOURCE_TYPE, resource_type.to_owned()),
        ]
    }

    /// The entry's traits, named and labelled, each with its definition's `workloadRefPath`;
    /// and whether any has a `revisionEnabled` definition.
    fn render_traits(
        &mut self,
        entry: &ApplicationConfigurationComponent,
        at: &FieldPath,
        component_name: &str,
        revision: &str,
    ) -> (Vec<TraitObject>, bool) {
        let registry = self.inputs.registry();
        let mut traits = Vec::new();
        let mut revision_enabled = false;
        let mut ordinals: BTreeMap<String, usize> = BTreeMap::new();
        for (j, t) in entry.traits.iter().flatten().enumerate() {
            let tat = at.clone().field("traits").index(j).field("trait");
            let (Some(api_version), Some(kind)) = (&t.trait_.api_version, &t.trait_.kind) else {
                let kind = PlanErrorKind::TraitWithoutKind {
                    api_version: t.trait_.api_version.clone().unwrap_or_default(),
                    kind: t.trait_.kind.clone().unwrap_or_default(),
                };
                self.error(tat, kind);
                continue;
            };
            let definition = registry.for_object(DefinitionKind::Trait, &t.trait_, Some("name"));
            if definition.is_none() {
                let name = object_type(DefinitionKind::Trait, &t.trait_, Some("name"));
                let kind = PlanWarningKind::NoTraitDefinition { name };
                self.warnings.push(PlanWarning {
                    path: tat.clone(),
                    kind,
                });
            }
            revision_enabled |= definition.is_some_and(|d| d.revision_enabled);
            let type_ = definition.map_or("dummy", |d| d.name.as_str());
            let ordinal = ordinals.entry(type_.to_owned()).or_default();
            let name = t
                .trait_
                .name()
                .map(str::to_owned)
                .or_else(|| self.recorded_trait_name(entry, component_name, api_version, kind));
            let name = name.unwrap_or_else(|| trait_name(component_name, type_, *ordinal));
            *ordinal += 1;
            let mut object = object_json(&t.trait_);
            let labels = self.labels(component_name, revision.to_owned(), "TRAIT");
            self.stamp(&mut object, &name, &labels);
            traits.push(TraitObject {
                object,
                workload_ref_path: definition.and_then(|d| d.workload_ref_path.clone()),
                path: tat,
            });
        }
        (traits, revision_enabled)
    }

    /// The workload, then each trait with a reference to the workload written at its
    /// definition's `workloadRefPath`.
    fn link_workload_refs(
        &mut self,
        workload: Value,
        name: &str,
        traits: Vec<TraitObject>,
    ) -> Vec<Value> {
        let reference = json!({
            "apiVersion": workload.get("apiVersion").cloned().unwrap_or(Value::Null),
            "kind": workload.get("kind").cloned().unwrap_or(Value::Null),
            "name": name,
        });
        let mut objects = vec![workload];
        for TraitObject {
            mut object,
            workload_ref_path,
            path: tat,
        } in traits
        {
            if let Some(text) = workload_ref_path {
                match parse_path(&text) {
                    Ok(path) => {
                        if let Err(source) = path.set(&mut object, reference.clone()) {
                            let kind = PlanErrorKind::WorkloadReference { path: text, source };
                            self.error(tat, kind);
                        }
                    }
                    Err(kind) => self.error(tat, kind),
                }
            }
            objects.push(object);
        }
        objects
    }

    /// Sets the name, namespace, controller owner, the OAM labels (over the object's own) and
    /// the application's labels and annotations where the object has none of that key.
    fn stamp(&self, object: &mut Value, name: &str, labels: &[(&str, String)]) {
        let app = self.app;
        let Some(root) = object.as_object_mut() else {
            return;
        };
        let metadata = root
            .entry("metadata")
            .or_insert_with(|| Value::Object(Map::new()));
        if !metadata.is_object() {
            *metadata = Value::Object(Map::new());
        }
        let Some(metadata) = metadata.as_object_mut() else {
            return;
        };
        metadata.insert("name".into(), name.into());
        if let Some(ns) = &app.metadata.namespace {
            metadata.insert("namespace".into(), ns.clone().into());
        }
        let mut owner = json!({
            "apiVersion": <ApplicationConfiguration as oam_model::Resource>::API_VERSION,
            "kind": "ApplicationConfiguration",
            "name": app.metadata.name.clone().unwrap_or_default(),
            "controller": true,
            "blockOwnerDeletion": true,
        });
        // The uid is known only for an object read back from the cluster.
        if let (Some(uid), Some(o)) = (&app.metadata.uid, owner.as_object_mut()) {
            o.insert("uid".into(), uid.clone().into());
        }
        metadata.insert("ownerReferences".into(), json!([owner]));
        let generation = app.metadata.generation.unwrap_or_default().to_string();
        let mut own_labels = string_map(metadata.get("labels"));
        for (k, v) in labels {
            own_labels.insert((*k).to_owned(), v.clone().into());
        }
        for (k, v) in app.metadata.labels.iter().flatten() {
            own_labels
                .entry(k.clone())
                .or_insert_with(|| v.clone().into());
        }
        let mut annotations = string_map(metadata.get("annotations"));
        annotations.insert(ANNOTATION_GENERATION.into(), generation.into());
        for (k, v) in app.metadata.annotations.iter().flatten() {
            annotations
                .entry(k.clone())
                .or_insert_with(|| v.clone().into());
        }
        metadata.insert("labels".into(), Value::Object(own_labels));
        metadata.insert("annotations".into(), Value::Object(annotations));
    }

    /// §11 rule 2, as oam-rs restricts it: the name recorded in `status.workloads` for a trait
    /// of this apiVersion and kind, only when the entry has exactly one such trait.
    fn recorded_trait_name(
        &self,
        entry: &ApplicationConfigurationComponent,
        component: &str,
        api_version: &str,
        kind: &str,
    ) -> Option<String> {
        let same = |o: &RawObject| {
            o.api_version.as_deref() == Some(api_version) && o.kind.as_deref() == Some(kind)
        };
        let count = entry
            .traits
            .iter()
            .flatten()
            .filter(|t| same(&t.trait_))
            .count();
        if count != 1 {
            return None;
        }
        let status = self.app.status.as_ref()?;
        status
            .workloads
            .iter()
            .flatten()
            .filter(|w| w.component_name.as_deref() == Some(component))
            .flat_map(|w| w.traits.iter().flatten())
            .filter(|t| t.trait_ref.api_version == api_version && t.trait_ref.kind == kind)
            .map(|t| t.trait_ref.name.clone())
            .next_back()
    }

    /// §13.3: a revision-enabled workload keeps the name recorded in status when the live
    /// object already carries the latest revision label (adding such a trait must not rename).
    fn kept_workload_name(&self, component: &str, revision: &str) -> Option<String> {
        let status = self.app.status.as_ref()?;
        let reference = status
            .workloads
            .iter()
            .flatten()
            .filter(|w| w.component_name.as_deref() == Some(component))
            .find_map(|w| w.workload_ref.as_ref())?;
        let key = ObjectKey {
            api_version: reference.api_version.clone(),
            kind: reference.kind.clone(),
            namespace: self.app.metadata.namespace.clone(),
            name: reference.name.clone(),
        };
        let live = self.observed.get(&key).ok()??;
        let label = live
            .pointer("/metadata/labels")
            .and_then(|l| l.get(LABEL_REVISION))
            .and_then(Value::as_str);
        (!revision.is_empty() && label == Some(revision)).then(|| reference.name.clone())
    }
}

fn object_json(raw: &RawObject) -> Value {
    serde_json::to_value(raw).unwrap_or(Value::Null)
}

fn string_map(value: Option<&Value>) -> Map<String, Value> {
    value
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default()
}
