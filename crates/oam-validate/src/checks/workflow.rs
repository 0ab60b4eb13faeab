//! Application-level rules of v1beta1: unique component, step and policy names, step and
//! sub-step timeouts that parse as Go durations, `steps` and `ref` not both set, and the
//! `autoUpdate` / `publishVersion` annotations not together; in an explicit workflow, every
//! component depended on is applied by some step; a `deploy` step's inputs keyed as upstream
//! reads them.

use std::collections::BTreeMap;

use oam_model::FieldPath;
use oam_model::v1beta1::Application;

use super::{At, Context, component_path};

/// Why a text is not a Go duration.
#[derive(Debug, PartialEq)]
pub(crate) enum BadDuration {
    /// It does not have the form: numbers with units.
    Form,
    /// It has the form, but more nanoseconds than an `int64` holds (about 2562047h47m).
    Range,
}

/// Checks `text` as Go's `time.ParseDuration` does: an optional sign, then one or more decimal
/// numbers each with a unit `ns`, `us`, `µs`, `ms`, `s`, `m`, `h` (or `0`), in total at most
/// 2^63 − 1 nanoseconds (2^63 with a minus sign).
pub(crate) fn go_duration(text: &str) -> Result<(), BadDuration> {
    let negative = text.starts_with('-');
    let s = text.strip_prefix(['+', '-']).unwrap_or(text);
    if s == "0" {
        return Ok(());
    }
    if s.is_empty() {
        return Err(BadDuration::Form);
    }
    let limit: u128 = if negative { 1 << 63 } else { (1 << 63) - 1 };
    let mut total: u128 = 0;
    let mut rest = s;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let number = &rest[..number_len];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return Err(BadDuration::Form);
        }
        rest = &rest[number_len..];
        let units = [
            ("ns", 1u128),
            ("us", 1_000),
            ("µs", 1_000),
            ("μs", 1_000),
            ("ms", 1_000_000),
            ("s", 1_000_000_000),
            ("m", 60_000_000_000),
            ("h", 3_600_000_000_000),
        ];
        let unit = units
            .into_iter()
            .filter(|(u, _)| rest.starts_with(u))
            .max_by_key(|(u, _)| u.len());
        let Some((unit, scale)) = unit else {
            return Err(BadDuration::Form);
        };
        rest = &rest[unit.len()..];
        let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
        // More than 20 digits is beyond any int64 count of anything; Go says so too.
        if whole.len() > 20 {
            return Err(BadDuration::Range);
        }
        let whole: u128 = whole.parse().unwrap_or(0);
        // The fraction's digits beyond the nanosecond cannot change the count.
        let fraction: String = fraction.chars().take(20).collect();
        let fraction_ns = if fraction.is_empty() {
            0
        } else {
            let digits: u128 = fraction.parse().unwrap_or(0);
            digits * scale / 10u128.pow(fraction.len() as u32)
        };
        total = total
            .saturating_add(whole.saturating_mul(scale))
            .saturating_add(fraction_ns);
        if total > limit {
            return Err(BadDuration::Range);
        }
    }
    Ok(())
}

fn duplicates<'a>(
    cx: &mut Context<'_>,
    at: &At<'_>,
    code: &'static str,
    what: &str,
    names: impl IntoIterator<Item = (&'a str, FieldPath)>,
) {
    let mut seen: BTreeMap<&str, FieldPath> = BTreeMap::new();
    for (name, path) in names {
        if let Some(first) = seen.get(name) {
            cx.error(
                at,
                code,
                path,
                format!("duplicated {what} name {name:?} (first at {first})"),
                format!("give each {what} its own name"),
            );
            cx.relate(at, "first named here", first);
        } else {
            seen.insert(name, path);
        }
    }
}

