//! Splitting a JSON stream (one value, or several concatenated) into documents with serde_json:
//! several times faster than the YAML parser, and what controllers and webhooks receive.

use serde_json::Value;

use super::{Limits, ParsedDocument, strip_location};
use crate::error::ErrorKind;

/// Parses every value of `text`. A syntax error ends the stream (JSON has no document markers
/// to recover at).
pub(crate) fn documents(text: &str, limits: &Limits) -> Vec<ParsedDocument> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Value>();
    let mut lines = LineCounter::default();
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(value)) => {
                let skipped = text[start..].len() - text[start..].trim_start().len();
                let root = lines.line_col(text, start + skipped);
                if depth(&value) > limits.max_depth {
                    let message = format!("nesting deeper than {} levels", limits.max_depth);
                    out.push(Err((ErrorKind::Limit { message }, Some(root))));
                } else {
                    out.push(Ok((value, Some(root))));
                }
            }
            Some(Err(e)) => {
                let message = strip_location(&e.to_string());
                let kind = if message.contains("recursion limit") {
                    ErrorKind::Limit { message }
                } else {
                    ErrorKind::Syntax { message }
                };
                out.push(Err((kind, Some((e.line(), e.column())))));
                break;
            }
        }
    }
    out
}

/// 1-based line and column (in characters) of increasing byte offsets, counting each byte of
/// the text once over the whole stream.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
    line_start: usize,
}

impl LineCounter {
    fn line_col(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let between = &text[self.offset..offset];
        for (i, _) in between.match_indices('\n') {
            self.line += 1;
            self.line_start = self.offset + i + 1;
        }
        self.offset = offset;
        (
            self.line + 1,
            text[self.line_start..offset].chars().count() + 1,
        )
    }
}

fn depth(value: &Value) -> usize {
    // Iterative, so a hostile value cannot overflow the stack here either.
    let mut max = 0;
    let mut stack = vec![(value, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|i| (i, d + 1))),
            Value::Object(map) => stack.extend(map.values().map(|i| (i, d + 1))),
            _ => {}
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_json_stream_and_locates_roots() {
        let docs = documents("{\"a\": 1}\n\n  {\"b\": 2}", &Limits::default());
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].as_ref().unwrap().1, Some((3, 3)));
    }

    #[test]
    fn syntax_errors_are_located() {
        let docs = documents("{\"a\": 1,\n \"b\" 2}", &Limits::default());
        let (kind, at) = docs[0].as_ref().unwrap_err();
        assert_eq!(kind.to_string(), "expected `:`");
        assert_eq!(*at, Some((2, 6)));
    }

    #[test]
    fn depth_is_limited() {
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        let docs = documents("{\"a\": {\"b\": {\"c\": {}}}}", &limits);
        assert!(matches!(
            docs[0].as_ref().unwrap_err().0,
            ErrorKind::Limit { .. }
        ));
    }
}
