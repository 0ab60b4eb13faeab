//! Splitting a YAML stream into per-document JSON trees with serde-saphyr (kept private: the
//! parser can be swapped without touching the public API).

use serde_json::Value;
use serde_saphyr::{Options, Spanned, budget, options};

use super::split::Piece;
use super::{Limits, ParsedDocument, strip_location};
use crate::error::ErrorKind;

/// Parses every non-empty document of `text`.
///
/// The fast path parses the whole stream at once, with size budgets scaled to the input; only if
/// that fails is the stream parsed again document by document, so that one broken document does
/// not hide the others and every error is reported with its own location.
pub(crate) fn documents(text: &str, limits: &Limits) -> Vec<ParsedDocument> {
    let options = stream_options(text.len(), limits);
    if let Some(docs) = whole(text, options.clone(), 1) {
        return docs;
    }
    let mut bytes = text.as_bytes();
    serde_saphyr::read_with_options::<_, Spanned<Value>>(&mut bytes, options)
        .map(|item| match item {
            Ok(d) => {
                let at = root(&d, 1);
                Ok((d.value, Some(at)))
            }
            Err(e) => Err(convert(&e)),
        })
        .collect()
}

/// Every document of one piece of `text` (see [`super::split`]), with lines and columns in the
/// whole text, when the piece parses within its share of the stream's budgets; `None` tells
/// the caller to parse the whole text with [`documents`], which reports any failure exactly as
/// it would have without pieces.
pub(crate) fn piece_documents(
    text: &str,
    piece: &Piece,
    limits: &Limits,
) -> Option<Vec<ParsedDocument>> {
    let options = share(
        &stream_options(text.len(), limits),
        piece.end - piece.start,
        text.len(),
    );
    whole(&text[piece.start..piece.end], options, piece.line)
}

/// The parser's options for a stream of `len` bytes: budgets scaled to the input.
fn stream_options(len: usize, limits: &Limits) -> Options {
    let scaled = |floor: usize, per_byte: usize| floor.max(len.saturating_mul(per_byte));
    let mut options = options! {
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
    options.alias_limits.max_total_replayed_events = limits.max_alias_replay_events;
    options
}

/// The options for a piece of `part` bytes of a `total`-byte stream: every budget that counts
/// over the whole stream is cut in proportion (rounded down, so the pieces together never get
/// more than the stream), the per-node ones stay. So if the stream breaks a budget, some piece
/// breaks its share, and the stream is parsed again sequentially.
fn share(options: &Options, part: usize, total: usize) -> Options {
    let cut = |v: usize| {
        let v = u128::try_from(v).unwrap_or(u128::MAX);
        let part = u128::try_from(part).unwrap_or(u128::MAX);
        let total = u128::try_from(total.max(1)).unwrap_or(u128::MAX);
        usize::try_from(v.saturating_mul(part) / total).unwrap_or(usize::MAX)
    };
    let mut options = options.clone();
    if let Some(b) = options.budget.as_mut() {
        b.max_reader_input_bytes = b.max_reader_input_bytes.map(cut);
        b.max_events = cut(b.max_events);
        b.max_aliases = cut(b.max_aliases);
        b.max_anchors = cut(b.max_anchors);
        b.max_recorded_anchor_events = cut(b.max_recorded_anchor_events);
        b.max_recorded_anchor_bytes = cut(b.max_recorded_anchor_bytes);
        b.max_total_property_interpolation_work = cut(b.max_total_property_interpolation_work);
        b.max_documents = cut(b.max_documents);
        b.max_nodes = cut(b.max_nodes);
        b.max_total_scalar_bytes = cut(b.max_total_scalar_bytes);
        b.max_merge_keys = cut(b.max_merge_keys);
        // The alias/anchor ratio is checked only from a number of aliases on: a piece checks it
        // from its first alias, so that a stream over the ratio always has a piece over it.
        b.alias_anchor_min_aliases = 1;
    }
    options.alias_limits.max_total_replayed_events =
        cut(options.alias_limits.max_total_replayed_events);
    options
}

/// Every document of `text`, a piece that starts on line `first_line` of its source, when the
/// whole piece parses.
fn whole(text: &str, options: Options, first_line: usize) -> Option<Vec<ParsedDocument>> {
    let docs = serde_saphyr::from_multiple_with_options::<Spanned<Value>>(text, options).ok()?;
    Some(
        docs.into_iter()
            .map(|d| {
                let at = root(&d, first_line);
                Ok((d.value, Some(at)))
            })
            .collect(),
    )
}

/// The line and column of a document's root in its source.
fn root(d: &Spanned<Value>, first_line: usize) -> (usize, usize) {
    (
        d.defined.line() as usize + first_line - 1,
        d.defined.column() as usize,
    )
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
