//! An application of either OAM generation: what both an ApplicationConfiguration
//! (`core.oam.dev/v1alpha2`) and an Application (`core.oam.dev/v1beta1`, the KubeVela model)
//! are, behind one type, so callers need not match the document nesting to reach one.

use crate::meta::ObjectMeta;
use crate::v1alpha2::ApplicationConfiguration;
use crate::v1beta1::Application;
use crate::{Document, Resource, V1alpha2, V1beta1};

/// An application: an ApplicationConfiguration or an Application, borrowed from its document.
///
/// ```
/// use oam_model::{App, LoadOptions, load_str};
///
/// let yaml = "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: shop}\n\
///             spec:\n  components:\n    - {name: web, type: webservice}\n";
/// let report = load_str("app.yaml", yaml, &LoadOptions::default());
/// let (loaded, app) = report.apps().next().unwrap();
/// assert_eq!((app.kind(), app.name()), ("Application", Some("shop")));
/// assert_eq!(app.component_names(), ["web"]);
/// assert!(matches!(app, App::Application(_)));
/// assert_eq!(loaded.document, 0);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum App<'a> {
    /// A `core.oam.dev/v1alpha2` ApplicationConfiguration.
    Configuration(&'a ApplicationConfiguration),
    /// A `core.oam.dev/v1beta1` Application.
    Application(&'a Application),
}

impl<'a> App<'a> {
    /// The application in `document`, if it holds one.
    #[must_use]
    pub fn of(document: &'a Document) -> Option<Self> {
        match document {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(a)) => {
                Some(Self::Configuration(a))
            }
            Document::V1beta1(V1beta1::Application(a)) => Some(Self::Application(a)),
            _ => None,
        }
    }

    /// `ApplicationConfiguration` or `Application`.
    #[must_use]
    pub fn kind(self) -> &'static str {
        match self {
            Self::Configuration(_) => ApplicationConfiguration::KIND,
            Self::Application(_) => Application::KIND,
        }
    }

    /// `core.oam.dev/v1alpha2` or `core.oam.dev/v1beta1`.
    #[must_use]
    pub fn api_version(self) -> &'static str {
        match self {
            Self::Configuration(_) => ApplicationConfiguration::API_VERSION,
            Self::Application(_) => Application::API_VERSION,
        }
    }

    /// The application's metadata.
    #[must_use]
    pub fn metadata(self) -> &'a ObjectMeta {
        match self {
            Self::Configuration(a) => &a.metadata,
            Self::Application(a) => &a.metadata,
        }
    }

    /// `metadata.name`, if set.
    #[must_use]
    pub fn name(self) -> Option<&'a str> {
        self.metadata().name.as_deref()
    }

    /// `metadata.namespace`, if set.
    #[must_use]
    pub fn namespace(self) -> Option<&'a str> {
        self.metadata().namespace.as_deref()
    }

    /// The components it binds, by name, in declaration order: `componentName` (or the
    /// component of a `revisionName`, `<name>-v<N>`) of each entry, or each component's `name`.
    #[must_use]
    pub fn component_names(self) -> Vec<&'a str> {
        match self {
            Self::Configuration(a) => a
                .spec
                .components
                .iter()
                .filter_map(|c| {
                    c.component_name.as_deref().or_else(|| {
                        let revision = c.revision_name.as_deref()?;
                        let (name, number) = revision.rsplit_once("-v")?;
                        let digits =
                            !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit());
                        digits.then_some(name)
                    })
                })
                .collect(),
            Self::Application(a) => a.spec.components.iter().map(|c| c.name.as_str()).collect(),
        }
    }
}

// Here rather than beside `Document` so that the document module need not know applications.
impl Document {
    /// The application this document holds, of either generation (see [`App`]).
    #[must_use]
    pub fn as_app(&self) -> Option<App<'_>> {
        App::of(self)
    }
}

#[cfg(test)]
mod tests {
    use crate::v1alpha2::Component;
    use crate::{App, LoadOptions, RawObject, load_str};

    const STREAM: &str = "apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata: {name: web}
spec:
  workload: {apiVersion: apps/v1, kind: Deployment}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {name: shop, namespace: prod}
spec:
  components:
    - componentName: web
    - revisionName: my-vm-v12
    - revisionName: no-version
";

    #[test]
    fn both_generations_answer_the_same_questions() {
        let report = load_str("s.yaml", STREAM, &LoadOptions::default());
        assert!(report.is_ok(), "{:?}", report.errors);
        let apps: Vec<App<'_>> = report.apps().map(|(_, a)| a).collect();
        let [app] = apps.as_slice() else {
            panic!("one application: {apps:?}")
        };
        assert!(matches!(app, App::Configuration(_)));
        assert_eq!(
            (app.kind(), app.api_version(), app.name(), app.namespace()),
            (
                "ApplicationConfiguration",
                "core.oam.dev/v1alpha2",
                Some("shop"),
                Some("prod")
            )
        );
        assert_eq!(app.component_names(), ["web", "my-vm"]);
    }

    #[test]
    fn typed_access_reaches_each_kind_and_raw_objects() {
        let report = load_str("s.yaml", STREAM, &LoadOptions::default());
        let components: Vec<&str> = report
            .all::<Component>()
            .filter_map(|(_, c)| c.metadata.name.as_deref())
            .collect();
        assert_eq!(components, ["web"]);
        let raw: Vec<(usize, Option<&str>)> = report
            .all::<RawObject>()
            .map(|(d, r)| (d.document, r.kind.as_deref()))
            .collect();
        assert_eq!(raw, [(1, Some("ConfigMap"))]);
        assert_eq!(report.values().filter(|d| d.as_app().is_some()).count(), 1);
        assert!(report.documents[0].value.get::<RawObject>().is_none());
    }
}
