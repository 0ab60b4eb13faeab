//! Hostile and odd input, end to end through the `oam` binary: each gets a clear error with its
//! location where it has one, the right exit code (1 findings, 2 usage or I/O), no panic and no
//! hang.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// What one run of `oam` printed and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn from(out: Output) -> Self {
        let run = Self {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert!(
            !run.stderr.contains("panicked"),
            "oam panicked: {}",
            run.stderr
        );
        run
    }

    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// Exit code `code`, and every fragment somewhere in the output.
    fn expect(&self, code: i32, fragments: &[&str]) {
        let all = self.all();
        assert_eq!(self.code, Some(code), "{all}");
        for fragment in fragments {
            assert!(all.contains(fragment), "no {fragment:?} in:\n{all}");
        }
    }
}

/// A fresh directory for one test.
fn dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oam-hostile-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn oam_in(dir: &Path, args: &[&str]) -> Run {
    Run::from(
        Command::new(env!("CARGO_BIN_EXE_oam"))
            .args(args)
            .current_dir(dir)
            .output()
            .expect("run oam"),
    )
}

/// `oam validate FILE` on `bytes` written to `name` in a directory of its own.
fn validate(name: &str, bytes: impl AsRef<[u8]>) -> Run {
    let dir = dir(&name.replace(['/', '.'], "_"));
    std::fs::write(dir.join(name), bytes).unwrap();
    oam_in(&dir, &["validate", name])
}

const SCALER: &str =
    "apiVersion: core.oam.dev/v1alpha2\nkind: ManualScalerTrait\nmetadata: {name: s}\n";

#[test]
fn duplicate_keys_are_refused_naming_both_lines_in_yaml_and_json() {
    validate(
        "dup.yaml",
        "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n",
    )
    .expect(
        1,
        &[
            "error[OAM003]: duplicate key `kind`, first at line 2, column 1",
            "--> dup.yaml:3:1",
        ],
    );
    validate(
        "dup.json",
        "{\"apiVersion\": \"v1\",\n \"kind\": \"ConfigMap\",\n \"kind\": \"Secret\"}\n",
    )
    .expect(
        1,
        &[
            "error[OAM003]: duplicate key `kind`, first at line 2, column 2",
            "--> dup.json:3:2",
        ],
    );
}

#[test]
fn merge_keys_merge_as_kubernetes_yaml_does_and_the_merged_values_are_typed() {
    validate(
        "merge.yaml",
        format!("{SCALER}spec:\n  <<: {{replicaCount: 2}}\n"),
    )
    .expect(0, &["0 errors, 0 warnings"]);
    validate(
        "merge.yaml",
        format!("{SCALER}spec:\n  <<: {{replicaCount: x}}\n"),
    )
    .expect(
        1,
        &[
            "error[OAM011]: invalid type: string \"x\", expected i32",
            "at spec.replicaCount",
        ],
    );
}

#[test]
fn binary_tags_keep_their_text_and_foreign_tags_are_refused_where_they_stand() {
    let secret =
        "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata:\n  a: !!binary aGVsbG8=\n";
    validate("binary.yaml", secret).expect(0, &["0 errors"]);
    let report = oam_model::load_str("binary.yaml", secret, &oam_model::LoadOptions::default());
    let body = serde_json::to_value(&report.documents[0].value).unwrap();
    assert_eq!(body["data"]["a"], "aGVsbG8=", "{body}");

    validate(
        "python.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata: !!python/object:os.system {a: b}\n",
    )
    .expect(
        1,
        &[
            "error[OAM003]: unsupported YAML tag `!!python/object:os.system`",
            "--> python.yaml:4:33",
        ],
    );
    validate(
        "foo.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: !foo {name: s}\n",
    )
    .expect(
        1,
        &[
            "error[OAM003]: unsupported YAML tag `!foo`",
            "--> foo.yaml:3:16",
        ],
    );
}

