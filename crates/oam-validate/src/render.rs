//! Rendering diagnostics for people and tools: rustc-style text with the source line and a
//! caret, JSON objects, and GitHub Actions workflow annotations.

use std::borrow::Cow;
use std::fmt::Write as _;

use annotate_snippets::{AnnotationKind, Element, Group, Level, Patch, Renderer, Snippet};
use oam_model::{LoadReport, Location};
use serde_json::{Value, json};

use crate::diagnostic::{Diagnostic, Related, Severity};

/// rustc-style text, one block per diagnostic: `error[OAM012]: message`, ` --> file:line:col`,
/// the source line with a caret under the offending token, a note with the object path, and the
/// help line. `report` supplies the source text; `styled` adds terminal colours.
#[must_use]
pub fn text(diagnostics: &[Diagnostic], report: &LoadReport, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diagnostics {
        let location = &d.location;
        let level = match d.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = printable(&d.message);
        let note = note(location).map(|n| printable(&n).into_owned());
        let hint = d.help.as_deref().map(printable);
        let source = report.source(&location.source);
        let line_text = source
            .zip(location.position)
            .and_then(|(s, p)| s.line(p.line).map(|t| (t, p)));
        let mut elements: Vec<Element<'_>> = Vec::new();
        // The fix-it, drawn as the changed line: a group of its own, as rustc's suggestions.
        let mut fix = None;
        match line_text {
            Some((text, p)) => {
                let (text, span) = printable_line(text, token_span(text, p.column));
                if let Some(s) = &d.suggestion {
                    let patch = Patch::new(
                        span.clone(),
                        quoted_like(&text[span.clone()], &s.replacement),
                    );
                    fix = Some(
                        Level::HELP.secondary_title(printable(&s.message)).element(
                            Snippet::source(text.clone())
                                .line_start(p.line)
                                .path(printable(&location.source))
                                .patch(patch),
                        ),
                    );
                }
                elements.push(
                    Snippet::source(text)
                        .line_start(p.line)
                        .path(printable(&location.source))
                        .annotation(AnnotationKind::Primary.span(span))
                        .into(),
                );
            }
            None => elements.push(
                Level::NOTE
                    .message(printable(&format!("in {location}")).into_owned())
                    .into(),
            ),
        }
        for r in &d.related {
            elements.push(related(report, r));
        }
        if let Some(note) = &note {
            elements.push(Level::NOTE.message(note.as_str()).into());
        }
        if let Some(hint) = hint.filter(|_| fix.is_none()) {
            elements.push(Level::HELP.message(hint).into());
        }
        let group = level.primary_title(title).id(d.code).elements(elements);
        let groups: Vec<Group<'_>> = std::iter::once(group).chain(fix).collect();
        let _ = writeln!(out, "{}\n", renderer.render(&groups));
    }
    out
}

/// A related location as a secondary snippet, labelled (`::: file:line:col`), or a note when
/// the input was not text.
fn related<'a>(report: &'a LoadReport, r: &'a Related) -> Element<'a> {
    let location = &r.location;
    let line = report
        .source(&location.source)
        .zip(location.position)
        .and_then(|(s, p)| s.line(p.line).map(|t| (t, p)));
    match line {
        Some((text, p)) => {
            let (text, span) = printable_line(text, token_span(text, p.column));
            Snippet::source(text)
                .line_start(p.line)
                .path(printable(&location.source))
                .annotation(
                    AnnotationKind::Context
                        .span(span)
                        .label(printable(&r.label)),
                )
                .into()
        }
        None => Level::NOTE
            .message(printable(&format!("{}: {location}", r.label)).into_owned())
            .into(),
    }
}

/// `replacement` in the quotes `token` is written in, if any (`"tarits"` → `"traits"`).
fn quoted_like(token: &str, replacement: &str) -> String {
    match token.chars().next() {
        Some(q @ ('"' | '\'')) if token.len() > 1 && token.ends_with(q) => {
            format!("{q}{replacement}{q}")
        }
        _ => replacement.to_owned(),
    }
}

fn note(l: &Location) -> Option<String> {
    match (l.document, l.path.is_empty()) {
        (Some(d), false) => Some(format!("at {} in document {d}", l.path)),
        (Some(d), true) => Some(format!("in document {d}")),
        (None, false) => Some(format!("at {}", l.path)),
        (None, true) => None,
    }
}

