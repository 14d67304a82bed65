extension LabelLayout {
    /// One line of a fitted field.
    struct FittedPiece {
        var glyphs: ArraySlice<LabelGlyph>
        var size: Double
    }

    /// Fits one field into at most `linesLeft` lines of the box width.
    ///
    /// First at `target` size on one line; else shrunk on its own (not below the minimum);
    /// else wrapped at a space — before `(` when that works, otherwise the latest space
    /// that keeps the first line at full size, avoiding a break between a road name
    /// (…로, …길) and its building number. Returns `nil` when nothing works.
    func fit(_ g: ArraySlice<LabelGlyph>, target: Double, linesLeft: Int) -> [FittedPiece]? {
        let g = trimmed(g)
        guard !g.isEmpty else { return [] }
        let natural = width(g, size: target)
        if natural <= boxWidth { return [FittedPiece(glyphs: g, size: target)] }
        let shrunk = (target * boxWidth / natural * 10).rounded(.down) / 10
        if shrunk >= options.minFontSize { return [FittedPiece(glyphs: g, size: shrunk)] }
        guard linesLeft > 1 else { return nil }

        for split in breakCandidates(g, target: target) {
            guard let first = fit(g[g.startIndex..<split], target: target, linesLeft: 1),
                  let rest = fit(g[(split + 1)...], target: target, linesLeft: linesLeft - 1)
            else { continue }
            return first + rest
        }
        return nil
    }

    /// Spaces to break at, best first.
    private func breakCandidates(_ g: ArraySlice<LabelGlyph>, target: Double) -> [Int] {
        var spaces: [Int] = []
        var before: [Int] = []  // spaces right before "("
        var units = 0, fullSizeLimit = -1
        let maxUnits = Int(boxWidth * font.unitsPerEm / target)
        for i in g.indices {
            if g[i].scalar == " " {
                spaces.append(i)
                if i + 1 < g.endIndex && g[i + 1].scalar == "(" { before.append(i) }
                if units <= maxUnits { fullSizeLimit = i }
            }
            units += Int(g[i].advance)
        }
        guard !spaces.isEmpty else { return [] }
        // Latest break keeping the first line at full size, unless it splits 도로명 from 건물번호.
        let fullSize = spaces.filter { $0 <= fullSizeLimit }.reversed()
        let preferred = fullSize.filter { !splitsRoadNumber(g, at: $0) } + fullSize.filter { splitsRoadNumber(g, at: $0) }
        // Then breaks whose first line only fits shrunk, longest first line first.
        let shrunk = spaces.filter { $0 > fullSizeLimit }
        var ordered = before.reversed() + preferred + shrunk
        var seen = Set<Int>()
        ordered = ordered.filter { seen.insert($0).inserted }
        return ordered
    }

    /// Whether a break at `space` separates a road name (`테헤란로`, `세종대로23길`) from its number.
    private func splitsRoadNumber(_ g: ArraySlice<LabelGlyph>, at space: Int) -> Bool {
        guard space > g.startIndex, space + 1 < g.endIndex else { return false }
        let last = g[space - 1].scalar, next = g[space + 1].scalar
        return (last == "로" || last == "길") && ("0"..."9").contains(next)
    }

    private func trimmed(_ g: ArraySlice<LabelGlyph>) -> ArraySlice<LabelGlyph> {
        var g = g
        while g.first?.scalar == " " { g = g.dropFirst() }
        while g.last?.scalar == " " { g = g.dropLast() }
        return g
    }
}
