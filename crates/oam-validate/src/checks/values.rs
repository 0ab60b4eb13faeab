//! Values Kubernetes would refuse once a typed workload is rendered: a ContainerizedWorkload's
//! container ports outside 1–65535, port names outside its CRD pattern `^[a-z]+$` (an IANA
//! service name in the rendered Service, at most 15 characters), environment variable names
//! outside `[-._a-zA-Z][-._a-zA-Z0-9]*`.

use oam_model::FieldPath;
use oam_model::v1alpha2::{Component, ContainerizedWorkload};

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

pub(crate) fn containerized(
    cx: &mut Context<'_>,
    at: &At<'_>,
    workload: &ContainerizedWorkload,
    base: &FieldPath,
) {
    for (i, c) in workload.spec.containers.iter().enumerate() {
        let cat = base.clone().field("spec").field("containers").index(i);
        for (k, p) in c.ports.iter().flatten().enumerate() {
            let pat = cat.clone().field("ports").index(k);
            if !(1..=65535).contains(&p.container_port) {
                cx.error(
                    at,
                    "OAM061",
                    pat.clone().field("containerPort"),
                    format!("container port {} is outside 1–65535", p.container_port),
                    "use a port number from 1 to 65535",
                );
            }
            if !port_name_ok(&p.name) {
                cx.error(
                    at,
                    "OAM061",
                    pat.field("name"),
                    format!(
                        "port name {:?} must be 1–15 lowercase letters (`^[a-z]+$`)",
                        p.name
                    ),
                    "name the port with lowercase letters only, e.g. `http`",
                );
            }
        }
        for (k, e) in c.env.iter().flatten().enumerate() {
            if !env_name_ok(&e.name) {
                cx.error(
                    at,
                    "OAM061",
                    cat.clone().field("env").index(k).field("name"),
                    format!(
                        "environment variable name {:?} is not `[-._a-zA-Z][-._a-zA-Z0-9]*`",
                        e.name
                    ),
                    "start with a letter, `-`, `.` or `_`, then letters, digits, `-`, `.` or `_`",
                );
            }
        }
    }
}

pub(crate) fn component(cx: &mut Context<'_>, at: &At<'_>, c: &Component) {
    if !c.spec.workload.is::<ContainerizedWorkload>() {
        return;
    }
    // A body that does not convert was already reported by the loader (OAM010–012).
    if let Ok(workload) = c.spec.workload.try_into_typed::<ContainerizedWorkload>() {
        let base = FieldPath::root().field("spec").field("workload");
        containerized(cx, at, &workload, &base);
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