/// The byte range of the token starting at a 1-based character column: a quoted string to its
/// closing quote, otherwise up to the next space or YAML/JSON punctuation. Both ends are always
/// character boundaries of `line`, whatever the line holds (any Unicode white space included).
fn token_span(line: &str, column: usize) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(b, _)| b);
    let rest = &line[start..];
    let Some(first) = rest.chars().next() else {
        return start..start;
    };
    let len = match first {
        q @ ('"' | '\'') => rest[1..].find(q).map_or(rest.len(), |i| i + 2),
        _ => rest
            .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}' | '#'))
            .unwrap_or(rest.len()),
    };
    // A token that starts with a separator (a non-breaking space, say) is that one character.
    start..start + len.max(first.len_utf8())
}

/// `s` with every control character (terminal escapes, carriage returns, NUL …) written as its
/// escape sequence, so a name in a message cannot move the cursor or recolour the terminal.
/// Tabs are kept.
fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_escaped) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| {
                if is_escaped(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

fn is_escaped(c: char) -> bool {
    c.is_control() && c != '\t'
}

/// A source line made safe to print, and `span` moved onto it: each control character becomes
/// its one-character picture (U+2400 …, `\u{FFFD}` for C1 controls), so the caret still points at
/// the same character.
fn printable_line(
    line: &str,
    span: std::ops::Range<usize>,
) -> (Cow<'_, str>, std::ops::Range<usize>) {
    if !line.chars().any(is_escaped) {
        return (Cow::Borrowed(line), span);
    }
    let (mut out, mut start, mut end) = (String::with_capacity(line.len() + 8), None, None);
    for (at, c) in line.char_indices() {
        if at == span.start {
            start = Some(out.len());
        }
        if at == span.end {
            end = Some(out.len());
        }
        out.push(match c {
            '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            '\u{7f}' => '\u{2421}',
            c if is_escaped(c) => '\u{FFFD}',
            c => c,
        });
    }
    let start = start.unwrap_or(out.len());
    let end = end.unwrap_or(out.len()).max(start);
    (Cow::Owned(out), start..end)
}

/// Every diagnostic as a JSON object: code, severity, message, object, source, document, path,
/// line, column, hint, and its related locations (label, source, document, path, line, column).
#[must_use]
pub fn json(diagnostics: &[Diagnostic]) -> Value {
    diagnostics
        .iter()
        .map(|d| {
            let l = &d.location;
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message,
                "object": d.object,
                "source": l.source,
                "document": l.document,
                "path": l.path.to_string(),
                "line": l.position.map(|p| p.line),
                "column": l.position.map(|p| p.column),
                "hint": d.help,
                "suggestion": d.suggestion.as_ref().map(|s| json!({
                    "message": s.message,
                    "replacement": s.replacement,
                })),
                "related": d.related.iter().map(|r| json!({
                    "label": r.label,
                    "source": r.location.source,
                    "document": r.location.document,
                    "path": r.location.path.to_string(),
                    "line": r.location.position.map(|p| p.line),
                    "column": r.location.position.map(|p| p.column),
                })).collect::<Vec<_>>(),
            })
        })
        .collect()
}

