extension MessageTemplate {
    struct Parsed {
        var segments: [Segment] = []
        var issues: [TemplateIssue] = []
        var fixedBytes = 0
    }

    /// Splits normalized `text` into literals and fields. `lineOffset` is added to reported lines
    /// (a file's header lines).
    static func parse(_ text: String, lineOffset: Int) -> Parsed {
        var parsed = Parsed()
        let characters = Array(text)
        var literal = ""
        var line = 1
        var column = 1
        var i = 0

        func flush() {
            guard !literal.isEmpty else { return }
            parsed.fixedBytes += SMSBytes.count(literal)
            parsed.segments.append(.literal(literal))
            literal = ""
        }

        while i < characters.count {
            let character = characters[i]
            guard character == "<" || character == "{", i + 1 < characters.count, characters[i + 1] == character else {
                literal.append(character)
                if character == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                i += 1
                continue
            }
            let close: Character = character == "<" ? ">" : "}"
            var end: Int?
            var j = i + 2
            while j + 1 < characters.count, characters[j] != "\n" {
                if characters[j] == close, characters[j + 1] == close {
                    end = j
                    break
                }
                j += 1
            }
            let here = (line: line + lineOffset, column: column)
            guard let end else {
                parsed.issues.append(
                    .unclosedPlaceholder(
                        opening: String([character, character]), line: here.line, column: here.column))
                literal.append(contentsOf: [character, character])
                column += 2
                i += 2
                continue
            }
            let inner = String(characters[(i + 2)..<end])
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingWhitespace()
            let fallback = parts.count > 1 ? parts[1].trimmingWhitespace() : nil
            if name.isEmpty {
                parsed.issues.append(.emptyPlaceholder(line: here.line, column: here.column))
            } else if let placeholder = Placeholder(rawValue: name) {
                flush()
                parsed.segments.append(.field(placeholder, fallback: fallback))
            } else {
                parsed.issues.append(.unknownPlaceholder(name: name, line: here.line, column: here.column))
            }
            column += end + 2 - i
            i = end + 2
        }
        flush()
        return parsed
    }
}

extension StringProtocol {
    /// Without leading and trailing white space (line breaks included).
    func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return String(self[start..<Swift.max(start, end)])
    }
}
