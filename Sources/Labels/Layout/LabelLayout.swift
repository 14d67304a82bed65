import Foundation

/// Lays out address labels following Korea Post's recommended order:
///
/// 1. road-name address (시·도 시·군·구 도로명 건물번호), left-aligned;
/// 2. detail (동·층·호, 참고항목);
/// 3. company and department, for a work address;
/// 4. name with exactly one honorific (organisations: 귀중);
/// 5. the 5-digit postcode, right-aligned — with the small customer key, if any, at the left.
///
/// Fitting: all lines start at the preferred size. A line too wide shrinks on its own down
/// to the minimum size; below that it wraps at a space (first choice: before `(`, never
/// between a road name and its building number if avoidable). If the block is too tall,
/// the preferred size steps down by 0.5 pt. A label that still does not fit is an error
/// (``LabelIssue/Kind/lineTooLong(field:text:)`` or ``LabelIssue/Kind/tooManyLines(lines:)``);
/// nothing is ever clipped.
///
/// Uses the font's cached advances only; cheap enough to run for every label.
public struct LabelLayout {
    public let font: LabelFont
    public let options: LabelLayoutOptions
    /// Label size in points.
    public let labelWidth: Double
    public let labelHeight: Double

    /// Text box inside the padding, points.
    let boxX: Double, boxY: Double, boxWidth: Double, boxHeight: Double
    let gap: Double
    /// Baseline position inside a line box of height `size`, as a fraction of `size`.
    let ascent: Double

    /// - Throws: ``LabelsError/badOptions(_:)`` when the options contradict each other or
    ///   leave no room inside the label.
    public init(font: LabelFont, sheet: LabelSheet, options: LabelLayoutOptions) throws(LabelsError) {
        let problems = options.problems()
        guard problems.isEmpty else { throw .badOptions(problems.joined(separator: "; ")) }
        self.font = font
        self.options = options
        labelWidth = sheet.labelWidth * Units.pointsPerMillimetre
        labelHeight = sheet.labelHeight * Units.pointsPerMillimetre
        boxX = options.paddingX * Units.pointsPerMillimetre
        boxY = options.paddingY * Units.pointsPerMillimetre
        boxWidth = labelWidth - 2 * boxX
        boxHeight = labelHeight - 2 * boxY
        gap = options.lineGap * Units.pointsPerMillimetre
        guard boxWidth > options.minFontSize * 3, boxHeight > options.minFontSize else {
            throw .badOptions("label \(sheet.labelWidth)×\(sheet.labelHeight) mm leaves no room inside the padding")
        }
        let asc = Double(font.face.pointee.ascender), desc = Double(-font.face.pointee.descender)
        ascent = asc > 0 && desc >= 0 ? asc / (asc + desc) : 0.8
    }

    /// The name as printed: NFC name plus exactly one honorific. An organisation addressed
    /// as itself carries its department on this line: `(주)한빛 총무팀 귀중`.
    public static func nameLine(for recipient: LabelRecipient, honorific: Honorific) -> String {
        var name = Text.clean(recipient.name)
        if recipient.isOrganisation && !hasSeparateCompany(recipient),
           let department = recipient.department.map(Text.clean), !department.isEmpty {
            name += " " + department
        }
        if honorific == .none { return name }
        if Honorific.existingEndings.contains(where: { name.hasSuffix($0) }) { return name }
        return name + " " + (recipient.isOrganisation ? Honorific.organisation : honorific.rawValue)
    }

