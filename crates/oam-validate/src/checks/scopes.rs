//! Scopes: the scope object an entry names is among the inputs (a warning: it may already exist
//! in the cluster), and a component sits in at most one scope of a kind whose definition has
//! `allowComponentOverlap: false` (OAM spec `5.application_scopes.md`; upstream never enforces it).

use std::collections::BTreeMap;

use oam_model::registry::{DefinitionKind, crd_name};
use oam_model::v1alpha2::ApplicationConfiguration;

use super::{At, Context, component_path};

pub(crate) fn check(cx: &mut Context<'_>, at: &At<'_>, app: &ApplicationConfiguration) {
    let namespace = app.metadata.namespace.as_deref();
    // (definition, component) → the first scope instance and where it was named.
    let mut placed: BTreeMap<(String, String), String> = BTreeMap::new();
    for (i, entry) in app.spec.components.iter().enumerate() {
        let component = entry
            .component_name
            .clone()
            .or_else(|| entry.revision_name.clone())
            .unwrap_or_default();
        for (k, s) in entry.scopes.iter().flatten().enumerate() {
            let r = &s.scope_ref;
            let path = component_path(i).field("scopes").index(k).field("scopeRef");
            let present =
                cx.objects
                    .contains(&(r.api_version.as_str(), r.kind.as_str(), r.name.as_str()));
            if !present {
                cx.warning(
                    at,
                    "OAM047",
                    path.clone().field("name"),
                    format!("no {} {:?} among the inputs", r.kind, r.name),
                    "include the scope object, or make sure it exists in the application's namespace",
                );
            }
            let crd = crd_name(&r.api_version, &r.kind);
            let Some(def) = cx.registry.get(DefinitionKind::Scope, &crd, namespace) else {
                continue;
            };
            if def.allow_component_overlap != Some(false) {
                continue;
            }
            let key = (def.name.clone(), component.clone());
            match placed.get(&key) {
                Some(first) if *first != r.name => cx.error(
                    at,
                    "OAM048",
                    path.field("name"),
                    format!(
                        "component {component:?} is in two {} scopes ({first:?} and {:?}), but {} sets allowComponentOverlap: false",
                        r.kind, r.name, def.name
                    ),
                    "keep the component in one scope of this kind",
                ),
                Some(_) => {}
                None => {
                    placed.insert(key, r.name.clone());
                }
            }
        }
    }
}
