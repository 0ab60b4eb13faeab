//! Versioned definition references (`webservice@v1.2`) and their resolution to a
//! DefinitionRevision, as KubeVela does it (`oam-v1beta1.md` §4.3), with semver for families.

use std::fmt;
use std::str::FromStr;

/// A definition reference: `name`, or `name@v<X>` with `X` = `N`, `N.N` or `N.N.N`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeRef {
    /// The definition's name.
    pub name: String,
    /// The version after `@v`, if any (`1.2`).
    pub version: Option<String>,
}

/// A reference that is not `name` or `name@v<version>`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid definition reference {0:?}: expected `name` or `name@v<version>` such as `webservice@v1.2`"
)]
pub struct InvalidTypeRef(pub String);

impl FromStr for TypeRef {
    type Err = InvalidTypeRef;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidTypeRef(s.to_owned());
        let Some((name, version)) = s.split_once('@') else {
            return if s.is_empty() {
                Err(invalid())
            } else {
                Ok(Self {
                    name: s.to_owned(),
                    version: None,
                })
            };
        };
        let version = version.strip_prefix('v').ok_or_else(invalid)?;
        let parts: Vec<&str> = version.split('.').collect();
        let numeric = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if name.is_empty() || parts.len() > 3 || !parts.iter().all(numeric) {
            return Err(invalid());
        }
        Ok(Self {
            name: name.to_owned(),
            version: Some(version.to_owned()),
        })
    }
}

impl fmt::Display for TypeRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.version {
            Some(v) => write!(f, "{}@v{v}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

impl TypeRef {
    /// The DefinitionRevision an exact lookup reads: `<name>-v<version>`.
    #[must_use]
    pub fn revision_name(&self) -> Option<String> {
        Some(format!("{}-v{}", self.name, self.version.as_ref()?))
    }
}

/// Which DefinitionRevision a versioned reference resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved<'a> {
    /// The DefinitionRevision's name.
    pub revision: &'a str,
    /// Both readings of `@vN` exist (auto-numbered revision N and the N.y.z family); the exact
    /// name won, as upstream, and callers should warn.
    pub ambiguous: bool,
}

/// Resolves `reference` among the DefinitionRevision names `revisions` of that definition.
///
/// The exact name `<name>-v<X>` wins. Otherwise, only with `auto_update` (the
/// `app.oam.dev/autoUpdate: "true"` annotation), the highest semver among the names
/// `<name>-v<X>.…` wins: `@v1` is the latest 1.y.z, `@v1.2` the latest 1.2.z.
///
/// ```
/// use oam_model::revision::{TypeRef, resolve_version};
/// let revisions = ["web-v1.2.0", "web-v1.10.1", "web-v2"].map(String::from);
/// let r: TypeRef = "web@v1".parse().unwrap();
/// assert_eq!(resolve_version(&r, &revisions, true).unwrap().revision, "web-v1.10.1");
/// assert_eq!(resolve_version(&r, &revisions, false), None);
/// ```
#[must_use]
pub fn resolve_version<'a>(
    reference: &TypeRef,
    revisions: &'a [String],
    auto_update: bool,
) -> Option<Resolved<'a>> {
    let exact_name = reference.revision_name()?;
    let family_prefix = format!("{exact_name}.");
    let family = revisions.iter().filter_map(|r| {
        let rest = r.strip_prefix(&format!("{}-v", reference.name))?;
        r.starts_with(&family_prefix)
            .then(|| semver::Version::parse(rest).ok().map(|v| (v, r.as_str())))?
    });
    let highest = family.max_by(|a, b| a.0.cmp(&b.0)).map(|(_, name)| name);
    if let Some(exact) = revisions.iter().find(|r| **r == exact_name) {
        return Some(Resolved {
            revision: exact,
            ambiguous: auto_update && highest.is_some(),
        });
    }
    if auto_update {
        return highest.map(|revision| Resolved {
            revision,
            ambiguous: false,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_references() {
        let r: TypeRef = "webservice@v1.2".parse().unwrap();
        assert_eq!(
            (r.name.as_str(), r.version.as_deref()),
            ("webservice", Some("1.2"))
        );
        assert_eq!(r.revision_name().as_deref(), Some("webservice-v1.2"));
        assert_eq!(r.to_string(), "webservice@v1.2");
        assert_eq!("worker".parse::<TypeRef>().unwrap().version, None);
        for bad in [
            "",
            "web@1.2",
            "web@v",
            "web@v1.x",
            "@v1",
            "web@v1.2.3.4",
            "web@v-1",
        ] {
            assert!(bad.parse::<TypeRef>().is_err(), "{bad}");
        }
    }

    #[test]
    fn exact_first_then_highest_in_the_family_with_auto_update() {
        let revisions = [
            "web-v1.2.0",
            "web-v1.2.10",
            "web-v1.3.0",
            "web-v2",
            "web-v2.0.1",
            "webx-v1.9.9",
        ]
        .map(String::from);
        let resolve = |r: &str, auto| {
            resolve_version(&r.parse().unwrap(), &revisions, auto)
                .map(|x| (x.revision, x.ambiguous))
        };
        assert_eq!(
            resolve("web@v1.2", true),
            Some(("web-v1.2.10", false)),
            "semver, not string order"
        );
        assert_eq!(resolve("web@v1", true), Some(("web-v1.3.0", false)));
        assert_eq!(
            resolve("web@v1", false),
            None,
            "without autoUpdate only the exact name"
        );
        assert_eq!(resolve("web@v1.2.0", false), Some(("web-v1.2.0", false)));
        assert_eq!(
            resolve("web@v2", true),
            Some(("web-v2", true)),
            "revision 2 and 2.0.1 both exist"
        );
        assert_eq!(resolve("web@v2", false), Some(("web-v2", false)));
        assert_eq!(resolve("web@v3", true), None);
        assert_eq!(
            resolve("web", true),
            None,
            "unversioned references are not revisions"
        );
    }
}
