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

/// The field names the schema of `api_version`/`kind` allows for the object at `path`, if that
/// object has a fixed set of fields (used to suggest a fix for an unknown field).
#[must_use]
pub fn known_fields(api_version: &str, kind: &str, path: &crate::FieldPath) -> Vec<String> {
    static CACHE: std::sync::OnceLock<Vec<KindSchema>> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(schemas);
    let Some(kind_schema) = cache
        .iter()
        .find(|s| s.api_version == api_version && s.kind == kind)
    else {
        return Vec::new();
    };
    let root = kind_schema.schema.as_value();
    let mut node = root;
    for segment in path.segments() {
        node = resolve(root, node);
        node = match segment {
            crate::Segment::Field(name) => match node.get("properties").and_then(|p| p.get(name)) {
                Some(next) => next,
                None => return Vec::new(),
            },
            crate::Segment::Index(_) => match node.get("items") {
                Some(next) => next,
                None => return Vec::new(),
            },
        };
    }
    let node = resolve(root, node);
    node.get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// Follows `$ref` and the `anyOf: [T, null]` schemars writes for `Option<T>`.
fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..16 {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let Some(name) = reference.strip_prefix("#/$defs/") else {
                return node;
            };
            match root.get("$defs").and_then(|d| d.get(name)) {
                Some(next) => node = next,
                None => return node,
            }
        } else if let Some(first) = node
            .get("anyOf")
            .and_then(Value::as_array)
            .and_then(|alts| alts.iter().find(|a| a.get("type") != Some(&json!("null"))))
        {
            node = first;
        } else {
            return node;
        }
    }
    node
}

/// The known field closest to `unknown`: the same name in another case, or one within a small
/// edit distance.
#[must_use]
pub fn closest<'a>(unknown: &str, known: &'a [String]) -> Option<&'a str> {
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(unknown)) {
        return Some(same);
    }
    let limit = (unknown.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(unknown, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k.as_str())
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters (the commonest typo, `cahce`) each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod suggestion_tests {
    use super::*;

    #[test]
    fn known_fields_follow_refs_options_and_arrays() {
        let path: crate::FieldPath = "spec.components[0]".parse().unwrap();
        let fields = known_fields("core.oam.dev/v1alpha2", "ApplicationConfiguration", &path);
        assert!(
            fields.contains(&"traits".to_owned()) && fields.contains(&"dataOutputs".to_owned()),
            "{fields:?}"
        );
        assert_eq!(closest("trais", &fields), Some("traits"));
        let path: crate::FieldPath = "spec.components[0].dataOutputs[0]".parse().unwrap();
        let fields = known_fields("core.oam.dev/v1alpha2", "ApplicationConfiguration", &path);
        assert_eq!(closest("OutputStore", &fields), Some("outputStore"));
        assert_eq!(closest("zzzzzz", &fields), None);
        let names = ["cache".to_owned(), "db".to_owned()];
        assert_eq!(
            closest("cahce", &names),
            Some("cache"),
            "a swap of neighbours is one edit"
        );
        assert!(known_fields("apps/v1", "Deployment", &path).is_empty());
    }
}
