//! The planner's front door: the dependency engine (`oam-v1alpha2.md` §9,
//! `oam-v1beta1.md` §7) as a pure function of an application, its inputs and the observed
//! cluster state.
//!
//! For one pass, [`plan`] says which objects can be applied now (rendered: parameters applied,
//! data inputs injected, OAM labels, namespace, owner, workload references) and which are
//! blocked, with the runtime's `status.dependency.unsatisfied` entries and reason strings.
//!
//! The departures from the Go runtime are listed on [`plan`].

mod application;
mod error;
mod inject;
mod objects;
mod outcome;
mod pass;
mod readiness;
mod warning;

use std::collections::BTreeMap;

use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::{App, Inputs};
use serde_json::Value;

pub use application::parameter_key_path;
pub use error::{PlanError, PlanErrorKind};
pub use inject::InjectError;
pub use objects::{
    ANNOTATION_GENERATION, LABEL_APP_NAME, LABEL_COMPONENT, LABEL_RESOURCE_TYPE, LABEL_REVISION,
    trait_name,
};
pub use outcome::{Plan, PlanState, Planned, Unsatisfied};
pub use warning::{PlanWarning, PlanWarningKind};

use crate::graph::{Graph, NodeId};
use crate::observed::{ObjectKey, Observed};
use objects::Context;
use pass::Pass;

/// Plans one pass of an application of either generation against `observed`: what can be
/// applied now and what waits. Every error is reported, not only the first.
///
/// - An ApplicationConfiguration: its objects rendered (parameters applied, data inputs
///   injected, OAM labels, namespace, owner, workload references), each ready or blocked with
///   the runtime's `status.dependency.unsatisfied` entries.
/// - An Application (`oam-v1beta1.md` §7): each component waits for its `dependsOn` components
///   and for the components producing its `inputs`; once their workloads are observed, each
///   input's value is written at its `parameterKey` (see [`parameter_key_path`](crate::parameter_key_path)).
///
/// Deliberate departures from the Go runtime (`oam-v1alpha2.md` §19):
/// - the graph is checked first: an unknown or duplicate output name, a self-dependency or any
///   cycle stops planning with every problem listed (upstream waits forever);
/// - every unsatisfied input of an object is reported, not only the first (gating is the same);
/// - an output with neither `fieldPath` nor conditions orders only: it is ready once its source
///   exists and writes nothing (upstream writes `null`); a warning says so when it has targets;
/// - an array written over a non-array is an error naming the sink and path (upstream panics);
/// - a condition setting both `value` and `valueFrom` is an error (upstream ignores `valueFrom`);
/// - a trait without a name is named by [`trait_name`](crate::trait_name), not by a Go-only hash;
/// - two rendered objects with the same apiVersion, kind, namespace and name are an error;
/// - `inputStore` / `outputStore` (the jsonPatch extension) are not planned: each is a warning.
///
/// As upstream, a blocked workload does not block its traits: each object is judged only on its
/// own inputs; and a sink that does not exist yet passes its own (sink-side) conditions.
///
/// For an Application, oam-rs does not evaluate CUE, so a component is *done* when its workload
/// is observed (the object of the apiVersion and kind its ComponentDefinition declares, named
/// after the component, in the application's namespace), and an output is read when its
/// `valueFrom` is `output.<field path>` (`output.status.podIP`); any other expression keeps its
/// consumers waiting, with a warning.
///
/// # Errors
/// Graph problems (unknown or duplicate names, self-dependencies, every cycle), unresolvable
/// components, parameter errors, unreadable or unwritable paths, observe failures: everything
/// the runtime would fail its render on.
pub fn plan(
    app: App<'_>,
    inputs: &Inputs<'_>,
    observed: &dyn Observed,
) -> Result<Plan, Vec<PlanError>> {
    match app {
        App::Configuration(a) => plan_configuration(a, inputs, observed),
        App::Application(a) => application::plan_application(a, inputs.registry(), observed),
        // `App` may gain a generation; until then there is nothing else to plan.
        _ => Ok(Plan::default()),
    }
}

fn plan_configuration(
    app: &ApplicationConfiguration,
    inputs: &Inputs<'_>,
    observed: &dyn Observed,
) -> Result<Plan, Vec<PlanError>> {
    let graph = error::checked(Graph::from_application_configuration(app))?;
    let mut cx = Context {
        app,
        inputs,
        observed,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    // Pass 1: render every object (an input may name an output declared later).
    let mut objects: Vec<(String, Value)> = Vec::with_capacity(graph.nodes().len());
    for i in 0..app.spec.components.len() {
        if let Some(entry) = cx.render_entry(i) {
            objects.extend(
                entry
                    .objects
                    .into_iter()
                    .map(|o| (entry.component.clone(), o)),
            );
        }
    }
    if !cx.errors.is_empty() {
        return Err(cx.errors);
    }
    let keys = identify(&graph, &objects)?;
    let mut pass = Pass::new(
        app,
        &graph,
        &keys,
        observed,
        std::mem::take(&mut cx.warnings),
    );
    pass.decide_outputs();
    let sinks = pass.sinks();
    let mut planned = Vec::with_capacity(objects.len());
    for (node, ((component, object), inputs)) in objects.into_iter().zip(sinks).enumerate() {
        let state = pass.sink(node, object, inputs);
        planned.push(Planned {
            node: NodeId(node),
            component,
            key: Some(keys[node].clone()),
            state,
        });
    }
    let (errors, warnings) = pass.finish();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Plan {
        graph,
        objects: planned,
        warnings,
    })
}

/// The key of every rendered object; two objects with one key are an error.
fn identify(graph: &Graph, objects: &[(String, Value)]) -> Result<Vec<ObjectKey>, Vec<PlanError>> {
    let mut keys = Vec::with_capacity(objects.len());
    let mut seen: BTreeMap<ObjectKey, usize> = BTreeMap::new();
    let mut errors = Vec::new();
    for (node, (_, object)) in objects.iter().enumerate() {
        let key = ObjectKey::of(object).unwrap_or_else(|| ObjectKey {
            api_version: String::new(),
            kind: String::new(),
            namespace: None,
            name: String::new(),
        });
        if let Some(first) = seen.get(&key) {
            errors.push(PlanError {
                path: graph.nodes()[node].path.clone(),
                kind: PlanErrorKind::DuplicateObject {
                    key: Box::new(key.clone()),
                    first: graph.nodes()[*first].path.clone(),
                },
            });
        } else {
            seen.insert(key.clone(), node);
        }
        keys.push(key);
    }
    if errors.is_empty() {
        Ok(keys)
    } else {
        Err(errors)
    }
}
