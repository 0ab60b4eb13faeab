//! Whether a data output is ready, and whether conditions hold (`oam-v1alpha2.md` §9.3–9.4),
//! with the runtime's reason strings verbatim so existing dashboards keep working.

use oam_model::v1alpha2::{ConditionOp, ConditionRequirement, DataOutput};
use oam_model::{FieldPath, PathError};
use serde_json::Value;

use super::error::PlanErrorKind;
use crate::observed::ObjectKey;

/// The answer for one data output.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Readiness {
    /// Ready; `None` for an ordering-only output (no `fieldPath`, no conditions: oam-rs rule 6
    /// writes nothing where upstream writes `null`).
    Ready(Option<Value>),
    /// Not ready, with the runtime's reason.
    NotReady(String),
}

pub(crate) fn parse_path(text: &str) -> Result<FieldPath, PlanErrorKind> {
    text.parse()
        .map_err(|source| PlanErrorKind::InvalidFieldPath {
            path: text.to_owned(),
            source,
        })
}

/// Decides an output of the source `key`, observed as `live`. `app` is the
/// ApplicationConfiguration as JSON, for conditions' `valueFrom`.
pub(crate) fn output_readiness(
    output: &DataOutput,
    key: &ObjectKey,
    live: Option<&Value>,
    app: &Value,
) -> Result<Readiness, PlanErrorKind> {
    let conditions = output.conditions.as_deref().unwrap_or_default();
    let text = output.field_path.as_deref().unwrap_or_default();
    let Some(live) = live else {
        return Ok(Readiness::NotReady(format!(
            "failed to get object ({})",
            key.namespaced_name()
        )));
    };
    if text.is_empty() && conditions.is_empty() {
        return Ok(Readiness::Ready(None));
    }
    let path = parse_path(text)?;
    let value = match path.get(live) {
        Ok(v) => v,
        Err(e) if e.is_not_found() => {
            return Ok(Readiness::NotReady(format!("{text} not found in object")));
        }
        Err(source) => {
            return Err(PlanErrorKind::ReadFailed {
                path: text.to_owned(),
                object: key.namespaced_name(),
                source,
            });
        }
    };
    let own = match value {
        Value::String(s) if conditions.is_empty() => {
            return Ok(if s.is_empty() {
                Readiness::NotReady("value should not be empty".into())
            } else {
                Readiness::Ready(Some(value.clone()))
            });
        }
        Value::String(s) => Some(s.as_str()),
        _ => None,
    };
    Ok(match check_conditions(conditions, live, own, app)? {
        Some(reason) => Readiness::NotReady(reason),
        None => Readiness::Ready(Some(value.clone())),
    })
}

/// Checks `conditions` in order against `object`; the first failure's reason, or `None` when
/// all hold. A condition without `fieldPath` checks `own` (the output's string value).
pub(crate) fn check_conditions(
    conditions: &[ConditionRequirement],
    object: &Value,
    own: Option<&str>,
    app: &Value,
) -> Result<Option<String>, PlanErrorKind> {
    for condition in conditions {
        if condition.value.is_some() && condition.value_from.is_some() {
            return Err(PlanErrorKind::ValueAndValueFrom);
        }
        let checked = match condition.field_path.as_deref().filter(|p| !p.is_empty()) {
            Some(text) => match parse_path(text)?.get(object) {
                Ok(Value::String(s)) => s.clone(),
                Ok(_) => {
                    return Ok(Some(format!(
                        "can't get value to check {text}: not a string"
                    )));
                }
                Err(e) => return Ok(Some(format!("can't get value to check {e}"))),
            },
            None => match own {
                Some(s) => s.to_owned(),
                None => {
                    return Ok(Some(
                        "can't get value to check FieldPath not specified".into(),
                    ));
                }
            },
        };
        let expected = match (&condition.value, &condition.value_from) {
            (Some(v), _) if !v.is_empty() => v.clone(),
            (_, Some(from)) => match string_at(&parse_path(&from.field_path)?, app) {
                Ok(s) => s,
                Err(e) => return Ok(Some(format!("get valueFrom.fieldPath fail: {e}"))),
            },
            _ => String::new(),
        };
        let failure = match condition.op {
            ConditionOp::Eq if checked != expected => {
                Some(format!("got({checked}) expected to be {expected}"))
            }
            ConditionOp::NotEq if checked == expected => {
                Some(format!("got({checked}) expected not to be {expected}"))
            }
            ConditionOp::NotEmpty if checked.is_empty() => {
                Some("value should not be empty".to_owned())
            }
            _ => None,
        };
        if failure.is_some() {
            return Ok(failure);
        }
    }
    Ok(None)
}

