//! Names Kubernetes would refuse: object names must be DNS-1123 subdomains; a component's name
//! is also the value of the `app.oam.dev/component` label and the rendered object's name, so it
//! must be an RFC 1123 label (`oam-v1alpha2.md` §19.10c, `oam-v1beta1.md` §10.19); an
//! application's name is the value of `app.oam.dev/name`, so at most 63 characters. Label keys
//! and values follow Kubernetes' own rules (`IsQualifiedName`, `IsValidLabelValue`).

use oam_model::{Document, FieldPath, V1alpha2, V1beta1};

use super::{At, Context, component_path};

const CODE: &str = "OAM040";

/// An RFC 1123 label: at most 63 of `[a-z0-9-]`, starting and ending alphanumeric.
pub(crate) fn is_dns_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 63
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// A DNS-1123 subdomain: at most 253 characters, dot-separated labels.
pub(crate) fn is_dns_subdomain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

/// A label value: empty, or at most 63 of `[A-Za-z0-9._-]`, starting and ending alphanumeric.
pub(crate) fn is_label_value(s: &str) -> bool {
    s.is_empty()
        || (s.len() <= 63
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.ends_with(|c: char| c.is_ascii_alphanumeric()))
}

/// Why a label key is not a qualified name (`[prefix/]name`, the prefix a DNS-1123 subdomain,
/// the name a non-empty label value), or `None` when it is one.
pub(crate) fn label_key_problem(key: &str) -> Option<&'static str> {
    let (prefix, name) = match key.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, key),
    };
    if let Some(prefix) = prefix
        && !is_dns_subdomain(prefix)
    {
        return Some(
            "its prefix (before `/`) must be a lowercase DNS-1123 subdomain of at most 253 characters",
        );
    }
    if name.is_empty() || !is_label_value(name) {
        return Some(
            "its name (after any `/` prefix) must be 1–63 of `[A-Za-z0-9._-]`, starting and ending with a letter or digit",
        );
    }
    None
}

fn labels(cx: &mut Context<'_>, at: &At<'_>) {
    let Some(labels) = at.loaded.value.metadata().and_then(|m| m.labels.as_ref()) else {
        return;
    };
    let base = FieldPath::root().field("metadata").field("labels");
    for (key, value) in labels {
        if let Some(problem) = label_key_problem(key) {
            cx.error(
                at,
                "OAM066",
                base.clone().field(key.as_str()),
                format!("{key:?} is not a valid label key: {problem}"),
                "Kubernetes refuses the object; rename the key, e.g. `example.com/tier`",
            );
        }
        if !is_label_value(value) {
            cx.error(
                at,
                "OAM066",
                base.clone().field(key.as_str()),
                format!(
                    "{value:?} is not a valid value of label {key:?}: it must be empty or at most 63 of `[A-Za-z0-9._-]` ({} here), starting and ending with a letter or digit",
                    value.chars().count()
                ),
                "Kubernetes refuses the object; shorten the value or move it to an annotation",
            );
        }
    }
}

fn label_rule(name: &str) -> String {
    format!(
        "{name:?} is not a valid component name: it must be a lowercase RFC 1123 label of at most 63 characters ({} here), `[a-z0-9]([-a-z0-9]*[a-z0-9])?`",
        name.chars().count()
    )
}

pub(crate) fn check(cx: &mut Context<'_>, at: &At<'_>) {
    let doc = &at.loaded.value;
    let typed = matches!(
        doc,
        Document::V1alpha1(_) | Document::V1alpha2(_) | Document::V1beta1(_)
    );
    let name_path = FieldPath::root().field("metadata").field("name");
    if let (true, Some(name)) = (typed, doc.name()) {
        let component = matches!(doc, Document::V1alpha2(V1alpha2::Component(_)));
        if component && !is_dns_label(name) {
            cx.error(
                at,
                CODE,
                name_path,
                label_rule(name),
                "rename it, e.g. `web-frontend`",
            );
        } else if !component && !is_dns_subdomain(name) {
            cx.error(
                at,
                CODE,
                name_path,
                format!("{name:?} is not a valid object name: it must be a lowercase DNS-1123 subdomain of at most 253 characters"),
                "use lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit",
            );
        }
    }
    let application = matches!(
        doc,
        Document::V1alpha2(V1alpha2::ApplicationConfiguration(_))
            | Document::V1beta1(V1beta1::Application(_))
    );
    if let (true, Some(name)) = (application, doc.name())
        && is_dns_subdomain(name)
        && name.len() > 63
    {
        cx.error(
            at,
            CODE,
            FieldPath::root().field("metadata").field("name"),
            format!(
                "{name:?} is too long for an application: it becomes the value of the label `app.oam.dev/name` on every object rendered, at most 63 characters ({} here)",
                name.chars().count()
            ),
            "shorten the name to 63 characters or fewer",
        );
    }
    if typed {
        labels(cx, at);
    }
    if let Document::V1beta1(V1beta1::Application(app)) = doc {
        for (i, c) in app.spec.components.iter().enumerate() {
            if !is_dns_label(&c.name) {
                let path = component_path(i).field("name");
                cx.error(
                    at,
                    CODE,
                    path,
                    label_rule(&c.name),
                    "rename it, e.g. `web-frontend`",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_kubernetes() {
        assert!(is_dns_label("web-1"));
        assert!(!is_dns_label("Web"));
        assert!(!is_dns_label("-web"));
        assert!(!is_dns_label(&"a".repeat(64)));
        assert!(is_dns_subdomain("manualscalertraits.core.oam.dev"));
        assert!(!is_dns_subdomain("a..b"));
        assert!(!is_dns_subdomain("services."));
    }

    #[test]
    fn labels_follow_kubernetes() {
        assert!(
            is_label_value("") && is_label_value("v1.2_x-Y") && is_label_value(&"a".repeat(63))
        );
        assert!(
            !is_label_value(&"a".repeat(64)) && !is_label_value("-a") && !is_label_value("a b")
        );
        assert_eq!(label_key_problem("app.oam.dev/name"), None);
        assert_eq!(label_key_problem("Tier"), None);
        assert!(label_key_problem("bad key!").is_some());
        assert!(label_key_problem("Example.com/x").is_some());
        assert!(label_key_problem("example.com/").is_some());
        assert!(label_key_problem("a/b/c").is_some());
    }
}
