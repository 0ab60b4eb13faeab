//! The position index: object path → line:column for every node of every document in a source,
//! built on demand from the YAML parser's events (JSON is parsed as YAML for this purpose).

use std::collections::HashMap;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span};

use crate::error::LineCol;
use crate::fieldpath::{FieldPath, Segment};

/// Where a node is: its key (for a mapping entry) and its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodePosition {
    /// The position of the key, for a mapping entry.
    pub key: Option<LineCol>,
    /// The position of the value.
    pub value: LineCol,
}

/// Positions of the nodes of one document.
#[derive(Debug, Default)]
pub(crate) struct DocumentPositions {
    /// Where the document's root node starts.
    pub root: LineCol,
    nodes: HashMap<FieldPath, NodePosition>,
    /// Keys that repeat in their mapping: the path, the first key's position and the repeat's.
    pub duplicates: Vec<(FieldPath, LineCol, LineCol)>,
    /// Tags on nodes (`!!str`, `!foo`): the path, where the node is, and the tag as written.
    pub tags: Vec<(FieldPath, LineCol, String)>,
    /// Block mapping keys with a tab in the indentation before them: the key's path and place.
    pub tabs: Vec<(FieldPath, LineCol)>,
}

impl DocumentPositions {
    /// The node at `path`, or its closest ancestor that exists in the text.
    pub fn locate(&self, path: &FieldPath) -> Option<(NodePosition, bool)> {
        if let Some(p) = self.nodes.get(path) {
            return Some((*p, true));
        }
        let mut prefix = path.parent();
        while let Some(p) = prefix {
            if let Some(found) = self.nodes.get(&p) {
                return Some((*found, false));
            }
            prefix = p.parent();
        }
        None
    }
}

/// Builds the positions of every non-empty document of `text`, stopping quietly at the first
/// syntax error (the loader reports that error itself).
pub(crate) fn index(text: &str) -> Vec<DocumentPositions> {
    enum Frame {
        Map {
            key: Option<(String, LineCol)>,
            /// A flow mapping (`{…}`), where tabs are plain separation.
            flow: bool,
        },
        Seq {
            next: usize,
        },
        /// A complex (non-scalar) mapping key: skipped, with the container depth inside it.
        Skip {
            depth: usize,
        },
    }
    let mut docs = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut path = FieldPath::root();
    let mut current: Option<DocumentPositions> = None;

    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { break };
        let pos = line_col(text, &span);
        let tag = event.tag().map(|t| {
            let handle = if t.original_handle().is_empty() {
                t.handle()
            } else {
                t.original_handle()
            };
            (
                format!("{handle}{}", t.suffix()),
                is_core_tag(t.handle(), t.suffix()),
            )
        });
        let (is_node, opens) = match &event {
            Event::Scalar(..) | Event::Alias(_) => (true, false),
            Event::MappingStart(..) | Event::SequenceStart(..) => (true, true),
            Event::MappingEnd | Event::SequenceEnd => {
                match stack.last_mut() {
                    Some(Frame::Skip { depth }) if *depth > 1 => *depth -= 1,
                    Some(Frame::Skip { .. }) => {
                        stack.pop();
                        // The complex key is done: its value follows, under a placeholder name.
                        if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                            *key = Some(("?".to_owned(), pos));
                        }
                    }
                    Some(_) => {
                        stack.pop();
                        pop_segment(&mut path, &stack);
                    }
                    None => {}
                }
                (false, false)
            }
            Event::DocumentEnd => {
                stack.clear();
                path = FieldPath::root();
                if let Some(doc) = current.take() {
                    docs.push(doc);
                }
                (false, false)
            }
            _ => (false, false),
        };
        if !is_node {
            continue;
        }
        if let Some(Frame::Skip { depth }) = stack.last_mut() {
            if opens {
                *depth += 1;
            }
            continue;
        }
        let new_frame = || match &event {
            Event::MappingStart(..) => Frame::Map {
                key: None,
                flow: text.get(pos.offset..).is_some_and(|t| t.starts_with('{')),
            },
            _ => Frame::Seq { next: 0 },
        };
        match stack.last_mut() {
            None => {
                if let Event::Scalar(value, ScalarStyle::Plain, ..) = &event
                    && matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL")
                {
                    continue; // an empty document: the loader skips it too
                }
                let mut doc = DocumentPositions {
                    root: pos,
                    ..DocumentPositions::default()
                };
                doc.nodes.insert(
                    FieldPath::root(),
                    NodePosition {
                        key: None,
                        value: pos,
                    },
                );
                current = Some(doc);
                note_tag(&mut current, &path, pos, tag);
                if opens {
                    stack.push(new_frame());
                }
            }
            Some(Frame::Map { key, flow }) => match key.take() {
                None => match &event {
                    Event::Scalar(name, ..) => {
                        if !*flow
                            && let Some(doc) = current.as_mut()
                            && tab_indented(text, pos.offset)
                        {
                            doc.tabs.push((path.clone().field(name.to_string()), pos));
                        }
                        *key = Some((name.to_string(), pos));
                    }
                    _ if opens => stack.push(Frame::Skip { depth: 1 }),
                    _ => {}
                },
                Some((name, key_pos)) => {
                    path.push(Segment::Field(name));
                    record(&mut current, &path, Some(key_pos), pos);
                    note_tag(&mut current, &path, pos, tag);
                    if opens {
                        stack.push(new_frame());
                    } else {
                        path = path.parent().unwrap_or_default();
                    }
                }
            },
            Some(Frame::Seq { next }) => {
                path.push(Segment::Index(*next));
                *next += 1;
                record(&mut current, &path, None, pos);
                note_tag(&mut current, &path, pos, tag);
                if opens {
                    stack.push(new_frame());
                } else {
                    path = path.parent().unwrap_or_default();
                }
            }
            Some(Frame::Skip { .. }) => {}
        }
    }
    if let Some(doc) = current.take() {
        docs.push(doc);
    }
    docs
}

