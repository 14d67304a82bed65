import Foundation
import Testing
@testable import Store

@Suite("Store watcher")
struct StoreWatcherTests {
    /// Runs the `sqlite3` CLI on the store with one SQL statement; returns its exit status.
    static func sqlite3(_ path: String, _ sql: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = ["-cmd", ".timeout 5000", path, sql]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("a customer inserted by the sqlite3 CLI is noticed within one second")
    func noticesSqlite3() async throws {
        let store = try KimbiseoStore.openTemporary()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path) }
        let watcher = StoreWatcher(store: store, fallbackInterval: .milliseconds(500))
        try watcher.start()
        defer { watcher.stop() }
        let changes = watcher.changes()

        let start = ContinuousClock.now
        #expect(try Self.sqlite3(store.path, "INSERT INTO customer (name, mobile) VALUES ('외부고객', '01055556666');") == 0)
        let written = ContinuousClock.now
        // Wait generously for the stream (tests run in parallel on a busy machine); the
        // one-second promise is checked on the instant the watcher noticed the commit.
        let noticed = await withTaskGroup(of: Bool.self) { group in
            group.addTask { for await _ in changes { return true }; return false }
            group.addTask { try? await Task.sleep(for: .seconds(5)); return false }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        #expect(noticed)
        let noticedAt = try #require(watcher.lastChangeNoticedAt)
        // From launching sqlite3 (an upper bound on the time since its commit).
        let latency = noticedAt - start
        print("sqlite3 write noticed \(latency) after launching it (the process ran \(written - start))")
        #expect(latency < .seconds(1))
        #expect(watcher.changesNoticed == 1)
        // The row the other process wrote is visible, with a generated code.
        #expect(try store.cards(search: "외부고객").first?.code == "C000001")
    }

    @Test("the store's own writes are not reported")
    func ignoresOwnWrites() throws {
        let store = try KimbiseoStore.openTemporary()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path) }
        let watcher = StoreWatcher(store: store)
        try watcher.start()
        defer { watcher.stop() }
        try store.add(CustomerCard(name: "내부고객"))
        #expect(try watcher.checkNow() == false)
        #expect(try Self.sqlite3(store.path, "UPDATE customer SET memo = 'x';") == 0)
        #expect(try watcher.checkNow() || watcher.changesNoticed == 1)
    }

    @Test("stop ends the change streams")
    func stopEndsStreams() async throws {
        let store = try KimbiseoStore.openTemporary()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path) }
        let watcher = StoreWatcher(store: store)
        try watcher.start()
        let changes = watcher.changes()
        watcher.stop()
        var count = 0
        for await _ in changes { count += 1 }
        #expect(count == 0)
    }

    @Test("a watcher dropped without stop ends its thread")
    func dropWithoutStop() async throws {
        let store = try KimbiseoStore.openTemporary()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path) }
        var watcher: StoreWatcher? = StoreWatcher(store: store, fallbackInterval: .milliseconds(20))
        try watcher?.start()
        weak let weakWatcher = watcher
        try await Task.sleep(for: .milliseconds(100))
        watcher = nil
        try await Task.sleep(for: .milliseconds(100))
        #expect(weakWatcher == nil)
    }
}
