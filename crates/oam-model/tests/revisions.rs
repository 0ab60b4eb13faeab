//! Revision hashes: the cross-language vectors, the RFC 8785 oracle, and hash invariants.

use oam_model::revision::{RevisionHash, RevisionHistory, canonical_json, component_hash};
use oam_model::{Document, LoadOptions, V1alpha2, load_str};
use proptest::prelude::*;
use serde_json::Value;

#[test]
fn the_vectors_hold() {
    let text = include_str!("vectors/revisions.json");
    let file: Value = serde_json::from_str(text).unwrap();
    let vectors = file["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 20);
    for v in vectors {
        let name = v["name"].as_str().unwrap();
        let canonical = match v["kind"].as_str().unwrap() {
            "value" => canonical_json(&v["input"]),
            "component" => {
                let Document::V1alpha2(V1alpha2::Component(c)) =
                    Document::from_value(v["input"].clone()).unwrap()
                else {
                    panic!("{name}: not a Component")
                };
                assert_eq!(component_hash(&c).as_str(), v["hash"], "{name}");
                canonical_json(&serde_json::to_value(&c.spec).unwrap())
            }
            other => panic!("unknown vector kind {other}"),
        };
        assert_eq!(canonical, v["canonical"], "{name}");
        assert_eq!(
            RevisionHash::of_canonical(&canonical).as_str(),
            v["hash"],
            "{name}"
        );
    }
}

#[test]
fn integers_beyond_2_pow_53_are_written_verbatim_unlike_rfc8785() {
    let v: Value = serde_json::from_str("[10122298379728727, 18446744073709551615]").unwrap();
    assert_eq!(
        canonical_json(&v),
        "[10122298379728727,18446744073709551615]"
    );
    assert_eq!(
        serde_json_canonicalizer::to_string(&v).unwrap(),
        "[10122298379728728,18446744073709552000]"
    );
}

#[test]
fn the_same_component_in_yaml_and_json_with_other_formatting_has_one_hash() {
    let yaml = "# a comment\napiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata:\n  name: web\n  labels: {team: a}\nspec:\n  parameters:\n    - {name: image, fieldPaths: ['spec.image']}\n  workload:\n      kind: Deployment\n      apiVersion: \"apps/v1\"\n      spec: {replicas: 2, image: 'nginx'}\n";
    let json = r#"{"apiVersion":"core.oam.dev/v1alpha2","kind":"Component","metadata":{"name":"web"},
        "spec":{"workload":{"apiVersion":"apps/v1","kind":"Deployment","spec":{"image":"nginx","replicas":2}},
                "parameters":[{"fieldPaths":["spec.image"],"name":"image"}]}}"#;
    let hash = |name: &str, text: &str| match &load_str(name, text, &LoadOptions::default())
        .documents[0]
        .value
    {
        Document::V1alpha2(V1alpha2::Component(c)) => component_hash(c),
        _ => panic!(),
    };
    assert_eq!(hash("a.yaml", yaml), hash("b.json", json));
    assert_ne!(
        hash("a.yaml", yaml),
        hash("c.yaml", &yaml.replace("replicas: 2", "replicas: 3"))
    );
}

