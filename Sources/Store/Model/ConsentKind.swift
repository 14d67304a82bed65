/// The three marks of the consent ledger.
public enum ConsentKind: String, Sendable, CaseIterable, Codable {
    /// 광고수신동의
    case ad
    /// 야간광고수신동의 (21:00–08:00)
    case night
    /// 수신거부
    case optOut = "opt-out"

    /// 광고수신동의, 야간광고수신동의, 수신거부.
    public var korean: String {
        switch self {
        case .ad: "광고수신동의"
        case .night: "야간광고수신동의"
        case .optOut: "수신거부"
        }
    }

    /// Column prefix in `customer`.
    var column: String {
        switch self {
        case .ad: "ad_consent"
        case .night: "night_consent"
        case .optOut: "opted_out"
        }
    }
}

extension ConsentLedger {
    /// The mark of one kind.
    public subscript(kind: ConsentKind) -> ConsentMark? {
        get {
            switch kind {
            case .ad: adConsent
            case .night: nightConsent
            case .optOut: optedOut
            }
        }
        set {
            switch kind {
            case .ad: adConsent = newValue
            case .night: nightConsent = newValue
            case .optOut: optedOut = newValue
            }
        }
    }
}

/// One row of the consent history: a mark set or cleared, and when it was recorded (UTC).
public struct ConsentEvent: Sendable, Equatable, Codable {
    public var kind: ConsentKind
    /// `set` or `clear`.
    public var action: String
    public var date: String?
    public var source: String?
    public var recordedAt: String
}
