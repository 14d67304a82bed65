import Foundation
import Testing

/// `--store` and `--config` work wherever a user writes them.
@Suite("Global options")
struct GlobalOptionsTests {
    @Test("--store and --config before the subcommand act as after it, for every kind of command")
    func beforeTheSubcommand() throws {
        let dir = TempDir()
        let store = dir.path("store.sqlite"), config = dir.path("kimbiseo.yaml")
        try "anniversaries:\n  enabled: false\n".write(toFile: config, atomically: true, encoding: .utf8)
        let example = KimbiseoBinary.packageRoot.appendingPathComponent("examples/customers.csv").path
        let imported = try runKimbiseo(["--store", store, "--config", config, "customers", "import", example], in: dir.url)
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let before = try runKimbiseo(["--store=\(store)", "customers", "list", "--json"], in: dir.url)
        let after = try runKimbiseo(["customers", "list", "--json", "--store", store], in: dir.url)
        #expect(before.status == 0 && after.status == 0)
        #expect(!before.stdout.isEmpty && before.stdout == after.stdout)
        // Commands that read neither store nor settings accept them too.
        let calendar = try runKimbiseo(["--store", store, "calendar", "to-solar", "2026-01-01"], in: dir.url)
        #expect(calendar.status == 0, "\(calendar.stderr)")
        // A missing configuration given first is still an error naming it.
        let missing = try runKimbiseo(["--config", dir.path("nope.yaml"), "customers", "list", "--store", store], in: dir.url)
        #expect(missing.status != 0 && missing.stderr.contains("nope.yaml"))
    }
}
