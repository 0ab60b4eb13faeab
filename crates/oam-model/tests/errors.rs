//! Each error kind of the loader: its message, its object path and its line:column.

use oam_model::{
    Document, ErrorKind, LoadOptions, LoadReport, V1alpha2, V1beta1, load_bytes, load_str,
};

fn strict(text: &str) -> LoadReport {
    load_str("t.yaml", text, &LoadOptions::default())
}

/// (message, path, line, column) of the only error.
fn only_error(report: &LoadReport) -> (String, String, usize, usize) {
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let e = &report.errors[0];
    let p = e.location().position.expect("a position");
    (
        e.kind().to_string(),
        e.location().path.to_string(),
        p.line,
        p.column,
    )
}

const APPCONFIG: &str = "\
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata:
  name: shop
spec:
  components:
    - componentName: mysql
    - componentName: php
      trais:
        - trait: {apiVersion: core.oam.dev/v1alpha2, kind: ManualScalerTrait, spec: {replicaCount: 2}}
";

#[test]
fn unknown_field_is_an_error_with_path_position_and_suggestion() {
    let report = strict(APPCONFIG);
    assert_eq!(
        only_error(&report),
        (
            "unknown field `trais`, did you mean `traits`?".into(),
            "spec.components[1].trais".into(),
            9,
            7
        )
    );
    assert!(report.documents.is_empty());
    assert_eq!(
        report.errors[0].hint().unwrap(),
        "rename it to `traits`, or remove it"
    );
    assert_eq!(
        report.errors[0].to_string(),
        "t.yaml:9:7: unknown field `trais`, did you mean `traits`? (document 0, at spec.components[1].trais)"
    );
}

#[test]
fn lenient_mode_makes_unknown_fields_warnings() {
    let report = load_str("t.yaml", APPCONFIG, &LoadOptions::lenient());
    assert!(report.is_ok());
    let warnings: Vec<_> = report.warnings().collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings[0].location().path.to_string(),
        "spec.components[1].trais"
    );
}

#[test]
fn wrong_type_points_at_the_value() {
    let text = "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: c}\nspec:\n  workload: {apiVersion: apps/v1, kind: Deployment}\n  parameters:\n    - name: image\n      fieldPaths: spec.image\n";
    let (message, path, line, column) = only_error(&strict(text));
    assert_eq!(
        message,
        "invalid type: string \"spec.image\", expected a sequence"
    );
    assert_eq!(
        (path.as_str(), line, column),
        ("spec.parameters[0].fieldPaths", 8, 19)
    );
}

#[test]
fn missing_required_field_names_the_field_and_points_at_its_parent() {
    let text = "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: a}\nspec:\n  components:\n    - name: web\n      properties: {image: nginx}\n";
    let report = strict(text);
    let (message, path, line, column) = only_error(&report);
    assert_eq!(message, "missing field `type`");
    assert_eq!(
        (path.as_str(), line, column),
        ("spec.components[0].type", 6, 7)
    );
    assert_eq!(
        report.errors[0].hint().unwrap(),
        "add the required field `type`"
    );
}

#[test]
fn bad_enum_values_list_the_allowed_ones() {
    let text = "apiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {name: a}\nspec:\n  components:\n    - componentName: x\n      dataOutputs:\n        - name: o\n          conditions:\n            - {op: gt, value: x}\n";
    let (message, path, line, _) = only_error(&strict(text));
    assert_eq!(
        message,
        "unknown variant `gt`, expected one of `eq`, `notEq`, `notEmpty`"
    );
    assert_eq!(
        (path.as_str(), line),
        ("spec.components[0].dataOutputs[0].conditions[0].op", 10)
    );

    let text = "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: a}\nspec:\n  components: []\n  workflow:\n    mode: {steps: Dag}\n";
    let (message, path, _, _) = only_error(&strict(text));
    assert_eq!(
        message,
        "unknown variant `Dag`, expected `DAG` or `StepByStep`"
    );
    assert_eq!(path, "spec.workflow.mode.steps");
}

#[test]
fn malformed_yaml_and_duplicate_keys_are_located() {
    // The unclosed `[` of line 2 is detected where `c: 3` cannot continue the flow sequence.
    let (message, path, line, column) = only_error(&strict("a: 1\nb: [1, 2\nc: 3\n"));
    assert_eq!(
        (message.as_str(), path.as_str(), line, column),
        ("illegal placement of ':' indicator", "", 3, 2)
    );
    let (message, _, line, _) =
        only_error(&strict("apiVersion: v1\nkind: ConfigMap\nkind: Secret\n"));
    assert_eq!(message, "duplicate key `kind`, first at line 2, column 1");
    assert_eq!(line, 3);
}

