import Foundation
import GRDB
import KoreanCalendar
import Messaging
import Store

/// Builds the ``Digest`` of a day from the plans of the day and the next days and from what
/// the outbox did with the texts already queued.
///
/// Read-only, on one snapshot. Failures are looked for back to ``lookBackDays`` before the day,
/// so a text that failed yesterday is still reported this morning.
public struct DigestBuilder: Sendable {
    public let planner: AnniversaryPlanner
    public static let lookBackDays = 7

    public init(planner: AnniversaryPlanner) {
        self.planner = planner
    }

    /// The digest of `day` covering it and the `daysAhead` days after it.
    public func build(day: SolarDate, daysAhead: Int, now: Date) throws -> Digest {
        let daysAhead = max(0, daysAhead)
        return try planner.store.pool.read { db in
            let outcomes = try Outcome.load(
                db, from: day.adding(days: -Self.lookBackDays), through: day.adding(days: daysAhead))
            var digest = Digest(day: day, daysAhead: daysAhead, today: [], upcoming: [], problems: [])
            var reported = Set<TextKey>()
            for offset in 0...daysAhead {
                let date = day.adding(days: offset)
                let sendDay = date.adding(days: -planner.settings.anniversaries.daysBefore)
                let plan = try planner.plan(db, occurrence: date, sendDay: sendDay, now: now)
                var entries: [Digest.Entry] = []
                for text in plan.texts {
                    var entry = Digest.Entry(
                        customerID: text.customerID, code: text.code, name: text.name, kind: text.kind, date: date,
                        origin: text.origin.originArrow(date), isLunar: text.origin.calendar != .solar,
                        years: text.years, phone: text.phone, group: text.group, grade: text.grade, text: text.text,
                        sendAt: text.sendAt, status: text.isHeld ? "보류 후 발송 예정" : "발송 예정")
                    if let outcome = outcomes[TextKey(text)], let state = outcome.messageState {
                        entry.text = outcome.text ?? entry.text
                        entry.sendAt = outcome.notBefore ?? entry.sendAt
                        entry.status = state.korean
                    }
                    entries.append(entry)
                }
                for exclusion in plan.exclusions {
                    entries.append(Digest.Entry(
                        customerID: exclusion.customerID, code: exclusion.code, name: exclusion.name,
                        kind: exclusion.kind, date: date, origin: exclusion.origin.originArrow(date),
                        isLunar: exclusion.origin.calendar != .solar, years: exclusion.years,
                        phone: exclusion.mobile.flatMap(PhoneNumber.normalize), group: exclusion.group,
                        grade: exclusion.grade, text: nil, sendAt: nil, status: "보내지 않음: \(exclusion.reason)"))
                    let key = TextKey(customerID: exclusion.customerID, kind: exclusion.kind.rawValue, occurrence: date.description)
                    if reported.insert(key).inserted {
                        digest.problems.append(Digest.Problem(
                            customerID: exclusion.customerID, code: exclusion.code, name: exclusion.name,
                            kind: exclusion.kind, date: date, reason: exclusion.reason))
                    }
                }
                entries.sort { ($0.kind.rawValue, $0.name, $0.customerID) < ($1.kind.rawValue, $1.name, $1.customerID) }
                if offset == 0 { digest.today = entries } else { digest.upcoming += entries }
            }
            for (key, outcome) in outcomes.sorted(by: { ($0.key.occurrence, $0.key.customerID) < ($1.key.occurrence, $1.key.customerID) }) {
                guard let problem = outcome.problem, reported.insert(key).inserted,
                      let kind = AnniversaryKind(rawValue: key.kind), let date = try? SolarDate(parsing: key.occurrence)
                else { continue }
                digest.problems.append(Digest.Problem(
                    customerID: key.customerID, code: outcome.code, name: outcome.name, kind: kind, date: date,
                    reason: problem))
            }
            return digest
        }
    }

    /// What became of one recorded occurrence.
    struct Outcome {
        var name: String
        var code: String?
        var messageState: MessageState?
        var text: String?
        var notBefore: Date?
        /// Why it was not (or could not be) sent, when so.
        var problem: String?

        static func load(_ db: Database, from: SolarDate, through: SolarDate) throws -> [TextKey: Outcome] {
            var result: [TextKey: Outcome] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.customer_id, t.kind, t.occurrence_date, t.state, t.reason, c.name, c.code,
                        m.state, m.text, m.not_before, m.last_reason, m.last_code
                    FROM anniversary_text t
                    JOIN customer c ON c.id = t.customer_id
                    LEFT JOIN message m ON m.id = t.message_id
                    WHERE t.occurrence_date BETWEEN ? AND ?
                    """,
                arguments: [from.description, through.description])
            while let row = try rows.next() {
                let key = TextKey(customerID: row[0], kind: row[1], occurrence: row[2])
                let state = (row[7] as String?).flatMap(MessageState.init(rawValue:))
                var problem: String?
                if (row[3] as String) == "skipped" {
                    problem = row[4] ?? "보내지 않음"
                } else if let state, [.failed, .blocked, .unknown, .cancelled].contains(state) {
                    let detail = [row[11] as String?, row[10] as String?].compactMap { $0 }.joined(separator: " ")
                    problem = "문자 \(state.korean)" + (detail.isEmpty ? "" : ": \(detail)")
                }
                result[key] = Outcome(
                    name: row[5], code: row[6], messageState: state, text: row[8],
                    notBefore: (row[9] as String?).flatMap(OutboxTime.parse), problem: problem)
            }
            return result
        }
    }
}
