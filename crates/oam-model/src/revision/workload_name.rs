//! The name of a component's workload (`oam-v1alpha2.md` §13.3): with a `revisionEnabled` trait
//! every component revision gets its own workload, named after the revision.

use super::RevisionName;

/// A revision-enabled component without a latest revision.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot get latest revision for component {component:?} while revision is enabled")]
pub struct NoLatestRevision {
    /// The component's name.
    pub component: String,
}

/// The workload's `metadata.name`:
/// - a name written in the workload template is kept (the admission checks forbid it when
///   revisions are enabled);
/// - with a `revisionEnabled` trait, the latest revision's name (`php-v3`), so each revision
///   creates a new workload and old ones are left for a rollout trait to remove;
/// - otherwise the component's name: one workload, updated in place.
///
/// ```
/// use oam_model::revision::{RevisionName, workload_name};
/// let v3: RevisionName = "php-v3".parse().unwrap();
/// assert_eq!(workload_name("php", None, true, Some(&v3)).unwrap(), "php-v3");
/// assert_eq!(workload_name("php", None, false, Some(&v3)).unwrap(), "php");
/// assert!(workload_name("php", None, true, None).is_err());
/// ```
pub fn workload_name(
    component: &str,
    template_name: Option<&str>,
    revision_enabled: bool,
    latest: Option<&RevisionName>,
) -> Result<String, NoLatestRevision> {
    if let Some(name) = template_name {
        return Ok(name.to_owned());
    }
    if !revision_enabled {
        return Ok(component.to_owned());
    }
    latest
        .map(ToString::to_string)
        .ok_or_else(|| NoLatestRevision {
            component: component.to_owned(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_names_the_component_as_the_runtime_does() {
        let e = workload_name("php", None, true, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot get latest revision for component \"php\" while revision is enabled"
        );
        assert_eq!(
            workload_name("php", Some("fixed"), true, None).unwrap(),
            "fixed"
        );
    }
}
