//! The exported JSON Schemas reject documents with wrong types, missing required fields and
//! values outside an enum (the conformance test shows they accept every valid document).

use serde_json::{Value, json};

fn validator(api_version: &str, kind: &str) -> jsonschema::Validator {
    let schema = oam_model::schema::schema_for(api_version, kind).expect("a typed kind");
    jsonschema::validator_for(schema.schema.as_value()).expect("a valid schema")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| e.instance_path().to_string())
        .collect()
}

#[test]
fn wrong_types_missing_fields_and_bad_enums_are_rejected() {
    let v = validator("core.oam.dev/v1alpha2", "ApplicationConfiguration");
    let good = json!({"apiVersion": "core.oam.dev/v1alpha2", "kind": "ApplicationConfiguration", "metadata": {"name": "a"},
        "spec": {"components": [{"componentName": "x", "parameterValues": [{"name": "n", "value": 3}],
                 "dataOutputs": [{"name": "o", "conditions": [{"op": "eq", "value": "Ready"}]}]}]}});
    assert!(errors(&v, &good).is_empty(), "{:?}", errors(&v, &good));

    let mut bad = good.clone();
    bad["spec"]["components"] = json!("x");
    assert_eq!(errors(&v, &bad), ["/spec/components"]);

    let mut bad = good.clone();
    bad["spec"]["components"][0]["dataOutputs"][0]["conditions"][0]["op"] = json!("gt");
    assert_eq!(
        errors(&v, &bad),
        ["/spec/components/0/dataOutputs/0/conditions/0/op"]
    );

    let mut bad = good.clone();
    bad["spec"]["components"][0]["parameterValues"][0]["value"] = json!(1.5);
    assert_eq!(
        errors(&v, &bad),
        ["/spec/components/0/parameterValues/0/value"]
    );

    let mut bad = good.clone();
    bad["kind"] = json!("Component");
    assert_eq!(errors(&v, &bad), ["/kind"]);

    let mut bad = good;
    bad.as_object_mut().unwrap().remove("spec");
    assert_eq!(errors(&v, &bad), [""]);

    let v = validator("core.oam.dev/v1beta1", "Application");
    let bad = json!({"apiVersion": "core.oam.dev/v1beta1", "kind": "Application",
        "spec": {"components": [{"name": "web", "type": 3}], "workflow": {"mode": {"steps": "Dag"}}}});
    // `workflow` is optional, so its schema is `anyOf: [Workflow, null]` and the failure inside
    // it is reported where the `anyOf` is.
    assert_eq!(
        errors(&v, &bad),
        ["/spec/components/0/type", "/spec/workflow"]
    );
}
