//! CRD names from apiVersion and kind: `<plural>.<group>`, the name a v1alpha2 definition is
//! found by when an object carries no type label (`oam-v1alpha2.md` §14, rule 19 of §19).

/// The lowercase plural Kubernetes gives a kind by default (the gengo rules kube-rs follows):
/// `Deployment` → `deployments`, `Ingress` → `ingresses`, `NetworkPolicy` → `networkpolicies`.
///
/// ```
/// assert_eq!(oam_model::registry::plural("ManualScalerTrait"), "manualscalertraits");
/// assert_eq!(oam_model::registry::plural("Ingress"), "ingresses");
/// assert_eq!(oam_model::registry::plural("NetworkPolicy"), "networkpolicies");
/// ```
#[must_use]
pub fn plural(kind: &str) -> String {
    let lower = kind.to_ascii_lowercase();
    if lower.is_empty() {
        return lower;
    }
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return format!("{lower}es");
    }
    if let Some(stem) = lower.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'i', 'o', 'u'])
    {
        return format!("{stem}ies");
    }
    format!("{lower}s")
}

/// The CRD name of a kind: `<plural>.<group>`, or the bare plural for the core group (upstream
/// writes `services.`, which is not a valid object name; the registry accepts both).
///
/// ```
/// use oam_model::registry::crd_name;
/// assert_eq!(crd_name("apps/v1", "Deployment"), "deployments.apps");
/// assert_eq!(crd_name("v1", "Service"), "services");
/// ```
#[must_use]
pub fn crd_name(api_version: &str, kind: &str) -> String {
    let plural = plural(kind);
    match api_version.split_once('/') {
        Some((group, _)) => format!("{plural}.{group}"),
        None => plural,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_kubernetes_defaults() {
        for (kind, want) in [
            ("ContainerizedWorkload", "containerizedworkloads"),
            ("HealthScope", "healthscopes"),
            ("Gateway", "gateways"),
            ("Policy", "policies"),
            ("Box", "boxes"),
            ("Batch", "batches"),
            ("", ""),
        ] {
            assert_eq!(plural(kind), want, "{kind}");
        }
    }
}
