//! Inputs shared by the benchmarks: generated `core.oam.dev/v1alpha2` streams.

use std::fmt::Write as _;

/// The peak resident set of this process so far, in KiB (the kernel's `VmHWM`; 0 where
/// `/proc` has no such line). No allocator hooks: `unsafe` is forbidden here.
#[must_use]
pub fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// A YAML stream of `n` Components (each a ContainerizedWorkload with ports, env, resources and
/// a parameter) followed by one ApplicationConfiguration that binds them all with a trait and
/// data passing between neighbours: the shape of a real large application.
#[must_use]
pub fn v1alpha2_stream(n: usize) -> String {
    let mut out = String::with_capacity(n * 900);
    for i in 0..n {
        let _ = write!(
            out,
            "---
apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata:
  name: svc-{i}
  labels:
    app.oam.dev/team: team-{team}
spec:
  workload:
    apiVersion: core.oam.dev/v1alpha2
    kind: ContainerizedWorkload
    spec:
      containers:
        - name: main
          image: registry.example.com/svc-{i}:1.{i}
          resources:
            cpu: {{required: 500m}}
            memory: {{required: 256Mi}}
          ports:
            - {{name: http, containerPort: 8080, protocol: TCP}}
          env:
            - {{name: LOG_LEVEL, value: info}}
            - name: DB_PASSWORD
              fromSecret: {{name: svc-{i}-db, key: password}}
  parameters:
    - name: image
      required: false
      fieldPaths: [\"spec.containers[0].image\"]
",
            team = i % 17
        );
    }
    out.push_str("---\napiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata:\n  name: big\nspec:\n  components:\n");
    for i in 0..n {
        let _ = write!(
            out,
            "    - componentName: svc-{i}
      parameterValues: [{{name: image, value: \"registry.example.com/svc-{i}:2\"}}]
      dataOutputs: [{{name: out-{i}, fieldPath: status.endpoint}}]
      traits:
        - trait: {{apiVersion: core.oam.dev/v1alpha2, kind: ManualScalerTrait, spec: {{replicaCount: 2}}}}
"
        );
        if i > 0 {
            let _ = writeln!(
                out,
                "      dataInputs: [{{valueFrom: {{dataOutputName: out-{}}}, toFieldPaths: [spec.upstream]}}]",
                i - 1
            );
        }
    }
    out
}

/// `n` tiny ConfigMaps, one per document; with `tagged`, the first one's name holds a `!`, which
/// makes the loader consult its position index for tags in every document.
#[must_use]
pub fn tiny_documents(n: usize, tagged: bool) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(n * 60);
    for i in 0..n {
        let bang = if tagged && i == 0 { "!" } else { "" };
        let _ = write!(
            out,
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: \"c{i}{bang}\"}}\n"
        );
    }
    out
}

/// The same stream as concatenated JSON values.
#[must_use]
pub fn v1alpha2_json_stream(n: usize) -> String {
    let trees: Vec<serde_json::Value> =
        serde_saphyr::from_multiple_with_options(&v1alpha2_stream(n), untyped_options(n * 900))
            .expect("the generated stream parses");
    trees
        .iter()
        .map(|t| serde_json::to_string(t).expect("JSON"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// serde-saphyr options with the same size budgets oam-model uses for an input of `len` bytes,
/// so the untyped baseline parses exactly what the typed loader parses.
#[must_use]
pub fn untyped_options(len: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_documents: 1_024usize.max(len),
            max_nodes: 250_000usize.max(len),
            max_events: 1_000_000usize.max(2 * len),
            max_total_scalar_bytes: (64usize << 20).max(len),
        },
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        ignore_binary_tag_for_string: true,
    }
}

/// A typical KubeVela Application of about 5 KB: ten services of the standard catalog's types
/// with traits, data passing between neighbours, a topology policy and a DAG workflow; clean
/// under `oam validate` with the standard catalog. The webhook's and the pre-commit hook's input.
#[must_use]
pub fn typical_application() -> String {
    let mut out = String::from(
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata:\n  name: storefront\n  namespace: shop\n  labels: {team: checkout}\nspec:\n  components:\n",
    );
    for i in 0..10 {
        let kind = if i % 3 == 2 { "worker" } else { "webservice" };
        let _ = write!(
            out,
            "    - name: svc-{i}
      type: {kind}
      properties:
        image: registry.example.com/shop/svc-{i}:1.4.{i}
        cpu: \"0.5\"
        memory: 256Mi
        env:
          - {{name: LOG_LEVEL, value: info}}
      traits:
        - type: scaler
          properties: {{replicas: 2}}
        - type: labels
          properties: {{tier: backend}}
"
        );
        if i > 0 {
            let _ = writeln!(
                out,
                "      dependsOn: [svc-{}]\n      inputs:\n        - {{from: addr-{}, parameterKey: upstream}}",
                i - 1,
                i - 1
            );
        }
        let _ = writeln!(
            out,
            "      outputs:\n        - {{name: addr-{i}, valueFrom: output.status.address}}"
        );
    }
    out.push_str("  policies:\n    - name: here\n      type: topology\n      properties: {clusters: [local]}\n");
    out
}

/// A KubeVela ComponentDefinition whose CUE template, a block scalar of `fields` parameter
/// declarations with their `// +usage=` comments (about 60 bytes each), dominates the document:
/// the shape of the built-in definitions' YAML (webservice's template is 17 KB).
#[must_use]
pub fn cue_definition(fields: usize) -> String {
    let mut out = String::from(
        "apiVersion: core.oam.dev/v1beta1\nkind: ComponentDefinition\nmetadata:\n  name: service\n  annotations:\n    definition.oam.dev/description: A generated service type.\nspec:\n  workload:\n    definition: {apiVersion: apps/v1, kind: Deployment}\n  schematic:\n    cue:\n      template: |\n        output: {\n          apiVersion: \"apps/v1\"\n          kind: \"Deployment\"\n          spec: replicas: parameter.replicas\n        }\n        parameter: {\n",
    );
    for i in 0..fields {
        let _ = write!(
            out,
            "          // +usage=Setting number {i}, with a description of what it does\n          setting{i}?: *\"default-{i}\" | string\n"
        );
    }
    out.push_str("          replicas: *1 | int & >=0\n        }\n");
    out
}
