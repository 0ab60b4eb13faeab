//! What an admission webhook or a controller does with oam-rs: validate an application against
//! the platform's definitions over the standard catalog, refuse it with located diagnostics, or
//! plan one pass against the live state and apply what is ready.
//!
//! `cargo run -p oam-examples --example admission -- examples/apps/php-mysql \
//!      examples/apps/php-mysql/observed/mysql-ready.yaml`

use std::path::PathBuf;
use std::process::ExitCode;

use oam_graph::{Inputs, ObservedObjects, PlanState, Planned, plan};
use oam_model::{LoadOptions, load_path};
use oam_validate::{Options, Severity};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1).map(PathBuf::from);
    let app_dir = args
        .next()
        .unwrap_or_else(|| "examples/apps/php-mysql".into());
    let report = load_path(&app_dir, &LoadOptions::default());

    // 1. Admission: every check, and a refusal that points at the exact line.
    let findings = oam_validate::validate(&report, &Options::default());
    if findings.iter().any(|d| d.severity == Severity::Error) {
        eprint!("{}", oam_validate::render::text(&findings, &report, false));
        return ExitCode::FAILURE;
    }

    // 2. Reconcile: the live objects as the cluster reports them (here: files).
    let mut observed = ObservedObjects::default();
    for path in args {
        for loaded in load_path(&path, &LoadOptions::lenient()).documents {
            let Ok(object) = serde_json::to_value(&loaded.value) else {
                continue;
            };
            if observed.insert(object).is_err() {
                eprintln!(
                    "{}: an observed object needs apiVersion, kind and a name",
                    path.display()
                );
            }
        }
    }
    // The Components and definitions, over the standard catalog, as validation saw them.
    let inputs = Inputs::from_report(&report);
    for (_, app) in report.apps() {
        let pass = match plan(app, &inputs, &observed) {
            Ok(pass) => pass,
            Err(errors) => {
                errors.iter().for_each(|e| eprintln!("{e}"));
                return ExitCode::FAILURE;
            }
        };
        for planned in &pass.objects {
            match &planned.state {
                PlanState::Ready(_) => println!("apply  {}", what(planned)),
                PlanState::Blocked(why) => {
                    println!("wait   {}: {}", what(planned), why[0].reason());
                }
            }
        }
        // What a controller writes to status.dependency.
        if let Some(status) = pass.dependency_status() {
            println!(
                "status.dependency: {}",
                serde_json::to_string(&status).unwrap_or_default()
            );
        }
    }
    ExitCode::SUCCESS
}

/// The object to apply, or the component when its type declares no workload.
fn what(planned: &Planned) -> String {
    planned.key.as_ref().map_or_else(
        || format!("component {}", planned.component),
        ToString::to_string,
    )
}
