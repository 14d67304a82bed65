/// Which customers a query, export, bulk action or campaign audience covers.
///
/// Empty lists mean "no restriction"; the conditions are combined with AND, the names inside
/// one list with OR.
public struct CustomerFilter: Sendable, Equatable {
    /// Group names (any of).
    public var groups: [String]
    /// Grade names (any of).
    public var grades: [String]
    /// Text found in 성명, 별명, 고객번호, 이메일, 메모, 직장명 or (as digits) in a phone number.
    public var search: String?
    /// Only these customer ids.
    public var ids: [Int64]?

    public init(groups: [String] = [], grades: [String] = [], search: String? = nil, ids: [Int64]? = nil) {
        self.groups = groups; self.grades = grades; self.search = search; self.ids = ids
    }

    /// Everyone.
    public static let all = CustomerFilter()
}
