//! Work on several threads with the result of one: the helper the loader and the checks share.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The number of threads `jobs` allows: `jobs` itself, or every available core for `None`.
#[must_use]
pub fn threads(jobs: Option<NonZeroUsize>) -> usize {
    jobs.or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get)
}

/// `f` of every item, in the items' order (so the result does not depend on `jobs`), computed
/// on up to `jobs` threads that each take the next item not yet taken (so one slow item does
/// not hold up a thread's share of the others).
/// A panic in `f` is raised again on the calling thread, as it would be on one thread.
///
/// ```
/// let squares = oam_model::parallel::map_in_order(&[1, 2, 3], 2, |x| x * x);
/// assert_eq!(squares, [1, 4, 9]);
/// ```
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = jobs.min(items.len());
    if threads < 2 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let others: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for handle in others {
            all.extend(
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            );
        }
        all
    });
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_whatever_the_threads() {
        let items: Vec<u64> = (0..1_000).collect();
        let square = |x: &u64| x * x;
        let one = super::map_in_order(&items, 1, square);
        assert_eq!(one, items.iter().map(square).collect::<Vec<_>>());
        for jobs in [2, 3, 8, 2_000] {
            assert_eq!(
                super::map_in_order(&items, jobs, square),
                one,
                "{jobs} threads"
            );
        }
        assert!(super::map_in_order(&[] as &[u64], 4, square).is_empty());
    }
}
