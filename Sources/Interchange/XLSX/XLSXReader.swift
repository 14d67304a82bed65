import Foundation
import Store
import ZIPFoundation

/// Reads customer cards from an Excel workbook (`.xlsx`).
///
/// The first worksheet is read, or the one named in ``ImportOptions/sheet``. Its header is
/// the first row, among the first ten non-empty ones, that has a 성명 column (title rows above
/// it are skipped); without one, the first non-empty row is taken and its problems reported. Shared strings (rich text included), inline strings,
/// numbers, booleans and formula results are read; a number in a date column is an Excel
/// date serial (1900 or 1904 date system, as the workbook says).
public enum XLSXReader {
    /// The cards in the workbook at `url`, or every problem found.
    public static func read(contentsOf url: URL, file: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> [SourcedCard] {
        var cards: [SourcedCard] = []
        try read(contentsOf: url, file: file, options: options) { cards.append($0) }
        return cards
    }

    /// Reads the workbook at `url` row by row, handing each card to `each` as soon as it is
    /// decoded, until the first problem; then keeps reading to find every problem.
    ///
    /// - Throws: ``ImportError`` with every problem found, after the cards before them were
    ///   handed over (the caller discards them).
    public static func read(
        contentsOf url: URL, file: String, options: ImportOptions = ImportOptions(), each: (SourcedCard) -> Void
    ) throws(ImportError) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw ImportError(ImportProblem(file: file, message: "cannot read: not an XLSX (ZIP) file"))
        }
        do {
            try read(archive, file: file, options: options, each: each)
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(ImportProblem(file: file, message: "cannot read the workbook: \(error)"))
        }
    }

    static func read(_ archive: Archive, file: String, options: ImportOptions, each: (SourcedCard) -> Void) throws {
        func fail(_ message: String) -> ImportError { ImportError(ImportProblem(file: file, message: message)) }
        guard let workbookEntry = archive["xl/workbook.xml"] else { throw fail("cannot read: no xl/workbook.xml (not an Excel workbook)") }
        let workbook = try Workbook(XLSXPartStream.readAll(archive, workbookEntry))
        let relations = try archive["xl/_rels/workbook.xml.rels"].map { try Relations(XLSXPartStream.readAll(archive, $0)) } ?? Relations()
        let sheet: Workbook.Sheet
        if let wanted = options.sheet {
            guard let found = workbook.sheets.first(where: { $0.name == wanted }) else {
                throw fail("no sheet named '\(wanted)' (sheets: \(workbook.sheets.map(\.name).joined(separator: ", ")))")
            }
            sheet = found
        } else {
            guard let first = workbook.sheets.first else { throw fail("the workbook has no sheets") }
            sheet = first
        }
        let sheetPath = relations.targets[sheet.relation].map { Relations.partPath($0) } ?? "xl/worksheets/sheet1.xml"
        guard let sheetEntry = archive[sheetPath] else { throw fail("cannot read: sheet '\(sheet.name)' (\(sheetPath)) is missing") }

        var shared = SharedStrings()
        let sharedPath = relations.sharedStrings.map { Relations.partPath($0) } ?? "xl/sharedStrings.xml"
        if let entry = archive[sharedPath] {
            try XLSXPartStream.read(archive, entry, splittingAfter: "si") { shared.parse($0) }
        }

        var parser = SheetRowParser()
        var decoder: CardTableDecoder?
        var columns: [CustomerColumn?] = []
        var firstRow: (number: Int, header: [String])?
        var searched = 0
        func useHeader(_ header: [String], row number: Int) {
            let made = CardTableDecoder(file: file, header: header, headerRow: number, options: options)
            columns = header.indices.map { made.column(at: $0) }
            decoder = made
        }
        try XLSXPartStream.read(archive, sheetEntry, splittingAfter: "row") { chunk in
            parser.parse(chunk, shared: shared) { number, cells in
                if decoder == nil {
                    guard cells.contains(where: { if case .empty = $0 { false } else { true } }) else { return }
                    let header = cells.map { $0.text(for: nil, date1904: false) }
                    if firstRow == nil { firstRow = (number, header) }
                    searched += 1
                    if CardTableDecoder.isHeader(header) {
                        useHeader(header, row: number)
                    } else if searched >= CardTableDecoder.headerSearchRows, let first = firstRow {
                        useHeader(first.header, row: first.number)
                    }
                    return
                }
                let texts = cells.enumerated().map { index, cell in
                    cell.text(for: index < columns.count ? columns[index] : nil, date1904: workbook.date1904)
                }
                if let card = decoder?.decode(cells: texts, row: number), decoder?.problems.isEmpty == true {
                    each(card)
                }
            }
        }
        if decoder == nil, let first = firstRow { useHeader(first.header, row: first.number) }
        guard let decoder else { throw fail("sheet '\(sheet.name)' is empty (no header row)") }
        guard decoder.problems.isEmpty else { throw ImportError(problems: decoder.problems) }
    }
}
