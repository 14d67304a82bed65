/// One character that cannot be sent in an SMS/LMS (it is outside KS X 1001 and ASCII).
///
/// Such a character is never sent as `?`: in a template it is an error, in a customer's data it
/// blocks that one message. ``suggestion`` is a safe replacement when there is one
/// (`–` → `-`, NBSP → space, `₩` → `￦`); an empty suggestion means "delete it"; `nil` means
/// the text must be rewritten (emoji, CP949-only Hangul syllables such as 똠).
public struct CharacterProblem: Sendable, Hashable, CustomStringConvertible {
    /// What kind of character it is.
    public enum Kind: String, Sendable, Hashable {
        /// A Hangul syllable outside the 2,350 of KS X 1001 (exists only in CP949), e.g. 똠.
        case hangulOutsideKSX1001 = "hangul"
        /// An emoji or a variation selector.
        case emoji
        /// A control or invisible character (tab, zero-width space, BOM…).
        case control
        /// Any other character outside KS X 1001 (`–`, `•`, `₩`, NBSP, accented Latin…).
        case other
    }

    /// The character (one grapheme cluster).
    public let character: Character
    /// 1-based line.
    public internal(set) var line: Int
    /// 1-based column, in characters.
    public let column: Int
    /// 0-based offset from the start of the text, in characters.
    public let offset: Int
    /// A replacement that can be sent; `""` means delete; `nil` when there is none.
    public let suggestion: String?
    public let kind: Kind

    public init(character: Character, line: Int, column: Int, offset: Int) {
        self.character = character
        self.line = line
        self.column = column
        self.offset = offset
        self.suggestion = Self.suggestion(for: character)
        self.kind = Self.kind(of: character)
    }

    /// The scalars as `U+2013` (space-separated when there are several).
    public var codePoints: String {
        character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }

    /// The character as shown in messages: invisible ones by their code point only.
    var shown: String {
        kind == .control || character.unicodeScalars.allSatisfy(\.properties.isWhitespace)
            ? codePoints : "'\(character)' \(codePoints)"
    }

    /// `2:5: '–' U+2013 cannot be sent in a text message; use '-'`
    public var description: String {
        "\(line):\(column): \(shown) cannot be sent in a text message; \(advice)"
    }

    private var advice: String {
        switch suggestion {
        case nil: "rewrite it"
        case ""?: "delete it"
        case let replacement?: "use '\(replacement)'"
        }
    }

    /// `2행 5열: '–' U+2013 문자는 보낼 수 없습니다. '-'(으)로 바꾸세요.`
    public var korean: String {
        let what = kind == .hangulOutsideKSX1001 ? "완성형(KS X 1001) 밖의 한글이라 보낼 수 없습니다" : "문자는 보낼 수 없습니다"
        let fix: String
        switch suggestion {
        case nil: fix = "다른 글자로 고쳐 쓰세요."
        case ""?: fix = "지우세요."
        case let replacement?: fix = "'\(replacement)'(으)로 바꾸세요."
        }
        return "\(line)행 \(column)열: \(shown) \(what). \(fix)"
    }
}
