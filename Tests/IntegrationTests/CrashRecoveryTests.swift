import Foundation
import Testing

/// A campaign survives `kill -9` of the daemon at random moments: after several rounds of
/// kill and restart every message is in the spool exactly once.
@Suite("Crash recovery through the spool gateway", .serialized)
struct CrashRecoveryTests {
    @Test("10,000-message campaign, SIGKILL at random points, restarted: every message exactly once")
    func killNineDuringCampaign() throws {
        let dir = TempDir()
        let store = dir.path("store.sqlite"), spool = dir.path("spool"), config = dir.path("kimbiseo.yaml")
        try """
            sms:
              sender: "0212345678"
              rate_per_second: 4000
              gateway:
                kind: spool
                spool_dir: \(spool)
            anniversaries:
              enabled: false
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let csv = dir.path("customers.csv")
        let total = 10_000
        try writeCustomersCSV(count: total, to: csv)
        let imported = try runKimbiseo(["customers", "import", csv, "--store", store, "--config", config], in: dir.url)
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let created = try runKimbiseo(
            ["campaign", "create", "--text", "<<이름>>님, 12월 행사 안내드립니다.", "--all", "--name", "crash",
             "--store", store, "--config", config], in: dir.url)
        try #require(created.status == 0, "campaign create failed: \(created.stderr) \(created.stdout)")
        #expect(try SQLiteCLI.int(store, "SELECT count(*) FROM message") == total)

        var generator = SystemRandomNumberGenerator()
        for round in 1...4 {
            let daemon = try DaemonProcess(arguments: ["serve", "--store", store, "--config", config], in: dir.url)
            #expect(daemon.waitForLine(containing: "SMS dispatcher running", timeout: 20) != nil, "round \(round): \(daemon.output.suffix(5))")
            usleep(UInt32.random(in: 50_000...900_000, using: &generator))
            daemon.signal(SIGKILL)
            _ = daemon.waitForExit(timeout: 10)
        }
        let daemon = try DaemonProcess(arguments: ["serve", "--store", store, "--config", config], in: dir.url)
        let deadline = Date().addingTimeInterval(120)
        var open = -1
        while Date() < deadline {
            open = try SQLiteCLI.int(store, "SELECT count(*) FROM message WHERE state IN ('pending', 'sending', 'unknown')")
            if open == 0 { break }
            usleep(200_000)
        }
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 20) == 0)
        #expect(open == 0, "messages still open: \(open)")
        #expect(try SQLiteCLI.int(store, "SELECT count(*) FROM message WHERE state = 'accepted'") == total)

        var seen: [Int64: Int] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: spool) where file.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: spool + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                let id = (object?["id"] as? NSNumber)?.int64Value ?? -1
                seen[id, default: 0] += 1
            }
        }
        #expect(seen.count == total, "distinct messages in the spool: \(seen.count)")
        let twice = seen.filter { $0.value > 1 }
        #expect(twice.isEmpty, "sent more than once: \(twice.prefix(5))")
    }
}
