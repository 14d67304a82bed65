import Foundation
import Logging

/// A `LogHandler` that writes one JSON object per event to standard output.
///
/// Each line is written with one `write(2)` so lines from several threads never interleave and
/// nothing is lost in a stdio buffer when the process is killed. When `JOURNAL_STREAM` is set
/// (the process runs under systemd with stdout connected to the journal) each line starts with a
/// `<N>` syslog priority so journald records the level.
///
/// Phone numbers in the message and in metadata values are masked (`010-****-5678`) before
/// the line leaves the process; see ``PhoneMasker``.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public var logLevel: Logger.Level
    let label: String
    let journal: Bool
    let sink: LogSink

    /// - Parameters:
    ///   - label: the logger's label, written as `"logger"`.
    ///   - level: the minimum level.
    ///   - journal: prefix `<N>` priorities; default: whether `JOURNAL_STREAM` is set.
    ///   - sink: where lines go; default standard output.
    public init(
        label: String, level: Logger.Level = .info,
        journal: Bool = ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil,
        sink: LogSink = .standardOutput
    ) {
        self.label = label; self.logLevel = level; self.journal = journal; self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        var object: [String: Any] = [
            "ts": Self.timestamp(Date()),
            "level": event.level.rawValue,
            "logger": label,
            "msg": PhoneMasker.mask(event.message.description),
        ]
        if let error = event.error { object["error"] = PhoneMasker.mask("\(error)") }
        for (key, value) in merged { object[key] = Self.json(value) }
        guard
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
            var line = String(data: data, encoding: .utf8)
        else { return }
        if journal { line = "<\(Self.priority(event.level))>" + line }
        sink.write(line + "\n")
    }

    static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let s): return PhoneMasker.mask(s)
        case .stringConvertible(let c): return PhoneMasker.mask(c.description)
        case .array(let a): return a.map(json)
        case .dictionary(let d): return d.mapValues(json)
        }
    }

    /// syslog priority for journald: error 3, warning 4, notice 5, info 6, debug/trace 7.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .critical: 2
        case .error: 3
        case .warning: 4
        case .notice: 5
        case .info: 6
        case .debug, .trace: 7
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// Where log lines are written; one `write(2)` per line.
public struct LogSink: Sendable {
    let fd: Int32

    public static let standardOutput = LogSink(fd: 1)
    public static let standardError = LogSink(fd: 2)

    public init(fd: Int32) { self.fd = fd }

    func write(_ line: String) {
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buf in
                Foundation.write(fd, buf.baseAddress! + offset, buf.count - offset)
            }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            offset += n
        }
        bytes.removeAll()
    }
}
