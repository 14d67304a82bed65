import Foundation

/// The `sqlite3` command-line shell as a second program reading and writing the store.
enum SQLiteCLI {
    /// Runs `sql` against `store` and returns standard output, trimmed.
    @discardableResult
    static func run(_ store: String, _ sql: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = ["-cmd", ".timeout 5000", store, sql]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func int(_ store: String, _ sql: String) throws -> Int {
        Int(try run(store, sql)) ?? -1
    }
}

/// Writes a CSV of `count` customers with distinct mobiles (010-7000-0000 upwards).
func writeCustomersCSV(count: Int, to path: String) throws {
    var csv = "\u{FEFF}성명,휴대폰,그룹\n"
    csv.reserveCapacity(count * 32)
    let family = ["김", "이", "박", "최", "정", "강", "조", "윤"]
    let given = ["민준", "서연", "도윤", "하은", "지호", "수아", "현우", "지유"]
    for i in 0..<count {
        let name = family[i % family.count] + given[(i / family.count) % given.count]
        csv += "\(name),010-\(7000 + i / 10000)-\(String(format: "%04d", i % 10000)),고객\n"
    }
    try csv.write(toFile: path, atomically: true, encoding: .utf8)
}
