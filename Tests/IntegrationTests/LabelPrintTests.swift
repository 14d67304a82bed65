import Foundation
import Testing

/// `kimbiseo labels`: what ends up on a sticker that goes to a customer.
@Suite("Label printing from the command line")
struct LabelPrintTests {
    @Test("stickers carry no customer code or group/grade unless --key-line asks for them")
    func noInternalDataByDefault() throws {
        let dir = TempDir()
        let store = dir.path("store.sqlite"), config = dir.path("kimbiseo.yaml")
        try "anniversaries:\n  enabled: false\n".write(toFile: config, atomically: true, encoding: .utf8)
        let example = KimbiseoBinary.packageRoot.appendingPathComponent("examples/customers.csv").path
        let imported = try runKimbiseo(["customers", "import", example, "--store", store, "--config", config], in: dir.url)
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let codes = try SQLiteCLI.run(store, """
            SELECT code FROM customer WHERE home_address IS NOT NULL OR work_address IS NOT NULL
            """).split(separator: "\n").map(String.init)
        try #require(!codes.isEmpty)

        func print(_ extra: [String], to name: String) throws -> String {
            let pdf = dir.path(name)
            let run = try runKimbiseo(
                ["labels", "--all", "--sheet", "LS-3108", "-o", pdf, "--store", store, "--config", config] + extra,
                in: dir.url)
            try #require(run.status == 0, "labels failed: \(run.stderr)")
            return try pdfText(pdf)
        }
        let plain = try print([], to: "dm.pdf")
        for code in codes { #expect(!plain.contains(code), "\(code) printed on a customer's sticker") }
        let inHouse = try print(["--key-line"], to: "inhouse.pdf")
        #expect(codes.contains { inHouse.contains($0) }, "--key-line prints the codes")
    }
}
