//! Every OAM object once: two `core.oam.dev` documents of the same group, kind, namespace and
//! name in one input set are one object written twice; applied together, the second silently
//! replaces the first, and the runtimes each keep a different one when they look it up by name
//! (reported here, none is chosen). Objects of other kinds pass: snapshots of observed state
//! are the same object at two moments.

use std::collections::BTreeMap;

use oam_model::{Document, FieldPath, Loaded, Location};

use super::Context;

/// The identity Kubernetes gives an object: group, kind, namespace (empty when unset) and name.
fn identity(doc: &Document) -> Option<(&str, &str, &str, &str)> {
    if matches!(doc, Document::Raw(_)) {
        return None;
    }
    let name = doc.name()?;
    let group = doc.api_version().rsplit_once('/').map_or("", |(g, _)| g);
    let namespace = doc
        .metadata()
        .and_then(|m| m.namespace.as_deref())
        .unwrap_or("");
    Some((group, doc.kind(), namespace, name))
}

pub(crate) fn check<'a>(cx: &mut Context<'_>, documents: &'a [Loaded<Document>]) {
    let name_path = FieldPath::root().field("metadata").field("name");
    // The first document of each identity; locations are looked up only for a repeat, so a
    // clean input never builds the position index (it did, for 38% of a clean validate).
    let mut first: BTreeMap<(&'a str, &'a str, &'a str, &'a str), &'a Loaded<Document>> =
        BTreeMap::new();
    for loaded in documents {
        let Some(key) = identity(&loaded.value) else {
            continue;
        };
        let Some(first_loaded) = first.get(&key) else {
            first.insert(key, loaded);
            continue;
        };
        let here = loaded.location(&name_path);
        let at_first: Location = first_loaded.location(&name_path);
        let (_, kind, namespace, name) = key;
        let object = if namespace.is_empty() {
            name.to_owned()
        } else {
            format!("{namespace}/{name}")
        };
        cx.out.push(crate::diagnostic::Diagnostic {
            code: "OAM068",
            severity: crate::diagnostic::Severity::Error,
            message: format!("{kind} {object} is defined twice (first at {at_first}): applied together, the second replaces the first"),
            object: format!("{kind} {name}"),
            location: here,
            help: Some("keep one of the two, or give one another name or namespace".into()),
            related: Vec::new(),
            suggestion: None,
        }
        .with_related("first defined here", at_first.clone()));
    }
}
