import Foundation
import Testing

/// One daemon per store: a second `kimbiseo serve` on the same store must not send too.
@Suite("One daemon per store", .serialized)
struct DaemonLockTests {
    @Test("a second serve on the same store refuses to start and names the running one; after it stops, a new one starts")
    func secondDaemonRefused() throws {
        let dir = TempDir()
        let store = dir.path("store.sqlite"), config = dir.path("kimbiseo.yaml")
        try "anniversaries:\n  enabled: false\n".write(toFile: config, atomically: true, encoding: .utf8)
        let first = try DaemonProcess(arguments: ["serve", "--store", store, "--config", config], in: dir.url)
        try #require(first.waitForLine(containing: "kimbiseo ready", timeout: 20) != nil)

        let second = try runKimbiseo(["serve", "--store", store, "--config", config], in: dir.url)
        #expect(second.status != 0)
        #expect(second.stderr.contains("already running"), "\(second.stderr)")
        #expect(second.stderr.contains("process \(first.pid)"), "\(second.stderr)")

        first.signal(SIGKILL)
        _ = first.waitForExit(timeout: 10)
        // The kernel released the lock with the killed process: a restart is not blocked.
        let third = try DaemonProcess(arguments: ["serve", "--store", store, "--config", config], in: dir.url)
        #expect(third.waitForLine(containing: "kimbiseo ready", timeout: 20) != nil)
        third.signal(SIGTERM)
        #expect(third.waitForExit(timeout: 20) == 0)
    }
}
