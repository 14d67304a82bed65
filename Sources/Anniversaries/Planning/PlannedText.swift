import Foundation
import KoreanCalendar
import Messaging
import Store

/// One anniversary text the planner would queue (or has queued) for a customer.
public struct PlannedText: Sendable, Hashable {
    public var customerID: Int64
    /// 고객번호, e.g. `C000123`.
    public var code: String?
    public var name: String
    public var kind: AnniversaryKind
    /// The solar day the anniversary is kept this time (KST).
    public var occurrence: SolarDate
    /// The date as stored on the card (solar, lunar or lunar-leap; year optional).
    public var origin: AnniversaryDate
    /// Age (birthday) or years married (wedding) on this occurrence, when the year is known;
    /// counted in lunar years for lunar dates.
    public var years: Int?
    /// The day the text is sent: ``occurrence`` minus `anniversaries.days_before`.
    public var sendDay: SolarDate
    /// When the outbox may send it (the configured time, or the end of quiet hours).
    public var sendAt: Date
    /// The configured time fell inside the quiet hours: the text waits (`held`) until ``sendAt``.
    public var isHeld: Bool
    /// Digits, `01012345678`.
    public var phone: String
    public var group: String?
    public var grade: String?
    public var type: MessageKind
    /// LMS subject; `nil` for an SMS.
    public var subject: String?
    /// The text as it will be sent.
    public var text: String
    /// KS X 1001 bytes.
    public var bytes: Int
    /// The template file the text came from.
    public var templateFile: String
}

/// A customer whose anniversary falls on the planned day but who gets no text, and why.
public struct PlannedExclusion: Sendable, Hashable {
    public var customerID: Int64
    public var code: String?
    public var name: String
    public var kind: AnniversaryKind
    public var occurrence: SolarDate
    public var origin: AnniversaryDate
    public var years: Int?
    /// Stored mobile number as written, if any.
    public var mobile: String?
    public var group: String?
    public var grade: String?
    /// Stable reason code: `disabled`, `opted_out`, `no_mobile`, `invalid_mobile`, or the
    /// outbox's block codes (`missing_value`, `characters`, `too_long`, …).
    public var reasonCode: String
    /// Why, in Korean (`휴대폰 번호 없음`).
    public var reason: String
}

/// One day's plan: the texts to queue and the customers left out.
public struct AnniversaryPlan: Sendable {
    /// The day the texts are sent.
    public var sendDay: SolarDate
    /// The day whose anniversaries they greet (`sendDay + days_before`).
    public var occurrenceDay: SolarDate
    public var texts: [PlannedText]
    public var exclusions: [PlannedExclusion]
}

extension AnniversaryDate {
    /// `음력 3월 15일`, `음력 윤4월 3일`, `양력 5월 1일` (month and day; the year is not shown).
    public var koreanOrigin: String {
        switch calendar {
        case .solar: "양력 \(month)월 \(day)일"
        case .lunar: "음력 \(month)월 \(day)일"
        case .lunarLeap: "음력 윤\(month)월 \(day)일"
        }
    }

    /// `음력 3월 15일 → 2026-05-01`; solar dates show only the day.
    public func originArrow(_ occurrence: SolarDate) -> String {
        calendar == .solar ? occurrence.description : "\(koreanOrigin) → \(occurrence)"
    }
}
