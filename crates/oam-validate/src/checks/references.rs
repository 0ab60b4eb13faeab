//! References that must resolve: each ApplicationConfiguration entry names exactly one of
//! `componentName` / `revisionName`, the Component exists, a revision name has the
//! `<component>-v<N>` form; every workload, trait, scope, component, policy and workflow-step
//! type has a definition (in the input, `--definitions` or the standard catalog).

use std::collections::BTreeMap;

use oam_graph::PlanErrorKind;
use oam_model::registry::{
    BUILTIN_POLICIES, BUILTIN_STEPS, DefinitionKind, LookupError, crd_name, object_type,
};
use oam_model::revision::RevisionName;
use oam_model::v1alpha2::{ApplicationConfiguration, Component};
use oam_model::v1beta1::Application;
use oam_model::{FieldPath, RawObject};

use super::{At, Context, component_path};

const HOW_TO_ADD: &str = "add its definition: put the definition's file among the inputs, or pass it with --definitions PATH";

fn unknown(cx: &mut Context<'_>, at: &At<'_>, path: FieldPath, kind: DefinitionKind, name: &str) {
    let known: Vec<String> = cx.registry.of_kind(kind).map(|d| d.name.clone()).collect();
    let suggestion = oam_model::suggest::did_you_mean(name, &known);
    cx.error(
        at,
        "OAM043",
        path,
        format!("unknown type: no {kind} named {name:?}{suggestion}"),
        HOW_TO_ADD,
    );
}

/// Resolves a v1beta1 `type`, reporting what does not resolve.
fn resolve(
    cx: &mut Context<'_>,
    at: &At<'_>,
    path: FieldPath,
    kind: DefinitionKind,
    type_: &str,
    namespace: Option<&str>,
    auto_update: bool,
) {
    let found = if kind == DefinitionKind::Component {
        cx.registry.component_type(type_, namespace, auto_update)
    } else {
        cx.registry.resolve(kind, type_, namespace, auto_update)
    };
    match found {
        Ok(f) if f.ambiguous => cx.warning(
            at,
            "OAM043",
            path,
            format!("{type_:?} matches both the auto-numbered revision and the semver family; the exact revision {:?} wins", f.revision.unwrap_or_default()),
            "write the full version (`name@v1.2.3`) to say which one you mean",
        ),
        Ok(_) => {}
        Err(LookupError::NotFound { name, .. }) => unknown(cx, at, path, kind, &name),
        Err(e) => cx.error(at, "OAM043", path, e.to_string(), HOW_TO_ADD),
    }
}

pub(crate) fn application_configuration(
    cx: &mut Context<'_>,
    at: &At<'_>,
    app: &ApplicationConfiguration,
) {
    let namespace = app.metadata.namespace.as_deref();
    let mut listed: BTreeMap<&str, FieldPath> = BTreeMap::new();
    for (i, entry) in app.spec.components.iter().enumerate() {
        let here = component_path(i);
        // One Component listed twice renders one workload twice: the second replaces the first.
        let named = match (&entry.component_name, &entry.revision_name) {
            (Some(c), None) => Some((c.as_str(), here.clone().field("componentName"))),
            (None, Some(r)) => r
                .parse::<RevisionName>()
                .ok()
                .map(|_| (r.as_str(), here.clone().field("revisionName"))),
            _ => None,
        };
        if let Some((name, path)) = named {
            if let Some(first) = listed.get(name) {
                cx.error(
                    at,
                    "OAM053",
                    path,
                    format!("component {name:?} is listed twice (first at {first}): its workload would be rendered twice, the second replacing the first"),
                    "list each component once, with all its traits, scopes, inputs and outputs",
                );
                let first = first.clone();
                cx.relate(at, "first listed here", &first);
            } else {
                listed.insert(name, path);
            }
        }
        match (&entry.component_name, &entry.revision_name) {
            (Some(c), Some(r)) => cx.error(
                at,
                "OAM027",
                here.clone().field("revisionName"),
                format!("componentName {c:?} and revisionName {r:?} are mutually exclusive, you can only specify one of them"),
                "keep componentName to follow the latest revision, or revisionName to pin one",
            ),
            (None, None) => cx.plan_error(at, here.clone(), &PlanErrorKind::ComponentReference),
            (Some(name), None) => {
                let path = here.clone().field("componentName");
                lookup(cx, at, path, name, namespace);
            }
            (None, Some(revision)) => match revision.parse::<RevisionName>() {
                Ok(r) => {
                    let path = here.clone().field("revisionName");
                    if let Some(c) = lookup(cx, at, path.clone(), &r.name, namespace) {
                        beyond_latest(cx, at, path, c, &r);
                    }
                }
                Err(e) => cx.error(
                    at,
                    "OAM042",
                    here.clone().field("revisionName"),
                    e.to_string(),
                    "a component revision is named `<component>-v<N>`, e.g. `web-v3`",
                ),
            },
        }
        for (j, t) in entry.traits.iter().flatten().enumerate() {
            let tat = here.clone().field("traits").index(j).field("trait");
            let raw = &t.trait_;
            if raw.api_version.is_none() && raw.kind.is_none() && !raw.rest.contains_key("name") {
                continue; // reported by the trait checks
            }
            if cx
                .registry
                .for_object(DefinitionKind::Trait, raw, Some("name"))
                .is_none()
            {
                let name = object_type(DefinitionKind::Trait, raw, Some("name"));
                unknown(cx, at, tat.field("kind"), DefinitionKind::Trait, &name);
            }
        }
        for (k, s) in entry.scopes.iter().flatten().enumerate() {
            let name = crd_name(&s.scope_ref.api_version, &s.scope_ref.kind);
            if cx
                .registry
                .get(DefinitionKind::Scope, &name, namespace)
                .is_none()
            {
                let path = here
                    .clone()
                    .field("scopes")
                    .index(k)
                    .field("scopeRef")
                    .field("kind");
                unknown(cx, at, path, DefinitionKind::Scope, &name);
            }
        }
    }
}

