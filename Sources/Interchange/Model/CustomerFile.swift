import Foundation
import Store

/// Reading and writing customer files in any of the ``CustomerFileFormat``s.
///
/// ```swift
/// let cards = try CustomerFile.read(path: "customers.csv")   // throws ImportError
/// let summary = try store.importCards(cards, onDuplicate: .skip, dryRun: false, progress: nil)
/// try CustomerFile.data(store.cards(), format: .xlsx).write(to: url)
/// ```
public enum CustomerFile {
    /// The cards in a file; the format comes from `format` or else the file's extension
    /// (CSV when it names none). Problems name the file as `path` is written.
    ///
    /// - Throws: ``ImportError`` with every problem found (an unreadable file is one).
    public static func read(path: String, format: CustomerFileFormat? = nil, options: ImportOptions = ImportOptions()) throws(ImportError) -> [SourcedCard] {
        var cards: [SourcedCard] = []
        try read(path: path, format: format, options: options) { cards.append($0) }
        return cards
    }

    /// Reads a file card by card, handing each to `each` as soon as it is decoded (CSV piece by
    /// piece and XLSX row by row; a vCard file once it is read whole), until the first problem; then
    /// keeps reading to find every problem.
    ///
    /// - Throws: ``ImportError`` with every problem found, after the cards before the first
    ///   one were handed over (an importer discards them: see `KimbiseoStore.importCards(reading:…)`).
    public static func read(
        path: String, format: CustomerFileFormat? = nil, options: ImportOptions = ImportOptions(),
        each: (SourcedCard) -> Void
    ) throws(ImportError) {
        let url = URL(fileURLWithPath: path)
        let format = CustomerFileFormat(path: path, given: format)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              FileManager.default.isReadableFile(atPath: path)
        else {
            throw ImportError(ImportProblem(file: path, message: "cannot read: no such file or not readable"))
        }
        switch format {
        case .xlsx:
            try XLSXReader.read(contentsOf: url, file: path, options: options, each: each)
        case .csv:
            try CSVReader.read(contentsOf: url, file: path, options: options, each: each)
        case .vcf:
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw ImportError(ImportProblem(file: path, message: "cannot read: no such file or not readable"))
            }
            try VCardReader.read(data, file: path, options: options).forEach(each)
        }
    }

    /// The bytes of a file holding `cards`. CSV is UTF-8 with BOM unless `csvEncoding` says
    /// CP949.
    public static func data(_ cards: [CustomerCard], format: CustomerFileFormat, csvEncoding: CSVWriter.Encoding = .utf8) throws -> Data {
        switch format {
        case .csv: try CSVWriter.data(cards, encoding: csvEncoding)
        case .xlsx: try XLSXWriter.data(cards)
        case .vcf: VCardWriter.data(cards)
        }
    }

    /// A template: the canonical headers and one example row.
    public static func template(format: CustomerFileFormat) throws -> Data {
        try data([CustomerColumn.exampleCard], format: format)
    }
}
