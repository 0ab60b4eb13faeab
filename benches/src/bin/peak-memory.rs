//! Peak memory of typed loading against the untyped tree, for a generated 10,000-component
//! stream. Each mode runs in a child process and reports the kernel's high-water mark of its
//! resident set (`VmHWM`), so the figures need no allocator hooks (`unsafe` is forbidden here).
//!
//! `cargo run --release -p oam-benches --bin peak-memory [-- N]`; one mode alone (for valgrind):
//! `peak-memory MODE N` with MODE `text`, `untyped`, `typed` or `validate` (load, then every check).

use std::process::Command;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, mode, n] = args.as_slice() {
        let n: usize = n.parse().expect("a count");
        let text = oam_benches::v1alpha2_stream(n);
        let before = oam_benches::peak_rss_kib();
        let kept = match mode.as_str() {
            "text" => 0,
            "untyped" => {
                let trees: Vec<serde_json::Value> = serde_saphyr::from_multiple_with_options(
                    &text,
                    oam_benches::untyped_options(text.len()),
                )
                .expect("parses");
                trees.len()
            }
            "validate" => {
                let report =
                    oam_model::load_str("bench.yaml", &text, &oam_model::LoadOptions::default());
                let findings = oam_validate::validate(&report, &oam_validate::Options::default());
                assert!(findings.is_empty(), "{:?}", findings.first());
                report.documents.len()
            }
            _ => oam_model::load_str("bench.yaml", &text, &oam_model::LoadOptions::default())
                .documents
                .len(),
        };
        println!("{} {} {}", oam_benches::peak_rss_kib(), before, kept);
        return;
    }
    let n = args.get(1).map_or("10000".to_owned(), Clone::clone);
    let run = |mode: &str| -> u64 {
        let out = Command::new(&args[0])
            .args([mode, &n])
            .output()
            .expect("run child");
        let text = String::from_utf8_lossy(&out.stdout);
        text.split_whitespace()
            .next()
            .and_then(|v| v.parse().ok())
            .expect("a VmHWM figure")
    };
    let text = run("text");
    let untyped = run("untyped");
    let typed = run("typed");
    println!("components: {n}");
    println!("peak RSS with only the input text: {text} KiB");
    println!(
        "peak RSS, untyped tree (baseline): {untyped} KiB (+{} KiB over the text)",
        untyped - text
    );
    println!(
        "peak RSS, typed load:              {typed} KiB (+{} KiB over the text)",
        typed - text
    );
    println!(
        "ratio typed / untyped, over the text: {:.2}",
        (typed - text) as f64 / (untyped - text) as f64
    );
}
