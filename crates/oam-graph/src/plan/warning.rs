//! What the planner warns about: each caveat with its own code, message and hint, so every
//! front end (`oam plan`, `oam validate`, a controller's events) says the same words.

use oam_model::FieldPath;

use crate::parameters::TypeWarning;

/// Something planned that the user should know.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanWarningKind {
    /// A parameter value of another JSON type than the template's.
    #[error("parameter {:?} writes {} over the template's {} at {}", .0.parameter, .0.value_type, .0.template_type, .0.path)]
    ParameterType(TypeWarning),
    /// An output with neither `fieldPath` nor conditions feeds targets: nothing is written.
    #[error(
        "data output {output:?} has neither fieldPath nor conditions: it only orders, nothing is written to toFieldPaths"
    )]
    OrderingOnly {
        /// The output.
        output: String,
    },
    /// An `inputStore` / `outputStore` was not planned.
    #[error("inputStore / outputStore operations are not planned")]
    StoreNotPlanned,
    /// A v1beta1 component whose type declares no workload apiVersion and kind (or does not
    /// resolve): its workload cannot be observed, so what waits for it keeps waiting.
    #[error(
        "component {component:?}: its type declares no workload apiVersion and kind, so its workload cannot be observed and what waits for it keeps waiting"
    )]
    UnobservableWorkload {
        /// The component.
        component: String,
    },
    /// A v1beta1 output whose `valueFrom` is not `output.<field path>`: a CUE expression oam-rs
    /// does not evaluate, so its consumers keep waiting.
    #[error(
        "output valueFrom {value_from:?} is a CUE expression oam-rs does not evaluate; its consumers keep waiting"
    )]
    OutputExpression {
        /// The expression.
        value_from: String,
    },
    /// A trait without a TraitDefinition: rendered with every framework feature off
    /// (no workload reference, no revisions), as upstream's `dummy` definition.
    #[error("no TraitDefinition {name:?}: the trait gets no workload reference")]
    NoTraitDefinition {
        /// The definition name looked for.
        name: String,
    },
}

impl PlanWarningKind {
    /// The stable diagnostic code (`docs/diagnostics.md`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::ParameterType(_) => "OAM038",
            Self::OrderingOnly { .. } => "OAM069",
            Self::StoreNotPlanned => "OAM070",
            Self::UnobservableWorkload { .. } => "OAM071",
            Self::OutputExpression { .. } => "OAM072",
            Self::NoTraitDefinition { .. } => "OAM073",
        }
    }

    /// How to act on it.
    #[must_use]
    pub fn hint(&self) -> &'static str {
        match self {
            Self::ParameterType(_) => "check the value's type against the Component's template",
            Self::OrderingOnly { .. } => "give the output a fieldPath, or drop toFieldPaths",
            Self::StoreNotPlanned => {
                "the runtime applies them; oam plan shows the objects without them"
            }
            Self::UnobservableWorkload { .. } => {
                "give the ComponentDefinition spec.workload.definition {apiVersion, kind}"
            }
            Self::OutputExpression { .. } => {
                "read the workload with output.<field path>, e.g. output.status.podIP"
            }
            Self::NoTraitDefinition { .. } => "pass the TraitDefinition's file too",
        }
    }
}

/// A warning and the field it is about.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{kind} (at {path})")]
pub struct PlanWarning {
    /// The field.
    pub path: FieldPath,
    /// What.
    pub kind: PlanWarningKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_caveat_has_its_own_code_and_says_where() {
        let w = PlanWarning {
            path: "spec.components[0].traits[1]".parse().unwrap(),
            kind: PlanWarningKind::NoTraitDefinition {
                name: "scalers.example.com".into(),
            },
        };
        assert_eq!(
            w.to_string(),
            "no TraitDefinition \"scalers.example.com\": the trait gets no workload reference (at spec.components[0].traits[1])"
        );
        let kinds = [
            PlanWarningKind::ParameterType(TypeWarning {
                parameter: "image".into(),
                path: "spec.image".into(),
                template_type: "string",
                value_type: "number",
            }),
            PlanWarningKind::OrderingOnly { output: "o".into() },
            PlanWarningKind::StoreNotPlanned,
            PlanWarningKind::UnobservableWorkload {
                component: "c".into(),
            },
            PlanWarningKind::OutputExpression {
                value_from: "a + b".into(),
            },
            w.kind,
        ];
        let codes: std::collections::BTreeSet<&str> =
            kinds.iter().map(PlanWarningKind::code).collect();
        assert_eq!(codes.len(), kinds.len(), "one code each: {codes:?}");
        assert_eq!(
            kinds[0].to_string(),
            "parameter \"image\" writes number over the template's string at spec.image"
        );
    }
}
