/// 경칭 (honorific) printed after a person's name. Organisations always get 귀중
/// unless the choice is ``none``.
public enum Honorific: String, Sendable, CaseIterable, Codable {
    /// `홍길동 님` — friendly, common in marketing mail.
    case nim = "님"
    /// `홍길동 귀하` — formal.
    case gwiha = "귀하"
    /// `홍길동 고객님`.
    case gogaeknim = "고객님"
    /// No suffix at all, for people and organisations.
    case none

    /// The organisations' suffix.
    public static let organisation = "귀중"

    /// Endings that already are an honorific: a name ending in one gets no second one
    /// (`님 귀하` is a double honorific).
    public static let existingEndings = ["고객님", "선생님", "님", "귀하", "귀중", "씨", "앞"]
}

/// How labels are laid out. Sizes in points, distances in millimetres.
public struct LabelLayoutOptions: Sendable, Hashable {
    public var honorific: Honorific = .nim
    /// Preferred size; Korea Post recommends 11 pt.
    public var fontSize: Double = 11
    /// Never smaller than this; Korea Post allows 9–14 pt.
    public var minFontSize: Double = 9
    /// The small customer key line (not address text, so below the minimum).
    public var keyFontSize: Double = 6.5
    /// Print ``LabelRecipient/keyLine`` when present.
    public var showKeyLine: Bool = true
    /// Inner margin left and right.
    public var paddingX: Double = 4
    /// Inner margin top and bottom.
    public var paddingY: Double = 2.5
    /// Space between lines; Korea Post asks for at least 1.5 mm.
    public var lineGap: Double = 1.5
    /// Most lines one field (address, detail …) may wrap into.
    public var maxLinesPerField: Int = 3

    public init() {}

    /// Problems that make the options unusable; empty when sound.
    public func problems() -> [String] {
        var p: [String] = []
        if minFontSize <= 0 { p.append("minimum font size must be positive") }
        if fontSize < minFontSize { p.append("font size \(fontSize) pt is below the minimum \(minFontSize) pt") }
        if keyFontSize <= 0 { p.append("key line size must be positive") }
        if paddingX < 0 || paddingY < 0 || lineGap < 0 { p.append("paddings and line gap must not be negative") }
        if maxLinesPerField < 1 { p.append("a field needs at least one line") }
        return p
    }
}
