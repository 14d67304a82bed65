import ArgumentParser
import KoreanCalendar

extension CalendarCommand {
    /// `kimbiseo calendar to-solar DATE [--leap] [--json]`
    struct ToSolar: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "to-solar",
            abstract: "음력 → 양력: the solar date of a lunar date.",
            discussion: """
                Prints YYYY-MM-DD. Without DATE, reads standard input: one lunar date per line,
                YYYY-MM-DD optionally followed by a space and `leap` (or `윤`) for a leap month,
                and prints one line per input line in order — the solar date or `invalid: REASON`
                (exit status 0 unless standard input cannot be read).
                With --json each answer is one JSON object per line:
                {"solar":"2025-01-29","lunar":{"year":2025,"month":1,"day":1,"leap":false}}
                or {"input":"…","error":"…"}.

                Examples:
                  kimbiseo calendar to-solar 2025-01-01          → 2025-01-29
                  kimbiseo calendar to-solar 2023-02-01 --leap   → 2023-03-22
                  printf '2023-02-01 윤\\n2024-01-30\\n' | kimbiseo calendar to-solar
                """)

        /// Accepted like every command's (this one reads neither the store nor the settings).
        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The lunar date (YYYY-MM-DD); omit to read lines from standard input.",
                                     valueName: "DATE"))
        var date: String?

        @Flag(name: .long, help: "The date is in the leap month (윤달).")
        var leap = false

        @Flag(name: .long, help: "One JSON object per answer.")
        var json = false

        func run() throws {
            guard let date else {
                CalendarOutput.batch(json: json) { line throws(CalendarError) in
                    let lunar = try Self.parse(line)
                    return (lunar.solarDate.description, CalendarOutput.json(solar: lunar.solarDate, lunar: lunar))
                }
                return
            }
            do throws(CalendarError) {
                let lunar = try LunarDate(parsing: date, isLeapMonth: leap)
                print(json ? CalendarOutput.json(solar: lunar.solarDate, lunar: lunar) : lunar.solarDate.description)
            } catch {
                throw CLIError(error.description)
            }
        }

        /// `YYYY-MM-DD`, optionally followed by ` leap` or ` 윤`.
        static func parse(_ line: String) throws(CalendarError) -> LunarDate {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard (1...2).contains(fields.count) else {
                throw .malformed(input: line, expected: "YYYY-MM-DD [leap|윤]")
            }
            var leap = false
            if fields.count == 2 {
                guard fields[1].lowercased() == "leap" || fields[1] == "윤" else {
                    throw .malformed(input: line, expected: "YYYY-MM-DD [leap|윤]")
                }
                leap = true
            }
            return try LunarDate(parsing: fields[0], isLeapMonth: leap)
        }
    }
}
