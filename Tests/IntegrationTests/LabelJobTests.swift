import Foundation
import Testing

/// Label prints requested through the store: a `label_job` row written by another program is
/// rendered by the running daemon into `labels.output_dir`, and its result recorded.
@Suite("Label jobs through the store", .serialized)
struct LabelJobTests {
    @Test("a label_job row written with sqlite3 becomes a PDF; a bad sheet fails naming the column")
    func labelJobFromAnotherProgram() throws {
        let dir = TempDir()
        let store = dir.path("store.sqlite"), config = dir.path("kimbiseo.yaml"), output = dir.path("labels")
        try "labels:\n  output_dir: \(output)\nanniversaries:\n  enabled: false\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let example = KimbiseoBinary.packageRoot.appendingPathComponent("examples/customers.csv").path
        let imported = try runKimbiseo(["customers", "import", example, "--store", store, "--config", config], in: dir.url)
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let vip = try SQLiteCLI.int(store, """
            SELECT count(*) FROM customer c JOIN customer_group g ON g.id = c.group_id
            WHERE g.name = 'VIP고객' AND (c.home_address IS NOT NULL OR c.work_address IS NOT NULL)
            """)

        let daemon = try DaemonProcess(arguments: ["serve", "--store", store, "--config", config], in: dir.url)
        #expect(daemon.waitForLine(containing: "kimbiseo ready", timeout: 20) != nil)
        try SQLiteCLI.run(store, """
            INSERT INTO label_job (groups, sheet, output_name) VALUES ('["VIP고객"]', 'LS-3108', 'vip.pdf');
            INSERT INTO label_job (all_customers, sheet) VALUES (1, 'LS-9999');
            """)
        let deadline = Date().addingTimeInterval(20)
        var states = ""
        while Date() < deadline {
            states = try SQLiteCLI.run(store, "SELECT group_concat(state) FROM (SELECT state FROM label_job ORDER BY id)")
            if states == "done,failed" { break }
            usleep(100_000)
        }
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(timeout: 20) == 0)
        #expect(states == "done,failed")
        #expect(try SQLiteCLI.run(store, "SELECT output_path FROM label_job WHERE id = 1") == output + "/vip.pdf")
        #expect(try SQLiteCLI.int(store, "SELECT labels FROM label_job WHERE id = 1") == vip)
        #expect(try SQLiteCLI.run(store, "SELECT error FROM label_job WHERE id = 2") == "label_job 2: sheet: unknown sheet 'LS-9999'")
        let text = try pdftotext(output + "/vip.pdf")
        let names = try SQLiteCLI.run(store, """
            SELECT c.name FROM customer c JOIN customer_group g ON g.id = c.group_id WHERE g.name = 'VIP고객'
            """).split(separator: "\n")
        #expect(!names.isEmpty)
        for name in names { #expect(text.contains(name), "\(name) missing from the PDF") }
    }

    private func pdftotext(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = [path, "-"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
