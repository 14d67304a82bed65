/// Excel date serial numbers.
///
/// In the 1900 date system day 1 is 1900-01-01 and Excel counts a 1900-02-29 that never
/// was (serial 60, kept for Lotus 1-2-3 compatibility), so serials from 61 on are one day
/// ahead of a plain count; in the 1904 system (old Mac workbooks) day 0 is 1904-01-01.
enum ExcelDate {
    /// `YYYY-MM-DD` of a serial (its fraction, the time of day, dropped); serial 60 of the
    /// 1900 system is `1900-02-29`, which date checks then reject.
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(serial.rounded(.down))
        if !date1904 && whole == 60 { return "1900-02-29" }
        // Days since 1970-01-01.
        let days: Int
        if date1904 {
            days = whole - 24_107  // 1904-01-01 is 24,107 days before 1970-01-01
        } else {
            days = (whole < 60 ? whole + 1 : whole) - 25_569  // 1899-12-30 + serial
        }
        let (year, month, day) = civil(fromDays: days)
        return DateText.format(year: year, month: month, day: day)
    }

    /// The serial of a Gregorian date in the 1900 system.
    static func serial(year: Int, month: Int, day: Int) -> Int {
        let days = daysFromCivil(year: year, month: month, day: day) + 25_569
        return days < 61 ? days - 1 : days
    }

    /// Gregorian date of a day count from 1970-01-01 (Howard Hinnant's civil_from_days).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
