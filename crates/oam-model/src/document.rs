//! [`Document`]: one object of a stream, dispatched on apiVersion **and** kind.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::error::ErrorKind;
use crate::meta::{ObjectMeta, Resource};
use crate::raw::RawObject;
use crate::typed::{Typed, from_value};
use crate::{v1alpha1, v1alpha2, v1beta1};

/// The OAM API group.
pub const GROUP: &str = "core.oam.dev";

/// The `core.oam.dev` versions oam-rs knows.
pub const VERSIONS: &[&str] = &[
    "core.oam.dev/v1alpha1",
    "core.oam.dev/v1alpha2",
    "core.oam.dev/v1beta1",
];

/// A KubeVela `core.oam.dev/v1alpha1` object.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum V1alpha1 {
    /// An external Policy.
    Policy(v1alpha1::Policy),
    /// An external Workflow.
    Workflow(v1alpha1::Workflow),
}

/// A `core.oam.dev/v1alpha2` object.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum V1alpha2 {
    /// A Component.
    Component(v1alpha2::Component),
    /// An ApplicationConfiguration.
    ApplicationConfiguration(v1alpha2::ApplicationConfiguration),
    /// A WorkloadDefinition.
    WorkloadDefinition(v1alpha2::WorkloadDefinition),
    /// A TraitDefinition.
    TraitDefinition(v1alpha2::TraitDefinition),
    /// A ScopeDefinition.
    ScopeDefinition(v1alpha2::ScopeDefinition),
    /// \[KubeVela\] a ComponentDefinition.
    ComponentDefinition(v1alpha2::ComponentDefinition),
    /// A ContainerizedWorkload.
    ContainerizedWorkload(v1alpha2::ContainerizedWorkload),
    /// A ManualScalerTrait.
    ManualScalerTrait(v1alpha2::ManualScalerTrait),
    /// A HealthScope.
    HealthScope(v1alpha2::HealthScope),
}

/// A `core.oam.dev/v1beta1` object.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum V1beta1 {
    /// An Application.
    Application(v1beta1::Application),
    /// A ComponentDefinition.
    ComponentDefinition(v1beta1::ComponentDefinition),
    /// A TraitDefinition.
    TraitDefinition(v1beta1::TraitDefinition),
    /// A PolicyDefinition.
    PolicyDefinition(v1beta1::PolicyDefinition),
    /// A WorkflowStepDefinition.
    WorkflowStepDefinition(v1beta1::WorkflowStepDefinition),
    /// A WorkloadDefinition.
    WorkloadDefinition(v1beta1::WorkloadDefinition),
    /// A ScopeDefinition.
    ScopeDefinition(v1beta1::ScopeDefinition),
}

/// One object of a YAML or JSON stream.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum Document {
    /// KubeVela's `core.oam.dev/v1alpha1` Policy or Workflow.
    V1alpha1(V1alpha1),
    /// A typed `core.oam.dev/v1alpha2` kind.
    V1alpha2(V1alpha2),
    /// A typed `core.oam.dev/v1beta1` kind.
    V1beta1(V1beta1),
    /// Any other object (a Deployment, a CRD, a `standard.oam.dev` kind, or a `core.oam.dev`
    /// kind oam-rs knows but does not type, such as the spec's NetworkScope).
    Raw(RawObject),
    /// A Rudr-era `core.oam.dev/v1alpha1` kind, loaded untyped with a warning.
    Legacy(RawObject),
}

macro_rules! each_typed {
    ($self:expr, $x:ident => $body:expr) => {
        match $self {
            Document::V1alpha1(V1alpha1::Policy($x)) => $body,
            Document::V1alpha1(V1alpha1::Workflow($x)) => $body,
            Document::V1alpha2(V1alpha2::Component($x)) => $body,
            Document::V1alpha2(V1alpha2::ApplicationConfiguration($x)) => $body,
            Document::V1alpha2(V1alpha2::WorkloadDefinition($x)) => $body,
            Document::V1alpha2(V1alpha2::TraitDefinition($x)) => $body,
            Document::V1alpha2(V1alpha2::ScopeDefinition($x)) => $body,
            Document::V1alpha2(V1alpha2::ComponentDefinition($x)) => $body,
            Document::V1alpha2(V1alpha2::ContainerizedWorkload($x)) => $body,
            Document::V1alpha2(V1alpha2::ManualScalerTrait($x)) => $body,
            Document::V1alpha2(V1alpha2::HealthScope($x)) => $body,
            Document::V1beta1(V1beta1::Application($x)) => $body,
            Document::V1beta1(V1beta1::ComponentDefinition($x)) => $body,
            Document::V1beta1(V1beta1::TraitDefinition($x)) => $body,
            Document::V1beta1(V1beta1::PolicyDefinition($x)) => $body,
            Document::V1beta1(V1beta1::WorkflowStepDefinition($x)) => $body,
            Document::V1beta1(V1beta1::WorkloadDefinition($x)) => $body,
            Document::V1beta1(V1beta1::ScopeDefinition($x)) => $body,
            Document::Raw($x) | Document::Legacy($x) => $body,
        }
    };
}

