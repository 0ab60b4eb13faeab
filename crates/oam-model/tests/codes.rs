//! The code registry (`oam_model::codes`) and `docs/diagnostics.md` cannot drift apart, and no
//! crate reports a code the registry does not have.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use oam_model::codes::{CODES, find};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn the_registry_is_the_table_of_docs_diagnostics_md() {
    let docs = std::fs::read_to_string(workspace().join("docs/diagnostics.md")).unwrap();
    let rows: Vec<[String; 4]> = docs
        .lines()
        .filter(|l| l.starts_with("| OAM"))
        .map(|l| {
            let cells: Vec<String> = l
                .trim()
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect();
            cells
                .try_into()
                .unwrap_or_else(|c| panic!("four cells: {c:?}"))
        })
        .collect();
    let registry: Vec<[String; 4]> = CODES
        .iter()
        .map(|c| [c.code, c.severity, c.what, c.example].map(str::to_owned))
        .collect();
    assert_eq!(
        rows, registry,
        "docs/diagnostics.md and oam_model::codes::CODES differ"
    );
    let codes: Vec<&str> = CODES.iter().map(|c| c.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes are listed once each, in order");
}

/// Every `"OAM…"` string in a Rust source under `dir`.
fn codes_in(dir: &Path, found: &mut BTreeSet<(String, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            codes_in(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("\"OAM") {
                let code = &text[at + 1..];
                let code: String = code
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                if code.len() == 6 && code[3..].bytes().all(|b| b.is_ascii_digit()) {
                    found.insert((code, path.display().to_string()));
                }
            }
        }
    }
}

#[test]
fn every_code_the_sources_report_is_registered() {
    let mut found = BTreeSet::new();
    for krate in std::fs::read_dir(workspace().join("crates")).unwrap() {
        let src = krate.unwrap().path().join("src");
        if src.is_dir() {
            codes_in(&src, &mut found);
        }
    }
    assert!(
        found.len() > 40,
        "the scan found the codes: {}",
        found.len()
    );
    let unknown: Vec<_> = found
        .iter()
        .filter(|(code, _)| find(code).is_none())
        .collect();
    assert!(
        unknown.is_empty(),
        "codes used but not registered: {unknown:?}"
    );
}

#[test]
fn a_code_is_found_however_it_is_written() {
    for written in ["OAM045", "oam045", "45", " OAM45 "] {
        assert_eq!(find(written).map(|c| c.code), Some("OAM045"), "{written}");
    }
    for absent in ["OAM999", "OAM", "", "OAMx45", "045x"] {
        assert!(find(absent).is_none(), "{absent}");
    }
}
