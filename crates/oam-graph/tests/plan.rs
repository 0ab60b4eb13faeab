//! The planner: every semantic rule, reason string and departure from the Go runtime, the
//! PHP + MySQL example's two observed states, and no panic on arbitrary observed objects.

use oam_graph::{
    Inputs, ObservedObjects, Plan, PlanErrorKind, PlanState, PlanWarningKind, Planned, Unsatisfied,
    plan,
};
use oam_model::registry::Registry;
use oam_model::v1alpha2::ApplicationConfiguration;
use oam_model::{App, Document, LoadOptions, load_path, load_str};
use proptest::prelude::*;
use serde_json::{Value, json};

fn documents(yaml: &str) -> Vec<Document> {
    let report = load_str("t.yaml", yaml, &LoadOptions::default());
    assert!(report.is_ok(), "{:?}", report.errors);
    report.documents.into_iter().map(|d| d.value).collect()
}

fn app_of(docs: &[Document]) -> App<'_> {
    docs.iter()
        .find_map(|d| d.get::<ApplicationConfiguration>())
        .map(App::Configuration)
        .expect("an ApplicationConfiguration")
}

/// The name of a planned object.
fn name(o: &Planned) -> &str {
    o.key.as_ref().map_or("", |k| k.name.as_str())
}

fn observed(objects: &[Value]) -> ObservedObjects {
    let mut o = ObservedObjects::default();
    for v in objects {
        o.insert(v.clone()).unwrap();
    }
    o
}

fn run(yaml: &str, live: &[Value]) -> Result<Plan, Vec<oam_graph::PlanError>> {
    let docs = documents(yaml);
    let inputs = Inputs::from_documents(&docs);
    plan(app_of(&docs), &inputs, &observed(live))
}