/// Whether only white space with a tab in it stands between the line's start and `offset`.
fn tab_indented(text: &str, offset: usize) -> bool {
    let Some(before) = text.get(..offset) else {
        return false;
    };
    let lead = &before[before.rfind('\n').map_or(0, |n| n + 1)..];
    lead.contains('\t') && lead.bytes().all(|b| b == b' ' || b == b'\t')
}

/// After a container closes, drop its segment unless it was the document root.
fn pop_segment<T>(path: &mut FieldPath, stack: &[T]) {
    if !stack.is_empty() {
        *path = path.parent().unwrap_or_default();
    }
}

fn record(
    doc: &mut Option<DocumentPositions>,
    path: &FieldPath,
    key: Option<LineCol>,
    value: LineCol,
) {
    let Some(doc) = doc else { return };
    match doc.nodes.entry(path.clone()) {
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert(NodePosition { key, value });
        }
        // The first occurrence keeps its place; the repeat is remembered for the error.
        std::collections::hash_map::Entry::Occupied(first) => {
            if let (Some(first), Some(again)) = (first.get().key, key) {
                doc.duplicates.push((path.clone(), first, again));
            }
        }
    }
}

/// Remembers a tag that changes what a node means: any but YAML's core schema (`!!str`, `!!int`,
/// `!!map` …, `!!binary`, whose base64 text is what Kubernetes keeps) and the non-specific `!`.
fn note_tag(
    doc: &mut Option<DocumentPositions>,
    path: &FieldPath,
    pos: LineCol,
    tag: Option<(String, bool)>,
) {
    if let (Some(doc), Some((written, false))) = (doc, tag) {
        doc.tags.push((path.clone(), pos, written));
    }
}

