//! Parameter rendering (`oam-v1alpha2.md` §18), with oam-rs's rules (§19.22–23): parameters are
//! applied in the Component's declared order and each one's `fieldPaths` in list order; a value
//! for an unknown parameter, a missing required value, two values for one parameter and two
//! parameters writing the same path (or one inside the other) are errors, all reported at once;
//! values keep their integer-or-string form, and a value whose JSON type differs from what the
//! template already holds at a path is a warning.

use std::collections::BTreeMap;

use oam_model::v1alpha2::{Component, ComponentParameter, ComponentParameterValue};
use oam_model::{FieldPath, FieldPathError, IntOrString, PathError, RawObject};
use serde_json::Value;

/// Which document an error's path is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The ApplicationConfiguration entry: the path is relative to `spec.components[i]`.
    ApplicationConfiguration,
    /// The Component: the path is from its root.
    Component,
}

/// What is wrong with a parameter.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParameterErrorKind {
    /// A value for a parameter the Component does not declare.
    #[error("unsupported parameter {name:?}{}", suggestion.as_ref().map(|s| format!(", did you mean {s:?}?")).unwrap_or_default())]
    Unsupported {
        /// The value's name.
        name: String,
        /// The closest declared parameter.
        suggestion: Option<String>,
    },
    /// A required parameter without a value.
    #[error("required parameter {name:?} not specified")]
    RequiredMissing {
        /// The parameter.
        name: String,
    },
    /// A second value for the same parameter (upstream silently keeps the last).
    #[error("parameter {name:?} is given twice (first at parameterValues[{first}])")]
    DuplicateValue {
        /// The parameter.
        name: String,
        /// The index of the first value.
        first: usize,
    },
    /// Two parameters write the same path, or one writes inside the other's.
    #[error(
        "parameters {name:?} and {other:?} both write {path} (and {other_path}); the result would depend on the order"
    )]
    OverlappingPaths {
        /// This parameter.
        name: String,
        /// Its path.
        path: String,
        /// The earlier parameter.
        other: String,
        /// The earlier parameter's path.
        other_path: String,
    },
    /// A `fieldPaths` entry that does not parse.
    #[error(transparent)]
    InvalidFieldPath(#[from] FieldPathError),
    /// The rendered workload is no longer a valid object (e.g. an integer written into
    /// `metadata.name`).
    #[error("the rendered workload is invalid: {message}")]
    InvalidWorkload {
        /// Why.
        message: String,
    },
    /// A path that crosses a value of the wrong type in the template.
    #[error("cannot set parameter {name:?}: {source}")]
    CannotSet {
        /// The parameter.
        name: String,
        /// Why.
        source: PathError,
    },
}

/// A parameter error and where it is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at {path} of the {side:?})")]
pub struct ParameterError {
    /// The document the path is in.
    pub side: Side,
    /// `parameterValues[j]` in the ApplicationConfiguration entry, or
    /// `spec.parameters[k].fieldPaths[m]` in the Component.
    pub path: FieldPath,
    /// What is wrong.
    pub kind: ParameterErrorKind,
}

/// A value written over a template value of another JSON type (oam-rs rule 23: upstream infers
/// nothing and writes the value as given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeWarning {
    /// The parameter.
    pub parameter: String,
    /// The workload path written.
    pub path: String,
    /// The JSON type the template held there.
    pub template_type: &'static str,
    /// The JSON type written.
    pub value_type: &'static str,
}

/// A workload with its parameters applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    /// The workload.
    pub workload: RawObject,
    /// Values whose JSON type differs from the template's.
    pub warnings: Vec<TypeWarning>,
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

fn is_prefix(a: &FieldPath, b: &FieldPath) -> bool {
    a.len() <= b.len() && a.segments() == &b.segments()[..a.len()]
}

