//! Load OAM documents and print what they contain: every component with its traits and data
//! passing. `cargo run -p oam-examples --example inspect -- examples/apps`

use std::path::PathBuf;

use oam_model::{Document, LoadOptions, V1alpha2, V1beta1, load_path};

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let paths = if paths.is_empty() {
        vec![PathBuf::from("examples/apps")]
    } else {
        paths
    };
    for path in paths {
        let report = load_path(&path, &LoadOptions::default());
        for error in &report.errors {
            eprintln!("{error}");
        }
        for loaded in &report.documents {
            let name = loaded.value.name().unwrap_or("<unnamed>");
            println!(
                "{} {} {name}",
                loaded.value.api_version(),
                loaded.value.kind()
            );
            match &loaded.value {
                Document::V1alpha2(V1alpha2::ApplicationConfiguration(app)) => {
                    for c in &app.spec.components {
                        let component = c
                            .component_name
                            .as_deref()
                            .or(c.revision_name.as_deref())
                            .unwrap_or("?");
                        let traits: Vec<&str> = c
                            .traits
                            .iter()
                            .flatten()
                            .filter_map(|t| t.trait_.kind.as_deref())
                            .collect();
                        println!("  component {component}: traits {traits:?}");
                        for output in c.data_outputs.iter().flatten() {
                            println!(
                                "    exports {:?} from {:?}",
                                output.name.as_deref().unwrap_or(""),
                                output.field_path.as_deref().unwrap_or("")
                            );
                        }
                        for input in c.data_inputs.iter().flatten() {
                            let from = input
                                .value_from
                                .as_ref()
                                .map_or("", |v| v.data_output_name.as_str());
                            println!(
                                "    receives {from:?} into {:?}",
                                input.to_field_paths.as_deref().unwrap_or_default()
                            );
                        }
                    }
                }
                Document::V1beta1(V1beta1::Application(app)) => {
                    for c in &app.spec.components {
                        let traits: Vec<&str> = c
                            .traits
                            .iter()
                            .flatten()
                            .map(|t| t.type_.as_str())
                            .collect();
                        println!(
                            "  component {} ({}): traits {traits:?}, depends on {:?}",
                            c.name,
                            c.type_,
                            c.depends_on.as_deref().unwrap_or_default()
                        );
                    }
                }
                _ => {}
            }
        }
    }
}
