import Foundation
import GRDB

extension KimbiseoStore {
    /// Imports the cards `reader` produces while it produces them, in ONE transaction: either
    /// every card is applied or none is.
    ///
    /// `reader` runs on its own thread and hands each card to its `emit` argument; cards travel
    /// to the importing thread in chunks through a short queue, so reading a file and writing
    /// the store overlap, and memory holds a few thousand cards rather than the whole file.
    /// Matching, codes, consent history and the duplicate policy are those of
    /// ``importCards(_:onDuplicate:dryRun:progress:)``.
    ///
    /// - Parameters:
    ///   - expecting: about how many cards `reader` will produce, when it can tell (a file's
    ///     size); the matching tables are sized for them once instead of growing as cards
    ///     arrive. Only capacity depends on it.
    ///   - progress: called on the calling thread with the number of cards applied so far,
    ///     after every chunk.
    /// - Throws: the error `reader` throws (e.g. the file's problems), which wins over a store
    ///   error found meanwhile; otherwise the store's errors, naming the card's location. The
    ///   store is unchanged after any error.
    public func importCards(
        reading reader: @escaping @Sendable (_ emit: (SourcedCard) -> Void) throws -> Void,
        expecting: Int = 0, onDuplicate: DuplicatePolicy, dryRun: Bool, progress: (@Sendable (Int) -> Void)?
    ) throws -> ImportSummary {
        let now = StoreClock.now()
        let pipe = ChunkPipe<PreparedCard>(capacity: 2, chunkSize: Self.streamChunkSize)
        // Cards are prepared (checked, keys hashed, rows encoded) by the reading thread while it
        // is ahead, else by the writing one: a CSV file reads faster than it is written, an
        // XLSX file slower.
        pipe.startProducer(name: "kimbiseo.import-reader", whenAhead: { chunk in
            for n in chunk.indices { chunk[n].prepare(now: now) }
        }) { emit in
            try reader { emit(PreparedCard($0)) }
        }

        var summary = ImportSummary()
        do {
            try writeInBulk(cacheKiB: Self.importCacheKiB) { db in
                var run = try ImportRun(db, onDuplicate: onDuplicate, now: now, expecting: expecting)
                while var chunk = pipe.take() {
                    for n in chunk.indices { try run.add(&chunk[n]) }
                    progress?(run.cardsSeen)
                    pipe.recycle(consume chunk)
                }
                if let error = pipe.producerError { throw error }
                summary = try run.finish()
                return dryRun ? .rollback : .commit
            }
        } catch {
            throw pipe.cancelAndWait() ?? error
        }
        MemoryTrim.afterBulkWrite(rows: summary.added + summary.updated)
        return summary
    }

    /// Cards per chunk handed from the reading thread to the importing one. With two chunks
    /// waiting at most, cards in flight stay near 2,000 (a 100,000-card import peaked about
    /// 10 MB lower than with four chunks of 1,000, at the same speed).
    static let streamChunkSize = 500
}