#[test]
fn numbers_no_integer_field_can_hold_are_located_errors() {
    let scaler = |n: &str| format!("{SCALER}spec: {{replicaCount: {n}}}\n");
    validate("big.yaml", scaler("123456789012345678901234567890"))
        .expect(1, &["error[OAM011]", "expected i32", "--> big.yaml:4:22"]);
    for n in ["1e400", ".nan", ".inf", "-.inf"] {
        validate("float.yaml", scaler(n)).expect(
            1,
            &[
                &format!("error[OAM003]: `{n}` is not a finite number"),
                "--> float.yaml:4:22",
            ],
        );
    }
    validate("zero.yaml", scaler("-0")).expect(0, &["0 errors"]);
    validate(
        "zero.json",
        r#"{"apiVersion": "core.oam.dev/v1alpha2", "kind": "ManualScalerTrait", "metadata": {"name": "s"}, "spec": {"replicaCount": -0}}"#,
    )
    .expect(0, &["0 errors"]);
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_do_not_move_locations() {
    let text = format!("{SCALER}spec: {{replicaCount: 2, bogus: 1}}\n");
    validate("bom.yaml", format!("\u{feff}{text}")).expect(
        1,
        &["error[OAM012]: unknown field `bogus`", "--> bom.yaml:4:25"],
    );
    let run = validate("crlf.yaml", text.replace('\n', "\r\n"));
    run.expect(
        1,
        &[
            "error[OAM012]: unknown field `bogus`",
            "--> crlf.yaml:4:25",
            "4 | spec: {replicaCount: 2, bogus: 1}\n",
        ],
    );
    assert!(!run.stdout.contains('\r'), "{:?}", run.stdout);
}

#[test]
fn a_tab_in_the_indentation_before_a_key_is_refused_but_not_elsewhere() {
    validate(
        "tab.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  \tname: x\n",
    )
    .expect(
        1,
        &[
            "error[OAM003]: a tab in the indentation before the key `name`: YAML indents with spaces only",
            "--> tab.yaml:4:4",
        ],
    );
    validate(
        "tabs.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  make: |\n    all:\n    \techo hi\n  y: {a: 1,\tb: 2}\n",
    )
    .expect(0, &["0 errors"]);
}

#[test]
fn nul_bytes_are_a_located_syntax_error_printed_visibly() {
    let run = validate(
        "nul.yaml",
        b"apiVersion: v1\nkind: ConfigMap\nmetadata: {name: \"a\0b\"}\n",
    );
    run.expect(1, &["error[OAM003]", "--> nul.yaml:3:20", "\u{2400}"]);
    assert!(!run.stdout.contains('\0'));
}

#[test]
fn a_ten_megabyte_scalar_and_a_hundred_thousand_documents_load() {
    let big = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: big}}\ndata:\n  a: {}\n",
        "x".repeat(10 << 20)
    );
    validate("big.yaml", big).expect(0, &["checked 1 document in 1 source: 0 errors"]);
    let many: String = (0..100_000)
        .map(|i| format!("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c{i}}}\n"))
        .collect();
    validate("many.yaml", many).expect(
        0,
        &["checked 100000 documents in 1 source: 0 errors, 0 warnings"],
    );
}

#[test]
fn deep_nesting_is_a_limit_error_that_names_the_flag() {
    let deep = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: d}}\ndata: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    validate("deep.yaml", deep).expect(
        1,
        &[
            "error[OAM004]: limit exceeded",
            "deep.yaml:4:",
            "--max-depth",
        ],
    );
}

#[test]
fn alias_expansion_is_a_limit_error_in_words_with_the_flag() {
    let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let previous = if i == 1 {
            "a".to_owned()
        } else {
            format!("l{}", i - 1)
        };
        let refs = vec![format!("*{previous}"); 10].join(", ");
        laughs.push_str(&format!("l{i}: &l{i} [{refs}]\n"));
    }
    let run = validate("laughs.yaml", laughs);
    run.expect(
        1,
        &[
            "error[OAM004]: limit exceeded: more nodes than the input's budget (250001)",
            "--> laughs.yaml:6:15",
            "`oam validate --max-depth`, `--max-bytes`",
        ],
    );
    assert!(!run.stdout.contains("Nodes {"), "{}", run.stdout);
}

#[test]
fn control_characters_in_names_are_escaped_in_every_format() {
    // A YAML escape puts a real ESC into the key; printed raw, it would recolour the terminal.
    let text = format!("{SCALER}spec:\n  replicaCount: 2\n  \"bo\\e[31mgus\": 1\n");
    for format in ["text", "json", "github"] {
        let dir = dir(&format!("escape-{format}"));
        std::fs::write(dir.join("esc.yaml"), &text).unwrap();
        let run = oam_in(&dir, &["validate", "--format", format, "esc.yaml"]);
        run.expect(1, &["OAM012"]);
        assert!(!run.stdout.contains('\u{1b}'), "{format}: {:?}", run.stdout);
        assert!(
            run.stdout.contains(r"bo\u{1b}[31mgus") || run.stdout.contains(r"bo\u001b[31mgus"),
            "{format}: {}",
            run.stdout
        );
    }
}

