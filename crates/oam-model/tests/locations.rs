//! Turning an object path of a loaded document into file:line:column, as later checks do.

use oam_model::{FieldPath, LoadOptions, load_str};

const STREAM: &str = "\
apiVersion: v1
kind: ConfigMap
metadata: {name: first}
---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata:
  name: shop
spec:
  components:
    - componentName: mysql
    - componentName: php
      traits:
        - trait:
            apiVersion: core.oam.dev/v1alpha2
            kind: ManualScalerTrait
            spec: {replicaCount: 2}
";

fn path(p: &str) -> FieldPath {
    p.parse().unwrap()
}

#[test]
fn a_path_becomes_file_line_column_in_its_own_document() {
    let report = load_str("shop.yaml", STREAM, &LoadOptions::default());
    let app = &report.documents[1];
    assert_eq!(app.document, 1);
    let at = |p: &str| {
        let l = app.location(&path(p));
        let pos = l.position.unwrap();
        (l.source.clone(), l.document, pos.line, pos.column)
    };
    assert_eq!(
        at("spec.components[1].traits[0].trait.kind"),
        ("shop.yaml".into(), Some(1), 16, 13)
    );
    assert_eq!(
        at("spec.components[0].componentName"),
        ("shop.yaml".into(), Some(1), 11, 7)
    );
    assert_eq!(
        at("spec.components[1].traits[0].trait.spec.replicaCount"),
        ("shop.yaml".into(), Some(1), 17, 20)
    );
    // A path that is not in the text points at its closest ancestor.
    assert_eq!(
        at("spec.components[1].dataInputs"),
        ("shop.yaml".into(), Some(1), 12, 7)
    );
    assert_eq!(at("metadata.name"), ("shop.yaml".into(), Some(1), 8, 3));
    assert_eq!(
        report.documents[0]
            .location(&path("metadata.name"))
            .position
            .unwrap()
            .line,
        3
    );
    let offset = app.location(&path("spec")).position.unwrap().offset;
    assert!(STREAM[offset..].starts_with("spec:"));
}
