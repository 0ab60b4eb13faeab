//! The v1alpha2 definition kinds: they register the workload, trait and scope types a platform
//! offers.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// The spec shapes v1alpha2 shares with v1beta1 live in `crate::definition`.
pub use crate::definition::{ComponentDefinitionSpec, ScopeDefinitionSpec, WorkloadDefinitionSpec};
use crate::definition::{DefinitionReference, DefinitionStatus, Schematic, StatusRules};
use crate::meta::FreeForm;
use crate::resource::resource;

resource! {
    /// A `core.oam.dev/v1alpha2` WorkloadDefinition: registers a workload type.
    WorkloadDefinition, "core.oam.dev/v1alpha2", "WorkloadDefinition",
    spec: WorkloadDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// A `core.oam.dev/v1alpha2` TraitDefinition: registers a trait type.
    TraitDefinition, "core.oam.dev/v1alpha2", "TraitDefinition",
    spec: TraitDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// A `core.oam.dev/v1alpha2` ScopeDefinition: registers a scope type.
    ScopeDefinition, "core.oam.dev/v1alpha2", "ScopeDefinition",
    spec: ScopeDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// \[KubeVela\] a `core.oam.dev/v1alpha2` ComponentDefinition (same shape as v1beta1's).
    ComponentDefinition, "core.oam.dev/v1alpha2", "ComponentDefinition",
    spec: ComponentDefinitionSpec, status: DefinitionStatus
}

/// `TraitDefinition.spec` (v1alpha2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct TraitDefinitionSpec {
    /// The trait's CRD (required by oam-kubernetes-runtime, optional in KubeVela).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_ref: Option<DefinitionReference>,
    /// Whether the trait is aware of component revisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_enabled: Option<bool>,
    /// Where the workload reference is written into the trait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_ref_path: Option<String>,
    /// Workload types the trait applies to (empty: any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to_workloads: Option<Vec<String>>,
    /// \[KubeVela\] traits this one conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts_with: Option<Vec<String>>,
    /// \[KubeVela\] whether using this trait restarts pods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_disruptive: Option<bool>,
    /// \[KubeVela\] health and status rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusRules>,
    /// \[KubeVela\] the rendering template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schematic: Option<Schematic>,
    /// Free-form extension data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<FreeForm>,
}
