import KoreanCalendar
import Messaging

/// Output helpers shared by the `calendar` subcommands.
enum CalendarOutput {
    /// A JSON string literal.
    static func json(_ text: String) -> String { JSONText.quoted(text) }

    /// `{"year":2025,"month":1,"day":1,"leap":false}`
    static func json(_ lunar: LunarDate) -> String {
        "{\"year\":\(lunar.year),\"month\":\(lunar.month),\"day\":\(lunar.day),\"leap\":\(lunar.isLeapMonth)}"
    }

    /// `{"solar":"2025-01-29","lunar":{…}}`
    static func json(solar: SolarDate, lunar: LunarDate) -> String {
        "{\"solar\":\(json(solar.description)),\"lunar\":\(json(lunar))}"
    }

    /// `{"input":"…","error":"…"}`
    static func json(input: String, error: String) -> String {
        "{\"input\":\(json(input)),\"error\":\(json(error))}"
    }

    /// Runs `convert` on each line of standard input and prints one answer per line, in order:
    /// the answer, or `invalid: REASON` (JSON: `{"input","error"}`).
    static func batch(json useJSON: Bool, _ convert: (String) throws(CalendarError) -> (text: String, json: String)) {
        while let line = readLine(strippingNewline: true) {
            do throws(CalendarError) {
                let answer = try convert(line)
                print(useJSON ? answer.json : answer.text)
            } catch {
                print(useJSON ? json(input: line, error: error.description) : "invalid: \(error.description)")
            }
        }
    }
}
