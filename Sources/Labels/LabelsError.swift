/// Why a label run could not start or finish. Problems with single customers are not
/// errors: they are ``LabelIssue``s in the run's summary.
public enum LabelsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No usable font file; `searched` lists every path tried, in order.
    case fontNotFound(searched: [String])
    /// FreeType could not open the file (`code` is FreeType's error number).
    case fontUnreadable(path: String, code: Int32)
    /// The font has no Unicode character map or no Hangul syllables.
    case fontUnsuitable(path: String, reason: String)
    /// Cairo could not create or write a surface (`status` is cairo's message).
    case cairo(path: String, status: String)
    /// `--start-at` outside 1…labels per page.
    case startOutOfRange(startAt: Int, labelsPerPage: Int)
    /// The sheet's numbers do not describe a printable grid.
    case badSheet(name: String, problems: [String])
    /// The layout options contradict each other (e.g. minimum size above preferred size).
    case badOptions(String)

    public var description: String {
        switch self {
        case .fontNotFound(let searched):
            "no NanumGothic font found; tried: \(searched.joined(separator: ", ")) — install fonts-nanum or set labels.font_file"
        case .fontUnreadable(let path, let code):
            "\(path): FreeType cannot open the font (error \(code))"
        case .fontUnsuitable(let path, let reason):
            "\(path): unsuitable font: \(reason)"
        case .cairo(let path, let status):
            "\(path): cairo: \(status)"
        case .startOutOfRange(let startAt, let perPage):
            "--start-at \(startAt) is outside 1…\(perPage) (labels on one sheet)"
        case .badSheet(let name, let problems):
            "sheet \(name): \(problems.joined(separator: "; "))"
        case .badOptions(let message):
            message
        }
    }
}
