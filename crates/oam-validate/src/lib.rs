//! Validation of OAM applications before deploy: the standard catalog of capabilities,
//! `appliesToWorkloads` and `conflictsWith` enforced, and every check with a stable code, the
//! object, the field path, file:line:column and a hint.
//!
//! ```
//! use oam_model::{LoadOptions, load_str};
//!
//! let yaml = r#"
//! apiVersion: core.oam.dev/v1alpha2
//! kind: Component
//! metadata: {name: web}
//! spec:
//!   workload: {apiVersion: apps/v1, kind: Deployment}
//! ---
//! apiVersion: core.oam.dev/v1alpha2
//! kind: ApplicationConfiguration
//! metadata: {name: shop}
//! spec:
//!   components:
//!     - componentName: web
//!       traits:
//!         - trait: {apiVersion: core.oam.dev/v1alpha2, kind: ManualScalerTrait, spec: {replicaCount: 2}}
//!         - trait: {apiVersion: autoscaling/v2, kind: HorizontalPodAutoscaler}
//! "#;
//! let report = load_str("shop.yaml", yaml, &LoadOptions::default());
//! let findings = oam_validate::validate(&report, &oam_validate::Options::default());
//! // The manual and the auto scaler clash, found through the standard catalog.
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].code, "OAM045");
//! assert_eq!(findings[0].location.to_string(), "shop.yaml:16:11");
//! ```
#![deny(missing_docs)]

mod checks;
mod diagnostic;
pub mod matching;
mod options;
pub mod render;

pub use diagnostic::{Diagnostic, Related, Severity, Suggestion};
pub use oam_model::catalog;
pub use options::{Options, Tenancy};

use oam_model::registry::Registry;
use oam_model::{Document, LoadReport, Loaded};

/// The registry checks resolve types in: the standard catalog (unless turned off), then
/// `options.definitions`, then the definitions among `documents`, each layer shadowing the one
/// beneath it.
#[must_use]
pub fn registry<'a>(
    documents: impl IntoIterator<Item = &'a Document>,
    options: &Options,
) -> Registry {
    let base = if options.builtin {
        catalog::registry().clone()
    } else {
        Registry::new()
    };
    let mut registry = base.with_system_namespace(options.system_namespace.clone());
    registry.extend(&options.definitions);
    registry.extend(documents);
    registry
}

/// Runs every check over loaded documents, in document order.
#[must_use]
pub fn check(documents: &[Loaded<Document>], options: &Options) -> Vec<Diagnostic> {
    let values = documents.iter().map(|d| &d.value);
    // The catalog as it is, borrowed, unless something lies over it: copying it for every call
    // was most of the checks of one small Application.
    let catalog = catalog::registry();
    let plain = options.builtin
        && options.definitions.is_empty()
        && options.system_namespace == catalog.system_namespace();
    let registry = if plain {
        catalog.with_documents(values)
    } else {
        std::borrow::Cow::Owned(registry(values, options))
    };
    let mut out = checks::run(documents, &registry, options);
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // A Component bound by several entries would otherwise repeat its own faults.
    out.dedup();
    out
}

/// Everything about a load: its errors and warnings, then every check over the documents that
/// loaded, sorted by source, document and position.
#[must_use]
pub fn validate(report: &LoadReport, options: &Options) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = report
        .errors
        .iter()
        .map(|e| Diagnostic::from_load(e, Severity::Error))
        .collect();
    out.extend(
        report
            .warnings()
            .map(|w| Diagnostic::from_load(w, Severity::Warning)),
    );
    out.extend(check(&report.documents, options));
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}
