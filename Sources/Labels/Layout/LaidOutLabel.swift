/// One character ready to draw: its code point, the font's glyph index and its advance in font units.
public struct LabelGlyph: Sendable, Hashable {
    public var scalar: Unicode.Scalar
    public var index: UInt32
    public var advance: Int32
}

/// A line placed on a label. Coordinates are points from the label's top-left corner.
public struct LabelLine: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable {
        case address, detail, organisation, name, postcode, key
    }

    public var role: Role
    public var glyphs: [LabelGlyph]
    public var fontSize: Double
    /// Left end of the text.
    public var x: Double
    /// Baseline.
    public var baseline: Double
    /// Width of the text at `fontSize`.
    public var width: Double

    /// The printed text.
    public var text: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: glyphs.lazy.map(\.scalar))
        return String(s)
    }
}

/// A label laid out: its lines, and any warnings about what was changed.
public struct LaidOutLabel: Sendable, Hashable {
    public var lines: [LabelLine]
    public var warnings: [LabelIssue]

    /// The lines' text, top to bottom (the key and postcode share the last line).
    public var texts: [String] { lines.map(\.text) }
}