/// GitHub Actions workflow commands: one `::error` / `::warning` line per diagnostic, shown on
/// the pull request at the offending line.
#[must_use]
pub fn github(diagnostics: &[Diagnostic]) -> String {
    let escape = |s: &str| {
        let s = s
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A");
        printable(&s).into_owned()
    };
    let property = |s: &str| escape(s).replace(':', "%3A").replace(',', "%2C");
    let mut out = String::new();
    for d in diagnostics {
        let l = &d.location;
        let mut props = vec![format!("file={}", property(&l.source))];
        if let Some(p) = l.position {
            props.push(format!("line={}", p.line));
            props.push(format!("col={}", p.column));
        }
        props.push(format!("title={}", property(d.code)));
        let mut message = d.message.clone();
        if let Some(note) = note(l) {
            let _ = write!(message, " ({note})");
        }
        for r in &d.related {
            let _ = write!(message, "; {}: {}", r.label, r.location);
        }
        if let Some(help) = &d.help {
            let _ = write!(message, "; help: {help}");
        }
        let _ = writeln!(
            out,
            "::{} {}::{}",
            d.severity.as_str(),
            props.join(","),
            escape(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_annotations_escape_what_the_runner_would_misread() {
        let d = Diagnostic {
            code: "OAM045",
            severity: Severity::Warning,
            message: "50% of a\nline".into(),
            object: String::new(),
            location: Location {
                source: "dir,a:b.yaml".into(),
                document: Some(0),
                path: "spec".parse().unwrap(),
                position: Some(oam_model::LineCol {
                    line: 3,
                    column: 5,
                    offset: 10,
                }),
            },
            help: None,
            related: Vec::new(),
            suggestion: None,
        };
        assert_eq!(
            github(&[d]),
            "::warning file=dir%2Ca%3Ab.yaml,line=3,col=5,title=OAM045::50%25 of a%0Aline (at spec in document 0)\n"
        );
    }

    #[test]
    fn a_misspelt_field_gets_a_fix_it_drawn_as_the_changed_line_in_its_own_quotes() {
        let json = r#"{"apiVersion": "core.oam.dev/v1alpha2", "kind": "Component", "metadata": {"name": "w"}, "spec": {"workload": {"apiVersion": "apps/v1", "kind": "Deployment"}, "parametrs": []}}"#;
        let report = oam_model::load_str("c.json", json, &oam_model::LoadOptions::default());
        let findings = crate::validate(&report, &crate::Options::default());
        let d = findings
            .iter()
            .find(|d| d.code == "OAM012")
            .expect("the typo");
        let fix = d.suggestion.as_ref().expect("a fix-it");
        assert_eq!(fix.replacement, "parameters");
        let shown = text(&findings, &report, false);
        assert!(
            shown.contains("help: rename it to `parameters`, or remove it\n"),
            "{shown}"
        );
        assert!(
            shown.contains(r#""parameters": []"#),
            "quoted as the key was: {shown}"
        );
        assert!(
            !shown.contains("= help: rename"),
            "the fix-it replaces the help line: {shown}"
        );
        assert_eq!(
            json_of(&findings)["suggestion"]["replacement"],
            "parameters"
        );
        assert_eq!(quoted_like("'a'", "b"), "'b'");
        assert_eq!(quoted_like("a", "b"), "b");
        assert_eq!(
            quoted_like("\"", "b"),
            "b",
            "a lone quote is not a quoted token"
        );
    }

    fn json_of(findings: &[Diagnostic]) -> Value {
        let all = json(findings);
        all.as_array()
            .and_then(|a| a.iter().find(|d| d["code"] == "OAM012"))
            .cloned()
            .unwrap_or(Value::Null)
    }

    #[test]
    fn token_spans_cover_keys_and_quoted_strings() {
        assert_eq!(token_span("      trais:", 7), 6..11);
        assert_eq!(token_span("  \"tarits\": []", 3), 2..10);
        assert_eq!(token_span("x", 1), 0..1);
    }

    #[test]
    fn a_token_that_starts_with_unicode_white_space_is_that_one_character() {
        // U+00A0 before a key: the renderer once cut the line inside the character and panicked.
        assert_eq!(token_span("      \u{a0}trais: []", 7), 6..8);
        assert_eq!(token_span("name: a\u{3000}", 8), 7..10);
        assert_eq!(
            token_span("abc", 9),
            3..3,
            "a column past the end is an empty span"
        );
    }

    #[test]
    fn control_characters_are_escaped_in_messages_and_pictured_in_source_lines() {
        assert_eq!(printable("web\u{1b}[31m\r"), "web\\u{1b}[31m\\u{d}");
        assert_eq!(printable("tab\tkept"), "tab\tkept");
        let (line, span) = printable_line("name: \u{1b}x\u{7}", 6..10);
        assert_eq!(line, "name: \u{241b}x\u{2407}");
        assert_eq!(&line[span], "\u{241b}x\u{2407}");
    }

    proptest::proptest! {
        #[test]
        fn spans_and_escapes_are_safe_on_any_line(line in "\\PC{0,40}[\\x00-\\x1f\\u{a0}\\u{3000}\\u{85}]{0,3}\\PC{0,10}", column in 0usize..60) {
            let span = token_span(&line, column);
            proptest::prop_assert!(span.start <= span.end && span.end <= line.len());
            proptest::prop_assert!(line.is_char_boundary(span.start) && line.is_char_boundary(span.end));
            let (shown, moved) = printable_line(&line, span);
            proptest::prop_assert!(moved.end <= shown.len() && shown.is_char_boundary(moved.start) && shown.is_char_boundary(moved.end));
            proptest::prop_assert!(!shown.chars().any(is_escaped));
        }
    }
}
