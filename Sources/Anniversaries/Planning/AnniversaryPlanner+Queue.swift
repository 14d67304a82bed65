import Foundation
import GRDB
import KoreanCalendar
import Messaging
import Store

/// What ``AnniversaryPlanner/run(day:now:dryRun:)`` did for one send day.
public struct AnniversaryRunReport: Sendable {
    public var plan: AnniversaryPlan
    /// Texts queued by this run (each exactly once: a text queued earlier is not in here).
    public var queued: [PlannedText]
    /// Texts of the plan that an earlier run (or another daemon) had already queued.
    public var alreadyQueued: Int
    /// Texts not queued because the operator cancelled that day's anniversary campaign.
    public var cancelled: [PlannedText]
    public var dryRun: Bool
}

extension AnniversaryPlanner {
    /// Plans send day `day` and queues its texts through the outbox, exactly once per
    /// (customer, kind, occurrence date).
    ///
    /// Everything happens in one immediate write transaction: the plan is read, each text's
    /// `anniversary_text` row is claimed and its outbox `message` inserted together, so a
    /// restart, a second daemon or a clock set back finds the row and queues nothing twice.
    /// Exclusions are recorded as `skipped` rows (upgraded to `queued` by a later run that can
    /// send them) and logged. With `dryRun` the plan is read and nothing is written.
    /// Refuses a send day further back than `anniversaries.catch_up_days` from `now`'s KST day,
    /// the same window the daemon catches up: queueing such a day sends its greetings late.
    /// - Throws: ``AnniversaryError/lateDay(day:today:catchUpDays:)``.
    public func checkNotLate(day: SolarDate, now: Date) throws(AnniversaryError) {
        let today = SeoulTime.calendarDate(of: now)
        let catchUp = max(0, settings.anniversaries.catchUpDays)
        if day.dayNumber < today.dayNumber - catchUp {
            throw .lateDay(day: "\(day)", today: "\(today)", catchUpDays: catchUp)
        }
    }

    public func run(day: SolarDate, now: Date, dryRun: Bool = false) throws -> AnniversaryRunReport {
        if dryRun {
            let plan = try self.plan(day: day, now: now)
            let queued = try store.pool.read { db in try Self.queuedKeys(db, plan) }
            let fresh = plan.texts.filter { !queued.contains(TextKey($0)) }
            return AnniversaryRunReport(
                plan: plan, queued: fresh, alreadyQueued: plan.texts.count - fresh.count, cancelled: [], dryRun: true)
        }
        let report = try store.pool.write { db in
            let plan = try self.plan(db, sendDay: day, now: now)
            var writer = try QueueWriter(db: db, sendDay: day, now: now)
            var report = AnniversaryRunReport(plan: plan, queued: [], alreadyQueued: 0, cancelled: [], dryRun: false)
            for text in plan.texts {
                switch try writer.queue(text) {
                case .queued: report.queued.append(text)
                case .already: report.alreadyQueued += 1
                case .cancelled: report.cancelled.append(text)
                }
            }
            for exclusion in plan.exclusions { try writer.skip(exclusion) }
            try writer.finish()
            return report
        }
        if !report.queued.isEmpty || !report.plan.exclusions.isEmpty {
            logger.info("anniversary texts planned", metadata: [
                "day": "\(day)", "occurrence": "\(report.plan.occurrenceDay)", "queued": "\(report.queued.count)",
                "already_queued": "\(report.alreadyQueued)", "excluded": "\(report.plan.exclusions.count)",
            ])
        }
        for text in report.queued {
            logger.debug("anniversary text queued", metadata: [
                "customer": "\(text.customerID)", "kind": "\(text.kind.rawValue)", "date": "\(text.occurrence)",
                "phone": "\(PhoneNumber.masked(text.phone))", "send_at": "\(OutboxTime.seoulMinute(text.sendAt))",
            ])
        }
        for exclusion in report.plan.exclusions {
            logger.notice("anniversary text not sent", metadata: [
                "customer": "\(exclusion.customerID)", "kind": "\(exclusion.kind.rawValue)",
                "date": "\(exclusion.occurrence)", "reason": "\(exclusion.reasonCode)",
            ])
        }
        return report
    }

    /// The (customer, kind, occurrence) keys of the plan already queued.
    static func queuedKeys(_ db: Database, _ plan: AnniversaryPlan) throws -> Set<TextKey> {
        var keys = Set<TextKey>()
        let rows = try Row.fetchCursor(
            db, sql: "SELECT customer_id, kind FROM anniversary_text WHERE occurrence_date = ? AND state = 'queued'",
            arguments: [plan.occurrenceDay.description])
        while let row = try rows.next() {
            keys.insert(TextKey(customerID: row[0], kind: row[1], occurrence: plan.occurrenceDay.description))
        }
        return keys
    }
}

/// The exactly-once key of an anniversary text.
struct TextKey: Hashable {
    var customerID: Int64
    var kind: String
    var occurrence: String

    init(customerID: Int64, kind: String, occurrence: String) {
        self.customerID = customerID; self.kind = kind; self.occurrence = occurrence
    }

    init(_ text: PlannedText) {
        self.init(customerID: text.customerID, kind: text.kind.rawValue, occurrence: text.occurrence.description)
    }
}