fn ready<'a>(p: &'a Plan, name: &str) -> &'a Value {
    p.objects
        .iter()
        .find_map(|o| match &o.state {
            PlanState::Ready(v) if self::name(o) == name => Some(v),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{name} is not ready: {:#?}", p.objects))
}

fn reasons(p: &Plan, name: &str) -> Vec<String> {
    p.blocked()
        .filter(|(o, _)| self::name(o) == name)
        .flat_map(|(_, u)| u.iter().map(|u| u.reason().to_owned()))
        .collect()
}

const COMPONENTS: &str = "
apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata: {name: src}
spec:
  workload: {apiVersion: example.com/v1, kind: Foo, spec: {}}
---
apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata: {name: dst}
spec:
  workload: {apiVersion: example.com/v1, kind: Foo, spec: {list: [0], key: old}}
";

fn two(outputs: &str, inputs: &str) -> String {
    format!(
        "{COMPONENTS}---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {{name: app, namespace: ns, labels: {{state: Ready, team: a}}}}
spec:
  components:
    - componentName: src
      dataOutputs: {outputs}
    - componentName: dst
      dataInputs: {inputs}
"
    )
}

fn foo(name: &str, status: Value) -> Value {
    json!({"apiVersion": "example.com/v1", "kind": "Foo",
           "metadata": {"name": name, "namespace": "ns"}, "status": status})
}

#[test]
fn a_missing_source_blocks_with_the_runtime_status_shape() {
    let yaml = two(
        "[{name: o, fieldPath: status.key}]",
        "[{valueFrom: {dataOutputName: o}, toFieldPaths: [spec.key]}]",
    );
    let p = run(&yaml, &[]).unwrap();
    let status = serde_json::to_value(p.dependency_status().unwrap()).unwrap();
    assert_eq!(
        status,
        json!({"unsatisfied": [{
            "reason": "failed to get object (ns/src)",
            "from": {"apiVersion": "example.com/v1", "kind": "Foo", "name": "src", "fieldPath": "status.key"},
            "to": {"apiVersion": "example.com/v1", "kind": "Foo", "name": "dst", "fieldPaths": ["spec.key"]},
        }]})
    );
    // The source itself is ready to apply.
    assert_eq!(
        ready(&p, "src")["metadata"]["labels"]["app.oam.dev/resourceType"],
        "WORKLOAD"
    );
}

#[test]
fn a_fixture_built_in_rust_is_the_document_its_yaml_loads_to_and_plans_the_same() {
    use oam_model::ObjectMeta;
    use oam_model::v1alpha2::{
        ApplicationConfigurationComponent as Entry, ApplicationConfigurationSpec, DataInput,
        DataInputValueFrom, DataOutput,
    };
    let yaml = two(
        "[{name: o, fieldPath: status.key}]",
        "[{valueFrom: {dataOutputName: o}, toFieldPaths: [spec.key]}]",
    );
    let built = ApplicationConfiguration::builder()
        .metadata(
            ObjectMeta::named("app")
                .in_namespace("ns")
                .with_label("state", "Ready")
                .with_label("team", "a"),
        )
        .spec(
            ApplicationConfigurationSpec::builder()
                .components([
                    Entry::builder()
                        .component_name("src")
                        .data_outputs([DataOutput::builder()
                            .name("o")
                            .field_path("status.key")
                            .build()])
                        .build(),
                    Entry::builder()
                        .component_name("dst")
                        .data_inputs([DataInput::builder()
                            .value_from(DataInputValueFrom::builder().data_output_name("o").build())
                            .to_field_paths(["spec.key"])
                            .build()])
                        .build(),
                ])
                .build(),
        )
        .build();
    let docs = documents(&yaml);
    let App::Configuration(loaded) = app_of(&docs) else {
        unreachable!()
    };
    assert_eq!(&built, loaded);
    let inputs = Inputs::from_documents(&docs);
    let live = observed(&[foo("src", json!({"key": "new"}))]);
    assert_eq!(
        plan(App::Configuration(&built), &inputs, &live),
        plan(app_of(&docs), &inputs, &live)
    );
}

#[test]
fn a_ready_value_replaces_and_an_array_appends_to_the_template() {
    let yaml = two(
        "[{name: key, fieldPath: status.key}, {name: list, fieldPath: status.list}]",
        "[{valueFrom: {dataOutputName: key}, toFieldPaths: [spec.key, spec.deep.key]},
          {valueFrom: {dataOutputName: list}, toFieldPaths: [spec.list]}]",
    );
    let p = run(&yaml, &[foo("src", json!({"key": "new", "list": [1, 2]}))]).unwrap();
    let dst = ready(&p, "dst");
    assert_eq!(
        dst["spec"],
        json!({"key": "new", "deep": {"key": "new"}, "list": [0, 1, 2]})
    );
    assert!(p.dependency_status().is_none());
}

#[test]
fn every_unsatisfied_input_is_reported_not_only_the_first() {
    let yaml = two(
        "[{name: a, fieldPath: status.a}, {name: b, fieldPath: status.b}]",
        "[{valueFrom: {dataOutputName: a}, toFieldPaths: [spec.a]},
          {valueFrom: {dataOutputName: b}, toFieldPaths: [spec.b]}]",
    );
    let p = run(&yaml, &[foo("src", json!({"b": ""}))]).unwrap();
    assert_eq!(
        reasons(&p, "dst"),
        ["status.a not found in object", "value should not be empty"]
    );
}

#[test]
fn conditions_use_values_from_the_application_configuration() {
    let yaml = two(
        "[{name: o, fieldPath: status.key, conditions: [{op: eq, fieldPath: status.state, valueFrom: {fieldPath: 'metadata.labels[state]'}}]}]",
        "[{valueFrom: {dataOutputName: o}, toFieldPaths: [spec.key]}]",
    );
    let pending = run(
        &yaml,
        &[foo("src", json!({"key": "k", "state": "Pending"}))],
    )
    .unwrap();
    assert_eq!(
        reasons(&pending, "dst"),
        ["got(Pending) expected to be Ready"]
    );
    let done = run(&yaml, &[foo("src", json!({"key": "k", "state": "Ready"}))]).unwrap();
    assert_eq!(ready(&done, "dst")["spec"]["key"], "k");
}

