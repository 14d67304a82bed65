import Foundation

extension MessageTemplate {
    /// The header that marks a template file's first line as the LMS subject.
    public static let subjectHeader = "제목:"

    /// Loads a template file (UTF-8) in the format of `templates/sms/README.md`:
    ///
    /// ```
    /// 제목: 풍성한 한가위 보내세요      ← optional first line: the LMS subject
    ///                                   ← one blank line after it is skipped
    /// <<이름>>님, 즐거운 추석 …          ← the text, verbatim
    /// ```
    ///
    /// Line breaks at the end of the file are dropped (editors add one). Issues are reported
    /// with the file's own line numbers.
    public static func load(path: String) throws(TemplateError) -> MessageTemplate {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TemplateError(file: path, issues: [.unreadable(reason: error.localizedDescription)])
        }
        guard let contents = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: path, issues: [.unreadable(reason: "not UTF-8 text")])
        }
        let file = parseFile(contents)
        return try MessageTemplate(text: file.text, subject: file.subject, lineOffset: file.lineOffset, file: path)
    }

    /// Splits a template file into subject, text and the number of header lines.
    static func parseFile(_ contents: String) -> (subject: String?, text: String, lineOffset: Int) {
        var lines = SMSText.normalize(contents).split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0] = lines[0].dropFirst() }
        var subject: String?
        var offset = 0
        if let first = lines.first, first.hasPrefix(subjectHeader) {
            subject = first.dropFirst(subjectHeader.count).trimmingWhitespace()
            lines.removeFirst()
            offset = 1
            if let blank = lines.first, blank.allSatisfy(\.isWhitespace) {
                lines.removeFirst()
                offset = 2
            }
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return (subject, lines.joined(separator: "\n"), offset)
    }
}