pub(crate) fn check(cx: &mut Context<'_>, at: &At<'_>, app: &Application) {
    let components = app
        .spec
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| (c.name.as_str(), component_path(i).field("name")));
    duplicates(cx, at, "OAM053", "component", components);
    let policies = app
        .spec
        .policies
        .iter()
        .flatten()
        .enumerate()
        .filter_map(|(k, p)| {
            let path = FieldPath::root()
                .field("spec")
                .field("policies")
                .index(k)
                .field("name");
            p.name.as_deref().map(|n| (n, path))
        });
    duplicates(cx, at, "OAM056", "policy", policies);
    for (k, p) in app.spec.policies.iter().flatten().enumerate() {
        if p.properties.is_some() || p.type_ == "debug" {
            continue;
        }
        let name = p
            .name
            .clone()
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| format!("{}-auto-gen-{k}", p.type_));
        let message = if p.type_ == "override" {
            format!("override policy {name} must not have empty properties")
        } else {
            format!(
                "policy {} named {name} must not have empty properties",
                p.type_
            )
        };
        let path = FieldPath::root().field("spec").field("policies").index(k);
        cx.error(
            at,
            "OAM067",
            path,
            message,
            "give the policy its properties (only `debug` takes none)",
        );
    }
    let annotations = app.metadata.annotations.as_ref();
    let publish = annotations.and_then(|a| a.get("app.oam.dev/publishVersion"));
    if app.auto_update() && publish.is_some_and(|v| !v.is_empty()) {
        cx.error(
            at,
            "OAM057",
            FieldPath::root().field("metadata").field("annotations"),
            "Application has both autoUpdate and publishVersion annotations. Only one can be present".into(),
            "remove app.oam.dev/autoUpdate or app.oam.dev/publishVersion",
        );
    }
    deploy_path_keys(cx, at, app);
    let Some(workflow) = &app.spec.workflow else {
        return;
    };
    applied_dependencies(cx, at, app);
    let wat = FieldPath::root().field("spec").field("workflow");
    if workflow.ref_.is_some() && workflow.steps.is_some() {
        cx.error(
            at,
            "OAM058",
            wat.clone().field("ref"),
            "cannot set steps and ref in workflow at the same time".into(),
            "keep the steps, or reference a Workflow with ref",
        );
    }
    let mut names = Vec::new();
    let mut timeouts = Vec::new();
    for (s, step) in workflow.steps.iter().flatten().enumerate() {
        let sat = wat.clone().field("steps").index(s);
        names.extend(step.name.as_deref().map(|n| (n, sat.clone().field("name"))));
        timeouts.extend(
            step.timeout
                .as_deref()
                .map(|t| (t, sat.clone().field("timeout"))),
        );
        for (k, sub) in step.sub_steps.iter().flatten().enumerate() {
            let kat = sat.clone().field("subSteps").index(k);
            names.extend(sub.name.as_deref().map(|n| (n, kat.clone().field("name"))));
            timeouts.extend(
                sub.timeout
                    .as_deref()
                    .map(|t| (t, kat.clone().field("timeout"))),
            );
        }
    }
    duplicates(cx, at, "OAM054", "step", names);
    for (timeout, path) in timeouts {
        match go_duration(timeout) {
            Ok(()) => {}
            Err(BadDuration::Form) => cx.error(
                at,
                "OAM055",
                path,
                format!("invalid timeout {timeout:?}: not a duration"),
                "write a number with a unit ns, us, ms, s, m or h, e.g. 30s, 10m or 1h30m (days are not a unit)",
            ),
            Err(BadDuration::Range) => cx.error(
                at,
                "OAM055",
                path,
                format!("invalid timeout {timeout:?}: beyond Go's time.Duration range (at most 2562047h47m16.854775807s)"),
                "write a shorter timeout: the workflow engine stores it as int64 nanoseconds",
            ),
        }
    }
}