/// Access to apiVersion, kind and metadata, uniform over typed and raw objects.
trait Object {
    fn api_version(&self) -> &str;
    fn kind(&self) -> &str;
    fn meta(&self) -> Option<&ObjectMeta>;
}

impl<T: Resource> Object for T {
    fn api_version(&self) -> &str {
        T::API_VERSION
    }
    fn kind(&self) -> &str {
        T::KIND
    }
    fn meta(&self) -> Option<&ObjectMeta> {
        Some(self.metadata())
    }
}

impl Object for RawObject {
    fn api_version(&self) -> &str {
        self.api_version.as_deref().unwrap_or_default()
    }
    fn kind(&self) -> &str {
        self.kind.as_deref().unwrap_or_default()
    }
    fn meta(&self) -> Option<&ObjectMeta> {
        self.metadata.as_ref()
    }
}

impl Document {
    /// The object's apiVersion.
    #[must_use]
    pub fn api_version(&self) -> &str {
        each_typed!(self, x => Object::api_version(x))
    }

    /// The object's kind.
    #[must_use]
    pub fn kind(&self) -> &str {
        each_typed!(self, x => Object::kind(x))
    }

    /// The object's metadata, if it has any.
    #[must_use]
    pub fn metadata(&self) -> Option<&ObjectMeta> {
        each_typed!(self, x => x.meta())
    }

    /// The object's name (`metadata.name`), if any.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.metadata()?.name.as_deref()
    }

    /// The object as the type `T`, if it is one: any typed kind (`v1alpha2::Component`,
    /// `v1beta1::Application` …), or [`RawObject`] for a raw or legacy document. Spares the
    /// three-level match on version and kind.
    ///
    /// ```
    /// use oam_model::{LoadOptions, load_str, v1alpha2::Component};
    ///
    /// let yaml = "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\n\
    ///             spec:\n  workload: {apiVersion: apps/v1, kind: Deployment}\n";
    /// let report = load_str("c.yaml", yaml, &LoadOptions::default());
    /// let doc = &report.documents[0].value;
    /// assert_eq!(doc.get::<Component>().unwrap().spec.workload.kind.as_deref(), Some("Deployment"));
    /// assert!(doc.get::<oam_model::v1beta1::Application>().is_none());
    /// ```
    #[must_use]
    pub fn get<T: std::any::Any>(&self) -> Option<&T> {
        each_typed!(self, x => (x as &dyn std::any::Any).downcast_ref::<T>())
    }

    /// Decodes a JSON tree, reporting the first problem with its object path (strictly: an
    /// unknown field is an error). The loader ([`crate::load_str`] and friends) reports every
    /// problem with its line and column instead.
    ///
    /// ```
    /// let tree = serde_json::json!({"apiVersion": "core.oam.dev/v1beta1", "kind": "Application",
    ///                               "spec": {"components": [{"name": "web"}]}});
    /// let e = oam_model::Document::from_value(tree).unwrap_err();
    /// assert_eq!(e.to_string(), "<input>: missing field `type` (at spec.components[0].type)");
    /// ```
    pub fn from_value(value: Value) -> Result<Self, crate::Error> {
        let at = |path| crate::Location {
            path,
            ..crate::Location::default()
        };
        decode(value)
            .map_err(|(path, kind)| crate::Error::new(kind, at(path)))?
            .strict()
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        each_typed!(self, x => x.serialize(serializer))
    }
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Document::from_value(value).map_err(|e| {
            let path = &e.location().path;
            serde::de::Error::custom(if path.is_empty() {
                e.kind().to_string()
            } else {
                format!("{path}: {}", e.kind())
            })
        })
    }
}

/// The `core.oam.dev/v1alpha2` kinds oam-rs types.
pub const V1ALPHA2_TYPED: &[&str] = &[
    "ApplicationConfiguration",
    "Component",
    "ComponentDefinition",
    "ContainerizedWorkload",
    "HealthScope",
    "ManualScalerTrait",
    "ScopeDefinition",
    "TraitDefinition",
    "WorkloadDefinition",
];

