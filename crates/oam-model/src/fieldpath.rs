//! Field paths in the crossplane syntax (`spec.containers[0].env[1].value`,
//! `metadata.labels['app.oam.dev/name']`, `data[.config.yml]`): the one path syntax of oam-rs,
//! used in documents (parameter `fieldPaths`, `toFieldPaths`, …) and in every error location.

use std::fmt;
use std::str::FromStr;

use serde_json::Value;

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
                // Quoted, or it would read back as nothing or as an index.
                Segment::Field(name) if name.is_empty() || is_index_like(name) => {
                    write!(f, "['{name}']")?;
                }
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

fn is_index_like(name: &str) -> bool {
    name.bytes().all(|b| b.is_ascii_digit())
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

/// A field path that cannot be read or written in a value (crossplane's messages).
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    /// A missing key: `<prefix>: no such field`.
    #[error("{prefix}: no such field")]
    NoSuchField {
        /// The path up to and including the missing key.
        prefix: String,
    },
    /// An index out of range: `<prefix>: no such element`.
    #[error("{prefix}: no such element")]
    NoSuchElement {
        /// The path up to and including the index.
        prefix: String,
    },
    /// A field segment over a value that is not an object.
    #[error("{prefix}: not an object")]
    NotAnObject {
        /// The path of the value that is not an object.
        prefix: String,
    },
    /// An index segment over a value that is not an array.
    #[error("{prefix}: not an array")]
    NotAnArray {
        /// The path of the value that is not an array.
        prefix: String,
    },
    /// A write at an index so far beyond the end of a list that padding it would be a hostile
    /// allocation (`[4294967295]` would ask for 128 GiB); see [`FieldPath::MAX_PADDING`].
    #[error(
        "{prefix}: index {index} is too far beyond the end of the list ({len} items; at most {} more can be added)",
        FieldPath::MAX_PADDING
    )]
    BeyondEnd {
        /// The path up to and including the index.
        prefix: String,
        /// The index.
        index: usize,
        /// The list's length.
        len: usize,
    },
}

impl PathError {
    /// Whether the path is simply absent (as opposed to crossing a value of the wrong type).
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        matches!(self, Self::NoSuchField { .. } | Self::NoSuchElement { .. })
    }
}

static NULL: Value = Value::Null;

impl FieldPath {
    /// The most `null` elements [`FieldPath::set`] pads a list with to reach an index. Go's
    /// fieldpath pads without bound; a path from untrusted input must not size an allocation.
    pub const MAX_PADDING: usize = 1024;

    fn prefix(&self, len: usize) -> String {
        FieldPath {
            segments: self.segments[..len].to_vec(),
        }
        .to_string()
    }

    /// The error for `segment` applied to a value of the wrong type, found at depth `depth`.
    fn wrong_type(&self, segment: &Segment, depth: usize) -> PathError {
        let prefix = self.prefix(depth);
        match segment {
            Segment::Field(_) => PathError::NotAnObject { prefix },
            Segment::Index(_) => PathError::NotAnArray { prefix },
        }
    }

