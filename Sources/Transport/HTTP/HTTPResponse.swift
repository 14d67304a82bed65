import Foundation

/// A complete HTTP response (any status).
public struct HTTPResponse: Sendable {
    /// The final status code (after a `100 Continue`, the real one).
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    public var timing: HTTPTiming
    /// New connections opened for this request (`CURLINFO_NUM_CONNECTS`): 0 when a
    /// keep-alive connection was reused.
    public var newConnections: Int
    /// The local port of the connection used (`CURLINFO_LOCAL_PORT`).
    public var localPort: Int

    /// The body decoded as UTF-8 (invalid sequences replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// `Retry-After` as a delay: delta-seconds, or an HTTP-date relative to `now`.
    public func retryAfter(now: Date = Date()) -> Duration? {
        guard let raw = headers["Retry-After"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(raw), seconds >= 0 { return .seconds(seconds) }
        guard let date = HTTPDate.parse(raw) else { return nil }
        let delta = date.timeIntervalSince(now)
        return .milliseconds(Int64(max(0, delta) * 1000))
    }
}

/// Where the time of one request went (libcurl's `CURLINFO_*_TIME_T`, each measured from the
/// start of the transfer).
public struct HTTPTiming: Sendable, Equatable {
    public var nameLookup: Duration
    public var connect: Duration
    /// End of the TLS handshake; zero for plain HTTP or a reused connection.
    public var tlsHandshake: Duration
    /// First response byte.
    public var firstByte: Duration
    public var total: Duration
}

/// IMF-fixdate parsing for `Retry-After` (RFC 9110 §5.6.7).
enum HTTPDate {
    static func parse(_ text: String) -> Date? {
        // "Sun, 06 Nov 1994 08:49:37 GMT"
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT",
            let day = Int(parts[1]), let year = Int(parts[3]),
            let month = months.firstIndex(of: String(parts[2])).map({ $0 + 1 })
        else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = days * 86_400 + clock[0] * 3600 + clock[1] * 60 + clock[2]
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