#[test]
fn sink_conditions_gate_updates_but_never_creation() {
    let yaml = two(
        "[{name: o, fieldPath: status.key}]",
        "[{valueFrom: {dataOutputName: o}, toFieldPaths: [spec.key], conditions: [{op: eq, fieldPath: status.phase, value: Idle}]}]",
    );
    let src = foo("src", json!({"key": "k"}));
    let created = run(&yaml, std::slice::from_ref(&src)).unwrap();
    assert_eq!(ready(&created, "dst")["spec"]["key"], "k");
    let busy = run(&yaml, &[src.clone(), foo("dst", json!({"phase": "Busy"}))]).unwrap();
    assert_eq!(
        reasons(&busy, "dst"),
        ["DataInputs Conditions: got(Busy) expected to be Idle"]
    );
    let idle = run(&yaml, &[src, foo("dst", json!({"phase": "Idle"}))]).unwrap();
    assert_eq!(ready(&idle, "dst")["spec"]["key"], "k");
}

#[test]
fn an_output_without_path_or_conditions_only_orders_and_warns_about_its_targets() {
    let yaml = two(
        "[{name: o}]",
        "[{valueFrom: {dataOutputName: o}, toFieldPaths: [spec.key]}]",
    );
    assert_eq!(
        reasons(&run(&yaml, &[]).unwrap(), "dst"),
        ["failed to get object (ns/src)"]
    );
    let p = run(&yaml, &[foo("src", json!({}))]).unwrap();
    // Upstream writes null here; oam-rs writes nothing.
    assert_eq!(ready(&p, "dst")["spec"]["key"], "old");
    assert!(matches!(
        &p.warnings[0].kind,
        PlanWarningKind::OrderingOnly { output } if output == "o"
    ));
    assert_eq!(
        p.warnings[0].path.to_string(),
        "spec.components[1].dataInputs[0]"
    );
}

#[test]
fn an_array_into_a_non_array_is_a_located_error_not_a_panic() {
    let yaml = two(
        "[{name: o, fieldPath: status.list}]",
        "[{valueFrom: {dataOutputName: o}, toFieldPaths: [spec.key]}]",
    );
    let errors = run(&yaml, &[foo("src", json!({"list": [1]}))]).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind.code(), "OAM033");
    assert_eq!(
        errors[0].path.to_string(),
        "spec.components[1].dataInputs[0].toFieldPaths[0]"
    );
    assert_eq!(
        errors[0].kind.to_string(),
        "cannot write data input into ns/dst at spec.key: cannot append an array to spec.key: it holds a string, not an array"
    );
}

#[test]
fn a_condition_with_both_value_and_value_from_is_an_error() {
    let yaml = two(
        "[{name: o, fieldPath: status.key, conditions: [{op: eq, fieldPath: status.s, value: x, valueFrom: {fieldPath: metadata.name}}]}]",
        "[{valueFrom: {dataOutputName: o}, toFieldPaths: [spec.key]}]",
    );
    let errors = run(&yaml, &[foo("src", json!({"key": "k", "s": "x"}))]).unwrap_err();
    assert_eq!(errors[0].kind, PlanErrorKind::ValueAndValueFrom);
}

#[test]
fn graph_errors_stop_planning_with_every_problem() {
    let yaml = two(
        "[{name: o, fieldPath: status.key}, {name: o, fieldPath: status.x}]",
        "[{valueFrom: {dataOutputName: nope}, toFieldPaths: [spec.key]}]",
    );
    let errors = run(&yaml, &[]).unwrap_err();
    let codes: Vec<&str> = errors.iter().map(|e| e.kind.code()).collect();
    assert_eq!(codes, ["OAM021", "OAM020"]);
}

const TRAITS: &str = "
apiVersion: core.oam.dev/v1alpha2
kind: TraitDefinition
metadata: {name: scalers.example.com}
spec:
  definitionRef: {name: scalers.example.com}
  workloadRefPath: spec.target
