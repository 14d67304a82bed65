import Anniversaries
import ArgumentParser
import Foundation
import KoreanCalendar
import Messaging
import Store

/// `kimbiseo anniversaries upcoming [--days N] [--from DATE] [--json]`
struct AnniversariesUpcomingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upcoming",
        abstract: "List the birthdays and wedding anniversaries of the next days.",
        discussion: """
            One line per customer anniversary: the solar date, customer, kind, for lunar dates the
            lunar date it came from (음력 3월 15일 → 2026-05-01), age or years married when the year
            is known, and the text that will be sent (or why none will).
            With --json one object per line:
            {"customer_id":1,"code":"C000001","name":"김영희","kind":"birthday","date":"2026-05-01",
             "calendar":"lunar","origin":"음력 3월 15일 → 2026-05-01","years":56,"status":"planned",
             "send_at":"2026-05-01 09:00","type":"SMS","text":"…","phone":"010-1234-5678", …}
            ("status":"excluded" lines carry "reason" instead of a text.)
            Examples:
              kimbiseo anniversaries upcoming
              kimbiseo anniversaries upcoming --days 30 --json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "How many days, today included.") var days = 7
    @Option(help: ArgumentHelp("Start on this day instead of today (KST).", valueName: "YYYY-MM-DD")) var from: String?
    @Flag(help: "One JSON object per line.") var json = false

    func run() async throws {
        guard (1...400).contains(days) else { throw CLIError("--days must be 1…400") }
        let start = try from.map(Self.parseDay) ?? SeoulTime.calendarDate(of: Date())
        let (settings, store) = try global.openStore()
        let plans = try anniversaryCall {
            try AnniversaryPlanner(store: store, settings: settings).upcoming(from: start, days: days, now: Date())
        }
        if json {
            for plan in plans {
                for text in plan.texts { print(AnniversaryLine(text).json) }
                for exclusion in plan.exclusions { print(AnniversaryLine(exclusion).json) }
            }
            return
        }
        var table = TextTable(["날짜", "고객", "종류", "원래 날짜", "나이", "발송", "문자"])
        for plan in plans {
            for t in plan.texts {
                table.append([
                    t.occurrence.description, "\(t.name) (\(t.code ?? "-"))", t.kind.korean,
                    t.origin.calendar == .solar ? "양력" : t.origin.originArrow(t.occurrence),
                    AnniversaryLine.years(t.years, t.kind), OutboxTime.seoulMinute(t.sendAt), t.text,
                ])
            }
            for e in plan.exclusions {
                table.append([
                    e.occurrence.description, "\(e.name) (\(e.code ?? "-"))", e.kind.korean,
                    e.origin.calendar == .solar ? "양력" : e.origin.originArrow(e.occurrence),
                    AnniversaryLine.years(e.years, e.kind), "보내지 않음", e.reason,
                ])
            }
        }
        guard !table.rows.isEmpty else {
            print("\(start)부터 \(days)일 동안 기념일이 없습니다")
            return
        }
        print(table.render())
    }

    static func parseDay(_ text: String) throws -> SolarDate {
        do {
            return try SolarDate(parsing: text)
        } catch {
            throw CLIError("'\(text)' is not a date YYYY-MM-DD: \(error)")
        }
    }
}
