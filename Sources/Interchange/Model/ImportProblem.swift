/// One thing wrong with an import file, with where it is.
///
/// Printed (``description``) as `FILE:ROW:COLUMN: message`, the parts that are known:
/// `customers.csv:17:휴대폰: '010-12-345' is not a phone number`,
/// `customers.csv:1:주민번호: unknown column`, `customers.csv: cannot read the file`.
public struct ImportProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// 1-based row (the header is row 1) or, in a vCard, the line; `nil` for the whole file.
    public var row: Int?
    /// The column's header as written in the file (or the vCard property name).
    public var column: String?
    public var message: String

    public init(file: String, row: Int? = nil, column: String? = nil, message: String) {
        self.file = file; self.row = row; self.column = column; self.message = message
    }

    public var description: String {
        var text = file
        if let row { text += ":\(row)" }
        if let column { text += ":\(column)" }
        return text + ": " + message
    }
}

/// An import that found problems: every one of them, in file order.
///
/// Nothing is imported when this is thrown; the caller prints ``problems`` one per line.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems
    }

    public init(_ problem: ImportProblem) {
        self.problems = [problem]
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
