/// Decides SMS or LMS for one rendered text by its KS X 1001 byte count.
public enum MessageClassifier {
    /// Normalizes `text` (NFC, `\n`), measures it and classifies it:
    /// ≤ 90 bytes → SMS (the subject is dropped); ≤ 2,000 → LMS with `subject`, or
    /// `defaultSubject` when `subject` is `nil` or empty; longer → blocked. Characters outside
    /// KS X 1001 block the message and are listed; so does an unusable subject on an LMS.
    public static func classify(_ text: String, subject: String?, defaultSubject: String) -> Classification {
        var text = text
        var measured = SMSBytes.fastCount(text)
        if measured == nil {
            text = SMSText.normalize(text)
            measured = SMSBytes.fastCount(text)
        }
        guard let bytes = measured else {
            return .blocked(.characters(SMSBytes.problems(in: text)))
        }
        return classify(sendingForm: text, bytes: bytes, subject: chooseSubject(subject, default: defaultSubject))
    }

    /// Classifies a text already in sending form whose bytes are known. `subject` is only
    /// evaluated for an LMS.
    static func classify(
        sendingForm text: String, bytes: Int, subject: @autoclosure () -> SubjectChoice
    ) -> Classification {
        if bytes == 0 { return .blocked(.empty) }
        if bytes <= SMSLimits.smsBytes { return .sms(text: text, bytes: bytes) }
        if bytes > SMSLimits.lmsBytes { return .blocked(.tooLong(bytes: bytes)) }
        switch subject() {
        case let .usable(chosen): return .lms(subject: chosen, text: text, bytes: bytes)
        case let .unusable(reason): return .blocked(reason)
        }
    }

    /// The LMS subject to use: `subject` unless `nil` or empty, else `defaultSubject`, checked
    /// like a template's subject. ``MessageComposer`` does this once per campaign.
    static func chooseSubject(_ subject: String?, default defaultSubject: String) -> SubjectChoice {
        var chosen = SMSText.normalize(subject ?? "")
        if chosen.isEmpty { chosen = SMSText.normalize(defaultSubject) }
        let issues = MessageTemplate.check(subject: chosen)
        guard issues.isEmpty, !chosen.isEmpty else {
            return .unusable(.subject(issues.isEmpty ? [.emptyText] : issues))
        }
        return .usable(chosen)
    }

    enum SubjectChoice: Sendable {
        case usable(String)
        case unusable(BlockReason)
    }
}
