//! The planner over arbitrary applications and observed objects: the input is one YAML stream
//! whose documents are the applications, their Components and definitions, and (every object of
//! a kind the model does not type) the observed state. No panic, no hang, bounded memory
//! (determinism is the property tests' job: one pass here doubles the search).
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_graph::{Inputs, ObservedObjects, plan};
use oam_model::{Document, LoadOptions, load_bytes};

fuzz_target!(|data: &[u8]| {
    let report = load_bytes("fuzz.yaml", data.to_vec(), &LoadOptions::lenient());
    let mut observed = ObservedObjects::default();
    for loaded in &report.documents {
        if let Document::Raw(raw) = &loaded.value
            && let Ok(value) = serde_json::to_value(raw)
        {
            let _ = observed.insert(value);
        }
    }
    let inputs = Inputs::from_report(&report);
    for (_, app) in report.apps() {
        let _ = plan(app, &inputs, &observed);
    }
});
