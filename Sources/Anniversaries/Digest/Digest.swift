import Foundation
import KoreanCalendar

/// What one day's reminder digest says: the anniversaries of the day, those of the next days,
/// and the customers whose anniversary text could not be sent, with why.
public struct Digest: Sendable {
    /// The digest's day (KST).
    public var day: SolarDate
    /// How many days ahead ``upcoming`` covers (`reminders.days_ahead`).
    public var daysAhead: Int
    public var today: [Entry]
    public var upcoming: [Entry]
    public var problems: [Problem]

    /// Nothing to say: no anniversary today or ahead, no failure.
    public var isEmpty: Bool { today.isEmpty && upcoming.isEmpty && problems.isEmpty }

    /// One customer's anniversary on one day.
    public struct Entry: Sendable, Hashable {
        public var customerID: Int64
        public var code: String?
        public var name: String
        public var kind: AnniversaryKind
        public var date: SolarDate
        /// `음력 3월 15일 → 2026-05-01`, or the date for solar anniversaries.
        public var origin: String
        public var isLunar: Bool
        /// Age or years married, when the year is known.
        public var years: Int?
        /// Digits of the customer's mobile, when there is one.
        public var phone: String?
        public var group: String?
        public var grade: String?
        /// The text that will be (or was) sent; `nil` when none goes.
        public var text: String?
        /// When it goes (or went).
        public var sendAt: Date?
        /// `발송 예정`, `발송 대기`, `보류`, `발송 완료`, `실패`, `보내지 않음` …
        public var status: String
    }

    /// A customer whose anniversary text could not be sent.
    public struct Problem: Sendable, Hashable {
        public var customerID: Int64
        public var code: String?
        public var name: String
        public var kind: AnniversaryKind
        public var date: SolarDate
        public var reason: String
    }
}
