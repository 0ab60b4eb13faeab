//! The rules of `appliesToWorkloads` and `conflictsWith`, each entry parsed once into a typed
//! matcher (`oam-v1alpha2.md` §15, `oam-v1beta1.md` §5.5). An entry that fits no form is an
//! error, so a rule never silently matches nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use oam_model::GroupVersionKind;
use oam_model::registry::{Definition, DefinitionKind, Registry, crd_name};

/// The workload characteristics the OAM spec reserves as labels on workload definitions.
pub const CHARACTERISTICS: [&str; 4] = [
    "workload.oam.dev/replicable",
    "workload.oam.dev/daemonized",
    "workload.oam.dev/exposed",
    "workload.oam.dev/podspecable",
];

/// An entry that is not a valid rule.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid rule {entry:?}: {reason}")]
pub struct RuleError {
    /// The entry as written.
    pub entry: String,
    /// Why it is invalid.
    pub reason: String,
}

fn invalid(entry: &str, reason: impl Into<String>) -> RuleError {
    RuleError {
        entry: entry.to_owned(),
        reason: reason.into(),
    }
}

/// The group of a CRD name (`deployments.apps` → `apps`; none for the core group).
#[must_use]
pub fn crd_group(crd: &str) -> Option<&str> {
    crd.split_once('.').map(|(_, g)| g)
}

/// What a trait's `appliesToWorkloads` is compared with: the workload of one component.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkloadFacts {
    /// The names it is known by: workload type, ComponentDefinition and WorkloadDefinition
    /// names, CRD name.
    pub names: BTreeSet<String>,
    /// The CRD name (`deployments.apps`), for `*.<group>`.
    pub crd_name: Option<String>,
    /// The workload's apiVersion and kind, when known.
    pub gvk: Option<GroupVersionKind>,
    /// The labels of its definition (workload characteristics).
    pub labels: BTreeMap<String, String>,
}

impl WorkloadFacts {
    /// The facts of a workload whose type `own_type` resolved to `definition` (a
    /// ComponentDefinition or WorkloadDefinition); `gvk` when the object is at hand.
    #[must_use]
    pub fn of(definition: &Definition, own_type: &str, gvk: Option<GroupVersionKind>) -> Self {
        let mut names: BTreeSet<String> = [own_type.to_owned(), definition.name.clone()].into();
        names.extend(definition.crd_name.clone());
        names.extend(definition.workload_type.clone());
        let crd_name = definition
            .crd_name
            .clone()
            .or_else(|| definition.workload_type.clone())
            .or_else(|| Some(own_type.to_owned()));
        Self {
            names,
            crd_name,
            gvk: gvk.or_else(|| definition.workload_gvk.clone()),
            labels: definition.labels.clone(),
        }
    }

    /// The facts of a workload type as users name it: a ComponentDefinition, a
    /// WorkloadDefinition, or a CRD name.
    #[must_use]
    pub fn of_type(registry: &Registry, type_: &str, namespace: Option<&str>) -> Option<Self> {
        let found = registry.component_type(type_, namespace, true).ok()?;
        Some(Self::of(found.definition, type_, None))
    }
}

/// Whether the trait `definition` applies to the workload: its list is empty, or any entry
/// matches (entries that are not valid rules never match; they are reported on the definition).
#[must_use]
pub fn applies_to(definition: &Definition, workload: &WorkloadFacts) -> bool {
    let rules: Vec<AppliesTo> = definition
        .applies_to_workloads
        .iter()
        .filter_map(|e| e.parse().ok())
        .collect();
    rules.is_empty() || rules.iter().any(|r| r.matches(workload))
}

/// The traits of `registry` that apply to the workload type `type_`, by name (discovery: what
/// an operator can attach to a component of that type).
///
/// ```
/// let registry = oam_validate::registry([], &oam_validate::Options::default());
/// let traits = oam_validate::matching::traits_for(&registry, "webservice", None);
/// assert!(traits.iter().any(|t| t.name == "scaler"));
/// assert!(traits.iter().any(|t| t.name == "canaries.flagger.app"));
/// assert!(!traits.iter().any(|t| t.name == "rollouts.rollouts.kruise.io"), "CloneSets only");
/// ```
#[must_use]
pub fn traits_for<'a>(
    registry: &'a Registry,
    type_: &str,
    namespace: Option<&str>,
) -> Vec<&'a Definition> {
    let Some(facts) = WorkloadFacts::of_type(registry, type_, namespace) else {
        return Vec::new();
    };
    registry
        .of_kind(DefinitionKind::Trait)
        .filter(|d| applies_to(d, &facts))
        .collect()
}

