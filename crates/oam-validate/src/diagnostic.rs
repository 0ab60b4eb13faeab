//! [`Diagnostic`]: one finding with a stable code, a severity, the object and field it is about,
//! its file:line:column when the input was text, and how to fix it.

use std::fmt;

use oam_model::{Error, ErrorKind, FieldPath, Location};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The application would be refused or would not work.
    Error,
    /// Worth a look; an error under `--strict`.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding. Codes are registered in `docs/diagnostics.md` and never change meaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stable code, `OAM` + number.
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// The object: `<Kind> <name>` (empty for a document that could not be read).
    pub object: String,
    /// Source, document, object path and, for text input, line and column.
    pub location: Location,
    /// How to fix it.
    pub help: Option<String>,
    /// Other places the finding is about ("first listed here", "the other trait"), drawn as
    /// labelled secondary spans.
    pub related: Vec<Related>,
    /// A fix-it: what to write instead of the token at [`location`](Self::location), drawn as
    /// the changed source line.
    pub suggestion: Option<Suggestion>,
}

/// A machine-applicable fix: replace the token a [`Diagnostic`] points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// What the fix does: ``rename it to `traits` ``.
    pub message: String,
    /// The token's replacement.
    pub replacement: String,
}

/// A secondary location of a [`Diagnostic`], with what it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    /// What is there: `first listed here`.
    pub label: String,
    /// Where.
    pub location: Location,
}

impl Diagnostic {
    /// A loader error or warning as a diagnostic.
    #[must_use]
    pub fn from_load(error: &Error, severity: Severity) -> Self {
        Self {
            code: error.kind().code(),
            severity,
            message: error.kind().to_string(),
            object: String::new(),
            location: error.location().clone(),
            help: error.hint(),
            related: Vec::new(),
            suggestion: match error.kind() {
                ErrorKind::UnknownField {
                    suggestion: Some(s),
                    ..
                } => Some(Suggestion {
                    message: format!("rename it to `{s}`, or remove it"),
                    replacement: s.clone(),
                }),
                _ => None,
            },
        }
    }

    /// The same finding with one more related location.
    #[must_use]
    pub fn with_related(mut self, label: impl Into<String>, location: Location) -> Self {
        self.related.push(Related {
            label: label.into(),
            location,
        });
        self
    }

    /// The code's entry in the registry (`docs/diagnostics.md`): what it means, its severity,
    /// an example; what `oam explain` prints.
    #[must_use]
    pub fn entry(&self) -> Option<&'static oam_model::codes::Code> {
        oam_model::codes::find(self.code)
    }

    /// The object path.
    #[must_use]
    pub fn path(&self) -> &FieldPath {
        &self.location.path
    }

    /// Source, document, position, severity, path, code: document order across sources.
    #[must_use]
    pub fn sort_key(&self) -> impl Ord + '_ {
        let l = &self.location;
        (
            l.source.as_str(),
            l.document,
            l.position.map(|p| p.offset),
            self.severity,
            l.path.to_string(),
            self.code,
            self.message.as_str(),
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {} ({})",
            self.severity, self.code, self.message, self.location
        )
    }
}
