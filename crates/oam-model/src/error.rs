//! The crate's error type: what went wrong ([`ErrorKind`]) and where ([`Location`]).

use std::fmt;

use crate::fieldpath::FieldPath;

/// A 1-based line and column (in characters) plus the 0-based byte offset in the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// 0-based byte offset from the start of the source.
    pub offset: usize,
}

/// Where a problem is: the source, the document in it, the object path and, when the input was
/// text, the line and column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Location {
    /// The source's name: a file path, `<stdin>` or a caller-chosen name.
    pub source: String,
    /// The 0-based index of the document in the source (empty documents are not counted).
    pub document: Option<usize>,
    /// The object path inside the document (`spec.components[1].traits[0].trait.kind`).
    pub path: FieldPath,
    /// The position in the source text, when known.
    pub position: Option<LineCol>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let source = if self.source.is_empty() {
            "<input>"
        } else {
            &self.source
        };
        f.write_str(source)?;
        if let Some(p) = self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        Ok(())
    }
}

/// What went wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The source could not be read.
    #[error("cannot read: {message}")]
    Io {
        /// The operating system's message.
        message: String,
    },
    /// The input is not UTF-8.
    #[error("input is not valid UTF-8 (first invalid byte at offset {valid_up_to})")]
    NotUtf8 {
        /// Length of the valid prefix.
        valid_up_to: usize,
    },
    /// The YAML or JSON text is malformed.
    #[error("{message}")]
    Syntax {
        /// The parser's message.
        message: String,
    },
    /// A mapping names the same key twice (refused, as Kubernetes' strict decoding refuses it:
    /// a lenient decoder keeps one of the two silently).
    #[error("duplicate key `{key}`{}", first.map(|l| format!(", first at line {}, column {}", l.line, l.column)).unwrap_or_default())]
    DuplicateKey {
        /// The key.
        key: String,
        /// Where the key first appears, when the text could be indexed.
        first: Option<LineCol>,
    },
    /// A YAML tag that no Kubernetes object can carry (`!!python/object…`, `!foo`): the API
    /// server decodes YAML to JSON, so a tag would be dropped silently.
    #[error("unsupported YAML tag `{tag}`")]
    UnsupportedTag {
        /// The tag as written.
        tag: String,
    },
    /// A tab in the indentation before a block mapping key: YAML indents with spaces only, and
    /// Kubernetes' YAML reader refuses it ("found a tab character that violates indentation").
    #[error("a tab in the indentation before the key `{key}`: YAML indents with spaces only")]
    TabIndentation {
        /// The key the tab stands before.
        key: String,
    },
    /// A number Kubernetes' JSON cannot hold (`.inf`, `.nan`, `1e400`).
    #[error("`{value}` is not a finite number")]
    NonFiniteNumber {
        /// The scalar as written.
        value: String,
    },
    /// A limit against hostile input was reached.
    #[error("limit exceeded: {message}")]
    Limit {
        /// Which limit and by how much.
        message: String,
    },
    /// A document is not a mapping.
    #[error("a document must be a mapping (an object), found {found}")]
    NotAnObject {
        /// The JSON type found.
        found: &'static str,
    },
    /// `apiVersion` or `kind` is missing or not a string.
    #[error("missing or non-string `{field}`")]
    MissingTypeMeta {
        /// `apiVersion` or `kind`.
        field: &'static str,
    },
    /// A `core.oam.dev` version oam-rs does not know.
    #[error("unknown apiVersion `{api_version}`: core.oam.dev has {}", known.join(", "))]
    UnknownApiVersion {
        /// The apiVersion given.
        api_version: String,
        /// The versions oam-rs knows.
        known: Vec<&'static str>,
    },
    /// A kind that the given `core.oam.dev` version does not have.
    #[error("`{api_version}` has no kind `{kind}`; it has {}", known.join(", "))]
    UnknownKind {
        /// The apiVersion given.
        api_version: String,
        /// The kind given.
        kind: String,
        /// The kinds this version has.
        known: Vec<&'static str>,
    },
    /// A raw object is not of the requested typed kind.
    #[error("expected {expected}, found {found}")]
    KindMismatch {
        /// `apiVersion kind` requested.
        expected: String,
        /// `apiVersion kind` found.
        found: String,
    },
    /// A required field is absent.
    #[error("missing field `{field}`")]
    MissingField {
        /// The field's name.
        field: String,
    },
    /// A value has the wrong type or an invalid value (serde's message).
    #[error("{message}")]
    Invalid {
        /// What was expected and what was found.
        message: String,
    },
    /// A field the model does not have.
    #[error("unknown field `{field}`{}", suggestion.as_ref().map(|s| format!(", did you mean `{s}`?")).unwrap_or_default())]
    UnknownField {
        /// The field's name.
        field: String,
        /// The closest known field, if one is close.
        suggestion: Option<String>,
    },
    /// A Rudr-era `core.oam.dev/v1alpha1` kind (OAM spec v0.1), recognised but not supported.
    #[error(
        "`core.oam.dev/v1alpha1` `{kind}` is the Rudr-era OAM v0.1 API, which oam-rs does not support; it was loaded untyped"
    )]
    LegacyApi {
        /// The legacy kind.
        kind: String,
    },
}

impl ErrorKind {
    /// An unknown field at `path` (its last segment), without a suggestion.
    pub(crate) fn unknown_field(path: &FieldPath) -> Self {
        let field = path.last().map(ToString::to_string).unwrap_or_default();
        Self::UnknownField {
            field,
            suggestion: None,
        }
    }

