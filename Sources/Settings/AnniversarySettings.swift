/// `anniversaries:` — automatic birthday and wedding-anniversary texts.
public struct AnniversarySettings: Codable, Sendable, Equatable {
    /// `enabled`: default true.
    public var enabled: Bool = true
    /// `send_at`: KST time of day, `HH:MM`. Default `09:00`.
    public var sendAt: String = "09:00"
    /// `days_before`: send this many days ahead of the day. Default 0.
    public var daysBefore: Int = 0
    /// `catch_up_days`: a daemon that was down catches up this many days back. Default 0 (same day).
    public var catchUpDays: Int = 0
    /// `leap_policy`: `leap-if-present` (default), `always-regular`, `skip`.
    public var leapPolicy: String = "leap-if-present"
    /// `day30`: `last-day` (default) or `next-day`.
    public var day30: String = "last-day"
    /// `feb29`: `feb28` (default) or `mar1`.
    public var feb29: String = "feb28"
    /// `templates_dir`: default `templates/sms`.
    public var templatesDirectory: String = "templates/sms"

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled
        case sendAt = "send_at"
        case daysBefore = "days_before"
        case catchUpDays = "catch_up_days"
        case leapPolicy = "leap_policy"
        case day30, feb29
        case templatesDirectory = "templates_dir"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        enabled = try c.decodeIfPresent(Bool.self, forKey: .enabled) ?? enabled
        sendAt = try c.decodeIfPresent(String.self, forKey: .sendAt) ?? sendAt
        daysBefore = try c.decodeIfPresent(Int.self, forKey: .daysBefore) ?? daysBefore
        catchUpDays = try c.decodeIfPresent(Int.self, forKey: .catchUpDays) ?? catchUpDays
        leapPolicy = try c.decodeIfPresent(String.self, forKey: .leapPolicy) ?? leapPolicy
        day30 = try c.decodeIfPresent(String.self, forKey: .day30) ?? day30
        feb29 = try c.decodeIfPresent(String.self, forKey: .feb29) ?? feb29
        templatesDirectory = try c.decodeIfPresent(String.self, forKey: .templatesDirectory) ?? templatesDirectory
    }
}

/// `reminders:` — the daily digest email to the staff.
public struct ReminderSettings: Codable, Sendable, Equatable {
    /// `email_at`: KST time of day, `HH:MM`. Default `08:00`.
    public var emailAt: String = "08:00"
    /// `days_ahead`: the digest lists anniversaries this many days ahead. Default 7.
    public var daysAhead: Int = 7
    /// `send_when_empty`: send a digest even when there is nothing to say. Default false.
    public var sendWhenEmpty: Bool = false
    /// `templates_dir`: `digest.txt` and `digest.html` live here. Default `templates/email`.
    public var templatesDirectory: String = "templates/email"

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case emailAt = "email_at"
        case daysAhead = "days_ahead"
        case sendWhenEmpty = "send_when_empty"
        case templatesDirectory = "templates_dir"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        emailAt = try c.decodeIfPresent(String.self, forKey: .emailAt) ?? emailAt
        daysAhead = try c.decodeIfPresent(Int.self, forKey: .daysAhead) ?? daysAhead
        sendWhenEmpty = try c.decodeIfPresent(Bool.self, forKey: .sendWhenEmpty) ?? sendWhenEmpty
        templatesDirectory = try c.decodeIfPresent(String.self, forKey: .templatesDirectory) ?? templatesDirectory
    }
}
