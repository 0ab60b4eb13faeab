//! Field path properties: `Display` → parse round-trips, `set` then `get` returns the value, and
//! no path or value makes them panic.

use oam_model::{FieldPath, Segment};
use proptest::prelude::*;
use serde_json::Value;

/// Keys the grammar can express: non-empty, no `[` or `]`, no quote at either end.
fn key() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9_/.:@-][a-zA-Z0-9_/.:@ '-]{0,8}[a-zA-Z0-9_/.:@-]|[a-zA-Z0-9_/:@-]"
}

fn path() -> impl Strategy<Value = FieldPath> {
    prop::collection::vec(
        prop_oneof![
            key().prop_map(Segment::Field),
            (0usize..6).prop_map(Segment::Index)
        ],
        1..6,
    )
    .prop_map(FieldPath::from)
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        "\\PC{0,6}".prop_map(Value::String),
        any::<bool>().prop_map(Value::Bool)
    ]
}

proptest! {
    #[test]
    fn display_then_parse_round_trips(p in path()) {
        let text = p.to_string();
        prop_assert_eq!(text.parse::<FieldPath>().unwrap(), p, "{}", text);
    }

    #[test]
    fn set_then_get_returns_the_value(p in path(), v in leaf()) {
        let mut tree = Value::Null;
        p.set(&mut tree, v.clone()).unwrap();
        prop_assert_eq!(p.get(&tree).unwrap(), &v);
        // Writing again over the same path replaces the value.
        p.set(&mut tree, Value::from("again")).unwrap();
        prop_assert_eq!(p.get(&tree).unwrap(), &Value::from("again"));
        prop_assert_eq!(p.delete(&mut tree).unwrap(), Some(Value::from("again")));
        prop_assert!(p.get(&tree).unwrap_err().is_not_found());
    }

    #[test]
    fn arbitrary_paths_and_trees_never_panic(text in "[a-z.\\[\\]0-9'\"]{0,16}", v in leaf(), w in leaf()) {
        if let Ok(p) = text.parse::<FieldPath>() {
            let mut tree = serde_json::json!({"a": [v, {"b": w}], "c": "s"});
            let _ = p.get(&tree);
            let _ = p.set(&mut tree, Value::Null);
            let _ = p.delete(&mut tree);
        }
    }
}