fn is_core_tag(handle: &str, suffix: &str) -> bool {
    match handle {
        "tag:yaml.org,2002:" => matches!(
            suffix,
            "str" | "int" | "float" | "bool" | "null" | "map" | "seq" | "binary" | "merge"
        ),
        "!" => suffix.is_empty(),
        _ => false,
    }
}

fn line_col(text: &str, span: &Span) -> LineCol {
    let m = span.start;
    let offset = m
        .byte_offset()
        .unwrap_or_else(|| char_to_byte(text, m.index()));
    LineCol {
        line: m.line(),
        column: m.col() + 1,
        offset,
    }
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(docs: &[DocumentPositions], doc: usize, path: &str) -> (usize, usize) {
        let (p, exact) = docs[doc].locate(&path.parse().unwrap()).unwrap();
        assert!(exact, "{path} not found exactly");
        let lc = p.key.unwrap_or(p.value);
        (lc.line, lc.column)
    }

    #[test]
    fn indexes_keys_items_and_documents() {
        let text = "a: 1\nb:\n  - x\n  - c: {d: [5, 6]}\n---\n---\n~\n---\nz: é\n";
        let docs = index(text);
        assert_eq!(docs.len(), 2, "empty and null documents are skipped");
        assert_eq!(at(&docs, 0, "a"), (1, 1));
        assert_eq!(at(&docs, 0, "b[0]"), (3, 5));
        assert_eq!(at(&docs, 0, "b[1].c"), (4, 5));
        assert_eq!(at(&docs, 0, "b[1].c.d[1]"), (4, 16));
        assert_eq!(at(&docs, 1, "z"), (9, 1));
        let value = docs[1].locate(&"z".parse().unwrap()).unwrap().0.value;
        assert_eq!(
            (
                value.line,
                value.column,
                &text[value.offset..value.offset + 2]
            ),
            (9, 4, "é")
        );
        // A missing path falls back to the closest ancestor.
        let (p, exact) = docs[0].locate(&"b[1].c.nope".parse().unwrap()).unwrap();
        assert!(!exact);
        assert_eq!(p.key.unwrap().line, 4);
    }

    #[test]
    fn indexes_json_too() {
        let docs = index("{\n  \"spec\": {\"x\": [1,\n 2]}\n}");
        assert_eq!(at(&docs, 0, "spec.x[1]"), (3, 2));
    }

    #[test]
    fn remembers_repeated_keys_and_foreign_tags() {
        let docs = index("a: 1\nb: !!str 2\nc: !foo 3\nd: !!python/object:os.system x\na: 4\n");
        let (path, first, again) = &docs[0].duplicates[0];
        assert_eq!(
            (path.to_string(), first.line, again.line),
            ("a".into(), 1, 5)
        );
        let tags: Vec<_> = docs[0]
            .tags
            .iter()
            .map(|(p, at, t)| (p.to_string(), at.line, t.as_str()))
            .collect();
        assert_eq!(
            tags,
            [
                ("c".into(), 3, "!foo"),
                ("d".into(), 4, "!!python/object:os.system")
            ]
        );
    }

    #[test]
    fn remembers_tabs_in_block_indentation_only() {
        let tabs = |text: &str| -> Vec<String> {
            index(text)[0]
                .tabs
                .iter()
                .map(|(p, at)| format!("{p} {}:{}", at.line, at.column))
                .collect()
        };
        let text = "a:\n  \tb: 1\nd: {e: 1,\tf: 2}\ng: |\n  \tkept\nh: \"\\t\"\n";
        assert_eq!(tabs(text), ["a.b 2:4"]);
        assert_eq!(tabs("\tc: 2\n"), ["c 1:2"]);
        assert!(
            tabs("- \ta: 1\n").is_empty(),
            "after `- ` a tab is separation"
        );
    }

    #[test]
    fn skips_complex_keys() {
        let docs = index("? [a, b]\n: 1\nc: 2\n");
        assert_eq!(at(&docs, 0, "c"), (3, 1));
    }
}
