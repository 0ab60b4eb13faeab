//! The tenancy policy ([`crate::Tenancy`], safe by default): data inputs and parameters may not
//! write `apiVersion`, `kind`, `metadata.namespace` or `metadata.ownerReferences` (nor inside
//! them), and an embedded object's namespace, when set, must be the application's. A scope
//! reference cannot leave the application's namespace by construction: `scopeRef` has no
//! namespace field, and the loader reports one as an unknown field (OAM012).

use oam_model::v1alpha2::{ApplicationConfiguration, Component};
use oam_model::v1beta1::Application;
use oam_model::{FieldPath, RawObject};

use super::{At, Context, component_path};

fn protected<'a>(cx: &'a Context<'_>, path: &FieldPath) -> Option<&'a str> {
    cx.options
        .tenancy
        .protected_paths
        .iter()
        .map(String::as_str)
        .find(|p| {
            p.parse::<FieldPath>()
                .is_ok_and(|p| p.len() <= path.len() && p.segments() == &path.segments()[..p.len()])
        })
}

fn writes(cx: &mut Context<'_>, at: &At<'_>, text: &str, here: FieldPath, what: &str) {
    let Ok(path) = text.parse::<FieldPath>() else {
        return; // reported as OAM031
    };
    if let Some(rule) = protected(cx, &path) {
        cx.error(
            at,
            "OAM062",
            here,
            format!("{what} writes {text}, which the tenancy policy protects ({rule})"),
            "an application may not retarget or re-own its objects: write under spec instead",
        );
    }
}

fn namespace(
    cx: &mut Context<'_>,
    at: &At<'_>,
    object: &RawObject,
    app_ns: Option<&str>,
    here: FieldPath,
) {
    if !cx.options.tenancy.same_namespace {
        return;
    }
    let own = object
        .metadata
        .as_ref()
        .and_then(|m| m.namespace.as_deref());
    if let Some(own) = own
        && Some(own) != app_ns
    {
        cx.error(
            at,
            "OAM063",
            here.field("metadata").field("namespace"),
            format!(
                "the embedded object's namespace {own:?} is not the application's ({})",
                app_ns.map_or("unset".to_owned(), |n| format!("{n:?}"))
            ),
            "remove metadata.namespace: rendered objects go to the application's namespace",
        );
    }
}

pub(crate) fn application_configuration(
    cx: &mut Context<'_>,
    at: &At<'_>,
    app: &ApplicationConfiguration,
) {
    let ns = app.metadata.namespace.as_deref();
    for (i, entry) in app.spec.components.iter().enumerate() {
        let here = component_path(i);
        let mut sinks = vec![(here.clone(), entry.data_inputs.as_deref())];
        for (j, t) in entry.traits.iter().flatten().enumerate() {
            let tat = here.clone().field("traits").index(j);
            namespace(cx, at, &t.trait_, ns, tat.clone().field("trait"));
            sinks.push((tat, t.data_inputs.as_deref()));
        }
        for (sat, inputs) in sinks {
            for (k, input) in inputs.unwrap_or_default().iter().enumerate() {
                for (m, p) in input.to_field_paths.iter().flatten().enumerate() {
                    let path = sat
                        .clone()
                        .field("dataInputs")
                        .index(k)
                        .field("toFieldPaths")
                        .index(m);
                    writes(cx, at, p, path, "a data input");
                }
            }
        }
        if let Some(c) = entry
            .component_name
            .as_deref()
            .and_then(|n| cx.component(app.metadata.namespace.as_deref(), n))
        {
            for (j, v) in entry.parameter_values.iter().flatten().enumerate() {
                let Some(p) = c
                    .spec
                    .parameters
                    .iter()
                    .flatten()
                    .find(|p| p.name == v.name)
                else {
                    continue;
                };
                for f in &p.field_paths {
                    let path = here.clone().field("parameterValues").index(j);
                    writes(cx, at, f, path, &format!("parameter {:?}", v.name));
                }
            }
        }
    }
}

pub(crate) fn component(cx: &mut Context<'_>, at: &At<'_>, c: &Component) {
    let base = FieldPath::root().field("spec").field("workload");
    namespace(
        cx,
        at,
        &c.spec.workload,
        c.metadata.namespace.as_deref(),
        base,
    );
}

pub(crate) fn application(cx: &mut Context<'_>, at: &At<'_>, app: &Application) {
    let ns = app.metadata.namespace.as_deref();
    for (i, c) in app.spec.components.iter().enumerate() {
        // Only `k8s-objects` embeds whole objects; other types' properties are CUE parameters.
        if c.type_ != "k8s-objects" {
            continue;
        }
        let objects = c
            .properties
            .as_ref()
            .and_then(|p| p.get("objects"))
            .and_then(|o| o.as_array());
        for (k, object) in objects.into_iter().flatten().enumerate() {
            let Ok(raw) = serde_json::from_value::<RawObject>(object.clone()) else {
                continue;
            };
            let here = component_path(i)
                .field("properties")
                .field("objects")
                .index(k);
            namespace(cx, at, &raw, ns, here);
        }
        for (k, input) in c.inputs.iter().flatten().enumerate() {
            let Some(Ok(path)) = input
                .parameter_key
                .as_deref()
                .map(oam_graph::parameter_key_path)
            else {
                continue;
            };
            // properties.objects[n].<rest>: <rest> is a path inside an embedded object.
            let segments = path.segments();
            if segments.len() > 3 && segments[1] == oam_model::Segment::Field("objects".into()) {
                let mut inner = FieldPath::root();
                for s in &segments[3..] {
                    inner.push(s.clone());
                }
                let here = component_path(i)
                    .field("inputs")
                    .index(k)
                    .field("parameterKey");
                writes(cx, at, &inner.to_string(), here, "an input");
            }
        }
    }
}
