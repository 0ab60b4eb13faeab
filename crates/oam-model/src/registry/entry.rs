//! One registered definition: the facts every consumer reads (names, applicability, conflicts,
//! workload reference path …) taken from a definition of either API version, plus its `spec`.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

use crate::document::{Document, V1alpha2, V1beta1};
use crate::gvk::GroupVersionKind;
use crate::meta::ObjectMeta;
use crate::raw::RawObject;
use crate::serde_util::tree;

/// The annotation holding a definition's description.
pub const DESCRIPTION_ANNOTATION: &str = "definition.oam.dev/description";

/// What a definition registers.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DefinitionKind {
    /// A WorkloadDefinition: a workload type (v1alpha2 components, v1beta1 fallback).
    Workload,
    /// A ComponentDefinition: a v1beta1 component type.
    Component,
    /// A TraitDefinition.
    Trait,
    /// A ScopeDefinition.
    Scope,
    /// A PolicyDefinition.
    Policy,
    /// A WorkflowStepDefinition.
    WorkflowStep,
}

impl DefinitionKind {
    /// Every kind, in a fixed order.
    pub const ALL: [Self; 6] = [
        Self::Workload,
        Self::Component,
        Self::Trait,
        Self::Scope,
        Self::Policy,
        Self::WorkflowStep,
    ];

    /// The Kubernetes kind: `TraitDefinition` …
    #[must_use]
    pub fn kind_name(self) -> &'static str {
        match self {
            Self::Workload => "WorkloadDefinition",
            Self::Component => "ComponentDefinition",
            Self::Trait => "TraitDefinition",
            Self::Scope => "ScopeDefinition",
            Self::Policy => "PolicyDefinition",
            Self::WorkflowStep => "WorkflowStepDefinition",
        }
    }

    /// The kind a DefinitionRevision's `spec.definitionType` names (`Component`, `Trait` …).
    #[must_use]
    pub fn from_definition_type(name: &str) -> Option<Self> {
        match name {
            "Component" => Some(Self::Component),
            "Trait" => Some(Self::Trait),
            "Policy" => Some(Self::Policy),
            "WorkflowStep" => Some(Self::WorkflowStep),
            _ => None,
        }
    }

    /// The label an embedded object carries to name its definition (`oam-v1alpha2.md` §14).
    #[must_use]
    pub fn type_label(self) -> Option<&'static str> {
        match self {
            Self::Workload | Self::Component => Some("workload.oam.dev/type"),
            Self::Trait => Some("trait.oam.dev/type"),
            Self::Scope | Self::Policy | Self::WorkflowStep => None,
        }
    }
}

impl fmt::Display for DefinitionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind_name())
    }
}

/// A definition as the registry holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Definition {
    /// What it registers.
    pub kind: DefinitionKind,
    /// `core.oam.dev/v1alpha2` or `core.oam.dev/v1beta1`.
    pub api_version: String,
    /// `metadata.name`: the type name users write.
    pub name: String,
    /// `metadata.namespace`; `None` for cluster-scoped (v1alpha2) definitions.
    pub namespace: Option<String>,
    /// `spec.definitionRef.name`: the CRD the definition stands for (`deployments.apps`).
    pub crd_name: Option<String>,
    /// The `definition.oam.dev/description` annotation.
    pub description: Option<String>,
    /// `metadata.labels` (conflict rules select traits by them; workload characteristics such
    /// as `workload.oam.dev/replicable` are labels).
    pub labels: BTreeMap<String, String>,
    /// `spec.version`, for versioned (`name@vX`) lookups.
    pub version: Option<String>,
    /// Traits: the workload types this trait applies to; empty means any.
    pub applies_to_workloads: Vec<String>,
    /// Traits: the traits this one cannot be combined with.
    pub conflicts_with: Vec<String>,
    /// Traits: where the trait object receives a reference to its workload.
    pub workload_ref_path: Option<String>,
    /// Traits: whether the workload is named after the component revision.
    pub revision_enabled: bool,
    /// Scopes: where the scope lists its workloads.
    pub workload_refs_path: Option<String>,
    /// Scopes: whether a component may sit in two scopes of this type.
    pub allow_component_overlap: Option<bool>,
    /// ComponentDefinitions: what the workload is (`spec.workload.definition`), when declared.
    pub workload_gvk: Option<GroupVersionKind>,
    /// ComponentDefinitions: the WorkloadDefinition named by `spec.workload.type`.
    pub workload_type: Option<String>,
    /// The definition's `spec` as JSON (what revision hashes include).
    pub spec: Value,
}

