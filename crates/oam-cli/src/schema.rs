//! `oam schema --out DIR`: one JSON Schema file per kind and an `index.json`.

use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `oam schema`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The directory to write into (created if missing).
    #[arg(long, short)]
    out: PathBuf,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    match write(args) {
        Ok(count) => {
            outln!(
                "wrote {count} schemas and index.json to {}",
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn write(args: &Args) -> Result<usize, String> {
    let at = |p: &std::path::Path, e: std::io::Error| format!("cannot write {}: {e}", p.display());
    std::fs::create_dir_all(&args.out).map_err(|e| at(&args.out, e))?;
    let schemas = oam_model::schema::schemas();
    for s in &schemas {
        let path = args.out.join(s.file_name());
        let text = serde_json::to_string_pretty(s.schema.as_value()).map_err(|e| e.to_string())?;
        std::fs::write(&path, text + "\n").map_err(|e| at(&path, e))?;
    }
    let path = args.out.join("index.json");
    let text = serde_json::to_string_pretty(&oam_model::schema::index(&schemas))
        .map_err(|e| e.to_string())?;
    std::fs::write(&path, text + "\n").map_err(|e| at(&path, e))?;
    Ok(schemas.len())
}