---
apiVersion: core.oam.dev/v1alpha2
kind: TraitDefinition
metadata: {name: rollouts.example.com}
spec:
  definitionRef: {name: rollouts.example.com}
  revisionEnabled: true
---
apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata: {name: web, labels: {ignored: yes}}
spec:
  workload: {apiVersion: apps/v1, kind: Deployment, metadata: {labels: {own: kept, app.oam.dev/name: overwritten}}}
status:
  latestRevision: {name: web-v3, revision: 3}
";

#[test]
fn traits_are_named_labelled_and_given_their_workload_reference() {
    let yaml = format!(
        "{TRAITS}---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {{name: app, namespace: ns, uid: u-1, generation: 4, labels: {{team: a, own: app}}, annotations: {{note: n}}}}
spec:
  components:
    - componentName: web
      traits:
        - trait: {{apiVersion: example.com/v1, kind: Scaler, spec: {{replicas: 2}}}}
        - trait: {{apiVersion: example.com/v1, kind: Scaler, spec: {{replicas: 3}}}}
        - trait: {{apiVersion: example.com/v1, kind: Unknown, metadata: {{name: chosen}}}}
"
    );
    let p = run(&yaml, &[]).unwrap();
    let names: Vec<&str> = p.objects.iter().map(name).collect();
    let a = oam_graph::trait_name("web", "scalers.example.com", 0);
    let b = oam_graph::trait_name("web", "scalers.example.com", 1);
    assert_eq!(names, ["web", a.as_str(), b.as_str(), "chosen"]);
    assert_ne!(a, b);
    let scaler = ready(&p, &a);
    assert_eq!(
        scaler["spec"]["target"],
        json!({"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"})
    );
    let labels = &scaler["metadata"]["labels"];
    assert_eq!(labels["app.oam.dev/resourceType"], "TRAIT");
    assert_eq!(labels["app.oam.dev/revision"], "web-v3");
    let web = ready(&p, "web");
    let meta = &web["metadata"];
    // OAM labels win over the workload's own; the app's pass through only where absent.
    assert_eq!(meta["labels"]["app.oam.dev/name"], "app");
    assert_eq!(meta["labels"]["own"], "kept");
    assert_eq!(meta["labels"]["team"], "a");
    assert_eq!(
        meta["annotations"],
        json!({"app.oam.dev/generation": "4", "note": "n"})
    );
    assert_eq!(meta["namespace"], "ns");
    assert_eq!(meta["ownerReferences"][0]["uid"], "u-1");
    assert_eq!(meta["ownerReferences"][0]["controller"], true);
    // A trait without a definition gets no workload reference, and a warning says so.
    assert!(ready(&p, "chosen").get("spec").is_none());
    assert!(p.warnings.iter().any(|w| matches!(
        &w.kind, PlanWarningKind::NoTraitDefinition { name } if name == "unknowns.example.com"
    )));
}

#[test]
fn a_revision_enabled_trait_names_the_workload_after_the_revision() {
    let yaml = format!(
        "{TRAITS}---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {{name: app, namespace: ns}}
spec:
  components:
    - componentName: web
      traits:
        - trait: {{apiVersion: example.com/v1, kind: Rollout}}
"
    );
    let p = run(&yaml, &[]).unwrap();
    assert_eq!(name(&p.objects[0]), "web-v3");
    let pinned = yaml.replace("componentName: web", "revisionName: web-v2");
    let errors = run(&pinned, &[]).unwrap_err();
    assert_eq!(errors[0].kind.code(), "OAM026");
    assert_eq!(
        errors[0].path.to_string(),
        "spec.components[0].revisionName"
    );
}

