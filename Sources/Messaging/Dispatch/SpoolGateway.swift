import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The default gateway: writes what would be sent, one JSON line per message, into
/// `<directory>/sms-YYYYMMDD.jsonl` (the Asia/Seoul date of sending), and accepts it.
///
/// Line format (keys in this order; `subject` is `null` for SMS):
/// `{"id":12,"campaign":3,"from":"0212345678","to":"01012345678","type":"SMS","subject":null,"text":"…","at":"2026-11-28T23:40:00.000Z"}`
///
/// A batch is appended with one `write(2)` on a file opened with `O_APPEND`, then `fsync`ed
/// before the messages are marked accepted, so a line exists for every accepted message. A
/// crash can leave a torn last line; the next write starts a new line first, and readers
/// (including ``recover(_:since:)``) ignore lines that are not complete JSON objects.
public struct SpoolGateway: SMSGateway {
    public let directory: String
    public let name = "spool"
    public let maxBatchSize: Int
    /// Time source for the file date and `at`.
    let clock: @Sendable () -> Date

    public init(directory: String, maxBatchSize: Int = 500, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.directory = directory
        self.maxBatchSize = maxBatchSize
        self.clock = clock
    }

    /// `sms-YYYYMMDD.jsonl` for the KST date of `date`.
    public static func fileName(for date: Date) -> String {
        let (y, m, d) = OutboxTime.seoulDate(date)
        return String(format: "sms-%04d%02d%02d.jsonl", y, m, d)
    }

    public func send(_ batch: [OutgoingMessage]) async -> [SendResult] {
        guard !batch.isEmpty else { return [] }
        let now = clock()
        let at = OutboxTime.format(now)
        var data = Data()
        for message in batch {
            data.append(contentsOf: Self.line(message, at: at).utf8)
        }
        let path = directory + "/" + Self.fileName(for: now)
        do {
            try append(data, to: path)
        } catch {
            // Nothing or a torn line was written: the messages are not accepted, and a torn
            // line is never read as one.
            return batch.map { _ in .failed(code: "spool", reason: "스풀 파일에 쓸 수 없음: \(error)", retryable: true) }
        }
        return batch.map { .accepted(gatewayID: "spool-\($0.id)") }
    }

    /// The JSON line for one message (with its trailing newline).
    static func line(_ message: OutgoingMessage, at: String) -> String {
        var out = "{\"id\":\(message.id),\"campaign\":\(message.campaignID),\"from\":"
        out += JSONText.quoted(message.from)
        out += ",\"to\":" + JSONText.quoted(message.to)
        out += ",\"type\":\"" + message.type.rawValue + "\""
        out += ",\"subject\":" + (message.subject.map(JSONText.quoted) ?? "null")
        out += ",\"text\":" + JSONText.quoted(message.text)
        out += ",\"at\":\"" + at + "\"}\n"
        return out
    }

    func append(_ data: Data, to path: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw SpoolError(path: path, operation: "open", code: errno) }
        defer { close(fd) }
        var payload = data
        // A torn line from a crash must not swallow the first new one.
        let size = lseek(fd, 0, SEEK_END)
        if size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, size - 1) == 1, last != 0x0A { payload.insert(0x0A, at: 0) }
        }
        try payload.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SpoolError(path: path, operation: "write", code: errno)
                }
                offset += written
            }
        }
        guard fsync(fd) == 0 else { throw SpoolError(path: path, operation: "fsync", code: errno) }
    }

    /// Finds which `ids` have a complete line in the spool files from `since`'s date to today.
    public func recover(_ ids: [Int64], since: Date) async -> RecoveryAnswer {
        let wanted = Set(ids)
        var found: [Int64: String] = [:]
        var day = OutboxTime.seoulDayNumber(since) - 1
        let today = OutboxTime.seoulDayNumber(clock()) + 1
        while day <= today {
            let date = OutboxTime.seoulStartOfDay(day).addingTimeInterval(3600)
            let path = directory + "/" + Self.fileName(for: date)
            if let data = FileManager.default.contents(atPath: path) {
                for id in Self.completeLineIDs(in: data) where wanted.contains(id) {
                    found[id] = "spool-\(id)"
                }
            }
            day += 1
        }
        return .known(accepted: found)
    }

    /// The `id` of every complete line of a spool file: one that starts with `{"id":N,` and
    /// ends with `"}` (the `at` field closes every line ``send(_:)`` writes).
    public static func completeLineIDs(in data: Data) -> [Int64] {
        var ids: [Int64] = []
        let prefix = Array("{\"id\":".utf8)
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            guard line.count > prefix.count + 2, line.last == 0x7D,
                  line[line.endIndex - 2] == 0x22,
                  line.starts(with: prefix)
            else { continue }
            var value: Int64 = 0
            var digits = 0
            for byte in line.dropFirst(prefix.count) {
                guard byte >= 0x30, byte <= 0x39 else { break }
                value = value * 10 + Int64(byte - 0x30)
                digits += 1
            }
            if digits > 0 { ids.append(value) }
        }
        return ids
    }
}

/// A spool file that could not be written.
public struct SpoolError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var operation: String
    public var code: Int32
    public var description: String { "\(path): \(operation) failed: \(String(cString: strerror(code)))" }
}
