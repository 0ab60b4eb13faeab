//! "Did you mean …?": the known name closest to an unknown one, the field names a kind's schema
//! allows at a path, and the one way a suggestion is written.

use serde_json::{Value, json};

use crate::schema::KindSchema;
use crate::{FieldPath, Segment};

/// `, did you mean "x"?` for a suggestion, nothing without one: the words every "unknown name"
/// message of oam-rs ends with.
///
/// ```
/// use oam_model::suggest::did_you_mean;
/// let known = ["traits".to_owned(), "scopes".to_owned()];
/// assert_eq!(format!("unknown field `trais`{}", did_you_mean("trais", &known)),
///            "unknown field `trais`, did you mean \"traits\"?");
/// assert_eq!(did_you_mean("zzzzzz", &known), "");
/// ```
#[must_use]
pub fn did_you_mean(unknown: &str, known: &[String]) -> String {
    closest(unknown, known)
        .map(|s| format!(", did you mean {s:?}?"))
        .unwrap_or_default()
}

/// The field names the schema of `api_version`/`kind` allows for the object at `path`, if that
/// object has a fixed set of fields (used to suggest a fix for an unknown field).
#[must_use]
pub fn known_fields(api_version: &str, kind: &str, path: &FieldPath) -> Vec<String> {
    static CACHE: std::sync::OnceLock<Vec<KindSchema>> = std::sync::OnceLock::new();
    let cache = CACHE.get_or_init(crate::schema::schemas);
    let Some(kind_schema) = cache
        .iter()
        .find(|s| s.api_version == api_version && s.kind == kind)
    else {
        return Vec::new();
    };
    let root = kind_schema.schema.as_value();
    let mut node = root;
    for segment in path.segments() {
        node = resolve(root, node);
        node = match segment {
            Segment::Field(name) => match node.get("properties").and_then(|p| p.get(name)) {
                Some(next) => next,
                None => return Vec::new(),
            },
            Segment::Index(_) => match node.get("items") {
                Some(next) => next,
                None => return Vec::new(),
            },
        };
    }
    let node = resolve(root, node);
    node.get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// Follows `$ref` and the `anyOf: [T, null]` schemars writes for `Option<T>`.
fn resolve<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    for _ in 0..16 {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let Some(name) = reference.strip_prefix("#/$defs/") else {
                return node;
            };
            match root.get("$defs").and_then(|d| d.get(name)) {
                Some(next) => node = next,
                None => return node,
            }
        } else if let Some(first) = node
            .get("anyOf")
            .and_then(Value::as_array)
            .and_then(|alts| alts.iter().find(|a| a.get("type") != Some(&json!("null"))))
        {
            node = first;
        } else {
            return node;
        }
    }
    node
}

/// The known field closest to `unknown`: the same name in another case, or one within a small
/// edit distance.
#[must_use]
pub fn closest<'a>(unknown: &str, known: &'a [String]) -> Option<&'a str> {
    if let Some(same) = known.iter().find(|k| k.eq_ignore_ascii_case(unknown)) {
        return Some(same);
    }
    let limit = (unknown.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(unknown, k), k))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, k)| k.as_str())
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
/// neighbouring characters (the commonest typo, `cahce`) each cost one.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fields_follow_refs_options_and_arrays() {
        let path: FieldPath = "spec.components[0]".parse().unwrap();
        let fields = known_fields("core.oam.dev/v1alpha2", "ApplicationConfiguration", &path);
        assert!(
            fields.contains(&"traits".to_owned()) && fields.contains(&"dataOutputs".to_owned()),
            "{fields:?}"
        );
        assert_eq!(closest("trais", &fields), Some("traits"));
        let path: FieldPath = "spec.components[0].dataOutputs[0]".parse().unwrap();
        let fields = known_fields("core.oam.dev/v1alpha2", "ApplicationConfiguration", &path);
        assert_eq!(closest("OutputStore", &fields), Some("outputStore"));
        assert_eq!(closest("zzzzzz", &fields), None);
        let names = ["cache".to_owned(), "db".to_owned()];
        assert_eq!(
            closest("cahce", &names),
            Some("cache"),
            "a swap of neighbours is one edit"
        );
        assert!(known_fields("apps/v1", "Deployment", &path).is_empty());
    }
}
