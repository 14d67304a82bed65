/// One thing wrong with a template, with its position (1-based line and column, in characters).
public enum TemplateIssue: Sendable, Hashable, CustomStringConvertible {
    /// `<<생일>>`: not one of ``Placeholder``.
    case unknownPlaceholder(name: String, line: Int, column: Int)
    /// `<<` or `{{` without `>>` / `}}` on the same line.
    case unclosedPlaceholder(opening: String, line: Int, column: Int)
    /// `<<>>` or `<<|고객님>>`.
    case emptyPlaceholder(line: Int, column: Int)
    /// A character of the text that cannot be sent.
    case character(CharacterProblem)
    /// A character of the subject that cannot be sent.
    case subjectCharacter(CharacterProblem)
    /// The subject is longer than ``SMSLimits/subjectBytes``.
    case subjectTooLong(bytes: Int)
    /// The subject has a line break.
    case subjectHasLineBreak
    /// The subject has `<<…>>` or `{{…}}`: subjects are sent as written, without placeholders.
    case subjectHasPlaceholder
    /// The text is empty.
    case emptyText
    /// The fixed parts alone exceed ``SMSLimits/lmsBytes``: no recipient could receive it.
    case textTooLong(bytes: Int)
    /// The template file could not be read (path and reason).
    case unreadable(reason: String)

    public var description: String {
        switch self {
        case let .unknownPlaceholder(name, line, column):
            "\(line):\(column): unknown placeholder '\(name)' (known: \(Self.known))"
        case let .unclosedPlaceholder(opening, line, column):
            "\(line):\(column): '\(opening)' is not closed on the same line"
        case let .emptyPlaceholder(line, column):
            "\(line):\(column): empty placeholder"
        case let .character(problem):
            problem.description
        case let .subjectCharacter(problem):
            "subject \(problem.description)"
        case let .subjectTooLong(bytes):
            "subject is \(bytes) bytes; at most \(SMSLimits.subjectBytes)"
        case .subjectHasLineBreak:
            "subject has a line break"
        case .subjectHasPlaceholder:
            "subject cannot have placeholders; it is sent as written"
        case .emptyText:
            "text is empty"
        case let .textTooLong(bytes):
            "text is \(bytes) bytes without the placeholders; at most \(SMSLimits.lmsBytes)"
        case let .unreadable(reason):
            "cannot read: \(reason)"
        }
    }

    /// The same in Korean, for the people who write templates.
    public var korean: String {
        switch self {
        case let .unknownPlaceholder(name, line, column):
            "\(line)행 \(column)열: 알 수 없는 치환 문구 '\(name)' (사용 가능: \(Self.known))"
        case let .unclosedPlaceholder(opening, line, column):
            "\(line)행 \(column)열: '\(opening)'의 닫는 괄호가 같은 줄에 없습니다"
        case let .emptyPlaceholder(line, column):
            "\(line)행 \(column)열: 치환 문구 이름이 비어 있습니다"
        case let .character(problem):
            problem.korean
        case let .subjectCharacter(problem):
            "제목 " + problem.korean
        case let .subjectTooLong(bytes):
            "제목이 \(bytes)바이트입니다. \(SMSLimits.subjectBytes)바이트(한글 20자)까지 쓸 수 있습니다"
        case .subjectHasLineBreak:
            "제목에 줄바꿈이 있습니다"
        case .subjectHasPlaceholder:
            "제목에는 치환 문구를 쓸 수 없습니다 (쓴 그대로 나갑니다)"
        case .emptyText:
            "내용이 비어 있습니다"
        case let .textTooLong(bytes):
            "치환 문구를 빼고도 \(bytes)바이트입니다. \(SMSLimits.lmsBytes)바이트까지 보낼 수 있습니다"
        case let .unreadable(reason):
            "파일을 읽을 수 없습니다: \(reason)"
        }
    }

    private static var known: String { Placeholder.allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A template that cannot be used, with every issue found (not only the first).
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the template came from, when loaded from one.
    public var file: String?
    public var issues: [TemplateIssue]

    public init(file: String? = nil, issues: [TemplateIssue]) {
        self.file = file
        self.issues = issues
    }

    /// One line per issue, prefixed with the file: `birthday.txt:3:5: unknown placeholder '생일' …`.
    public var description: String {
        issues.map { issue in file.map { "\($0):\(issue)" } ?? "\(issue)" }.joined(separator: "\n")
    }
}
