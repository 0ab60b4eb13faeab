//! Definitions themselves: paths that are field paths, `appliesToWorkloads` and `conflictsWith`
//! entries that are valid rules (an invalid selector fails closed here, where upstream silently
//! matches nothing), and what the definition webhooks refuse.

use oam_model::FieldPath;
use oam_model::registry::{Definition, DefinitionKind, crd_name};

use super::{At, Context};
use crate::matching::{AppliesTo, ConflictRule};

fn spec() -> FieldPath {
    FieldPath::root().field("spec")
}

pub(crate) fn check(cx: &mut Context<'_>, at: &At<'_>) {
    let Some(def) = Definition::from_document(&at.loaded.value) else {
        return;
    };
    for (field, value) in [
        ("workloadRefPath", def.workload_ref_path.as_deref()),
        ("workloadRefsPath", def.workload_refs_path.as_deref()),
        (
            "podSpecPath",
            def.spec.get("podSpecPath").and_then(|v| v.as_str()),
        ),
    ] {
        if let Some(text) = value.filter(|t| !t.is_empty())
            && let Err(e) = text.parse::<FieldPath>()
        {
            cx.error(
                at,
                "OAM031",
                spec().field(field),
                format!("invalid field path {text:?}: {e}"),
                "write a field path such as spec.workloadRef",
            );
        }
    }
    for (k, entry) in def.applies_to_workloads.iter().enumerate() {
        if let Err(e) = entry.parse::<AppliesTo>() {
            let path = spec().field("appliesToWorkloads").index(k);
            cx.error(at, "OAM059", path, e.to_string(), "write `*`, `*.<group>`, `<group>/<version>.<Kind>`, a characteristic such as workload.oam.dev/replicable, or a workload type, definition or CRD name");
        }
    }
    for (k, entry) in def.conflicts_with.iter().enumerate() {
        if let Err(e) = entry.parse::<ConflictRule>() {
            let path = spec().field("conflictsWith").index(k);
            cx.error(at, "OAM059", path, e.to_string(), "write `*`, `*.<group>`, a trait definition or CRD name, `<group>/<version>.<Kind>`, or `labelSelector:<key>=<value>`");
        }
    }
    let refused = |cx: &mut Context<'_>, path: FieldPath, message: String, help: &str| {
        cx.error(at, "OAM060", path, message, help);
    };
    match def.kind {
        DefinitionKind::Component => {
            let gvk_crd = (def.workload_gvk.as_ref()).map(|g| crd_name(&g.api_version(), &g.kind));
            match (&def.workload_type, &gvk_crd) {
                (None, None) => refused(
                    cx,
                    spec().field("workload"),
                    format!(
                        "neither the type nor the definition of the workload field in the ComponentDefinition {} can be empty",
                        def.name
                    ),
                    "set workload.definition {apiVersion, kind}, or workload.type",
                ),
                (Some(t), Some(c)) if t != c && t != "autodetects.core.oam.dev" => refused(
                    cx,
                    spec().field("workload").field("type"),
                    format!(
                        "the type and the definition of the workload field in ComponentDefinition {} should represent the same workload ({t:?} is not {c:?})",
                        def.name
                    ),
                    "make workload.type the <plural>.<group> of workload.definition, or drop one of them",
                ),
                _ => {}
            }
        }
        DefinitionKind::Trait if def.crd_name.is_none() && def.spec.get("schematic").is_none() => {
            refused(
                cx,
                spec(),
                format!(
                    "TraitDefinition {} has neither definitionRef nor a schematic: if definition reference is omitted, patch or output with GVK is required",
                    def.name
                ),
                "add spec.definitionRef.name (the trait's CRD name), or a CUE schematic",
            );
        }
        _ => {}
    }
    let reference = def.spec.get("definitionRef").and_then(|r| r.get("name"));
    if let Some(name) = reference.and_then(|n| n.as_str())
        && !super::names::is_dns_subdomain(name)
    {
        refused(
            cx,
            spec().field("definitionRef").field("name"),
            format!(
                "definitionRef.name {name:?} cannot name a resource: a CustomResourceDefinition is named `<plural>.<group>`, a lowercase DNS-1123 subdomain"
            ),
            "write the resource's plural and group, e.g. `manualscalertraits.core.oam.dev` or `deployments.apps`",
        );
    }
    if let Some(version) = &def.version
        && semver::Version::parse(version).is_err()
    {
        refused(
            cx,
            spec().field("version"),
            format!("Not a valid version: {version:?} is not a semantic version x.y.z"),
            "write a version such as 1.2.0",
        );
    }
}
