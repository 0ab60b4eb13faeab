//! The `oam` binary end to end: output, exit codes, schema files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn oam(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oam"))
        .args(args)
        .current_dir(workspace())
        .output()
        .expect("run oam")
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oam-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The fenced block that follows `<!-- name -->` in the README: what the README promises.
fn readme_block(name: &str) -> String {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let marker = format!("<!-- {name} -->\n```text\n");
    let start = readme.find(&marker).expect("the README marks the block") + marker.len();
    let len = readme[start..].find("```").expect("the block is closed");
    readme[start..start + len].to_owned()
}

#[test]
fn the_main_job_is_clean_and_prints_what_the_readme_shows() {
    let out = oam(&["validate", "examples/apps"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout, readme_block("main-job"));
}

#[test]
fn the_mistakes_are_caught_exactly_as_the_readme_shows() {
    let out = oam(&["validate", "examples/mistakes"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert_eq!(stdout, readme_block("mistakes"));
    let codes: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("error[")?.split(']').next())
        .collect();
    assert_eq!(codes, ["OAM045", "OAM024", "OAM020", "OAM012"]);
}

#[test]
fn github_annotations_and_strict_mode() {
    let out = oam(&[
        "validate",
        "--format",
        "github",
        "examples/mistakes/conflicting-scalers.yaml",
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("::error file=examples/mistakes/conflicting-scalers.yaml,line=37,col=11,title=OAM045::conflict(rule: "),
        "{stdout}"
    );
    let dir = temp("strict");
    let file = dir.join("app.yaml");
    std::fs::write(&file, "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: a}\nspec:\n  components:\n    - name: web\n      type: webservice\n      traits: [{type: sidecar}, {type: sidecar}]\n").unwrap();
    let lenient = oam(&["validate", file.to_str().unwrap()]);
    assert_eq!(
        lenient.status.code(),
        Some(0),
        "a repeated v1beta1 trait is a warning"
    );
    let strict = oam(&["validate", "--strict", file.to_str().unwrap()]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        String::from_utf8(strict.stdout)
            .unwrap()
            .contains("error[OAM046]")
    );
    let bare = oam(&["validate", "--no-builtin", file.to_str().unwrap()]);
    assert!(
        String::from_utf8(bare.stdout)
            .unwrap()
            .contains("error[OAM043]: unknown type: no ComponentDefinition named \"webservice\"")
    );
}

#[test]
fn catalog_lists_what_applies_to_a_workload_type_with_conflicts() {
    let out = oam(&["catalog", "--applies-to", "cron-task"]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("TraitDefinition labels\n"), "{stdout}");
    assert!(
        !stdout.contains("TraitDefinition scaler\n"),
        "scaler is for deployments and statefulsets"
    );
    let out = oam(&["catalog", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hpa = v["definitions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "horizontalpodautoscalers.autoscaling")
        .unwrap();
    assert_eq!(
        hpa["conflictsWithTraits"],
        serde_json::json!([
            "cronhpatraits.standard.oam.dev",
            "manualscalertraits.core.oam.dev",
            "scaledobjects.keda.sh"
        ])
    );
    assert_eq!(
        oam(&["catalog", "--applies-to", "nothing"]).status.code(),
        Some(2)
    );
}

#[test]
fn an_unknown_field_is_shown_with_its_line_a_caret_and_a_hint() {
    let dir = temp("typo");
    let file = dir.join("app.yaml");
    std::fs::write(&file, "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: a}\nspec:\n  components:\n    - name: web\n      type: webservice\n      trait: []\n").unwrap();
    let out = oam(&["validate", file.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let expected = format!(
        "error[OAM012]: unknown field `trait`, did you mean `traits`?\n --> {}:8:7\n  |\n8 |       trait: []\n  |       ^^^^^\n  |\n  = note: at spec.components[0].trait in document 0\nhelp: rename it to `traits`, or remove it\n  |\n8 |       traits: []\n  |            +\n",
        file.display()
    );
    assert!(stdout.starts_with(&expected), "{stdout}");
    assert!(
        stdout.ends_with("checked 1 document in 1 source: 1 error, 0 warnings\n"),
        "{stdout}"
    );

    let out = oam(&[
        "validate",
        "--lenient",
        "--format",
        "json",
        file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["severity"], "warning");
    assert_eq!(v["diagnostics"][0]["code"], "OAM012");
    assert_eq!(
        (
            v["diagnostics"][0]["line"].as_u64(),
            v["diagnostics"][0]["column"].as_u64()
        ),
        (Some(8), Some(7))
    );
    assert_eq!(v["summary"]["documents"], 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn io_and_usage_errors_exit_with_2() {
    assert_eq!(
        oam(&["validate", "does/not/exist.yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(oam(&["validate"]).status.code(), Some(2));
    assert_eq!(oam(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn stdin_takes_json() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_oam"))
        .args(["validate", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(br#"{"apiVersion": "core.oam.dev/v1beta1", "kind": "Application", "metadata": {"name": "a"}, "spec": {"components": "web"}}"#).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout.contains("error[OAM011]: invalid type: string \"web\", expected a sequence"),
        "{stdout}"
    );
    assert!(stdout.contains(" --> <stdin>:1:"), "{stdout}");
}

#[test]
fn schema_writes_one_file_per_kind_and_an_index() {
    let dir = temp("schema");
    let out = oam(&["schema", "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let entries = index["schemas"].as_array().unwrap();
    assert_eq!(entries.len(), 18);
    for e in entries {
        let file = dir.join(e["file"].as_str().unwrap());
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(schema["properties"]["kind"]["const"], e["kind"]);
    }
    assert!(dir.join("core.oam.dev_v1beta1_application.json").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn revision_hashes_do_not_depend_on_the_format_and_follow_the_recorded_status() {
    let dir = temp("revision");
    let yaml = dir.join("web.yaml");
    std::fs::write(&yaml, "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\nspec:\n  workload: {apiVersion: apps/v1, kind: Deployment, spec: {replicas: 2}}\n").unwrap();
    let json = dir.join("web.json");
    std::fs::write(&json, r#"{"kind": "Component", "metadata": {"name": "web", "labels": {"a": "b"}}, "apiVersion": "core.oam.dev/v1alpha2",
        "spec": {"workload": {"spec": {"replicas": 2}, "kind": "Deployment", "apiVersion": "apps/v1"}}}"#).unwrap();
    let out = oam(&[
        "revision",
        "--format",
        "json",
        yaml.to_str().unwrap(),
        json.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["revisions"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["hash"], rows[1]["hash"]);
    assert_eq!(
        (rows[0]["revision"].as_str(), rows[0]["state"].as_str()),
        (Some("web-v1"), Some("first revision"))
    );
    let hash = rows[0]["hash"].as_str().unwrap().to_owned();

    let app = |status: &str| {
        format!(
            "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {{name: shop}}\nspec: {{components: []}}\nstatus: {{latestRevision: {status}}}\n"
        )
    };
    let file = dir.join("shop.yaml");
    std::fs::write(
        &file,
        app(&format!(
            "{{name: shop-v4, revision: 4, revisionHash: \"{hash}\"}}"
        )),
    )
    .unwrap();
    let text = String::from_utf8(oam(&["revision", file.to_str().unwrap()]).stdout).unwrap();
    assert!(text.contains("shop-v5 (new content)"), "{text}");
    std::fs::write(&file, app("{name: shop-v4, revision: 4}")).unwrap();
    let text = String::from_utf8(oam(&["revision", file.to_str().unwrap()]).stdout).unwrap();
    assert!(
        text.contains("shop-v4 (status records no sha256 hash"),
        "{text}"
    );

    // The recorded hash is the one of this very content: unchanged.
    let out = oam(&["revision", "--format", "json", file.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let own = v["revisions"][0]["hash"].as_str().unwrap().to_owned();
    std::fs::write(
        &file,
        app(&format!(
            "{{name: shop-v4, revision: 4, revisionHash: \"{own}\"}}"
        )),
    )
    .unwrap();
    let text = String::from_utf8(oam(&["revision", file.to_str().unwrap()]).stdout).unwrap();
    assert!(
        text.contains("shop-v4 (unchanged)"),
        "status is not hashed, so the hash stays: {text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn graph_prints_waves_and_validate_reports_cycles_at_their_line() {
    let out = oam(&["graph", "examples/apps/php-mysql"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("ApplicationConfiguration php-mysql\n  wave 1: mysql, php/ManualScalerTrait\n  wave 2: php\n  php waits for mysql (mysql-conn-secret)\n"), "{text}");

    let dir = temp("graph");
    let file = dir.join("cycle.yaml");
    std::fs::write(
        &file,
        "apiVersion: core.oam.dev/v1beta1\nkind: Application\nmetadata: {name: a}\nspec:\n  components:\n    - name: web\n      type: webservice\n      dependsOn: [api]\n    - name: api\n      type: worker\n      dependsOn: [web, dbb]\n    - name: db\n      type: mysql\n",
    )
    .unwrap();
    let out = oam(&["validate", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(String, u64, String)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "OAM024".to_owned(),
                6,
                "dependency cycle: web -[dependsOn]-> api -[dependsOn]-> web".to_owned()
            ),
            (
                "OAM022".to_owned(),
                11,
                "no component is named \"dbb\", did you mean \"db\"?".to_owned()
            ),
            (
                "OAM043".to_owned(),
                13,
                "unknown type: no ComponentDefinition named \"mysql\"".to_owned()
            ),
        ]
    );
    let out = oam(&["graph", "--format", "dot", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "a graph with errors exits 1");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("n1 -> n0 [label=\"dependsOn\"];")
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn plan_shows_what_waits_then_the_injected_secret_name() {
    let app = "examples/apps/php-mysql";
    let out = oam(&[
        "plan",
        app,
        "--observed",
        "examples/apps/php-mysql/observed/mysql-provisioning.yaml",
    ]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.starts_with(
        "# ApplicationConfiguration php-mysql: 2 ready, 1 blocked\n# wave 1: mysql, php/ManualScalerTrait\n# wave 2: php\n# blocked: apps/v1 Deployment shop/php\n#   status.connectionSecret not found in object"
    ), "{stdout}");
    let out = oam(&[
        "plan",
        app,
        "--observed",
        "examples/apps/php-mysql/observed/mysql-ready.yaml",
        "--format",
        "json",
    ]);
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let php = &plan["plans"][0]["ready"][1];
    assert_eq!(php["metadata"]["name"], "php");
    assert_eq!(
        php["spec"]["template"]["spec"]["containers"][0]["env"][1]["valueFrom"]["secretKeyRef"]["name"],
        "mysql-conn"
    );
    assert_eq!(plan["plans"][0]["blocked"], serde_json::json!([]));
}

#[test]
fn plan_errors_are_located_on_standard_error() {
    let dir = temp("plan-error");
    let file = dir.join("app.yaml");
    std::fs::write(&file, "apiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {name: a}\nspec:\n  components:\n    - componentName: nowhere\n").unwrap();
    let out = oam(&["plan", file.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error[OAM025]: no Component named \"nowhere\""),
        "{stderr}"
    );
    assert!(
        stderr.contains(":6:"),
        "located at the componentName line: {stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn plan_warnings_have_their_own_codes_and_the_librarys_words() {
    let dir = temp("plan-warning");
    let file = dir.join("app.yaml");
    std::fs::write(&file, "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web}\nspec:\n  workload: {apiVersion: apps/v1, kind: Deployment}\n---\napiVersion: core.oam.dev/v1alpha2\nkind: ApplicationConfiguration\nmetadata: {name: a}\nspec:\n  components:\n    - componentName: web\n      traits:\n        - trait: {apiVersion: example.com/v1, kind: Unknown}\n").unwrap();
    let out = oam(&["plan", file.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning does not fail: {stderr}"
    );
    let expected = oam_graph::PlanWarningKind::NoTraitDefinition {
        name: "unknowns.example.com".into(),
    };
    assert!(
        stderr.contains(&format!("warning[OAM073]: {expected}")),
        "{stderr}"
    );
    assert!(stderr.contains(":14:"), "at the trait's line: {stderr}");
    assert!(stderr.contains(expected.hint()), "{stderr}");
    assert!(!out.stdout.is_empty(), "the plan is still printed");
}

#[test]
fn two_components_of_one_name_in_one_namespace_are_named_both() {
    let dir = temp("defined-twice");
    let component = "apiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata: {name: web, namespace: shop}\nspec:\n  workload: {apiVersion: apps/v1, kind: Deployment}\n";
    std::fs::write(dir.join("a.yaml"), component).unwrap();
    std::fs::write(
        dir.join("b.yaml"),
        component.replace("Deployment", "StatefulSet"),
    )
    .unwrap();
    let out = oam(&["validate", dir.to_str().unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let a = dir.join("a.yaml").display().to_string();
    let b = dir.join("b.yaml").display().to_string();
    assert!(
        stdout.contains(&format!(
            "error[OAM068]: Component shop/web is defined twice (first at {a}:3:12)"
        )),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("--> {b}:3:12")), "{stdout}");
    // The first place is drawn too, labelled, as rustc draws "first declared here".
    assert!(
        stdout.contains(&format!("::: {a}:3:12")),
        "a secondary span: {stdout}"
    );
    assert!(
        stdout.contains("  |            ---- first defined here"),
        "under `web` in a.yaml: {stdout}"
    );
    let json = oam(&["validate", "--format", "json", dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let related = &v["diagnostics"][0]["related"][0];
    assert_eq!(
        (&related["label"], &related["source"], &related["line"]),
        (&"first defined here".into(), &a.clone().into(), &3.into()),
        "{v}"
    );
}

#[test]
fn explain_prints_each_code_as_the_registry_has_it() {
    for code in oam_model::codes::CODES {
        let out = oam(&["explain", code.code]);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", code.code);
        assert!(
            stdout.starts_with(&format!(
                "{} ({})\n\n{}\n",
                code.code, code.severity, code.what
            )),
            "{stdout}"
        );
    }
    let out = oam(&["explain", "45"]);
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("For example:\n\n    conflict(rule: \"blue-green\")")
    );
    let listed = String::from_utf8(oam(&["explain"]).stdout).unwrap();
    assert_eq!(listed.lines().count(), oam_model::codes::CODES.len());
    let unknown = oam(&["explain", "OAM999"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8(unknown.stderr)
            .unwrap()
            .contains("no diagnostic code \"OAM999\"")
    );
}

#[test]
fn the_librarys_default_application_hash_is_what_oam_revision_prints_for_every_example_app() {
    use oam_model::revision::app_hash;
    use oam_model::{Inputs, LoadOptions, load_path, registry::Registry};
    let mut apps = 0;
    let mut through_the_catalog = 0;
    let dirs = std::fs::read_dir(workspace().join("examples/apps")).unwrap();
    let mut dirs: Vec<PathBuf> = dirs.map(|e| e.unwrap().path()).collect();
    dirs.sort();
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        let out = oam(&["revision", "--format", "json", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(0), "{}", dir.display());
        let printed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rows = printed["revisions"].as_array().unwrap();
        let report = load_path(dir, &LoadOptions::default());
        assert!(report.is_ok(), "{}", dir.display());
        let inputs = Inputs::from_report(&report);
        let bare = Registry::from_documents(report.values());
        for (_, app) in report.apps() {
            let hash = app_hash(app, &inputs);
            let row = rows
                .iter()
                .find(|r| r["kind"] == app.kind() && r["name"] == app.name().unwrap())
                .unwrap_or_else(|| panic!("{}: no row for {:?}", dir.display(), app.name()));
            assert_eq!(row["hash"], hash.as_str(), "{}", dir.display());
            apps += 1;
            through_the_catalog += usize::from(app_hash(app, &Inputs::new(&bare)) != hash);
        }
    }
    assert!(apps >= 4, "{apps} example apps");
    assert!(
        through_the_catalog > 0,
        "some example app uses a catalog type, so the default must include the catalog"
    );
}

/// `oam` with `args`, once with `--jobs 1` and once with `--jobs 8`: the same exit code and
/// the same bytes on both streams, returned.
fn same_with_one_or_eight_jobs(args: &[&str]) -> Output {
    let one = oam(&[args, &["--jobs", "1"]].concat());
    let eight = oam(&[args, &["--jobs", "8"]].concat());
    assert_eq!(one.status.code(), eight.status.code(), "{args:?}");
    assert_eq!(
        String::from_utf8_lossy(&one.stdout),
        String::from_utf8_lossy(&eight.stdout),
        "{args:?}"
    );
    assert_eq!(
        String::from_utf8_lossy(&one.stderr),
        String::from_utf8_lossy(&eight.stderr),
        "{args:?}"
    );
    one
}

#[test]
fn output_is_the_same_with_one_thread_or_eight() {
    let mut dirs = vec![
        "examples".to_owned(),
        "crates/oam-validate/tests/fixtures".to_owned(),
    ];
    if let Some(corpus) = oam_conformance::corpus() {
        dirs.push(corpus.display().to_string());
    }
    for dir in &dirs {
        for format in ["text", "json"] {
            let out = same_with_one_or_eight_jobs(&["validate", "--format", format, dir]);
            assert!(!out.stdout.is_empty(), "{dir}");
        }
    }
    for command in ["graph", "revision"] {
        same_with_one_or_eight_jobs(&[command, "examples/apps"]);
    }
    // A stream large enough to be loaded in pieces, with findings far into it.
    let mut text = String::new();
    for i in 0..3_000 {
        let typo = if i % 500 == 499 { "  trais: []\n" } else { "" };
        text.push_str(&format!(
            "---\napiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata:\n  name: c{i}\n\
             spec:\n  workload:\n    apiVersion: apps/v1\n    kind: Deployment\n{typo}"
        ));
    }
    text.push_str(
        "---\napiVersion: core.oam.dev/v1alpha2\nkind: Component\nmetadata:\n  name: c7\n\
         spec:\n  workload: {apiVersion: apps/v1, kind: Deployment}\n",
    );
    let last_typo = text
        .lines()
        .collect::<Vec<_>>()
        .iter()
        .rposition(|l| *l == "  trais: []")
        .unwrap()
        + 1;
    let file = temp("jobs").join("stream.yaml");
    std::fs::write(&file, text).unwrap();
    let file = file.display().to_string();
    let out = same_with_one_or_eight_jobs(&["validate", &file]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.matches("unknown field `trais`").count(),
        6,
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{file}:{last_typo}:3\n")),
        "{stdout}"
    );
    assert!(
        stdout.contains("error[OAM068]: Component c7 is defined twice"),
        "{stdout}"
    );
}
