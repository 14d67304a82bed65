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
        var sink = CSVCardSink(file: file, options: options)
        text.withUTF8 { bytes in
            var parser = CSVParser()
            parser.delimiter = delimiter(of: bytes)
            let syntax = parser.parse(bytes) { fields, row in
                if let card = sink.record(fields, row: row) { each(card) }
            } onProblem: {
                sink.clean = false
            }
            sink.add(syntax)
        }
        try sink.finish()
    }

    /// Reads a CSV file piece by piece, so that memory holds a piece of the file rather than
    /// all of it; the cards, the problems and their order are those of
    /// ``read(text:file:options:each:)``.
    ///
    /// The file is first checked to be UTF-8 text (with or without BOM), in one pass over its
    /// pieces; any other file (UTF-16, CP949/EUC-KR, not text) is decoded whole.
    public static func read(
        contentsOf url: URL, file: String, options: ImportOptions = ImportOptions(), each: (SourcedCard) -> Void
    ) throws(ImportError) {
        let unreadable = ImportError(ImportProblem(file: file, message: "cannot read: the file cannot be read (no such file, or not readable)"))
        let pieces = FilePieces(url: url)
        let isUTF8: Bool
        do {
            isUTF8 = try pieces.isUTF8Text()
        } catch {
            throw unreadable
        }
        guard isUTF8 else {
            let text: String
            do {
                text = try TextDecoding.decode(contentsOf: url)
            } catch {
                throw ImportError(ImportProblem(file: file, message: "cannot read: the file \(error.message)"))
            }
            return try read(text: text, file: file, options: options, each: each)
        }
        var sink = CSVCardSink(file: file, options: options)
        var parser = CSVParser()
        var first = true
        do {
            try pieces.forEach { bytes, final in
                var skipped = 0
                if first {
                    first = false
                    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { skipped = 3 }
                    parser.delimiter = delimiter(of: UnsafeBufferPointer(rebasing: bytes[skipped...]))
                }
                let (syntax, consumed) = parser.parse(UnsafeBufferPointer(rebasing: bytes[skipped...]), final: final) {
                    fields, row in
                    if let card = sink.record(fields, row: row) { each(card) }
                } onProblem: {
                    sink.clean = false
                }
                sink.add(syntax)
                return skipped + consumed
            }
        } catch {
            throw unreadable
        }
        try sink.finish()
    }

    /// Tab when the first line has tabs and no commas, else comma.
    private static func delimiter(of bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        return !firstLine.contains(UInt8(ascii: ",")) && firstLine.contains(UInt8(ascii: "\t"))
            ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    }
}

/// Turns parsed records into cards for ``CSVReader``: the first record is the header; cards
/// are handed on until the first problem, then only problems are collected.
struct CSVCardSink {
    let file: String
    let options: ImportOptions
    private var decoder: CardTableDecoder?
    private var syntax: [CSVParser.SyntaxProblem] = []
    /// No problem was found so far.
    var clean = true

    init(file: String, options: ImportOptions) {
        self.file = file
        self.options = options
    }

    /// The card of a record, or `nil` (the header, an empty row, a problem, or any row after one).
    mutating func record(_ fields: [String], row: Int) -> SourcedCard? {
        guard decoder != nil else {
            decoder = CardTableDecoder(file: file, header: fields, headerRow: row, options: options)
            return nil
        }
        let card = decoder?.decode(cells: fields.map(FormulaGuard.restored), row: row)
        clean = clean && decoder?.problems.isEmpty == true
        return clean ? card : nil
    }

    mutating func add(_ problems: [CSVParser.SyntaxProblem]) {
        syntax += problems
    }

    /// Throws every problem found, in row order.
    func finish() throws(ImportError) {
        var problems = decoder?.problems ?? []
        if decoder == nil && syntax.isEmpty {
            problems.append(ImportProblem(file: file, message: "the file is empty (no header line)"))
        }
        for problem in syntax {
            let column = decoder?.title(at: problem.field - 1) ?? "\(problem.field)"
            problems.append(ImportProblem(file: file, row: problem.row, column: column, message: problem.message))
        }
        guard problems.isEmpty else {
            throw ImportError(problems: problems.sorted { ($0.row ?? 0) < ($1.row ?? 0) })
        }
    }
}
