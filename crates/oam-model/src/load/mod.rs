//! Loading YAML and JSON (strings, files, directories, readers) into typed [`Document`]s, with
//! every problem located by file, document, object path and line:column.

mod embedded;
mod json;
mod pieces;
mod position;
mod split;
mod yaml;

use std::io::Read;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde_json::Value;

use crate::document::{Document, decode};
use crate::error::{Error, ErrorKind, LineCol, Location};
use crate::fieldpath::FieldPath;
use position::DocumentPositions;
pub use position::NodePosition;

/// One parsed document (a JSON tree and the 1-based line and column of its root) or a parse error
/// (with the line and column, when known).
pub(crate) type ParsedDocument =
    Result<(Value, Option<(usize, usize)>), (ErrorKind, Option<(usize, usize)>)>;

/// The text format of a source.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// YAML (one or more documents, `---` / `...`).
    Yaml,
    /// JSON (one value, or several concatenated).
    Json,
}

impl Format {
    /// JSON for a `.json` name; YAML for a `.yaml`/`.yml` name. Otherwise (standard input, say)
    /// JSON for text starting with `{`, unless a line starts with a YAML document marker (`---`,
    /// `...`), which JSON cannot hold: `{…}` documents separated by `---` are a YAML stream.
    #[must_use]
    pub fn detect(name: &str, text: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Self::Json
        } else if lower.ends_with(".yaml") || lower.ends_with(".yml") {
            Self::Yaml
        } else if text.trim_start().starts_with('{')
            && !text
                .lines()
                .any(|l| l.starts_with("---") || l.starts_with("..."))
        {
            Self::Json
        } else {
            Self::Yaml
        }
    }
}

/// What to do with a field the model does not have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownFields {
    /// Report it as an error and reject the document (kubectl's strict field validation).
    #[default]
    Error,
    /// Report it as a warning and keep the document.
    Warn,
}

/// Limits against hostile input. The size budgets grow with the input, so a real
/// 10,000-component stream loads; the alias and depth guards do not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Deepest nesting of mappings and sequences (default 64).
    pub max_depth: usize,
    /// Most aliases and anchors per stream (default 50,000).
    pub max_aliases: usize,
    /// Most events replayed through aliases (default 1,000,000): stops billion-laughs files.
    pub max_alias_replay_events: usize,
    /// The node budget for small inputs (default 250,000); larger inputs get one node per byte.
    pub min_node_budget: usize,
    /// The largest source accepted, in bytes (default 256 MiB).
    pub max_source_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 64,
            max_aliases: 50_000,
            max_alias_replay_events: 1_000_000,
            min_node_budget: 250_000,
            max_source_bytes: 256 << 20,
        }
    }
}

/// Options for the load functions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Unknown fields: errors (default) or warnings.
    pub unknown_fields: UnknownFields,
    /// Limits against hostile input.
    pub limits: Limits,
    /// How many threads may parse and type documents at once: the files of a directory, the
    /// pieces of a large YAML stream (cut at its document markers) and the typing of its
    /// documents. `None` (the default) uses every available core; one means sequential. The
    /// result is the same, byte for byte, whatever the number.
    pub jobs: Option<NonZeroUsize>,
}

impl LoadOptions {
    /// Options that report unknown fields as warnings.
    #[must_use]
    pub fn lenient() -> Self {
        Self {
            unknown_fields: UnknownFields::Warn,
            ..Self::default()
        }
    }

    /// These options with at most `jobs` threads (one means sequential, zero is taken as one).
    #[must_use]
    pub fn with_jobs(self, jobs: usize) -> Self {
        Self {
            jobs: Some(NonZeroUsize::new(jobs).unwrap_or(NonZeroUsize::MIN)),
            ..self
        }
    }

    /// The number of threads these options allow: `jobs`, or the available cores.
    #[must_use]
    pub fn threads(&self) -> usize {
        crate::parallel::threads(self.jobs)
    }
}

