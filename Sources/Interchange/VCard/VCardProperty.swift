import Foundation

/// One content line of a vCard: `[group.]NAME[;PARAM=VALUE…]:value`.
struct VCardProperty {
    /// Upper-cased name without the group (`TEL`, `X-KIMBISEO-CODE`).
    var name: String
    /// Upper-cased parameter names → their values (several `TYPE`s merged, lower-cased).
    var parameters: [String: [String]]
    /// The raw value (still escaped; quoted-printable already decoded).
    var value: String
    /// The line the property starts on.
    var line: Int

    /// TYPE values, lower-cased, including vCard 2.1 bare parameters (`TEL;CELL:`).
    var types: Set<String> { Set(parameters["TYPE", default: []]) }

    func parameter(_ name: String) -> String? { parameters[name]?.first }

    /// Parses a logical (unfolded) line; `nil` when it has no `:`.
    init?(_ text: String, line: Int) {
        var inQuotes = false
        guard let colon = text.firstIndex(where: { ch in
            if ch == "\"" { inQuotes.toggle() }
            return ch == ":" && !inQuotes
        }) else { return nil }
        let head = text[..<colon]
        var pieces = Self.split(head, on: ";")
        var name = pieces.removeFirst().uppercased()
        if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
        var parameters: [String: [String]] = [:]
        for piece in pieces {
            if let equals = piece.firstIndex(of: "=") {
                let key = piece[..<equals].uppercased()
                let values = Self.split(piece[piece.index(after: equals)...], on: ",")
                    .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
                    .map { key == "TYPE" || key == "ENCODING" ? $0.lowercased() : $0 }
                parameters[key, default: []].append(contentsOf: values)
            } else {
                let bare = piece.lowercased()
                if ["base64", "b", "quoted-printable"].contains(bare) {
                    parameters["ENCODING", default: []].append(bare)
                } else {
                    parameters["TYPE", default: []].append(bare)
                }
            }
        }
        self.name = name
        self.parameters = parameters
        self.value = String(text[text.index(after: colon)...])
        self.line = line
    }

    /// Splits on a separator outside double quotes.
    static func split(_ text: Substring, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        for ch in text {
            if ch == "\"" { inQuotes.toggle() }
            if ch == separator && !inQuotes {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        return parts
    }

    /// The value unescaped (`\n`, `\,`, `\;`, `\\`).
    var text: String { Self.unescape(Substring(value)) }

    /// The components of a structured value (N, ADR, ORG), each unescaped.
    var components: [String] {
        var parts: [String] = []
        var current = Substring()
        var start = value.startIndex
        var index = value.startIndex
        while index < value.endIndex {
            let ch = value[index]
            if ch == "\\" {
                index = value.index(after: index)
                if index < value.endIndex { index = value.index(after: index) }
                continue
            }
            if ch == ";" {
                current = value[start..<index]
                parts.append(Self.unescape(current))
                start = value.index(after: index)
            }
            index = value.index(after: index)
        }
        parts.append(Self.unescape(value[start...]))
        return parts
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var out = ""
        var escaping = false
        for ch in text {
            if escaping {
                switch ch {
                case "n", "N": out.append("\n")
                default: out.append(ch)
                }
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
