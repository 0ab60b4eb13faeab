//! Field paths in the crossplane syntax (`spec.containers[0].env[1].value`,
//! `metadata.labels['app.oam.dev/name']`, `data[.config.yml]`): the one path syntax of oam-rs,
//! used in documents (parameter `fieldPaths`, `toFieldPaths`, …) and in every error location.

use std::fmt;
use std::str::FromStr;

/// One step of a [`FieldPath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// An object field, e.g. `metadata` or `app.oam.dev/name`.
    Field(String),
    /// An array element.
    Index(usize),
}

/// A parsed field path: a list of [`Segment`]s.
///
/// `Display` prints the canonical form (fields joined by `.`, indices as `[n]`, a field that
/// contains `.`, `[` or `]` or is empty printed in brackets), and `FromStr` parses the crossplane
/// grammar of `oam-v1alpha2.md` §12.
///
/// ```
/// use oam_model::FieldPath;
/// let p: FieldPath = "metadata.labels['app.oam.dev/name']".parse().unwrap();
/// assert_eq!(p.to_string(), "metadata.labels[app.oam.dev/name]");
/// assert_eq!(p.len(), 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The empty path (the document root).
    #[must_use]
    pub const fn root() -> Self {
        Self {
            segments: Vec::new(),
        }
    }

    /// The path's segments.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The number of segments.
    #[must_use]
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether this is the root path.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Appends a segment.
    pub fn push(&mut self, segment: Segment) {
        self.segments.push(segment);
    }

    /// This path followed by a field.
    #[must_use]
    pub fn field(mut self, name: impl Into<String>) -> Self {
        self.segments.push(Segment::Field(name.into()));
        self
    }

    /// This path followed by an index.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.segments.push(Segment::Index(index));
        self
    }

    /// This path followed by all segments of `other`.
    #[must_use]
    pub fn join(mut self, other: &FieldPath) -> Self {
        self.segments.extend(other.segments.iter().cloned());
        self
    }

    /// The path without its last segment (`None` for the root).
    #[must_use]
    pub fn parent(&self) -> Option<FieldPath> {
        let (_, rest) = self.segments.split_last()?;
        Some(FieldPath {
            segments: rest.to_vec(),
        })
    }

    /// The last segment, if any.
    #[must_use]
    pub fn last(&self) -> Option<&Segment> {
        self.segments.last()
    }
}

impl fmt::Display for Segment {
    /// A field's name as is, an index as its number.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Field(name) => f.write_str(name),
            Self::Index(n) => write!(f, "{n}"),
        }
    }
}

impl From<Vec<Segment>> for FieldPath {
    fn from(segments: Vec<Segment>) -> Self {
        Self { segments }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Index(n) => write!(f, "[{n}]")?,
                Segment::Field(name) if needs_brackets(name) => write!(f, "[{name}]")?,
                Segment::Field(name) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(name)?;
                }
            }
        }
        Ok(())
    }
}

fn needs_brackets(name: &str) -> bool {
    name.is_empty() || name.contains(['.', '[', ']'])
}

/// A field path that does not follow the grammar.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot parse path {path:?}: {message} at position {position}")]
pub struct FieldPathError {
    /// The text that failed to parse.
    pub path: String,
    /// What was wrong, e.g. `unexpected '.'`.
    pub message: String,
    /// The 0-based byte offset of the problem.
    pub position: usize,
}

impl FromStr for FieldPath {
    type Err = FieldPathError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = |message: &str, position: usize| FieldPathError {
            path: text.to_owned(),
            message: message.to_owned(),
            position,
        };
        let bytes = text.as_bytes();
        let mut segments = Vec::new();
        let mut i = 0;
        // Whether the previous token allows a `.` next (a name or a bracket was just read).
        let mut after_token = false;
        while i < bytes.len() {
            match bytes[i] {
                b'.' => {
                    // A dot must separate two tokens: not at the start, not doubled, not last,
                    // and never directly before a bracket.
                    if !after_token {
                        return Err(err("unexpected '.'", i));
                    }
                    match bytes.get(i + 1) {
                        None => return Err(err("unexpected '.'", i)),
                        Some(b'.') => return Err(err("unexpected '.'", i + 1)),
                        Some(b'[') => return Err(err("unexpected '['", i + 1)),
                        Some(b']') => return Err(err("unexpected ']'", i + 1)),
                        Some(_) => {}
                    }
                    i += 1;
                    after_token = false;
                }
                b']' => return Err(err("unexpected ']'", i)),
                b'[' => {
                    let start = i;
                    let mut end = i + 1;
                    while end < bytes.len() && bytes[end] != b']' {
                        if bytes[end] == b'[' {
                            return Err(err("unexpected '['", end));
                        }
                        end += 1;
                    }
                    if end == bytes.len() {
                        return Err(err("unterminated '['", start));
                    }
                    if end == start + 1 {
                        return Err(err("unexpected ']'", end));
                    }
                    let content = &text[start + 1..end];
                    segments.push(bracket_segment(content));
                    i = end + 1;
                    after_token = true;
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !matches!(bytes[i], b'.' | b'[' | b']') {
                        i += 1;
                    }
                    segments.push(Segment::Field(trim_quotes(&text[start..i]).to_owned()));
                    after_token = true;
                }
            }
        }
        Ok(FieldPath { segments })
    }
}

