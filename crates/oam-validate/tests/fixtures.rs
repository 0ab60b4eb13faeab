//! One fixture per diagnostic code (`tests/fixtures/OAM*.yaml`), each ending with the findings
//! it must produce as `# expect: <code> <object path> <line>:<column>` lines, each followed by
//! its related locations as ` (<label>: <object path> <line>:<column>)`; and fixtures for
//! the edges of the rules (`pass-*.yaml`) that must produce no finding at all.

use std::path::Path;

use oam_model::{LoadOptions, load_file};
use oam_validate::{Options, validate};

#[test]
fn every_fixture_gives_exactly_its_findings_at_their_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 35);
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&file).unwrap();
        let expected: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .map(str::to_owned)
            .collect();
        let report = load_file(&file, &LoadOptions::default());
        let findings = validate(&report, &Options::default());
        for d in &findings {
            // Every finding's code is registered, with the severity it is reported at.
            let entry = d
                .entry()
                .unwrap_or_else(|| panic!("{name}: {} is not registered", d.code));
            assert!(
                entry.severity.contains(d.severity.as_str()),
                "{name}: {} is reported as {}, registered as {:?}",
                d.code,
                d.severity,
                entry.severity
            );
        }
        let found: Vec<String> = findings
            .into_iter()
            // Embedded-body warnings of the loader are tested in oam-model.
            .filter(|d| !matches!(d.code, "OAM010" | "OAM012"))
            .map(|d| {
                let p = d.location.position.expect("a position");
                let mut line = format!("{} {} {}:{}", d.code, d.location.path, p.line, p.column);
                for r in &d.related {
                    let q = r.location.position.expect("a position");
                    line.push_str(&format!(
                        " ({}: {} {}:{})",
                        r.label, r.location.path, q.line, q.column
                    ));
                }
                line
            })
            .collect();
        assert_eq!(found, expected, "{name}");
        if let Some(code) = name.strip_prefix("OAM").map(|r| format!("OAM{}", &r[..3])) {
            assert!(
                expected.iter().any(|e| e.starts_with(&code)),
                "{name} must produce its own code"
            );
        } else {
            assert!(name.starts_with("pass-") && expected.is_empty(), "{name}");
        }
    }
}