/// A named text that documents were loaded from, with a position index built on first use.
#[derive(Debug)]
pub struct Source {
    name: String,
    text: String,
    format: Format,
    /// Whether the text has a `!` at all: only then can a document carry a tag.
    may_have_tags: bool,
    /// Whether the text has a tab at all: only then can one stand in an indentation.
    may_have_tabs: bool,
    positions: OnceLock<Vec<DocumentPositions>>,
    line_starts: OnceLock<Vec<usize>>,
}

impl Source {
    /// A source named `name` (a path, `<stdin>`, …); the format is detected from both.
    #[must_use]
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let (name, text) = (name.into(), text.into());
        let format = Format::detect(&name, &text);
        let may_have_tags = text.contains('!');
        let may_have_tabs = text.contains('\t');
        Self {
            name,
            text,
            format,
            may_have_tags,
            may_have_tabs,
            positions: OnceLock::new(),
            line_starts: OnceLock::new(),
        }
    }

    /// The source's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The source's text.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The source's format.
    #[must_use]
    pub fn format(&self) -> Format {
        self.format
    }

    /// Byte offsets where each line starts, computed once.
    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The text of a 1-based line, without its line break.
    #[must_use]
    pub fn line(&self, line: usize) -> Option<&str> {
        let starts = self.line_starts();
        let start = *starts.get(line.checked_sub(1)?)?;
        let end = starts.get(line).map_or(self.text.len(), |next| next - 1);
        Some(self.text[start..end].trim_end_matches('\r'))
    }

    /// A [`LineCol`] for a 1-based line and column (in characters), with its byte offset.
    #[must_use]
    pub fn line_col(&self, line: usize, column: usize) -> LineCol {
        let starts = self.line_starts();
        let line_start = starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let rest = &self.text[line_start..];
        let within = rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(b, _)| b);
        LineCol {
            line,
            column,
            offset: line_start + within,
        }
    }

    /// Where the node at `path` is in the document whose root starts at `root`, or its closest
    /// ancestor (the flag is `false` then).
    #[must_use]
    pub fn locate(&self, root: LineCol, path: &FieldPath) -> Option<(NodePosition, bool)> {
        self.document_positions(root)?.locate(path)
    }

    fn positions(&self) -> &[DocumentPositions] {
        self.positions.get_or_init(|| position::index(&self.text))
    }

    /// The index of the document whose root starts at `root` (the index is in text order, so
    /// a binary search: a linear one made every lookup in 100,000 documents quadratic).
    fn document_positions(&self, root: LineCol) -> Option<&DocumentPositions> {
        let positions = self.positions();
        let key = (root.line, root.column);
        let at = positions
            .binary_search_by_key(&key, |d| (d.root.line, d.root.column))
            .ok()?;
        positions.get(at)
    }

    /// The repeat of `key` that a parser reported at or before `at` (YAML reports the repeated
    /// key itself, JSON the end of its value), and where the key first appears.
    fn duplicate(&self, key: &str, at: Option<LineCol>) -> Option<(&FieldPath, LineCol, LineCol)> {
        let at = at.map_or(usize::MAX, |a| a.offset);
        let positions = self.positions();
        // Documents are in text order: the latest repeat at or before `at` is in the last
        // document that has one, so the search starts at `at` and walks back.
        let before = positions.partition_point(|d| d.root.offset <= at);
        positions[..before]
            .iter()
            .rev()
            .find_map(|d| {
                d.duplicates
                    .iter()
                    .filter(|(path, _, again)| {
                        again.offset <= at && path.last().is_some_and(|s| s.to_string() == key)
                    })
                    .max_by_key(|(_, _, again)| again.offset)
            })
            .map(|(path, first, again)| (path, *first, *again))
    }

    /// Block mapping keys with a tab in their indentation, in the document whose root starts at
    /// `root` (the index is built only for a text with a tab).
    fn indentation_tabs(&self, root: Option<LineCol>) -> &[(FieldPath, LineCol)] {
        if !self.may_have_tabs || self.format == Format::Json {
            return &[];
        }
        root.and_then(|r| self.document_positions(r))
            .map_or(&[], |d| d.tabs.as_slice())
    }

    /// Tags no Kubernetes object can carry, in the document whose root starts at `root`.
    fn foreign_tags(&self, root: Option<LineCol>) -> &[(FieldPath, LineCol, String)] {
        // Only a text with a `!` can have a tag: the common case never builds the index here.
        // (Searched once per source: once per document made 100,000 tiny documents quadratic.)
        if !self.may_have_tags {
            return &[];
        }
        root.and_then(|r| self.document_positions(r))
            .map_or(&[], |d| d.tags.as_slice())
    }
}

