/// A message text with placeholders, checked once and rendered per recipient.
///
/// Syntax: `<<이름>>` and `{{이름}}` mean the same; spaces inside are ignored (`{{ 이름 }}`).
/// A fallback for an empty value follows a bar: `<<별명|고객님>>`; `<<직책|>>` inserts nothing
/// when empty. The known names are ``Placeholder``'s. There is no escape: `<<` or `{{` always
/// opens a placeholder, which must close on the same line.
///
/// `init` fails with every issue at once: unknown or unclosed placeholders (with line:column),
/// characters outside KS X 1001 in the text or subject (with suggested replacements), a subject
/// over 40 bytes or with a line break, and fixed text over 2,000 bytes. The text and subject
/// are NFC-normalized and their line breaks made `\n` first; positions refer to that form.
///
/// ```swift
/// let template = try MessageTemplate(text: "<<이름>>님, 생일 축하드립니다. -<<상호>>")
/// let context = RenderContext(shopName: "김비서상사", now: now)
/// template.render(RecipientFields(name: "홍길동"), context: context)  // .text("홍길동님, …")
/// ```
public struct MessageTemplate: Sendable, Hashable {
    /// The text, normalized (NFC, `\n`).
    public let text: String
    /// The LMS subject, sent as written (placeholders are an error), or `nil` to use the
    /// campaign's default.
    public let subject: String?
    /// The placeholders used, each once, in order of first use.
    public let placeholders: [Placeholder]
    /// KS X 1001 bytes of the fixed parts (the text without its placeholders).
    public let fixedBytes: Int
    let segments: [Segment]
    /// Per segment, the bytes of the literal or of the field's fallback (0 without one);
    /// `nil` when some part is not in sending form and rendered texts must be measured whole.
    let segmentBytes: [Int]?

    enum Segment: Sendable, Hashable {
        case literal(String)
        case field(Placeholder, fallback: String?)
    }

    /// Parses and checks `text` and `subject`; throws a ``TemplateError`` listing every issue.
    public init(text: String, subject: String? = nil) throws(TemplateError) {
        try self.init(text: text, subject: subject, lineOffset: 0, file: nil)
    }

    /// Every issue of a template, without throwing (for `templates check`).
    public static func lint(text: String, subject: String? = nil) -> [TemplateIssue] {
        do {
            _ = try MessageTemplate(text: text, subject: subject)
            return []
        } catch {
            return error.issues
        }
    }

    init(text raw: String, subject rawSubject: String?, lineOffset: Int, file: String?) throws(TemplateError) {
        let text = SMSText.normalize(raw)
        let parsed = Self.parse(text, lineOffset: lineOffset)
        var issues = parsed.issues
        issues += SMSBytes.problems(in: text).map { problem in
            .character(problem.shifted(lines: lineOffset))
        }
        let subject = rawSubject.map(SMSText.normalize).flatMap { $0.isEmpty ? nil : $0 }
        if let subject { issues += Self.check(subject: subject) }
        if text.isEmpty { issues.append(.emptyText) }
        if parsed.fixedBytes > SMSLimits.lmsBytes { issues.append(.textTooLong(bytes: parsed.fixedBytes)) }
        guard issues.isEmpty else { throw TemplateError(file: file, issues: issues) }
        self.text = text
        self.subject = subject
        self.segments = parsed.segments
        self.segmentBytes = Self.measure(parsed.segments)
        self.fixedBytes = parsed.fixedBytes
        var seen: Set<Placeholder> = []
        self.placeholders = parsed.segments.compactMap { segment in
            guard case let .field(placeholder, _) = segment, seen.insert(placeholder).inserted else { return nil }
            return placeholder
        }
    }

    /// Issues of an (already normalized) LMS subject: characters, line breaks, length.
    static func check(subject: String) -> [TemplateIssue] {
        var issues: [TemplateIssue] = SMSBytes.problems(in: subject).map { .subjectCharacter($0) }
        if subject.contains(where: \.isNewline) { issues.append(.subjectHasLineBreak) }
        if subject.contains("<<") || subject.contains("{{") { issues.append(.subjectHasPlaceholder) }
        let bytes = SMSBytes.count(subject)
        if bytes > SMSLimits.subjectBytes { issues.append(.subjectTooLong(bytes: bytes)) }
        return issues
    }

    static func measure(_ segments: [Segment]) -> [Int]? {
        var bytes: [Int] = []
        for segment in segments {
            switch segment {
            case let .literal(literal):
                guard let count = SMSBytes.fastCount(literal) else { return nil }
                bytes.append(count)
            case let .field(_, fallback):
                guard let count = fallback.map(SMSBytes.fastCount) ?? 0 else { return nil }
                bytes.append(count)
            }
        }
        return bytes
    }

    /// A template made of already-checked parts (used by ``AdWrapper``).
    init(checkedSegments segments: [Segment], text: String, subject: String?, placeholders: [Placeholder]) {
        self.segments = segments
        self.segmentBytes = Self.measure(segments)
        self.text = text
        self.subject = subject
        self.placeholders = placeholders
        self.fixedBytes = segments.reduce(0) { sum, segment in
            if case let .literal(literal) = segment { return sum + SMSBytes.count(literal) }
            return sum
        }
    }
}

extension CharacterProblem {
    func shifted(lines: Int) -> CharacterProblem {
        guard lines != 0 else { return self }
        var copy = self
        copy.line += lines
        return copy
    }
}
