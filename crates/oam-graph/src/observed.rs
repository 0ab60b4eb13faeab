//! What the planner knows of the cluster: the [`Observed`] trait a platform implements over its
//! client or cache, and [`ObservedObjects`], the in-memory implementation for tests and the CLI.

use std::collections::BTreeMap;
use std::fmt;

use oam_model::GroupVersionKind;
use serde_json::Value;

/// Identifies an object: apiVersion, kind, namespace and name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjectKey {
    /// `apps/v1` …
    pub api_version: String,
    /// `Deployment` …
    pub kind: String,
    /// The namespace; `None` for cluster-scoped objects.
    pub namespace: Option<String>,
    /// `metadata.name`.
    pub name: String,
}

impl ObjectKey {
    /// The key of a JSON object, if it has apiVersion, kind and a name.
    #[must_use]
    pub fn of(object: &Value) -> Option<Self> {
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        let metadata = object.get("metadata");
        Some(Self {
            api_version: text(object.get("apiVersion"))?,
            kind: text(object.get("kind"))?,
            namespace: text(metadata.and_then(|m| m.get("namespace"))),
            name: text(metadata.and_then(|m| m.get("name")))?,
        })
    }

    /// The key of the object `gvk` names `name` in `namespace`.
    ///
    /// ```
    /// use oam_graph::ObjectKey;
    /// use oam_model::GroupVersionKind;
    /// let key = ObjectKey::new(GroupVersionKind::new("apps/v1", "Deployment"), Some("prod"), "web");
    /// assert_eq!(key.to_string(), "apps/v1 Deployment prod/web");
    /// assert_eq!(key.gvk(), GroupVersionKind::new("apps/v1", "Deployment"));
    /// ```
    #[must_use]
    pub fn new(gvk: GroupVersionKind, namespace: Option<&str>, name: impl Into<String>) -> Self {
        Self {
            api_version: gvk.api_version(),
            kind: gvk.kind,
            namespace: namespace.map(str::to_owned),
            name: name.into(),
        }
    }

    /// What the object is.
    #[must_use]
    pub fn gvk(&self) -> GroupVersionKind {
        GroupVersionKind::new(&self.api_version, self.kind.clone())
    }

    /// `<namespace>/<name>`, as the runtime prints objects in its reasons.
    #[must_use]
    pub fn namespaced_name(&self) -> String {
        format!(
            "{}/{}",
            self.namespace.as_deref().unwrap_or_default(),
            self.name
        )
    }
}

impl fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.api_version,
            self.kind,
            self.namespaced_name()
        )
    }
}

/// A failure to read the cluster (not "not found", which is `Ok(None)`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot read {key}: {message}")]
pub struct ObserveError {
    /// The object asked for.
    pub key: ObjectKey,
    /// Why it could not be read.
    pub message: String,
}

/// The live state the planner reads: "the object with this apiVersion, kind, namespace and
/// name". A platform implements it over its informer cache or client; the planner never writes.
pub trait Observed {
    /// The live object, `Ok(None)` when it does not exist.
    ///
    /// # Errors
    /// When the state cannot be read; planning then stops with that error, as the runtime's
    /// render does.
    fn get(&self, key: &ObjectKey) -> Result<Option<Value>, ObserveError>;
}

/// Observed objects held in memory, keyed by [`ObjectKey`].
///
/// ```
/// use oam_graph::{ObjectKey, Observed, ObservedObjects};
/// let mut observed = ObservedObjects::default();
/// observed.insert(serde_json::json!({
///     "apiVersion": "v1", "kind": "Secret",
///     "metadata": {"name": "db", "namespace": "shop"},
/// })).unwrap();
/// let key = ObjectKey { api_version: "v1".into(), kind: "Secret".into(),
///                       namespace: Some("shop".into()), name: "db".into() };
/// assert!(observed.get(&key).unwrap().is_some());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ObservedObjects {
    objects: BTreeMap<ObjectKey, Value>,
}

/// An object without apiVersion, kind or `metadata.name` cannot be observed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("an observed object needs apiVersion, kind and metadata.name")]
pub struct Unidentified;

impl ObservedObjects {
    /// Adds (or replaces) an object, returning the one it replaced.
    ///
    /// # Errors
    /// When the object lacks apiVersion, kind or `metadata.name`.
    pub fn insert(&mut self, object: Value) -> Result<Option<Value>, Unidentified> {
        let key = ObjectKey::of(&object).ok_or(Unidentified)?;
        Ok(self.objects.insert(key, object))
    }

    /// The objects, ordered by key.
    pub fn iter(&self) -> impl Iterator<Item = (&ObjectKey, &Value)> {
        self.objects.iter()
    }

    /// How many objects are held.
    #[must_use]
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    /// Whether no object is held.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }
}

impl Observed for ObservedObjects {
    fn get(&self, key: &ObjectKey) -> Result<Option<Value>, ObserveError> {
        Ok(self.objects.get(key).cloned())
    }
}
