//! [`RawObject`]: any Kubernetes object oam-rs does not type, and every embedded workload or
//! trait body (`runtime.RawExtension`).

use std::fmt;

use schemars::JsonSchema;
use serde::de::{DeserializeOwned, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, Location};
use crate::meta::{ObjectMeta, Resource};
use crate::typed::from_value;

/// An untyped Kubernetes object: `apiVersion`, `kind` and `metadata`, plus every other field as
/// free JSON.
///
/// Any field is allowed in [`RawObject::rest`]; `metadata`, when present, is checked as
/// [`ObjectMeta`]. Embedded workloads may omit `apiVersion` and `kind` (the `type:` shorthand the
/// mutating webhook expands), so both are optional here.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawObject {
    /// The object's apiVersion, e.g. `apps/v1`.
    pub api_version: Option<String>,
    /// The object's kind, e.g. `Deployment`.
    pub kind: Option<String>,
    /// The object's metadata, if given.
    pub metadata: Option<ObjectMeta>,
    /// Every other top-level field (`spec`, `status`, `data`, `type`, …), sorted by key.
    pub rest: Map<String, Value>,
}

impl RawObject {
    /// A raw object with the given apiVersion and kind and nothing else.
    #[must_use]
    pub fn new(api_version: impl Into<String>, kind: impl Into<String>) -> Self {
        Self {
            api_version: Some(api_version.into()),
            kind: Some(kind.into()),
            ..Self::default()
        }
    }

    /// The object's name (`metadata.name`), if any.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.metadata.as_ref()?.name.as_deref()
    }

    /// Whether this object is of the typed kind `T` (same apiVersion and kind).
    #[must_use]
    pub fn is<T: Resource>(&self) -> bool {
        self.api_version.as_deref() == Some(T::API_VERSION) && self.kind.as_deref() == Some(T::KIND)
    }

    /// Converts into the typed kind `T`, checking types, required fields and unknown fields.
    ///
    /// The returned error's location holds the path inside this object (for example
    /// `spec.containers[0].ports[0].containerPort`); callers that know where the object is
    /// embedded prefix it (the loader does).
    ///
    /// ```
    /// use oam_model::{RawObject, v1alpha2::ManualScalerTrait};
    /// let raw: RawObject = serde_json::from_value(serde_json::json!({
    ///     "apiVersion": "core.oam.dev/v1alpha2", "kind": "ManualScalerTrait",
    ///     "spec": {"replicaCount": 3}
    /// })).unwrap();
    /// let scaler: ManualScalerTrait = raw.try_into_typed().unwrap();
    /// assert_eq!(scaler.spec.replica_count, 3);
    /// ```
    pub fn try_into_typed<T: Resource + DeserializeOwned>(&self) -> Result<T, Error> {
        if !self.is::<T>() {
            return Err(Error::new(
                ErrorKind::KindMismatch {
                    expected: format!("{} {}", T::API_VERSION, T::KIND),
                    found: format!(
                        "{} {}",
                        self.api_version.as_deref().unwrap_or("<no apiVersion>"),
                        self.kind.as_deref().unwrap_or("<no kind>")
                    ),
                },
                Location::default(),
            ));
        }
        let value = serde_json::to_value(self).map_err(|e| {
            Error::new(
                ErrorKind::Invalid {
                    message: e.to_string(),
                },
                Location::default(),
            )
        })?;
        from_value::<T>(&value).strict()
    }
}

impl Serialize for RawObject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = usize::from(self.api_version.is_some())
            + usize::from(self.kind.is_some())
            + usize::from(self.metadata.is_some())
            + self.rest.len();
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(v) = &self.api_version {
            map.serialize_entry("apiVersion", v)?;
        }
        if let Some(v) = &self.kind {
            map.serialize_entry("kind", v)?;
        }
        if let Some(v) = &self.metadata {
            map.serialize_entry("metadata", v)?;
        }
        for (k, v) in &self.rest {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for RawObject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RawVisitor;
        impl<'de> Visitor<'de> for RawVisitor {
            type Value = RawObject;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Kubernetes object (a mapping)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawObject, A::Error> {
                let mut raw = RawObject::default();
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "apiVersion" => raw.api_version = map.next_value()?,
                        "kind" => raw.kind = map.next_value()?,
                        "metadata" => raw.metadata = map.next_value()?,
                        _ => {
                            let value: Value = map.next_value()?;
                            raw.rest.insert(key, value);
                        }
                    }
                }
                Ok(raw)
            }
        }
        deserializer.deserialize_map(RawVisitor)
    }
}

impl JsonSchema for RawObject {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RawObject".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let metadata = generator.subschema_for::<ObjectMeta>();
        schemars::json_schema!({
            "description": "An embedded Kubernetes object: apiVersion, kind and metadata, plus any other field.",
            "type": "object",
            "properties": {
                "apiVersion": {"type": "string"},
                "kind": {"type": "string"},
                "metadata": metadata
            },
            "additionalProperties": true,
            "x-kubernetes-embedded-resource": true,
            "x-kubernetes-preserve-unknown-fields": true
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::v1alpha2::ManualScalerTrait;
    use serde_json::json;

    #[test]
    fn keeps_every_field_and_writes_it_back() {
        let v = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
                       "spec": {"replicas": 2}, "zeta": null});
        let raw: RawObject = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(raw.name(), Some("d"));
        assert_eq!(raw.rest.len(), 2);
        assert_eq!(serde_json::to_value(&raw).unwrap(), v);
    }

    #[test]
    fn try_into_typed_reports_kind_mismatch_unknown_fields_and_bad_types() {
        let raw: RawObject =
            serde_json::from_value(json!({"apiVersion": "apps/v1", "kind": "Deployment"})).unwrap();
        let e = raw.try_into_typed::<ManualScalerTrait>().unwrap_err();
        assert!(matches!(e.kind(), ErrorKind::KindMismatch { .. }), "{e}");

        let raw: RawObject = serde_json::from_value(json!({
            "apiVersion": "core.oam.dev/v1alpha2", "kind": "ManualScalerTrait",
            "spec": {"replicaCount": 1, "replicas": 2}}))
        .unwrap();
        let e = raw.try_into_typed::<ManualScalerTrait>().unwrap_err();
        assert_eq!(e.location().path.to_string(), "spec.replicas");
        assert!(matches!(e.kind(), ErrorKind::UnknownField { field, .. } if field == "replicas"));

        let raw: RawObject = serde_json::from_value(json!({
            "apiVersion": "core.oam.dev/v1alpha2", "kind": "ManualScalerTrait",
            "spec": {"replicaCount": "three"}}))
        .unwrap();
        let e = raw.try_into_typed::<ManualScalerTrait>().unwrap_err();
        assert_eq!(e.location().path.to_string(), "spec.replicaCount");
    }
}