/// The traits of `registry` that `definition` conflicts with, by its own rules or theirs.
#[must_use]
pub fn conflicts_of<'a>(registry: &'a Registry, definition: &Definition) -> Vec<&'a Definition> {
    let rules = |d: &Definition| -> Vec<ConflictRule> {
        d.conflicts_with
            .iter()
            .filter_map(|r| r.parse().ok())
            .collect()
    };
    let own = rules(definition);
    registry
        .of_kind(DefinitionKind::Trait)
        .filter(|other| other.name != definition.name)
        .filter(|other| {
            own.iter().any(|r| r.matches(other))
                || rules(other).iter().any(|r| r.matches(definition))
        })
        .collect()
}

/// One `appliesToWorkloads` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppliesTo {
    /// `*`: any workload.
    Any,
    /// `*.<group>`: a workload whose CRD group is exactly `<group>`.
    Group(String),
    /// A reserved characteristic label (`workload.oam.dev/replicable`) set to `"true"`.
    Characteristic(String),
    /// `<group>/<version>.<Kind>`: that apiVersion and kind.
    ApiVersionKind {
        /// `<group>/<version>`.
        api_version: String,
        /// `<Kind>`.
        kind: String,
    },
    /// `<kind>.<group>/<version>` (the doc-comment form): that group and version, kind
    /// ignoring ASCII case.
    KindGroupVersion {
        /// `<kind>`.
        kind: String,
        /// `<group>/<version>`.
        api_version: String,
    },
    /// Any other entry: a workload type, definition or CRD name.
    Name(String),
}

impl FromStr for AppliesTo {
    type Err = RuleError;
    fn from_str(entry: &str) -> Result<Self, RuleError> {
        if entry.trim() != entry || entry.is_empty() {
            return Err(invalid(entry, "empty, or spaces around it"));
        }
        if entry == "*" {
            return Ok(Self::Any);
        }
        if let Some(group) = entry.strip_prefix("*.") {
            if group.is_empty() || group.contains('*') {
                return Err(invalid(entry, "expected `*.<group>` such as `*.apps`"));
            }
            return Ok(Self::Group(group.to_owned()));
        }
        if entry.contains('*') {
            return Err(invalid(
                entry,
                "`*` is only allowed alone or as `*.<group>`",
            ));
        }
        if CHARACTERISTICS.contains(&entry) {
            return Ok(Self::Characteristic(entry.to_owned()));
        }
        if let Some((left, right)) = entry.split_once('/') {
            if let Some((version, kind)) = right.split_once('.') {
                if left.is_empty() || version.is_empty() || kind.is_empty() {
                    return Err(invalid(entry, "expected `<group>/<version>.<Kind>`"));
                }
                return Ok(Self::ApiVersionKind {
                    api_version: format!("{left}/{version}"),
                    kind: kind.to_owned(),
                });
            }
            let Some((kind, group)) = left.split_once('.') else {
                return Err(invalid(
                    entry,
                    "expected `<group>/<version>.<Kind>` or `<kind>.<group>/<version>`",
                ));
            };
            if kind.is_empty() || group.is_empty() || right.is_empty() {
                return Err(invalid(entry, "expected `<kind>.<group>/<version>`"));
            }
            return Ok(Self::KindGroupVersion {
                kind: kind.to_owned(),
                api_version: format!("{group}/{right}"),
            });
        }
        Ok(Self::Name(entry.to_owned()))
    }
}

impl AppliesTo {
    /// Whether the rule admits the workload.
    #[must_use]
    pub fn matches(&self, w: &WorkloadFacts) -> bool {
        match self {
            Self::Any => true,
            Self::Group(g) => w.crd_name.as_deref().and_then(crd_group) == Some(g.as_str()),
            Self::Characteristic(key) => w.labels.get(key).is_some_and(|v| v == "true"),
            Self::ApiVersionKind { api_version, kind } => w
                .gvk
                .as_ref()
                .is_some_and(|g| g.api_version() == *api_version && g.kind == *kind),
            Self::KindGroupVersion { kind, api_version } => w.gvk.as_ref().is_some_and(|g| {
                g.api_version() == *api_version && g.kind.eq_ignore_ascii_case(kind)
            }),
            Self::Name(n) => w.names.contains(n),
        }
    }
}