    /// The company/department line above the name, or `nil`. An organisation addressed as
    /// itself (no company, or the company is its own name) has none: its department goes
    /// on the name line instead.
    public static func organisationLine(for recipient: LabelRecipient) -> String? {
        if recipient.isOrganisation && !hasSeparateCompany(recipient) { return nil }
        var parts: [String] = []
        if let company = recipient.company.map(Text.clean), !company.isEmpty { parts.append(company) }
        if let department = recipient.department.map(Text.clean), !department.isEmpty { parts.append(department) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    private static func hasSeparateCompany(_ recipient: LabelRecipient) -> Bool {
        guard let company = recipient.company.map(Text.clean), !company.isEmpty else { return false }
        return company != Text.clean(recipient.name)
    }

    /// Lays out one label. The result has warnings for what was printed differently;
    /// a label that cannot be printed comes back as `.failure` with the reason.
    public func layOut(_ recipient: LabelRecipient) -> Result<LaidOutLabel, LabelIssueError> {
        var warnings: [LabelIssue] = []
        func issue(_ kind: LabelIssue.Kind) -> LabelIssue {
            LabelIssue(key: recipient.key, name: Text.clean(recipient.name), kind: kind)
        }
        func glyphs(_ raw: String, field: String) -> [LabelGlyph] {
            let (g, missing) = prepare(Text.clean(raw))
            if !missing.isEmpty { warnings.append(issue(.missingGlyphs(field: field, characters: missing))) }
            return g
        }

        var fields: [(LabelLine.Role, String, [LabelGlyph])] = []
        let address = glyphs(recipient.address, field: "address")
        guard !address.isEmpty else { return .failure(LabelIssueError(issue(.noAddress))) }
        fields.append((.address, "address", address))
        if let detail = recipient.addressDetail {
            let g = glyphs(detail, field: "address detail")
            if !g.isEmpty { fields.append((.detail, "address detail", g)) }
        }
        if let org = Self.organisationLine(for: recipient) {
            let g = glyphs(org, field: "company")
            if !g.isEmpty { fields.append((.organisation, "company", g)) }
        }
        let name = glyphs(Self.nameLine(for: recipient, honorific: options.honorific), field: "name")
        if !name.isEmpty { fields.append((.name, "name", name)) }

        let postcodeText = Text.clean(recipient.postcode ?? "")
        if postcodeText.isEmpty {
            warnings.append(issue(.noPostcode))
        } else if postcodeText.count != 5 || !postcodeText.allSatisfy({ $0.isASCII && $0.isNumber }) {
            warnings.append(issue(.unusualPostcode(postcodeText)))
        }
        let postcode = glyphs(postcodeText, field: "postcode")
        var key: [LabelGlyph] = []
        if options.showKeyLine, let keyLine = recipient.keyLine { key = glyphs(keyLine, field: "key line") }

        // Step the common size down until the block fits the height.
        var size = options.fontSize
        var lastFailure: LabelIssue.Kind = .tooManyLines(lines: 0)
        while size >= options.minFontSize - 0.001 {
            var placed: [(LabelLine.Role, [LabelGlyph], Double)] = []
            var horizontalFailure: LabelIssue.Kind?
            for (role, fieldName, g) in fields {
                guard let pieces = fit(g[...], target: size, linesLeft: options.maxLinesPerField) else {
                    horizontalFailure = .lineTooLong(field: fieldName, text: String(String.UnicodeScalarView(g.map(\.scalar))))
                    break
                }
                placed += pieces.map { (role, Array($0.glyphs), $0.size) }
            }
            if let horizontalFailure {
                lastFailure = horizontalFailure
            } else {
                let bottomSize = postcode.isEmpty && key.isEmpty ? 0 : size
                let height = placed.reduce(0) { $0 + $1.2 } + gap * Double(placed.count - 1)
                    + (bottomSize > 0 ? gap + bottomSize : 0)
                if height <= boxHeight + 0.01 {
                    return .success(LaidOutLabel(
                        lines: place(placed, postcode: postcode, key: key, size: size, height: height, warnings: &warnings,
                                     issue: issue),
                        warnings: warnings))
                }
                lastFailure = .tooManyLines(lines: placed.count + (bottomSize > 0 ? 1 : 0))
            }
            size -= 0.5
        }
        return .failure(LabelIssueError(issue(lastFailure)))
    }

    /// Positions the fitted lines, vertically centred in the box, and the bottom line.
    private func place(
        _ placed: [(LabelLine.Role, [LabelGlyph], Double)], postcode: [LabelGlyph], key: [LabelGlyph],
        size: Double, height: Double, warnings: inout [LabelIssue], issue: (LabelIssue.Kind) -> LabelIssue
    ) -> [LabelLine] {
        var lines: [LabelLine] = []
        lines.reserveCapacity(placed.count + 2)
        var top = boxY + (boxHeight - height) / 2
        for (role, g, s) in placed {
            lines.append(LabelLine(role: role, glyphs: g, fontSize: s, x: boxX, baseline: top + ascent * s,
                                   width: width(g[...], size: s)))
            top += s + gap
        }
        guard !postcode.isEmpty || !key.isEmpty else { return lines }
        let baseline = top + ascent * size
        var postcodeWidth = 0.0
        if !postcode.isEmpty {
            postcodeWidth = width(postcode[...], size: size)
            lines.append(LabelLine(role: .postcode, glyphs: postcode, fontSize: size,
                                   x: boxX + boxWidth - postcodeWidth, baseline: baseline, width: postcodeWidth))
        }
        if !key.isEmpty {
            let room = boxWidth - postcodeWidth - (postcodeWidth > 0 ? 2 * gap : 0)
            var keySize = options.keyFontSize, k = key[...]
            let minimum = min(5, keySize)
            if width(k, size: keySize) > room { keySize = max(minimum, keySize * room / width(k, size: keySize)) }
            if width(k, size: keySize) > room {
                let ellipsis = prepare("…").glyphs
                while !k.isEmpty && width(k, size: keySize) + width(ellipsis[...], size: keySize) > room { k = k.dropLast() }
                k = (Array(k) + ellipsis)[...]
                warnings.append(issue(.keyLineShortened))
            }
            if room > 0 && !k.isEmpty {
                // The key sits on the postcode's baseline, in the bottom-left corner.
                lines.append(LabelLine(role: .key, glyphs: Array(k), fontSize: keySize, x: boxX, baseline: baseline,
                                       width: width(k, size: keySize)))
            }
        }
        return lines
    }

    /// Width of `g` at `size` points.
    @inline(__always)
    func width(_ g: ArraySlice<LabelGlyph>, size: Double) -> Double {
        var units = 0
        for glyph in g { units += Int(glyph.advance) }
        return Double(units) * size / font.unitsPerEm
    }

    /// Glyphs for clean text, and the characters the font lacks (left out).
    func prepare(_ text: String) -> (glyphs: [LabelGlyph], missing: String) {
        var glyphs: [LabelGlyph] = []
        glyphs.reserveCapacity(text.utf8.count / 2)
        var missing = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let g = font.glyph(for: scalar) {
                glyphs.append(LabelGlyph(scalar: scalar, index: g.index, advance: g.advance))
            } else if !missing.contains(scalar) {
                missing.append(scalar)
            }
        }
        // Removing a character may leave doubled or edge spaces.
        if !missing.isEmpty {
            var cleaned: [LabelGlyph] = []
            for g in glyphs where !(g.scalar == " " && (cleaned.last?.scalar == " " || cleaned.isEmpty)) { cleaned.append(g) }
            if cleaned.last?.scalar == " " { cleaned.removeLast() }
            glyphs = cleaned
        }
        return (glyphs, String(missing))
    }
}

/// A label that cannot be printed, as an `Error` for `Result`.
public struct LabelIssueError: Error, Sendable, Hashable {
    public var issue: LabelIssue
    public init(_ issue: LabelIssue) { self.issue = issue }
}

/// Unit conversions.
enum Units {
    static let pointsPerMillimetre = 72 / 25.4
}

/// Text clean-up applied to every field: NFC, white space collapsed to single spaces,
/// control characters dropped, trimmed.
enum Text {
    static func clean(_ raw: String) -> String {
        // Fast path: ASCII and precomposed Hangul syllables are already NFC, and need no
        // Unicode property lookups (those dominate the cost of a label otherwise).
        var simple = true
        for s in raw.unicodeScalars where !(s.value < 0x80 || (0xAC00...0xD7A3).contains(s.value)) {
            simple = false
            break
        }
        let nfc = simple ? raw : raw.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in nfc.unicodeScalars {
            let v = s.value
            let isSpace: Bool, isControl: Bool
            if v < 0x80 {
                isSpace = v == 0x20 || (0x09...0x0D).contains(v)
                isControl = !isSpace && (v < 0x20 || v == 0x7F)
            } else if simple {
                isSpace = false; isControl = false
            } else {
                isSpace = s.properties.isWhitespace
                let category = s.properties.generalCategory
                isControl = category == .control || category == .format
            }
            if isSpace {
                pendingSpace = !out.isEmpty
            } else if !isControl {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(s)
            }
        }
        return String(out)
    }
}