/// A value loaded from a source, with where it came from and the warnings about it.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    /// The value.
    pub value: T,
    /// The source it was loaded from.
    pub source: Arc<Source>,
    /// The 0-based index of the document in the source (empty documents are not counted).
    pub document: usize,
    /// Where the document's root node starts, when known.
    pub root: Option<LineCol>,
    /// Warnings: unknown fields in lenient mode, a legacy API.
    pub warnings: Vec<Error>,
}

impl<T> Loaded<T> {
    /// The location of `path` in this document: source, document, path and line:column (of the
    /// key, for a mapping entry; of the closest ancestor when the path is not in the text).
    #[must_use]
    pub fn location(&self, path: &FieldPath) -> Location {
        locate(&self.source, self.document, self.root, path, Anchor::Key)
    }

    /// Applies `f` to the value, keeping where it came from.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Loaded<U> {
        Loaded {
            value: f(self.value),
            source: self.source,
            document: self.document,
            root: self.root,
            warnings: self.warnings,
        }
    }
}

/// The outcome of loading one or more sources: the documents that loaded and every error.
#[derive(Clone, Debug, Default)]
pub struct LoadReport {
    /// Documents that loaded (possibly with warnings), in source order.
    pub documents: Vec<Loaded<Document>>,
    /// Errors, in source order. A document with an error is not in `documents`.
    pub errors: Vec<Error>,
    /// The sources read, for rendering snippets.
    pub sources: Vec<Arc<Source>>,
}

impl LoadReport {
    /// Whether nothing failed.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// The loaded documents' values, in source order.
    pub fn values(&self) -> impl Iterator<Item = &Document> + Clone {
        self.documents.iter().map(|d| &d.value)
    }

    /// Every loaded document that is a `T` (see [`Document::get`]), with the document.
    pub fn all<T: std::any::Any>(&self) -> impl Iterator<Item = (&Loaded<Document>, &T)> {
        self.documents
            .iter()
            .filter_map(|d| Some((d, d.value.get::<T>()?)))
    }

    /// Every application of either generation, with its document, in source order.
    pub fn apps(&self) -> impl Iterator<Item = (&Loaded<Document>, crate::App<'_>)> {
        self.documents
            .iter()
            .filter_map(|d| Some((d, d.value.as_app()?)))
    }

    /// Every warning of every loaded document.
    pub fn warnings(&self) -> impl Iterator<Item = &Error> {
        self.documents.iter().flat_map(|d| &d.warnings)
    }

    /// The documents, or every error.
    pub fn into_result(self) -> Result<Vec<Loaded<Document>>, Vec<Error>> {
        if self.errors.is_empty() {
            Ok(self.documents)
        } else {
            Err(self.errors)
        }
    }

    /// Appends another report.
    pub fn extend(&mut self, other: LoadReport) {
        self.documents.extend(other.documents);
        self.errors.extend(other.errors);
        self.sources.extend(other.sources);
    }

    /// The source with this name.
    #[must_use]
    pub fn source(&self, name: &str) -> Option<&Arc<Source>> {
        self.sources.iter().find(|s| s.name() == name)
    }
}

/// A parser message without the ` at line L, column C` it appends: the location is reported
/// separately.
fn strip_location(message: &str) -> String {
    message
        .find(" at line ")
        .map_or_else(|| message.to_owned(), |i| message[..i].to_owned())
}

/// Which position of a node an error points at.
#[derive(Clone, Copy)]
enum Anchor {
    Key,
    Value,
}

