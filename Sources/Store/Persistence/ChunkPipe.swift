import Foundation

/// A short queue of chunks from a producing thread to a consuming one, so that reading and
/// writing overlap (an import reads a file while the store is written; a campaign renders
/// while its messages are written) and memory holds a few chunks, not everything.
///
/// The producer blocks while ``capacity`` chunks wait. Once the consumer gives up
/// (``cancelAndWait()``), chunks are dropped and the producer runs to its end unblocked, so its
/// own error can still be reported.
public final class ChunkPipe<Element: Sendable>: @unchecked Sendable {
    public let capacity: Int
    public let chunkSize: Int
    private let condition = NSCondition()
    private var chunks: [[Element]] = []
    /// Chunks the consumer is done with, released by the producer (see ``recycle(_:)``).
    private var spent: [[Element]] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    public init(capacity: Int = 4, chunkSize: Int = 1_000) {
        self.capacity = max(1, capacity)
        self.chunkSize = max(1, chunkSize)
    }

    /// Runs `producer` on a new thread named `name`; each element it emits travels in chunks
    /// of ``chunkSize``. The pipe finishes when `producer` returns or throws.
    ///
    /// - Parameter whenAhead: work on a chunk that either thread can do (preparing its
    ///   elements), done by the producer before it hands the chunk over while the consumer
    ///   still has one waiting — the producer is then ahead and its time is free. The consumer
    ///   does what was left undone, so the work settles on the side with time to spare.
    public func startProducer(
        name: String, whenAhead: (@Sendable (inout [Element]) -> Void)? = nil,
        _ producer: @escaping @Sendable (_ emit: (Element) -> Void) throws -> Void
    ) {
        let thread = Thread { [self] in
            var chunk: [Element] = []
            chunk.reserveCapacity(chunkSize)
            func handOver() {
                if let whenAhead, waiting > 0 { whenAhead(&chunk) }
                put(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
            do {
                try producer { element in
                    chunk.append(element)
                    if chunk.count == chunkSize { handOver() }
                }
                if !chunk.isEmpty { handOver() }
                finish(error: nil)
            } catch {
                finish(error: error)
            }
        }
        thread.name = name
        thread.start()
    }

    /// How many chunks wait for the consumer.
    public var waiting: Int {
        condition.lock()
        defer { condition.unlock() }
        return chunks.count
    }

    /// Producer: hands over a chunk, waiting while the queue is full; releases the chunks the
    /// consumer handed back.
    public func put(_ chunk: [Element]) {
        var released: [[Element]] = []
        condition.lock()
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if !cancelled { chunks.append(chunk) }
        swap(&released, &spent)
        condition.broadcast()
        condition.unlock()
        released.removeAll()
    }

    /// Producer: there is nothing more; `error` when producing failed.
    public func finish(error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }

    /// Consumer: the next chunk, or `nil` once the producer finished (see ``producerError``).
    public func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !finished { condition.wait() }
        guard !chunks.isEmpty else { return nil }
        condition.broadcast()
        return chunks.removeFirst()
    }

    /// Consumer: hands back a chunk it is done with, so that the producing thread frees it and
    /// the memory its elements hold. The consumer is the slower side of a pipe (it writes the
    /// store); freeing there is time it does not have. Pass the last reference (`consume`).
    /// Chunks handed back after the producer finished are freed with the pipe.
    public func recycle(_ chunk: consuming [Element]) {
        condition.lock()
        defer { condition.unlock() }
        if !finished && !cancelled { spent.append(chunk) }
    }

    /// Consumer: the producer's error, once ``take()`` returned `nil`.
    public var producerError: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    /// Consumer: stops taking chunks, waits for the producer to finish and returns its error.
    public func cancelAndWait() -> (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        chunks.removeAll()
        spent.removeAll()
        condition.broadcast()
        while !finished { condition.wait() }
        return failure
    }
}
