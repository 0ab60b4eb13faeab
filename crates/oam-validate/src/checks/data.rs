//! Data and dependencies: everything `oam-graph` reports (unknown or duplicate output names,
//! unknown `dependsOn`, self-dependencies, every cycle), field paths that do not parse, and
//! conditions that set both `value` and `valueFrom`.

use oam_graph::{Graph, GraphError, PlanErrorKind};
use oam_model::v1alpha2::{ApplicationConfiguration, ConditionRequirement, DataInput, DataOutput};
use oam_model::v1beta1::{Application, ApplicationComponent};
use oam_model::{FieldPath, Segment};

use super::{At, Context, component_path};

fn graph_errors(cx: &mut Context<'_>, at: &At<'_>, graph: &Graph, errors: Vec<GraphError>) {
    for e in errors.into_iter().chain(oam_graph::cycle_errors(graph)) {
        cx.error(at, e.kind.code(), e.path, e.kind.to_string(), e.kind.hint());
    }
}

fn path(cx: &mut Context<'_>, at: &At<'_>, text: Option<&str>, at_path: FieldPath) {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return;
    };
    if let Err(source) = text.parse::<FieldPath>() {
        let kind = PlanErrorKind::InvalidFieldPath {
            path: text.to_owned(),
            source,
        };
        cx.plan_error(at, at_path, &kind);
    }
}

fn conditions(
    cx: &mut Context<'_>,
    at: &At<'_>,
    list: Option<&[ConditionRequirement]>,
    here: &FieldPath,
) {
    for (k, c) in list.unwrap_or_default().iter().enumerate() {
        let cat = here.clone().field("conditions").index(k);
        path(
            cx,
            at,
            c.field_path.as_deref(),
            cat.clone().field("fieldPath"),
        );
        if let Some(from) = &c.value_from {
            path(
                cx,
                at,
                Some(&from.field_path),
                cat.clone().field("valueFrom").field("fieldPath"),
            );
        }
        if c.value.is_some() && c.value_from.is_some() {
            cx.plan_error(
                at,
                cat.field("valueFrom"),
                &PlanErrorKind::ValueAndValueFrom,
            );
        }
    }
}

fn outputs_and_inputs(
    cx: &mut Context<'_>,
    at: &At<'_>,
    here: &FieldPath,
    outputs: Option<&[DataOutput]>,
    inputs: Option<&[DataInput]>,
) {
    for (k, o) in outputs.unwrap_or_default().iter().enumerate() {
        let oat = here.clone().field("dataOutputs").index(k);
        path(
            cx,
            at,
            o.field_path.as_deref(),
            oat.clone().field("fieldPath"),
        );
        conditions(cx, at, o.conditions.as_deref(), &oat);
    }
    for (k, input) in inputs.unwrap_or_default().iter().enumerate() {
        let iat = here.clone().field("dataInputs").index(k);
        for (m, p) in input.to_field_paths.iter().flatten().enumerate() {
            path(cx, at, Some(p), iat.clone().field("toFieldPaths").index(m));
        }
        for (m, p) in input.strategy_merge_keys.iter().flatten().enumerate() {
            path(
                cx,
                at,
                Some(p),
                iat.clone().field("strategyMergeKeys").index(m),
            );
        }
        conditions(cx, at, input.conditions.as_deref(), &iat);
    }
}

pub(crate) fn application_configuration(
    cx: &mut Context<'_>,
    at: &At<'_>,
    app: &ApplicationConfiguration,
) {
    let (graph, errors) = Graph::from_application_configuration(app);
    graph_errors(cx, at, &graph, errors);
    for (i, entry) in app.spec.components.iter().enumerate() {
        let here = component_path(i);
        outputs_and_inputs(
            cx,
            at,
            &here,
            entry.data_outputs.as_deref(),
            entry.data_inputs.as_deref(),
        );
        for (j, t) in entry.traits.iter().flatten().enumerate() {
            let tat = here.clone().field("traits").index(j);
            outputs_and_inputs(
                cx,
                at,
                &tat,
                t.data_outputs.as_deref(),
                t.data_inputs.as_deref(),
            );
        }
    }
}

pub(crate) fn application(cx: &mut Context<'_>, at: &At<'_>, app: &Application) {
    let (graph, errors) = Graph::from_application(app);
    graph_errors(cx, at, &graph, errors);
    for (i, c) in app.spec.components.iter().enumerate() {
        for (k, input) in c.inputs.iter().flatten().enumerate() {
            let Some(key) = input
                .parameter_key
                .as_deref()
                .filter(|k| !k.trim().is_empty())
            else {
                continue;
            };
            let kat = component_path(i)
                .field("inputs")
                .index(k)
                .field("parameterKey");
            match oam_graph::parameter_key_path(key) {
                Err(e) => cx.error(
                    at,
                    "OAM031",
                    kat,
                    format!("invalid parameterKey {key:?}: {e}"),
                    "write a field path such as image or traits[0].properties.replicas",
                ),
                Ok(path) => missing_trait(cx, at, kat, &path, c),
            }
        }
    }
}

/// An input keyed `traits[<n>]…` writes into the component's n-th trait: one it does not have
/// would be a trait with no type, which the application then fails to render.
fn missing_trait(
    cx: &mut Context<'_>,
    at: &At<'_>,
    path: FieldPath,
    key: &FieldPath,
    c: &ApplicationComponent,
) {
    let [Segment::Field(first), Segment::Index(n), ..] = key.segments() else {
        return;
    };
    let count = c.traits.as_ref().map_or(0, Vec::len);
    if first == "traits" && *n >= count {
        let has = match count {
            0 => "no traits".to_owned(),
            1 => "one trait (traits[0])".to_owned(),
            n => format!("{n} traits (traits[0] to traits[{}])", n - 1),
        };
        cx.error(
            at,
            "OAM033",
            path,
            format!(
                "the input writes into traits[{n}], but component {:?} has {has}",
                c.name
            ),
            "point parameterKey at one of the component's traits, or add the trait",
        );
    }
}
