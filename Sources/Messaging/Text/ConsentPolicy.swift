import Foundation
import Store

/// Who may receive an advertising message (정보통신망법 제50조), judged from a customer's
/// ``ConsentLedger`` at a given instant.
///
/// - An opt-out (수신거부) excludes the customer from every message, advertising or not,
///   whatever consent dates say (the store clears the opt-out when consent is given again).
/// - Advertising needs ad consent (광고수신동의) given at most `validDays` days ago (default
///   730: 시행령 제62조의3 asks for re-confirmation every two years). On day `validDays` it
///   is still valid; the day after it is expired.
/// - Night consent (야간광고수신동의) counts only under the same rule; without it a recipient
///   is held during ``QuietHours``.
/// - Dates are `YYYY-MM-DD` in Asia/Seoul; one that does not parse, or lies in the future,
///   excludes the customer (the ledger cannot be trusted).
public enum ConsentPolicy {
    /// Two years, the statutory re-confirmation period.
    public static let defaultValidDays = 730

    /// The decision for one customer at `now`.
    /// - Parameter advertising: `false` for informational messages: only an opt-out excludes.
    public static func evaluate(
        ledger: ConsentLedger, now: Date, validDays: Int = defaultValidDays, advertising: Bool = true
    ) -> ConsentDecision {
        let today = SeoulTime.dayNumber(of: now)
        if let optedOut = ledger.optedOut { return .excluded(.optedOut(since: optedOut.date)) }
        let night = isValid(ledger.nightConsent, today: today, validDays: validDays)
        guard advertising else { return .allowed(nightConsent: night) }
        guard let consent = ledger.adConsent else { return .excluded(.noConsent) }
        guard let day = SeoulTime.dayNumber(parsing: consent.date), day <= today else {
            return .excluded(.invalidDate(consent.date))
        }
        let age = today - day
        guard age <= validDays else { return .excluded(.expired(consentDate: consent.date, ageDays: age)) }
        return .allowed(nightConsent: night)
    }

    static func isValid(_ mark: ConsentMark?, today: Int, validDays: Int) -> Bool {
        guard let mark, let day = SeoulTime.dayNumber(parsing: mark.date) else { return false }
        return day <= today && today - day <= validDays
    }
}

/// The outcome of ``ConsentPolicy/evaluate(ledger:now:validDays:advertising:)``.
public enum ConsentDecision: Sendable, Hashable {
    /// May receive it; `nightConsent` says whether also during quiet hours.
    case allowed(nightConsent: Bool)
    case excluded(ConsentExclusion)
}

/// Why a customer does not receive a message.
public enum ConsentExclusion: Sendable, Hashable, CustomStringConvertible {
    /// 수신거부 since that date.
    case optedOut(since: String)
    /// No advertising consent recorded.
    case noConsent
    /// Consent given on `consentDate`, `ageDays` ago: older than the validity period.
    case expired(consentDate: String, ageDays: Int)
    /// The consent date is not a real past `YYYY-MM-DD`.
    case invalidDate(String)

    /// A stable short code: `opted_out`, `no_consent`, `consent_expired`, `consent_invalid`.
    public var code: String {
        switch self {
        case .optedOut: "opted_out"
        case .noConsent: "no_consent"
        case .expired: "consent_expired"
        case .invalidDate: "consent_invalid"
        }
    }

    public var korean: String {
        switch self {
        case let .optedOut(since): "수신거부 (\(since))"
        case .noConsent: "광고 수신 동의 없음"
        case let .expired(date, age): "광고 수신 동의 만료 (\(date) 동의, \(age)일 경과)"
        case let .invalidDate(date): "광고 수신 동의일 오류 '\(date)'"
        }
    }

    public var english: String {
        switch self {
        case let .optedOut(since): "opted out on \(since)"
        case .noConsent: "no advertising consent"
        case let .expired(date, age): "advertising consent of \(date) expired (\(age) days old)"
        case let .invalidDate(date): "advertising consent date '\(date)' is not a past YYYY-MM-DD"
        }
    }

    public var description: String { english }
}