fn locate(
    source: &Source,
    document: usize,
    root: Option<LineCol>,
    path: &FieldPath,
    anchor: Anchor,
) -> Location {
    let position = root
        .and_then(|root| source.locate(root, path))
        .map(|(node, exact)| match (anchor, exact) {
            (Anchor::Value, true) => node.value,
            _ => node.key.unwrap_or(node.value),
        });
    Location {
        source: source.name().to_owned(),
        document: Some(document),
        path: path.clone(),
        position,
    }
}

/// Loads every document of a text. `name` is used in locations and to detect JSON (`.json`).
///
/// ```
/// let yaml = "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\n\
///             spec:\n  workload: {apiVersion: apps/v1, kind: Deployment}\n  trais: []\n";
/// let report = oam_model::load_str("web.yaml", yaml, &oam_model::LoadOptions::default());
/// assert_eq!(report.errors[0].to_string(),
///            "web.yaml:6:3: unknown field `trais` (document 0, at spec.trais)");
/// ```
#[must_use]
pub fn load_str(name: &str, text: &str, options: &LoadOptions) -> LoadReport {
    load_source(Source::new(name, text), options)
}

/// Loads every document of a [`Source`].
#[must_use]
pub fn load_source(source: Source, options: &LoadOptions) -> LoadReport {
    let source = Arc::new(source);
    let mut report = LoadReport {
        sources: vec![source.clone()],
        ..LoadReport::default()
    };
    if source.text.len() > options.limits.max_source_bytes {
        let message = format!(
            "{} bytes, more than the limit of {}",
            source.text.len(),
            options.limits.max_source_bytes
        );
        report.errors.push(Error::new(
            ErrorKind::Limit { message },
            Location {
                source: source.name.clone(),
                ..Location::default()
            },
        ));
        return report;
    }
    let jobs = options.threads();
    if source.format == Format::Yaml
        && let Some(parts) = pieces::load_yaml_in_pieces(&source, options, jobs)
    {
        for part in parts {
            report.documents.extend(part.documents);
            report.errors.extend(part.errors);
        }
        return report;
    }
    let parsed = match source.format {
        Format::Yaml => yaml::documents(&source.text, &options.limits),
        Format::Json => json::documents(&source.text, &options.limits),
    };
    for (index, item) in parsed.into_iter().enumerate() {
        load_parsed(item, &source, index, options, &mut report);
    }
    report
}

/// Types one parsed document (or reports its parse error) into `report`.
fn load_parsed(
    item: ParsedDocument,
    source: &Arc<Source>,
    index: usize,
    options: &LoadOptions,
    report: &mut LoadReport,
) {
    match item {
        Ok((value, root)) => {
            let root = root.map(|(l, c)| source.line_col(l, c));
            let tags = source.foreign_tags(root);
            let tabs = source.indentation_tabs(root);
            if tags.is_empty() && tabs.is_empty() {
                load_document(value, source, index, root, options, report);
            }
            for (path, at) in tabs {
                let key = path.last().map(ToString::to_string).unwrap_or_default();
                let location = Location {
                    source: source.name.clone(),
                    document: Some(index),
                    path: path.clone(),
                    position: Some(*at),
                };
                report
                    .errors
                    .push(Error::new(ErrorKind::TabIndentation { key }, location));
            }
            for (path, at, tag) in tags {
                let kind = ErrorKind::UnsupportedTag { tag: tag.clone() };
                let location = Location {
                    source: source.name.clone(),
                    document: Some(index),
                    path: path.clone(),
                    position: Some(*at),
                };
                report.errors.push(Error::new(kind, location));
            }
        }
        Err((mut kind, at)) => {
            let mut position = at.map(|(l, c)| source.line_col(l, c));
            let mut path = FieldPath::root();
            if let ErrorKind::DuplicateKey { key, first } = &mut kind
                && let Some((at_path, at_first, again)) = source.duplicate(key, position)
            {
                *first = Some(at_first);
                position = Some(again);
                path = at_path.clone();
            }
            let location = Location {
                source: source.name.clone(),
                document: Some(index),
                path,
                position,
            };
            report.errors.push(Error::new(kind, location));
        }
    }
}

