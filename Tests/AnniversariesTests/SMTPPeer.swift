import Foundation

/// The Transport tests' loopback SMTP server (`aiosmtpd`, Tests/TransportTests/Peers/smtp_peer.py)
/// run for one test: it prints `PORT <n>`, stores each accepted message as `<n>.eml` plus a
/// `<n>.json` of what Python's `email` package decoded, and exits when its stdin closes.
final class SMTPPeer: @unchecked Sendable {
    // @unchecked: every property is set before the instance is shared and only read after.
    private let process = Process()
    private let input = Pipe()
    let maildir: URL
    private(set) var port = 0

    var url: String { "smtp://127.0.0.1:\(port)" }

    private init(maildir: URL) {
        self.maildir = maildir
    }

    static func start() async throws -> SMTPPeer {
        let maildir = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
        let peer = SMTPPeer(maildir: maildir)
        try await peer.launch()
        return peer
    }

    private func launch() async throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.smtpPeer, maildir.path]
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let reader = output.fileHandleForReading
        // A blocking read: on a GCD thread, not the cooperative pool.
        port = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var text = ""
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { return continuation.resume(throwing: CocoaError(.fileReadUnknown)) }
                    text += String(decoding: chunk, as: UTF8.self)
                    for line in text.split(separator: "\n") where line.hasPrefix("PORT ") {
                        if let port = Int(line.dropFirst(5)) { return continuation.resume(returning: port) }
                    }
                }
            }
        }
    }

    /// How many messages the server accepted.
    var count: Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: maildir.path)) ?? []).filter { $0.hasSuffix(".eml") }.count
    }

    /// The decoded summary of accepted message `number` (1-based).
    func parsed(_ number: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: maildir.appendingPathComponent("\(number).json"))
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// Stops the server now (as a crash would).
    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        try? FileManager.default.removeItem(at: maildir)
    }
}

/// A loopback port with nothing listening on it (bound, then closed).
func closedPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}
