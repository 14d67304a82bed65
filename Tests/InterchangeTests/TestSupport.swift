import Foundation
import Testing
@testable import Interchange
import Store

/// A fresh temporary directory per test.
struct TempDir {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kimbiseo-interchange-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    @discardableResult
    func write(_ name: String, bytes: Data) throws -> String {
        try bytes.write(to: url.appendingPathComponent(name))
        return path(name)
    }
}

/// Options with a fixed "today", so that consent `Y` is predictable.
let fixedOptions = ImportOptions(today: "2025-01-15")

/// The problem lines an import of `text` (as a CSV named `name`) reports.
func csvProblems(_ text: String, name: String = "customers.csv", options: ImportOptions = fixedOptions) -> [String] {
    do {
        _ = try CSVReader.read(Data(text.utf8), file: name, options: options)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

/// The canonical header line.
let canonicalHeader = CustomerColumn.headers.joined(separator: ",")

/// Runs python3 with a script; returns its exit status and standard error.
@discardableResult
func runPython(_ script: String, arguments: [String] = []) throws -> (status: Int32, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A tiny valid PNG (1×1 pixel).
let tinyPNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==") ?? Data()
