import ArgumentParser
import KoreanCalendar

extension LeapPolicy: ExpressibleByArgument {}
extension Day30Policy: ExpressibleByArgument {}
extension Feb29Policy: ExpressibleByArgument {}

extension CalendarCommand {
    /// `kimbiseo calendar anniversary (--lunar MM-DD [--leap] | --solar MM-DD) (--lunar-year Y | --year Y)`
    struct Anniversary: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "anniversary",
            abstract: "기념일: the solar date(s) on which a lunar or solar anniversary is kept.",
            discussion: """
                --lunar MM-DD with --lunar-year Y prints the one solar date of that lunar year (none
                with --leap-policy skip in a year without the leap month). With --year Y (Gregorian)
                it prints every date in that year, one per line: zero, one or two, because lunar
                11th/12th-month anniversaries cross the year boundary.
                --solar MM-DD --year Y does the same for a solar anniversary (02-29 → --feb29).
                Rules: a regular-month anniversary stays in the regular month; a leap-month
                anniversary (--leap) by --leap-policy; day 30 of a 29-day month by --day30.
                With --json each date is one JSON object per line:
                {"solar":"1991-01-10","lunar_year":1990} (solar anniversaries: {"solar":"…"}).

                Examples:
                  kimbiseo calendar anniversary --lunar 11-25 --year 1991   → 1991-01-10, 1991-12-30
                  kimbiseo calendar anniversary --lunar 12-30 --lunar-year 2024   → 2025-01-28
                  kimbiseo calendar anniversary --lunar 02-01 --leap --lunar-year 2024 --leap-policy skip
                  kimbiseo calendar anniversary --solar 02-29 --year 2025 --feb29 mar-1
                """)

        /// Accepted like every command's (this one reads neither the store nor the settings).
        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("A lunar anniversary (month-day).", valueName: "MM-DD"))
        var lunar: String?

        @Option(name: .long, help: ArgumentHelp("A solar anniversary (month-day).", valueName: "MM-DD"))
        var solar: String?

        @Flag(name: .long, help: "The lunar anniversary is in a leap month (윤달).")
        var leap = false

        @Option(name: .customLong("lunar-year"), help: ArgumentHelp("The lunar year to resolve in.", valueName: "Y"))
        var lunarYear: Int?

        @Option(name: .long, help: ArgumentHelp("The Gregorian year: every date in it.", valueName: "Y"))
        var year: Int?

        @Option(name: .customLong("day30"), help: "Day 30 in a 29-day month: last-day (default) or next-day.")
        var day30: Day30Policy = .lastDay

        @Option(name: .customLong("leap-policy"),
                help: "Leap anniversary without that leap month: leap-if-present (default), always-regular, skip.")
        var leapPolicy: LeapPolicy = .leapIfPresent

        @Option(name: .customLong("feb29"), help: "Solar 02-29 in a common year: feb-28 (default) or mar-1.")
        var feb29: Feb29Policy = .feb28

        @Flag(name: .long, help: "One JSON object per date.")
        var json = false

        func validate() throws {
            guard (lunar == nil) != (solar == nil) else {
                throw ValidationError("give exactly one of --lunar MM-DD or --solar MM-DD")
            }
            if solar != nil {
                guard year != nil, lunarYear == nil else { throw ValidationError("--solar needs --year Y") }
                guard !leap else { throw ValidationError("--leap applies to --lunar only") }
            } else {
                guard (year == nil) != (lunarYear == nil) else {
                    throw ValidationError("give exactly one of --lunar-year Y or --year Y")
                }
            }
        }

        func run() throws {
            let rules = AnniversaryRules(leap: leapPolicy, day30: day30, feb29: feb29)
            do throws(CalendarError) {
                if let solar {
                    let (month, day) = try Self.monthDay(solar)
                    for date in try occurrences(ofSolar: month, day: day, inGregorianYear: year ?? 0, rules: rules) {
                        print(json ? "{\"solar\":\(CalendarOutput.json(date.description))}" : date.description)
                    }
                    return
                }
                let (month, day) = try Self.monthDay(lunar ?? "")
                var found: [(date: SolarDate, lunarYear: Int)] = []
                if let lunarYear {
                    if let date = try solarDate(ofLunar: month, day: day, leap: leap, inLunarYear: lunarYear, rules: rules) {
                        found.append((date, lunarYear))
                    }
                } else if let year {
                    for date in try occurrences(ofLunar: month, day: day, leap: leap, inGregorianYear: year, rules: rules) {
                        let previous = try solarDate(ofLunar: month, day: day, leap: leap, inLunarYear: year - 1, rules: rules)
                        found.append((date, previous == date ? year - 1 : year))
                    }
                }
                for (date, lunarYear) in found {
                    print(json ? "{\"solar\":\(CalendarOutput.json(date.description)),\"lunar_year\":\(lunarYear)}"
                               : date.description)
                }
            } catch {
                throw CLIError(error.description)
            }
        }

        /// `MM-DD` as numbers.
        static func monthDay(_ text: String) throws(CalendarError) -> (Int, Int) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
                  parts.allSatisfy({ (1...2).contains($0.count) })
            else { throw .malformed(input: text, expected: "MM-DD") }
            return (month, day)
        }
    }
}