/// A bracket holding an unsigned decimal that fits in 32 bits is an index; anything else is a
/// field name (crossplane's `strconv.ParseUint(s, 10, 32)`).
fn bracket_segment(content: &str) -> Segment {
    if !content.is_empty()
        && content.bytes().all(|b| b.is_ascii_digit())
        && let Ok(n) = content.parse::<u32>()
    {
        return Segment::Index(n as usize);
    }
    Segment::Field(trim_quotes(content).to_owned())
}

fn trim_quotes(name: &str) -> &str {
    name.trim_matches(|c| c == '\'' || c == '"')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(p: &str) -> Vec<Segment> {
        p.parse::<FieldPath>().unwrap().segments
    }
    fn f(s: &str) -> Segment {
        Segment::Field(s.into())
    }

    #[test]
    fn parses_the_valid_forms_of_the_reference() {
        assert_eq!(parse("metadata.name"), vec![f("metadata"), f("name")]);
        assert_eq!(
            parse("spec.containers[0].name"),
            vec![f("spec"), f("containers"), Segment::Index(0), f("name")]
        );
        assert_eq!(
            parse("metadata.annotations['crossplane.io/external-name']"),
            vec![
                f("metadata"),
                f("annotations"),
                f("crossplane.io/external-name")
            ]
        );
        assert_eq!(
            parse("spec.items[0][8]"),
            vec![f("spec"), f("items"), Segment::Index(0), Segment::Index(8)]
        );
        assert_eq!(
            parse("spec[containers][0].name"),
            parse("spec.containers[0].name")
        );
        assert_eq!(parse("a[0]b"), vec![f("a"), Segment::Index(0), f("b")]);
        assert_eq!(parse("[42]"), vec![Segment::Index(42)]);
        assert_eq!(parse(""), Vec::<Segment>::new());
        assert_eq!(
            parse("data[.config.yml]"),
            vec![f("data"), f(".config.yml")]
        );
        assert_eq!(
            parse("metadata.labels.0"),
            vec![f("metadata"), f("labels"), f("0")]
        );
    }

    #[test]
    fn brackets_are_indices_only_for_u32_decimals() {
        assert_eq!(parse("a[01]"), vec![f("a"), Segment::Index(1)]);
        for field in ["-1", "+1", "1.5", " 1", "4294967296"] {
            assert_eq!(
                parse(&format!("a[{field}]")),
                vec![f("a"), f(field)],
                "{field}"
            );
        }
        assert_eq!(parse("['app.hash\"]"), vec![f("app.hash")]);
    }

    #[test]
    fn parse_errors_name_the_position() {
        let cases = [
            (".metadata.name", "unexpected '.'", 0),
            ("metadata.name.", "unexpected '.'", 13),
            ("metadata..name", "unexpected '.'", 9),
            ("spec.containers.[0].name", "unexpected '['", 16),
            ("metadata.]name", "unexpected ']'", 9),
            ("spec[bracketed[name]]", "unexpected '['", 14),
            ("spec[name", "unterminated '['", 4),
            ("spec[]", "unexpected ']'", 5),
        ];
        for (path, message, position) in cases {
            let e = path.parse::<FieldPath>().unwrap_err();
            assert_eq!(
                (e.message.as_str(), e.position),
                (message, position),
                "{path}"
            );
        }
        let e = "spec[name".parse::<FieldPath>().unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot parse path \"spec[name\": unterminated '[' at position 4"
        );
    }

    #[test]
    fn display_round_trips() {
        for p in [
            "metadata.name",
            "spec.containers[0].env[1].value",
            "metadata.labels[app.oam.dev/name]",
            "[3].a",
            "data[.config.yml]",
        ] {
            let parsed: FieldPath = p.parse().unwrap();
            assert_eq!(parsed.to_string(), p);
            assert_eq!(parsed.to_string().parse::<FieldPath>().unwrap(), parsed);
        }
    }
}
