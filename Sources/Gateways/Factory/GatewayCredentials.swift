import Foundation
import Settings
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The gateway secrets in force, from (first found wins) the environment, the credentials
/// file, then `sms.gateway` itself.
///
/// | Secret | Environment | Key (config and credentials file) |
/// |---|---|---|
/// | Aligo user id | `KIMBISEO_ALIGO_USER_ID` | `user_id` |
/// | Aligo key | `KIMBISEO_ALIGO_KEY` | `key` |
/// | Solapi API key | `KIMBISEO_SOLAPI_API_KEY` | `api_key` |
/// | Solapi API secret | `KIMBISEO_SOLAPI_API_SECRET` | `api_secret` |
///
/// The credentials file is flat YAML (`key: value` lines, `#` comments). It is refused when
/// its group or others may read it. Values never appear in errors or logs.
public struct GatewayCredentials: Sendable, Equatable {
    public var userID: String?
    public var key: String?
    public var apiKey: String?
    public var apiSecret: String?

    public init(userID: String? = nil, key: String? = nil, apiKey: String? = nil, apiSecret: String? = nil) {
        self.userID = userID; self.key = key; self.apiKey = apiKey; self.apiSecret = apiSecret
    }

    /// Resolves the secrets for `settings`.
    /// - Throws: ``GatewayError/credentialsFile(path:problem:)`` when the file is missing,
    ///   unreadable, readable by group or others, or not `key: value` lines.
    public static func resolve(
        _ settings: GatewaySettings, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> GatewayCredentials {
        var file: [String: String] = [:]
        if let path = settings.credentialsFile, !path.isEmpty { file = try readFile(path) }
        func pick(_ env: String, _ key: String, _ config: String?) -> String? {
            for candidate in [environment[env], file[key], config] {
                if let value = candidate?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
            }
            return nil
        }
        return GatewayCredentials(
            userID: pick("KIMBISEO_ALIGO_USER_ID", "user_id", settings.userID),
            key: pick("KIMBISEO_ALIGO_KEY", "key", settings.key),
            apiKey: pick("KIMBISEO_SOLAPI_API_KEY", "api_key", settings.apiKey),
            apiSecret: pick("KIMBISEO_SOLAPI_API_SECRET", "api_secret", settings.apiSecret))
    }

    static let fileKeys: Set<String> = ["user_id", "key", "api_key", "api_secret"]

    /// `key: value` lines of a private file.
    static func readFile(_ path: String) throws -> [String: String] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw GatewayError.credentialsFile(path: path, problem: "cannot be read (\(String(cString: strerror(errno))))")
        }
        if info.st_mode & (S_IRWXG | S_IRWXO) != 0 {
            throw GatewayError.credentialsFile(
                path: path, problem: String(format: "is readable by group or others (mode %o); run chmod 600", info.st_mode & 0o777))
        }
        guard let text = FileManager.default.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else {
            throw GatewayError.credentialsFile(path: path, problem: "cannot be read as UTF-8 text")
        }
        var values: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line == "---" { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw GatewayError.credentialsFile(path: path, problem: "line \(index + 1): expected `key: value`")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard fileKeys.contains(key) else {
                throw GatewayError.credentialsFile(
                    path: path, problem: "line \(index + 1): unknown key `\(key)` (known: \(fileKeys.sorted().joined(separator: ", ")))")
            }
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }
}
