import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// sd_notify(3) without libsystemd: one `AF_UNIX` datagram per message to `$NOTIFY_SOCKET`.
///
/// A socket path starting with `@` is in the abstract namespace. When `NOTIFY_SOCKET` is unset
/// (not started by systemd) every call is a no-op, so the daemon runs the same in a terminal.
/// `WATCHDOG_USEC` (and `WATCHDOG_PID`, when set, must be our pid) enables the watchdog.
public struct SystemdNotifier: Sendable {
    let socketPath: String?
    /// How often systemd expects `WATCHDOG=1`; `nil` when the watchdog is off.
    public let watchdogInterval: Duration?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["NOTIFY_SOCKET"]
        socketPath = (path?.isEmpty ?? true) ? nil : path
        if let usec = environment["WATCHDOG_USEC"].flatMap(Int64.init), usec > 0,
            environment["WATCHDOG_PID"].flatMap(Int32.init).map({ $0 == getpid() }) ?? true
        {
            watchdogInterval = .microseconds(usec)
        } else {
            watchdogInterval = nil
        }
    }

    /// Whether a notify socket is configured.
    public var isEnabled: Bool { socketPath != nil }

    /// `READY=1` plus an optional status line.
    public func ready(status: String? = nil) {
        send("READY=1" + (status.map { "\nSTATUS=\($0)" } ?? ""))
    }

    public func status(_ text: String) { send("STATUS=\(text)") }

    /// `RELOADING=1` with `MONOTONIC_USEC`, as systemd ≥ 253 expects; older versions ignore it.
    public func reloading() {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        let usec = Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
        send("RELOADING=1\nMONOTONIC_USEC=\(usec)")
    }

    public func stopping() { send("STOPPING=1") }

    public func watchdog() { send("WATCHDOG=1") }

    /// Sends one raw notification. Returns whether the datagram was sent.
    @discardableResult
    public func send(_ message: String) -> Bool {
        guard let socketPath else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }

        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: addr.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
        }
        // Abstract addresses have no trailing NUL in the length.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &addr) { ptr in
            ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bytes.withUnsafeBytes { buf in
                    sendto(fd, buf.baseAddress, buf.count, Int32(MSG_NOSIGNAL), sa, length)
                }
            }
        }
        return sent == bytes.count
    }
}
