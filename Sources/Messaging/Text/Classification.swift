/// What one rendered message becomes: an SMS, an LMS with a subject, or nothing (with why).
public enum Classification: Sendable, Hashable {
    /// ≤ 90 bytes. `text` is the sending form (NFC, `\n`).
    case sms(text: String, bytes: Int)
    /// 91–2,000 bytes, with a subject of ≤ 40 bytes.
    case lms(subject: String, text: String, bytes: Int)
    /// Not sendable; the reason says why in Korean and English.
    case blocked(BlockReason)

    /// `SMS`, `LMS`, or `nil` when blocked.
    public var kind: MessageKind? {
        switch self {
        case .sms: .sms
        case .lms: .lms
        case .blocked: nil
        }
    }

    /// The text's byte count, or `nil` when blocked.
    public var bytes: Int? {
        switch self {
        case let .sms(_, bytes), let .lms(_, _, bytes): bytes
        case .blocked: nil
        }
    }
}

/// The message types a gateway is asked for.
public enum MessageKind: String, Sendable, Hashable, CaseIterable {
    case sms = "SMS"
    case lms = "LMS"
}

/// Why a message to one recipient is not sent.
public enum BlockReason: Sendable, Hashable, CustomStringConvertible {
    /// These placeholders were empty and had no fallback.
    case missingValue([Placeholder])
    /// The customer's data put characters outside KS X 1001 into the text.
    case characters([CharacterProblem])
    /// Longer than ``SMSLimits/lmsBytes``.
    case tooLong(bytes: Int)
    /// Nothing to send.
    case empty
    /// The LMS subject (template or default) cannot be used.
    case subject([TemplateIssue])

    /// A stable short code for the store and `--json`: `missing_value`, `charset`, `too_long`,
    /// `empty`, `subject`.
    public var code: String {
        switch self {
        case .missingValue: "missing_value"
        case .characters: "charset"
        case .tooLong: "too_long"
        case .empty: "empty"
        case .subject: "subject"
        }
    }

    /// For the delivery log and summaries: `빈 값: 직장명`.
    public var korean: String {
        switch self {
        case let .missingValue(placeholders):
            "값이 없는 치환 문구: " + placeholders.map(\.rawValue).joined(separator: ", ")
        case let .characters(problems):
            "보낼 수 없는 글자: " + problems.map(\.shown).joined(separator: ", ")
        case let .tooLong(bytes):
            "\(bytes)바이트로 LMS 한도 \(SMSLimits.lmsBytes)바이트를 넘습니다"
        case .empty:
            "보낼 내용이 없습니다"
        case let .subject(issues):
            "LMS 제목 오류: " + issues.map(\.korean).joined(separator: "; ")
        }
    }

    public var english: String {
        switch self {
        case let .missingValue(placeholders):
            "no value for " + placeholders.map(\.rawValue).joined(separator: ", ")
        case let .characters(problems):
            "characters outside KS X 1001: " + problems.map(\.shown).joined(separator: ", ")
        case let .tooLong(bytes):
            "\(bytes) bytes, over the LMS limit of \(SMSLimits.lmsBytes)"
        case .empty:
            "empty text"
        case let .subject(issues):
            "bad LMS subject: " + issues.map(\.description).joined(separator: "; ")
        }
    }

    public var description: String { english }
}
