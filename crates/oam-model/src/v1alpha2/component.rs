//! `Component`: what to run — a workload template with parameters.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::definition::Revision;
use crate::meta::{Condition, FreeForm};
use crate::raw::RawObject;
use crate::resource::resource;

resource! {
    /// A `core.oam.dev/v1alpha2` Component: a workload template and its parameters.
    Component, "core.oam.dev/v1alpha2", "Component", spec: ComponentSpec, status: ComponentStatus
}

/// `Component.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ComponentSpec {
    /// The workload template: an embedded object with apiVersion and kind (or the `type:`
    /// shorthand the mutating webhook expands).
    pub workload: RawObject,
    /// Parameters an ApplicationConfiguration may set.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ComponentParameter>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<ComponentParameter>>,
    /// \[KubeVela\] a Helm release the workload comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helm: Option<HelmSpec>,
}

/// A parameter of a Component (`spec.parameters[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ComponentParameter {
    /// The parameter's name.
    #[cfg_attr(feature = "builder", builder(into))]
    pub name: String,
    /// Field paths into the workload that receive the value.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = impl Into<String>>| items.into_iter().map(Into::into).collect()))]
    pub field_paths: Vec<String>,
    /// Whether an ApplicationConfiguration must set it (default false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// What the parameter is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// \[KubeVela\] `Component.spec.helm`: a Helm release and its repository, both free JSON.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HelmSpec {
    /// The HelmRelease body.
    pub release: FreeForm,
    /// The HelmRepository body.
    pub repository: FreeForm,
}

/// `Component.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ComponentStatus {
    /// The generation last observed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    /// Conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
    /// The latest revision, set by the revision controller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_revision: Option<Revision>,
}
