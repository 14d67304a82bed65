import Foundation

/// Reads a committed fixture next to this file (`Fixtures/NAME`), skipping `#` comment lines.
func fixtureRows(_ name: String, filePath: String = #filePath) throws -> [[String]] {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name)
    let text = try String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
        $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
}
