//! A large YAML stream loaded in pieces, each parsed and typed on its own thread, with the
//! result of loading it on one.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{LoadOptions, LoadReport, Source, load_parsed, split, yaml};

/// The smallest piece worth cutting: each costs a parse set-up and a hand-over between threads.
/// So a text under twice this size is loaded on one thread.
const PIECE_MIN_BYTES: usize = 32 << 10;

/// Pieces per thread. Each thread types a piece's trees and drops them before it parses its
/// next piece, so at any moment only about `jobs` pieces' trees are alive beside the typed
/// documents. With one piece per thread all the trees were, in arenas that cannot reuse each
/// other's freed memory: 13% more peak memory than one thread, whose typed documents reuse the
/// memory of the trees it drops (eight per thread: 10% less than one thread).
const PIECES_PER_THREAD: usize = 8;

/// The reports of a YAML source loaded in pieces (cut at document markers) on up to `jobs`
/// threads, in text order; `None` when the source is small, has no pieces, or a piece does not
/// parse within its share of the budgets, and the caller loads it sequentially.
///
/// Each piece is parsed and typed on one thread as if it were the whole source, then its
/// document indices are shifted by the number of documents before it. The threads take the
/// largest pieces first, so one large document (an ApplicationConfiguration of 10,000
/// components is a third of its stream) does not leave the other threads idle at the end.
pub(super) fn load_yaml_in_pieces(
    source: &Arc<Source>,
    options: &LoadOptions,
    jobs: usize,
) -> Option<Vec<LoadReport>> {
    let parts = (jobs * PIECES_PER_THREAD).min(source.text.len() / PIECE_MIN_BYTES);
    if jobs < 2 || parts < 2 {
        return None;
    }
    let pieces = split::pieces(&source.text, parts);
    if pieces.len() < 2 {
        return None;
    }
    let mut largest_first: Vec<(usize, &split::Piece)> = pieces.iter().enumerate().collect();
    largest_first.sort_by_key(|(n, p)| (std::cmp::Reverse(p.end - p.start), *n));
    let failed = AtomicBool::new(false);
    let mut done = crate::parallel::map_in_order(&largest_first, jobs, |&(n, piece)| {
        if failed.load(Ordering::Relaxed) {
            return (n, None);
        }
        let Some(parsed) = yaml::piece_documents(&source.text, piece, &options.limits) else {
            failed.store(true, Ordering::Relaxed);
            return (n, None);
        };
        let count = parsed.len();
        let mut part = LoadReport::default();
        for (i, item) in parsed.into_iter().enumerate() {
            load_parsed(item, source, i, options, &mut part);
        }
        (n, Some((count, part)))
    });
    done.sort_unstable_by_key(|(n, _)| *n);
    let mut before = 0;
    let mut reports = Vec::with_capacity(done.len());
    for (_, part) in done {
        let (count, mut part) = part?;
        shift(&mut part, before);
        before += count;
        reports.push(part);
    }
    Some(reports)
}

/// Renumbers the documents of a piece's report as documents of the whole source, `by` after the
/// piece's own numbers.
fn shift(part: &mut LoadReport, by: usize) {
    let renumber = |error: &mut crate::Error| {
        let location = error.location_mut();
        location.document = location.document.map(|d| d + by);
    };
    for loaded in &mut part.documents {
        loaded.document += by;
        loaded.warnings.iter_mut().for_each(renumber);
    }
    part.errors.iter_mut().for_each(renumber);
}
