extension LabelSheet {
    /// Keys as written in a custom sheets file and in `kimbiseo labels sheets --json`.
    ///
    /// ```yaml
    /// sheets:
    ///   - name: MY-2x8
    ///     vendor: 동네문구
    ///     paper: A4            # optional, default A4 (210 × 297 mm) — page_width/page_height override
    ///     label_width: 99.1
    ///     label_height: 33.9
    ///     columns: 2
    ///     rows: 8
    ///     left_margin: 4.65
    ///     top_margin: 12.9
    ///     column_pitch: 101.6  # optional, default label_width (no gap)
    ///     row_pitch: 33.9      # optional, default label_height
    ///     corner_radius: 2     # optional, default 0
    ///     notes: measured 2026-11  # optional
    /// ```
    enum CodingKeys: String, CodingKey {
        case name, vendor, paper, columns, rows, notes
        case pageWidth = "page_width", pageHeight = "page_height"
        case labelWidth = "label_width", labelHeight = "label_height"
        case leftMargin = "left_margin", topMargin = "top_margin"
        case columnPitch = "column_pitch", rowPitch = "row_pitch"
        case cornerRadius = "corner_radius"
        case marginsEstimated = "margins_estimated"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        vendor = try c.decodeIfPresent(String.self, forKey: .vendor) ?? "custom"
        paper = try c.decodeIfPresent(String.self, forKey: .paper) ?? "A4"
        let size = LabelSheet.paperSize(paper)
        guard let width = try c.decodeIfPresent(Double.self, forKey: .pageWidth) ?? size?.width,
              let height = try c.decodeIfPresent(Double.self, forKey: .pageHeight) ?? size?.height
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .paper, in: c,
                debugDescription: "unknown paper '\(paper)': use A4, A5, B5, Letter or give page_width and page_height")
        }
        pageWidth = width; pageHeight = height
        labelWidth = try c.decode(Double.self, forKey: .labelWidth)
        labelHeight = try c.decode(Double.self, forKey: .labelHeight)
        columns = try c.decode(Int.self, forKey: .columns)
        rows = try c.decode(Int.self, forKey: .rows)
        leftMargin = try c.decode(Double.self, forKey: .leftMargin)
        topMargin = try c.decode(Double.self, forKey: .topMargin)
        columnPitch = try c.decodeIfPresent(Double.self, forKey: .columnPitch) ?? labelWidth
        rowPitch = try c.decodeIfPresent(Double.self, forKey: .rowPitch) ?? labelHeight
        cornerRadius = try c.decodeIfPresent(Double.self, forKey: .cornerRadius) ?? 0
        notes = try c.decodeIfPresent(String.self, forKey: .notes) ?? ""
        marginsEstimated = try c.decodeIfPresent(Bool.self, forKey: .marginsEstimated) ?? false
    }

    /// Page size in millimetres of a named paper (`A4`, `A5`, `B5` (JIS), `Letter`), case-insensitive.
    public static func paperSize(_ paper: String) -> (width: Double, height: Double)? {
        switch paper.lowercased() {
        case "a4": (210, 297)
        case "a5": (148, 210)
        case "b5": (182, 257)
        case "letter": (215.9, 279.4)
        default: nil
        }
    }
}
