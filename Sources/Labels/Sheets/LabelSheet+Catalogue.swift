extension LabelSheet {
    /// The built-in sheets: Formtec (한국폼텍) address and logistics sheets, then common
    /// Avery A4 and US Letter address sheets.
    ///
    /// Sources: Avery rows are glabels-data 3.4.1 (`avery-iso-templates.xml`,
    /// `avery-us-templates.xml`). Formtec sizes and grids come from third-party preset
    /// tables, not from the maker; their margins are the grid centred on A4 with the
    /// Avery-equivalent gap (`marginsEstimated`), so a test print with `--outline` and
    /// `--offset-x/-y` is advised before a large run.
    public static let catalogue: [LabelSheet] = formtec + averyA4 + averyLetter

    /// Other catalogue names that print on the same geometry (`J8160` is an `L7160`).
    public static let aliases: [String: String] = [
        "J8160": "L7160", "J8161": "L7161", "J8162": "L7162", "J8163": "L7163", "J8165": "L7165",
        "8160": "5160", "8161": "5161", "8162": "5162", "8163": "5163",
    ]

    private static let formtecNote = "sizes from third-party preset tables; margins are a centred estimate — verify with a test print (--outline)"

    private static func formtec(
        _ name: String, _ use: String, _ w: Double, _ h: Double, _ cols: Int, _ rows: Int,
        _ left: Double, _ top: Double, _ pitchX: Double, _ pitchY: Double
    ) -> LabelSheet {
        LabelSheet(
            name: name, vendor: "Formtec (한국폼텍)", paper: "A4", pageWidth: 210, pageHeight: 297,
            labelWidth: w, labelHeight: h, columns: cols, rows: rows,
            leftMargin: left, topMargin: top, columnPitch: pitchX, rowPitch: pitchY,
            cornerRadius: 0, notes: "\(use); \(formtecNote)", marginsEstimated: true)
    }

    static let formtec: [LabelSheet] = [
        formtec("LS-3106", "주소용 24칸 (≈ Avery L7159)", 64, 33.9, 3, 8, 6.5, 12.9, 66.5, 33.9),
        formtec("LS-3107", "주소용 16칸 (≈ Avery L7162)", 99.1, 33.9, 2, 8, 4.65, 12.9, 101.6, 33.9),
        formtec("LS-3108", "주소용 14칸 (≈ Avery L7163)", 99.1, 38.1, 2, 7, 4.65, 15.15, 101.6, 38.1),
        formtec("LS-3109", "주소용 18칸", 100, 29.9, 2, 9, 3.75, 13.95, 102.5, 29.9),
        formtec("LS-3114", "물류용 8칸 (≈ Avery L7165)", 99.1, 67.7, 2, 4, 4.65, 13.1, 101.6, 67.7),
        formtec("LS-3118", "물류용 4칸 (≈ Avery L7169)", 99.1, 140, 2, 2, 4.65, 8.5, 101.6, 140),
    ]

    private static func avery(
        _ name: String, _ paper: String, _ w: Double, _ h: Double, _ radius: Double, _ cols: Int, _ rows: Int,
        _ left: Double, _ top: Double, _ pitchX: Double, _ pitchY: Double, _ note: String
    ) -> LabelSheet {
        let size = paperSize(paper) ?? (210, 297)
        return LabelSheet(
            name: name, vendor: "Avery", paper: paper, pageWidth: size.width, pageHeight: size.height,
            labelWidth: w, labelHeight: h, columns: cols, rows: rows,
            leftMargin: left, topMargin: top, columnPitch: pitchX, rowPitch: pitchY,
            cornerRadius: radius, notes: note, marginsEstimated: false)
    }

    static let averyA4: [LabelSheet] = [
        avery("L7160", "A4", 63.99, 38.1, 1.76, 3, 7, 7.48, 15.49, 66.04, 38.1, "address 21-up (also J8160); glabels geometry"),
        avery("L7161", "A4", 63.57, 46.78, 2.47, 3, 6, 7.41, 8.11, 65.93, 46.74, "address 18-up (also J8161); glabels geometry"),
        avery("L7162", "A4", 99.1, 33.9, 1.76, 2, 8, 3.99, 12.98, 102.48, 33.9, "address 16-up (also J8162); glabels geometry"),
        avery("L7163", "A4", 99.1, 38.1, 1.76, 2, 7, 3.35, 15.17, 103.01, 38.1, "address 14-up (also J8163); glabels geometry"),
        avery("L7165", "A4", 99.06, 67.73, 0, 2, 4, 4.67, 13.04, 101.64, 67.73, "parcel 8-up (also J8165); glabels geometry"),
    ]

    static let averyLetter: [LabelSheet] = [
        avery("5160", "Letter", 66.67, 25.4, 1.59, 3, 10, 3.97, 12.7, 70.64, 25.4, "address 30-up (also 8160)"),
        avery("5161", "Letter", 101.6, 25.4, 1.59, 2, 10, 3.97, 12.7, 106.36, 25.4, "address 20-up (also 8161)"),
        avery("5162", "Letter", 101.6, 33.87, 1.59, 2, 7, 3.97, 21.17, 106.36, 33.87, "address 14-up (also 8162)"),
        avery("5163", "Letter", 101.6, 50.8, 3.17, 2, 5, 4.13, 12.7, 106.36, 50.8, "shipping 10-up (also 8163)"),
    ]

    /// Finds a sheet by name in `sheets` (default: the catalogue), ignoring case, spaces,
    /// hyphens and a leading vendor word: `LS-3108`, `ls3108`, `Avery L7163`, `J8163` (an alias).
    public static func find(_ name: String, in sheets: [LabelSheet] = catalogue) -> LabelSheet? {
        func key(_ s: String) -> String {
            var k = s.uppercased().filter { $0 != "-" && $0 != " " && $0 != "_" }
            for vendor in ["FORMTEC", "AVERY", "폼텍"] where k.hasPrefix(vendor) && k.count > vendor.count {
                k.removeFirst(vendor.count)
            }
            return k
        }
        let wanted = key(name)
        if let hit = sheets.first(where: { key($0.name) == wanted }) { return hit }
        if let target = aliases.first(where: { key($0.key) == wanted })?.value {
            return sheets.first { key($0.name) == key(target) }
        }
        return nil
    }
}
