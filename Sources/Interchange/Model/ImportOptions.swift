/// How an import file is read.
public struct ImportOptions: Sendable {
    /// Skip columns whose header is not a known one, instead of refusing the file.
    public var ignoreUnknown: Bool
    /// The XLSX worksheet to read; `nil` for the first one.
    public var sheet: String?
    /// Today's date (`YYYY-MM-DD`, Asia/Seoul), recorded for a consent column's `Y`.
    public var today: String

    public init(ignoreUnknown: Bool = false, sheet: String? = nil, today: String? = nil) {
        self.ignoreUnknown = ignoreUnknown
        self.sheet = sheet
        self.today = today ?? DateText.todayInSeoul()
    }
}
