//! `core.oam.dev/v1alpha1`: KubeVela's external `Policy` and `Workflow`, and the names of the
//! Rudr-era (OAM spec v0.1) kinds, which oam-rs recognises but does not support.
//!
//! The same apiVersion means different kinds in Rudr and KubeVela, so documents are dispatched
//! on apiVersion **and** kind together.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::meta::{FreeForm, ObjectMeta, Resource};
use crate::v1beta1::{WorkflowMode, WorkflowStep};

/// The apiVersion of this module's kinds.
pub const API_VERSION: &str = "core.oam.dev/v1alpha1";

/// Rudr-era kinds of `core.oam.dev/v1alpha1` (OAM spec v0.1 and its v0.2 drafts).
pub const LEGACY_KINDS: &[&str] = &[
    "ApplicationConfiguration",
    "ApplicationScope",
    "Component",
    "ComponentSchematic",
    "HealthScope",
    "NetworkScope",
    "Scope",
    "ScopeDefinition",
    "Trait",
    "TraitDefinition",
    "WorkloadDefinition",
    "WorkloadType",
];

/// An external policy that `deploy` steps reference by name (`core.oam.dev/v1alpha1` Policy).
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
pub struct Policy {
    /// Standard object metadata.
    #[cfg_attr(feature = "builder", builder(default))]
    pub metadata: ObjectMeta,
    /// The policy type.
    #[cfg_attr(feature = "builder", builder(into))]
    pub type_: String,
    /// Parameters of the policy.
    pub properties: Option<FreeForm>,
}

/// An external workflow that applications reference by `spec.workflow.ref`
/// (`core.oam.dev/v1alpha1` Workflow).
#[derive(Clone, Debug, Default, PartialEq)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
pub struct Workflow {
    /// Standard object metadata.
    #[cfg_attr(feature = "builder", builder(default))]
    pub metadata: ObjectMeta,
    /// How steps and sub-steps run.
    pub mode: Option<WorkflowMode>,
    /// The steps.
    #[cfg_attr(feature = "builder", builder(default))]
    pub steps: Vec<WorkflowStep>,
}

impl Resource for Policy {
    const API_VERSION: &'static str = API_VERSION;
    const KIND: &'static str = "Policy";
    fn metadata(&self) -> &ObjectMeta {
        &self.metadata
    }
}

impl Resource for Workflow {
    const API_VERSION: &'static str = API_VERSION;
    const KIND: &'static str = "Workflow";
    fn metadata(&self) -> &ObjectMeta {
        &self.metadata
    }
}

/// A `core.oam.dev/v1alpha1` Policy: an external policy referenced by `deploy` steps.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
struct PolicyWire {
    /// Always `core.oam.dev/v1alpha1`.
    #[schemars(extend("const" = "core.oam.dev/v1alpha1"))]
    api_version: String,
    /// Always `Policy`.
    #[schemars(extend("const" = "Policy"))]
    kind: String,
    /// Standard object metadata.
    #[serde(default, skip_serializing_if = "ObjectMeta::is_empty")]
    metadata: ObjectMeta,
    /// The policy type.
    #[serde(rename = "type")]
    type_: String,
    /// Parameters of the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    properties: Option<FreeForm>,
}

/// A `core.oam.dev/v1alpha1` Workflow: an external workflow referenced by `spec.workflow.ref`.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
struct WorkflowWire {
    /// Always `core.oam.dev/v1alpha1`.
    #[schemars(extend("const" = "core.oam.dev/v1alpha1"))]
    api_version: String,
    /// Always `Workflow`.
    #[schemars(extend("const" = "Workflow"))]
    kind: String,
    /// Standard object metadata.
    #[serde(default, skip_serializing_if = "ObjectMeta::is_empty")]
    metadata: ObjectMeta,
    /// How steps and sub-steps run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    mode: Option<WorkflowMode>,
    /// The steps.
    #[serde(default, deserialize_with = "crate::meta::null_as_default")]
    steps: Vec<WorkflowStep>,
}

fn check<E: serde::de::Error>(api_version: &str, kind: &str, want: &str) -> Result<(), E> {
    if api_version == API_VERSION && kind == want {
        Ok(())
    } else {
        Err(E::custom(format!(
            "expected apiVersion `{API_VERSION}` and kind `{want}`, found `{api_version}` `{kind}`"
        )))
    }
}

impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        PolicyWire {
            api_version: API_VERSION.into(),
            kind: Self::KIND.into(),
            metadata: self.metadata.clone(),
            type_: self.type_.clone(),
            properties: self.properties.clone(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let w = PolicyWire::deserialize(deserializer)?;
        check(&w.api_version, &w.kind, Self::KIND)?;
        Ok(Self {
            metadata: w.metadata,
            type_: w.type_,
            properties: w.properties,
        })
    }
}

impl Serialize for Workflow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        WorkflowWire {
            api_version: API_VERSION.into(),
            kind: Self::KIND.into(),
            metadata: self.metadata.clone(),
            mode: self.mode.clone(),
            steps: self.steps.clone(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Workflow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let w = WorkflowWire::deserialize(deserializer)?;
        check(&w.api_version, &w.kind, Self::KIND)?;
        Ok(Self {
            metadata: w.metadata,
            mode: w.mode,
            steps: w.steps,
        })
    }
}

impl JsonSchema for Policy {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Policy".into()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        "core.oam.dev/v1alpha1/Policy".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        PolicyWire::json_schema(generator)
    }
}

impl JsonSchema for Workflow {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Workflow".into()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        "core.oam.dev/v1alpha1/Workflow".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        WorkflowWire::json_schema(generator)
    }
}
