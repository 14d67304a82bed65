import ArgumentParser
import KoreanCalendar
import Settings

extension CalendarCommand {
    /// `kimbiseo calendar holidays YEAR [--json]`
    struct Holidays: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "holidays",
            abstract: "공휴일: the public holidays of a year.",
            discussion: """
                Prints one line per holiday in date order: `YYYY-MM-DD 설날 Seollal`; substitute
                days are named after their holiday: `대체공휴일(추석) Substitute Holiday (Chuseok)`.
                Covers 1990–2100 with the rules in force each year, national election days, and
                임시공휴일 — the built-in ones plus `calendar.extra_holidays` from the configuration:
                  calendar:
                    extra_holidays:
                      - {date: 2031-03-14, name: 임시공휴일, name_en: Temporary Holiday}
                With --json each holiday is one JSON object per line:
                {"date":"2025-10-08","name_ko":"대체공휴일(추석)","name_en":"Substitute Holiday (Chuseok)","kind":"substitute"}
                (kind: fixed, lunar, substitute, election, temporary, extra).

                Example:
                  kimbiseo calendar holidays 2025
                """)

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The Gregorian year (1990–2100).", valueName: "YEAR"))
        var year: Int

        @Flag(name: .long, help: "One JSON object per holiday.")
        var json = false

        func run() throws {
            let settings = try global.loadSettings()
            var extra: [Holiday] = []
            for (index, configured) in settings.calendar.extraHolidays.enumerated() {
                do throws(CalendarError) {
                    let date = try SolarDate(parsing: configured.date)
                    extra.append(Holiday(date: date, name: configured.name,
                                         nameEnglish: configured.nameEnglish ?? "Temporary Holiday", kind: .extra))
                } catch {
                    throw CLIError("calendar.extra_holidays[\(index)].date: \(error.description)")
                }
            }
            let holidays: [Holiday]
            do throws(CalendarError) {
                holidays = try KoreanHolidays.holidays(inYear: year, extra: extra)
            } catch {
                throw CLIError(error.description)
            }
            for holiday in holidays {
                if json {
                    print("{\"date\":\(CalendarOutput.json(holiday.date.description)),"
                        + "\"name_ko\":\(CalendarOutput.json(holiday.name)),"
                        + "\"name_en\":\(CalendarOutput.json(holiday.nameEnglish)),"
                        + "\"kind\":\(CalendarOutput.json(holiday.kind.rawValue))}")
                } else {
                    print(holiday.description)
                }
            }
        }
    }
}
