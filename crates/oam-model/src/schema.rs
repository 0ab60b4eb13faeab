//! JSON Schema (draft 2020-12) export of every top-level kind, so other languages get the same
//! model. Descriptions come from the doc comments; unknown fields are allowed by the schemas (the
//! loader reports them), wrong types and missing required fields are not.

use schemars::{JsonSchema, Schema, generate::SchemaSettings};
use serde_json::{Value, json};

use crate::meta::Resource;
use crate::{v1alpha1, v1alpha2, v1beta1};

/// The schema of one kind.
#[derive(Clone, Debug, PartialEq)]
pub struct KindSchema {
    /// The kind's apiVersion.
    pub api_version: &'static str,
    /// The kind.
    pub kind: &'static str,
    /// The JSON Schema 2020-12 document.
    pub schema: Schema,
}

impl KindSchema {
    /// The file name `<group>_<version>_<kind>.json`, kind in lowercase
    /// (`core.oam.dev_v1alpha2_component.json`).
    #[must_use]
    pub fn file_name(&self) -> String {
        format!(
            "{}_{}.json",
            self.api_version.replace('/', "_"),
            self.kind.to_ascii_lowercase()
        )
    }
}

fn schema_of<T: Resource + JsonSchema>() -> KindSchema {
    let generator = SchemaSettings::draft2020_12().into_generator();
    KindSchema {
        api_version: T::API_VERSION,
        kind: T::KIND,
        schema: generator.into_root_schema_for::<T>(),
    }
}

/// The schemas of every typed kind, in a fixed order.
#[must_use]
pub fn schemas() -> Vec<KindSchema> {
    vec![
        schema_of::<v1alpha1::Policy>(),
        schema_of::<v1alpha1::Workflow>(),
        schema_of::<v1alpha2::ApplicationConfiguration>(),
        schema_of::<v1alpha2::Component>(),
        schema_of::<v1alpha2::ComponentDefinition>(),
        schema_of::<v1alpha2::ContainerizedWorkload>(),
        schema_of::<v1alpha2::HealthScope>(),
        schema_of::<v1alpha2::ManualScalerTrait>(),
        schema_of::<v1alpha2::ScopeDefinition>(),
        schema_of::<v1alpha2::TraitDefinition>(),
        schema_of::<v1alpha2::WorkloadDefinition>(),
        schema_of::<v1beta1::Application>(),
        schema_of::<v1beta1::ComponentDefinition>(),
        schema_of::<v1beta1::PolicyDefinition>(),
        schema_of::<v1beta1::ScopeDefinition>(),
        schema_of::<v1beta1::TraitDefinition>(),
        schema_of::<v1beta1::WorkflowStepDefinition>(),
        schema_of::<v1beta1::WorkloadDefinition>(),
    ]
}

/// The schema of the kind with this apiVersion and kind, if oam-rs types it.
#[must_use]
pub fn schema_for(api_version: &str, kind: &str) -> Option<KindSchema> {
    schemas()
        .into_iter()
        .find(|s| s.api_version == api_version && s.kind == kind)
}

/// An index of the schemas: `{"schemas": [{"apiVersion", "kind", "file"}]}`.
#[must_use]
pub fn index(schemas: &[KindSchema]) -> Value {
    let entries: Vec<Value> = schemas
        .iter()
        .map(|s| json!({"apiVersion": s.api_version, "kind": s.kind, "file": s.file_name()}))
        .collect();
    json!({ "schemas": entries })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_pin_api_version_and_kind_and_carry_descriptions() {
        let s = schema_for("core.oam.dev/v1alpha2", "Component").unwrap();
        assert_eq!(s.file_name(), "core.oam.dev_v1alpha2_component.json");
        let v = s.schema.as_value();
        assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(
            v["properties"]["apiVersion"]["const"],
            "core.oam.dev/v1alpha2"
        );
        assert_eq!(v["properties"]["kind"]["const"], "Component");
        assert!(v["description"].as_str().unwrap().contains("Component"));
        let required: Vec<&str> = v["required"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(required.contains(&"spec"), "{required:?}");
        assert_eq!(schemas().len(), 18);
    }
}