#[test]
fn a_blocked_workload_does_not_block_its_traits() {
    let yaml = format!(
        "{COMPONENTS}---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {{name: app, namespace: ns}}
spec:
  components:
    - componentName: src
      dataOutputs: [{{name: o, fieldPath: status.key}}]
    - componentName: dst
      dataInputs: [{{valueFrom: {{dataOutputName: o}}, toFieldPaths: [spec.key]}}]
      traits:
        - trait: {{apiVersion: example.com/v1, kind: Side, metadata: {{name: side}}}}
"
    );
    let p = run(&yaml, &[]).unwrap();
    assert_eq!(reasons(&p, "dst").len(), 1);
    ready(&p, "side");
}

#[test]
fn unknown_components_and_duplicate_objects_are_errors() {
    let yaml = format!(
        "{COMPONENTS}---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {{name: app, namespace: ns}}
spec:
  components:
    - componentName: sr
    - componentName: src
      traits:
        - trait: {{apiVersion: example.com/v1, kind: Foo, metadata: {{name: src}}}}
"
    );
    let errors = run(&yaml, &[]).unwrap_err();
    assert_eq!(
        errors[0].kind.to_string(),
        "no Component named \"sr\", did you mean \"src\"?"
    );
    let fixed = yaml.replace("componentName: sr\n", "componentName: dst\n");
    let errors = run(&fixed, &[]).unwrap_err();
    assert_eq!(errors[0].kind.code(), "OAM036");
    assert_eq!(errors[0].path.to_string(), "spec.components[1].traits[0]");
}

fn example(state: Option<&str>) -> Plan {
    let root =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/apps/php-mysql");
    let mut docs = Vec::new();
    for file in ["appconfig.yaml", "components.yaml", "definitions.yaml"] {
        let report = load_path(&root.join(file), &LoadOptions::default());
        assert!(report.is_ok(), "{:?}", report.errors);
        docs.extend(report.documents.into_iter().map(|d| d.value));
    }
    let mut live = ObservedObjects::default();
    if let Some(state) = state {
        let report = load_path(&root.join("observed").join(state), &LoadOptions::default());
        for d in report.documents {
            live.insert(serde_json::to_value(&d.value).unwrap())
                .unwrap();
        }
    }
    let inputs = Inputs::from_documents(&docs);
    plan(app_of(&docs), &inputs, &live).unwrap()
}

#[test]
fn the_php_mysql_example_waits_for_mysql_then_gets_its_secret_name() {
    let nothing = example(None);
    assert_eq!(
        reasons(&nothing, "php"),
        ["failed to get object (shop/mysql)"]
    );
    let provisioning = example(Some("mysql-provisioning.yaml"));
    assert_eq!(
        reasons(&provisioning, "php"),
        ["status.connectionSecret not found in object"]
    );
    assert_eq!(provisioning.ready().count(), 2, "mysql and php's scaler");
    let ready_state = example(Some("mysql-ready.yaml"));
    assert!(ready_state.dependency_status().is_none());
    let php = ready(&ready_state, "php");
    let env = &php["spec"]["template"]["spec"]["containers"][0]["env"];
    // The secret's name is injected, never a secret value.
    assert_eq!(
        env,
        &json!([
            {"name": "DB_USER", "valueFrom": {"secretKeyRef": {"key": "username", "name": "mysql-conn"}}},
            {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"key": "password", "name": "mysql-conn"}}},
        ])
    );
    let mysql = ready(&ready_state, "mysql");
    assert_eq!(mysql["spec"]["storageGB"], 50, "the parameter is applied");
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "[a-zA-Z]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("(key|list|state|phase|[a-z]{1,4})", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_planner_never_panics_on_arbitrary_observed_objects(
        src_status in arbitrary_json(),
        dst_status in arbitrary_json(),
        dst_spec in arbitrary_json(),
    ) {
        let yaml = two(
            "[{name: key, fieldPath: status.key, conditions: [{op: notEmpty, fieldPath: status.state}]},
              {name: list, fieldPath: 'status.list[0]'}, {name: whole, fieldPath: status}]",
            "[{valueFrom: {dataOutputName: key}, toFieldPaths: [spec.key], conditions: [{op: eq, fieldPath: status.phase, value: x}]},
              {valueFrom: {dataOutputName: list}, toFieldPaths: ['spec.list'], strategyMergeKeys: [key]},
              {valueFrom: {dataOutputName: whole}, toFieldPaths: [spec.whole]}]",
        );
        let mut dst = foo("dst", dst_status);
        dst["spec"] = dst_spec;
        let live = [foo("src", src_status), dst];
        let first = run(&yaml, &live);
        // Deterministic: the same state gives the same plan or the same errors.
        prop_assert_eq!(first, run(&yaml, &live));
    }
}

