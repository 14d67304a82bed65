import Foundation

/// One of the loopback SMS gateway fakes in `Tests/Fakes` running as a child process.
final class FakeGateway {
    let process = Process()
    let stateDirectory: URL
    let port: Int

    /// Starts `Tests/Fakes/<kind>_fake.py` and waits for the `{"port": N}` line.
    init(kind: String, directory: URL, extraArguments: [String] = []) throws {
        stateDirectory = directory.appendingPathComponent("fake-\(kind)")
        let script = KimbiseoBinary.packageRoot.appendingPathComponent("Tests/Fakes/\(kind)_fake.py").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--state-dir", stateDirectory.path, "--no-fsync", "--status-step", "0.2"]
            + extraArguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        guard let port = (object?["port"] as? NSNumber)?.intValue else {
            process.terminate()
            throw POSIXError(.ECONNREFUSED)
        }
        self.port = port
        // Keep draining its output so a full pipe never blocks the fake.
        out.fileHandleForReading.readabilityHandler = { handle in _ = handle.availableData }
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every message the fake accepted, as recorded in `accepted.jsonl`.
    func acceptedRecords() throws -> [[String: Any]] {
        let file = stateDirectory.appendingPathComponent("accepted.jsonl").path
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").compactMap {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    deinit {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}