/// One requirement of a label selector.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Requirement {
    Equals(String, String),
    NotEquals(String, String),
    In(String, BTreeSet<String>),
    NotIn(String, BTreeSet<String>),
    Exists(String),
    NotExists(String),
}

/// A Kubernetes label selector in its text form (`tier=web,env in (a,b),!legacy`): every
/// requirement must hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelSelector(Vec<Requirement>);

fn split_top_level(text: &str) -> Vec<&str> {
    let (mut parts, mut depth, mut start) = (Vec::new(), 0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn label_key(key: &str, whole: &str) -> Result<String, RuleError> {
    let ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if ok {
        Ok(key.to_owned())
    } else {
        Err(invalid(whole, format!("{key:?} is not a label key")))
    }
}

impl FromStr for LabelSelector {
    type Err = RuleError;
    fn from_str(text: &str) -> Result<Self, RuleError> {
        let mut requirements = Vec::new();
        for part in split_top_level(text) {
            let part = part.trim();
            if part.is_empty() {
                return Err(invalid(text, "an empty requirement"));
            }
            let set = |rest: &str| -> Result<BTreeSet<String>, RuleError> {
                let inner = rest
                    .trim()
                    .strip_prefix('(')
                    .and_then(|r| r.strip_suffix(')'))
                    .ok_or_else(|| invalid(text, "expected a set such as `(a, b)`"))?;
                Ok(inner.split(',').map(|v| v.trim().to_owned()).collect())
            };
            let requirement = if let Some(key) = part.strip_prefix('!') {
                Requirement::NotExists(label_key(key.trim(), text)?)
            } else if let Some((k, v)) = part.split_once("!=") {
                Requirement::NotEquals(label_key(k.trim(), text)?, v.trim().to_owned())
            } else if let Some((k, v)) = part.split_once("==").or_else(|| part.split_once('=')) {
                Requirement::Equals(label_key(k.trim(), text)?, v.trim().to_owned())
            } else if let Some((k, rest)) = part.split_once(" notin ") {
                Requirement::NotIn(label_key(k.trim(), text)?, set(rest)?)
            } else if let Some((k, rest)) = part.split_once(" in ") {
                Requirement::In(label_key(k.trim(), text)?, set(rest)?)
            } else {
                Requirement::Exists(label_key(part, text)?)
            };
            requirements.push(requirement);
        }
        Ok(Self(requirements))
    }
}

impl LabelSelector {
    /// Whether `labels` satisfy every requirement.
    #[must_use]
    pub fn matches(&self, labels: &BTreeMap<String, String>) -> bool {
        self.0.iter().all(|r| match r {
            Requirement::Equals(k, v) => labels.get(k) == Some(v),
            Requirement::NotEquals(k, v) => labels.get(k) != Some(v),
            Requirement::In(k, set) => labels.get(k).is_some_and(|v| set.contains(v)),
            Requirement::NotIn(k, set) => labels.get(k).is_none_or(|v| !set.contains(v)),
            Requirement::Exists(k) => labels.contains_key(k),
            Requirement::NotExists(k) => !labels.contains_key(k),
        })
    }
}

/// One `conflictsWith` entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConflictRule {
    /// `*`: conflicts with every other trait.
    All,
    /// `*.<group>`: traits whose CRD group is exactly `<group>`.
    Group(String),
    /// `labelSelector:<selector>`: traits whose definition labels match.
    Labels(LabelSelector),
    /// A TraitDefinition name or CRD name.
    Name(String),
    /// `<group>/<version>.<Kind>` or `<kind>.<group>/<version>`: traits whose CRD is that
    /// kind's (`<plural>.<group>`, any version).
    Kind {
        /// The CRD name the form stands for.
        crd_name: String,
    },
}

impl FromStr for ConflictRule {
    type Err = RuleError;
    fn from_str(entry: &str) -> Result<Self, RuleError> {
        if let Some(selector) = entry.strip_prefix("labelSelector:") {
            return selector.parse().map(Self::Labels).map_err(|e| RuleError {
                entry: entry.to_owned(),
                reason: e.reason,
            });
        }
        match entry.parse::<AppliesTo>()? {
            AppliesTo::Any => Ok(Self::All),
            AppliesTo::Group(g) => Ok(Self::Group(g)),
            AppliesTo::ApiVersionKind { api_version, kind }
            | AppliesTo::KindGroupVersion { kind, api_version } => Ok(Self::Kind {
                crd_name: crd_name(&api_version, &kind),
            }),
            AppliesTo::Characteristic(_) => Err(invalid(
                entry,
                "a conflict rule is `*`, `*.<group>`, a trait name or CRD name, a GVK form, or `labelSelector:<selector>`",
            )),
            AppliesTo::Name(_) => Ok(Self::Name(entry.to_owned())),
        }
    }
}

impl ConflictRule {
    /// Whether the rule names the trait defined by `other`.
    #[must_use]
    pub fn matches(&self, other: &Definition) -> bool {
        match self {
            Self::All => true,
            Self::Group(g) => other.crd_name.as_deref().and_then(crd_group) == Some(g.as_str()),
            Self::Labels(s) => s.matches(&other.labels),
            Self::Name(n) => other.name == *n || other.crd_name.as_deref() == Some(n),
            Self::Kind { crd_name } => other.crd_name.as_deref() == Some(crd_name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> WorkloadFacts {
        WorkloadFacts {
            names: ["deployments.apps".to_owned(), "worker".to_owned()].into(),
            crd_name: Some("deployments.apps".into()),
            gvk: Some(GroupVersionKind::new("apps/v1", "Deployment")),
            labels: [("workload.oam.dev/replicable".to_owned(), "true".to_owned())].into(),
        }
    }

    #[test]
    fn every_applies_to_form_matches_as_documented() {
        let w = facts();
        for (entry, want) in [
            ("*", true),
            ("*.apps", true),
            ("*.k8s.io", false),
            ("apps/v1.Deployment", true),
            ("apps/v1.StatefulSet", false),
            ("deployment.apps/v1", true),
            ("deployments.apps", true),
            ("worker", true),
            ("webservice", false),
            ("workload.oam.dev/replicable", true),
            ("workload.oam.dev/daemonized", false),
        ] {
            let rule: AppliesTo = entry.parse().unwrap();
            assert_eq!(rule.matches(&w), want, "{entry}");
        }
        for bad in ["", "*.", "a*", "/v1.X", "apps/", " x"] {
            assert!(bad.parse::<AppliesTo>().is_err(), "{bad:?}");
        }
    }

    fn oam_validate_definition(name: &str) -> Definition {
        let yaml = format!(
            "apiVersion: core.oam.dev/v1beta1\nkind: TraitDefinition\nmetadata: {{name: {name}}}\nspec: {{}}\n"
        );
        let report = oam_model::load_str("d.yaml", &yaml, &oam_model::LoadOptions::default());
        Definition::from_document(&report.documents[0].value).unwrap()
    }

    #[test]
    fn label_selectors_follow_kubernetes() {
        let labels: BTreeMap<String, String> = [
            ("tier".into(), "scaler".into()),
            ("env".into(), "prod".into()),
        ]
        .into();
        for (text, want) in [
            ("tier=scaler", true),
            ("tier==scaler,env=prod", true),
            ("tier!=scaler", false),
            ("env in (prod, staging)", true),
            ("env notin (prod)", false),
            ("tier", true),
            ("!legacy", true),
            ("!tier", false),
        ] {
            let s: LabelSelector = text.parse().unwrap();
            assert_eq!(s.matches(&labels), want, "{text}");
        }
        for bad in ["", "a=b,", "env in prod", "bad key=x"] {
            assert!(bad.parse::<LabelSelector>().is_err(), "{bad:?}");
        }
        assert!("labelSelector:a in (b".parse::<ConflictRule>().is_err());
        assert!(
            "workload.oam.dev/replicable"
                .parse::<ConflictRule>()
                .is_err()
        );
        let by_kind: ConflictRule = "autoscaling/v2.HorizontalPodAutoscaler".parse().unwrap();
        let same: ConflictRule = "horizontalpodautoscaler.autoscaling/v1".parse().unwrap();
        assert_eq!(
            by_kind, same,
            "both forms name the CRD, whatever the version"
        );
        let mut hpa = oam_validate_definition("hpa");
        hpa.crd_name = Some("horizontalpodautoscalers.autoscaling".into());
        assert!(by_kind.matches(&hpa));
        hpa.crd_name = Some("scaledobjects.keda.sh".into());
        assert!(!by_kind.matches(&hpa));
    }
}
