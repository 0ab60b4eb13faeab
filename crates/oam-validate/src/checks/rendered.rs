//! The objects an ApplicationConfiguration renders are distinct objects: no two of its workloads
//! and traits get the same group, kind and name (all land in the application's namespace), or
//! applying the second silently replaces the first. A workload is named by its template's
//! `metadata.name`, else after its component; a trait without a name gets one made from its
//! component's, so only named traits can collide.

use std::collections::BTreeMap;

use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::{FieldPath, RawObject};

use super::{At, Context, component_path};

/// What Kubernetes identifies an object by within one namespace: group, kind, name.
fn identity(object: &RawObject, name: &str) -> Option<(String, String, String)> {
    let api_version = object.api_version.as_deref()?;
    let kind = object.kind.as_deref()?;
    let group = api_version.rsplit_once('/').map_or("", |(g, _)| g);
    Some((group.to_owned(), kind.to_owned(), name.to_owned()))
}

pub(crate) fn application_configuration(
    cx: &mut Context<'_>,
    at: &At<'_>,
    app: &ApplicationConfiguration,
) {
    let namespace = app.metadata.namespace.as_deref().unwrap_or("default");
    let mut first: BTreeMap<(String, String, String), FieldPath> = BTreeMap::new();
    let mut objects: Vec<(&RawObject, String, FieldPath)> = Vec::new();
    let mut listed = std::collections::BTreeSet::new();
    for (i, entry) in app.spec.components.iter().enumerate() {
        let here = component_path(i);
        // A component listed twice is reported as such (OAM053), not once more here.
        if let Some(name) = entry.component_name.as_deref()
            && listed.insert(name)
            && let Some(c) = cx.component(app.metadata.namespace.as_deref(), name)
        {
            let workload = &c.spec.workload;
            let named = workload.name().unwrap_or(name).to_owned();
            objects.push((workload, named, here.clone().field("componentName")));
        }
        for (j, t) in entry.traits.iter().flatten().enumerate() {
            if let Some(name) = t.trait_.name() {
                let path = here.clone().field("traits").index(j).field("trait");
                objects.push((
                    &t.trait_,
                    name.to_owned(),
                    path.field("metadata").field("name"),
                ));
            }
        }
    }
    for (object, name, path) in objects {
        let Some(key) = identity(object, &name) else {
            continue;
        };
        if let Some(at_first) = first.get(&key) {
            let api_version = object.api_version.as_deref().unwrap_or_default();
            cx.error(
                at,
                "OAM036",
                path,
                format!(
                    "{api_version} {} {namespace}/{name} is rendered twice (first at {at_first}): applying the second replaces the first",
                    key.1
                ),
                "give one of them another name (metadata.name of its workload or trait)",
            );
        } else {
            first.insert(key, path);
        }
    }
}
