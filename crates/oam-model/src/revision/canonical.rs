//! Canonical JSON (RFC 8785, JCS), written by our own small writer so that no third-party change
//! can ever silently change every revision hash.
//!
//! - Object members sorted by the UTF-16 code units of their keys; no whitespace.
//! - Strings: only `"`, `\` and control characters are escaped (`\b \t \n \f \r`, others as
//!   lowercase `\u00xx`); `/` and non-ASCII characters are written as they are.
//! - Numbers: integers (`i64`/`u64`) are written verbatim; floats in ECMAScript's
//!   `Number.prototype.toString` form (`1.0` → `1`, `-0.0` → `0`, `1e21` → `1e+21`,
//!   `1e-7` → `1e-7`). Non-finite numbers cannot occur in a `serde_json::Value`.

use std::fmt::Write as _;

use serde_json::{Number, Value};

/// The canonical form of a JSON value.
///
/// ```
/// let v = serde_json::json!({"b": [1.0, -0.0, 1e21], "a": "\u{1}é"});
/// assert_eq!(oam_model::revision::canonical_json(&v), "{\"a\":\"\\u0001é\",\"b\":[1,0,1e+21]}");
/// ```
#[must_use]
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::with_capacity(256);
    write_value(value, &mut out);
    out
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write_number(n, out),
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            // serde_json's map iterates in code-point order, which is UTF-16 order unless a key
            // holds a character from U+E000 up (UTF-8 lead byte 0xEE or above): only then sort.
            if map.keys().any(|k| k.bytes().any(|b| b >= 0xEE)) {
                let mut members: Vec<(&String, &Value)> = map.iter().collect();
                members.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));
                write_members(members.into_iter(), out);
            } else {
                write_members(map.iter(), out);
            }
            out.push('}');
        }
    }
}

fn write_members<'a>(members: impl Iterator<Item = (&'a String, &'a Value)>, out: &mut String) {
    for (i, (key, value)) in members.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(key, out);
        out.push(':');
        write_value(value, out);
    }
}

/// For each ASCII byte, its short escape, `u` for `\u00xx`, or 0 when written as is. Every
/// escaped character is ASCII, so scanning bytes never splits a UTF-8 sequence.
const ESCAPE: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let escape = if b < 0x80 { ESCAPE[b as usize] } else { 0 };
        if escape == 0 {
            continue;
        }
        out.push_str(&s[start..i]);
        out.push('\\');
        if escape == b'u' {
            let _ = write!(out, "u{b:04x}");
        } else {
            out.push(char::from(escape));
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn write_number(n: &Number, out: &mut String) {
    if let Some(i) = n.as_i64() {
        let _ = write!(out, "{i}");
    } else if let Some(u) = n.as_u64() {
        let _ = write!(out, "{u}");
    } else if let Some(f) = n.as_f64() {
        out.push_str(&ecmascript_number(f));
    }
}

/// ECMAScript `Number.prototype.toString` of a finite double (ECMA-262 §6.1.6.1.20).
pub(crate) fn ecmascript_number(v: f64) -> String {
    if v == 0.0 {
        return "0".to_owned();
    }
    if v < 0.0 {
        return format!("-{}", ecmascript_number(-v));
    }
    // Rust's `{:e}` prints the shortest digits that round-trip, the closest to `v` on a tie,
    // as ECMAScript requires: `d.ddde±x`.
    let sci = format!("{v:e}");
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let k = digits.len() as i64;
    let n = exponent.parse::<i64>().unwrap_or(0) + 1;
    if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        format!("{int}.{frac}")
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let sign = if n - 1 < 0 { '-' } else { '+' };
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        format!("{first}{rest}e{sign}{}", (n - 1).abs())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn numbers_follow_ecmascript() {
        let cases = [
            (1.0, "1"),
            (-0.0, "0"),
            (0.5, "0.5"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (1e-6, "0.000001"),
            (1e-7, "1e-7"),
            (123.456, "123.456"),
            (-1.5e-10, "-1.5e-10"),
            (4.35, "4.35"),
            (0.002, "0.002"),
            (9007199254740992.0, "9007199254740992"),
            (333333333.3333332, "333333333.3333332"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ];
        for (v, want) in cases {
            assert_eq!(ecmascript_number(v), want, "{v:?}");
        }
    }

    #[test]
    fn rfc8785_example_and_key_order_by_utf16() {
        // RFC 8785 §3.2.2 input (numbers as doubles) and its §3.2.3 output.
        let input: Value = serde_json::from_str(
            r#"{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}"#,
        )
        .unwrap();
        assert_eq!(
            canonical_json(&input),
            r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
        // U+E000 sorts after U+10000 (a surrogate pair, 0xD800…) in UTF-16, before it by code point.
        let v = json!({"\u{e000}": 1, "\u{10000}": 2, "a": 3});
        assert_eq!(
            canonical_json(&v),
            "{\"a\":3,\"\u{10000}\":2,\"\u{e000}\":1}"
        );
    }

    #[test]
    fn big_integers_are_written_verbatim() {
        let v: Value =
            serde_json::from_str("[18446744073709551615, -9223372036854775808]").unwrap();
        assert_eq!(
            canonical_json(&v),
            "[18446744073709551615,-9223372036854775808]"
        );
    }
}
