import Anniversaries
import ArgumentParser
import Foundation
import KoreanCalendar
import Messaging
import Store

/// `kimbiseo anniversaries run [--date YYYY-MM-DD] [--dry-run] [--json]`
struct AnniversariesRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Plan and queue one day's anniversary texts now.",
        discussion: """
            Does by hand what `kimbiseo serve` does at anniversaries.send_at: finds the customers
            whose anniversary falls on the day (plus anniversaries.days_before) and queues one text
            each through the outbox. A text already queued for that customer, kind and date is
            never queued again. Prints each planned text with the customer's name and code, then
            the customers left out and why. --dry-run queues nothing.
            With --json one object per line, as `anniversaries upcoming --json`, plus "queued"
            (true, or false for a text queued earlier or a dry run).
            Examples:
              kimbiseo anniversaries run --dry-run
              kimbiseo anniversaries run --date 2026-05-01
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("The send day (KST); default today.", valueName: "YYYY-MM-DD")) var date: String?
    @Flag(help: "Plan and print only; queue nothing.") var dryRun = false
    @Flag(help: "Queue a day further back than anniversaries.catch_up_days (its greetings go out late).")
    var late = false
    @Flag(help: "One JSON object per line.") var json = false

    func run() async throws {
        let day = try date.map(AnniversariesUpcomingCommand.parseDay) ?? SeoulTime.calendarDate(of: Date())
        let (settings, store) = try global.openStore()
        let now = Date()
        let report = try anniversaryCall {
            let planner = try AnniversaryPlanner(store: store, settings: settings)
            if !dryRun && !late { try planner.checkNotLate(day: day, now: now) }
            return try planner.run(day: day, now: now, dryRun: dryRun)
        }
        let fresh = Set(report.queued.map { "\($0.customerID)/\($0.kind.rawValue)" })
        if json {
            for text in report.plan.texts {
                var line = AnniversaryLine(text)
                line.status = fresh.contains("\(text.customerID)/\(text.kind.rawValue)") && !dryRun ? "queued" : "planned"
                print(line.json)
            }
            for exclusion in report.plan.exclusions { print(AnniversaryLine(exclusion).json) }
            return
        }
        let occurrence = report.plan.occurrenceDay
        print("\(day) 발송분: \(occurrence) 기념일" + (dryRun ? " (미리보기, 대기열에 넣지 않음)" : ""))
        for t in report.plan.texts {
            let mark = fresh.contains("\(t.customerID)/\(t.kind.rawValue)") ? "" : " [이미 대기열에 있음]"
            print("- \(t.name) (\(t.code ?? "-")) \(t.kind.korean) \(t.origin.originArrow(t.occurrence))"
                + " · \(PhoneNumber.masked(t.phone)) · \(t.type.rawValue) \(t.bytes)바이트"
                + " · \(OutboxTime.seoulMinute(t.sendAt))\(t.isHeld ? " (야간 보류)" : "")\(mark)")
            print("  \(t.text.replacingOccurrences(of: "\n", with: "\n  "))")
        }
        for e in report.plan.exclusions {
            print("- 제외: \(e.name) (\(e.code ?? "-")) \(e.kind.korean) \(e.origin.originArrow(e.occurrence)): \(e.reason)")
        }
        let verb = dryRun ? "추가 예정" : "대기열에 추가"
        var summary = "\(verb) \(report.queued.count)건, 이미 추가됨 \(report.alreadyQueued)건, 제외 \(report.plan.exclusions.count)건"
        if !report.cancelled.isEmpty { summary += ", 캠페인 취소로 보내지 않음 \(report.cancelled.count)건" }
        print(summary)
    }
}
