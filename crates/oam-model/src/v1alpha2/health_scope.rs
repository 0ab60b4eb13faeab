//! `HealthScope`: the built-in scope that aggregates the health of its workloads.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::meta::{Condition, TypedReference};
use crate::resource::resource;

resource! {
    /// A `core.oam.dev/v1alpha2` HealthScope.
    HealthScope, "core.oam.dev/v1alpha2", "HealthScope",
    spec: HealthScopeSpec, status: HealthScopeStatus
}

/// `HealthScope.spec`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HealthScopeSpec {
    /// Seconds before a probe times out.
    #[serde(
        rename = "probe-timeout",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub probe_timeout: Option<i32>,
    /// Seconds between probes.
    #[serde(
        rename = "probe-interval",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub probe_interval: Option<i32>,
    /// The member workloads.
    #[serde(deserialize_with = "crate::meta::null_as_default")]
    pub workload_refs: Vec<TypedReference>,
}

/// Aggregated health.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "UPPERCASE")]
pub enum HealthStatus {
    /// Healthy.
    Healthy,
    /// Unhealthy.
    Unhealthy,
    /// Unknown.
    Unknown,
}

/// `HealthScope.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HealthScopeStatus {
    /// Conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
    /// The aggregate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_health_condition: Option<ScopeHealthCondition>,
    /// Per-workload health.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_conditions: Option<Vec<WorkloadHealthCondition>>,
}

/// `status.scopeHealthCondition`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ScopeHealthCondition {
    /// The aggregate health.
    pub health_status: HealthStatus,
    /// Workloads in the scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
    /// Healthy workloads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthy_workloads: Option<i64>,
    /// Unhealthy workloads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unhealthy_workloads: Option<i64>,
    /// Workloads of unknown health.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown_workloads: Option<i64>,
}

/// `status.healthConditions[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct WorkloadHealthCondition {
    /// The component.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_name: Option<String>,
    /// The workload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_workload: Option<TypedReference>,
    /// Its health.
    pub health_status: HealthStatus,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosis: Option<String>,
    /// The workload's own status text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload_status: Option<String>,
}
