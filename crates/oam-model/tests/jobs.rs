//! Loading on several threads gives what loading on one gives, byte for byte: documents, their
//! indices and root positions, errors with their lines and columns, and their order. The streams
//! here are large enough (over 64 KiB) to be cut into pieces.

use oam_model::{LoadOptions, LoadReport, load_str};

/// Everything a caller can see of a report, as text.
fn seen(report: &LoadReport) -> String {
    let mut out = String::new();
    for d in &report.documents {
        out.push_str(&format!(
            "doc {} at {:?}: {:?} {:?}\n",
            d.document,
            d.root.map(|r| (r.line, r.column, r.offset)),
            d.value,
            d.warnings
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        ));
    }
    for e in &report.errors {
        out.push_str(&format!("error: {e} {:?}\n", e.location().position));
    }
    out
}

fn same_with_any_jobs(name: &str, text: &str, options: &LoadOptions) -> LoadReport {
    let one = load_str(name, text, &options.clone().with_jobs(1));
    let expected = seen(&one);
    for jobs in [2, 3, 8, 64] {
        let many = load_str(name, text, &options.clone().with_jobs(jobs));
        assert_eq!(seen(&many), expected, "{jobs} threads differ from one");
    }
    one
}

fn config_map(i: usize) -> String {
    format!(
        "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c{i}\ndata:\n  key: \"value {i}\"\n"
    )
}

/// A stream of `n` ConfigMaps with a Component after every 97th, and `bad` called on each index
/// to add text to that document.
fn stream(n: usize, bad: impl Fn(usize) -> &'static str) -> String {
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&config_map(i));
        text.push_str(bad(i));
        if i % 97 == 0 {
            text.push_str(&format!(
                "---\napiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata:\n  name: w{i}\n\
                 spec:\n  workload:\n    apiVersion: apps/v1\n    kind: Deployment\n"
            ));
        }
    }
    text
}

#[test]
fn a_clean_stream_loads_the_same() {
    let text = stream(2_000, |_| "");
    assert!(text.len() > 128 << 10);
    let report = same_with_any_jobs("clean.yaml", &text, &LoadOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    assert_eq!(report.documents.len(), 2_000 + 21);
    let last = report.documents.last().unwrap();
    assert_eq!(last.root.unwrap().line, text.lines().count() - 5);
}

#[test]
fn unknown_fields_late_in_the_stream_keep_their_lines() {
    let text = stream(2_000, |i| if i % 500 == 499 { "  extra: 1\n" } else { "" });
    let report = same_with_any_jobs("typos.yaml", &text, &LoadOptions::default());
    assert_eq!(report.errors.len(), 0, "data is free-form in a ConfigMap");
    let text = text.replace(
        "    kind: Deployment\n",
        "    kind: Deployment\n  trais: []\n",
    );
    let report = same_with_any_jobs("typos.yaml", &text, &LoadOptions::default());
    assert_eq!(report.errors.len(), 21);
    let last = report.errors.last().unwrap().to_string();
    let line = text
        .lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| *l == "  trais: []")
        .unwrap()
        + 1;
    assert!(
        last.starts_with(&format!("typos.yaml:{line}:3: unknown field `trais`")),
        "{last}"
    );
    let lenient = same_with_any_jobs("typos.yaml", &text, &LoadOptions::lenient());
    assert!(lenient.errors.is_empty());
}

#[test]
fn a_broken_document_is_reported_as_on_one_thread() {
    // A flow sequence left open, a quoted scalar left open across a marker, and a repeated key,
    // each far into the stream.
    let text = stream(2_000, |i| match i {
        1_000 => "broken: [1, 2\n",
        1_200 => "quoted: \"open\n",
        1_500 => "data: {}\n",
        _ => "",
    });
    let report = same_with_any_jobs("broken.yaml", &text, &LoadOptions::default());
    // The sequential path stops at a syntax error: what it reported before stays.
    let first = report.errors.first().expect("an error").to_string();
    let line = text.lines().position(|l| l == "broken: [1, 2").unwrap() + 1;
    assert!(first.contains("unclosed bracket"), "{first}");
    assert!(
        first.starts_with(&format!("broken.yaml:{line}:")),
        "{first}"
    );
    assert_eq!(report.documents.len(), 1_000 + 11);
}

#[test]
fn directives_are_loaded_as_on_one_thread() {
    let mut text = String::from("%YAML 1.2\n");
    text.push_str(&stream(2_000, |_| ""));
    let report = same_with_any_jobs("directive.yaml", &text, &LoadOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
}

#[test]
fn budgets_hold_for_the_whole_stream_with_any_jobs() {
    // Every document replays an alias of ten items ten times.
    let replays = "  list: &l [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n  copies: [*l, *l, *l, *l, *l, *l, *l, *l, *l, *l]\n";
    let limits = |max_alias_replay_events| LoadOptions {
        limits: oam_model::Limits {
            max_alias_replay_events,
            ..oam_model::Limits::default()
        },
        ..LoadOptions::default()
    };
    let is_limit = |r: &LoadReport| {
        r.errors
            .iter()
            .any(|e| matches!(e.kind(), oam_model::ErrorKind::Limit { .. }))
    };
    // Within the limits: loads.
    let text = stream(2_000, |_| replays);
    let report = same_with_any_jobs("aliases.yaml", &text, &LoadOptions::default());
    assert!(report.errors.is_empty(), "{:?}", report.errors.first());
    // Every document under a small limit, the stream as a whole over it: whatever the parser
    // counts per stream, the pieces count the same.
    let _ = same_with_any_jobs("aliases.yaml", &text, &limits(10_000));
    // One document far into the stream over it: refused, there, with any number of threads.
    let one = stream(2_000, |i| if i == 1_900 { replays } else { "" });
    let report = same_with_any_jobs("aliases.yaml", &one, &limits(50));
    assert!(is_limit(&report), "{:#?}", report.errors.first());
}
