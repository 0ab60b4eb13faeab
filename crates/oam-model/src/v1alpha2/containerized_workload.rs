//! `ContainerizedWorkload`: the built-in workload of oam-kubernetes-runtime.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::meta::{Condition, IntOrString, Quantity, TypedReference};
use crate::resource::resource;

resource! {
    /// A `core.oam.dev/v1alpha2` ContainerizedWorkload: containers rendered into a Deployment.
    ContainerizedWorkload, "core.oam.dev/v1alpha2", "ContainerizedWorkload",
    spec: ContainerizedWorkloadSpec, status: ContainerizedWorkloadStatus
}

/// `ContainerizedWorkload.spec`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContainerizedWorkloadSpec {
    /// The operating system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub os_type: Option<OsType>,
    /// The CPU architecture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arch: Option<CpuArchitecture>,
    /// The containers.
    pub containers: Vec<Container>,
}

/// An operating system.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OsType {
    /// Linux.
    Linux,
    /// Windows.
    Windows,
}

/// A CPU architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CpuArchitecture {
    /// 32-bit x86.
    I386,
    /// 64-bit x86.
    Amd64,
    /// 32-bit ARM.
    Arm,
    /// 64-bit ARM.
    Arm64,
}

/// A container (`spec.containers[]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Container {
    /// The container's name.
    pub name: String,
    /// The image.
    pub image: String,
    /// Resources the container needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<ContainerResources>,
    /// The entrypoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub command: Option<Vec<String>>,
    /// Arguments to the entrypoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub args: Option<Vec<String>>,
    /// Environment variables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<Vec<ContainerEnvVar>>,
    /// Configuration files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Vec<ContainerConfigFile>>,
    /// Ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ports: Option<Vec<ContainerPort>>,
    /// The liveness probe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liveness_probe: Option<ContainerHealthProbe>,
    /// The readiness probe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub readiness_probe: Option<ContainerHealthProbe>,
    /// The Secret holding image pull credentials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_pull_secret: Option<String>,
}

/// `containers[].resources`. Quantities are strings, kept in the form given.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContainerResources {
    /// CPU.
    pub cpu: ResourceRequirement,
    /// Memory.
    pub memory: ResourceRequirement,
    /// GPU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gpu: Option<ResourceRequirement>,
    /// Volumes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volumes: Option<Vec<VolumeResource>>,
    /// Extended resources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extended: Option<Vec<ExtendedResource>>,
}

/// A required quantity (`{required: "0.5"}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ResourceRequirement {
    /// The quantity, e.g. `500m` or `2Gi`.
    pub required: Quantity,
}

/// A volume (`resources.volumes[]`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct VolumeResource {
    /// The volume's name.
    pub name: String,
    /// Where it is mounted.
    pub mount_path: String,
    /// Read-only or read-write.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_mode: Option<VolumeAccessMode>,
    /// Whether the volume is shared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharing_policy: Option<VolumeSharingPolicy>,
    /// The disk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk: Option<DiskResource>,
}

/// A volume's access mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum VolumeAccessMode {
    /// Read-only.
    #[serde(rename = "RO")]
    ReadOnly,
    /// Read-write.
    #[serde(rename = "RW")]
    ReadWrite,
}

/// A volume's sharing policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum VolumeSharingPolicy {
    /// One user at a time.
    Exclusive,
    /// Shared.
    Shared,
}

/// A disk (`volumes[].disk`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DiskResource {
    /// The size, e.g. `10Gi`.
    pub required: Quantity,
    /// Whether the disk is ephemeral.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ephemeral: Option<bool>,
}

/// An extended resource (`resources.extended[]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExtendedResource {
    /// `kind.group/version`.
    pub name: String,
    /// The amount.
    pub required: IntOrString,
}

/// An environment variable (`env[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContainerEnvVar {
    /// The name (pattern `^[-_a-zA-Z0-9]+$`).
    pub name: String,
    /// A literal value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// A value from a Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_secret: Option<SecretKeySelector>,
}

/// A key in a Secret.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct SecretKeySelector {
    /// The Secret's name.
    pub name: String,
    /// The key.
    pub key: String,
}

/// A configuration file (`config[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContainerConfigFile {
    /// Where the file is written.
    pub path: String,
    /// Its literal content.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Its content from a Secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_secret: Option<SecretKeySelector>,
}

/// A port (`ports[]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContainerPort {
    /// The name (pattern `^[a-z]+$`).
    pub name: String,
    /// The port number.
    pub container_port: i32,
    /// TCP or UDP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub protocol: Option<TransportProtocol>,
}

/// A transport protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum TransportProtocol {
    /// TCP.
    #[serde(rename = "TCP")]
    Tcp,
    /// UDP.
    #[serde(rename = "UDP")]
    Udp,
}

/// A health probe.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContainerHealthProbe {
    /// Run a command.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exec: Option<ExecProbe>,
    /// Send an HTTP GET.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_get: Option<HttpGetProbe>,
    /// Open a TCP connection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tcp_socket: Option<TcpSocketProbe>,
    /// Seconds before the first probe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_delay_seconds: Option<i32>,
    /// Seconds between probes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_seconds: Option<i32>,
    /// Seconds before a probe times out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<i32>,
    /// Successes needed after a failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_threshold: Option<i32>,
    /// Failures before giving up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_threshold: Option<i32>,
}

/// `exec` probe.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExecProbe {
    /// The command.
    pub command: Vec<String>,
}

/// `httpGet` probe.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HttpGetProbe {
    /// The path.
    pub path: String,
    /// The port.
    pub port: i32,
    /// Extra headers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_headers: Option<Vec<HttpHeader>>,
}

/// An HTTP header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct HttpHeader {
    /// The name.
    pub name: String,
    /// The value.
    pub value: String,
}

/// `tcpSocket` probe.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct TcpSocketProbe {
    /// The port.
    pub port: i32,
}

/// `ContainerizedWorkload.status`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ContainerizedWorkloadStatus {
    /// Conditions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditions: Option<Vec<Condition>>,
    /// The objects rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resources: Option<Vec<TypedReference>>,
}
