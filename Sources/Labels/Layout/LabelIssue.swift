/// A problem with one customer's label. Errors mean the label was not printed;
/// warnings mean it was printed with the stated change.
public struct LabelIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// Not printed: no road-name address.
        case noAddress
        /// Not printed: `field` does not fit the label width at the minimum size within the allowed lines.
        case lineTooLong(field: String, text: String)
        /// Not printed: all lines together do not fit the label height at the minimum size.
        case tooManyLines(lines: Int)
        /// Printed without these characters: the font has no glyph for them.
        case missingGlyphs(field: String, characters: String)
        /// Printed without a postcode.
        case noPostcode
        /// Printed as given, but not a 5-digit 우편번호.
        case unusualPostcode(String)
        /// The key line was shortened to fit.
        case keyLineShortened
        /// Skipped before layout, with the caller's reason (e.g. no home or work address).
        case skipped(reason: String)
    }

    /// The customer (``LabelRecipient/key``).
    public var key: String
    public var name: String
    public var kind: Kind

    public init(key: String, name: String, kind: Kind) {
        self.key = key; self.name = name; self.kind = kind
    }

    /// `true` when the label was not printed.
    public var isError: Bool {
        switch kind {
        case .noAddress, .lineTooLong, .tooManyLines, .skipped: true
        case .missingGlyphs, .noPostcode, .unusualPostcode, .keyLineShortened: false
        }
    }

    /// The reason in a few words, without the customer.
    public var reason: String {
        switch kind {
        case .noAddress: "주소 없음 (no address)"
        case .lineTooLong(let field, let text): "\(field) too long for the label even at the minimum size: \(text)"
        case .tooManyLines(let lines): "\(lines) lines do not fit the label height even at the minimum size"
        case .missingGlyphs(let field, let characters):
            "\(field): the font has no glyph for \(characters.unicodeScalars.map { "\($0) (U+\(String($0.value, radix: 16, uppercase: true)))" }.joined(separator: ", ")); printed without"
        case .noPostcode: "우편번호 없음 (no postcode); printed without"
        case .unusualPostcode(let code): "postcode '\(code)' is not 5 digits; printed as given"
        case .keyLineShortened: "key line shortened to fit"
        case .skipped(let reason): reason
        }
    }

    public var description: String { "\(key) \(name): \(reason)" }
}
