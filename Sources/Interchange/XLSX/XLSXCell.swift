/// A worksheet cell's value as stored.
enum XLSXCell {
    case empty
    /// A string (shared, inline or a formula's string result).
    case text(String)
    /// A number as written in the file (`<v>`), e.g. `1012345678`, `29221`, `3.5`.
    case number(String)
    case bool(Bool)

    /// The cell as the text a customer column expects.
    ///
    /// A number in a date column is an Excel date serial; a number in a phone column lost
    /// its leading zero (`1012345678` → `01012345678`); a number in a postcode column lost
    /// its leading zeros (`6236` → `06236`).
    func text(for column: CustomerColumn?, date1904: Bool) -> String {
        switch self {
        case .empty: return ""
        case .text(let text): return text
        case .bool(let value):
            return value ? "Y" : "N"
        case .number(let raw):
            guard let column else { return raw }
            if column.isDate, let serial = Double(raw), let date = ExcelDate.text(serial: serial, date1904: date1904) {
                return date
            }
            let integral = raw.hasSuffix(".0") ? String(raw.dropLast(2)) : raw
            switch column {
            case .mobile, .workPhone, .fax, .homePhone:
                return integral.first == "0" ? integral : "0" + integral
            case .workPostcode, .homePostcode:
                guard integral.count < 5, integral.allSatisfy(\.isNumber) else { return integral }
                return String(repeating: "0", count: 5 - integral.count) + integral
            default:
                return integral
            }
        }
    }
}
