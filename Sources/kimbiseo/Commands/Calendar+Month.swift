import ArgumentParser
import KoreanCalendar

extension CalendarCommand {
    /// `kimbiseo calendar month YYYY-MM`
    struct Month: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "month",
            abstract: "달력: a month as a Korean wall calendar prints it.",
            discussion: """
                A grid from Sunday (일) to Saturday (토). Under each day: its lunar date (M.D,
                `윤` before a leap month) and the solar term that begins that day. Public holidays
                carry `*` and are listed under the grid with the solar terms and their times.
                Lunar dates cover solar 1000-02-13 … 2050-12-31, holidays 1990–2100, solar terms
                1900–2100; outside those ranges the line is left empty.

                Example:
                  kimbiseo calendar month 2025-10
                """)

        /// Accepted like every command's (this one reads neither the store nor the settings).
        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The month.", valueName: "YYYY-MM"))
        var month: String

        static let cellWidth = 8

        func run() throws {
            let (year, monthNumber) = try Self.parseMonth(month)
            let first: SolarDate
            do throws(CalendarError) { first = try SolarDate(year: year, month: monthNumber, day: 1) } catch {
                throw CLIError(error.description)
            }
            for line in Self.render(first: first) { print(line) }
        }

        static func parseMonth(_ text: String) throws -> (Int, Int) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
                  let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1
            else { throw CLIError("\"\(text)\" is not a month: expected YYYY-MM (e.g. 2025-10)") }
            return (year, month)
        }

        static func render(first: SolarDate) -> [String] {
            let days = SolarDate.daysIn(year: first.year, month: first.month)
            let holidays = ((try? KoreanHolidays.holidays(inYear: first.year)) ?? []).filter { $0.date.month == first.month }
            let terms = ((try? SolarTerms.terms(inYear: first.year)) ?? []).filter { $0.date.month == first.month }
            let englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]
            let title = "\(first.year)년 \(first.month)월 · \(englishMonths[first.month - 1]) \(first.year)"
            let width = cellWidth * 7
            var lines = [String(repeating: " ", count: max(0, (width - displayWidth(title)) / 2)) + title]
            lines.append(["일", "월", "화", "수", "목", "금", "토"].map { pad($0) }.joined())

            var week: [SolarDate?] = Array(repeating: nil, count: first.weekday)
            for day in 1...days {
                week.append(first.adding(days: day - 1))
                if week.count == 7 || day == days {
                    week += Array(repeating: nil, count: 7 - week.count)
                    lines += renderWeek(week, holidays: holidays, terms: terms)
                    week = []
                }
            }
            if !holidays.isEmpty {
                lines.append("")
                lines.append("* 공휴일 · holidays")
                for holiday in holidays {
                    lines.append("  \(pad(String(holiday.date.day), 2)) \(holiday.name) \(holiday.nameEnglish)")
                }
            }
            if !terms.isEmpty {
                lines.append("")
                lines.append("절기 · solar terms")
                for time in terms {
                    lines.append("  \(pad(String(time.date.day), 2)) \(time.term.nameKorean) \(time.term.nameEnglish) \(time.kst)")
                }
            }
            return lines
        }

        static func renderWeek(_ week: [SolarDate?], holidays: [Holiday], terms: [SolarTermTime]) -> [String] {
            var dayRow = "", lunarRow = "", termRow = ""
            for cell in week {
                guard let date = cell else {
                    dayRow += pad(""); lunarRow += pad(""); termRow += pad("")
                    continue
                }
                let mark = holidays.contains { $0.date == date } ? "*" : " "
                dayRow += pad("\(date.day)\(mark)")
                if let lunar = try? LunarDate(date) {
                    lunarRow += pad("\(lunar.isLeapMonth ? "윤" : "")\(lunar.month).\(lunar.day) ")
                } else {
                    lunarRow += pad("")
                }
                termRow += pad((terms.first { $0.date == date }?.term.nameKorean ?? "") + " ")
            }
            var rows = [dayRow, lunarRow]
            if termRow.contains(where: { $0 != " " }) { rows.append(termRow) }
            return rows.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
        }

        /// Right-aligns `text` in a cell, counting Hangul and other wide characters as two columns.
        static func pad(_ text: String, _ width: Int = cellWidth) -> String {
            String(repeating: " ", count: max(0, width - displayWidth(text))) + text
        }

        static func displayWidth(_ text: String) -> Int {
            text.unicodeScalars.reduce(0) { total, scalar in
                switch scalar.value {
                case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60: total + 2
                case 0x0300...0x036F, 0x1160...0x11FF: total  // combining marks, jamo vowels/finals
                default: total + 1
                }
            }
        }
    }
}
