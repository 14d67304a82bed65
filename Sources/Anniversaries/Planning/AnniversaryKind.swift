/// Which anniversary a text greets.
public enum AnniversaryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 생일
    case birthday
    /// 결혼기념일
    case wedding

    /// 생일 / 결혼기념일.
    public var korean: String {
        switch self {
        case .birthday: "생일"
        case .wedding: "결혼기념일"
        }
    }

    /// The customer table's column prefix (`birthday_month`, `wedding_month`, …).
    var column: String { rawValue }
}
