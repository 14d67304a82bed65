/// Marks an advertising message as 정보통신망법 제50조 and 시행령 별표 6 require:
/// `(광고)` and the sender's name at the very start, the free opt-out at the very end.
///
/// ```
/// (광고)김비서상사
/// <<이름>>님, 가을 신상품이 입고되었습니다.
/// 무료거부 080-123-4567
/// ```
///
/// The sender's contact is not repeated: 별표 6 allows leaving it out when it is the number the
/// message comes from (the registered `sms.sender`).
///
/// The wrapper's bytes (``overheadBytes``) count toward the limits like any other text, so a
/// message that was an SMS can become an LMS; ``MessageComposer`` reports when that happens.
/// The mark is spelled exactly `(광고)`; templates that already carry it, or a variant such as
/// `[광고]` or `(광 고)` (which the law does not accept), or their own `무료거부`, are refused.
public struct AdWrapper: Sendable, Hashable {
    /// 상호: the sender's name (`sms.shop_name`).
    public let shopName: String
    /// The free opt-out number (`sms.optout_number`), as configured: `080-123-4567`.
    public let optOutNumber: String

    /// The mark required at the start.
    public static let mark = "(광고)"

    /// Checks the shop name (non-empty, one line, sendable characters) and the opt-out number
    /// (an `080` number: digits and hyphens, 10–11 digits).
    public init(shopName: String, optOutNumber: String) throws(AdWrapperError) {
        let name = SMSText.normalize(shopName).trimmingWhitespace()
        guard !name.isEmpty else { throw .missingShopName }
        guard !name.contains(where: \.isNewline) else { throw .shopNameHasLineBreak }
        let problems = SMSBytes.problems(in: name)
        guard problems.isEmpty else { throw .shopNameCharacters(problems) }
        let number = optOutNumber.trimmingWhitespace()
        let digits = number.filter(\.isASCIIDigitCharacter)
        guard !number.isEmpty else { throw .missingOptOutNumber }
        guard number.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "-" }), digits.hasPrefix("080"),
            (10...11).contains(digits.count)
        else { throw .invalidOptOutNumber(optOutNumber) }
        self.shopName = name
        self.optOutNumber = number
        self.prefix = Self.mark + name + "\n"
        self.suffix = "\n무료거부 " + number
        self.overheadBytes = SMSBytes.count(prefix) + SMSBytes.count(suffix)
    }

    /// `(광고)상호` and a line break.
    public let prefix: String
    /// A line break and `무료거부 080-…`.
    public let suffix: String
    /// Bytes the wrapper adds to every message.
    public let overheadBytes: Int

    /// `body` with the mark, name and opt-out around it.
    public func wrap(_ body: String) -> String { prefix + body + suffix }

    /// `template` with the wrapper around its text; fails when the text marks itself already.
    public func wrap(_ template: MessageTemplate) throws(AdWrapperError) -> MessageTemplate {
        let found = Self.existingMarks(in: template.text)
        guard found.isEmpty else { throw .alreadyMarked(found) }
        var segments = template.segments
        segments.insert(.literal(prefix), at: 0)
        segments.append(.literal(suffix))
        return MessageTemplate(
            checkedSegments: merged(segments), text: wrap(template.text), subject: template.subject,
            placeholders: template.placeholders)
    }

    /// Advertising marks and opt-out notices already in `text`: `(광고)` and its forbidden
    /// variants (`[광고]`, `(광 고)`, `(광/고)`, `(광.고)`, `("광고")`, `(대출광고)` …) and `무료거부`.
    public static func existingMarks(in text: String) -> [String] {
        let squeezed = Array(text.filter { !$0.isWhitespace })
        var found: [String] = []
        for (i, character) in squeezed.enumerated() {
            guard let close = brackets[character] else { continue }
            let window = squeezed[(i + 1)..<min(squeezed.count, i + 10)]
            guard let end = window.firstIndex(of: close) else { continue }
            let letters = String(squeezed[(i + 1)..<end].filter { !"/.·\"'“”‘’".contains($0) })
            if letters.contains("광고") { found.append(String(squeezed[i...end])) }
        }
        let joined = String(squeezed)
        if let notice = ["무료수신거부", "무료거부", "수신거부"].first(where: joined.contains) {
            found.append(notice)
        }
        return found
    }

    private static let brackets: [Character: Character] = [
        "(": ")", "[": "]", "<": ">", "{": "}", "【": "】", "〔": "〕", "（": "）", "［": "］", "〈": "〉", "《": "》",
    ]

    private func merged(_ segments: [MessageTemplate.Segment]) -> [MessageTemplate.Segment] {
        var out: [MessageTemplate.Segment] = []
        for segment in segments {
            if case let .literal(next) = segment, case let .literal(previous)? = out.last {
                out[out.count - 1] = .literal(previous + next)
            } else {
                out.append(segment)
            }
        }
        return out
    }
}

/// Why an advertising wrapper cannot be made.
public enum AdWrapperError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `sms.shop_name` is not set.
    case missingShopName
    case shopNameHasLineBreak
    case shopNameCharacters([CharacterProblem])
    /// `sms.optout_number` is not set.
    case missingOptOutNumber
    /// Not an 080 number of 10–11 digits (hyphens allowed).
    case invalidOptOutNumber(String)
    /// The template already has these marks; the wrapper adds them itself.
    case alreadyMarked([String])

    public var description: String {
        switch self {
        case .missingShopName: "sms.shop_name is not set: an advertisement must name its sender"
        case .shopNameHasLineBreak: "sms.shop_name has a line break"
        case let .shopNameCharacters(problems):
            "sms.shop_name: " + problems.map(\.description).joined(separator: "; ")
        case .missingOptOutNumber: "sms.optout_number is not set: an advertisement needs a free opt-out number"
        case let .invalidOptOutNumber(number): "sms.optout_number '\(number)' is not an 080 number"
        case let .alreadyMarked(marks):
            "the text already has \(marks.joined(separator: ", ")); remove it, the advertising wrapper adds (광고) and 무료거부"
        }
    }

    public var korean: String {
        switch self {
        case .missingShopName: "광고 문자에는 상호가 필요합니다 (sms.shop_name)"
        case .shopNameHasLineBreak: "상호에 줄바꿈이 있습니다 (sms.shop_name)"
        case let .shopNameCharacters(problems): "상호: " + problems.map(\.korean).joined(separator: "; ")
        case .missingOptOutNumber: "광고 문자에는 무료수신거부 번호가 필요합니다 (sms.optout_number)"
        case let .invalidOptOutNumber(number): "무료수신거부 번호 '\(number)'가 080 번호가 아닙니다"
        case let .alreadyMarked(marks):
            "본문에 이미 \(marks.joined(separator: ", ")) 표기가 있습니다. 지우세요: (광고)와 무료거부는 자동으로 붙습니다"
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isWholeNumber }
}