const SHOP: &str = "
apiVersion: core.oam.dev/v1beta1
kind: ComponentDefinition
metadata: {name: db}
spec:
  workload:
    definition: {apiVersion: example.com/v1, kind: Database}
---
apiVersion: core.oam.dev/v1beta1
kind: Application
metadata: {name: shop, namespace: ns}
spec:
  components:
    - name: db
      type: db
      outputs:
        - {name: secret, valueFrom: output.status.secret}
        - {name: hosts, valueFrom: output.status.hosts}
        - {name: cue, valueFrom: 'output.status.a + output.status.b'}
    - name: web
      type: webservice
      dependsOn: [db]
      inputs:
        - {from: secret, parameterKey: ' dbSecret '}
        - {from: hosts, parameterKey: 'traits[0].properties.hosts'}
      properties: {image: nginx}
      traits:
        - {type: gateway, properties: {hosts: [old]}}
";

fn shop(live: &[Value]) -> Plan {
    plan_yaml(SHOP, live)
}

fn plan_yaml(yaml: &str, live: &[Value]) -> Plan {
    let docs = documents(yaml);
    // Only the documents' own definitions: the catalog's types would be observable.
    let registry = Registry::from_documents(&docs);
    let app = docs
        .last()
        .and_then(Document::as_app)
        .expect("an Application");
    assert_eq!(app.kind(), "Application");
    plan(app, &Inputs::new(&registry), &observed(live)).unwrap()
}

#[test]
fn an_application_component_waits_for_depends_on_and_inputs_with_the_engines_reasons() {
    let p = shop(&[]);
    assert_eq!(
        p.objects[0].state,
        PlanState::Ready(json!({"name": "db", "type": "db"}))
    );
    assert_eq!(
        p.objects[1].state,
        PlanState::Blocked(vec![
            Unsatisfied::Pending("Pending on DependsOn: db".into()),
            Unsatisfied::Pending("Pending on Input: secret".into()),
            Unsatisfied::Pending("Pending on Input: hosts".into()),
        ])
    );
    assert_eq!(
        (p.objects[1].component.as_str(), p.objects[1].key.as_ref()),
        ("web", None),
        "web's type is unknown here, so its workload has no key"
    );
    let db = p.objects[0]
        .key
        .as_ref()
        .expect("db's type declares its workload");
    assert_eq!(db.to_string(), "example.com/v1 Database ns/db");
    assert_eq!(
        p.dependency_status(),
        None,
        "the workflow reports an Application's waiting"
    );
    // The CUE expression is not evaluated, and says so.
    assert!(matches!(
        &p.warnings[0].kind,
        PlanWarningKind::OutputExpression { value_from } if value_from.contains('+')
    ));
    assert_eq!(
        p.warnings[0].path.to_string(),
        "spec.components[0].outputs[2].valueFrom"
    );
    assert_eq!(
        p.warnings.len(),
        1,
        "web's type is unknown here, but nothing waits for web"
    );
}

#[test]
fn a_component_whose_workload_cannot_be_located_says_so() {
    let p = plan_yaml(&SHOP.replace("type: db\n", "type: mystery\n"), &[]);
    assert!(matches!(
        &p.warnings[0].kind,
        PlanWarningKind::UnobservableWorkload { component } if component == "db"
    ));
    assert_eq!(p.warnings[0].path.to_string(), "spec.components[0].type");
}

