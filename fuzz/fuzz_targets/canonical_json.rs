//! The canonical-JSON writer (RFC 8785, the revision hash's input): its output parses back to a
//! value equal to the input, and canonicalising that again gives the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_model::revision::canonical_json;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let canonical = canonical_json(&value);
    let back: Value = serde_json::from_str(&canonical).expect("canonical JSON parses");
    assert!(
        same(&back, &value),
        "{canonical} != {value}: {:?} vs {:?}",
        back,
        value
    );
    assert_eq!(canonical_json(&back), canonical);
});

/// Equality with numbers compared as numbers: the canonical form writes `1.0` as `1` and
/// `1e2` as `100`, which serde_json then reads as an integer.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(p), Some(q)) if x.is_f64() || y.is_f64() => p == q,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}