/// The Component an entry names, in the ApplicationConfiguration's namespace: one without a
/// namespace goes wherever it is applied, so it matches any; one in another namespace is not
/// found (the runtime looks only in the ApplicationConfiguration's own).
fn lookup<'a>(
    cx: &mut Context<'a>,
    at: &At<'_>,
    path: FieldPath,
    name: &str,
    namespace: Option<&str>,
) -> Option<&'a Component> {
    if let Some(c) = cx.component(namespace, name) {
        return Some(c);
    }
    let elsewhere = cx.inputs.in_a_namespace(name);
    match (
        elsewhere.and_then(|c| c.metadata.namespace.as_deref()),
        namespace,
    ) {
        (Some(theirs), Some(ours)) => {
            let kind = PlanErrorKind::ComponentInOtherNamespace {
                name: name.to_owned(),
                namespace: ours.to_owned(),
                theirs: theirs.to_owned(),
            };
            cx.plan_error(at, path, &kind);
        }
        _ => component_missing(cx, at, path, name, namespace),
    }
    None
}

/// A pinned revision that the Component's recorded latest revision says does not exist yet.
fn beyond_latest(
    cx: &mut Context<'_>,
    at: &At<'_>,
    path: FieldPath,
    c: &Component,
    r: &RevisionName,
) {
    let latest = c.status.as_ref().and_then(|s| s.latest_revision.as_ref());
    if let Some(latest) = latest
        && u64::try_from(latest.revision).is_ok_and(|n| r.number > n)
    {
        cx.error(
            at,
            "OAM026",
            path,
            format!("cannot get component revision \"{r}\": the latest revision of Component {:?} is {:?} (revision {})", r.name, latest.name, latest.revision),
            format!("pin an existing revision (at most {}), or follow the latest with componentName", latest.name),
        );
    }
}

fn component_missing(
    cx: &mut Context<'_>,
    at: &At<'_>,
    path: FieldPath,
    name: &str,
    namespace: Option<&str>,
) {
    let known: Vec<String> = (cx.inputs.component_names(namespace).iter())
        .map(|k| (*k).to_owned())
        .collect();
    let kind = PlanErrorKind::ComponentNotFound {
        name: name.to_owned(),
        suggestion: oam_model::suggest::closest(name, &known).map(str::to_owned),
    };
    cx.plan_error(at, path, &kind);
}

/// The workload of a Component has a WorkloadDefinition.
pub(crate) fn component(cx: &mut Context<'_>, at: &At<'_>, c: &Component) {
    let workload: &RawObject = &c.spec.workload;
    let path = FieldPath::root().field("spec").field("workload");
    if workload.kind.is_none() && !workload.rest.contains_key("type") {
        cx.error(
            at,
            "OAM030",
            path,
            "the workload has no apiVersion and kind (nor a `type`)".into(),
            "give the workload an apiVersion and a kind",
        );
        return;
    }
    if cx
        .registry
        .for_object(DefinitionKind::Workload, workload, Some("type"))
        .is_none()
    {
        let name = object_type(DefinitionKind::Workload, workload, Some("type"));
        unknown(cx, at, path.field("kind"), DefinitionKind::Workload, &name);
    }
}

/// Every component, trait, policy and workflow-step type of an Application resolves.
pub(crate) fn application(cx: &mut Context<'_>, at: &At<'_>, app: &Application) {
    let namespace = app.metadata.namespace.as_deref();
    let auto_update = app.auto_update();
    for (i, c) in app.spec.components.iter().enumerate() {
        let here = component_path(i);
        let kind = DefinitionKind::Component;
        resolve(
            cx,
            at,
            here.clone().field("type"),
            kind,
            &c.type_,
            namespace,
            auto_update,
        );
        for (j, t) in c.traits.iter().flatten().enumerate() {
            let path = here.clone().field("traits").index(j).field("type");
            let kind = DefinitionKind::Trait;
            resolve(cx, at, path, kind, &t.type_, namespace, auto_update);
        }
    }
    for (k, p) in app.spec.policies.iter().flatten().enumerate() {
        if !BUILTIN_POLICIES.contains(&p.type_.as_str()) {
            let path = FieldPath::root()
                .field("spec")
                .field("policies")
                .index(k)
                .field("type");
            let kind = DefinitionKind::Policy;
            resolve(cx, at, path, kind, &p.type_, namespace, auto_update);
        }
    }
    let steps = app.spec.workflow.as_ref().and_then(|w| w.steps.as_ref());
    for (s, step) in steps.into_iter().flatten().enumerate() {
        let spath = FieldPath::root()
            .field("spec")
            .field("workflow")
            .field("steps")
            .index(s);
        let mut types = vec![(spath.clone().field("type"), step.type_.as_str())];
        for (k, sub) in step.sub_steps.iter().flatten().enumerate() {
            let path = spath.clone().field("subSteps").index(k).field("type");
            types.push((path, sub.type_.as_str()));
        }
        for (path, type_) in types {
            if !BUILTIN_STEPS.contains(&type_) {
                let kind = DefinitionKind::WorkflowStep;
                resolve(cx, at, path, kind, type_, namespace, auto_update);
            }
        }
    }
}
