import ArgumentParser
import KoreanCalendar

extension CalendarCommand {
    /// `kimbiseo calendar to-lunar DATE [--json]`
    struct ToLunar: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to-lunar",
            abstract: "양력 → 음력: the lunar date of a solar date.",
            discussion: """
                Prints YYYY-MM-DD, followed by ` leap` in a leap month (윤달). Without DATE, reads
                standard input: one solar date per line, and prints one line per input line in
                order — the lunar date or `invalid: REASON` (exit status 0 unless standard input
                cannot be read). With --json each answer is one JSON object per line:
                {"solar":"2023-03-22","lunar":{"year":2023,"month":2,"day":1,"leap":true}}
                or {"input":"…","error":"…"}.

                Examples:
                  kimbiseo calendar to-lunar 2025-01-29   → 2025-01-01
                  kimbiseo calendar to-lunar 2023-03-22   → 2023-02-01 leap
                """)

        /// Accepted like every command's (this one reads neither the store nor the settings).
        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The solar date (YYYY-MM-DD); omit to read lines from standard input.",
                                     valueName: "DATE"))
        var date: String?

        @Flag(name: .long, help: "One JSON object per answer.")
        var json = false

        func run() throws {
            guard let date else {
                CalendarOutput.batch(json: json) { line throws(CalendarError) in
                    let solar = try SolarDate(parsing: line)
                    let lunar = try LunarDate(solar)
                    return (lunar.description, CalendarOutput.json(solar: solar, lunar: lunar))
                }
                return
            }
            do throws(CalendarError) {
                let solar = try SolarDate(parsing: date)
                let lunar = try LunarDate(solar)
                print(json ? CalendarOutput.json(solar: solar, lunar: lunar) : lunar.description)
            } catch {
                throw CLIError(error.description)
            }
        }
    }
}
