import Foundation

/// A short queue of card chunks from a reading thread to the importing one.
///
/// The reader blocks while ``capacity`` chunks wait, so memory holds a few chunks, not the
/// file. Once the importer gives up (``cancel()``), chunks are dropped and the reader runs to
/// its end unblocked, so its own problems can still be reported.
final class CardPipe: @unchecked Sendable {
    let capacity: Int
    private let condition = NSCondition()
    private var chunks: [[SourcedCard]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    init(capacity: Int) { self.capacity = capacity }

    /// Reader: hands over a chunk, waiting while the queue is full.
    func put(_ chunk: [SourcedCard]) {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if !cancelled { chunks.append(chunk) }
        condition.broadcast()
    }

    /// Reader: there is nothing more; `error` when reading failed.
    func finish(error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Importer: the next chunk, or `nil` once the reader finished (see ``readerError``).
    func take() -> [SourcedCard]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        condition.broadcast()
        return chunks.removeFirst()
    }

    /// Importer: the reader's error, once ``take()`` returned `nil`.
    var readerError: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Importer: stops taking chunks, waits for the reader to finish and returns its error.
    func cancelAndWait() -> (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        return failure
    }
}
