//! Splitting a YAML stream into per-document JSON trees with serde-saphyr (kept private: the
//! parser can be swapped without touching the public API).

use serde_json::Value;
use serde_saphyr::{Spanned, budget, options};

use super::{Limits, ParsedDocument, strip_location};
use crate::error::ErrorKind;

/// Parses every non-empty document of `text`.
///
/// The fast path parses the whole stream at once, with size budgets scaled to the input; only if
/// that fails is the stream parsed again document by document, so that one broken document does
/// not hide the others and every error is reported with its own location.
pub(crate) fn documents(text: &str, limits: &Limits) -> Vec<ParsedDocument> {
    let scaled = |floor: usize, per_byte: usize| floor.max(text.len().saturating_mul(per_byte));
    let mut whole = options! {
        budget: budget! {
            max_reader_input_bytes: Some(limits.max_source_bytes),
            max_depth: limits.max_depth,
            max_aliases: limits.max_aliases,
            max_anchors: limits.max_aliases,
            max_documents: scaled(1_024, 1),
            max_nodes: scaled(limits.min_node_budget, 1),
            max_events: scaled(4 * limits.min_node_budget, 2),
            max_total_scalar_bytes: scaled(64 << 20, 1),
        },
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        // `!!binary` stays its base64 text: JSON, and so Kubernetes, carries bytes as base64.
        ignore_binary_tag_for_string: true,
    };
    whole.alias_limits.max_total_replayed_events = limits.max_alias_replay_events;
    if let Ok(docs) =
        serde_saphyr::from_multiple_with_options::<Spanned<Value>>(text, whole.clone())
    {
        return docs
            .into_iter()
            .map(|d| {
                Ok((
                    d.value,
                    Some((d.defined.line() as usize, d.defined.column() as usize)),
                ))
            })
            .collect();
    }
    let mut bytes = text.as_bytes();
    serde_saphyr::read_with_options::<_, Spanned<Value>>(&mut bytes, whole)
        .map(|item| match item {
            Ok(d) => Ok((
                d.value,
                Some((d.defined.line() as usize, d.defined.column() as usize)),
            )),
            Err(e) => Err(convert(&e)),
        })
        .collect()
}

fn convert(error: &serde_saphyr::Error) -> (ErrorKind, Option<(usize, usize)>) {
    let inner = error.without_snippet();
    // Where it went wrong: for an error while replaying an alias, where the alias is used.
    let at = inner
        .location()
        .map(|l| (l.line() as usize, l.column() as usize));
    // What went wrong: the error under the alias and snippet wrappers the parser adds.
    let mut inner = inner;
    while let serde_saphyr::Error::AliasError { error, .. }
    | serde_saphyr::Error::WithSnippet { error, .. } = inner
    {
        inner = error;
    }
    match inner {
        serde_saphyr::Error::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or_else(|| "?".to_owned());
            return (ErrorKind::DuplicateKey { key, first: None }, at);
        }
        serde_saphyr::Error::NonFiniteFloat { value, .. } => {
            let value = value.clone();
            return (ErrorKind::NonFiniteNumber { value }, at);
        }
        _ => {}
    }
    if let serde_saphyr::Error::Budget { breach, .. } = inner {
        let message = breach_words(breach);
        return (ErrorKind::Limit { message }, at);
    }
    let message = strip_location(&inner.to_string());
    let limit = matches!(
        inner,
        serde_saphyr::Error::Budget { .. }
            | serde_saphyr::Error::AliasReplayLimitExceeded { .. }
            | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
            | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. }
            | serde_saphyr::Error::AliasReplayCounterOverflow { .. }
    ) || message.starts_with("budget breached")
        || message.contains("recursion limit")
        || message.contains("nesting limit");
    let kind = if limit {
        ErrorKind::Limit { message }
    } else {
        ErrorKind::Syntax { message }
    };
    (kind, at)
}

/// A budget breach in words for the person at the terminal (the parser prints its Rust value).
fn breach_words(breach: &serde_saphyr::budget::BudgetBreach) -> String {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Events { events } => format!("more parser events than the input's budget ({events})"),
        B::Aliases { aliases } => format!("more aliases (`*name`) than allowed ({aliases})"),
        B::Anchors { anchors } => format!("more anchors (`&name`) than allowed ({anchors})"),
        B::Depth { depth } => format!("nesting deeper than allowed ({depth} levels)"),
        B::Documents { documents } => {
            format!("more documents than the input's budget ({documents})")
        }
        B::Nodes { nodes } => format!("more nodes than the input's budget ({nodes})"),
        B::ScalarBytes { total_scalar_bytes } => {
            format!("more scalar text than the input's budget ({total_scalar_bytes} bytes)")
        }
        B::MergeKeys { merge_keys } => {
            format!("more merge keys (`<<`) than allowed ({merge_keys})")
        }
        B::AliasAnchorRatio { aliases, anchors } => {
            format!(
                "too many aliases for the anchors they use ({aliases} aliases of {anchors} anchors)"
            )
        }
        B::InputBytes { input_bytes } => {
            format!("a larger input than allowed ({input_bytes} bytes)")
        }
        _ => "a parser budget exceeded (comments, recorded anchors or includes)".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits::default()
    }

    #[test]
    fn yaml_1_2_scalars() {
        let docs = documents("a: yes\nb: 0755\nc: 0x1F\nd: true\ne: ~\n", &limits());
        let v = docs[0].as_ref().unwrap().0.clone();
        assert_eq!(
            v,
            serde_json::json!({"a": "yes", "b": "0755", "c": 31, "d": true, "e": null})
        );
    }

    #[test]
    fn a_broken_document_does_not_hide_the_others() {
        let docs = documents("a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n", &limits());
        assert!(docs[0].is_ok());
        let (kind, at) = docs[1].as_ref().unwrap_err();
        assert!(matches!(kind, ErrorKind::Syntax { .. }), "{kind}");
        assert!(at.is_some());
        assert!(!kind.to_string().contains(" at line "), "{kind}");
    }

    #[test]
    fn billion_laughs_fails_fast_with_a_limit_error() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (i, prev) in ('b'..='j').zip('a'..) {
            let refs = vec![format!("*{prev}"); 9].join(",");
            text.push_str(&format!("{i}: &{i} [{refs}]\n"));
        }
        let docs = documents(&text, &limits());
        let (kind, _) = docs[0].as_ref().unwrap_err();
        assert!(matches!(kind, ErrorKind::Limit { .. }), "{kind}");
    }

    #[test]
    fn deep_nesting_is_a_limit_error() {
        let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let docs = documents(&text, &limits());
        let (kind, _) = docs[0].as_ref().unwrap_err();
        assert!(matches!(kind, ErrorKind::Limit { .. }), "{kind}");
    }
}
