//! The conformance corpus (`../shared/conformance`): every valid document, checked with the
//! definitions of its own source folder plus the standard catalog, has no error-severity
//! finding — except the findings listed below, each a real fault of the corpus.
//!
//! A document's source folder is its project folder: the first three components of its path
//! (`catalog/traits/simplerollouttrait`, `oam-kubernetes-runtime/examples/dependency`), or its
//! directory when it lies higher. Every valid plain-YAML file of that folder is loaded with it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use oam_model::{LoadOptions, LoadReport, load_file};
use oam_validate::{Options, Severity, check};

/// Errors that really are in the corpus: (file, code, line, why).
const EXPECTED: &[(&str, &str, usize, &str)] = &[
    (
        "catalog/applications/istio/bookinfo/appconfig-2-bookinfo-DestinationRule.yaml",
        "OAM025",
        7,
        "no Component bookinfo-gateway exists in the project",
    ),
    (
        "catalog/applications/istio/bookinfo/appconfig-2-bookinfo-DestinationRule.yaml",
        "OAM046",
        47,
        "two DestinationRule traits on one component",
    ),
    (
        "catalog/applications/istio/bookinfo/appconfig-1-bookinfo.yaml",
        "OAM043",
        119,
        "the project's ScopeDefinition is misspelt gateways.netwoking.istio.scops",
    ),
    (
        "catalog/applications/istio/bookinfo/appconfig-2-bookinfo-reviews-v2.yaml",
        "OAM043",
        119,
        "the same misspelt ScopeDefinition",
    ),
    (
        "catalog/applications/istio/bookinfo/appconfig-3-bookinfo-reviews-v3.yaml",
        "OAM043",
        119,
        "the same misspelt ScopeDefinition",
    ),
    (
        "catalog/traits/metricstrait/metrics-demo/metrics-component.yaml",
        "OAM043",
        8,
        "podspecworkloads.standard.oam.dev is KubeVela's old PodSpecWorkload CRD, defined nowhere in the project",
    ),
    (
        "oam-kubernetes-runtime/examples/data-passing/demo.yaml",
        "OAM043",
        28,
        "the WorkloadDefinition is named foo.example.com, its workloads are foos.example.com",
    ),
    (
        "oam-kubernetes-runtime/examples/data-passing/demo.yaml",
        "OAM043",
        44,
        "idem",
    ),
    (
        "oam-kubernetes-runtime/examples/dependency/demo-with-conditions.yaml",
        "OAM043",
        22,
        "idem",
    ),
    (
        "oam-kubernetes-runtime/examples/dependency/demo-with-conditions.yaml",
        "OAM043",
        37,
        "idem",
    ),
    (
        "oam-kubernetes-runtime/examples/dependency/demo-with-valuefrom.yaml",
        "OAM043",
        22,
        "idem",
    ),
    (
        "oam-kubernetes-runtime/examples/dependency/demo-with-valuefrom.yaml",
        "OAM043",
        37,
        "idem",
    ),
    (
        "oam-kubernetes-runtime/examples/dependency/demo.yaml",
        "OAM043",
        22,
        "idem",
    ),
    (
        "oam-kubernetes-runtime/examples/dependency/demo.yaml",
        "OAM043",
        43,
        "idem",
    ),
    (
        "oam-kubernetes-runtime/examples/webhook-enabled/app.yaml",
        "OAM030",
        20,
        "written for the mutating webhook, which expands the name/properties shorthand before validation",
    ),
    (
        "oam-kubernetes-runtime/examples/webhook-enabled/app.yaml",
        "OAM052",
        21,
        "idem: `name`",
    ),
    (
        "oam-kubernetes-runtime/examples/webhook-enabled/app.yaml",
        "OAM052",
        22,
        "idem: `properties`",
    ),
    (
        "spec/v0.2.0/core/traits/manual_scaler_trait.md.L107-L122.yaml",
        "OAM025",
        10,
        "a spec snippet whose Component is not in the spec",
    ),
    (
        "spec/v0.2.0/examples/workflow.md.L50-L74.yaml",
        "OAM043",
        11,
        "cassandras.data.oam.dev is a hypothetical workload type",
    ),
    (
        "spec/v0.2.1/examples/workflow.md.L50-L74.yaml",
        "OAM043",
        11,
        "idem",
    ),
    (
        "spec/v0.2.0/examples/workflow.md.L50-L74.yaml",
        "OAM028",
        20,
        "parameter field paths start with '.', which the field-path grammar refuses",
    ),
    (
        "spec/v0.2.0/examples/workflow.md.L50-L74.yaml",
        "OAM028",
        25,
        "idem",
    ),
    (
        "spec/v0.2.0/examples/workflow.md.L14-L46.yaml",
        "OAM028",
        33,
        "idem",
    ),
    (
        "spec/v0.2.0/examples/workflow.md.L129-L148.yaml",
        "OAM043",
        17,
        "ingresses.standard.oam.dev is a hypothetical trait type",
    ),
    (
        "spec/v0.2.0/examples/workflow.md.L181-L211.yaml",
        "OAM043",
        17,
        "idem",
    ),
    (
        "spec/v0.3.0/7.application.md.L69-L99.yaml",
        "OAM043",
        11,
        "web-ui is a hypothetical component type",
    ),
    (
        "spec/v0.3.0/7.application.md.L69-L99.yaml",
        "OAM043",
        16,
        "ingress is a hypothetical trait type",
    ),
    (
        "spec/v0.3.0/7.application.md.L69-L99.yaml",
        "OAM043",
        23,
        "company/test-backend names a namespace the corpus has no definitions in",
    ),
    (
        "spec/master/3.component_model.md.L165-L179.yaml",
        "OAM043",
        8,
        "webserver is a hypothetical component type",
    ),
];