impl Definition {
    fn new(kind: DefinitionKind, api_version: &str, metadata: &ObjectMeta, spec: Value) -> Self {
        let description = metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get(DESCRIPTION_ANNOTATION))
            .cloned();
        let strings = |key: &str| -> Vec<String> {
            spec.get(key)
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(str::to_owned)
                        .collect()
                })
                .unwrap_or_default()
        };
        let string = |key: &str| spec.get(key).and_then(Value::as_str).map(str::to_owned);
        let workload = spec.get("workload");
        let gvk = workload.and_then(|w| w.get("definition")).and_then(|d| {
            Some(GroupVersionKind::new(
                d.get("apiVersion")?.as_str()?,
                d.get("kind")?.as_str()?,
            ))
        });
        Self {
            kind,
            api_version: api_version.to_owned(),
            name: metadata.name.clone().unwrap_or_default(),
            namespace: metadata.namespace.clone(),
            crd_name: spec
                .get("definitionRef")
                .and_then(|r| r.get("name"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            description,
            labels: metadata.labels.clone().unwrap_or_default(),
            version: string("version"),
            applies_to_workloads: strings("appliesToWorkloads"),
            conflicts_with: strings("conflictsWith"),
            workload_ref_path: string("workloadRefPath"),
            revision_enabled: spec.get("revisionEnabled") == Some(&Value::Bool(true)),
            workload_refs_path: string("workloadRefsPath"),
            allow_component_overlap: spec.get("allowComponentOverlap").and_then(Value::as_bool),
            workload_gvk: gvk,
            workload_type: workload
                .and_then(|w| w.get("type"))
                .and_then(Value::as_str)
                .map(str::to_owned),
            spec,
        }
    }

    /// The definition a document holds, if it is one of the definition kinds of either API
    /// version.
    #[must_use]
    pub fn from_document(document: &Document) -> Option<Self> {
        use DefinitionKind as K;
        let (kind, metadata, spec) = match document {
            Document::V1alpha2(V1alpha2::WorkloadDefinition(d)) => {
                (K::Workload, &d.metadata, tree(&d.spec))
            }
            Document::V1alpha2(V1alpha2::TraitDefinition(d)) => {
                (K::Trait, &d.metadata, tree(&d.spec))
            }
            Document::V1alpha2(V1alpha2::ScopeDefinition(d)) => {
                (K::Scope, &d.metadata, tree(&d.spec))
            }
            Document::V1alpha2(V1alpha2::ComponentDefinition(d)) => {
                (K::Component, &d.metadata, tree(&d.spec))
            }
            Document::V1beta1(V1beta1::ComponentDefinition(d)) => {
                (K::Component, &d.metadata, tree(&d.spec))
            }
            Document::V1beta1(V1beta1::TraitDefinition(d)) => {
                (K::Trait, &d.metadata, tree(&d.spec))
            }
            Document::V1beta1(V1beta1::PolicyDefinition(d)) => {
                (K::Policy, &d.metadata, tree(&d.spec))
            }
            Document::V1beta1(V1beta1::WorkflowStepDefinition(d)) => {
                (K::WorkflowStep, &d.metadata, tree(&d.spec))
            }
            Document::V1beta1(V1beta1::WorkloadDefinition(d)) => {
                (K::Workload, &d.metadata, tree(&d.spec))
            }
            Document::V1beta1(V1beta1::ScopeDefinition(d)) => {
                (K::Scope, &d.metadata, tree(&d.spec))
            }
            _ => return None,
        };
        Some(Self::new(kind, document.api_version(), metadata, spec))
    }

    /// The definition stored in a `core.oam.dev/v1beta1` DefinitionRevision
    /// (`spec.<type>Definition`), with the revision's own name; `None` for any other object.
    #[must_use]
    pub fn from_definition_revision(raw: &RawObject) -> Option<(String, Self)> {
        if raw.api_version.as_deref() != Some("core.oam.dev/v1beta1")
            || raw.kind.as_deref() != Some("DefinitionRevision")
        {
            return None;
        }
        let spec = raw.rest.get("spec")?;
        let type_ = spec.get("definitionType")?.as_str()?;
        let kind = DefinitionKind::from_definition_type(type_)?;
        let mut field = type_.to_owned();
        field[..1].make_ascii_lowercase();
        field.push_str("Definition");
        let inner = spec.get(&field)?;
        let metadata: ObjectMeta = inner
            .get("metadata")
            .and_then(|m| serde_json::from_value(m.clone()).ok())
            .unwrap_or_default();
        let definition = Self::new(
            kind,
            inner
                .get("apiVersion")
                .and_then(Value::as_str)
                .unwrap_or("core.oam.dev/v1beta1"),
            &metadata,
            inner.get("spec").cloned().unwrap_or(Value::Null),
        );
        Some((raw.name()?.to_owned(), definition))
    }
}
