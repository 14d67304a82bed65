/// One label-sheet product: page size and the grid of labels on it, in millimetres.
///
/// Labels are numbered from 0 across each row, left to right, then down the page
/// (the order label printers and glabels use). The grid is regular: label `column`
/// starts at `leftMargin + column × columnPitch`, row `row` at `topMargin + row × rowPitch`.
public struct LabelSheet: Codable, Sendable, Hashable {
    /// Catalogue name used on the command line, e.g. `LS-3108`, `L7163`.
    public var name: String
    /// Maker, e.g. `Formtec (한국폼텍)`, `Avery`.
    public var vendor: String
    /// Paper name: `A4`, `Letter` or free text.
    public var paper: String
    public var pageWidth: Double
    public var pageHeight: Double
    public var labelWidth: Double
    public var labelHeight: Double
    public var columns: Int
    public var rows: Int
    public var leftMargin: Double
    public var topMargin: Double
    /// Distance from one column's left edge to the next (label width + gap).
    public var columnPitch: Double
    /// Distance from one row's top edge to the next (label height + gap).
    public var rowPitch: Double
    /// Corner radius of the die-cut label (drawn by `--outline`); 0 for square corners.
    public var cornerRadius: Double
    /// Where the numbers come from and how far to trust them.
    public var notes: String
    /// `true` when the margins are not the maker's but a grid centred on the page.
    public var marginsEstimated: Bool

    public init(
        name: String, vendor: String, paper: String, pageWidth: Double, pageHeight: Double,
        labelWidth: Double, labelHeight: Double, columns: Int, rows: Int,
        leftMargin: Double, topMargin: Double, columnPitch: Double, rowPitch: Double,
        cornerRadius: Double = 0, notes: String = "", marginsEstimated: Bool = false
    ) {
        self.name = name; self.vendor = vendor; self.paper = paper
        self.pageWidth = pageWidth; self.pageHeight = pageHeight
        self.labelWidth = labelWidth; self.labelHeight = labelHeight
        self.columns = columns; self.rows = rows
        self.leftMargin = leftMargin; self.topMargin = topMargin
        self.columnPitch = columnPitch; self.rowPitch = rowPitch
        self.cornerRadius = cornerRadius; self.notes = notes; self.marginsEstimated = marginsEstimated
    }

    /// Labels on one page.
    public var labelsPerPage: Int { columns * rows }

    /// Pages needed for `count` labels when printing starts at slot `startAt` (1-based) of the first page.
    public func pageCount(labels count: Int, startAt: Int = 1) -> Int {
        guard count > 0 else { return 0 }
        let slots = count + (startAt - 1)
        return (slots + labelsPerPage - 1) / labelsPerPage
    }
}

/// A rectangle on the page in millimetres, origin at the top-left corner of the page.
public struct LabelRect: Sendable, Hashable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// Where label number `n` of a print run lands.
public struct LabelSlot: Sendable, Hashable {
    /// 0-based page index.
    public var page: Int
    /// 0-based slot on the page (row-major).
    public var index: Int
    public var rect: LabelRect
}

extension LabelSheet {
    /// The rectangle of slot `index` (0-based, row-major) on any page, before printer offsets.
    ///
    /// - Precondition: `0 <= index < labelsPerPage`.
    public func rect(at index: Int) -> LabelRect {
        precondition(index >= 0 && index < labelsPerPage, "label slot \(index) outside 0..<\(labelsPerPage)")
        let row = index / columns, column = index % columns
        return LabelRect(
            x: leftMargin + Double(column) * columnPitch,
            y: topMargin + Double(row) * rowPitch,
            width: labelWidth, height: labelHeight)
    }

    /// Where the `n`-th label of a run (0-based) goes when the run starts at slot `startAt` (1-based).
    public func slot(forLabel n: Int, startAt: Int = 1) -> LabelSlot {
        let absolute = n + (startAt - 1)
        let index = absolute % labelsPerPage
        return LabelSlot(page: absolute / labelsPerPage, index: index, rect: rect(at: index))
    }

    /// Problems that make the sheet unusable: empty grid, labels overlapping or off the page.
    /// Returns an empty array for a sound sheet.
    public func geometryProblems() -> [String] {
        // 0.05 mm: maker and glabels tables round their numbers (glabels' L7161 has a
        // 46.74 mm pitch for 46.78 mm labels).
        let tolerance = 0.05
        var problems: [String] = []
        if columns < 1 || rows < 1 { problems.append("grid \(columns)×\(rows) is empty") }
        if pageWidth <= 0 || pageHeight <= 0 { problems.append("page size must be positive") }
        if labelWidth <= 0 || labelHeight <= 0 { problems.append("label size must be positive") }
        if columns > 1 && columnPitch + tolerance < labelWidth {
            problems.append("column pitch \(columnPitch) mm is less than the label width \(labelWidth) mm")
        }
        if rows > 1 && rowPitch + tolerance < labelHeight {
            problems.append("row pitch \(rowPitch) mm is less than the label height \(labelHeight) mm")
        }
        if leftMargin < 0 || topMargin < 0 { problems.append("margins must not be negative") }
        guard problems.isEmpty else { return problems }
        let last = rect(at: labelsPerPage - 1)
        if last.maxX > pageWidth + tolerance {
            problems.append("last column ends at \(last.maxX) mm, beyond the page width \(pageWidth) mm")
        }
        if last.maxY > pageHeight + tolerance {
            problems.append("last row ends at \(last.maxY) mm, beyond the page height \(pageHeight) mm")
        }
        return problems
    }
}