/// `core.oam.dev/v1alpha2` kinds oam-rs knows but loads as [`Document::Raw`]: the spec's
/// NetworkScope and KubeVela's pre-v1beta1 application kinds.
pub const V1ALPHA2_UNTYPED: &[&str] = &[
    "AppRollout",
    "Application",
    "ApplicationContext",
    "ApplicationDeployment",
    "ApplicationRevision",
    "NetworkScope",
];

/// The `core.oam.dev/v1beta1` kinds oam-rs types.
pub const V1BETA1_TYPED: &[&str] = &[
    "Application",
    "ComponentDefinition",
    "PolicyDefinition",
    "ScopeDefinition",
    "TraitDefinition",
    "WorkflowStepDefinition",
    "WorkloadDefinition",
];

/// `core.oam.dev/v1beta1` kinds oam-rs knows but loads as [`Document::Raw`] (controller-written).
pub const V1BETA1_UNTYPED: &[&str] = &[
    "ApplicationRevision",
    "DefinitionRevision",
    "ResourceTracker",
];

/// The typed KubeVela `core.oam.dev/v1alpha1` kinds.
pub const V1ALPHA1_TYPED: &[&str] = &["Policy", "Workflow"];

/// How an (apiVersion, kind) pair is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    Typed,
    Raw,
    Legacy,
}

/// Classifies an (apiVersion, kind) pair; a `core.oam.dev` version or kind oam-rs does not know
/// is an error that lists what exists.
pub(crate) fn classify(api_version: &str, kind: &str) -> Result<Class, ErrorKind> {
    let Some(version) = api_version.strip_prefix("core.oam.dev/") else {
        return Ok(Class::Raw);
    };
    let (typed, untyped, legacy): (&[&str], &[&str], &[&str]) = match version {
        "v1alpha1" => (V1ALPHA1_TYPED, &[], v1alpha1::LEGACY_KINDS),
        "v1alpha2" => (V1ALPHA2_TYPED, V1ALPHA2_UNTYPED, &[]),
        "v1beta1" => (V1BETA1_TYPED, V1BETA1_UNTYPED, &[]),
        _ => {
            return Err(ErrorKind::UnknownApiVersion {
                api_version: api_version.to_owned(),
                known: VERSIONS.to_vec(),
            });
        }
    };
    if typed.contains(&kind) {
        Ok(Class::Typed)
    } else if untyped.contains(&kind) {
        Ok(Class::Raw)
    } else if legacy.contains(&kind) {
        Ok(Class::Legacy)
    } else {
        let mut known: Vec<&'static str> =
            typed.iter().chain(untyped).chain(legacy).copied().collect();
        known.sort_unstable();
        known.dedup();
        Err(ErrorKind::UnknownKind {
            api_version: api_version.to_owned(),
            kind: kind.to_owned(),
            known,
        })
    }
}

fn typed<T: DeserializeOwned>(value: Value, wrap: impl FnOnce(T) -> Document) -> Typed<Document> {
    let t = from_value::<T>(&value);
    Typed {
        result: t.result.map(wrap),
        unknown_fields: t.unknown_fields,
    }
}

