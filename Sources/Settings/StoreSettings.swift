/// `store:` — where the customer store lives.
public struct StoreSettings: Codable, Sendable, Equatable {
    /// `store.path`: the SQLite file. Default `./var/kimbiseo.sqlite`.
    public var path: String = "./var/kimbiseo.sqlite"
    public var watchIntervalMilliseconds: Int = 250

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case path
        case watchIntervalMilliseconds = "watch_interval_ms"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? path
        watchIntervalMilliseconds = try c.decodeIfPresent(Int.self, forKey: .watchIntervalMilliseconds) ?? watchIntervalMilliseconds
    }
}

/// `log:` — the daemon's own log lines.
public struct LogSettings: Codable, Sendable, Equatable {
    /// `log.level`: trace, debug, info, notice, warning, error, critical. Default `info`.
    public var level: String = "info"

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable { case level }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level = try c.decodeIfPresent(String.self, forKey: .level) ?? level
    }
}
