//! Work over many items (files, findings) on as many threads as pay off.

/// `f` over `items` on as many threads as pay off, each with its own `state`; the results
/// keep the order of `items`.
pub fn in_parallel<T: Sync, S, R: Send>(
    items: &[T],
    state: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let part = |part: &[T]| -> Vec<R> {
        let mut s = state();
        part.iter().map(|item| f(&mut s, item)).collect()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len() / 16)
        .max(1);
    if threads == 1 {
        return part(items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = items.chunks(chunk).map(|c| s.spawn(|| part(c))).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}
