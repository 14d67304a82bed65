import Foundation
import Store

/// Reads customer cards from CSV.
///
/// The text may be UTF-8 (with or without BOM), UTF-16 with BOM, or CP949/EUC-KR; the
/// encoding is found automatically. Fields are separated by commas (or tabs, when the
/// header line has tabs and no commas).
public enum CSVReader {
    /// The cards in `data`, or every problem found.
    ///
    /// - Parameter file: the name problems use (the path as the user gave it).
    public static func read(_ data: Data, file: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> [SourcedCard] {
        let text: String
        do {
            text = try TextDecoding.decode(data).text
        } catch {
            throw ImportError(ImportProblem(file: file, message: "cannot read: the file \(error.message)"))
        }
        return try read(text: text, file: file, options: options)
    }

    /// The cards in CSV text.
    public static func read(text: String, file: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> [SourcedCard] {
        var cards: [SourcedCard] = []
        try read(text: text, file: file, options: options) { cards.append($0) }
        return cards
    }

    /// Reads CSV text record by record, handing each card to `each` as soon as it is decoded,
    /// until the first problem; then keeps reading to find every problem.
    ///
    /// - Throws: ``ImportError`` with every problem found, after the cards before them were
    ///   handed over (the caller discards them).
    public static func read(
        text: String, file: String, options: ImportOptions = ImportOptions(), each: (SourcedCard) -> Void
    ) throws(ImportError) {
        var text = text
        var problems: [ImportProblem] = []
        text.withUTF8 { bytes in
            var parser = CSVParser()
            let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
            if !firstLine.contains(UInt8(ascii: ",")) && firstLine.contains(UInt8(ascii: "\t")) {
                parser.delimiter = UInt8(ascii: "\t")
            }
            var decoder: CardTableDecoder?
            var clean = true
            let syntax = parser.parse(bytes) { fields, row in
                guard decoder != nil else {
                    decoder = CardTableDecoder(file: file, header: fields, headerRow: row, options: options)
                    return
                }
                let card = decoder?.decode(cells: fields, row: row)
                clean = clean && decoder?.problems.isEmpty == true
                if let card, clean { each(card) }
            } onProblem: {
                clean = false
            }
            problems = decoder?.problems ?? []
            if decoder == nil && syntax.isEmpty {
                problems.append(ImportProblem(file: file, message: "the file is empty (no header line)"))
            }
            for problem in syntax {
                problems.append(ImportProblem(file: file, row: problem.row, column: columnName(problem.field, decoder), message: problem.message))
            }
        }
        guard problems.isEmpty else {
            throw ImportError(problems: problems.sorted { ($0.row ?? 0) < ($1.row ?? 0) })
        }
    }

    private static func columnName(_ field: Int, _ decoder: CardTableDecoder?) -> String {
        decoder?.title(at: field - 1) ?? "\(field)"
    }
}
