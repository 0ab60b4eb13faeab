//! Checks of embedded objects (workload and trait bodies): an object of a kind oam-rs types is
//! checked as that type.
//!
//! The enclosing document is what the API server validates (embedded bodies are
//! preserve-unknown-fields there), so the loader reports these findings as warnings; they fail
//! only when the body is rendered. Other `core.oam.dev` kinds in bodies are left to the registry
//! of definitions: platforms define their own trait CRDs in that group.

use serde::de::DeserializeOwned;

use crate::document::{Class, Document, V1alpha2, classify};
use crate::error::ErrorKind;
use crate::fieldpath::FieldPath;
use crate::meta::Resource;
use crate::raw::RawObject;
use crate::typed::from_value;
use crate::v1alpha2::{ContainerizedWorkload, HealthScope, ManualScalerTrait};

/// Problems found inside embedded objects, with full paths from the document root.
#[derive(Default)]
pub(crate) struct Findings {
    pub errors: Vec<(FieldPath, ErrorKind)>,
    pub unknown_fields: Vec<FieldPath>,
}

/// Checks every embedded object of a document.
pub(crate) fn check(document: &Document) -> Findings {
    let mut findings = Findings::default();
    match document {
        Document::V1alpha2(V1alpha2::Component(c)) => {
            check_object(
                &c.spec.workload,
                &FieldPath::root().field("spec").field("workload"),
                &mut findings,
            );
        }
        Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) => {
            for (i, component) in app.spec.components.iter().enumerate() {
                for (j, t) in component.traits.iter().flatten().enumerate() {
                    let path = FieldPath::root()
                        .field("spec")
                        .field("components")
                        .index(i)
                        .field("traits")
                        .index(j)
                        .field("trait");
                    check_object(&t.trait_, &path, &mut findings);
                }
            }
        }
        _ => {}
    }
    findings
}

fn check_object(raw: &RawObject, at: &FieldPath, findings: &mut Findings) {
    let (Some(api_version), Some(kind)) = (raw.api_version.as_deref(), raw.kind.as_deref()) else {
        return; // the `type:` shorthand, or left to the checks of later stages
    };
    if classify(api_version, kind) == Ok(Class::Typed) {
        {
            if raw.is::<ContainerizedWorkload>() {
                typed::<ContainerizedWorkload>(raw, at, findings);
            } else if raw.is::<ManualScalerTrait>() {
                typed::<ManualScalerTrait>(raw, at, findings);
            } else if raw.is::<HealthScope>() {
                typed::<HealthScope>(raw, at, findings);
            }
        }
    }
}

fn typed<T: Resource + DeserializeOwned>(raw: &RawObject, at: &FieldPath, findings: &mut Findings) {
    let Ok(value) = serde_json::to_value(raw) else {
        return;
    };
    let result = from_value::<T>(value);
    findings
        .unknown_fields
        .extend(result.unknown_fields.iter().map(|p| at.clone().join(p)));
    if let Err((path, kind)) = result.result {
        findings.errors.push((at.clone().join(&path), kind));
    }
}