/// Applies `values` to `component`'s workload. Every problem is reported, not only the first.
pub fn apply_parameters(
    component: &Component,
    values: &[ComponentParameterValue],
) -> Result<Rendered, Vec<ParameterError>> {
    let parameters = component.spec.parameters.as_deref().unwrap_or_default();
    let mut errors = Vec::new();
    let given = values_by_name(parameters, values, &mut errors);
    let parsed = parsed_paths(parameters, &given, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut workload = serde_json::to_value(&component.spec.workload).unwrap_or(Value::Null);
    let warnings = write_values(&mut workload, parameters, &parsed, &given, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    match serde_json::from_value(workload) {
        Ok(workload) => Ok(Rendered { workload, warnings }),
        Err(e) => Err(vec![ParameterError {
            side: Side::Component,
            path: FieldPath::root().field("spec").field("workload"),
            kind: ParameterErrorKind::InvalidWorkload {
                message: e.to_string(),
            },
        }]),
    }
}

/// An entry's values by parameter name, each with its position in `parameterValues`.
type Given<'a> = BTreeMap<&'a str, (usize, &'a IntOrString)>;

fn value_path(j: usize) -> FieldPath {
    FieldPath::root().field("parameterValues").index(j)
}

/// The values of an entry by parameter name; unknown and duplicate names are errors.
fn values_by_name<'a>(
    parameters: &[ComponentParameter],
    values: &'a [ComponentParameterValue],
    errors: &mut Vec<ParameterError>,
) -> Given<'a> {
    let mut given: Given<'a> = BTreeMap::new();
    for (j, v) in values.iter().enumerate() {
        if !parameters.iter().any(|p| p.name == v.name) {
            let names: Vec<String> = parameters.iter().map(|p| p.name.clone()).collect();
            let suggestion = oam_model::suggest::closest(&v.name, &names).map(str::to_owned);
            let kind = ParameterErrorKind::Unsupported {
                name: v.name.clone(),
                suggestion,
            };
            errors.push(ParameterError {
                side: Side::ApplicationConfiguration,
                path: value_path(j).field("name"),
                kind,
            });
        } else if let Some((first, _)) = given.get(v.name.as_str()) {
            let kind = ParameterErrorKind::DuplicateValue {
                name: v.name.clone(),
                first: *first,
            };
            errors.push(ParameterError {
                side: Side::ApplicationConfiguration,
                path: value_path(j).field("name"),
                kind,
            });
        } else {
            given.insert(&v.name, (j, &v.value));
        }
    }
    given
}

/// The Component's paths of each parameter, parsed; overlaps between different parameters and
/// required parameters without a value are errors.
fn parsed_paths(
    parameters: &[ComponentParameter],
    given: &Given<'_>,
    errors: &mut Vec<ParameterError>,
) -> Vec<Vec<FieldPath>> {
    let param_path = |k: usize, m: usize| {
        FieldPath::root()
            .field("spec")
            .field("parameters")
            .index(k)
            .field("fieldPaths")
            .index(m)
    };
    let mut targets: Vec<(usize, FieldPath)> = Vec::new();
    let mut parsed: Vec<Vec<FieldPath>> = Vec::new();
    for (k, p) in parameters.iter().enumerate() {
        let mut paths = Vec::new();
        for (m, text) in p.field_paths.iter().enumerate() {
            match text.parse::<FieldPath>() {
                Ok(path) => {
                    if let Some((other, other_path)) = targets
                        .iter()
                        .find(|(o, q)| *o != k && (is_prefix(q, &path) || is_prefix(&path, q)))
                    {
                        let kind = ParameterErrorKind::OverlappingPaths {
                            name: p.name.clone(),
                            path: path.to_string(),
                            other: parameters[*other].name.clone(),
                            other_path: other_path.to_string(),
                        };
                        errors.push(ParameterError {
                            side: Side::Component,
                            path: param_path(k, m),
                            kind,
                        });
                    }
                    targets.push((k, path.clone()));
                    paths.push(path);
                }
                Err(e) => errors.push(ParameterError {
                    side: Side::Component,
                    path: param_path(k, m),
                    kind: e.into(),
                }),
            }
        }
        parsed.push(paths);
        if p.required == Some(true) && !given.contains_key(p.name.as_str()) {
            let kind = ParameterErrorKind::RequiredMissing {
                name: p.name.clone(),
            };
            // The value is what is missing: point at the entry's values, not the declaration.
            errors.push(ParameterError {
                side: Side::ApplicationConfiguration,
                path: FieldPath::root().field("parameterValues"),
                kind,
            });
        }
    }
    parsed
}

/// Writes each given value at its parameter's paths, in declared order; a value of another JSON
/// type than the template's is a warning, a path that cannot be written an error.
fn write_values(
    workload: &mut Value,
    parameters: &[ComponentParameter],
    parsed: &[Vec<FieldPath>],
    given: &Given<'_>,
    errors: &mut Vec<ParameterError>,
) -> Vec<TypeWarning> {
    let mut warnings = Vec::new();
    for (p, paths) in parameters.iter().zip(parsed) {
        let Some((j, value)) = given.get(p.name.as_str()) else {
            continue;
        };
        let value = match value {
            IntOrString::Int(n) => Value::from(*n),
            IntOrString::String(s) => Value::from(s.clone()),
        };
        for path in paths {
            if let Ok(existing) = path.get(workload)
                && !existing.is_null()
                && json_type(existing) != json_type(&value)
            {
                warnings.push(TypeWarning {
                    parameter: p.name.clone(),
                    path: path.to_string(),
                    template_type: json_type(existing),
                    value_type: json_type(&value),
                });
            }
            if let Err(source) = path.set(workload, value.clone()) {
                let kind = ParameterErrorKind::CannotSet {
                    name: p.name.clone(),
                    source,
                };
                errors.push(ParameterError {
                    side: Side::ApplicationConfiguration,
                    path: value_path(*j).field("value"),
                    kind,
                });
            }
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use oam_model::v1alpha2::ComponentParameter;

    fn component(params: &[(&str, &[&str], bool)]) -> Component {
        let mut c = Component::default();
        c.spec.workload = serde_json::from_value(serde_json::json!({
            "apiVersion": "apps/v1", "kind": "Deployment",
            "spec": {"replicas": 1, "template": {"spec": {"containers": [{"name": "web", "image": "nginx:1"}]}}}
        }))
        .unwrap();
        c.spec.parameters = Some(
            params
                .iter()
                .map(|(name, paths, required)| ComponentParameter {
                    name: (*name).into(),
                    field_paths: paths.iter().map(|p| (*p).into()).collect(),
                    required: Some(*required),
                    description: None,
                })
                .collect(),
        );
        c
    }

    fn values(v: &[(&str, IntOrString)]) -> Vec<ComponentParameterValue> {
        v.iter()
            .map(|(n, v)| ComponentParameterValue {
                name: (*n).into(),
                value: v.clone(),
            })
            .collect()
    }

    #[test]
    fn writes_every_path_in_order_keeping_the_value_form() {
        let c = component(&[
            ("image", &["spec.template.spec.containers[0].image"], true),
            (
                "replicas",
                &["spec.replicas", "metadata.annotations[replicas]"],
                false,
            ),
        ]);
        let r = apply_parameters(
            &c,
            &values(&[("replicas", "3".into()), ("image", "nginx:2".into())]),
        )
        .unwrap();
        let w = serde_json::to_value(&r.workload).unwrap();
        assert_eq!(
            w["spec"]["template"]["spec"]["containers"][0]["image"],
            "nginx:2"
        );
        assert_eq!(w["spec"]["replicas"], "3", "a string stays a string");
        assert_eq!(w["metadata"]["annotations"]["replicas"], "3");
        assert_eq!(
            r.warnings,
            [TypeWarning {
                parameter: "replicas".into(),
                path: "spec.replicas".into(),
                template_type: "number",
                value_type: "string"
            }]
        );
        let e = apply_parameters(
            &c,
            &values(&[("image", "nginx:2".into()), ("replicas", 3.into())]),
        )
        .unwrap_err();
        assert_eq!(
            e[0].kind,
            ParameterErrorKind::InvalidWorkload {
                message: "invalid type: integer `3`, expected a string".into()
            },
            "an integer annotation is refused, not written"
        );
        let only_spec = component(&[("replicas", &["spec.replicas"], false)]);
        let r = apply_parameters(&only_spec, &values(&[("replicas", 3.into())])).unwrap();
        assert!(r.warnings.is_empty(), "number over number");
        assert!(
            apply_parameters(&c, &values(&[("image", "x".into())])).is_ok(),
            "an optional parameter may be left out"
        );
    }

    #[test]
    fn every_mistake_is_reported_at_once_with_its_place() {
        let c = component(&[
            ("image", &["spec.template.spec.containers[0].image"], true),
            ("replicas", &["spec.replicas"], false),
            ("spec", &["spec"], false),
            ("bad", &["spec..x"], false),
        ]);
        let errors = apply_parameters(
            &c,
            &values(&[
                ("replica", 2.into()),
                ("replicas", 2.into()),
                ("replicas", 3.into()),
            ]),
        )
        .unwrap_err();
        let seen: Vec<(Side, String, String)> = errors
            .iter()
            .map(|e| (e.side, e.path.to_string(), e.kind.to_string()))
            .collect();
        assert_eq!(
            seen,
            [
                (Side::ApplicationConfiguration, "parameterValues[0].name".into(), "unsupported parameter \"replica\", did you mean \"replicas\"?".into()),
                (Side::ApplicationConfiguration, "parameterValues[2].name".into(), "parameter \"replicas\" is given twice (first at parameterValues[1])".into()),
                (Side::ApplicationConfiguration, "parameterValues".into(), "required parameter \"image\" not specified".into()),
                (
                    Side::Component,
                    "spec.parameters[2].fieldPaths[0]".into(),
                    "parameters \"spec\" and \"image\" both write spec (and spec.template.spec.containers[0].image); the result would depend on the order".into()
                ),
                (Side::Component, "spec.parameters[3].fieldPaths[0]".into(), "cannot parse path \"spec..x\": unexpected '.' at position 5".into()),
            ]
        );
    }

    #[test]
    fn crossing_a_wrong_type_or_breaking_metadata_is_an_error_not_a_panic() {
        let c = component(&[("x", &["spec.replicas.deep"], false)]);
        let e = apply_parameters(&c, &values(&[("x", 1.into())])).unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "cannot set parameter \"x\": spec.replicas: not an object (at parameterValues[0].value of the ApplicationConfiguration)"
        );
        let c = component(&[("name", &["metadata.name"], false)]);
        let e = apply_parameters(&c, &values(&[("name", 7.into())])).unwrap_err();
        assert!(
            matches!(e[0].kind, ParameterErrorKind::InvalidWorkload { .. }),
            "{e:?}"
        );
        assert_eq!(e[0].path.to_string(), "spec.workload");
    }
}
