import Foundation

/// An email to render as RFC 5322 bytes and send with ``SMTPClient``.
///
/// ```swift
/// let mail = MailMessage(
///     from: MailAddress("noreply@kimbiseo.kr", name: "김비서"),
///     to: [MailAddress("staff@example.kr", name: "홍길동")],
///     subject: "오늘의 기념일 3건",
///     text: "안녕하세요, 홍길동님.\n오늘 생일인 고객이 3명 있습니다.",
///     html: "<p>안녕하세요, <b>홍길동</b>님.</p>")
/// let bytes = try mail.rendered()
/// ```
/// Rendering: all text NFC-normalized; CRLF line endings; `Date` in KST (`+0900`);
/// UTF-8 subject and display names as RFC 2047 `B` encoded words of at most 75 characters,
/// never splitting a character; bodies UTF-8, base64 in 76-character lines; with an HTML
/// body, a `multipart/alternative` of text/plain then text/html.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress] = []
    /// Envelope-only recipients: never written into the headers.
    public var bcc: [MailAddress] = []
    public var replyTo: MailAddress? = nil
    public var subject: String
    public var date: Date
    /// The Message-ID without angle brackets, e.g. `digest-2026-11-29-7@kimbiseo.kr`.
    /// Choose it deterministically to let receivers recognise a resent message.
    public var messageID: String
    public var text: String
    public var html: String?
    /// Further header fields (e.g. `Auto-Submitted: auto-generated`), in order.
    public var extraHeaders: [(name: String, value: String)] = []

    public init(
        from: MailAddress, to: [MailAddress], subject: String, text: String, html: String? = nil,
        date: Date = Date(), messageID: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID ?? "\(UUID().uuidString.lowercased())@\(from.domain)"
    }

    /// Every envelope recipient: To, Cc and Bcc, duplicates removed, in order.
    public var envelopeRecipients: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }
}
