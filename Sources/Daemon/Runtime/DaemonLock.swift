import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one-daemon-per-store lock: `kimbiseo serve` holds it for its whole life, so a second
/// daemon on the same store refuses to start instead of sending alongside the first (twice the
/// rate, and with a real gateway the duplicate risk the outbox exists to prevent).
///
/// The lock is an advisory `flock` on `<store>.daemon.lock`, a file beside the store holding the
/// holder's process id. The kernel releases it when the process ends, however it ends (kill -9
/// included), so a stale file never blocks a restart. Commands other than `serve` do not take it.
public final class DaemonLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Why the lock could not be taken.
    public struct Failure: Error, CustomStringConvertible {
        /// What to tell the operator.
        public let description: String
    }

    /// Takes the lock for `storePath`, or fails at once naming the process that holds it.
    /// - Throws: ``Failure`` when another process holds it, or the file cannot be opened.
    public init(storePath: String) throws(Failure) {
        path = storePath + ".daemon.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw Failure(description: "\(path): cannot open the daemon lock: \(String(cString: strerror(errno)))")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPID(fd)
            close(fd)
            let who = holder.map { "process \($0)" } ?? "another process"
            throw Failure(description:
                "another kimbiseo serve (\(who)) is already running on this store (lock \(path)); stop it first")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        descriptor = fd
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        close(descriptor)
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(fd, &buffer, buffer.count - 1, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}
