/// An RFC 4180 parser over UTF-8 bytes.
///
/// Fields are separated by `,` (or another single-byte delimiter) and records by CRLF or LF.
/// A quoted field may hold delimiters, line breaks and doubled quotes (`""`). Rows are
/// numbered by record, from 1, as a spreadsheet numbers them; a record that spans lines
/// is one row.
///
/// Broken quoting is reported, not guessed at: a quote inside an unquoted field, text after
/// a closing quote, and a quote that is never closed.
struct CSVParser {
    struct SyntaxProblem: Error {
        var row: Int
        /// 1-based field number in the record.
        var field: Int
        var message: String
    }

    var delimiter: UInt8 = UInt8(ascii: ",")

    /// Calls `record` with each record's fields and row number, and `onProblem` when a syntax
    /// problem is found. Returns the syntax problems; a record with a problem is not passed on.
    /// Stops at an unclosed quote.
    func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, record: (_ fields: [String], _ row: Int) -> Void,
        onProblem: () -> Void = {}
    ) -> [SyntaxProblem] {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let delimiter = self.delimiter
        let count = bytes.count
        var problems: [SyntaxProblem] = []
        var fields: [String] = []
        fields.reserveCapacity(32)
        var scratch: [UInt8] = []
        var row = 1
        var rowBroken = false
        var index = 0

        func field(_ start: Int, _ end: Int) -> String {
            start == end ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        while index < count {
            // One field.
            if bytes[index] == quote {
                let openedAt = row
                index += 1
                var start = index
                scratch.removeAll(keepingCapacity: true)
                var doubled = false
                var closed = false
                while index < count {
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < count && bytes[index + 1] == quote {
                            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...index]))
                            doubled = true
                            index += 2
                            start = index
                            continue
                        }
                        closed = true
                        break
                    }
                    index += 1
                }
                guard closed else {
                    onProblem()
                    problems.append(SyntaxProblem(
                        row: openedAt, field: fields.count + 1,
                        message: "a quoted field is never closed (missing '\"')"))
                    return problems
                }
                if doubled {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    fields.append(String(decoding: scratch, as: UTF8.self))
                } else {
                    fields.append(field(start, index))
                }
                index += 1  // the closing quote
                if index < count, bytes[index] != delimiter, bytes[index] != cr, bytes[index] != lf {
                    if !rowBroken {
                        onProblem()
                        problems.append(SyntaxProblem(
                            row: row, field: fields.count, message: "text after a closing quote"))
                    }
                    rowBroken = true
                    while index < count, bytes[index] != delimiter, bytes[index] != cr, bytes[index] != lf {
                        index += 1
                    }
                }
            } else {
                let start = index
                while index < count {
                    let byte = bytes[index]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    if byte == quote, !rowBroken {
                        onProblem()
                        problems.append(SyntaxProblem(
                            row: row, field: fields.count + 1,
                            message: "a '\"' inside an unquoted field (quote the field and double the '\"')"))
                        rowBroken = true
                    }
                    index += 1
                }
                fields.append(field(start, index))
            }
            // What ends the field.
            if index >= count { break }
            let byte = bytes[index]
            index += 1
            if byte == delimiter {
                if index >= count { fields.append("") }
                continue
            }
            if byte == cr, index < count, bytes[index] == lf { index += 1 }
            if !rowBroken { record(fields, row) }
            fields.removeAll(keepingCapacity: true)
            rowBroken = false
            row += 1
        }
        if !fields.isEmpty, !rowBroken { record(fields, row) }
        return problems
    }
}
