/// `mail:` — outgoing email (reminder digests to the staff).
public struct MailSettings: Codable, Sendable, Equatable {
    /// `kind`: `spool` (default: `.eml` files into `spool_dir`) or `smtp`.
    public var kind: String = "spool"
    /// `spool_dir`: default `./var/spool/mail`.
    public var spoolDirectory: String = "./var/spool/mail"
    /// `from`: the sender address. Default `kimbiseo@localhost`.
    public var from: String = "kimbiseo@localhost"
    /// `smtp:` — the SMTP server.
    public var smtp: SMTPSettings = SMTPSettings()
    /// `max_attempts`: tries for an email that fails temporarily (refused, timeout, 4xx),
    /// with backoff 1, 2, 4 … 60 min between them. Default 8.
    public var maxAttempts: Int = 8

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind
        case spoolDirectory = "spool_dir"
        case from, smtp
        case maxAttempts = "max_attempts"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind) ?? kind
        spoolDirectory = try c.decodeIfPresent(String.self, forKey: .spoolDirectory) ?? spoolDirectory
        from = try c.decodeIfPresent(String.self, forKey: .from) ?? from
        smtp = try c.decodeIfPresent(SMTPSettings.self, forKey: .smtp) ?? smtp
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? maxAttempts
    }
}

/// `mail.smtp:` — the SMTP server.
public struct SMTPSettings: Codable, Sendable, Equatable {
    /// `url`: `smtp://host:port` or `smtps://host:port`. Default `smtp://127.0.0.1:25`.
    public var url: String = "smtp://127.0.0.1:25"
    /// `starttls`: require STARTTLS on `smtp://`. Default false.
    public var starttls: Bool = false
    /// `username` (or env `KIMBISEO_SMTP_USERNAME`).
    public var username: String?
    /// `password` (or env `KIMBISEO_SMTP_PASSWORD`).
    public var password: String?
    /// `timeout_seconds`: Default 30.
    public var timeoutSeconds: Double = 30

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case url, starttls, username, password
        case timeoutSeconds = "timeout_seconds"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        url = try c.decodeIfPresent(String.self, forKey: .url) ?? url
        starttls = try c.decodeIfPresent(Bool.self, forKey: .starttls) ?? starttls
        username = try c.decodeIfPresent(String.self, forKey: .username)
        password = try c.decodeIfPresent(String.self, forKey: .password)
        timeoutSeconds = try c.decodeIfPresent(Double.self, forKey: .timeoutSeconds) ?? timeoutSeconds
    }
}
