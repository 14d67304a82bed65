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
        if bytes == 0 { return .blocked(.empty) }
        if bytes <= SMSLimits.smsBytes { return .sms(text: text, bytes: bytes) }
        if bytes > SMSLimits.lmsBytes { return .blocked(.tooLong(bytes: bytes)) }
        var chosen = subject ?? ""
        if chosen.isEmpty { chosen = defaultSubject }
        if let subjectBytes = SMSBytes.fastCount(chosen), subjectBytes <= SMSLimits.subjectBytes, subjectBytes > 0,
           !chosen.utf8.contains(0x0A) {
            return .lms(subject: chosen, text: text, bytes: bytes)
        }
        chosen = SMSText.normalize(chosen)
        let issues = MessageTemplate.check(subject: chosen)
        guard issues.isEmpty, !chosen.isEmpty else {
            return .blocked(.subject(issues.isEmpty ? [.emptyText] : issues))
        }
        return .lms(subject: chosen, text: text, bytes: bytes)
    }
}
