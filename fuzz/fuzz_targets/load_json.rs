//! The loader on arbitrary bytes read as JSON, with the default budgets; whatever loads
//! round-trips through the JSON writer to an equal document.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_model::{LoadOptions, load_bytes, load_str, to_json_string};

fuzz_target!(|data: &[u8]| {
    let report = load_bytes("fuzz.json", data.to_vec(), &LoadOptions::lenient());
    for error in &report.errors {
        let _ = error.to_string();
    }
    for loaded in &report.documents {
        if let Ok(json) = to_json_string(&loaded.value) {
            let back = load_str("back.json", &json, &LoadOptions::lenient());
            assert_eq!(back.documents.len(), 1, "{json}: {:?}", back.errors);
            assert_eq!(back.documents[0].value, loaded.value, "{json}");
        }
    }
});
