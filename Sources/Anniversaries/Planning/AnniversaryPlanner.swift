import Foundation
import GRDB
import KoreanCalendar
import Logging
import Messaging
import Settings
import Store

/// Finds the customers whose birthday or wedding anniversary is kept on a day and turns each
/// into the text it gets (or the reason it gets none).
///
/// Lunar and leap-month dates are resolved with the calendar's ``AnniversaryIndex`` for the
/// day's Gregorian year under `anniversaries.leap_policy`, `day30` and `feb29`: the index
/// names the (calendar, month, day) keys kept on the day, and one SQL query per kind fetches
/// only the customers with those keys (through the `(month, day)` indexes), so a day costs the
/// same whether the store holds a thousand customers or a million.
///
/// Excluded, with the reason recorded and logged: the card's anniversary texts turned off,
/// an opt-out (수신거부), no or no valid mobile number, a text the outbox cannot send (a
/// placeholder without a value, characters outside KS X 1001, too long).
///
/// Anniversary texts are informational, not advertising: ad consent is not required and no
/// advertising wrapper is added. Their send time is `anniversaries.send_at` on the send day;
/// inside the quiet hours (`sms.quiet_hours`) they are held until the window ends.
///
/// ```swift
/// let planner = try AnniversaryPlanner(store: store, settings: settings)
/// let plan = try planner.plan(day: today, now: now)          // what would be queued
/// let report = try planner.run(day: today, now: now)         // queue it, exactly once
/// ```
public struct AnniversaryPlanner: Sendable {
    public let store: KimbiseoStore
    public let settings: Settings
    public let rules: AnniversaryRules
    let sendTime: DailyTime
    let quiet: Messaging.QuietHours
    let logger: Logger

    /// - Throws: ``AnniversaryError/setting(key:problem:)`` for an unusable calendar policy,
    ///   send time or quiet-hours window.
    public init(store: KimbiseoStore, settings: Settings, logger: Logger = Logger(label: "kimbiseo.anniversaries"))
        throws(AnniversaryError)
    {
        self.store = store
        self.settings = settings
        self.logger = logger
        rules = try AnniversaryRules(settings: settings.anniversaries)
        sendTime = try DailyTime(settings.anniversaries.sendAt, key: "anniversaries.send_at")
        do {
            quiet = try Messaging.QuietHours(start: settings.sms.quietHours.start, end: settings.sms.quietHours.end)
        } catch {
            throw .setting(key: "sms.quiet_hours", problem: error.description)
        }
        guard settings.anniversaries.daysBefore >= 0 else {
            throw .setting(key: "anniversaries.days_before", problem: "must be 0 or more")
        }
    }

    /// The texts of send day `day` (KST): the anniversaries kept on `day + days_before`.
    /// Reads a snapshot; writes nothing.
    public func plan(day: SolarDate, now: Date) throws -> AnniversaryPlan {
        try store.pool.read { db in try plan(db, sendDay: day, now: now) }
    }

    /// `AnniversaryPlanner(store:settings:).plan(day:now:)` in one call.
    public static func plan(day: SolarDate, settings: Settings, store: KimbiseoStore, now: Date) throws -> AnniversaryPlan {
        try AnniversaryPlanner(store: store, settings: settings).plan(day: day, now: now)
    }

    /// The plan of a send day inside a read or write transaction.
    func plan(_ db: Database, sendDay: SolarDate, now: Date) throws -> AnniversaryPlan {
        try plan(db, occurrence: sendDay.adding(days: settings.anniversaries.daysBefore), sendDay: sendDay, now: now)
    }

