/// Keeps spreadsheet programs from running exported text as a formula (CSV injection).
///
/// Excel and LibreOffice treat a cell that begins with `=`, `+`, `-` or `@` (or a tab or CR
/// before one) as a formula: a 성명 of `=HYPERLINK("http://x","y")` would become a live link
/// on the office PC. On export such a cell gets a leading apostrophe, which the spreadsheet
/// shows as plain text (the OWASP rule); the store keeps the original, and an import of our
/// own export removes the apostrophe again, so a round trip is exact.
enum FormulaGuard {
    /// The characters that make a spreadsheet read a cell as a formula.
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether `text` needs the apostrophe: it begins with a trigger, or with apostrophes
    /// before one (so that a value which itself starts with `'=` also reads back exactly).
    static func needsGuard<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> Bool {
        for scalar in scalars {
            if triggers.contains(scalar) { return true }
            if scalar != "'" { return false }
        }
        return false
    }

    /// `field` as written to a CSV: with a leading `'` when ``needsGuard(_:)``.
    static func neutralised(_ field: String) -> String {
        needsGuard(field.unicodeScalars) ? "'" + field : field
    }

    /// A CSV cell as read: the apostrophe ``neutralised(_:)`` added is removed.
    static func restored(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'", needsGuard(cell.unicodeScalars.dropFirst()) else { return cell }
        return String(cell.unicodeScalars.dropFirst())
    }
}
