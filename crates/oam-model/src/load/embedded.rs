//! Checks of embedded objects (workload and trait bodies): an object of a kind oam-rs types is
//! checked as that type.
//!
//! The enclosing document is what the API server validates (embedded bodies are
//! preserve-unknown-fields there), so the loader reports these findings as warnings; they fail
//! only when the body is rendered. Other `core.oam.dev` kinds in bodies are left to the registry
//! of definitions: platforms define their own trait CRDs in that group.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::document::{Class, classify};
use crate::error::ErrorKind;
use crate::fieldpath::FieldPath;
use crate::meta::Resource;
use crate::typed::from_value;
use crate::v1alpha2::{ContainerizedWorkload, HealthScope, ManualScalerTrait};

/// Problems found inside embedded objects, with full paths from the document root.
#[derive(Default)]
pub(crate) struct Findings {
    pub errors: Vec<(FieldPath, ErrorKind)>,
    pub unknown_fields: Vec<FieldPath>,
}

/// Checks every embedded object of a document's tree, by reference, before the tree is typed.
pub(crate) fn check(tree: &Value) -> Findings {
    let mut findings = Findings::default();
    let spec = FieldPath::root().field("spec");
    match (
        tree.get("apiVersion").and_then(Value::as_str),
        tree.get("kind").and_then(Value::as_str),
    ) {
        (Some("core.oam.dev/v1alpha2"), Some("Component")) => {
            if let Some(workload) = tree.pointer("/spec/workload") {
                check_object(workload, &spec.field("workload"), &mut findings);
            }
        }
        (Some("core.oam.dev/v1alpha2"), Some("ApplicationConfiguration")) => {
            let components = tree.pointer("/spec/components").and_then(Value::as_array);
            for (i, component) in components.into_iter().flatten().enumerate() {
                let traits = component.get("traits").and_then(Value::as_array);
                for (j, t) in traits.into_iter().flatten().enumerate() {
                    if let Some(body) = t.get("trait") {
                        let path = spec
                            .clone()
                            .field("components")
                            .index(i)
                            .field("traits")
                            .index(j)
                            .field("trait");
                        check_object(body, &path, &mut findings);
                    }
                }
            }
        }
        _ => {}
    }
    findings
}

fn check_object(body: &Value, at: &FieldPath, findings: &mut Findings) {
    let (Some(api_version), Some(kind)) = (
        body.get("apiVersion").and_then(Value::as_str),
        body.get("kind").and_then(Value::as_str),
    ) else {
        return; // the `type:` shorthand, or left to the checks of later stages
    };
    if classify(api_version, kind) != Ok(Class::Typed)
        || api_version != ContainerizedWorkload::API_VERSION
    {
        return;
    }
    match kind {
        "ContainerizedWorkload" => typed::<ContainerizedWorkload>(body, at, findings),
        "ManualScalerTrait" => typed::<ManualScalerTrait>(body, at, findings),
        "HealthScope" => typed::<HealthScope>(body, at, findings),
        _ => {}
    }
}

fn typed<T: Resource + DeserializeOwned>(body: &Value, at: &FieldPath, findings: &mut Findings) {
    let result = from_value::<T>(body);
    findings
        .unknown_fields
        .extend(result.unknown_fields.iter().map(|p| at.clone().join(p)));
    if let Err((path, kind)) = result.result {
        findings.errors.push((at.clone().join(&path), kind));
    }
}