/// Integers exact as doubles: there RFC 8785 (which turns every number into a double) and our
/// policy (64-bit integers written verbatim) agree; beyond ±2^53 they differ on purpose.
const SAFE: i64 = 1 << 53;

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-SAFE..=SAFE).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::String),
        "[\\u{0}-\\u{1f}\\u{e000}-\\u{e0ff}\\u{10000}-\\u{100ff}\"\\\\/]{0,6}"
            .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("[a-z\\u{e000}\\u{10000}\\u{ff}]{0,3}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every leaf path of a tree, to change one leaf at a time.
fn leaves(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(i.to_string());
                leaves(item, path, out);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                path.push(k.clone());
                leaves(item, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

proptest! {
    #[test]
    fn canonical_json_matches_the_rfc8785_oracle(v in json()) {
        let ours = canonical_json(&v);
        let oracle = serde_json_canonicalizer::to_string(&v).unwrap();
        prop_assert_eq!(&ours, &oracle);
        // Idempotent: the canonical text parses back to a value with the same canonical text.
        let again: Value = serde_json::from_str(&ours).unwrap();
        prop_assert_eq!(canonical_json(&again), ours);
    }

    #[test]
    fn hashes_ignore_key_order_and_formatting(v in json()) {
        let pretty: Value = serde_json::from_str(&serde_json::to_string_pretty(&v).unwrap()).unwrap();
        prop_assert_eq!(RevisionHash::of_value(&v), RevisionHash::of_value(&pretty));
        let reversed = reverse_keys(&v);
        prop_assert_eq!(RevisionHash::of_value(&v), RevisionHash::of_value(&reversed));
    }

    #[test]
    fn hashes_survive_writing_and_loading_as_yaml_and_json(v in json()) {
        let doc = serde_json::json!({"apiVersion": "example.com/v1", "kind": "Thing", "data": v});
        let document = Document::from_value(doc).unwrap();
        for (name, text) in [("t.yaml", oam_model::to_yaml_string(&document).unwrap()), ("t.json", oam_model::to_json_string(&document).unwrap())] {
            let report = load_str(name, &text, &LoadOptions::default());
            prop_assert!(report.is_ok(), "{:?}\n{}", report.errors, text);
            let Document::Raw(raw) = &report.documents[0].value else { panic!() };
            prop_assert_eq!(RevisionHash::of_value(&raw.rest["data"]), RevisionHash::of_value(&v), "{}", text);
        }
    }

    #[test]
    fn changing_any_leaf_changes_the_hash(v in json(), pick in any::<prop::sample::Index>()) {
        let mut paths = Vec::new();
        leaves(&v, &mut Vec::new(), &mut paths);
        prop_assume!(!paths.is_empty());
        let path = pick.get(&paths);
        let mut changed = v.clone();
        let mut node = &mut changed;
        for key in path {
            node = match node {
                Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
                Value::Object(map) => map.get_mut(key).unwrap(),
                _ => unreachable!(),
            };
        }
        *node = match node {
            Value::String(s) => Value::String(format!("{s}x")),
            _ => Value::String("changed".into()),
        };
        prop_assert_ne!(RevisionHash::of_value(&v), RevisionHash::of_value(&changed));
    }

    #[test]
    fn a_history_never_reuses_a_name_for_other_content(ops in prop::collection::vec((0u8..6, 0usize..4, any::<bool>()), 1..60)) {
        let mut history = RevisionHistory::new("web");
        let mut issued: std::collections::BTreeMap<u64, RevisionHash> = std::collections::BTreeMap::new();
        for (content, limit, prune) in ops {
            let hash = RevisionHash::of_value(&Value::from(content));
            let recorded = history.record(hash.clone());
            let number = recorded.name().number;
            if let Some(previous) = issued.insert(number, hash.clone()) {
                prop_assert_eq!(previous, hash, "name web-v{} reused for other content", number);
            }
            prop_assert_eq!(&history.latest().unwrap().hash, &issued[&number]);
            if prune {
                let referenced = std::collections::BTreeSet::new();
                history.prune(limit, &referenced);
                prop_assert!(history.latest().is_some(), "the latest revision is never pruned");
                prop_assert!(history.revisions().len() <= limit.max(1));
            }
        }
    }
}

fn reverse_keys(v: &Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.iter().map(reverse_keys).collect()),
        // serde_json's map is sorted, so rebuild it through a JSON text with reversed members.
        Value::Object(map) => {
            let members: Vec<String> = map
                .iter()
                .rev()
                .map(|(k, v)| {
                    format!(
                        "{}:{}",
                        serde_json::to_string(k).unwrap(),
                        serde_json::to_string(&reverse_keys(v)).unwrap()
                    )
                })
                .collect();
            serde_json::from_str(&format!("{{{}}}", members.join(","))).unwrap()
        }
        other => other.clone(),
    }
}
