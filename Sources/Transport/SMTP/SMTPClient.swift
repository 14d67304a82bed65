import Foundation

/// Delivers messages to one SMTP server through libcurl.
///
/// ```swift
/// let smtp = SMTPClient(configuration: SMTPConfiguration(
///     url: "smtp://mail.example.kr:587", starttls: true, username: "kimbiseo", password: secret))
/// do {
///     let receipt = try await smtp.send(mail)          // a MailMessage
/// } catch let error where error.isTemporary {
///     // retry later with backoff (refused, timeout, 421, 451, …)
/// } catch {
///     // permanent: record error.replyText (e.g. "550 5.1.1 No such user here")
/// }
/// ```
/// - Threading: the client runs its own libcurl multi handle on its own dedicated thread
///   (`kimbiseo-smtp`), separate from ``HTTPClient``'s, so mail never waits behind SMS
///   traffic and each keeps its own connection cache. Sends may run concurrently.
/// - Envelope: `MAIL FROM` is the message's From address; `RCPT TO` every To, Cc and Bcc
///   address. libcurl fails the whole message when any recipient is refused.
/// - libcurl dot-stuffs lines beginning with `.` and ends `DATA` itself.
/// - Keep-alive: the connection stays open for the next message while the server allows it.
public final class SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let driver: CurlDriver

    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
        self.driver = CurlDriver(name: "kimbiseo-smtp", maxConnections: 4, maxIdleHandles: 2)
    }

    /// Renders and sends `message`.
    ///
    /// - Throws: ``SMTPError``; a message that cannot be rendered fails permanently with the
    ///   ``MailError`` text and no server contact.
    public func send(_ message: MailMessage) async throws(SMTPError) -> SMTPReceipt {
        let bytes: Data
        do {
            bytes = try message.rendered()
        } catch {
            throw SMTPError(
                isTemporary: false, replyCode: nil, replyText: "", curlCode: 0,
                message: error.description, messageMayHaveBeenAccepted: false)
        }
        return try await send(raw: bytes, from: message.from.address, to: message.envelopeRecipients)
    }

    /// Sends already-rendered RFC 5322 bytes (CRLF line endings) with the given envelope.
    public func send(raw message: Data, from sender: String, to recipients: [String]) async throws(SMTPError)
        -> SMTPReceipt
    {
        guard !recipients.isEmpty else {
            throw SMTPError(
                isTemporary: false, replyCode: nil, replyText: "", curlCode: 0,
                message: "no envelope recipient", messageMayHaveBeenAccepted: false)
        }
        return try await driver.perform { continuation in
            SMTPTransfer(
                configuration: configuration, sender: sender, recipients: recipients, message: message,
                continuation: continuation)
        }.get()
    }

    /// Stops the client's thread; later sends fail as temporary.
    public func shutdown() {
        driver.shutdown()
    }
}
