//! `oam validate`'s whole pipeline on arbitrary bytes: load (as YAML), every check over the
//! standard catalog, and every renderer (text, JSON, GitHub), which must be safe on any UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_model::{LoadOptions, load_bytes};
use oam_validate::{Options, render, validate};

fuzz_target!(|data: &[u8]| {
    let report = load_bytes("fuzz.yaml", data.to_vec(), &LoadOptions::default());
    let findings = validate(&report, &Options::default());
    let again = validate(&report, &Options::default());
    assert_eq!(findings.len(), again.len(), "validation is deterministic");
    let _ = render::text(&findings, &report, false);
    let _ = render::json(&findings);
    let _ = render::github(&findings);
});
