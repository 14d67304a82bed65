import ArgumentParser
import KoreanCalendar

extension CalendarCommand {
    /// `kimbiseo calendar terms YEAR [--json]`
    struct Terms: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "terms",
            abstract: "24절기: the 24 solar terms of a year (KST, to the minute).",
            discussion: """
                Prints 24 lines in order of occurrence: `YYYY-MM-DDTHH:MM+09:00 소한 Minor Cold`.
                Times are computed astronomically (apparent solar longitude, VSOP87 with nutation
                and aberration, ΔT by Espenak–Meeus) and rounded to the nearest minute as KASI
                publishes them; years 1900–2100.
                With --json each term is one JSON object per line:
                {"name_ko":"소한","name_en":"Minor Cold","longitude":285,"kst":"2025-01-05T11:33+09:00"}

                Example:
                  kimbiseo calendar terms 2025
                """)

        /// Accepted like every command's (this one reads neither the store nor the settings).
        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The Gregorian year (1900–2100).", valueName: "YEAR"))
        var year: Int

        @Flag(name: .long, help: "One JSON object per term.")
        var json = false

        func run() throws {
            let terms: [SolarTermTime]
            do throws(CalendarError) { terms = try SolarTerms.terms(inYear: year) } catch { throw CLIError(error.description) }
            for time in terms {
                if json {
                    print("{\"name_ko\":\(CalendarOutput.json(time.term.nameKorean)),"
                        + "\"name_en\":\(CalendarOutput.json(time.term.nameEnglish)),"
                        + "\"longitude\":\(time.term.longitude),\"kst\":\(CalendarOutput.json(time.kst))}")
                } else {
                    print(time.description)
                }
            }
        }
    }
}