#[test]
fn input_that_is_not_utf8_is_a_typed_error() {
    let report = load_bytes(
        "bad.yaml",
        b"apiVersion: v1\nkind: \xff\xfe\n".to_vec(),
        &LoadOptions::default(),
    );
    let (message, _, line, column) = only_error(&report);
    assert_eq!(
        message,
        "input is not valid UTF-8 (first invalid byte at offset 21)"
    );
    assert_eq!((line, column), (2, 7));
}

#[test]
fn kinds_and_versions_core_oam_dev_does_not_have_list_what_exists() {
    let (message, path, line, column) = only_error(&strict(
        "apiVersion: core.oam.dev/v1beta1\nkind: Component\nmetadata: {name: c}\n",
    ));
    assert!(
        message.starts_with("`core.oam.dev/v1beta1` has no kind `Component`; it has Application,"),
        "{message}"
    );
    assert!(message.contains("WorkflowStepDefinition"));
    assert_eq!((path.as_str(), line, column), ("kind", 2, 1));
    let (message, _, _, _) = only_error(&strict("apiVersion: core.oam.dev/v1\nkind: Component\n"));
    assert_eq!(
        message,
        "unknown apiVersion `core.oam.dev/v1`: core.oam.dev has core.oam.dev/v1alpha1, core.oam.dev/v1alpha2, core.oam.dev/v1beta1"
    );
}

#[test]
fn documents_need_to_be_objects_with_type_meta() {
    let (message, _, line, _) = only_error(&strict("---\n- a\n- b\n"));
    assert_eq!(
        (message.as_str(), line),
        (
            "a document must be a mapping (an object), found a sequence",
            2
        )
    );
    let (message, path, _, _) = only_error(&strict("kind: Component\n"));
    assert_eq!(
        (message.as_str(), path.as_str()),
        ("missing or non-string `apiVersion`", "apiVersion")
    );
}

#[test]
fn rudr_kinds_load_untyped_with_a_legacy_warning_and_the_stream_goes_on() {
    let text = "apiVersion: core.oam.dev/v1alpha1\nkind: ComponentSchematic\nmetadata: {name: old}\nspec: {workloadType: core.oam.dev/v1alpha1.Server}\n---\napiVersion: core.oam.dev/v1alpha1\nkind: Policy\nmetadata: {name: p}\ntype: topology\nproperties: {clusters: [local]}\n";
    let report = strict(text);
    assert!(report.is_ok(), "{:?}", report.errors);
    assert!(matches!(report.documents[0].value, Document::Legacy(_)));
    let w = &report.documents[0].warnings[0];
    assert!(matches!(w.kind(), ErrorKind::LegacyApi { kind } if kind == "ComponentSchematic"));
    assert_eq!(w.location().position.unwrap().line, 1);
    assert!(matches!(report.documents[1].value, Document::V1alpha1(_)));
}

#[test]
fn other_kubernetes_objects_load_raw() {
    let report = strict(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1, anything: [goes]}\n",
    );
    assert!(report.is_ok());
    assert!(
        matches!(&report.documents[0].value, Document::Raw(r) if r.rest["spec"]["anything"][0] == "goes")
    );
}

#[test]
fn problems_inside_embedded_typed_objects_are_located_warnings() {
    let text = "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\nspec:\n  workload:\n    apiVersion: core.oam.dev/v1alpha2\n    kind: ContainerizedWorkload\n    spec:\n      containers:\n        - name: web\n          image: nginx\n          ports:\n            - {name: http, containerPort: \"80\"}\n          imagePullPolicy: Always\n";
    let report = strict(text);
    assert!(
        report.is_ok(),
        "the Component itself is valid: {:?}",
        report.errors
    );
    let w: Vec<(String, usize)> = report
        .warnings()
        .map(|w| {
            (
                w.location().path.to_string(),
                w.location().position.unwrap().line,
            )
        })
        .collect();
    assert_eq!(
        w,
        [
            (
                "spec.workload.spec.containers[0].ports[0].containerPort".to_owned(),
                13
            ),
            (
                "spec.workload.spec.containers[0].imagePullPolicy".to_owned(),
                14
            ),
        ]
    );
}

