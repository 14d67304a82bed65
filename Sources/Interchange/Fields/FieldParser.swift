import Store

/// Reads one cell's text as the value its column holds; throws ``FieldError`` with a
/// message that quotes the text.
///
/// Text arrives trimmed and NFC-normalized; empty text never reaches these functions.
struct FieldParser: Sendable {
    /// Today's date (`YYYY-MM-DD`, Asia/Seoul): what a consent column's `Y` stands for.
    var today: String

    func gender(_ text: String) throws(FieldError) -> Gender {
        guard let gender = Self.genders.value(of: text) else {
            throw FieldError("'\(text)' is not a gender (남/여, M/F)")
        }
        return gender
    }

    private static let genders = Keywords<Gender>([
        "남": .male, "남자": .male, "남성": .male, "m": .male, "male": .male,
        "여": .female, "여자": .female, "여성": .female, "f": .female, "female": .female,
    ])

    func flag(_ text: String) throws(FieldError) -> Bool {
        if let value = Self.yesNo(text) { return value }
        throw FieldError("'\(text)' is not Y/N")
    }

    static func yesNo(_ text: String) -> Bool? {
        answers.value(of: text)
    }

    private static let answers = Keywords<Bool>([
        "y": true, "yes": true, "예": true, "네": true, "o": true, "1": true, "true": true, "동의": true,
        "n": false, "no": false, "아니오": false, "아니요": false, "x": false, "0": false, "false": false,
        "미동의": false,
    ])

    func phone(_ text: String) throws(FieldError) -> String {
        guard let digits = PhoneDigits.plainDigits(text) ?? PhoneNumber.normalize(text) else {
            throw FieldError("'\(text)' is not a phone number")
        }
        return digits
    }

    /// A plausible address: one `@`, a local part, a domain with a dot (not at either end),
    /// no spaces, commas or semicolons. Checked over UTF-8 bytes: this runs for every row.
    func email(_ text: String) throws(FieldError) -> String {
        var at = -1, count = 0, lastDot = -1, firstDomainDot = -1, valid = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "@"):
                if at >= 0 { valid = false }
                at = count
            case UInt8(ascii: "."):
                if at >= 0 && firstDomainDot < 0 { firstDomainDot = count }
                lastDot = count
            case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, 0x0A, 0x0D:
                valid = false
            default:
                break
            }
            count += 1
        }
        guard valid, at > 0, firstDomainDot > at + 1, lastDot < count - 1 else {
            throw FieldError("'\(text)' is not an email address")
        }
        return text
    }

    func postcode(_ text: String) throws(FieldError) -> String {
        guard text.utf8.count == 5, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw FieldError("'\(text)' is not a 5-digit postcode")
        }
        return text
    }

    func calendar(_ text: String) throws(FieldError) -> CalendarKind {
        guard let calendar = Self.calendars.value(of: text) else {
            throw FieldError("'\(text)' is not a calendar (양력/음력/윤달, solar/lunar/lunar-leap)")
        }
        return calendar
    }

    private static let calendars = Keywords<CalendarKind>([
        "양력": .solar, "solar": .solar, "s": .solar,
        "음력": .lunar, "lunar": .lunar, "l": .lunar,
        "윤달": .lunarLeap, "윤": .lunarLeap, "lunar-leap": .lunarLeap, "lunarleap": .lunarLeap, "leap": .lunarLeap,
    ])

    /// An anniversary in `calendar`: a solar date must exist (Feb 29 only in leap years,
    /// or without a year); a lunar date needs month 1–12 and day 1–30 and, with a year, must
    /// exist in that year.
    func anniversary(_ text: String, calendar: CalendarKind) throws(FieldError) -> AnniversaryDate {
        guard let parts = DateText.parse(text) else {
            throw FieldError("'\(text)' is not a date (YYYY-MM-DD, YYYY.MM.DD, YYYYMMDD or MM-DD)")
        }
        if let year = parts.year, !DateText.years.contains(year) {
            throw FieldError("'\(text)' has an implausible year")
        }
        switch calendar {
        case .solar:
            guard DateText.isValidSolar(year: parts.year, month: parts.month, day: parts.day) else {
                throw FieldError("'\(text)' is not a date in the solar calendar")
            }
        case .lunar, .lunarLeap:
            guard DateText.isValidLunar(month: parts.month, day: parts.day) else {
                throw FieldError("'\(text)' is not a lunar date (month 1–12, day 1–30)")
            }
        }
        let date = AnniversaryDate(calendar: calendar, year: parts.year, month: parts.month, day: parts.day)
        // With a year, a lunar date must exist in that year (the lunar table's months have 29
        // or 30 days, and a leap month only where the year has one).
        if calendar != .solar, let problem = date.problem {
            throw FieldError("'\(text)' is not a date in the lunar calendar: \(problem)")
        }
        return date
    }

    /// A full solar date as `YYYY-MM-DD`.
    func day(_ text: String) throws(FieldError) -> String {
        guard let parts = DateText.parse(text), let year = parts.year, DateText.years.contains(year),
              DateText.isValidSolar(year: year, month: parts.month, day: parts.day)
        else { throw FieldError("'\(text)' is not a date (YYYY-MM-DD)") }
        return DateText.format(year: year, month: parts.month, day: parts.day)
    }

    /// A consent column: `Y` (given today), `N` (not given) or the date it was given.
    func consent(_ text: String) throws(FieldError) -> ConsentMark? {
        if let given = Self.yesNo(text) {
            return given ? ConsentMark(date: today, source: "import") : nil
        }
        guard let parts = DateText.parse(text), let year = parts.year, DateText.years.contains(year),
              DateText.isValidSolar(year: year, month: parts.month, day: parts.day)
        else { throw FieldError("'\(text)' is neither Y/N nor a date (YYYY-MM-DD)") }
        return ConsentMark(date: DateText.format(year: year, month: parts.month, day: parts.day), source: "import")
    }
}