/// `file` → whether it is plain YAML and expected valid, from MANIFEST.tsv.
fn valid_files(root: &Path) -> Vec<String> {
    let manifest = std::fs::read_to_string(root.join("MANIFEST.tsv")).expect("MANIFEST.tsv");
    manifest
        .lines()
        .skip(1)
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            (cols.get(10) == Some(&"yes") && cols.get(13) == Some(&"valid"))
                .then(|| cols[0].to_owned())
        })
        .collect()
}

fn folder(file: &str) -> String {
    let parts: Vec<&str> = file.split('/').collect();
    if parts.len() > 3 {
        parts[..3].join("/")
    } else {
        parts[..parts.len() - 1].join("/")
    }
}

#[test]
fn every_valid_document_validates_with_its_folder_and_the_catalog() {
    let Some(root) = oam_conformance::corpus() else {
        return;
    };
    let files = valid_files(&root);
    assert!(files.len() > 200, "the corpus is where the README says");
    let mut folders: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for f in &files {
        folders.entry(folder(f)).or_default().push(f);
    }
    let mut found: BTreeSet<(String, &'static str, usize)> = BTreeSet::new();
    let mut messages = Vec::new();
    for members in folders.values() {
        let mut report = LoadReport::default();
        for f in members {
            let loaded = load_file(&root.join(f), &LoadOptions::lenient());
            report.extend(loaded);
        }
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        for d in check(&report.documents, &Options::default()) {
            if d.severity != Severity::Error {
                continue;
            }
            // A folder's files are independent examples, grouped only so that definitions and
            // Components in sibling files resolve: two of them naming an object alike are not one
            // input set. The same object twice within one file still counts.
            let source = d.location.source.clone();
            if d.code == "OAM068" && !d.message.contains(&format!("(first at {source}:")) {
                continue;
            }
            let rel = source
                .strip_prefix(root.to_str().unwrap())
                .unwrap_or(&source)
                .trim_start_matches('/')
                .to_owned();
            let line = d.location.position.map_or(0, |p| p.line);
            messages.push(format!("{rel}:{line} {} {}", d.code, d.message));
            found.insert((rel, d.code, line));
        }
    }
    let expected: BTreeSet<(String, &'static str, usize)> = EXPECTED
        .iter()
        .map(|(f, c, l, _)| ((*f).to_owned(), *c, *l))
        .collect();
    let unexpected: Vec<_> = found.difference(&expected).collect();
    let missing: Vec<_> = expected.difference(&found).collect();
    assert!(
        unexpected.is_empty() && missing.is_empty(),
        "unexpected: {unexpected:#?}\nmissing: {missing:#?}\nall:\n{}",
        messages.join("\n")
    );
}
