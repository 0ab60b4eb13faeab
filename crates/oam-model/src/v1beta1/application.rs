//! `Application`: the KubeVela application — components with traits, policies and a workflow.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::definition::Revision;
use crate::meta::{Condition, FreeForm};
use crate::resource::resource;

resource! {
    /// A `core.oam.dev/v1beta1` Application.
    Application, "core.oam.dev/v1beta1", "Application", spec: ApplicationSpec, status: ApplicationStatus
}

impl Application {
    /// The annotation that lets `name@vX` types follow the highest matching definition
    /// revision (`oam-v1beta1.md` §4.3).
    pub const AUTO_UPDATE: &'static str = "app.oam.dev/autoUpdate";

    /// Whether the `app.oam.dev/autoUpdate` annotation is `"true"`.
    #[must_use]
    pub fn auto_update(&self) -> bool {
        self.metadata
            .annotations
            .as_ref()
            .and_then(|a| a.get(Self::AUTO_UPDATE))
            .is_some_and(|v| v == "true")
    }
}

/// `Application.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationSpec {
    /// The components (required, may be empty).
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ApplicationComponent>| items.into_iter().collect()))]
    #[serde(deserialize_with = "crate::meta::null_as_default")]
    pub components: Vec<ApplicationComponent>,
    /// Policies.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = AppPolicy>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<Vec<AppPolicy>>,
    /// The workflow; absent means steps are generated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<Workflow>,
}

/// A component of an Application (`spec.components[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationComponent {
    /// The component's name, unique in the application.
    #[cfg_attr(feature = "builder", builder(into))]
    pub name: String,
    /// The component type: a definition name, or `name@v<version>`.
    #[cfg_attr(feature = "builder", builder(into))]
    #[serde(rename = "type")]
    pub type_: String,
    /// Parameters of the definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<FreeForm>,
    /// Components that must be ready first.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = impl Into<String>>| items.into_iter().map(Into::into).collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<String>>,
    /// Values taken from outputs.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = InputItem>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Vec<InputItem>>,
    /// Values exported for inputs.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = OutputItem>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outputs: Option<Vec<OutputItem>>,
    /// Traits, in order.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ApplicationTrait>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traits: Option<Vec<ApplicationTrait>>,
    /// ScopeDefinition name → scope instance name (no effect since KubeVela v1.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<BTreeMap<String, String>>,
    /// A fixed component revision name (no effect since KubeVela v1.9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_revision: Option<String>,
}

/// A trait of a component (`traits[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationTrait {
    /// The trait type: a TraitDefinition name, or `name@v<version>`.
    #[cfg_attr(feature = "builder", builder(into))]
    #[serde(rename = "type")]
    pub type_: String,
    /// Parameters of the definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<FreeForm>,
}

/// A policy (`spec.policies[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct AppPolicy {
    /// The policy's name (filled as `<type>-auto-gen-<index>` when empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The policy type.
    #[serde(rename = "type")]
    pub type_: String,
    /// Parameters of the policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<FreeForm>,
}

/// `spec.workflow`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Workflow {
    /// The name of an external `core.oam.dev/v1alpha1` Workflow (exclusive with `steps`).
    #[serde(rename = "ref", default, skip_serializing_if = "Option::is_none")]
    pub ref_: Option<String>,
    /// How steps and sub-steps run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<WorkflowMode>,
    /// The steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<WorkflowStep>>,
}

/// How steps and sub-steps run (`workflow.mode`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct WorkflowMode {
    /// Mode of the top-level steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<WorkflowExecuteMode>,
    /// Mode of sub-steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_steps: Option<WorkflowExecuteMode>,
}

/// A workflow execution mode. Any other value is a load error (KubeVela silently treats a typo as
/// `StepByStep` for steps and `DAG` for sub-steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum WorkflowExecuteMode {
    /// In dependency order, in parallel where possible.
    #[serde(rename = "DAG")]
    Dag,
    /// One after another.
    StepByStep,
}

