#if canImport(Glibc)
import Glibc
#endif

/// Gives memory freed by a large bulk write back to the system.
///
/// A bulk write (an import, a campaign) allocates on two threads and frees across them; glibc
/// keeps such freed memory in per-thread arenas, so a long-running daemon that creates many
/// large campaigns would keep the high-water mark of each arena resident. Trimming after a
/// large write returns the free pages. A no-op where glibc is absent.
public enum MemoryTrim {
    /// Trims after a write of `rows` rows when that is at least `threshold`.
    public static func afterBulkWrite(rows: Int, threshold: Int = 50_000) {
        guard rows >= threshold else { return }
        #if canImport(Glibc)
        // glibc's `malloc_trim(size_t)` is not in the Glibc module map (it lives in malloc.h).
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }
}