/// Decodes a JSON tree into a [`Document`]: the first error (path and kind) and every unknown
/// field. Embedded typed objects are not checked here (see the loader).
pub(crate) fn decode(value: Value) -> Result<Typed<Document>, (crate::FieldPath, ErrorKind)> {
    use crate::FieldPath;
    let Value::Object(map) = &value else {
        return Err((
            FieldPath::root(),
            ErrorKind::NotAnObject {
                found: json_type(&value),
            },
        ));
    };
    let api_version = match map.get("apiVersion") {
        Some(Value::String(s)) => s.clone(),
        _ => {
            return Err((
                FieldPath::root().field("apiVersion"),
                ErrorKind::MissingTypeMeta {
                    field: "apiVersion",
                },
            ));
        }
    };
    let kind = match map.get("kind") {
        Some(Value::String(s)) => s.clone(),
        _ => {
            return Err((
                FieldPath::root().field("kind"),
                ErrorKind::MissingTypeMeta { field: "kind" },
            ));
        }
    };
    let class = classify(&api_version, &kind).map_err(|e| (FieldPath::root().field("kind"), e))?;
    use Document as D;
    Ok(match class {
        Class::Raw => typed(value, D::Raw),
        Class::Legacy => typed(value, D::Legacy),
        Class::Typed => match (api_version.as_str(), kind.as_str()) {
            ("core.oam.dev/v1alpha1", "Policy") => {
                typed(value, |x| D::V1alpha1(V1alpha1::Policy(x)))
            }
            ("core.oam.dev/v1alpha1", "Workflow") => {
                typed(value, |x| D::V1alpha1(V1alpha1::Workflow(x)))
            }
            ("core.oam.dev/v1alpha2", "Component") => {
                typed(value, |x| D::V1alpha2(V1alpha2::Component(x)))
            }
            ("core.oam.dev/v1alpha2", "ApplicationConfiguration") => typed(value, |x| {
                D::V1alpha2(V1alpha2::ApplicationConfiguration(x))
            }),
            ("core.oam.dev/v1alpha2", "WorkloadDefinition") => {
                typed(value, |x| D::V1alpha2(V1alpha2::WorkloadDefinition(x)))
            }
            ("core.oam.dev/v1alpha2", "TraitDefinition") => {
                typed(value, |x| D::V1alpha2(V1alpha2::TraitDefinition(x)))
            }
            ("core.oam.dev/v1alpha2", "ScopeDefinition") => {
                typed(value, |x| D::V1alpha2(V1alpha2::ScopeDefinition(x)))
            }
            ("core.oam.dev/v1alpha2", "ComponentDefinition") => {
                typed(value, |x| D::V1alpha2(V1alpha2::ComponentDefinition(x)))
            }
            ("core.oam.dev/v1alpha2", "ContainerizedWorkload") => {
                typed(value, |x| D::V1alpha2(V1alpha2::ContainerizedWorkload(x)))
            }
            ("core.oam.dev/v1alpha2", "ManualScalerTrait") => {
                typed(value, |x| D::V1alpha2(V1alpha2::ManualScalerTrait(x)))
            }
            ("core.oam.dev/v1alpha2", "HealthScope") => {
                typed(value, |x| D::V1alpha2(V1alpha2::HealthScope(x)))
            }
            ("core.oam.dev/v1beta1", "Application") => {
                typed(value, |x| D::V1beta1(V1beta1::Application(x)))
            }
            ("core.oam.dev/v1beta1", "ComponentDefinition") => {
                typed(value, |x| D::V1beta1(V1beta1::ComponentDefinition(x)))
            }
            ("core.oam.dev/v1beta1", "TraitDefinition") => {
                typed(value, |x| D::V1beta1(V1beta1::TraitDefinition(x)))
            }
            ("core.oam.dev/v1beta1", "PolicyDefinition") => {
                typed(value, |x| D::V1beta1(V1beta1::PolicyDefinition(x)))
            }
            ("core.oam.dev/v1beta1", "WorkflowStepDefinition") => {
                typed(value, |x| D::V1beta1(V1beta1::WorkflowStepDefinition(x)))
            }
            ("core.oam.dev/v1beta1", "WorkloadDefinition") => {
                typed(value, |x| D::V1beta1(V1beta1::WorkloadDefinition(x)))
            }
            ("core.oam.dev/v1beta1", "ScopeDefinition") => {
                typed(value, |x| D::V1beta1(V1beta1::ScopeDefinition(x)))
            }
            _ => typed(value, D::Raw),
        },
    })
}

/// The JSON type name of a value, for messages.
pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a sequence",
        Value::Object(_) => "a mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dispatches_on_api_version_and_kind_together() {
        assert_eq!(
            classify("core.oam.dev/v1alpha1", "Policy").unwrap(),
            Class::Typed
        );
        assert_eq!(
            classify("core.oam.dev/v1alpha1", "ComponentSchematic").unwrap(),
            Class::Legacy
        );
        assert_eq!(
            classify("core.oam.dev/v1alpha2", "NetworkScope").unwrap(),
            Class::Raw
        );
        assert_eq!(classify("apps/v1", "Deployment").unwrap(), Class::Raw);
        let e = classify("core.oam.dev/v1beta1", "Component").unwrap_err();
        assert!(e.to_string().starts_with("`core.oam.dev/v1beta1` has no kind `Component`; it has Application, ApplicationRevision, ComponentDefinition"), "{e}");
        let e = classify("core.oam.dev/v1", "Component").unwrap_err();
        assert!(matches!(e, ErrorKind::UnknownApiVersion { .. }), "{e}");
    }

    #[test]
    fn serde_round_trip_through_document() {
        let v = json!({"apiVersion": "core.oam.dev/v1beta1", "kind": "Application",
                       "metadata": {"name": "a"}, "spec": {"components": []}});
        let d: Document = serde_json::from_value(v.clone()).unwrap();
        assert_eq!(
            (d.api_version(), d.kind(), d.name()),
            ("core.oam.dev/v1beta1", "Application", Some("a"))
        );
        assert_eq!(serde_json::to_value(&d).unwrap(), v);
        let bad = json!({"apiVersion": "core.oam.dev/v1beta1", "kind": "Application", "spec": {"components": [], "x": 1}});
        let e = serde_json::from_value::<Document>(bad)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "spec.x: unknown field `x`");
    }
}
