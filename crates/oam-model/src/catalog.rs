//! The standard catalog: definitions embedded in the binary (the YAML files under `catalog/`),
//! beneath the input's own definitions by default — in [`Inputs`](crate::Inputs), so validation,
//! planning and revision hashes all see the same types — so an everyday application works
//! without extra files.

use std::sync::OnceLock;

use crate::registry::Registry;
use crate::{Document, LoadOptions, load_str};

/// The catalog's files: (name, YAML).
pub const FILES: [(&str, &str); 4] = [
    (
        "catalog/workloads.yaml",
        include_str!("../catalog/workloads.yaml"),
    ),
    (
        "catalog/traits.yaml",
        include_str!("../catalog/traits.yaml"),
    ),
    (
        "catalog/scopes.yaml",
        include_str!("../catalog/scopes.yaml"),
    ),
    (
        "catalog/kubevela.yaml",
        include_str!("../catalog/kubevela.yaml"),
    ),
];

/// Every definition of the standard catalog, in file order, parsed once per process.
///
/// ```
/// let catalog = oam_model::catalog::documents();
/// let registry = oam_model::registry::Registry::from_documents(catalog);
/// use oam_model::registry::DefinitionKind;
/// let scaler = registry.get(DefinitionKind::Trait, "manualscalertraits.core.oam.dev", None).unwrap();
/// assert!(!scaler.conflicts_with.is_empty());
/// assert!(registry.get(DefinitionKind::Component, "webservice", None).is_some());
/// ```
#[must_use]
pub fn documents() -> &'static [Document] {
    static CATALOG: OnceLock<Vec<Document>> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let mut out = Vec::new();
        for (name, text) in FILES {
            let report = load_str(name, text, &LoadOptions::default());
            // A broken catalog is a build defect caught by this crate's tests; documents that
            // fail to load are left out rather than taking the checks down.
            out.extend(report.documents.into_iter().map(|d| d.value));
        }
        out
    })
}

/// The standard catalog as a registry (built once per process; callers clone it).
#[must_use]
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| Registry::from_documents(documents()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalog_loads_without_a_single_problem() {
        for (name, text) in FILES {
            let report = load_str(name, text, &LoadOptions::default());
            assert!(report.is_ok(), "{name}: {:?}", report.errors);
            assert_eq!(report.warnings().count(), 0, "{name}");
        }
        assert!(documents().len() > 80);
    }
}
