//! [`Options`]: the catalog switch, extra definitions, the system namespace and the tenancy
//! policy.

use oam_model::Document;
use oam_model::registry::DEFAULT_SYSTEM_NAMESPACE;

/// What data inputs, parameters and embedded objects may not do (safe defaults).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenancy {
    /// Paths a data input or parameter may not write, nor anything under them.
    pub protected_paths: Vec<String>,
    /// An embedded object's namespace, when set, must be the application's.
    pub same_namespace: bool,
}

impl Default for Tenancy {
    fn default() -> Self {
        Self {
            protected_paths: vec![
                "apiVersion".into(),
                "kind".into(),
                "metadata.namespace".into(),
                "metadata.ownerReferences".into(),
            ],
            same_namespace: true,
        }
    }
}

/// How to validate.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Load the standard catalog beneath every other definition (`--no-builtin` turns it off).
    pub builtin: bool,
    /// More definitions (`--definitions PATH`): above the catalog, beneath the input's own.
    pub definitions: Vec<Document>,
    /// The namespace system definitions live in.
    pub system_namespace: String,
    /// The tenancy policy.
    pub tenancy: Tenancy,
    /// How many threads the checks may run on; `None` (the default) uses every available core,
    /// one means sequential. The findings are the same whatever the number.
    pub jobs: Option<std::num::NonZeroUsize>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            builtin: true,
            definitions: Vec::new(),
            system_namespace: DEFAULT_SYSTEM_NAMESPACE.to_owned(),
            tenancy: Tenancy::default(),
            jobs: None,
        }
    }
}

impl Options {
    /// The number of threads these options allow: `jobs`, or the available cores.
    #[must_use]
    pub fn threads(&self) -> usize {
        oam_model::parallel::threads(self.jobs)
    }
}
