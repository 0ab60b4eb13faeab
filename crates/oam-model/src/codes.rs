//! The registry of diagnostic codes: every code any crate of oam-rs reports, with its severity,
//! what it means and an example message, as `docs/diagnostics.md` lists them (a test keeps the
//! two equal, another that every code the sources use is here). `oam explain CODE` prints one.
//!
//! ```
//! let conflict = oam_model::codes::find("OAM045").unwrap();
//! assert_eq!(conflict.severity, "error");
//! assert!(conflict.what.starts_with("two traits of one component conflict"));
//! assert!(oam_model::codes::find("no such code").is_none());
//! ```

/// One diagnostic code. A code never changes meaning once released; new checks get new codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Code {
    /// `OAM` and three digits.
    pub code: &'static str,
    /// `error` or `warning`, with the cases where it differs.
    pub severity: &'static str,
    /// What it reports (Markdown, as in `docs/diagnostics.md`).
    pub what: &'static str,
    /// An example message (Markdown).
    pub example: &'static str,
}

/// Every code, in order.
pub const CODES: &[Code] = &[
    Code {
        code: "OAM001",
        severity: r#"error"#,
        what: r#"a source cannot be read"#,
        example: r#"`cannot read: No such file or directory (os error 2)`"#,
    },
    Code {
        code: "OAM002",
        severity: r#"error"#,
        what: r#"input is not UTF-8"#,
        example: r#"`input is not valid UTF-8 (first invalid byte at offset 21)`"#,
    },
    Code {
        code: "OAM003",
        severity: r#"error"#,
        what: r#"malformed YAML or JSON; a duplicate mapping key (naming the first); a tag no Kubernetes object can carry (`!foo`, `!!python/…`; core tags and `!!binary`, kept as its base64 text, are fine); a non-finite number (`.inf`, `.nan`, `1e400`); a tab in the indentation before a key"#,
        example: r#"``duplicate key `kind`, first at line 2, column 1``"#,
    },
    Code {
        code: "OAM004",
        severity: r#"error"#,
        what: r#"a limit against hostile input (depth, alias expansion, size)"#,
        example: r#"`limit exceeded: more nodes than the input's budget (250001)`"#,
    },
    Code {
        code: "OAM005",
        severity: r#"error"#,
        what: r#"a document that is not a mapping"#,
        example: r#"`a document must be a mapping (an object), found a sequence`"#,
    },
    Code {
        code: "OAM006",
        severity: r#"error"#,
        what: r#"`apiVersion` or `kind` missing or not a string"#,
        example: r#"``missing or non-string `apiVersion` ``"#,
    },
    Code {
        code: "OAM007",
        severity: r#"error"#,
        what: r#"a `core.oam.dev` version oam-rs does not know"#,
        example: r#"``unknown apiVersion `core.oam.dev/v1`: core.oam.dev has core.oam.dev/v1alpha1, …``"#,
    },
    Code {
        code: "OAM008",
        severity: r#"error"#,
        what: r#"a kind the `core.oam.dev` version does not have"#,
        example: r#"``` `core.oam.dev/v1beta1` has no kind `Component`; it has Application, … ```"#,
    },
    Code {
        code: "OAM009",
        severity: r#"error"#,
        what: r#"a raw object converted to the wrong typed kind"#,
        example: r#"`expected core.oam.dev/v1alpha2 ManualScalerTrait, found apps/v1 Deployment`"#,
    },
    Code {
        code: "OAM010",
        severity: r#"error (warning inside an embedded body)"#,
        what: r#"a required field is missing"#,
        example: r#"``missing field `type` ``"#,
    },
    Code {
        code: "OAM011",
        severity: r#"error (warning inside an embedded body)"#,
        what: r#"a wrong type or an invalid value"#,
        example: r#"``unknown variant `gt`, expected one of `eq`, `notEq`, `notEmpty` ``"#,
    },
    Code {
        code: "OAM012",
        severity: r#"error (warning with `--lenient` or inside an embedded body)"#,
        what: r#"a field the model does not have"#,
        example: r#"``unknown field `trais`, did you mean `traits`? ``"#,
    },
    Code {
        code: "OAM013",
        severity: r#"warning"#,
        what: r#"a Rudr-era `core.oam.dev/v1alpha1` kind, loaded untyped"#,
        example: r#"`` `core.oam.dev/v1alpha1` `ComponentSchematic` is the Rudr-era OAM v0.1 API … ``"#,
    },
    Code {
        code: "OAM020",
        severity: r#"error"#,
        what: r#"an input names a data output that does not exist"#,
        example: r#"`no data output is named "db-con", did you mean "db-conn"?`"#,
    },
    Code {
        code: "OAM021",
        severity: r#"error"#,
        what: r#"two data outputs share a name"#,
        example: r#"`data output "db-conn" is declared twice, first at spec.components[0].dataOutputs[0]`"#,
    },
    Code {
        code: "OAM022",
        severity: r#"error"#,
        what: r#"`dependsOn` names a component that does not exist"#,
        example: r#"`no component is named "dbb", did you mean "db"?`"#,
    },
    Code {
        code: "OAM023",
        severity: r#"error"#,
        what: r#"an object waits for itself"#,
        example: r#"`web depends on itself`"#,
    },
    Code {
        code: "OAM024",
        severity: r#"error"#,
        what: r#"a dependency cycle, named in full (each waits for the next)"#,
        example: r#"`dependency cycle: php -[db-secret]-> mysql -[php-url]-> php`"#,
    },
    Code {
        code: "OAM025",
        severity: r#"error"#,
        what: r#"`componentName` names no Component among the inputs, or only one in another namespace"#,
        example: r#"`no Component named "sr", did you mean "src"?`"#,
    },
    Code {
        code: "OAM026",
        severity: r#"error"#,
        what: r#"`revisionName` is beyond the Component's recorded latest revision (`oam validate`), or not the latest one (`oam plan`, which renders only that)"#,
        example: r#"`cannot get component revision "web-v2": only the latest revision of a Component given as input can be rendered`"#,
    },
    Code {
        code: "OAM027",
        severity: r#"error"#,
        what: r#"an entry with neither or both of `componentName` and `revisionName`"#,
        example: r#"`an entry needs exactly one of componentName and revisionName`"#,
    },
    Code {
        code: "OAM028",
        severity: r#"error"#,
        what: r#"a parameter value that cannot be applied (unknown, missing, duplicate, overlapping paths)"#,
        example: r#"`required parameter "image" not specified`"#,
    },
    Code {
        code: "OAM029",
        severity: r#"error"#,
        what: r#"a `revisionEnabled` trait on a Component without a latest revision"#,
        example: r#"`cannot get latest revision for component "php" while revision is enabled`"#,
    },
    Code {
        code: "OAM030",
        severity: r#"error"#,
        what: r#"a trait body without apiVersion or kind"#,
        example: r#"`the trait data missing GVK, api = core.oam.dev/v1alpha2, kind = `"#,
    },
    Code {
        code: "OAM031",
        severity: r#"error"#,
        what: r#"a field path that does not parse (output, input, condition)"#,
        example: r#"`invalid field path "a[": …`"#,
    },
    Code {
        code: "OAM032",
        severity: r#"error"#,
        what: r#"an output's `fieldPath` crosses a value of another type in the live source"#,
        example: r#"`failed to get field value (status.key) in object (ns/src): status: not an object`"#,
    },
    Code {
        code: "OAM033",
        severity: r#"error"#,
        what: r#"a data input that cannot be written (an array over a non-array, an index far beyond a list's end, a `traits[<n>]` key past the component's traits …)"#,
        example: r#"`cannot write data input into ns/dst at spec.key: cannot append an array to spec.key: it holds a string, not an array`"#,
    },
    Code {
        code: "OAM034",
        severity: r#"error"#,
        what: r#"a trait definition's `workloadRefPath` cannot be written in the trait"#,
        example: r#"`cannot write the workload reference at spec.target: spec: not an object`"#,
    },
    Code {
        code: "OAM035",
        severity: r#"error"#,
        what: r#"a condition with both `value` and `valueFrom`"#,
        example: r#"`a condition sets both value and valueFrom; upstream silently ignores valueFrom`"#,
    },
    Code {
        code: "OAM036",
        severity: r#"error"#,
        what: r#"two rendered objects are the same object (same group, kind, namespace and name: two workloads or named traits)"#,
        example: r#"`example.com/v1 Foo ns/src is rendered twice (first at spec.components[1])`"#,
    },
    Code {
        code: "OAM037",
        severity: r#"error"#,
        what: r#"the observed state cannot be read"#,
        example: r#"`cannot read apps/v1 Deployment ns/web: …`"#,
    },
    Code {
        code: "OAM038",
        severity: r#"warning"#,
        what: r#"a parameter value of another JSON type than the Component's template holds there (reported by `oam plan` and statically by `oam validate`; before the codes below, the planner's other caveats shared this code)"#,
        example: r#"`parameter "image" writes number over the template's string at spec.containers[0].image`"#,
    },
    Code {
        code: "OAM040",
        severity: r#"error"#,
        what: r#"a name Kubernetes refuses: a component name that is not an RFC 1123 label (it is also a label value), an object name that is not a DNS-1123 subdomain, an application name longer than 63 characters (the value of `app.oam.dev/name`)"#,
        example: r#"`"Web_Frontend" is not a valid component name: it must be a lowercase RFC 1123 label of at most 63 characters (12 here), …`"#,
    },
    Code {
        code: "OAM042",
        severity: r#"error"#,
        what: r#"a `revisionName` that is not `<component>-v<N>`"#,
        example: r#"`invalid revision name "web-latest": expected `<name>-v<N>` with N ≥ 1, e.g. `frontend-v3``"#,
    },
    Code {
        code: "OAM043",
        severity: r#"error (warning for an ambiguous `@vN`)"#,
        what: r#"an unknown workload, component, trait, scope, policy or workflow-step type"#,
        example: r#"`unknown type: no ComponentDefinition named "webservise", did you mean "webservice"?`"#,
    },
    Code {
        code: "OAM044",
        severity: r#"error"#,
        what: r#"a trait whose `appliesToWorkloads` excludes the component's workload"#,
        example: r#"`the trait "scaler" cannot apply to workload "cron-task" of component "nightly" (appliable: ["deployments.apps" "statefulsets.apps"])`"#,
    },
    Code {
        code: "OAM045",
        severity: r#"error"#,
        what: r#"two traits of one component conflict (`conflictsWith`, declared on either side; each pair once)"#,
        example: r#"`conflict(rule: "blue-green") between traits ("canary" and "blue-green") of component "web" is detected; declared by "canary"`"#,
    },
    Code {
        code: "OAM046",
        severity: r#"error (v1alpha2), warning (v1beta1)"#,
        what: r#"a trait type attached twice to one component"#,
        example: r#"`the trait type "networking.k8s.io/v1 Ingress" is attached twice to component "web"`"#,
    },
    Code {
        code: "OAM047",
        severity: r#"warning"#,
        what: r#"a scope object that is not among the inputs"#,
        example: r#"`no HealthScope "health" among the inputs`"#,
    },
    Code {
        code: "OAM048",
        severity: r#"error"#,
        what: r#"a component in two scopes of a kind whose definition sets `allowComponentOverlap: false`"#,
        example: r#"`component "web" is in two NetworkScope scopes ("net-a" and "net-b"), but networkscopes.core.oam.dev sets allowComponentOverlap: false`"#,
    },
    Code {
        code: "OAM051",
        severity: r#"error"#,
        what: r#"a fixed workload name on a component with a `revisionEnabled` trait"#,
        example: r#"`versioning-enabled component's workload name MUST NOT be assigned, expect workload name "fixed" to be empty`"#,
    },
    Code {
        code: "OAM052",
        severity: r#"error"#,
        what: r#"a trait body with the webhook shorthand left over (`name`, `properties`)"#,
        example: r#"`the trait contains 'properties' info that should be mutated to spec`"#,
    },
    Code {
        code: "OAM053",
        severity: r#"error"#,
        what: r#"two components of an Application share a name, or an ApplicationConfiguration lists one Component twice"#,
        example: r#"`duplicated component name "web" (first at spec.components[0].name)`"#,
    },
    Code {
        code: "OAM054",
        severity: r#"error"#,
        what: r#"two workflow steps or sub-steps share a name"#,
        example: r#"`duplicated step name "deploy" (first at spec.workflow.steps[0].name)`"#,
    },
    Code {
        code: "OAM055",
        severity: r#"error"#,
        what: r#"a step or sub-step timeout that is not a Go duration or is beyond its range (an empty one is unset)"#,
        example: r#"`invalid timeout "1d": not a duration`"#,
    },
    Code {
        code: "OAM056",
        severity: r#"error"#,
        what: r#"two policies share a name"#,
        example: r#"`duplicated policy name "where" (first at spec.policies[0].name)`"#,
    },
    Code {
        code: "OAM057",
        severity: r#"error"#,
        what: r#"both `app.oam.dev/autoUpdate` and `app.oam.dev/publishVersion`"#,
        example: r#"`Application has both autoUpdate and publishVersion annotations. Only one can be present`"#,
    },
    Code {
        code: "OAM058",
        severity: r#"error"#,
        what: r#"a workflow with both `steps` and `ref`"#,
        example: r#"`cannot set steps and ref in workflow at the same time`"#,
    },
    Code {
        code: "OAM059",
        severity: r#"error"#,
        what: r#"an `appliesToWorkloads` or `conflictsWith` entry that is no valid rule (an invalid label selector fails closed)"#,
        example: r#"`invalid rule "labelSelector:tier in (web": expected a set such as `(a, b)``"#,
    },
    Code {
        code: "OAM060",
        severity: r#"error"#,
        what: r#"a definition the definition webhooks refuse (ComponentDefinition workload, TraitDefinition without definitionRef or schematic, a version that is not semver, a `definitionRef.name` that cannot name a resource)"#,
        example: r#"`the type and the definition of the workload field in ComponentDefinition my-worker should represent the same workload ("statefulsets.apps" is not "deployments.apps")`"#,
    },
    Code {
        code: "OAM061",
        severity: r#"error"#,
        what: r#"a value Kubernetes refuses once a ContainerizedWorkload is rendered (container names, port range, port or env names), in a Component or standing alone"#,
        example: r#"`container port 70000 is outside 1–65535`"#,
    },
    Code {
        code: "OAM062",
        severity: r#"error"#,
        what: r#"a data input or parameter writes a path the tenancy policy protects"#,
        example: r#"`a data input writes metadata.namespace, which the tenancy policy protects (metadata.namespace)`"#,
    },
    Code {
        code: "OAM063",
        severity: r#"error"#,
        what: r#"an embedded object's namespace is not the application's"#,
        example: r#"`the embedded object's namespace "team-b" is not the application's ("team-a")`"#,
    },
    Code {
        code: "OAM064",
        severity: r#"error"#,
        what: r#"in an explicit workflow, a component `dependsOn` a component no step applies (it would wait forever)"#,
        example: r#"`component "web" depends on "db", but no workflow step applies "db", so it waits forever`"#,
    },
    Code {
        code: "OAM065",
        severity: r#"warning"#,
        what: r#"an input keyed `properties.…` or `traits[…]` on an application deployed by a `deploy` step, which writes it at `properties.<key>` as is"#,
        example: r#"`this component is deployed by a deploy step, which writes inputs at properties.<parameterKey> as is: "properties.env[0].value" lands at "properties.properties.env[0].value"`"#,
    },
    Code {
        code: "OAM066",
        severity: r#"error"#,
        what: r#"a label key that is not a qualified name, or a label value Kubernetes refuses (more than 63 characters, other characters than `[A-Za-z0-9._-]`)"#,
        example: r#"`"bad key!" is not a valid label key: its name (after any `/` prefix) must be 1–63 of `[A-Za-z0-9._-]`, …`"#,
    },
    Code {
        code: "OAM067",
        severity: r#"error"#,
        what: r#"a policy other than `debug` without properties"#,
        example: r#"`policy topology named where must not have empty properties`"#,
    },
    Code {
        code: "OAM068",
        severity: r#"error"#,
        what: r#"two `core.oam.dev` documents of the same group, kind, namespace and name in one input set (the first place is named)"#,
        example: r#"`Component shop/web is defined twice (first at app.yaml:5:12): applied together, the second replaces the first`"#,
    },
    Code {
        code: "OAM069",
        severity: r#"warning"#,
        what: r#"a data output with neither `fieldPath` nor conditions has targets: it only orders, nothing is written"#,
        example: r#"`data output "db" has neither fieldPath nor conditions: it only orders, nothing is written to toFieldPaths`"#,
    },
    Code {
        code: "OAM070",
        severity: r#"warning"#,
        what: r#"an `inputStore` / `outputStore` operation is not planned (the runtime applies it)"#,
        example: r#"`inputStore / outputStore operations are not planned`"#,
    },
    Code {
        code: "OAM071",
        severity: r#"warning"#,
        what: r#"an Application component something waits for, whose type declares no workload apiVersion and kind: its workload cannot be observed"#,
        example: r#"`component "db": its type declares no workload apiVersion and kind, so its workload cannot be observed and what waits for it keeps waiting`"#,
    },
    Code {
        code: "OAM072",
        severity: r#"warning"#,
        what: r#"an Application output whose `valueFrom` is a CUE expression, not `output.<field path>`: oam-rs does not evaluate it, so its consumers keep waiting"#,
        example: r#"`output valueFrom "output.spec.port + 1" is a CUE expression oam-rs does not evaluate; its consumers keep waiting`"#,
    },
    Code {
        code: "OAM073",
        severity: r#"warning"#,
        what: r#"a trait without a TraitDefinition: planned with every framework feature off (no workload reference, no revisions)"#,
        example: r#"`no TraitDefinition "unknowns.example.com": the trait gets no workload reference`"#,
    },
];

/// The entry of `code` (`OAM045`; case and a missing `OAM` prefix are forgiven: `oam045`, `45`).
#[must_use]
pub fn find(code: &str) -> Option<&'static Code> {
    let code = code.trim();
    let digits = code
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("OAM"))
        .map_or(code, |_| &code[3..]);
    let number: u16 = digits.parse().ok()?;
    let wanted = format!("OAM{number:03}");
    CODES.iter().find(|c| c.code == wanted)
}