fn load_document(
    value: Value,
    source: &Arc<Source>,
    index: usize,
    root: Option<LineCol>,
    options: &LoadOptions,
    report: &mut LoadReport,
) {
    let at = |path: &FieldPath, anchor| locate(source, index, root, path, anchor);
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let embedded = embedded::check(&value);
    let decoded = match decode(value) {
        Ok(decoded) => decoded,
        Err((path, kind)) => {
            let anchor = if matches!(kind, ErrorKind::NotAnObject { .. }) {
                Anchor::Value
            } else {
                Anchor::Key
            };
            report.errors.push(Error::new(kind, at(&path, anchor)));
            return;
        }
    };
    let unknown = decoded.unknown_fields;
    let document = match decoded.result {
        Ok(document) => {
            for (path, kind) in embedded.errors {
                warnings.push(Error::new(kind, at(&path, Anchor::Value)));
            }
            for path in embedded.unknown_fields {
                warnings.push(Error::new(
                    ErrorKind::unknown_field(&path),
                    at(&path, Anchor::Key),
                ));
            }
            Some(document)
        }
        Err((path, kind)) => {
            let anchor = if matches!(kind, ErrorKind::MissingField { .. }) {
                Anchor::Key
            } else {
                Anchor::Value
            };
            errors.push(Error::new(kind, at(&path, anchor)));
            None
        }
    };
    let (api_version, kind) = document
        .as_ref()
        .map(|d| (d.api_version(), d.kind()))
        .unwrap_or_default();
    for path in unknown {
        let mut error = Error::new(ErrorKind::unknown_field(&path), at(&path, Anchor::Key));
        if let (ErrorKind::UnknownField { field, suggestion }, Some(parent)) =
            (&mut error.kind_mut(), path.parent())
        {
            let known = crate::suggest::known_fields(api_version, kind, &parent);
            *suggestion = crate::suggest::closest(field, &known).map(str::to_owned);
        }
        match options.unknown_fields {
            UnknownFields::Error => errors.push(error),
            UnknownFields::Warn => warnings.push(error),
        }
    }
    if let Some(Document::Legacy(raw)) = &document {
        let kind = raw.kind.clone().unwrap_or_default();
        warnings.push(Error::new(
            ErrorKind::LegacyApi { kind },
            at(&FieldPath::root().field("apiVersion"), Anchor::Key),
        ));
    }
    sort_by_position(&mut errors);
    sort_by_position(&mut warnings);
    match document {
        Some(value) if errors.is_empty() => {
            report.documents.push(Loaded {
                value,
                source: source.clone(),
                document: index,
                root,
                warnings,
            });
        }
        _ => report.errors.extend(errors),
    }
}

/// Document order: by position when known, then by path, so output is deterministic.
fn sort_by_position(errors: &mut [Error]) {
    errors.sort_by(|a, b| {
        let key = |e: &Error| {
            (
                e.location().position.map(|p| p.offset),
                e.location().path.to_string(),
            )
        };
        key(a).cmp(&key(b))
    });
}

/// Loads a file (YAML, or JSON when it ends in `.json`).
#[must_use]
pub fn load_file(path: &Path, options: &LoadOptions) -> LoadReport {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => load_bytes(&name, bytes, options),
        Err(e) => io_error(&name, &e),
    }
}

/// Loads bytes, which must be UTF-8 (a leading byte-order mark is skipped).
#[must_use]
pub fn load_bytes(name: &str, bytes: Vec<u8>, options: &LoadOptions) -> LoadReport {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            load_source(Source::new(name, text), options)
        }
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid_up_to]);
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            let location = Location {
                source: name.to_owned(),
                document: None,
                path: FieldPath::root(),
                position: Some(LineCol {
                    line,
                    column,
                    offset: valid_up_to,
                }),
            };
            LoadReport {
                errors: vec![Error::new(ErrorKind::NotUtf8 { valid_up_to }, location)],
                ..LoadReport::default()
            }
        }
    }
}

/// Loads everything a reader yields (for example standard input) under `name`.
pub fn load_reader(name: &str, mut reader: impl Read, options: &LoadOptions) -> LoadReport {
    let mut bytes = Vec::new();
    let limit = options.limits.max_source_bytes as u64 + 1;
    match reader.by_ref().take(limit).read_to_end(&mut bytes) {
        Ok(_) => load_bytes(name, bytes, options),
        Err(e) => io_error(name, &e),
    }
}