#[test]
fn inputs_are_written_at_the_rewritten_parameter_key() {
    let db = json!({"apiVersion": "example.com/v1", "kind": "Database",
                    "metadata": {"name": "db", "namespace": "ns"},
                    "status": {"secret": "db-conn", "hosts": ["a", "b"]}});
    let p = shop(&[db]);
    let PlanState::Ready(web) = &p.objects[1].state else {
        panic!("{:?}", p.objects[1])
    };
    assert_eq!(
        web["properties"],
        json!({"image": "nginx", "dbSecret": "db-conn"})
    );
    // A parameter is set, not appended to.
    assert_eq!(web["traits"][0]["properties"]["hosts"], json!(["a", "b"]));
    assert!(web.get("inputs").is_none() && web.get("dependsOn").is_none());
}

fn arbitrary_app() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec!["src", "dst", "missing"]);
    let outputs = prop::sample::select(vec!["a", "b"]);
    let paths = prop::sample::select(vec!["status.key", "status.list", "spec[", "", "status"]);
    let entry = (
        names,
        prop::option::of((outputs.clone(), paths.clone())),
        prop::option::of((outputs, paths)),
        prop::collection::vec(prop::sample::select(vec!["Side", "", "Foo"]), 0..3),
    );
    prop::collection::vec(entry, 0..4).prop_map(|entries| {
        let mut yaml = format!(
            "{COMPONENTS}---\napiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {{name: app, namespace: ns}}\nspec:\n  components:\n"
        );
        if entries.is_empty() {
            yaml.push_str("    []\n");
        }
        for (name, output, input, traits) in entries {
            yaml.push_str(&format!("    - componentName: {name}\n"));
            if let Some((o, p)) = output {
                yaml.push_str(&format!("      dataOutputs: [{{name: {o}, fieldPath: '{p}'}}]\n"));
            }
            if let Some((o, p)) = input {
                yaml.push_str(&format!(
                    "      dataInputs: [{{valueFrom: {{dataOutputName: {o}}}, toFieldPaths: ['{p}']}}]\n"
                ));
            }
            if !traits.is_empty() {
                yaml.push_str("      traits:\n");
                for kind in traits {
                    if kind.is_empty() {
                        yaml.push_str("        - trait: {spec: {}}\n");
                    } else {
                        yaml.push_str(&format!(
                            "        - trait: {{apiVersion: example.com/v1, kind: {kind}}}\n"
                        ));
                    }
                }
            }
        }
        yaml
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_planner_never_panics_on_arbitrary_applications(
        yaml in arbitrary_app(),
        src_status in arbitrary_json(),
    ) {
        let report = load_str("a.yaml", &yaml, &LoadOptions::default());
        prop_assume!(report.is_ok());
        let docs: Vec<Document> = report.documents.into_iter().map(|d| d.value).collect();
        let inputs = Inputs::from_documents(&docs);
        let live = observed(&[foo("src", src_status)]);
        let first = plan(app_of(&docs), &inputs, &live);
        prop_assert_eq!(first, plan(app_of(&docs), &inputs, &live));
    }
}

#[test]
fn a_component_of_another_namespace_is_not_planned_and_the_error_names_both_namespaces() {
    let yaml = "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web, namespace: team-a}\nspec:\n  workload: {apiVersion: apps/v1, kind: Deployment}\n---\napiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {name: app, namespace: team-b}\nspec:\n  components:\n    - componentName: web\n";
    let errors = run(yaml, &[]).unwrap_err();
    assert_eq!(
        errors[0].kind,
        PlanErrorKind::ComponentInOtherNamespace {
            name: "web".into(),
            namespace: "team-b".into(),
            theirs: "team-a".into(),
        }
    );
    assert_eq!(errors[0].kind.code(), "OAM025");
    // Without a namespace of its own the application finds it, as kubectl -n would place it.
    let unnamespaced = yaml.replace(
        "metadata: {name: app, namespace: team-b}",
        "metadata: {name: app}",
    );
    assert_eq!(run(&unnamespaced, &[]).unwrap().ready().count(), 1);
}
