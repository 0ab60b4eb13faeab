//! `ApplicationConfiguration`: components bound with their traits, scopes, parameter values and
//! data passing (data outputs → data inputs).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::meta::{Condition, IntOrString, TypedReference};
use crate::raw::RawObject;
use crate::resource::resource;
use crate::serde_util::empty_as_none;

resource! {
    /// A `core.oam.dev/v1alpha2` ApplicationConfiguration: an application instance.
    ApplicationConfiguration, "core.oam.dev/v1alpha2", "ApplicationConfiguration",
    spec: ApplicationConfigurationSpec, status: ApplicationConfigurationStatus
}

/// `ApplicationConfiguration.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationConfigurationSpec {
    /// The components of the application.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ApplicationConfigurationComponent>| items.into_iter().collect()))]
    #[serde(deserialize_with = "crate::meta::null_as_default")]
    pub components: Vec<ApplicationConfigurationComponent>,
}

/// One entry of `spec.components[]`: a component, bound by name or pinned to a revision.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ApplicationConfigurationComponent {
    /// Follow the latest state of this Component (exclusive with `revisionName`).
    #[cfg_attr(feature = "builder", builder(into))]
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub component_name: Option<String>,
    /// Pin this component revision (exclusive with `componentName`). An empty string, as Go
    /// clients and Helm write for "unset", reads as absent; so does an empty `componentName`.
    #[cfg_attr(feature = "builder", builder(into))]
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub revision_name: Option<String>,
    /// Values read from this component's workload for other objects.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = DataOutput>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_outputs: Option<Vec<DataOutput>>,
    /// Values written into this component's workload from data outputs.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = DataInput>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_inputs: Option<Vec<DataInput>>,
    /// Values for the component's parameters.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ComponentParameterValue>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter_values: Option<Vec<ComponentParameterValue>>,
    /// Traits attached to the workload.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ComponentTrait>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traits: Option<Vec<ComponentTrait>>,
    /// Scopes the workload belongs to.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ComponentScope>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<ComponentScope>>,
}

/// A value for a component parameter (`parameterValues[]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct ComponentParameterValue {
    /// The parameter's name.
    pub name: String,
    /// The value: an integer or a string, kept in the form given.
    pub value: IntOrString,
}

/// A trait attached to a component (`traits[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder))]
#[serde(rename_all = "camelCase")]
pub struct ComponentTrait {
    /// The trait object (apiVersion, kind, spec …).
    #[serde(rename = "trait")]
    pub trait_: RawObject,
    /// Values read from the trait object.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = DataOutput>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_outputs: Option<Vec<DataOutput>>,
    /// Values written into the trait object.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = DataInput>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_inputs: Option<Vec<DataInput>>,
}

/// A scope a component belongs to (`scopes[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct ComponentScope {
    /// The scope object.
    pub scope_ref: TypedReference,
}

/// A named value read from the object that declares it (`dataOutputs[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct DataOutput {
    /// The output's name, unique in the ApplicationConfiguration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Where the value is in the source object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_path: Option<String>,
    /// Conditions that must all hold before the output is ready.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ConditionRequirement>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ConditionRequirement>>,
    /// An object the value is stored into (jsonPatch extension).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub output_store: Option<StoreReference>,
}

/// A value written into the object that declares it (`dataInputs[]`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct DataInput {
    /// The data output the value comes from.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub value_from: Option<DataInputValueFrom>,
    /// Where the value is written; empty means the input only orders this object after the source.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = impl Into<String>>| items.into_iter().map(Into::into).collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_field_paths: Option<Vec<String>>,
    /// Conditions on this (sink) object that gate updates.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ConditionRequirement>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ConditionRequirement>>,
    /// An object the value is read from (jsonPatch extension).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub input_store: Option<StoreReference>,
    /// \[KubeVela\] merge keys for array values: an element sharing any one key with an incoming
    /// element is replaced by it; otherwise the incoming element is appended.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = impl Into<String>>| items.into_iter().map(Into::into).collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_merge_keys: Option<Vec<String>>,
}

/// `dataInputs[].valueFrom`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct DataInputValueFrom {
    /// The name of a data output.
    pub data_output_name: String,
}

/// A condition on an object's field (`conditions[]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct ConditionRequirement {
    /// The comparison.
    pub op: ConditionOp,
    /// The expected value (exclusive with `valueFrom`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Where the expected value is read from the ApplicationConfiguration.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub value_from: Option<ValueFrom>,
    /// The field checked; absent means the output value itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_path: Option<String>,
}

