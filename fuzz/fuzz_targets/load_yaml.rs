//! The loader on arbitrary bytes read as YAML, with the default budgets: no panic, no hang, and
//! every error located in its source.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_model::{LoadOptions, load_bytes};

fuzz_target!(|data: &[u8]| {
    let report = load_bytes("fuzz.yaml", data.to_vec(), &LoadOptions::default());
    for error in &report.errors {
        assert_eq!(error.location().source, "fuzz.yaml");
        let _ = error.to_string();
    }
    for loaded in &report.documents {
        // Whatever loaded can be written back.
        let _ = oam_model::to_yaml_string(&loaded.value);
    }
});
