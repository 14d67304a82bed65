/// Who a campaign goes to: everyone, groups and/or grades, or chosen customers.
///
/// Groups and grades combine like ``Store/CustomerFilter``: any of the groups AND any of the
/// grades. Customer ids stand alone. Names are NFC-normalized; an unknown name is an error
/// (``MessagingError/unknownAudience(kind:names:)``), so a typo never sends to nobody silently.
public struct Audience: Sendable, Hashable, Codable {
    /// Every customer.
    public var all: Bool
    /// Group names (any of).
    public var groups: [String]
    /// Grade names (any of).
    public var grades: [String]
    /// Chosen customer ids.
    public var customerIDs: [Int64]

    public init(all: Bool = false, groups: [String] = [], grades: [String] = [], customerIDs: [Int64] = []) {
        self.all = all
        self.groups = groups.map(SMSText.normalize)
        self.grades = grades.map(SMSText.normalize)
        self.customerIDs = customerIDs
    }

    /// Every customer.
    public static let everyone = Audience(all: true)

    /// Throws ``MessagingError/invalidAudience(_:)`` unless exactly one way of choosing is used
    /// (groups and grades together count as one).
    public func validate() throws(MessagingError) {
        let ways = (all ? 1 : 0) + (groups.isEmpty && grades.isEmpty ? 0 : 1) + (customerIDs.isEmpty ? 0 : 1)
        if ways == 0 { throw .invalidAudience("choose --all, --group, --grade or --customer") }
        if ways > 1 { throw .invalidAudience("--all, --group/--grade and --customer cannot be combined") }
    }

    /// `전체`, `그룹 VIP, 골드 · 등급 A`, `고객 3명 (12, 15, 40)`.
    public var description: String {
        if all { return "전체" }
        if !customerIDs.isEmpty {
            let shown = customerIDs.prefix(10).map(String.init).joined(separator: ", ")
            return "고객 \(customerIDs.count)명 (\(shown)\(customerIDs.count > 10 ? ", …" : ""))"
        }
        var parts: [String] = []
        if !groups.isEmpty { parts.append("그룹 " + groups.joined(separator: ", ")) }
        if !grades.isEmpty { parts.append("등급 " + grades.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
