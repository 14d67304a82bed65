/// Reads the rows of a worksheet part (`<row r="2"><c r="A2" t="s"><v>0</v></c>…</row>`).
///
/// State survives between chunks of ``XLSXPartStream``, which split only after `</row>`.
struct SheetRowParser {
    private var rowNumber = 0
    private var cells: [XLSXCell] = []
    private var column = -1
    private var type: CellType = .number
    private var value: [UInt8] = []
    private var capturing = false
    private var inInline = false
    private var phonetic = false

    private enum CellType { case shared, inline, string, bool, error, number, date }

    /// Calls `row` with the row number and its cells (index = column, A = 0).
    mutating func parse(_ chunk: UnsafeBufferPointer<UInt8>, shared: SharedStrings, row: (Int, [XLSXCell]) -> Void) {
        var scanner = XMLScanner(chunk)
        while let event = scanner.next() {
            switch event {
            case let .start(name, attributes, selfClosing):
                let local = scanner.localName(name)
                switch local.count {
                case 1 where scanner.isName(name, "c"):
                    column = scanner.attribute("r", in: attributes).map { Self.columnIndex(scanner, $0) } ?? column + 1
                    type = Self.cellType(scanner, scanner.attribute("t", in: attributes))
                    value.removeAll(keepingCapacity: true)
                    if selfClosing { store() }
                case 1 where scanner.isName(name, "v"):
                    capturing = !selfClosing && !inInline
                case 1 where scanner.isName(name, "t"):
                    capturing = !selfClosing && inInline && !phonetic
                case 2 where scanner.isName(name, "is"):
                    inInline = !selfClosing
                case 3 where scanner.isName(name, "row"):
                    rowNumber = scanner.attribute("r", in: attributes).flatMap { Int(scanner.raw($0)) } ?? rowNumber + 1
                    cells.removeAll(keepingCapacity: true)
                    column = -1
                    if selfClosing { row(rowNumber, cells) }
                case 3 where scanner.isName(name, "rPh"):
                    phonetic = !selfClosing
                default:
                    break
                }
            case let .end(name):
                let local = scanner.localName(name)
                switch local.count {
                case 1 where scanner.isName(name, "c"):
                    store()
                case 1 where scanner.isName(name, "v"), 1 where scanner.isName(name, "t"):
                    capturing = false
                case 2 where scanner.isName(name, "is"):
                    inInline = false
                case 3 where scanner.isName(name, "row"):
                    row(rowNumber, cells)
                case 3 where scanner.isName(name, "rPh"):
                    phonetic = false
                default:
                    break
                }
            case let .text(range):
                if capturing { XMLScanner.appendUnescaped(UnsafeBufferPointer(rebasing: chunk[range]), to: &value) }
            case let .cdata(range):
                if capturing { value.append(contentsOf: chunk[range]) }
            }
        }

        func storeCell(_ cell: XLSXCell) {
            guard column >= 0 && column < 16_384 else { return }
            if cells.count <= column { cells.append(contentsOf: repeatElement(.empty, count: column + 1 - cells.count)) }
            cells[column] = cell
        }

        func store() {
            let text = String(decoding: value, as: UTF8.self)
            switch type {
            case .shared: storeCell(Int(text).flatMap { shared[$0] }.map(XLSXCell.text) ?? .empty)
            case .inline, .string: storeCell(.text(text))
            case .bool: storeCell(.bool(text == "1" || text == "true"))
            case .error: storeCell(.empty)
            case .number: storeCell(text.isEmpty ? .empty : .number(text))
            case .date: storeCell(.text(String(text.prefix(10))))
            }
        }
    }

    /// `AB12` → 27 (A = 0).
    private static func columnIndex(_ scanner: XMLScanner, _ range: Range<Int>) -> Int {
        var index = 0
        for position in range {
            let byte = scanner.bytes[position]
            guard byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") else { break }
            index = index * 26 + Int(byte - UInt8(ascii: "A") + 1)
        }
        return index - 1
    }

    private static func cellType(_ scanner: XMLScanner, _ range: Range<Int>?) -> CellType {
        guard let range else { return .number }
        switch scanner.raw(range) {
        case "s": return .shared
        case "inlineStr": return .inline
        case "str": return .string
        case "b": return .bool
        case "e": return .error
        case "d": return .date
        default: return .number
        }
    }
}
