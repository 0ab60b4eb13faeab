//! Values Kubernetes would refuse once a typed workload is rendered: a ContainerizedWorkload's
//! container names that are not RFC 1123 labels, container ports outside 1–65535, port names outside its CRD pattern `^[a-z]+$` (an IANA
//! service name in the rendered Service, at most 15 characters), environment variable names
//! outside `[-._a-zA-Z][-._a-zA-Z0-9]*`.

use oam_model::FieldPath;
use oam_model::v1alpha2::{Component, ContainerizedWorkload};
use serde_json::Value;

use super::{At, Context};

fn env_name_ok(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || "-._".contains(c))
        && chars.all(|c| c.is_ascii_alphanumeric() || "-._".contains(c))
}

fn port_name_ok(name: &str) -> bool {
    !name.is_empty() && name.len() <= 15 && name.bytes().all(|b| b.is_ascii_lowercase())
}

/// Checks the containers of a ContainerizedWorkload body, read from its JSON as loaded (the
/// loader has already typed the body once for its own warnings; a field of the wrong type was
/// reported there and is skipped here).
pub(crate) fn containerized(cx: &mut Context<'_>, at: &At<'_>, spec: &Value, base: &FieldPath) {
    let containers = spec.get("containers").and_then(Value::as_array);
    for (i, c) in containers.into_iter().flatten().enumerate() {
        let cat = base.clone().field("spec").field("containers").index(i);
        if let Some(name) = c.get("name").and_then(Value::as_str)
            && !super::names::is_dns_label(name)
        {
            cx.error(
                at,
                "OAM061",
                cat.clone().field("name"),
                format!("container name {name:?} is not a lowercase RFC 1123 label of at most 63 characters (`[a-z0-9]([-a-z0-9]*[a-z0-9])?`)"),
                "the rendered Deployment's pod refuses it; rename the container, e.g. `web`",
            );
        }
        let ports = c.get("ports").and_then(Value::as_array);
        for (k, p) in ports.into_iter().flatten().enumerate() {
            let pat = cat.clone().field("ports").index(k);
            if let Some(port) = p.get("containerPort").and_then(Value::as_i64)
                && !(1..=65535).contains(&port)
            {
                cx.error(
                    at,
                    "OAM061",
                    pat.clone().field("containerPort"),
                    format!("container port {port} is outside 1–65535"),
                    "use a port number from 1 to 65535",
                );
            }
            if let Some(name) = p.get("name").and_then(Value::as_str)
                && !port_name_ok(name)
            {
                cx.error(
                    at,
                    "OAM061",
                    pat.field("name"),
                    format!("port name {name:?} must be 1–15 lowercase letters (`^[a-z]+$`)"),
                    "name the port with lowercase letters only, e.g. `http`",
                );
            }
        }
        let env = c.get("env").and_then(Value::as_array);
        for (k, e) in env.into_iter().flatten().enumerate() {
            if let Some(name) = e.get("name").and_then(Value::as_str)
                && !env_name_ok(name)
            {
                cx.error(
                    at,
                    "OAM061",
                    cat.clone().field("env").index(k).field("name"),
                    format!(
                        "environment variable name {name:?} is not `[-._a-zA-Z][-._a-zA-Z0-9]*`"
                    ),
                    "start with a letter, `-`, `.` or `_`, then letters, digits, `-`, `.` or `_`",
                );
            }
        }
    }
}

/// A ContainerizedWorkload standing alone in the input, checked as one inside a Component.
pub(crate) fn standalone(cx: &mut Context<'_>, at: &At<'_>, w: &ContainerizedWorkload) {
    let tree = serde_json::to_value(w).unwrap_or(Value::Null);
    if let Some(spec) = tree.get("spec") {
        containerized(cx, at, spec, &FieldPath::root());
    }
}

pub(crate) fn component(cx: &mut Context<'_>, at: &At<'_>, c: &Component) {
    if !c.spec.workload.is::<ContainerizedWorkload>() {
        return;
    }
    if let Some(spec) = c.spec.workload.rest.get("spec") {
        let base = FieldPath::root().field("spec").field("workload");
        containerized(cx, at, spec, &base);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_their_patterns() {
        assert!(
            env_name_ok("DB_HOST")
                && env_name_ok("_x.y-z")
                && !env_name_ok("1X")
                && !env_name_ok("A B")
        );
        assert!(
            port_name_ok("http")
                && !port_name_ok("http-1")
                && !port_name_ok("")
                && !port_name_ok("abcdefghijklmnop")
        );
    }
}