/// Loads every `*.yaml`, `*.yml` and `*.json` file under a directory, recursively, in sorted
/// path order.
#[must_use]
pub fn load_dir(dir: &Path, options: &LoadOptions) -> LoadReport {
    let mut report = LoadReport::default();
    let mut files = Vec::new();
    for (path, e) in collect_files(dir, &mut files) {
        report.extend(io_error(&path, &e));
    }
    files.sort();
    for loaded in
        crate::parallel::map_in_order(&files, options.threads(), |file| load_file(file, options))
    {
        report.extend(loaded);
    }
    report
}

/// Loads a file or, for a directory, every YAML and JSON file under it.
#[must_use]
pub fn load_path(path: &Path, options: &LoadOptions) -> LoadReport {
    if path.is_dir() {
        load_dir(path, options)
    } else {
        load_file(path, options)
    }
}

/// Every `*.yaml`, `*.yml` and `*.json` regular file under `root`, and the problems met on the
/// way. Symbolic links are followed, but each directory is walked once: a link back to a
/// directory being walked is a loop (reported), a second link to a walked one is skipped. Files
/// that are not regular (a FIFO named `x.yaml` would block the reader forever) are reported and
/// skipped. Iterative, so depth cannot overflow the stack.
fn collect_files(root: &Path, out: &mut Vec<PathBuf>) -> Vec<(String, std::io::Error)> {
    use std::collections::HashSet;
    let mut problems = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    // (directory, the directories above it and itself: canonical path and the path walked)
    let mut stack: Vec<(PathBuf, Vec<(PathBuf, PathBuf)>)> = vec![(root.to_path_buf(), Vec::new())];
    while let Some((dir, mut above)) = stack.pop() {
        let canonical = match std::fs::canonicalize(&dir) {
            Ok(c) => c,
            Err(e) => {
                problems.push((dir.display().to_string(), e));
                continue;
            }
        };
        if let Some((_, walked)) = above.iter().find(|(c, _)| *c == canonical) {
            let e = std::io::Error::other(format!(
                "a symbolic link loop back to {} (not walked again)",
                walked.display()
            ));
            problems.push((dir.display().to_string(), e));
            continue;
        }
        if !seen.insert(canonical.clone()) {
            continue; // reached again through another link: its files are already listed
        }
        above.push((canonical, dir.clone()));
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push((dir.display().to_string(), e));
                continue;
            }
        };
        for entry in entries {
            let path = match entry {
                Ok(entry) => entry.path(),
                Err(e) => {
                    problems.push((dir.display().to_string(), e));
                    continue;
                }
            };
            let wanted = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"));
            match std::fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => stack.push((path, above.clone())),
                Ok(meta) if wanted && !meta.is_file() => {
                    let e = std::io::Error::other(
                        "not a regular file (a FIFO, socket or device), skipped",
                    );
                    problems.push((path.display().to_string(), e));
                }
                Ok(_) if wanted => out.push(path),
                Ok(_) => {}
                // A dangling link named like a document: say so, with where it points.
                Err(e) if wanted => {
                    let e = match std::fs::read_link(&path) {
                        Ok(target) if e.kind() == std::io::ErrorKind::NotFound => {
                            std::io::Error::other(format!(
                                "a symbolic link to {}, which does not exist",
                                target.display()
                            ))
                        }
                        _ => e,
                    };
                    problems.push((path.display().to_string(), e));
                }
                Err(_) => {}
            }
        }
    }
    problems.sort_by(|a, b| a.0.cmp(&b.0));
    problems
}

fn io_error(name: &str, e: &std::io::Error) -> LoadReport {
    let location = Location {
        source: name.to_owned(),
        ..Location::default()
    };
    LoadReport {
        errors: vec![Error::new(
            ErrorKind::Io {
                message: e.to_string(),
            },
            location,
        )],
        ..LoadReport::default()
    }
}
