//! `core.oam.dev/v1alpha2`: the oam-kubernetes-runtime model (with KubeVela's additions, marked
//! \[KubeVela\]).

mod application_configuration;
mod component;
mod containerized_workload;
mod definitions;
mod health_scope;
mod manual_scaler_trait;

pub use application_configuration::*;
pub use component::*;
pub use containerized_workload::*;
pub use definitions::*;
pub use health_scope::*;
pub use manual_scaler_trait::*;