#[test]
fn github_annotations_without_a_place_read_as_sentences() {
    let dir = dir("github");
    #[cfg(unix)]
    std::os::unix::fs::symlink("nowhere.yaml", dir.join("x.yaml")).unwrap();
    #[cfg(not(unix))]
    std::fs::write(dir.join("x.yaml"), b"\xff").unwrap();
    let run = oam_in(&dir, &["validate", "--format", "github", "."]);
    assert_eq!(run.code, Some(2), "{}", run.all());
    let line = run.stdout.lines().next().unwrap_or_default();
    assert!(
        line.starts_with("::error file=./x.yaml,title=OAM00"),
        "{line}"
    );
    assert!(
        line.contains("; help: ") && !line.contains("at  ("),
        "{line}"
    );
}

#[test]
fn documents_that_are_not_objects_and_inputs_with_no_document() {
    validate("scalar.yaml", "hello\n").expect(
        1,
        &[
            "error[OAM005]: a document must be a mapping (an object), found a string",
            "--> scalar.yaml:1:1",
        ],
    );
    validate("list.yaml", "- a\n- b\n").expect(1, &["found a sequence", "--> list.yaml:1:1"]);
    for (name, text) in [("empty.yaml", ""), ("dashes.yaml", "---\n")] {
        validate(name, text).expect(
            2,
            &[&format!(
                "error: nothing to check: {name} holds no YAML or JSON document"
            )],
        );
    }
    let empty = dir("empty-folder");
    std::fs::create_dir(empty.join("apps")).unwrap();
    oam_in(&empty, &["validate", "apps"]).expect(
        2,
        &["nothing to check: apps holds no YAML or JSON document (0 sources read)"],
    );
}

