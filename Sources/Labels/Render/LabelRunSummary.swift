/// What a finished run produced.
public struct LabelRunSummary: Sendable, Hashable {
    /// Labels printed.
    public var labels: Int = 0
    /// Pages in the PDF.
    public var pages: Int = 0
    /// Customers not printed, with the reason, in input order.
    public var skipped: [LabelIssue] = []
    /// Customers printed with a change (missing glyphs, odd postcode …), in input order.
    public var warnings: [LabelIssue] = []
    /// The PDF written.
    public var path: String
    /// The PNG preview written, if asked for.
    public var previewPath: String?

    public init(path: String) { self.path = path }
}

/// What happened to one recipient handed to ``LabelDocument/add(_:)``.
public enum LabelOutcome: Sendable, Hashable {
    /// Printed on `page` (0-based) in `slot` (0-based, row-major), with any warnings.
    case printed(page: Int, slot: Int, warnings: [LabelIssue])
    /// Not printed.
    case skipped(LabelIssue)
}
