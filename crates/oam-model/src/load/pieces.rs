//! A large YAML stream loaded in pieces, each parsed and typed on its own thread, with the
//! result of loading it on one.

use std::sync::Arc;
use std::sync::mpsc;

use super::{LoadOptions, LoadReport, Source, load_parsed, split, yaml};

/// YAML texts smaller than this are loaded on one thread: a piece is not worth a thread below it.
const PIECES_MIN_BYTES: usize = 64 << 10;

/// The reports of a YAML source loaded in pieces (cut at document markers) on up to `jobs`
/// threads, in text order; `None` when the source is small, has no pieces, or a piece does not
/// parse within its share of the budgets, and the caller loads it sequentially.
///
/// Each thread parses its piece, learns from the thread before it how many documents come
/// before (and tells the next), then types its documents with their indices in the whole
/// source. Parsing and typing on the same thread keep the trees and the typed documents in one
/// allocator arena: typing the trees on other threads than parsed them took 30% more memory.
pub(super) fn load_yaml_in_pieces(
    source: &Arc<Source>,
    options: &LoadOptions,
    jobs: usize,
) -> Option<Vec<LoadReport>> {
    if jobs < 2 || source.text.len() < PIECES_MIN_BYTES {
        return None;
    }
    let pieces = split::pieces(&source.text, jobs);
    if pieces.len() < 2 {
        return None;
    }
    // The number of documents before each piece, passed from each thread to the next; `None`
    // (or a closed channel) when a piece before failed.
    let (senders, receivers): (Vec<_>, Vec<_>) = (0..=pieces.len())
        .map(|_| mpsc::channel::<Option<usize>>())
        .unzip();
    let _ = senders[0].send(Some(0));
    let load = |piece: &split::Piece,
                before: mpsc::Receiver<Option<usize>>,
                after: mpsc::Sender<Option<usize>>| {
        let parsed = yaml::piece_documents(&source.text, piece, &options.limits);
        let base = before.recv().ok().flatten();
        let (Some(parsed), Some(base)) = (parsed, base) else {
            let _ = after.send(None);
            return None;
        };
        let _ = after.send(Some(base + parsed.len()));
        let mut part = LoadReport::default();
        for (i, item) in parsed.into_iter().enumerate() {
            load_parsed(item, source, base + i, options, &mut part);
        }
        Some(part)
    };
    let parts: Vec<Option<LoadReport>> = std::thread::scope(|scope| {
        let mut work = pieces
            .iter()
            .zip(receivers.into_iter().zip(senders.into_iter().skip(1)));
        let first = work.next();
        let others: Vec<_> = work
            .map(|(piece, (before, after))| scope.spawn(move || load(piece, before, after)))
            .collect();
        let mut parts = vec![first.and_then(|(piece, (before, after))| load(piece, before, after))];
        for handle in others {
            parts.push(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        parts
    });
    parts.into_iter().collect()
}
