import Foundation

/// `kimbiseo serve` running as a child process, with its stdout collected line by line.
final class DaemonProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var lines: [String] = []
    private var partial = Data()

    init(arguments: [String], in directory: URL, environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: KimbiseoBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "KIMBISEO_STORE"); env.removeValue(forKey: "KIMBISEO_CONFIG")
        env.removeValue(forKey: "NOTIFY_SOCKET"); env.removeValue(forKey: "JOURNAL_STREAM")
        env.removeValue(forKey: "WATCHDOG_USEC")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock()
            self.partial.append(data)
            while let nl = self.partial.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: self.partial[self.partial.startIndex..<nl], as: UTF8.self)
                self.lines.append(line)
                self.partial.removeSubrange(self.partial.startIndex...nl)
            }
            self.lock.unlock()
        }
        try process.run()
    }

    var output: [String] { lock.lock(); defer { lock.unlock() }; return lines }

    /// Waits until a line containing `text` appears; returns it, or nil after `timeout`.
    func waitForLine(containing text: String, timeout: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = output.first(where: { $0.contains(text) }) { return line }
            usleep(20_000)
        }
        return nil
    }

    func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }
    /// The daemon's process id.
    var pid: Int32 { process.processIdentifier }

    /// Waits for exit; returns the status, or nil if still running after `timeout`.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
    }
}