    /// The value at this path. The empty path gives `null`, as in crossplane.
    ///
    /// ```
    /// let v = serde_json::json!({"spec": {"containers": [{"image": "nginx"}]}});
    /// let p: oam_model::FieldPath = "spec.containers[0].image".parse().unwrap();
    /// assert_eq!(p.get(&v).unwrap(), "nginx");
    /// let e = "spec.containers[1]".parse::<oam_model::FieldPath>().unwrap().get(&v).unwrap_err();
    /// assert_eq!(e.to_string(), "spec.containers[1]: no such element");
    /// ```
    pub fn get<'a>(&self, value: &'a Value) -> Result<&'a Value, PathError> {
        if self.segments.is_empty() {
            return Ok(&NULL);
        }
        let mut current = value;
        for (i, segment) in self.segments.iter().enumerate() {
            current = match (segment, current) {
                (Segment::Field(name), Value::Object(map)) => {
                    map.get(name).ok_or_else(|| PathError::NoSuchField {
                        prefix: self.prefix(i + 1),
                    })?
                }
                (Segment::Index(n), Value::Array(items)) => {
                    items.get(*n).ok_or_else(|| PathError::NoSuchElement {
                        prefix: self.prefix(i + 1),
                    })?
                }
                (segment, _) => return Err(self.wrong_type(segment, i)),
            };
        }
        Ok(current)
    }

    /// Writes `new` at this path, creating missing objects and creating or padding (with `null`)
    /// missing arrays on the way. An existing value of the wrong type on the way is an error (the
    /// Go implementation panics there), and so is an index more than [`FieldPath::MAX_PADDING`]
    /// beyond the end of a list; the last segment overwrites whatever is there. The empty path
    /// changes nothing.
    ///
    /// ```
    /// let mut v = serde_json::json!({});
    /// let p: oam_model::FieldPath = "spec.containers[2].image".parse().unwrap();
    /// p.set(&mut v, "nginx".into()).unwrap();
    /// assert_eq!(v, serde_json::json!({"spec": {"containers": [null, null, {"image": "nginx"}]}}));
    /// ```
    pub fn set(&self, value: &mut Value, new: Value) -> Result<(), PathError> {
        let Some((last, parents)) = self.segments.split_last() else {
            return Ok(());
        };
        let mut current = value;
        for (i, segment) in parents.iter().enumerate() {
            let next_is_index = matches!(self.segments[i + 1], Segment::Index(_));
            current = self.child(current, segment, i, next_is_index)?;
        }
        let slot = self.child(current, last, parents.len(), false)?;
        *slot = new;
        Ok(())
    }

    /// The child at `segment` of `current` (at depth `depth`), created when missing or `null`.
    fn child<'a>(
        &self,
        current: &'a mut Value,
        segment: &Segment,
        depth: usize,
        next_is_index: bool,
    ) -> Result<&'a mut Value, PathError> {
        let empty = || {
            if next_is_index {
                Value::Array(Vec::new())
            } else {
                Value::Object(serde_json::Map::new())
            }
        };
        match segment {
            Segment::Field(name) => {
                if current.is_null() {
                    *current = Value::Object(serde_json::Map::new());
                }
                let Value::Object(map) = current else {
                    return Err(self.wrong_type(segment, depth));
                };
                let slot = map.entry(name.clone()).or_insert(Value::Null);
                if slot.is_null() && depth + 1 < self.segments.len() {
                    *slot = empty();
                }
                Ok(slot)
            }
            Segment::Index(n) => {
                if current.is_null() {
                    *current = Value::Array(Vec::new());
                }
                let Value::Array(items) = current else {
                    return Err(self.wrong_type(segment, depth));
                };
                if items.len() <= *n {
                    if *n - items.len() > Self::MAX_PADDING {
                        return Err(PathError::BeyondEnd {
                            prefix: self.prefix(depth + 1),
                            index: *n,
                            len: items.len(),
                        });
                    }
                    items.resize(*n + 1, Value::Null);
                }
                let slot = &mut items[*n];
                if slot.is_null() && depth + 1 < self.segments.len() {
                    *slot = empty();
                }
                Ok(slot)
            }
        }
    }

    /// Removes the field or array element at this path and returns it; an absent path removes
    /// nothing (`Ok(None)`), a value of the wrong type on the way is an error.
    pub fn delete(&self, value: &mut Value) -> Result<Option<Value>, PathError> {
        let Some((last, parents)) = self.segments.split_last() else {
            return Ok(None);
        };
        let mut current = value;
        for (i, segment) in parents.iter().enumerate() {
            current = match (segment, current) {
                (Segment::Field(name), Value::Object(map)) => match map.get_mut(name) {
                    Some(v) => v,
                    None => return Ok(None),
                },
                (Segment::Index(n), Value::Array(items)) => match items.get_mut(*n) {
                    Some(v) => v,
                    None => return Ok(None),
                },
                (segment, _) => return Err(self.wrong_type(segment, i)),
            };
        }
        match (last, current) {
            (Segment::Field(name), Value::Object(map)) => Ok(map.remove(name)),
            (Segment::Index(n), Value::Array(items)) => {
                Ok((*n < items.len()).then(|| items.remove(*n)))
            }
            (segment, _) => Err(self.wrong_type(segment, parents.len())),
        }
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
    fn get_reports_missing_and_wrong_types_with_the_prefix() {
        let v = serde_json::json!({"a": {"b": [1, {"c": "x"}]}, "s": "str"});
        let get = |p: &str| {
            p.parse::<FieldPath>()
                .unwrap()
                .get(&v)
                .cloned()
                .map_err(|e| e.to_string())
        };
        assert_eq!(get("a.b[1].c"), Ok(serde_json::json!("x")));
        assert_eq!(get(""), Ok(Value::Null));
        assert_eq!(get("a.x.y"), Err("a.x: no such field".into()));
        assert_eq!(get("a.b[5]"), Err("a.b[5]: no such element".into()));
        assert_eq!(get("s.x"), Err("s: not an object".into()));
        assert_eq!(get("a[0]"), Err("a: not an array".into()));
        let e = "a.x".parse::<FieldPath>().unwrap().get(&v).unwrap_err();
        assert!(e.is_not_found());
        assert!(
            !"s.x"
                .parse::<FieldPath>()
                .unwrap()
                .get(&v)
                .unwrap_err()
                .is_not_found()
        );
    }

    #[test]
    fn set_creates_pads_overwrites_and_refuses_wrong_types() {
        let mut v = serde_json::json!({"metadata": {"labels": null}, "s": "str", "list": [1]});
        let set = |v: &mut Value, p: &str, new: Value| {
            p.parse::<FieldPath>()
                .unwrap()
                .set(v, new)
                .map_err(|e| e.to_string())
        };
        set(&mut v, "metadata.labels['app.oam.dev/name']", "php".into()).unwrap();
        set(&mut v, "list[3]", 4.into()).unwrap();
        set(&mut v, "a[1].b[0]", true.into()).unwrap();
        set(&mut v, "list[0]", serde_json::json!({"x": 1})).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"metadata": {"labels": {"app.oam.dev/name": "php"}}, "s": "str",
                               "list": [{"x": 1}, null, null, 4], "a": [null, {"b": [true]}]})
        );
        assert_eq!(set(&mut v, "s.x", 1.into()), Err("s: not an object".into()));
        assert_eq!(set(&mut v, "s[0]", 1.into()), Err("s: not an array".into()));
        assert_eq!(
            set(&mut v, "list.x", 1.into()),
            Err("list: not an object".into())
        );
        let before = v.clone();
        set(&mut v, "", 1.into()).unwrap();
        assert_eq!(v, before, "the empty path changes nothing");
    }

    #[test]
    fn delete_removes_fields_and_elements() {
        let mut v = serde_json::json!({"a": {"b": 1, "c": [1, 2, 3]}, "s": "x"});
        let del = |v: &mut Value, p: &str| {
            p.parse::<FieldPath>()
                .unwrap()
                .delete(v)
                .map_err(|e| e.to_string())
        };
        assert_eq!(del(&mut v, "a.b"), Ok(Some(1.into())));
        assert_eq!(del(&mut v, "a.c[1]"), Ok(Some(2.into())));
        assert_eq!(del(&mut v, "a.nope.deeper"), Ok(None));
        assert_eq!(del(&mut v, "a.c[9]"), Ok(None));
        assert_eq!(del(&mut v, "s.x"), Err("s: not an object".into()));
        assert_eq!(v, serde_json::json!({"a": {"c": [1, 3]}, "s": "x"}));
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

    #[test]
    fn set_pads_a_list_by_a_bounded_amount_only() {
        // A regression: `[4294967295]` once asked for 128 GiB and aborted the process.
        for huge in [
            "spec.containers[4294967295].image",
            "spec.containers[100000000]",
        ] {
            let mut v = serde_json::json!({"spec": {"containers": [{"image": "a"}]}});
            let e = huge.parse::<FieldPath>().unwrap().set(&mut v, "b".into());
            assert!(
                matches!(e, Err(PathError::BeyondEnd { len: 1, .. })),
                "{huge}: {e:?}"
            );
        }
        let mut v = serde_json::json!({"a": []});
        let at_bound = format!("a[{}]", FieldPath::MAX_PADDING);
        at_bound
            .parse::<FieldPath>()
            .unwrap()
            .set(&mut v, 1.into())
            .unwrap();
        assert_eq!(v["a"].as_array().unwrap().len(), FieldPath::MAX_PADDING + 1);
        let e = "b[1025]"
            .parse::<FieldPath>()
            .unwrap()
            .set(&mut v, 1.into())
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "b[1025]: index 1025 is too far beyond the end of the list (0 items; at most 1024 more can be added)"
        );
    }

    #[test]
    fn empty_and_numeric_field_names_print_quoted_so_they_read_back() {
        // Found by fuzzing: `a['].b` has an empty field name, once printed `a[].b`, which does
        // not parse; `["5"]` is the field "5", once printed `[5]`, which is an index.
        for text in ["a['].b", "a[\"5\"]", "['']"] {
            let path: FieldPath = text.parse().unwrap();
            let printed = path.to_string();
            assert_eq!(
                printed.parse::<FieldPath>().unwrap(),
                path,
                "{text} → {printed}"
            );
        }
        assert_eq!(
            "a[\"5\"]".parse::<FieldPath>().unwrap().to_string(),
            "a['5']"
        );
    }
}