/// Rule 4 of `oam-v1beta1.md` §10: with explicit steps, a component's `dependsOn` only works
/// when some step applies the component depended on (a `deploy` step applies them all).
fn applied_dependencies(cx: &mut Context<'_>, at: &At<'_>, app: &Application) {
    let Some(steps) = app.spec.workflow.as_ref().and_then(|w| w.steps.as_ref()) else {
        return;
    };
    let mut applied: Vec<&str> = Vec::new();
    let mut deploys_all = false;
    let all = steps.iter().flat_map(|s| {
        std::iter::once((s.type_.as_str(), s.properties.as_ref())).chain(
            s.sub_steps
                .iter()
                .flatten()
                .map(|k| (k.type_.as_str(), k.properties.as_ref())),
        )
    });
    for (type_, properties) in all {
        match type_ {
            "deploy" => deploys_all = true,
            "apply-component" | "builtin-apply-component" => {
                if let Some(c) = properties
                    .and_then(|p| p.get("component"))
                    .and_then(|c| c.as_str())
                {
                    applied.push(c);
                }
            }
            _ => {}
        }
    }
    if deploys_all {
        return;
    }
    for (i, c) in app.spec.components.iter().enumerate() {
        for (k, dep) in c.depends_on.iter().flatten().enumerate() {
            let exists = app.spec.components.iter().any(|o| o.name == *dep);
            if exists && !applied.contains(&dep.as_str()) {
                cx.error(
                    at,
                    "OAM064",
                    component_path(i).field("dependsOn").index(k),
                    format!("component {:?} depends on {dep:?}, but no workflow step applies {dep:?}, so it waits forever", c.name),
                    format!("add a step `type: apply-component` with `properties: {{component: {dep}}}`, or a deploy step"),
                );
            }
        }
    }
}

/// Rule 5 of `oam-v1beta1.md` §10: components deployed through a `deploy` step get their inputs
/// at `properties.<parameterKey>` with no detection, so a `properties.`-prefixed or `traits[…]`
/// key lands in the wrong place upstream.
fn deploy_path_keys(cx: &mut Context<'_>, at: &At<'_>, app: &Application) {
    let steps = app.spec.workflow.as_ref().and_then(|w| w.steps.as_ref());
    let deploy = match steps {
        Some(steps) => steps.iter().any(|s| {
            s.type_ == "deploy" || s.sub_steps.iter().flatten().any(|k| k.type_ == "deploy")
        }),
        // Generated steps: a topology or override policy makes one deploy step (§7.1).
        None => app
            .spec
            .policies
            .iter()
            .flatten()
            .any(|p| p.type_ == "topology" || p.type_ == "override"),
    };
    if !deploy {
        return;
    }
    for (i, c) in app.spec.components.iter().enumerate() {
        for (k, input) in c.inputs.iter().flatten().enumerate() {
            let Some(key) = input.parameter_key.as_deref().map(str::trim) else {
                continue;
            };
            if key.starts_with("properties") || key.starts_with("traits[") {
                cx.warning(
                    at,
                    "OAM065",
                    component_path(i).field("inputs").index(k).field("parameterKey"),
                    format!("this component is deployed by a deploy step, which writes inputs at properties.<parameterKey> as is: {key:?} lands at \"properties.{key}\""),
                    "write the key relative to properties (e.g. `image`); traits cannot be fed through a deploy step",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{BadDuration, go_duration};

    #[test]
    fn durations_follow_go() {
        for ok in [
            "1s",
            "10m",
            "1h30m",
            "1.5h",
            "-2ms",
            "0",
            "300us",
            "2µs",
            ".5s",
            "2562047h47m16.854775807s",
            "-2562047h47m16.854775808s",
            "9223372036854775807ns",
            "1.00000000000000000000000001s",
        ] {
            assert_eq!(go_duration(ok), Ok(()), "{ok}");
        }
        for bad in ["", "1d", "10", "m", "1..5s", "1 s", "s1"] {
            assert_eq!(go_duration(bad), Err(BadDuration::Form), "{bad}");
        }
        for far in [
            "2562048h",
            "2562047h47m16.854775808s",
            "9223372036854775808ns",
            "99999999999999999999999h",
            "1000000000000000000000s",
            "1h2562047h",
        ] {
            assert_eq!(go_duration(far), Err(BadDuration::Range), "{far}");
        }
    }
}
