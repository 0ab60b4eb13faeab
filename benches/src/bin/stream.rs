//! Writes the generated benchmark stream of `N` Components (`oam_benches::v1alpha2_stream`) to
//! standard output, so whole-process measurements (`oam validate FILE`, other tools) read the
//! same bytes as the criterion benchmarks: `cargo run --release -p oam-benches --bin stream -- N`
//! (or `-- typical` for `oam_benches::typical_application`).

use std::io::Write as _;

fn main() -> std::process::ExitCode {
    let arg = std::env::args().nth(1).unwrap_or_default();
    let text = if arg == "typical" {
        oam_benches::typical_application()
    } else if let Ok(n) = arg.parse::<usize>() {
        oam_benches::v1alpha2_stream(n)
    } else {
        eprintln!("usage: stream N | typical   (N Components, or the typical 5 KB Application)");
        return std::process::ExitCode::from(2);
    };
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stream: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
