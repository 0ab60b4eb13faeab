//! `oam validate`'s whole pipeline on arbitrary bytes: load (as YAML), every check over the
//! standard catalog, and every renderer (text, JSON, GitHub), which must be safe on any UTF-8.
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_model::{LoadOptions, load_bytes};
use oam_validate::{Options, render, validate};

fuzz_target!(|data: &[u8]| {
    let report = load_bytes("fuzz.yaml", data.to_vec(), &LoadOptions::default());
    // (Determinism is the property tests' job: one pass here doubles the search.)
    let findings = validate(&report, &Options::default());
    let _ = render::text(&findings, &report, false);
    let _ = render::json(&findings);
    let _ = render::github(&findings);
});
