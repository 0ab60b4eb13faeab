//! Writes the generated benchmark stream of `N` Components (`oam_benches::v1alpha2_stream`) to
//! standard output, so whole-process measurements (`oam validate FILE`, other tools) read the
//! same bytes as the criterion benchmarks: `cargo run --release -p oam-benches --bin stream -- N`.

use std::io::Write as _;

fn main() -> std::process::ExitCode {
    let Some(n) = std::env::args()
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok())
    else {
        eprintln!("usage: stream N   (N: the number of Components)");
        return std::process::ExitCode::from(2);
    };
    let text = oam_benches::v1alpha2_stream(n);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stream: {e}");
            std::process::ExitCode::from(1)
        }
    }
}