/// A comparison of a condition. Any other value is a load error (the Go runtime treats an unknown
/// op as satisfied).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum ConditionOp {
    /// The field equals the expected value.
    #[serde(rename = "eq")]
    Eq,
    /// The field differs from the expected value.
    #[serde(rename = "notEq")]
    NotEq,
    /// The field is a non-empty string.
    #[serde(rename = "notEmpty")]
    NotEmpty,
}

/// A field path to read a value from (`valueFrom`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct ValueFrom {
    /// The field path.
    pub field_path: String,
}

/// An object used as a data store, with the operations run on it (`outputStore` / `inputStore`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct StoreReference {
    /// The store's apiVersion.
    pub api_version: String,
    /// The store's kind.
    pub kind: String,
    /// The store's name.
    pub name: String,
    /// The store's uid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// The operations, in order.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = DataOperation>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operations: Option<Vec<DataOperation>>,
}

/// One operation on a store (`operations[]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "builder", derive(bon::Builder), builder(on(String, into)))]
#[serde(rename_all = "camelCase")]
pub struct DataOperation {
    /// The operation type; only `jsonPatch` exists.
    #[serde(rename = "type")]
    pub type_: DataOperationType,
    /// The JSON patch op.
    pub op: DataOperationOp,
    /// The target field.
    pub to_field_path: String,
    /// A path inside the JSON document held as a string at `toFieldPath`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_data_path: Option<String>,
    /// The value as raw JSON text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Where the value is read from.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub value_from: Option<ValueFrom>,
    /// Conditions for the operation.
    #[cfg_attr(feature = "builder", builder(with = |items: impl IntoIterator<Item = ConditionRequirement>| items.into_iter().collect()))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<ConditionRequirement>>,
}

/// The type of a [`DataOperation`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum DataOperationType {
    /// RFC 6902 JSON patch.
    #[serde(rename = "jsonPatch")]
    JsonPatch,
}

/// The op of a [`DataOperation`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum DataOperationOp {
    /// Add.
    Add,
    /// Delete.
    Delete,
    /// Replace.
    Replace,
}

/// `ApplicationConfiguration.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationConfigurationStatus {
    /// Conditions (`Synced`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
    /// Free text for other controllers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Unsatisfied data dependencies.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub dependency: Option<DependencyStatus>,
    /// The rendered workloads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workloads: Option<Vec<WorkloadStatus>>,
    /// The generation last observed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_generation: Option<i64>,
    /// Workloads of earlier revisions still present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history_workloads: Option<Vec<HistoryWorkload>>,
    /// \[KubeVela\] the rollout phase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolling_status: Option<String>,
}

/// `status.dependency`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DependencyStatus {
    /// One entry per blocked edge.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::meta::null_as_default"
    )]
    pub unsatisfied: Vec<UnsatisfiedDependency>,
}

/// An unsatisfied data dependency (upstream `UnstaifiedDependency`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnsatisfiedDependency {
    /// Why it is not satisfied, in the runtime's words.
    pub reason: String,
    /// The source object.
    pub from: DependencyFrom,
    /// The sink object.
    pub to: DependencyTo,
}

/// The source of an [`UnsatisfiedDependency`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DependencyFrom {
    /// apiVersion.
    pub api_version: String,
    /// kind.
    pub kind: String,
    /// name.
    pub name: String,
    /// uid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// The output's field path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_path: Option<String>,
}

/// The sink of an [`UnsatisfiedDependency`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DependencyTo {
    /// apiVersion.
    pub api_version: String,
    /// kind.
    pub kind: String,
    /// name.
    pub name: String,
    /// uid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// The input's target paths.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_paths: Option<Vec<String>>,
}

/// A rendered workload in `status.workloads[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadStatus {
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The component's name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub component_name: Option<String>,
    /// The component revision rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_revision_name: Option<String>,
    /// \[KubeVela\] whether a data input is unsatisfied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependency_unsatisfied: Option<bool>,
    /// \[KubeVela\] the component revision applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_component_revision: Option<String>,
    /// The workload object.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub workload_ref: Option<TypedReference>,
    /// Its traits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub traits: Option<Vec<WorkloadTrait>>,
    /// Its scopes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<WorkloadScope>>,
}

/// A trait in `status.workloads[].traits[]`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadTrait {
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The trait object.
    pub trait_ref: TypedReference,
    /// A message, e.g. when no TraitDefinition was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// \[KubeVela\] the generation applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applied_generation: Option<i64>,
    /// \[KubeVela\] whether a data input is unsatisfied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dependency_unsatisfied: Option<bool>,
}

/// A scope in `status.workloads[].scopes[]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadScope {
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The scope object.
    pub scope_ref: TypedReference,
}

/// A workload of an earlier revision (`status.historyWorkloads[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HistoryWorkload {
    /// The revision name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// The workload object.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub workload_ref: Option<TypedReference>,
}
