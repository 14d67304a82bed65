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
    /// The row number of the next record.
    private(set) var row = 1

    /// Calls `record` with each record's fields and row number, and `onProblem` when a syntax
    /// problem is found. Returns the syntax problems; a record with a problem is not passed on.
    /// Stops at an unclosed quote.
    mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, record: (_ fields: [String], _ row: Int) -> Void,
        onProblem: () -> Void = {}
    ) -> [SyntaxProblem] {
        parse(bytes, final: true, record: record, onProblem: onProblem).problems
    }

    /// Parses one piece of a text read piece by piece.
    ///
    /// With `final` false, a record the piece ends in the middle of is left unread: `consumed`
    /// is where it starts, and the caller passes those bytes again at the front of the next
    /// piece. Row numbers continue from call to call. A syntax problem of a record left unread
    /// is reported when the record is read whole.
    mutating func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, final: Bool, record: (_ fields: [String], _ row: Int) -> Void,
        onProblem: () -> Void = {}
    ) -> (problems: [SyntaxProblem], consumed: Int) {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let delimiter = self.delimiter
        let count = bytes.count
        var problems: [SyntaxProblem] = []
        var fields: [String] = []
        fields.reserveCapacity(32)
        var scratch: [UInt8] = []
        var rowBroken = false
        var index = 0
        var recordStart = 0
        var problemsBeforeRecord = 0
        var row = self.row
        defer { self.row = row }
        /// The piece ends inside the record that starts at `recordStart`.
        func unfinished() -> (problems: [SyntaxProblem], consumed: Int) {
            problems.removeLast(problems.count - problemsBeforeRecord)
            return (problems, recordStart)
        }

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
                    if !final { return unfinished() }
                    onProblem()
                    problems.append(SyntaxProblem(
                        row: openedAt, field: fields.count + 1,
                        message: "a quoted field is never closed (missing '\"')"))
                    return (problems, count)
                }
                // A doubled quote may be split between pieces: the closing quote must be seen
                // with the byte after it.
                if !final, index + 1 >= count { return unfinished() }
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
            if index >= count {
                if !final { return unfinished() }
                break
            }
            let byte = bytes[index]
            index += 1
            if byte == delimiter {
                if index >= count {
                    if !final { return unfinished() }
                    fields.append("")
                }
                continue
            }
            if byte == cr, index >= count, !final { return unfinished() }
            if byte == cr, index < count, bytes[index] == lf { index += 1 }
            if !rowBroken { record(fields, row) }
            fields.removeAll(keepingCapacity: true)
            rowBroken = false
            row += 1
            recordStart = index
            problemsBeforeRecord = problems.count
        }
        if !fields.isEmpty, !rowBroken { record(fields, row) }
        if !fields.isEmpty { row += 1 }
        return (problems, count)
    }
}
