import Foundation
import Testing

/// `kimbiseo serve` as systemd sees it: READY after the store is open, WATCHDOG pings,
/// RELOADING/READY around SIGHUP, a bad config kept out, STOPPING and exit 0 on SIGTERM.
@Suite("Daemon lifecycle", .serialized)
struct DaemonLifecycleTests {
    @Test("serve under a fake NOTIFY_SOCKET: ready, watchdog, reload, bad reload, stop")
    func lifecycle() throws {
        let dir = TempDir()
        let config = dir.path("kimbiseo.yaml")
        try "log:\n  level: debug\n".write(toFile: config, atomically: true, encoding: .utf8)
        let notify = try FakeNotifySocket(directory: dir.url)
        let daemon = try DaemonProcess(
            arguments: ["serve", "--store", dir.path("store.sqlite"), "--config", config],
            in: dir.url,
            environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"])

        let startup = notify.receive(until: "READY=1", timeout: 15)
        #expect(startup.contains { $0.contains("READY=1") }, "no READY=1; got \(startup); output \(daemon.output)")
        #expect(FileManager.default.fileExists(atPath: dir.path("store.sqlite")), "READY before the store exists")

        let pings = notify.receive(until: "WATCHDOG=1", timeout: 2)
        #expect(pings.contains("WATCHDOG=1"), "no watchdog ping; got \(pings)")

        try "log:\n  level: info\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let reload = notify.receive(until: "READY=1", timeout: 5).filter { $0 != "WATCHDOG=1" }
        #expect(reload.first?.hasPrefix("RELOADING=1") == true, "got \(reload)")
        #expect(reload.last?.contains("READY=1") == true, "got \(reload)")
        #expect(daemon.waitForLine(containing: "configuration reloaded", timeout: 5) != nil)

        try "sms:\n  sendr: typo\n".write(toFile: config, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        let bad = daemon.waitForLine(containing: "configuration not reloaded", timeout: 5)
        #expect(bad?.contains("sms.sendr") == true, "got \(String(describing: bad))")
        #expect(daemon.process.isRunning)

        daemon.signal(SIGTERM)
        let stop = notify.receive(until: "STOPPING=1", timeout: 5)
        #expect(stop.contains("STOPPING=1"), "got \(stop)")
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test("a write by the sqlite3 CLI is noticed within a second")
    func noticesOtherWriters() throws {
        let dir = TempDir()
        let store = dir.path("store.sqlite")
        let config = dir.path("kimbiseo.yaml")
        try "log:\n  level: debug\n".write(toFile: config, atomically: true, encoding: .utf8)
        let notify = try FakeNotifySocket(directory: dir.url)
        let daemon = try DaemonProcess(
            arguments: ["serve", "--store", store, "--config", config], in: dir.url,
            environment: ["NOTIFY_SOCKET": notify.path])
        #expect(notify.receive(until: "READY=1", timeout: 15).contains { $0.contains("READY=1") })

        let before = daemon.output.filter { $0.contains("store changed") }.count
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = ["-cmd", ".timeout 5000", store, "INSERT INTO customer_group(name) VALUES ('외부작성');"]
        try sqlite.run()
        sqlite.waitUntilExit()
        // Timed from the write's commit (sqlite3 has exited), not from starting the sqlite3
        // process, which alone can take most of a second on a loaded machine.
        let started = Date()
        #expect(sqlite.terminationStatus == 0)
        var noticed: Date?
        while Date().timeIntervalSince(started) < 3 {
            if daemon.output.filter({ $0.contains("store changed") }).count > before { noticed = Date(); break }
            usleep(10_000)
        }
        let delay = noticed.map { $0.timeIntervalSince(started) }
        #expect(delay != nil && delay! < 1.0, "noticed after \(String(describing: delay)) s")
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 10) == 0)
    }

    @Test("a bad configuration file stops serve before READY, naming the setting")
    func badConfigAtStart() throws {
        let dir = TempDir()
        let config = dir.path("kimbiseo.yaml")
        try "sms:\n  gateway:\n    kind: pigeon\n".write(toFile: config, atomically: true, encoding: .utf8)
        let result = try runKimbiseo(["serve", "--store", dir.path("s.sqlite"), "--config", config], in: dir.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("sms.gateway.kind"), "stderr: \(result.stderr)")
    }
}
