//! Types shared by the definition kinds of both API versions (`apis/core.oam.dev/common`).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::meta::{Condition, FreeForm};

/// The CRD behind a definition (`definitionRef`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DefinitionReference {
    /// The CRD name `<plural>.<group>`, e.g. `containerizedworkloads.core.oam.dev`.
    pub name: String,
    /// The CRD version; unset means the first one discovery returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// A kind of child resource a workload creates (`childResourceKinds[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChildResourceKind {
    /// The child's apiVersion.
    pub api_version: String,
    /// The child's kind.
    pub kind: String,
    /// Labels that select the children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector: Option<BTreeMap<String, String>>,
}

/// How a capability is rendered (`schematic`): a CUE template or a Terraform configuration.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Schematic {
    /// A CUE template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<CueSchematic>,
    /// A Terraform configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terraform: Option<TerraformSchematic>,
}

/// A CUE template, kept as an opaque string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CueSchematic {
    /// The CUE source.
    pub template: String,
}

/// The format of a Terraform configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum TerraformConfigurationType {
    /// HCL (the default).
    Hcl,
    /// JSON.
    Json,
    /// A remote module.
    Remote,
}

/// A Terraform configuration (`schematic.terraform`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TerraformSchematic {
    /// The configuration text or the remote module's address.
    pub configuration: String,
    /// The configuration's format (default `hcl`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<TerraformConfigurationType>,
    /// The module path inside a remote repository.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Where to write the connection secret (`{name, namespace}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub write_connection_secret_to_ref: Option<FreeForm>,
    /// The Terraform provider reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_ref: Option<FreeForm>,
    /// Whether to delete the cloud resource with the application (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete_resource: Option<bool>,
    /// The cloud region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_region: Option<String>,
    /// Credentials for a private Git repository.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub git_credentials_secret_reference: Option<FreeForm>,
}

/// Health and status rules of a definition (`spec.status`), as CUE strings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusRules {
    /// CUE producing the `message` shown for the capability.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_status: Option<String>,
    /// CUE producing `isHealth`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_policy: Option<String>,
    /// CUE producing extra status details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// A definition's latest revision (`status.latestRevision`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Revision {
    /// The revision's name, e.g. `webservice-v3`.
    pub name: String,
    /// The revision number.
    pub revision: i64,
    /// The revision's content hash.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_hash: Option<String>,
}

/// The observed state of a definition (`status`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DefinitionStatus {
    /// Conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
    /// The ConfigMap holding the OpenAPI schema of the parameters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_map_ref: Option<String>,
    /// The latest revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_revision: Option<Revision>,
}

/// `WorkloadDefinition.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct WorkloadDefinitionSpec {
    /// The workload's CRD.
    pub definition_ref: DefinitionReference,
    /// Kinds of child resources the workload creates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_resource_kinds: Option<Vec<ChildResourceKind>>,
    /// A label that identifies revisions (declared, never read upstream).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_label: Option<String>,
    /// The path of the pod spec in the workload (declared, never read upstream).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_spec_path: Option<String>,
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

/// `ScopeDefinition.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ScopeDefinitionSpec {
    /// The scope's CRD.
    pub definition_ref: DefinitionReference,
    /// The array in the scope object that lists member workloads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_refs_path: Option<String>,
    /// Whether a component may be in two scopes of this type (required).
    pub allow_component_overlap: bool,
    /// Free-form extension data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<FreeForm>,
}

/// `ComponentDefinition.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ComponentDefinitionSpec {
    /// The workload type the component renders.
    pub workload: WorkloadTypeDescriptor,
    /// A semver `x.y.z`; creates DefinitionRevision `<name>-v<x.y.z>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Kinds of child resources the workload creates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_resource_kinds: Option<Vec<ChildResourceKind>>,
    /// Legacy, read by nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision_label: Option<String>,
    /// Legacy, read by nothing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pod_spec_path: Option<String>,
    /// Health and status rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusRules>,
    /// The rendering template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schematic: Option<Schematic>,
    /// Free-form extension data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<FreeForm>,
}

/// `ComponentDefinition.spec.workload`: the workload type by name, by apiVersion/kind, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadTypeDescriptor {
    /// `<plural>.<group>` (or `autodetects.core.oam.dev`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The workload's apiVersion and kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition: Option<WorkloadGvk>,
}

/// An apiVersion and kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadGvk {
    /// apiVersion.
    pub api_version: String,
    /// kind.
    pub kind: String,
}