/// The string at `path`, with crossplane's `<path>: not a string` otherwise.
fn string_at(path: &FieldPath, value: &Value) -> Result<String, String> {
    match path.get(value) {
        Ok(Value::String(s)) => Ok(s.clone()),
        Ok(_) => Err(format!("{path}: not a string")),
        Err(e) => Err(PathError::to_string(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oam_model::v1alpha2::ValueFrom;
    use serde_json::json;

    fn key() -> ObjectKey {
        ObjectKey {
            api_version: "example.com/v1".into(),
            kind: "Foo".into(),
            namespace: Some("ns".into()),
            name: "out".into(),
        }
    }

    fn output(path: &str, conditions: Vec<ConditionRequirement>) -> DataOutput {
        DataOutput {
            name: Some("o".into()),
            field_path: (!path.is_empty()).then(|| path.to_owned()),
            conditions: (!conditions.is_empty()).then_some(conditions),
            output_store: None,
        }
    }

    fn cond(op: ConditionOp, path: &str, value: Option<&str>) -> ConditionRequirement {
        ConditionRequirement {
            op,
            value: value.map(str::to_owned),
            value_from: None,
            field_path: (!path.is_empty()).then(|| path.to_owned()),
        }
    }

    fn reason(out: &DataOutput, live: Option<&Value>) -> Option<String> {
        match output_readiness(out, &key(), live, &json!({})).unwrap() {
            Readiness::NotReady(r) => Some(r),
            Readiness::Ready(_) => None,
        }
    }

    #[test]
    fn reasons_are_the_runtimes() {
        let out = output("status.key", vec![]);
        assert_eq!(reason(&out, None).unwrap(), "failed to get object (ns/out)");
        let live = json!({"status": {"key": "", "n": 3, "phase": "Pending"}});
        assert_eq!(
            reason(&output("status.missing", vec![]), Some(&live)).unwrap(),
            "status.missing not found in object"
        );
        assert_eq!(
            reason(&out, Some(&live)).unwrap(),
            "value should not be empty"
        );
        let eq = cond(ConditionOp::Eq, "status.phase", Some("Ready"));
        assert_eq!(
            reason(&output("status.n", vec![eq.clone()]), Some(&live)).unwrap(),
            "got(Pending) expected to be Ready"
        );
        let not_eq = cond(ConditionOp::NotEq, "status.phase", Some("Pending"));
        assert_eq!(
            reason(&output("status.n", vec![not_eq]), Some(&live)).unwrap(),
            "got(Pending) expected not to be Pending"
        );
        let not_empty = cond(ConditionOp::NotEmpty, "", None);
        assert_eq!(
            reason(&output("status.key", vec![not_empty.clone()]), Some(&live)).unwrap(),
            "value should not be empty"
        );
        assert_eq!(
            reason(&output("status.n", vec![not_empty]), Some(&live)).unwrap(),
            "can't get value to check FieldPath not specified"
        );
        let number = cond(ConditionOp::Eq, "status.n", Some("3"));
        assert_eq!(
            reason(&output("status.n", vec![number]), Some(&live)).unwrap(),
            "can't get value to check status.n: not a string"
        );
        let missing = cond(ConditionOp::Eq, "status.gone", Some("x"));
        assert_eq!(
            reason(&output("status.n", vec![missing]), Some(&live)).unwrap(),
            "can't get value to check status.gone: no such field"
        );
    }

    #[test]
    fn values_of_every_type_are_ready_and_strings_pass_their_conditions() {
        let live = json!({"status": {"list": [1, 2], "key": "", "phase": "Ready"}});
        let ready = |out: &DataOutput| output_readiness(out, &key(), Some(&live), &json!({}));
        assert_eq!(
            ready(&output("status.list", vec![])).unwrap(),
            Readiness::Ready(Some(json!([1, 2])))
        );
        // An empty string is ready when the conditions pass (they are checked instead).
        let phase = cond(ConditionOp::Eq, "status.phase", Some("Ready"));
        assert_eq!(
            ready(&output("status.key", vec![phase])).unwrap(),
            Readiness::Ready(Some(json!("")))
        );
        // Rule 6: ordering only, nothing written.
        assert_eq!(ready(&output("", vec![])).unwrap(), Readiness::Ready(None));
    }

    #[test]
    fn value_from_reads_the_application_configuration() {
        let app = json!({"metadata": {"labels": {"state": "Ready"}}});
        let live = json!({"status": {"state": "Ready", "other": "x"}});
        let mut c = cond(ConditionOp::Eq, "status.state", None);
        c.value_from = Some(ValueFrom {
            field_path: "metadata.labels[state]".into(),
        });
        assert_eq!(
            check_conditions(&[c.clone()], &live, None, &app).unwrap(),
            None
        );
        c.value_from = Some(ValueFrom {
            field_path: "metadata.labels[nope]".into(),
        });
        assert_eq!(
            check_conditions(&[c.clone()], &live, None, &app)
                .unwrap()
                .unwrap(),
            "get valueFrom.fieldPath fail: metadata.labels.nope: no such field"
        );
        c.value = Some("Ready".into());
        assert_eq!(
            check_conditions(&[c], &live, None, &app),
            Err(PlanErrorKind::ValueAndValueFrom)
        );
    }

    #[test]
    fn a_path_across_a_wrong_type_is_an_error_not_a_reason() {
        let live = json!({"status": "flat"});
        let e = output_readiness(
            &output("status.key", vec![]),
            &key(),
            Some(&live),
            &json!({}),
        );
        assert!(matches!(e, Err(PlanErrorKind::ReadFailed { .. })), "{e:?}");
    }
}
