import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A vendor fake from `Tests/Fakes` running on loopback (`--no-fsync`, unlimited balance).
final class Fake {
    let kind: String
    let port: Int
    let stateDirectory: String
    private let process: Process

    /// Starts `Tests/Fakes/<kind>_fake.py` and reads its `{"port": N}` line.
    init(kind: String, fakes: String) throws {
        self.kind = kind
        stateDirectory = NSTemporaryDirectory() + "kimbiseo-gwbench-\(kind)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "\(fakes)/\(kind)_fake.py", "--state-dir", stateDirectory, "--no-fsync", "--balance", "1e15",
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = Self.firstLine(out.fileHandleForReading)
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let port = object["port"] as? Int
        else {
            process.terminate()
            throw BenchError("\(kind) fake did not print its port (got \"\(line)\")")
        }
        self.port = port
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// SIGTERM, then SIGKILL after a second; removes the state directory.
    func stop() {
        process.terminate()
        for _ in 0..<20 where process.isRunning { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(atPath: stateDirectory)
    }

    static func firstLine(_ handle: FileHandle) -> String {
        var bytes = Data()
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// `Tests/Fakes/raw_capacity.py` against a running fake: messages/s of a plain Python
/// `http.client` loop (one keep-alive connection, the same prebuilt body each time).
func pythonRawCapacity(fakes: String, fake: Fake, batch: Int, seconds: Int) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "python3", "\(fakes)/raw_capacity.py", "--gateway", fake.kind, "--url", fake.baseURL,
        "--batch", String(batch), "--seconds", String(seconds), "--threads", "1", "--json",
    ]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let first = String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "{}"
    guard let object = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any],
          let rate = object["messages_per_s"] as? Double
    else { throw BenchError("raw_capacity.py gave no messages_per_s for \(fake.kind) (got \"\(first)\")") }
    return rate
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
