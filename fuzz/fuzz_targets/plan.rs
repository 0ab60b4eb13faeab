//! The planner over arbitrary applications and observed objects: the input is one YAML stream
//! whose documents are the applications, their Components and definitions, and (every object of
//! a kind the model does not type) the observed state. No panic, no hang, bounded memory
//! (determinism is the property tests' job: one pass here doubles the search).
#![no_main]

use libfuzzer_sys::fuzz_target;
use oam_graph::{Inputs, ObservedObjects, plan, plan_application};
use oam_model::{Document, LoadOptions, V1alpha2, V1beta1, load_bytes};

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
    let documents: Vec<&Document> = report.documents.iter().map(|d| &d.value).collect();
    let inputs = Inputs::from_report(&report);
    let registry = inputs.registry();
    for document in &documents {
        match document {
            Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) => {
                let _ = plan(app, &inputs, &observed);
            }
            Document::V1beta1(V1beta1::Application(app)) => {
                let _ = plan_application(app, registry, &observed);
            }
            _ => {}
        }
    }
});
