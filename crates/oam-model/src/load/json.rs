//! Splitting a JSON stream (one value, or several concatenated) into documents with serde_json:
//! several times faster than the YAML parser, and what controllers and webhooks receive.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{Limits, ParsedDocument, strip_location};
use crate::error::ErrorKind;

/// The prefix of the parse error a repeated key raises (see [`Unique`]).
const DUPLICATE: &str = "duplicate key `";

/// Parses every value of `text`. A syntax error ends the stream (JSON has no document markers
/// to recover at).
pub(crate) fn documents(text: &str, limits: &Limits) -> Vec<ParsedDocument> {
    let mut out = Vec::new();
    let mut stream = serde_json::Deserializer::from_str(text).into_iter::<Unique>();
    let mut lines = LineCounter::default();
    loop {
        let start = stream.byte_offset();
        match stream.next() {
            None => break,
            Some(Ok(Unique(value))) => {
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
                let kind = if let Some(key) = message
                    .strip_prefix(DUPLICATE)
                    .and_then(|rest| rest.strip_suffix('`'))
                {
                    let key = key.to_owned();
                    ErrorKind::DuplicateKey { key, first: None }
                } else if message.contains("recursion limit") {
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

/// A JSON value whose objects never repeat a key. serde_json keeps the last of two equal keys
/// silently; Kubernetes' strict decoding refuses them, and so does the YAML loader.
struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        // serde_json reads `-0` as the float -0.0; Go reads it as the integer 0, and so do we.
        if v == 0.0 && v.is_sign_negative() {
            return Ok(Value::from(0));
        }
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Unique(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Unique(value) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(de::Error::custom(format_args!("{DUPLICATE}{key}`")));
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
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
    fn a_repeated_key_is_refused_and_minus_zero_is_the_integer_zero() {
        let docs = documents("{\"a\": {\"b\": 1, \"b\": 2}}", &Limits::default());
        let (kind, _) = docs[0].as_ref().unwrap_err();
        assert_eq!(kind.to_string(), "duplicate key `b`");
        let docs = documents("{\"n\": -0, \"f\": 1.5}", &Limits::default());
        assert_eq!(
            docs[0].as_ref().unwrap().0,
            serde_json::json!({"n": 0, "f": 1.5})
        );
    }

    #[test]
    fn numbers_parse_to_the_nearest_double() {
        // Found by fuzzing the canonical writer: serde_json's fast path put this integer beyond
        // 64 bits one ULP away from the double Go, Python and Rust's own parser give.
        let text = "1.1667890123456789e+33";
        // (This crate's dev-dependencies enable the feature too; the fuzz build, which has none,
        // is where the difference showed.)
        let docs = documents(&format!("{{\"n\": {text}}}"), &Limits::default());
        let n = docs[0].as_ref().unwrap().0["n"].as_f64().unwrap();
        assert_eq!(n.to_bits(), text.parse::<f64>().unwrap().to_bits());
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
