import Foundation
import Testing
@testable import Store

/// Counts where it is freed: on the thread that made it, or elsewhere.
private final class Tracked: @unchecked Sendable {
    static let lock = NSLock()
    nonisolated(unsafe) static var freedByMaker = 0
    nonisolated(unsafe) static var freedElsewhere = 0
    let maker = pthread_self()

    deinit {
        let here = pthread_equal(maker, pthread_self()) != 0
        Self.lock.withLock { if here { Self.freedByMaker += 1 } else { Self.freedElsewhere += 1 } }
    }
}

@Suite("Chunk pipes", .serialized)
struct ChunkPipeTests {
    @Test("every element arrives once, in order, in chunks of the chunk size")
    func order() {
        let pipe = ChunkPipe<Int>(capacity: 2, chunkSize: 7)
        pipe.startProducer(name: "pipe-test-order") { emit in
            for n in 0..<100 { emit(n) }
        }
        var seen: [Int] = []
        var sizes: [Int] = []
        while let chunk = pipe.take() {
            seen += chunk
            sizes.append(chunk.count)
        }
        #expect(seen == Array(0..<100))
        #expect(sizes.dropLast().allSatisfy { $0 == 7 } && sizes.last == 100 % 7)
        #expect(pipe.producerError == nil)
    }

    @Test("chunks handed back are freed on the producing thread")
    func recycledChunksAreFreedByTheProducer() {
        Tracked.lock.withLock { Tracked.freedByMaker = 0; Tracked.freedElsewhere = 0 }
        let pipe = ChunkPipe<Tracked>(capacity: 2, chunkSize: 10)
        pipe.startProducer(name: "pipe-test-producer") { emit in
            for _ in 0..<1_000 { emit(Tracked()) }
        }
        while let chunk = pipe.take() {
            pipe.recycle(consume chunk)
        }
        let (byMaker, elsewhere) = Tracked.lock.withLock { (Tracked.freedByMaker, Tracked.freedElsewhere) }
        // Chunks handed back after the producer's last put are freed with the pipe, on either thread.
        #expect(byMaker >= 1_000 - 2 * 10 * (pipe.capacity + 2))
        #expect(elsewhere <= 10 * (pipe.capacity + 2))
    }

    @Test("a producer's error is reported after its chunks")
    func producerError() {
        struct Broken: Error {}
        let pipe = ChunkPipe<Int>(capacity: 4, chunkSize: 3)
        pipe.startProducer(name: "pipe-test-error") { emit in
            for n in 0..<5 { emit(n) }
            throw Broken()
        }
        var seen: [Int] = []
        while let chunk = pipe.take() { seen += chunk }
        // The partial last chunk is not handed over when producing fails.
        #expect(seen == [0, 1, 2])
        #expect(pipe.producerError is Broken)
    }

    @Test("work left to whenAhead is done by the producer while the consumer is behind, else by the consumer")
    func whenAhead() {
        struct Item: Sendable { var n: Int; var preparedBy = "" }
        let pipe = ChunkPipe<Item>(capacity: 3, chunkSize: 10)
        pipe.startProducer(name: "pipe-test-ahead", whenAhead: { chunk in
            for i in chunk.indices { chunk[i].preparedBy = "producer" }
        }) { emit in
            for n in 0..<500 { emit(Item(n: n)) }
        }
        var items: [Item] = []
        while var chunk = pipe.take() {
            usleep(2_000) // a slow consumer: the producer gets ahead
            for i in chunk.indices where chunk[i].preparedBy.isEmpty { chunk[i].preparedBy = "consumer" }
            items += chunk
        }
        #expect(items.map(\.n) == Array(0..<500))
        #expect(items.allSatisfy { !$0.preparedBy.isEmpty })
        // The first chunk finds nothing waiting, so the consumer prepares it.
        #expect(items.first?.preparedBy == "consumer")
        #expect(items.contains { $0.preparedBy == "producer" })
    }
}
