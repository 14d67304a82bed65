import Foundation

/// A value a digest template reads: a text, or a list of rows (each a dictionary of values).
public indirect enum TemplateValue: Sendable, Hashable {
    case text(String)
    case list([[String: TemplateValue]])
}

/// The small template language of `templates/email/` (documented in its README):
///
/// - `{{이름}}` or `{{name}}`: a value; in an `.html` template it is HTML-escaped.
/// - `{{#list}}…{{/list}}`: the inside once per row of `list` (names resolve in the row first,
///   then outside); for a text value, the inside once when it is not empty.
/// - `{{?list}}…{{/list}}`: the inside once when `list` has rows (or the text is not empty).
/// - `{{^list}}…{{/list}}`: the inside only when `list` is empty or missing.
/// - A first line `제목: …` is the email subject (rendered the same way, never escaped).
///
/// An unknown name renders as nothing; an unclosed or mismatched section is an error with its
/// line number.
public struct DigestTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case value(String)
        case section(String, mode: Character, [Node])
    }

    public let file: String
    public let subject: String?
    let nodes: [Node]
    let subjectNodes: [Node]
    let escapeHTML: Bool

    /// Parses `source`; `escapeHTML` for HTML bodies.
    public init(source: String, file: String, escapeHTML: Bool) throws(AnniversaryError) {
        self.file = file
        self.escapeHTML = escapeHTML
        var body = source.precomposedStringWithCanonicalMapping.replacingOccurrences(of: "\r\n", with: "\n")
        var subjectLine: String?
        var lineOffset = 0
        if body.hasPrefix("제목:") {
            let end = body.firstIndex(of: "\n") ?? body.endIndex
            subjectLine = body[body.index(body.startIndex, offsetBy: 3)..<end].trimmingCharacters(in: .whitespaces)
            body = end == body.endIndex ? "" : String(body[body.index(after: end)...])
            lineOffset = 1
            if body.hasPrefix("\n") { body.removeFirst(); lineOffset += 1 }
        }
        subject = subjectLine
        nodes = try Self.parse(body, file: file, lineOffset: lineOffset)
        subjectNodes = try subjectLine.map { (line) throws(AnniversaryError) in try Self.parse(line, file: file, lineOffset: 0) } ?? []
    }

    /// Loads a template file (UTF-8); `.html` files escape their values.
    public static func load(path: String) throws(AnniversaryError) -> DigestTemplate {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .template(file: path, problem: "cannot read the file")
        }
        guard let source = String(data: data, encoding: .utf8) else { throw .template(file: path, problem: "not UTF-8 text") }
        return try DigestTemplate(source: source, file: path, escapeHTML: path.hasSuffix(".html"))
    }

    /// The body with `values`.
    public func render(_ values: [String: TemplateValue]) -> String {
        var out = ""
        Self.render(nodes, scopes: [values], escape: escapeHTML, into: &out)
        return out
    }

    /// The subject line with `values`, or `nil` when the template has none.
    public func renderSubject(_ values: [String: TemplateValue]) -> String? {
        guard subject != nil else { return nil }
        var out = ""
        Self.render(subjectNodes, scopes: [values], escape: false, into: &out)
        return out
    }

    private static func render(_ nodes: [Node], scopes: [[String: TemplateValue]], escape: Bool, into out: inout String) {
        func lookup(_ name: String) -> TemplateValue? {
            for scope in scopes.reversed() { if let value = scope[name] { return value } }
            return nil
        }
        for node in nodes {
            switch node {
            case let .text(text):
                out += text
            case let .value(name):
                if case let .text(text)? = lookup(name) { out += escape ? htmlEscaped(text) : text }
            case let .section(name, mode, children):
                let value = lookup(name)
                let rows: [[String: TemplateValue]]
                switch value {
                case let .list(list)?: rows = list
                case let .text(text)?: rows = text.isEmpty ? [] : [[:]]
                case nil: rows = []
                }
                switch mode {
                case "^": if rows.isEmpty { render(children, scopes: scopes, escape: escape, into: &out) }
                case "?": if !rows.isEmpty { render(children, scopes: scopes, escape: escape, into: &out) }
                default: for row in rows { render(children, scopes: scopes + [row], escape: escape, into: &out) }
                }
            }
        }
    }

    static func htmlEscaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br>"
            default: out.append(character)
            }
        }
        return out
    }

    private static func parse(_ source: String, file: String, lineOffset: Int) throws(AnniversaryError) -> [Node] {
        var stack: [(name: String, mode: Character, nodes: [Node], line: Int)] = [("", "#", [], 0)]
        var rest = Substring(source)
        var line = 1 + lineOffset
        var atLineStart = true
        while let open = rest.range(of: "{{") {
            let before = rest[..<open.lowerBound]
            line += before.filter { $0 == "\n" }.count
            var text = String(before)
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw .template(file: file, problem: "line \(line): '{{' without '}}'")
            }
            let tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            // A section tag alone on its line takes its indentation and line break with it.
            let newline = text.lastIndex(of: "\n")
            let indent = newline.map { text[text.index(after: $0)...] } ?? text[...]
            let standalone = tag.first.map { "#^?/".contains($0) } == true
                && (newline != nil || atLineStart) && indent.allSatisfy { $0 == " " || $0 == "\t" }
                && (rest.hasPrefix("\n") || rest.isEmpty)
            let tagLine = line
            if standalone {
                text.removeLast(indent.count)
                if !rest.isEmpty { rest = rest.dropFirst() }
                line += 1
            }
            atLineStart = standalone
            if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)) }
            guard let first = tag.first else { throw .template(file: file, problem: "line \(line): empty '{{}}'") }
            let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch first {
            case "#", "^", "?":
                stack.append((name, first, [], tagLine))
            case "/":
                guard stack.count > 1, stack.last!.name == name else {
                    throw .template(file: file, problem: "line \(tagLine): '{{/\(name)}}' does not close an open section")
                }
                let section = stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(section.name, mode: section.mode, section.nodes))
            default:
                stack[stack.count - 1].nodes.append(.value(tag))
            }
        }
        if !rest.isEmpty { stack[stack.count - 1].nodes.append(.text(String(rest))) }
        guard stack.count == 1 else {
            throw .template(file: file, problem: "line \(stack.last!.line): '{{#\(stack.last!.name)}}' is never closed")
        }
        return stack[0].nodes
    }
}
