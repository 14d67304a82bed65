import Foundation

/// A loopback peer script from `Peers/`, run with `python3` for the length of one test.
///
/// The script announces its ports (and files) as `NAME <value>` lines on stdout and exits
/// when its stdin closes, so a crashed test process leaves no peer behind.
final class PeerProcess: @unchecked Sendable {
    // @unchecked: all state is set in `start` before the instance is shared, then read only.
    private let process = Process()
    private let stdin = Pipe()
    private(set) var values: [String: String] = [:]

    /// Starts `Peers/<script>` and waits until it has printed every name in `expecting`.
    static func start(_ script: String, arguments: [String] = [], expecting: [String]) async throws -> PeerProcess {
        let peer = PeerProcess()
        try await peer.launch(script: script, arguments: arguments, expecting: expecting)
        return peer
    }

    static var peersDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Peers")
    }

    func port(_ name: String = "PORT") -> Int { values[name].flatMap { Int($0) } ?? 0 }

    private func launch(script: String, arguments: [String], expecting: [String]) async throws {
        let stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.peersDirectory.appendingPathComponent(script).path] + arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let handle = stdout.fileHandleForReading
        // Reading blocks, so it happens on a GCD thread, not on Swift's cooperative pool.
        values = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var found: [String: String] = [:]
                var buffer = Data()
                while !expecting.allSatisfy({ found[$0] != nil }) {
                    let chunk = handle.availableData
                    if chunk.isEmpty {
                        continuation.resume(throwing: PeerError.exitedEarly(script))
                        return
                    }
                    buffer.append(chunk)
                    // Complete lines only: a value cut by a chunk boundary is read next time.
                    guard let end = buffer.lastIndex(of: UInt8(ascii: "\n")) else { continue }
                    let complete = buffer[..<end]
                    for line in String(decoding: complete, as: UTF8.self).split(separator: "\n") {
                        let fields = line.split(separator: " ", maxSplits: 1)
                        if fields.count == 2 { found[String(fields[0])] = String(fields[1]) }
                    }
                }
                continuation.resume(returning: found)
            }
        }
    }

    deinit {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
    }
}

enum PeerError: Error {
    case exitedEarly(String)
}

/// A fresh temporary directory for one test.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("kimbiseo-transport-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