    /// The plan for the anniversaries kept on `occurrence`, sent on `sendDay`.
    func plan(_ db: Database, occurrence: SolarDate, sendDay: SolarDate, now: Date) throws -> AnniversaryPlan {
        let index: AnniversaryIndex
        do {
            index = try AnniversaryIndex(gregorianYear: occurrence.year, rules: rules)
        } catch {
            throw AnniversaryError.dateOutOfRange("anniversaries on \(occurrence)")
        }
        let (sendAt, isHeld) = sendInstant(sendDay: sendDay, now: now)
        let context = RenderContext(shopName: settings.sms.shopName, now: sendAt)
        let names = try CategoryNames(db)
        var plan = AnniversaryPlan(sendDay: sendDay, occurrenceDay: occurrence, texts: [], exclusions: [])
        for kind in AnniversaryKind.allCases {
            let keys = Self.keys(index: index, on: occurrence)
            guard !keys.isEmpty else { continue }
            let templates = AnniversaryTemplates(kind: kind, directory: settings.anniversaries.templatesDirectory)
            var composers: [String: Result<MessageComposer, AnniversaryError>] = [:]
            for case let .success(entry) in templates.all {
                do {
                    composers[entry.file] = .success(try MessageComposer(
                        template: entry.template, context: context, defaultSubject: settings.sms.defaultLMSSubject))
                } catch {
                    composers[entry.file] = .failure(.template(file: entry.file, problem: "\(error)"))
                }
            }
            for case let .failure(problem) in templates.all {
                logger.error("anniversary template unusable; its customers get no text", metadata: [
                    "kind": "\(kind.rawValue)", "problem": "\(problem)"])
            }
            let (sql, arguments) = CandidateRow.query(kind: kind, keys: keys)
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                let candidate = CandidateRow(row: row, names: names)
                let chosen = templates.entry(group: candidate.group, grade: candidate.grade).flatMap { entry in
                    (composers[entry.file] ?? .failure(.template(file: entry.file, problem: "not loaded")))
                        .map { (entry, $0) }
                }
                consider(
                    candidate, kind: kind, occurrence: occurrence, sendDay: sendDay, sendAt: sendAt, held: isHeld, now: now,
                    template: chosen, into: &plan)
            }
        }
        return plan
    }

    /// When a text of `sendDay` may go: `send_at` that day, or `now` when that has passed,
    /// moved to the end of the quiet hours (and then held) when it falls inside them.
    func sendInstant(sendDay: SolarDate, now: Date) -> (at: Date, held: Bool) {
        let wanted = max(sendTime.instant(on: sendDay), now)
        return (quiet.nextRelease(after: wanted), quiet.isQuiet(at: wanted))
    }

    /// The (calendar, month, day) keys kept on `day`.
    static func keys(index: AnniversaryIndex, on day: SolarDate) -> [CandidateRow.Key] {
        index.solarKeys(on: day).map { .init(calendar: .solar, month: $0.month, day: $0.day) }
            + index.lunarKeys(on: day).map {
                .init(calendar: $0.isLeapMonth ? .lunarLeap : .lunar, month: $0.month, day: $0.day)
            }
    }

    private func consider(
        _ c: CandidateRow, kind: AnniversaryKind, occurrence: SolarDate, sendDay: SolarDate, sendAt: Date, held: Bool,
        now: Date,
        template: Result<(AnniversaryTemplates.Entry, MessageComposer), AnniversaryError>, into plan: inout AnniversaryPlan
    ) {
        let years = Self.years(of: c.origin, on: occurrence, rules: rules)
        func exclude(_ code: String, _ reason: String) {
            plan.exclusions.append(PlannedExclusion(
                customerID: c.id, code: c.code, name: c.name, kind: kind, occurrence: occurrence, origin: c.origin,
                years: years, mobile: c.mobile, group: c.group, grade: c.grade, reasonCode: code, reason: reason))
        }
        guard c.textsEnabled else { return exclude("disabled", "고객 카드에서 기념일 문자 끔") }
        if case let .excluded(why) = ConsentPolicy.evaluate(
            ledger: ConsentLedger(optedOut: c.optedOut.map { ConsentMark(date: $0) }), now: now, advertising: false)
        {
            return exclude(why.code, "수신거부 (\(why.korean))")
        }
        guard let mobile = c.mobile, !mobile.isEmpty else { return exclude("no_mobile", "휴대폰 번호 없음") }
        guard let phone = PhoneNumber.normalize(mobile), PhoneNumber.isMobile(phone) else {
            return exclude("invalid_mobile", "휴대폰 번호 형식 오류")
        }
        let entry: AnniversaryTemplates.Entry, composer: MessageComposer
        switch template {
        case let .success(chosen): (entry, composer) = chosen
        case let .failure(problem): return exclude("template", "문자 서식 오류: \(problem)")
        }
        let type: MessageKind, text: String, subject: String?, bytes: Int
        switch composer.compose(c.fields).classification {
        case let .blocked(why):
            return exclude(why.code, "문자를 만들 수 없음: \(why.korean)")
        case let .sms(t, b): (type, text, subject, bytes) = (.sms, t, nil, b)
        case let .lms(s, t, b): (type, text, subject, bytes) = (.lms, t, s, b)
        }
        plan.texts.append(PlannedText(
            customerID: c.id, code: c.code, name: c.name, kind: kind, occurrence: occurrence, origin: c.origin,
            years: years, sendDay: sendDay, sendAt: sendAt, isHeld: held, phone: phone, group: c.group, grade: c.grade,
            type: type, subject: subject, text: text, bytes: bytes, templateFile: entry.file))
    }

    /// Age or years married on `occurrence` when the stored date has a year: solar years for
    /// solar dates, lunar years (the lunar year this occurrence belongs to) for lunar ones.
    static func years(of origin: AnniversaryDate, on occurrence: SolarDate, rules: AnniversaryRules) -> Int? {
        guard let year = origin.year else { return nil }
        var current = occurrence.year
        if origin.calendar != .solar {
            let leap = origin.calendar == .lunarLeap
            current = ((occurrence.year - 1)...occurrence.year).first { lunarYear in
                (try? solarDate(ofLunar: origin.month, day: origin.day, leap: leap, inLunarYear: lunarYear, rules: rules))
                    == occurrence
            } ?? occurrence.year
        }
        let years = current - year
        return years >= 0 ? years : nil
    }
}

/// Group and grade names by row id, read once per plan.
struct CategoryNames {
    let groups: [Int64: String]
    let grades: [Int64: String]

    init(_ db: Database) throws {
        func load(_ table: String) throws -> [Int64: String] {
            var result: [Int64: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, name FROM \(table)") { result[row[0]] = row[1] }
            return result
        }
        groups = try load("customer_group")
        grades = try load("customer_grade")
    }
}

extension AnniversaryPlanner {
    /// The plans of the anniversaries kept on `from` and the `days − 1` days after it (each
    /// sent `days_before` earlier), in date order. Reads a snapshot; writes nothing.
    public func upcoming(from: SolarDate, days: Int, now: Date) throws -> [AnniversaryPlan] {
        try store.pool.read { db in
            try (0..<max(0, days)).map { offset in
                let date = from.adding(days: offset)
                return try plan(db, occurrence: date, sendDay: date.adding(days: -settings.anniversaries.daysBefore), now: now)
            }
        }
    }
}
