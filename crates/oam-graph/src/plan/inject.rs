//! Writing a data input's value into its sink (`oam-v1alpha2.md` §9.5): an array is appended to
//! the array already there, or merged by `strategyMergeKeys`; any other value replaces what is
//! there, creating missing objects on the way.

use oam_model::{FieldPath, FieldPathError, PathError};
use serde_json::Value;

/// Why a value could not be written.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InjectError {
    /// An array value aimed at a field holding something else (upstream panics here).
    #[error("cannot append an array to {path}: it holds {found}, not an array")]
    NotAnArray {
        /// The target path.
        path: String,
        /// The JSON type found there.
        found: &'static str,
    },
    /// A `strategyMergeKeys` entry that is not a field path.
    #[error("invalid strategyMergeKeys entry: {0}")]
    MergeKey(#[from] FieldPathError),
    /// The path crosses a value of the wrong type.
    #[error(transparent)]
    Path(#[from] PathError),
}

pub(crate) fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Writes `value` at `path` of `sink`.
///
/// - An array is appended to the array at `path` (absent or `null` counts as empty; no
///   de-duplication). With `merge_keys`, each incoming element instead replaces, whole, the
///   **first** existing element that shares **any one** key with an equal string value (the
///   documented KubeVela behaviour, OR and not AND); keys an element lacks or holds as a non-string
///   are skipped, and an element without any key, or matching none, is appended. Elements that
///   are not objects never match.
/// - Any other value replaces what is at `path`.
pub(crate) fn write(
    sink: &mut Value,
    path: &FieldPath,
    value: &Value,
    merge_keys: &[String],
) -> Result<(), InjectError> {
    let Value::Array(incoming) = value else {
        return Ok(path.set(sink, value.clone())?);
    };
    let mut existing = match path.get(sink) {
        Ok(Value::Array(items)) => items.clone(),
        Ok(Value::Null) => Vec::new(),
        Ok(other) => {
            return Err(InjectError::NotAnArray {
                path: path.to_string(),
                found: json_type(other),
            });
        }
        Err(e) if e.is_not_found() => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let keys = merge_keys
        .iter()
        .map(|k| k.parse::<FieldPath>())
        .collect::<Result<Vec<_>, _>>()?;
    for item in incoming {
        let wanted: Vec<(&FieldPath, &str)> = keys
            .iter()
            .filter_map(|k| Some((k, k.get(item).ok()?.as_str()?)))
            .collect();
        let found = (!wanted.is_empty())
            .then(|| {
                existing.iter().position(|e| {
                    wanted
                        .iter()
                        .any(|(k, v)| k.get(e).ok().and_then(Value::as_str) == Some(v))
                })
            })
            .flatten();
        match found {
            Some(i) => existing[i] = item.clone(),
            None => existing.push(item.clone()),
        }
    }
    Ok(path.set(sink, Value::Array(existing))?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at(p: &str) -> FieldPath {
        p.parse().unwrap()
    }

    #[test]
    fn scalars_replace_and_create_the_way() {
        let mut sink = json!({"spec": {"a": 1}});
        write(&mut sink, &at("spec.b.c"), &json!("x"), &[]).unwrap();
        write(&mut sink, &at("spec.a"), &json!(2), &[]).unwrap();
        assert_eq!(sink, json!({"spec": {"a": 2, "b": {"c": "x"}}}));
    }

    #[test]
    fn arrays_append_without_dedup() {
        let mut sink = json!({"spec": {"list": [1]}});
        write(&mut sink, &at("spec.list"), &json!([1, 2]), &[]).unwrap();
        write(&mut sink, &at("spec.new"), &json!([3]), &[]).unwrap();
        assert_eq!(sink, json!({"spec": {"list": [1, 1, 2], "new": [3]}}));
    }

    #[test]
    fn an_array_into_a_non_array_is_an_error_not_a_panic() {
        let mut sink = json!({"spec": {"list": "x"}});
        let e = write(&mut sink, &at("spec.list"), &json!([1]), &[]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cannot append an array to spec.list: it holds a string, not an array"
        );
    }

    #[test]
    fn merge_keys_replace_the_first_match_on_any_key() {
        let mut sink = json!({"envFrom": [
            {"configMapRef": {"name": "a"}, "prefix": "old"},
            {"secretRef": {"name": "s"}},
            "not-an-object",
        ]});
        let keys = ["configMapRef.name".to_owned(), "secretRef.name".to_owned()];
        let incoming = json!([
            {"configMapRef": {"name": "a"}, "prefix": "new"},
            {"configMapRef": {"name": "b"}},
            {"other": 1},
        ]);
        write(&mut sink, &at("envFrom"), &incoming, &keys).unwrap();
        assert_eq!(
            sink["envFrom"],
            json!([
                {"configMapRef": {"name": "a"}, "prefix": "new"},
                {"secretRef": {"name": "s"}},
                "not-an-object",
                {"configMapRef": {"name": "b"}},
                {"other": 1},
            ])
        );
        let bad = write(&mut sink, &at("envFrom"), &incoming, &["a[".to_owned()]);
        assert!(matches!(bad, Err(InjectError::MergeKey(_))));
    }
}