#[cfg(unix)]
#[test]
fn a_directory_with_loops_links_pipes_and_strangers_is_walked_once_and_reported() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let root = dir("walk");
    let apps = root.join("apps");
    std::fs::create_dir_all(apps.join("sub")).unwrap();
    std::fs::write(
        apps.join("sub/a.yaml"),
        format!("{SCALER}spec: {{replicaCount: 2, bogus: 1}}\n"),
    )
    .unwrap();
    symlink("..", apps.join("sub/up")).unwrap();
    symlink("../..", apps.join("sub/up2")).unwrap();
    symlink("nowhere.yaml", apps.join("dangling.yaml")).unwrap();
    symlink("pong.yaml", apps.join("ping.yaml")).unwrap();
    symlink("ping.yaml", apps.join("pong.yaml")).unwrap();
    std::fs::write(apps.join("README.md"), "# not an object\n").unwrap();
    std::fs::write(apps.join("logo.png"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    std::fs::write(apps.join("latin1.yml"), b"name: caf\xe9\n").unwrap();
    let fifo = Command::new("mkfifo")
        .arg(apps.join("pipe.yaml"))
        .status()
        .is_ok_and(|s| s.success());
    let locked = apps.join("locked.yaml");
    std::fs::write(
        &locked,
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: l}\n",
    )
    .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads a mode-000 file anyway; then the file is simply valid.
    let locked_readable = std::fs::read(&locked).is_ok();

    let run = oam_in(&root, &["validate", "apps"]);
    run.expect(
        2,
        &[
            "--> apps/sub/a.yaml:4:25",
            "cannot read: a symbolic link loop back to apps (not walked again)",
            "in apps/sub/up\n",
            "in apps/sub/up2/apps\n",
            "cannot read: a symbolic link to nowhere.yaml, which does not exist",
            "in apps/dangling.yaml\n",
            "cannot read: Too many levels of symbolic links",
            "in apps/ping.yaml\n",
            "error[OAM002]: input is not valid UTF-8 (first invalid byte at offset 9)",
            "apps/latin1.yml:1:10",
        ],
    );
    // The valid file is checked once, although two links lead back to it.
    assert_eq!(run.stdout.matches("unknown field `bogus`").count(), 1);
    assert!(!run.all().contains("README.md") && !run.all().contains("logo.png"));
    if fifo {
        run.expect(
            2,
            &[
                "not a regular file (a FIFO, socket or device), skipped",
                "in apps/pipe.yaml",
            ],
        );
    }
    if locked_readable {
        assert!(!run.all().contains("locked.yaml"), "{}", run.all());
    } else {
        run.expect(
            2,
            &["cannot read: Permission denied", "in apps/locked.yaml"],
        );
    }
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let many: String = (0..3_000)
        .map(|i| {
            format!(
                "---\n{}spec: {{replicaCount: 2, bogus: {i}}}\n",
                SCALER.replace("{name: s}", &format!("{{name: s{i}}}"))
            )
        })
        .collect();
    let root = dir("pipe");
    std::fs::write(root.join("errors.yaml"), many).unwrap();
    for format in ["text", "json", "github"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_oam"))
            .args(["validate", "--format", format, "errors.yaml"])
            .current_dir(&root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is gone: every later write fails with a broken pipe.
        let run = Run::from(child.wait_with_output().unwrap());
        assert_eq!(run.code, Some(1), "{format}: {}", run.stderr);
        assert_eq!(run.stderr, "", "{format}");
    }
}

#[test]
fn a_misspelt_format_is_a_usage_error_with_the_closest_value() {
    oam_in(&dir("format"), &["validate", "--format", "jsn", "x.yaml"]).expect(
        2,
        &[
            "invalid value 'jsn' for '--format <FORMAT>'",
            "a similar value exists: 'json'",
        ],
    );
}

#[test]
fn non_ascii_white_space_renders_safely_in_every_format() {
    let root = dir("spaces");
    std::fs::write(
        root.join("nbsp.yaml"),
        format!("{SCALER}spec:\n\u{a0} replicaCount: 2\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("ideographic.yaml"),
        "apiVersion: core.oam.dev/v1alpha2\nkind: ManualScalerTrait\nmetadata: {name: s}\u{3000}\nspec: {replicaCount: 2}\n",
    )
    .unwrap();
    for format in ["text", "json", "github"] {
        let run = oam_in(
            &root,
            &[
                "validate",
                "--format",
                format,
                "nbsp.yaml",
                "ideographic.yaml",
            ],
        );
        run.expect(1, &["ideographic.yaml", "nbsp.yaml"]);
    }
    oam_in(&root, &["validate", "ideographic.yaml"])
        .expect(1, &["error[OAM003]", "--> ideographic.yaml:3:20"]);
}

const HUGE_INDEX: &str = "apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata: {name: web, namespace: default}
spec:
  workload:
    apiVersion: core.oam.dev/v1alpha2
    kind: ContainerizedWorkload
    spec:
      containers:
        - {name: web, image: nginx}
  parameters:
    - name: image
      fieldPaths: [\"spec.containers[INDEX].image\"]
---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {name: app, namespace: default}
spec:
  components:
    - componentName: web
      parameterValues:
        - {name: image, value: \"nginx:1.27\"}
";

#[test]
fn a_list_index_far_beyond_the_end_is_a_located_error_in_validate_and_plan() {
    for index in ["4294967295", "100000000"] {
        let root = dir(&format!("index-{index}"));
        std::fs::write(root.join("app.yaml"), HUGE_INDEX.replace("INDEX", index)).unwrap();
        let too_far = format!(
            "spec.containers[{index}]: index {index} is too far beyond the end of the list (1 items; at most 1024 more can be added)"
        );
        oam_in(&root, &["validate", "app.yaml"])
            .expect(1, &["error[OAM028]", &too_far, "--> app.yaml:22:25"]);
        oam_in(&root, &["plan", "app.yaml"])
            .expect(1, &["error[OAM028]", &too_far, "--> app.yaml:20:7"]);
    }
}

#[test]
fn a_data_input_far_beyond_the_end_of_a_list_is_a_located_plan_error() {
    let root = dir("input-index");
    std::fs::write(
        root.join("app.yaml"),
        "apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata: {name: db, namespace: default}
spec:
  workload: {apiVersion: v1, kind: ConfigMap, metadata: {name: db}}
---
apiVersion: core.oam.dev/v1alpha2
kind: Component
metadata: {name: web, namespace: default}
spec:
  workload: {apiVersion: v1, kind: ConfigMap, metadata: {name: web}}
---
apiVersion: core.oam.dev/v1alpha2
kind: ApplicationConfiguration
metadata: {name: app, namespace: default}
spec:
  components:
    - componentName: db
      dataOutputs:
        - {name: addr, fieldPath: data.addr}
    - componentName: web
      dataInputs:
        - valueFrom: {dataOutputName: addr}
          toFieldPaths: [\"data.list[100000000]\"]
",
    )
    .unwrap();
    std::fs::write(
        root.join("observed.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: db, namespace: default}\ndata: {addr: 10.0.0.1}\n",
    )
    .unwrap();
    oam_in(&root, &["plan", "app.yaml", "--observed", "observed.yaml"]).expect(
        1,
        &[
            "error[OAM033]",
            "index 100000000 is too far beyond the end of the list (0 items; at most 1024 more can be added)",
            "--> app.yaml:24:26",
        ],
    );
}

#[test]
fn standard_input_that_starts_with_a_brace_may_still_be_a_yaml_stream() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_oam"))
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n---\n{apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n")
        .unwrap();
    Run::from(child.wait_with_output().unwrap()).expect(
        0,
        &["checked 2 documents in 1 source: 0 errors, 0 warnings"],
    );
}