/// A workflow step (`workflow.steps[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct WorkflowStep {
    /// The step's name (filled as `step-<i>` by the webhook when empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The step type: a WorkflowStepDefinition name or a builtin.
    #[serde(rename = "type")]
    pub type_: String,
    /// Display metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<WorkflowStepMeta>,
    /// A CUE condition, or `always`.
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub if_: Option<String>,
    /// A Go duration, e.g. `1h30m`; an empty string (Helm's "unset") reads as absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::empty_as_none"
    )]
    pub timeout: Option<String>,
    /// Steps that must finish first.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = impl Into<String>>| items.into_iter().map(Into::into).collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<String>>,
    /// Values taken from outputs.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = InputItem>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Vec<InputItem>>,
    /// Values exported.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = OutputItem>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outputs: Option<Vec<OutputItem>>,
    /// Parameters of the step definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<FreeForm>,
    /// Mode of this step's sub-steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<WorkflowExecuteMode>,
    /// Sub-steps (one level of nesting only).
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = WorkflowSubStep>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_steps: Option<Vec<WorkflowSubStep>>,
}

/// A sub-step (`steps[].subSteps[]`): a step without its own sub-steps.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct WorkflowSubStep {
    /// The sub-step's name (filled as `step-<i>-<j>` when empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The step type.
    #[serde(rename = "type")]
    pub type_: String,
    /// Display metadata.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<WorkflowStepMeta>,
    /// A CUE condition, or `always`.
    #[serde(rename = "if", default, skip_serializing_if = "Option::is_none")]
    pub if_: Option<String>,
    /// A Go duration; an empty string (Helm's "unset") reads as absent.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::serde_util::empty_as_none"
    )]
    pub timeout: Option<String>,
    /// Sub-steps that must finish first.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = impl Into<String>>| items.into_iter().map(Into::into).collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depends_on: Option<Vec<String>>,
    /// Values taken from outputs.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = InputItem>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inputs: Option<Vec<InputItem>>,
    /// Values exported.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = OutputItem>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outputs: Option<Vec<OutputItem>>,
    /// Parameters of the step definition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<FreeForm>,
}

/// `steps[].meta`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct WorkflowStepMeta {
    /// A display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
}

/// An input (`inputs[]`): a value taken from an output.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct InputItem {
    /// The output's name.
    pub from: String,
    /// Where the value is written (`image` → `properties.image`); empty only gates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_key: Option<String>,
}

/// An output (`outputs[]`): a named value for inputs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct OutputItem {
    /// The output's name.
    pub name: String,
    /// A CUE path on the step's value, e.g. `output.status.connSecret`.
    pub value_from: String,
}

/// `Application.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationStatus {
    /// Conditions (`Parsed`, `Revision`, `Policy`, `Render`, `Workflow`, `Ready`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
    /// The generation last observed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    /// The phase (`running`, `runningWorkflow`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Rendered components (object references).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<FreeForm>>,
    /// Per-component health.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<ApplicationComponentStatus>>,
    /// The workflow's state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<FreeForm>,
    /// The latest ApplicationRevision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_revision: Option<Revision>,
    /// Resources applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_resources: Option<Vec<FreeForm>>,
    /// Application-scoped policies applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_application_policies: Option<Vec<FreeForm>>,
    /// The ConfigMap recording application policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_policies_config_map: Option<String>,
    /// When a scheduled workflow restart happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow_restart_scheduled_at: Option<String>,
    /// Deprecated env-binding policy status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<Vec<FreeForm>>,
}

/// `status.services[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationComponentStatus {
    /// The component's name.
    pub name: String,
    /// Its namespace.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace: Option<String>,
    /// Its cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    /// Its environment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
    /// Its workload's apiVersion and kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_definition: Option<FreeForm>,
    /// Whether it is healthy.
    pub healthy: bool,
    /// Whether its workload is healthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_healthy: Option<bool>,
    /// Details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<BTreeMap<String, String>>,
    /// A message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Trait health.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traits: Option<Vec<FreeForm>>,
    /// Scopes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<FreeForm>>,
}
