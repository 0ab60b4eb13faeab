//! Parameters: every `parameterValues` entry applies to its Component (unknown, missing
//! required, duplicate, overlapping paths, wrong types on the way — `oam-graph`'s rendering
//! rules), and a revision-enabled component keeps its workload name free.

use oam_graph::{PlanWarningKind, Side, apply_parameters};
use oam_model::registry::DefinitionKind;
use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::{FieldPath, Segment};

use super::{At, Context, component_path};

pub(crate) fn check(cx: &mut Context<'_>, at: &At<'_>, app: &ApplicationConfiguration) {
    for (i, entry) in app.spec.components.iter().enumerate() {
        let Some(name) = entry.component_name.as_deref() else {
            continue;
        };
        let Some(component) = cx.component(app.metadata.namespace.as_deref(), name) else {
            continue;
        };
        let Some(document) = cx.component_document(component) else {
            continue;
        };
        let here = component_path(i);
        let values = entry.parameter_values.as_deref().unwrap_or_default();
        let component_at = At {
            loaded: document,
            object: format!("Component {name}"),
        };
        match apply_parameters(component, values) {
            Err(errors) => {
                for e in errors {
                    let (place, path) = match e.side {
                        Side::ApplicationConfiguration => (at, here.clone().join(&e.path)),
                        Side::Component => (&component_at, e.path.clone()),
                    };
                    cx.error(
                        place,
                        "OAM028",
                        path,
                        format!("component {name:?}: {}", e.kind),
                        "declare the parameter in the Component, or fix the parameterValues",
                    );
                }
            }
            Ok(rendered) => {
                for w in rendered.warnings {
                    // The planner's own warning: one code, one wording.
                    let w = PlanWarningKind::ParameterType(w);
                    let path = here.clone().field("parameterValues");
                    cx.warning(at, w.code(), path, w.to_string(), w.hint());
                }
            }
        }
        // §16.1 rule 3: with a revisionEnabled trait the workload is named after the revision.
        let revision_enabled = entry.traits.iter().flatten().any(|t| {
            cx.registry
                .for_object(DefinitionKind::Trait, &t.trait_, Some("name"))
                .is_some_and(|d| d.revision_enabled)
        });
        if !revision_enabled {
            continue;
        }
        if let Some(fixed) = component.spec.workload.name() {
            cx.error(
                &component_at,
                "OAM051",
                FieldPath::root()
                    .field("spec")
                    .field("workload")
                    .field("metadata")
                    .field("name"),
                format!("versioning-enabled component's workload name MUST NOT be assigned, expect workload name {fixed:?} to be empty"),
                "remove metadata.name from the workload: each revision gets its own workload, named after it",
            );
        }
        let naming: Vec<&str> = component
            .spec
            .parameters
            .iter()
            .flatten()
            .filter(|p| {
                p.field_paths.iter().any(|f| {
                    f.parse::<FieldPath>().is_ok_and(|p| {
                        matches!(p.segments(), [Segment::Field(m), Segment::Field(n), ..] if m == "metadata" && n == "name")
                    })
                })
            })
            .map(|p| p.name.as_str())
            .collect();
        for (j, v) in values.iter().enumerate() {
            if naming.contains(&v.name.as_str()) {
                cx.error(
                    at,
                    "OAM051",
                    here.clone().field("parameterValues").index(j),
                    format!("versioning-enabled component's workload name MUST NOT be assigned: parameter {:?} writes metadata.name", v.name),
                    "drop this value: each revision gets its own workload, named after it",
                );
            }
        }
    }
}
