/// The text for one recipient, or the placeholders that had no value and no fallback.
public enum RenderResult: Sendable, Hashable {
    case text(String)
    /// These placeholders (each once) were empty and had no fallback; nothing should be sent.
    case missing([Placeholder])
}

extension MessageTemplate {
    /// Fills the placeholders for one recipient.
    ///
    /// A `nil`, empty or blank value uses the placeholder's fallback; with no fallback the result
    /// is ``RenderResult/missing(_:)`` naming every such placeholder, never a text with a hole.
    /// The text is not measured here; see ``MessageClassifier``.
    public func render(_ fields: RecipientFields, context: RenderContext) -> RenderResult {
        renderMeasured(fields, context: context).result
    }

    /// Renders and measures in one pass: the fixed parts were measured once, so only the
    /// inserted values are scanned. `bytes` is `nil` when a value (or the template) is not in
    /// sending form; the text must then go through ``MessageClassifier/classify(_:subject:defaultSubject:)``.
    func renderMeasured(_ fields: RecipientFields, context: RenderContext) -> (result: RenderResult, bytes: Int?) {
        var out = ""
        out.reserveCapacity(text.utf8.count + 32)
        var missing: [Placeholder] = []
        let known = segmentBytes ?? []
        var measured = segmentBytes != nil
        var bytes = 0
        for (i, segment) in segments.enumerated() {
            switch segment {
            case let .literal(literal):
                out += literal
                if measured { bytes &+= known[i] }
            case let .field(placeholder, fallback):
                if let value = Self.value(of: placeholder, in: fields, context: context), !Self.isBlank(value) {
                    out += value
                    if measured {
                        if let count = SMSBytes.fastCount(value) { bytes &+= count } else { measured = false }
                    }
                } else if let fallback {
                    out += fallback
                    if measured { bytes &+= known[i] }
                } else if !missing.contains(placeholder) {
                    missing.append(placeholder)
                }
            }
        }
        return (missing.isEmpty ? .text(out) : .missing(missing), measured ? bytes : nil)
    }

    @inline(__always)
    static func value(of placeholder: Placeholder, in fields: RecipientFields, context: RenderContext) -> String? {
        switch placeholder {
        case .name: fields.name
        case .nickname: fields.nickname
        case .company: fields.company
        case .department: fields.department
        case .position: fields.position
        case .rank: fields.rank
        case .group: fields.group
        case .grade: fields.grade
        case .code: fields.code
        case .shopName: context.shopName
        case .today: context.today
        }
    }

    @inline(__always)
    static func isBlank(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
