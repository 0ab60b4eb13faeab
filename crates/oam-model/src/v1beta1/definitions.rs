//! The v1beta1 definition kinds: component, trait, policy, workflow-step, workload and scope types.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

// The spec shapes v1beta1 shares with v1alpha2 live in `crate::definition`.
pub use crate::definition::{
    ComponentDefinitionSpec, ScopeDefinitionSpec, WorkloadDefinitionSpec, WorkloadGvk,
    WorkloadTypeDescriptor,
};
use crate::definition::{DefinitionReference, DefinitionStatus, Schematic, StatusRules};
use crate::meta::FreeForm;
use crate::resource::resource;

resource! {
    /// A `core.oam.dev/v1beta1` ComponentDefinition: a component type.
    ComponentDefinition, "core.oam.dev/v1beta1", "ComponentDefinition",
    spec: ComponentDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// A `core.oam.dev/v1beta1` TraitDefinition: a trait type.
    TraitDefinition, "core.oam.dev/v1beta1", "TraitDefinition",
    spec: TraitDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// A `core.oam.dev/v1beta1` PolicyDefinition: a policy type.
    PolicyDefinition, "core.oam.dev/v1beta1", "PolicyDefinition",
    spec: PolicyDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// A `core.oam.dev/v1beta1` WorkflowStepDefinition: a workflow step type.
    WorkflowStepDefinition, "core.oam.dev/v1beta1", "WorkflowStepDefinition",
    spec: WorkflowStepDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// A `core.oam.dev/v1beta1` WorkloadDefinition (same shape as v1alpha2's).
    WorkloadDefinition, "core.oam.dev/v1beta1", "WorkloadDefinition",
    spec: WorkloadDefinitionSpec, status: DefinitionStatus
}

resource! {
    /// A `core.oam.dev/v1beta1` ScopeDefinition (removed in KubeVela v1.9; same shape as v1alpha2's).
    ScopeDefinition, "core.oam.dev/v1beta1", "ScopeDefinition",
    spec: ScopeDefinitionSpec, status: DefinitionStatus
}

/// When a trait is applied relative to its workload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum TraitStage {
    /// Before the workload (and must be healthy first).
    PreDispatch,
    /// With the workload (the default).
    DefaultDispatch,
    /// After the workload is healthy.
    PostDispatch,
}

/// `TraitDefinition.spec` (v1beta1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct TraitDefinitionSpec {
    /// The trait's CRD; if omitted the template must produce a patch or a GVK output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_ref: Option<DefinitionReference>,
    /// Whether the trait is aware of component revisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_enabled: Option<bool>,
    /// Where the workload reference is written into the trait.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_ref_path: Option<String>,
    /// Whether using this trait restarts pods.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_disruptive: Option<bool>,
    /// Workload types the trait applies to (empty: any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to_workloads: Option<Vec<String>>,
    /// Traits this one conflicts with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conflicts_with: Option<Vec<String>>,
    /// Whether the trait owns the workload (the application does not apply it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_workload: Option<bool>,
    /// Whether the trait's resources go to the hub cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_plane_only: Option<bool>,
    /// When the trait is applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<TraitStage>,
    /// A semver `x.y.z`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The rendering template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schematic: Option<Schematic>,
    /// Health and status rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusRules>,
    /// Free-form extension data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<FreeForm>,
}

/// Whether a policy transforms the Application before parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum PolicyScope {
    /// An output or builtin policy (the default).
    #[serde(rename = "")]
    Default,
    /// Transforms the Application before it is parsed.
    Application,
}

/// `PolicyDefinition.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct PolicyDefinitionSpec {
    /// The policy's CRD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_ref: Option<DefinitionReference>,
    /// The rendering template (a CUE schematic is required by the webhook).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schematic: Option<Schematic>,
    /// Whether the policy takes over health checking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_health_check: Option<bool>,
    /// A semver `x.y.z`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Whether the policy transforms the Application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<PolicyScope>,
    /// Whether the policy applies to every application in its namespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global: Option<bool>,
    /// Lower runs first; ties ordered by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<i32>,
}

/// `WorkflowStepDefinition.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct WorkflowStepDefinitionSpec {
    /// The step's CRD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_ref: Option<DefinitionReference>,
    /// The rendering template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schematic: Option<Schematic>,
    /// A semver `x.y.z`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}
