//! Field paths: parsing arbitrary text, printing and parsing back to the same path, and
//! `get` / `set` / `delete` on arbitrary JSON (the input is `PATH\nJSON`). `set` must stay
//! bounded (a list grows by at most `FieldPath::MAX_PADDING`) and what it wrote must be read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_model::FieldPath;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (path, json) = text.split_once('\n').unwrap_or((text, "{}"));
    let Ok(parsed) = path.parse::<FieldPath>() else {
        return;
    };
    let printed = parsed.to_string();
    let again: FieldPath = printed.parse().expect("a printed path parses");
    assert_eq!(again, parsed, "{path:?} printed as {printed:?}");
    let Ok(mut value) = serde_json::from_str::<Value>(json) else {
        return;
    };
    let _ = parsed.get(&value);
    let marker = Value::String("fuzz-marker".into());
    if parsed.set(&mut value, marker.clone()).is_ok() && !parsed.is_empty() {
        assert_eq!(parsed.get(&value).ok(), Some(&marker), "{path:?} in {json}");
        let removed = parsed
            .delete(&mut value)
            .expect("a path just written deletes");
        assert_eq!(removed, Some(marker));
    }
});
