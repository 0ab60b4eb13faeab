//! Where the conformance corpus is (documents written by others, kept outside this repository),
//! or why the tests that read it are skipped.
//!
//! The corpus is found through `OAM_CONFORMANCE_DIR`, else at `../shared/conformance` beside the
//! repository. A fresh clone has neither: the tests that need it then print one line saying so
//! and pass. CI sets `OAM_REQUIRE_CONFORMANCE=1`, which turns a missing corpus into a failure.
//!
//! ```
//! // In a test that reads the corpus:
//! let Some(root) = oam_conformance::corpus() else { return };
//! assert!(root.join("MANIFEST.tsv").is_file());
//! ```
#![deny(missing_docs)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Once;

/// The variable that names the corpus folder.
pub const DIR_VAR: &str = "OAM_CONFORMANCE_DIR";
/// The variable that, set to `1`, makes a missing corpus fail the tests instead of skipping them.
pub const REQUIRE_VAR: &str = "OAM_REQUIRE_CONFORMANCE";

/// The corpus folder, or `None` (after one notice on standard error) when it is absent.
///
/// # Panics
///
/// When the corpus is absent and `OAM_REQUIRE_CONFORMANCE=1`: in CI a missing corpus is a
/// failure, never a skip.
pub fn corpus() -> Option<PathBuf> {
    let (root, named) = match std::env::var_os(DIR_VAR) {
        Some(dir) => (PathBuf::from(dir), true),
        None => (default_dir(), false),
    };
    if root.join("MANIFEST.tsv").is_file() {
        return Some(root);
    }
    let why = if named {
        format!("{DIR_VAR}={} has no MANIFEST.tsv", root.display())
    } else {
        format!("no corpus at {} and {DIR_VAR} is not set", root.display())
    };
    if std::env::var_os(REQUIRE_VAR).is_some_and(|v| v == "1") {
        panic!("the conformance corpus is required ({REQUIRE_VAR}=1) but {why}");
    }
    static NOTICE: Once = Once::new();
    NOTICE.call_once(|| {
        // Written to the stream itself, not through `eprintln!`, so the test harness does not
        // capture it: the skip must be visible in `cargo test`'s output.
        let _ = writeln!(
            std::io::stderr(),
            "note: conformance tests skipped: {why} (set {DIR_VAR} to the corpus folder)"
        );
    });
    None
}

/// `../shared/conformance` beside the repository's root.
fn default_dir() -> PathBuf {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    // crates/oam-conformance → the repository → the folder beside it.
    let beside = crate_dir.ancestors().nth(3).unwrap_or(crate_dir);
    beside.join("shared").join("conformance")
}
