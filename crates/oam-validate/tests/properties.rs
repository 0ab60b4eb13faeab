//! Generated applications: validation never panics, and its output is deterministic and sorted
//! by source, document and position.

use oam_model::{LoadOptions, load_str};
use oam_validate::{Options, validate};
use proptest::prelude::*;
use serde_json::{Value, json};

const NAMES: [&str; 5] = ["web", "db", "api", "Bad_Name", "cache"];
const TRAITS: [(&str, &str); 5] = [
    ("core.oam.dev/v1alpha2", "ManualScalerTrait"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("networking.k8s.io/v1", "Ingress"),
    ("example.com/v1", "Unknown"),
    ("standard.oam.dev/v1alpha1", "Rollout"),
];
const TYPES: [&str; 5] = ["webservice", "worker", "cron-task", "k8s-objects", "nope"];
const TRAIT_TYPES: [&str; 5] = ["scaler", "hpa", "gateway", "sidecar", "mystery"];

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(NAMES.to_vec()).prop_map(str::to_owned)
}

fn v1alpha2() -> impl Strategy<Value = Vec<Value>> {
    let entry = (
        name(),
        prop::collection::vec(0..TRAITS.len(), 0..3),
        prop::option::of(name()),
        prop::option::of((
            name(),
            prop::sample::select(vec!["status.url", "spec[", "metadata.namespace"]),
        )),
    );
    (
        prop::collection::vec(name(), 0..4),
        prop::collection::vec(entry, 0..5),
    )
        .prop_map(|(components, entries)| {
            let mut docs: Vec<Value> = components
                .iter()
                .map(|c| {
                    json!({"apiVersion": "core.oam.dev/v1alpha2", "kind": "Component",
                           "metadata": {"name": c},
                           "spec": {"workload": {"apiVersion": "apps/v1", "kind": "Deployment"},
                                    "parameters": [{"name": "p", "fieldPaths": ["spec.replicas"]}]}})
                })
                .collect();
            let entries: Vec<Value> = entries
                .into_iter()
                .map(|(c, traits, output, input)| {
                    let traits: Vec<Value> = traits
                        .into_iter()
                        .map(|t| json!({"trait": {"apiVersion": TRAITS[t].0, "kind": TRAITS[t].1}}))
                        .collect();
                    json!({
                        "componentName": c,
                        "traits": traits,
                        "dataOutputs": output.map(|o| vec![json!({"name": o, "fieldPath": "status.x"})]).unwrap_or_default(),
                        "dataInputs": input.map(|(from, path)| vec![json!({"valueFrom": {"dataOutputName": from}, "toFieldPaths": [path]})]).unwrap_or_default(),
                        "parameterValues": [{"name": "p", "value": 2}],
                    })
                })
                .collect();
            docs.push(json!({"apiVersion": "core.oam.dev/v1alpha2", "kind": "ApplicationConfiguration",
                             "metadata": {"name": "app"}, "spec": {"components": entries}}));
            docs
        })
}

fn v1beta1() -> impl Strategy<Value = Vec<Value>> {
    let component = (
        name(),
        prop::sample::select(TYPES.to_vec()),
        prop::collection::vec(prop::sample::select(TRAIT_TYPES.to_vec()), 0..3),
        prop::collection::vec(name(), 0..2),
    );
    let step = (
        name(),
        prop::sample::select(vec!["1s", "1d", "10m", "x"]),
        prop::collection::vec(name(), 0..2),
    );
    (
        prop::collection::vec(component, 1..5),
        prop::collection::vec(step, 0..4),
    )
        .prop_map(|(components, steps)| {
            let components: Vec<Value> = components
                .into_iter()
                .map(|(n, t, traits, deps)| {
                    let traits: Vec<Value> = traits.into_iter().map(|t| json!({"type": t})).collect();
                    json!({"name": n, "type": t, "traits": traits, "dependsOn": deps,
                           "outputs": [{"name": format!("{n}-out"), "valueFrom": "output.status.x"}]})
                })
                .collect();
            let steps: Vec<Value> = steps
                .into_iter()
                .map(|(n, timeout, deps)| {
                    json!({"name": n, "type": "apply-component", "timeout": timeout, "dependsOn": deps,
                           "inputs": [{"from": "web-out", "parameterKey": "image"}]})
                })
                .collect();
            vec![json!({"apiVersion": "core.oam.dev/v1beta1", "kind": "Application",
                        "metadata": {"name": "app"},
                        "spec": {"components": components, "workflow": {"steps": steps}}})]
        })
}

fn check(docs: &[Value]) -> Result<(), TestCaseError> {
    let text = docs
        .iter()
        .map(|d| serde_json::to_string_pretty(d).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let report = load_str("generated.json", &text, &LoadOptions::default());
    let first = validate(&report, &Options::default());
    let second = validate(&report, &Options::default());
    prop_assert_eq!(&first, &second);
    for pair in first.windows(2) {
        prop_assert!(pair[0].sort_key() <= pair[1].sort_key(), "{:?}", pair);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]
    #[test]
    fn application_configurations_never_panic_and_are_deterministic(docs in v1alpha2()) {
        check(&docs)?;
    }

    #[test]
    fn applications_never_panic_and_are_deterministic(docs in v1beta1()) {
        check(&docs)?;
    }
}
