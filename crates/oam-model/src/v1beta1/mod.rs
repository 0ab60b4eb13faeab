//! `core.oam.dev/v1beta1`: the KubeVela model.

mod application;
mod definitions;

pub use application::*;
pub use definitions::*;
