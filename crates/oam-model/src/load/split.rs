//! Where a YAML stream can be cut between documents without parsing it, so that the pieces can
//! be parsed at the same time.
//!
//! In YAML 1.2 a line that begins, at column 0, with `---` followed by a space, a tab, a line
//! break or the end of the text is a document marker wherever it stands: it cannot continue a
//! plain, quoted or block scalar, nor a flow collection (either is then an error, which the
//! caller finds by parsing the pieces and falls back to the sequential parse for). Anchors do not
//! cross documents. Directives (`%YAML`, `%TAG`) do apply to the document after them, so a text
//! with a line that begins with `%` is never cut.

/// A piece of a text: its byte range and the 1-based line it starts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) line: usize,
}

/// Cuts `text` into at most `parts` pieces of about equal size, each starting at a document
/// marker (the first at the start of the text). One piece when the text has no marker past its
/// first line, or a directive.
pub(crate) fn pieces(text: &str, parts: usize) -> Vec<Piece> {
    let whole = vec![Piece {
        start: 0,
        end: text.len(),
        line: 1,
    }];
    if parts < 2 {
        return whole;
    }
    let Some(markers) = markers(text) else {
        return whole;
    };
    // The marker nearest after each ideal cut, taking each at most once.
    let mut cuts: Vec<(usize, usize)> = Vec::with_capacity(parts);
    for k in 1..parts {
        let ideal = text.len().saturating_mul(k) / parts;
        let at = markers.partition_point(|&(offset, _)| offset < ideal);
        if let Some(&marker) = markers.get(at)
            && cuts.last().is_none_or(|last| last.0 < marker.0)
        {
            cuts.push(marker);
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = (0, 1);
    for cut in cuts {
        out.push(Piece {
            start: start.0,
            end: cut.0,
            line: start.1,
        });
        start = cut;
    }
    out.push(Piece {
        start: start.0,
        end: text.len(),
        line: start.1,
    });
    out
}

/// The byte offset and 1-based line of every document marker after the first byte, or `None`
/// when a line begins with `%` (a directive, or text that could be one).
fn markers(text: &str) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut line = 1;
    let mut start = 0;
    loop {
        let rest = &bytes[start..];
        if rest.first() == Some(&b'%') {
            return None;
        }
        if start > 0
            && rest.starts_with(b"---")
            && rest
                .get(3)
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        {
            out.push((start, line));
        }
        match rest.iter().position(|&b| b == b'\n') {
            Some(at) => {
                start += at + 1;
                line += 1;
            }
            None => return Some(out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, parts: usize) -> Vec<&str> {
        pieces(text, parts)
            .iter()
            .map(|p| &text[p.start..p.end])
            .collect()
    }

    #[test]
    fn cuts_at_markers_only() {
        let text = "a: 1\n---\nb: 2\n--- x\nc: 3\n----\nd: |\n  ---\n---\te: 5\n";
        let all = texts(text, 100);
        assert_eq!(
            all,
            [
                "a: 1\n",
                "---\nb: 2\n",
                "--- x\nc: 3\n----\nd: |\n  ---\n",
                "---\te: 5\n"
            ]
        );
        assert_eq!(all.concat(), text);
        let lines: Vec<usize> = pieces(text, 100).iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2, 4, 9]);
    }

    #[test]
    fn a_marker_at_the_end_or_before_crlf_is_a_marker() {
        assert_eq!(
            texts("a: 1\r\n---\r\nb: 2\r\n---", 9),
            ["a: 1\r\n", "---\r\nb: 2\r\n", "---"]
        );
    }

    #[test]
    fn directives_are_never_cut_from_their_document() {
        let text = "a: 1\n...\n%YAML 1.2\n---\nb: 2\n";
        assert_eq!(texts(text, 8), [text]);
    }

    #[test]
    fn about_equal_parts() {
        let doc = "---\nkey: value\n";
        let text = doc.repeat(100);
        let parts = texts(&text, 4);
        assert_eq!(parts.len(), 4);
        assert!(parts.iter().all(|p| p.len() == doc.len() * 25), "{parts:?}");
        assert_eq!(texts(&text, 1), [text.as_str()]);
    }
}