#[test]
fn json_goes_through_serde_json_and_is_located_too() {
    let json = "{\n  \"apiVersion\": \"core.oam.dev/v1beta1\",\n  \"kind\": \"Application\",\n  \"metadata\": {\"name\": \"a\"},\n  \"spec\": {\"components\": [{\"name\": \"w\", \"type\": \"webservice\", \"dependsOn\": null, \"tarits\": []}]}\n}\n";
    let report = load_str("app.json", json, &LoadOptions::default());
    let (message, path, line, column) = only_error(&report);
    assert_eq!(message, "unknown field `tarits`, did you mean `traits`?");
    assert_eq!(
        (path.as_str(), line, column),
        ("spec.components[0].tarits", 5, 82)
    );
    let report = load_str(
        "app.json",
        "{\"apiVersion\": \"v1\",\n \"kind\" \"x\"}",
        &LoadOptions::default(),
    );
    let (message, _, line, column) = only_error(&report);
    assert_eq!((message.as_str(), line, column), ("expected `:`", 2, 9));
}

#[test]
fn nulls_and_go_empty_structs_mean_absent() {
    let json = r#"{"apiVersion": "core.oam.dev/v1alpha2", "kind": "ApplicationConfiguration", "metadata": {"name": "a"},
      "spec": {"components": [{"componentName": "x", "traits": null,
        "dataInputs": [{"valueFrom": {"dataOutputName": ""}, "inputStore": {"apiVersion": "", "kind": "", "name": ""}}]}]}}"#;
    let report = load_str("a.json", json, &LoadOptions::default());
    assert!(report.is_ok(), "{:?}", report.errors);
    let Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) = &report.documents[0].value
    else {
        panic!()
    };
    let c = &app.spec.components[0];
    assert_eq!(c.traits, None);
    let input = &c.data_inputs.as_ref().unwrap()[0];
    assert_eq!(
        (input.value_from.as_ref(), input.input_store.as_ref()),
        (None, None)
    );
    let written = oam_model::to_json_string(&report.documents[0].value).unwrap();
    assert!(
        !written.contains("dataOutputName") && !written.contains("inputStore"),
        "{written}"
    );
}

#[test]
fn int_or_string_rejects_floats_with_the_path() {
    let text = "apiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {name: a}\nspec:\n  components:\n    - componentName: x\n      parameterValues:\n        - {name: replicas, value: 2.5}\n";
    let (message, path, line, _) = only_error(&strict(text));
    assert!(
        message.contains("an integer in int32 range or a string"),
        "{message}"
    );
    assert_eq!(
        (path.as_str(), line),
        ("spec.components[0].parameterValues[0].value", 8)
    );
}

#[test]
fn billion_laughs_is_refused_with_a_limit_error() {
    let mut text = String::from(
        "apiVersion: v1\nkind: ConfigMap\nx0: &x0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..10 {
        text.push_str(&format!(
            "x{i}: &x{i} [{}]\n",
            vec![format!("*x{}", i - 1); 10].join(", ")
        ));
    }
    let report = strict(&text);
    assert!(
        matches!(report.errors[0].kind(), ErrorKind::Limit { .. }),
        "{:?}",
        report.errors
    );
    assert!(report.errors[0].location().position.is_some());
}

#[test]
fn a_large_real_stream_is_within_the_limits() {
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!("---\napiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {{name: c{i}}}\nspec:\n  workload: {{apiVersion: apps/v1, kind: Deployment, spec: {{replicas: 1}}}}\n"));
    }
    let report = strict(&text);
    assert!(report.is_ok(), "{:?}", report.errors.first());
    assert_eq!(report.documents.len(), 3000);
    assert_eq!(report.documents[2999].document, 2999);
}

#[test]
fn files_directories_and_readers() {
    let dir = std::env::temp_dir().join(format!("oam-model-test-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    std::fs::write(
        dir.join("b.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("nested/a.json"),
        "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"a\"}}",
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not loaded").unwrap();
    let report = oam_model::load_dir(&dir, &LoadOptions::default());
    let names: Vec<_> = report
        .documents
        .iter()
        .map(|d| d.value.name().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["b", "a"], "sorted by path: b.yaml < nested/a.json");
    let missing = oam_model::load_file(&dir.join("nope.yaml"), &LoadOptions::default());
    assert!(matches!(missing.errors[0].kind(), ErrorKind::Io { .. }));
    std::fs::remove_dir_all(&dir).unwrap();

    let report = oam_model::load_reader("<stdin>", &b"{\"apiVersion\": \"core.oam.dev/v1beta1\", \"kind\": \"Application\", \"spec\": {\"components\": []}}"[..], &LoadOptions::default());
    assert!(matches!(
        report.documents[0].value,
        Document::V1beta1(V1beta1::Application(_))
    ));
    assert_eq!(report.sources[0].format(), oam_model::Format::Json);
}
