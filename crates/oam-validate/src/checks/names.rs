//! Names Kubernetes would refuse: object names must be DNS-1123 subdomains; a component's name
//! is also the value of the `app.oam.dev/component` label and the rendered object's name, so it
//! must be an RFC 1123 label (`oam-v1alpha2.md` §19.10c, `oam-v1beta1.md` §10.19).

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
}
