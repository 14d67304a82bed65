/// Why a gateway could not be set up from the settings.
public enum GatewayError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `sms.gateway.kind` names no gateway.
    case unknownKind(String)
    /// A setting the gateway needs is missing or wrong (`key` is the full config path).
    case setting(key: String, problem: String)
    /// The credentials file is unusable (never includes its contents).
    case credentialsFile(path: String, problem: String)

    public var description: String {
        switch self {
        case let .unknownKind(kind):
            "sms.gateway.kind: unknown gateway \"\(kind)\" (spool, aligo, solapi, http)"
        case let .setting(key, problem):
            "\(key): \(problem)"
        case let .credentialsFile(path, problem):
            "sms.gateway.credentials_file \(path): \(problem)"
        }
    }
}