    /// The stable diagnostic code of this kind (`OAM001`…`OAM013`), registered in
    /// `docs/diagnostics.md`. A code never changes meaning once released.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Io { .. } => "OAM001",
            Self::NotUtf8 { .. } => "OAM002",
            Self::Syntax { .. }
            | Self::DuplicateKey { .. }
            | Self::UnsupportedTag { .. }
            | Self::TabIndentation { .. }
            | Self::NonFiniteNumber { .. } => "OAM003",
            Self::Limit { .. } => "OAM004",
            Self::NotAnObject { .. } => "OAM005",
            Self::MissingTypeMeta { .. } => "OAM006",
            Self::UnknownApiVersion { .. } => "OAM007",
            Self::UnknownKind { .. } => "OAM008",
            Self::KindMismatch { .. } => "OAM009",
            Self::MissingField { .. } => "OAM010",
            Self::Invalid { .. } => "OAM011",
            Self::UnknownField { .. } => "OAM012",
            Self::LegacyApi { .. } => "OAM013",
        }
    }

    /// A short hint on how to fix the problem.
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            Self::Io { .. } => "check that the path exists and is readable".into(),
            Self::NotUtf8 { .. } => "save the file as UTF-8".into(),
            Self::Syntax { .. } => "fix the YAML/JSON syntax at this position".into(),
            Self::DuplicateKey { key, .. } => {
                format!("keep one `{key}`: a lenient decoder would keep one of the two silently")
            }
            Self::UnsupportedTag { .. } => {
                "remove the tag: Kubernetes objects are JSON, which has no tags".into()
            }
            Self::TabIndentation { .. } => {
                "replace the tab with spaces: kubectl and the API server refuse it".into()
            }
            Self::NonFiniteNumber { .. } => {
                "Kubernetes objects are JSON, which has no infinity or NaN; quote it if a string is meant".into()
            }
            Self::Limit { .. } => {
                "the input looks hostile (deep nesting, alias expansion or size); if it is genuine, raise the limit (`oam validate --max-depth`, `--max-bytes`; `Limits` in the library)".into()
            }
            Self::NotAnObject { .. } => "each document must be a Kubernetes object with apiVersion, kind and metadata".into(),
            Self::MissingTypeMeta { field } => format!("add `{field}:` at the top of the document"),
            Self::UnknownApiVersion { known, .. } => format!("use one of {}", known.join(", ")),
            Self::UnknownKind { .. } => "check the kind's spelling and case, or the apiVersion".into(),
            Self::KindMismatch { .. } => "convert only objects of the requested kind".into(),
            Self::MissingField { field } => format!("add the required field `{field}`"),
            Self::Invalid { .. } => "give a value of the type the field expects".into(),
            Self::UnknownField { suggestion: Some(s), .. } => format!("rename it to `{s}`, or remove it"),
            Self::UnknownField { .. } => {
                "remove the field or fix its spelling (`oam validate --lenient` reports it as a warning)".into()
            }
            Self::LegacyApi { .. } => {
                "migrate to core.oam.dev/v1alpha2 (Component, ApplicationConfiguration) or core.oam.dev/v1beta1 (Application)".into()
            }
        })
    }
}

/// An error (or, in [`crate::Loaded::warnings`], a warning) with its location.
///
/// `Display` prints `file:line:column: message (document N, at path)`. Boxed inside, so a
/// `Result<T, Error>` stays small.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    inner: Box<(ErrorKind, Location)>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, location) = &*self.inner;
        write!(f, "{location}: {kind}{}", context(location))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner.0)
    }
}

fn context(location: &Location) -> String {
    match (location.document, location.path.is_empty()) {
        (Some(d), false) => format!(" (document {d}, at {})", location.path),
        (Some(d), true) => format!(" (document {d})"),
        (None, false) => format!(" (at {})", location.path),
        (None, true) => String::new(),
    }
}

impl Error {
    /// An error of `kind` at `location`.
    #[must_use]
    pub fn new(kind: ErrorKind, location: Location) -> Self {
        Self {
            inner: Box::new((kind, location)),
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.0
    }

    /// Where it went wrong.
    #[must_use]
    pub fn location(&self) -> &Location {
        &self.inner.1
    }

    /// What went wrong, mutably (to add a suggestion).
    pub fn kind_mut(&mut self) -> &mut ErrorKind {
        &mut self.inner.0
    }

    /// Where it went wrong, mutably (to prefix a path or fill in a position).
    pub fn location_mut(&mut self) -> &mut Location {
        &mut self.inner.1
    }

    /// A short hint on how to fix it.
    #[must_use]
    pub fn hint(&self) -> Option<String> {
        self.inner.0.hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_line_column_document_and_path() {
        let e = Error::new(
            ErrorKind::UnknownField {
                field: "trais".into(),
                suggestion: Some("traits".into()),
            },
            Location {
                source: "app.yaml".into(),
                document: Some(1),
                path: "spec.components[0].trais".parse().unwrap(),
                position: Some(LineCol {
                    line: 9,
                    column: 7,
                    offset: 100,
                }),
            },
        );
        assert_eq!(
            e.to_string(),
            "app.yaml:9:7: unknown field `trais`, did you mean `traits`? (document 1, at spec.components[0].trais)"
        );
        assert_eq!(e.hint().unwrap(), "rename it to `traits`, or remove it");
    }
}
