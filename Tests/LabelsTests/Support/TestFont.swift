import Foundation
import Labels
import Testing

/// NanumGothic for tests: found through the normal lookup (fonts-nanum on Debian).
/// Tests that need it are disabled with a clear message when it is absent.
enum TestFont {
    static let path: String? = try? FontLocator.locate(configured: nil, fontsDirectory: "/nonexistent")

    static let available = path != nil
    static let missingMessage: Comment = "NanumGothic not installed (apt-get install fonts-nanum)"

    /// A fresh face (faces are not shared between parallel tests).
    static func load() throws -> LabelFont { try LabelFont(path: path ?? "NanumGothic.ttf") }
}

/// A temporary folder removed when the test ends.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("labels-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// Runs a command-line tool and returns its standard output.
func runTool(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(message: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
    }
    return String(decoding: data, as: UTF8.self)
}

struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Whether poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`) are on the PATH.
let popplerAvailable: Bool = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].contains { FileManager.default.isExecutableFile(atPath: $0) }
