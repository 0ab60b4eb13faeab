//! `ManualScalerTrait`: the built-in trait that sets a workload's replica count.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::meta::{Condition, TypedReference};
use crate::resource::resource;
use crate::serde_util::empty_as_none;

resource! {
    /// A `core.oam.dev/v1alpha2` ManualScalerTrait.
    ManualScalerTrait, "core.oam.dev/v1alpha2", "ManualScalerTrait",
    spec: ManualScalerTraitSpec, status: ManualScalerTraitStatus
}

/// `ManualScalerTrait.spec`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ManualScalerTraitSpec {
    /// The desired number of replicas.
    pub replica_count: i32,
    /// The workload scaled; filled in by the runtime at the definition's `workloadRefPath`, so
    /// usually absent in what users write.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "empty_as_none"
    )]
    pub workload_ref: Option<TypedReference>,
}

/// `ManualScalerTrait.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ManualScalerTraitStatus {
    /// Conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
}
