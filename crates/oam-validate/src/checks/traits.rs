//! Traits: a trait body carries its apiVersion and kind and no left-over shorthand; each trait
//! applies to its component's workload (`appliesToWorkloads`); no two traits of a component
//! conflict (`conflictsWith`, declared on either side, reported once per pair naming who
//! declared it); no trait type is attached twice.

use std::collections::BTreeSet;

use oam_graph::PlanErrorKind;
use oam_model::registry::{Definition, DefinitionKind, object_type};
use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::v1beta1::Application;
use oam_model::{FieldPath, GroupVersionKind, RawObject};

use super::{At, Context, component_path};
use crate::diagnostic::Severity;
use crate::matching::{ConflictRule, WorkloadFacts, applies_to};

/// One trait of a component, as the checks see it.
struct Attached<'a> {
    path: FieldPath,
    definition: Option<&'a Definition>,
    /// apiVersion/kind (v1alpha2) or the type (v1beta1): what makes two traits "the same".
    identity: String,
}

fn judge(
    cx: &mut Context<'_>,
    at: &At<'_>,
    component: &str,
    workload: Option<(&Definition, WorkloadFacts)>,
    traits: &[Attached<'_>],
    repeat: Severity,
) {
    // appliesToWorkloads
    if let Some((wdef, facts)) = &workload {
        for t in traits {
            let Some(def) = t.definition else { continue };
            if applies_to(def, facts) {
                continue;
            }
            let list: Vec<String> = def
                .applies_to_workloads
                .iter()
                .map(|e| format!("{e:?}"))
                .collect();
            cx.error(
                at,
                "OAM044",
                t.path.clone(),
                format!(
                    "the trait {:?} cannot apply to workload {:?} of component {component:?} (appliable: [{}])",
                    def.name,
                    wdef.name,
                    list.join(" ")
                ),
                "use a trait made for this workload type, or add the type to the TraitDefinition's appliesToWorkloads",
            );
        }
    }
    // conflictsWith: every pair once, whichever side declares it.
    let mut reported: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (j, owner) in traits.iter().enumerate() {
        let Some(odef) = owner.definition else {
            continue;
        };
        for text in &odef.conflicts_with {
            let Ok(rule) = text.parse::<ConflictRule>() else {
                continue; // reported on the definition
            };
            for (k, other) in traits.iter().enumerate() {
                let Some(tdef) = other.definition else {
                    continue;
                };
                if k == j || tdef.name == odef.name || !rule.matches(tdef) {
                    continue;
                }
                let pair = (j.min(k), j.max(k));
                if !reported.insert(pair) {
                    continue;
                }
                cx.error(
                    at,
                    "OAM045",
                    traits[pair.1].path.clone(),
                    format!(
                        "conflict(rule: {text:?}) between traits ({:?} and {:?}) of component {component:?} is detected; declared by {:?}",
                        traits[pair.0].definition.map_or("", |d| d.name.as_str()),
                        traits[pair.1].definition.map_or("", |d| d.name.as_str()),
                        odef.name
                    ),
                    "keep one of the two traits: they operate the same thing in incompatible ways",
                );
                cx.relate(at, "the other trait", &traits[pair.0].path);
            }
        }
    }
    // One configuration of each trait type (OAM spec 6.traits.md).
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for t in traits {
        let def_name = t.definition.map_or("", |d| d.name.as_str());
        let first = seen.iter().find(|(identity, name)| {
            *identity == t.identity || (!name.is_empty() && *name == def_name)
        });
        if first.is_some() {
            cx.emit(
                at,
                "OAM046",
                repeat,
                t.path.clone(),
                format!("the trait type {:?} is attached twice to component {component:?}", t.identity),
                "a component takes one configuration of each trait type (OAM spec, 6.traits.md): merge the two",
            );
        } else {
            seen.push((&t.identity, def_name));
        }
    }
}

fn body_problems(cx: &mut Context<'_>, at: &At<'_>, raw: &RawObject, path: &FieldPath) {
    for (field, what) in [("name", "GVK"), ("properties", "spec")] {
        if raw.rest.contains_key(field) {
            cx.error(
                at,
                "OAM052",
                path.clone().field(field),
                format!("the trait contains '{field}' info that should be mutated to {what}"),
                "write the trait object itself (apiVersion, kind, spec); the shorthand is expanded only by the mutating webhook",
            );
        }
    }
    if raw.api_version.is_none() || raw.kind.is_none() {
        let kind = PlanErrorKind::TraitWithoutKind {
            api_version: raw.api_version.clone().unwrap_or_default(),
            kind: raw.kind.clone().unwrap_or_default(),
        };
        cx.plan_error(at, path.clone(), &kind);
    }
}

pub(crate) fn application_configuration(
    cx: &mut Context<'_>,
    at: &At<'_>,
    app: &ApplicationConfiguration,
) {
    for (i, entry) in app.spec.components.iter().enumerate() {
        let name = entry
            .component_name
            .clone()
            .or_else(|| {
                entry
                    .revision_name
                    .as_deref()
                    .and_then(|r| r.rsplit_once("-v").map(|(c, _)| c.to_owned()))
            })
            .unwrap_or_default();
        let namespace = app.metadata.namespace.as_deref();
        let workload = cx.component(namespace, name.as_str()).and_then(|c| {
            let w = &c.spec.workload;
            let def = cx
                .registry
                .for_object(DefinitionKind::Workload, w, Some("type"))?;
            let own = object_type(DefinitionKind::Workload, w, Some("type"));
            Some((def, WorkloadFacts::of(def, &own, GroupVersionKind::of(w))))
        });
        let mut attached = Vec::new();
        for (j, t) in entry.traits.iter().flatten().enumerate() {
            let path = component_path(i).field("traits").index(j).field("trait");
            body_problems(cx, at, &t.trait_, &path);
            let raw = &t.trait_;
            attached.push(Attached {
                path,
                definition: cx
                    .registry
                    .for_object(DefinitionKind::Trait, raw, Some("name")),
                identity: format!(
                    "{} {}",
                    raw.api_version.as_deref().unwrap_or_default(),
                    raw.kind.as_deref().unwrap_or_default()
                ),
            });
        }
        judge(cx, at, &name, workload, &attached, Severity::Error);
    }
}

pub(crate) fn application(cx: &mut Context<'_>, at: &At<'_>, app: &Application) {
    let namespace = app.metadata.namespace.as_deref();
    for (i, c) in app.spec.components.iter().enumerate() {
        let workload = cx
            .registry
            .component_type(&c.type_, namespace, app.auto_update())
            .ok()
            .map(|f| {
                (
                    f.definition,
                    WorkloadFacts::of(f.definition, &c.type_, None),
                )
            });
        let attached: Vec<Attached<'_>> = c
            .traits
            .iter()
            .flatten()
            .enumerate()
            .map(|(j, t)| Attached {
                path: component_path(i).field("traits").index(j),
                definition: cx
                    .registry
                    .resolve(
                        DefinitionKind::Trait,
                        &t.type_,
                        namespace,
                        app.auto_update(),
                    )
                    .ok()
                    .map(|f| f.definition),
                identity: t.type_.clone(),
            })
            .collect();
        // KubeVela users attach some types more than once (several sidecars): a warning here.
        judge(cx, at, &c.name, workload, &attached, Severity::Warning);
    }
}
