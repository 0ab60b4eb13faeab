//! [`GroupVersionKind`]: what an object is, as one value instead of an apiVersion and a kind
//! travelling as a pair of strings.

use std::fmt;

use crate::raw::RawObject;

/// An object's group, version and kind (`apps`, `v1`, `Deployment`); the core group is empty
/// (`v1` `Pod`).
///
/// ```
/// use oam_model::GroupVersionKind;
/// let gvk = GroupVersionKind::new("apps/v1", "Deployment");
/// assert_eq!((gvk.group.as_str(), gvk.version.as_str()), ("apps", "v1"));
/// assert_eq!(gvk.api_version(), "apps/v1");
/// assert_eq!(gvk.to_string(), "apps/v1 Deployment");
/// let pod = GroupVersionKind::new("v1", "Pod");
/// assert_eq!((pod.group.as_str(), pod.api_version()), ("", "v1".to_owned()));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupVersionKind {
    /// The API group; empty for the core group.
    pub group: String,
    /// The version.
    pub version: String,
    /// The kind.
    pub kind: String,
}

impl GroupVersionKind {
    /// The group and version of `api_version` (`group/version`, or `version` alone for the
    /// core group), and `kind`. Any text is kept: [`api_version`](Self::api_version) gives it
    /// back unchanged.
    #[must_use]
    pub fn new(api_version: &str, kind: impl Into<String>) -> Self {
        // A leading `/` (an empty group written out) stays in the version, so the text is kept.
        let (group, version) = api_version
            .split_once('/')
            .filter(|(group, _)| !group.is_empty())
            .unwrap_or(("", api_version));
        Self {
            group: group.to_owned(),
            version: version.to_owned(),
            kind: kind.into(),
        }
    }

    /// What `object` is, when it carries both an apiVersion and a kind.
    #[must_use]
    pub fn of(object: &RawObject) -> Option<Self> {
        Some(Self::new(
            object.api_version.as_deref()?,
            object.kind.as_deref()?,
        ))
    }

    /// `group/version`, or `version` for the core group.
    #[must_use]
    pub fn api_version(&self) -> String {
        if self.group.is_empty() {
            self.version.clone()
        } else {
            format!("{}/{}", self.group, self.version)
        }
    }
}

impl fmt::Display for GroupVersionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.api_version(), self.kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_api_version_text_comes_back_unchanged() {
        for text in ["apps/v1", "v1", "", "a/b/c", "/v1", "core.oam.dev/v1beta1"] {
            assert_eq!(GroupVersionKind::new(text, "K").api_version(), text);
        }
        let raw = RawObject::new("apps/v1", "Deployment");
        assert_eq!(
            GroupVersionKind::of(&raw),
            Some(GroupVersionKind::new("apps/v1", "Deployment"))
        );
        assert_eq!(GroupVersionKind::of(&RawObject::default()), None);
    }
}
