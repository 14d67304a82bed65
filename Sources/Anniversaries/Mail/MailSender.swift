import Foundation
import Settings
import Transport

/// Where the email outbox hands a message: an SMTP server, or `.eml` files in a spool folder.
///
/// Contract: return the server's acceptance reply (or where the file went) when the message
/// was accepted; throw a ``MailSendError`` whose ``MailSendError/isTemporary`` decides between
/// a retry with backoff and a permanent failure.
public protocol MailSender: Sendable {
    /// `smtp` or `spool`, for the log.
    var kind: String { get }
    func send(_ message: MailMessage) async throws(MailSendError) -> String
}

/// Why a ``MailSender`` did not deliver a message.
public struct MailSendError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Send again later (refused, timeout, 4xx) rather than give up (5xx, bad configuration).
    public var isTemporary: Bool
    /// The server's failing reply code (`451`, `550`), when one came.
    public var replyCode: Int?
    /// The server's failing reply (`550 5.1.1 No such user here`); empty when none came.
    public var replyText: String
    /// The whole message went out but no final reply came: it may have been accepted.
    public var mayHaveBeenAccepted: Bool
    /// What went wrong, in one line.
    public var message: String

    public init(isTemporary: Bool, replyCode: Int? = nil, replyText: String = "", mayHaveBeenAccepted: Bool = false, message: String) {
        self.isTemporary = isTemporary; self.replyCode = replyCode; self.replyText = replyText
        self.mayHaveBeenAccepted = mayHaveBeenAccepted; self.message = message
    }

    public init(_ error: SMTPError) {
        self.init(
            isTemporary: error.isTemporary, replyCode: error.replyCode, replyText: error.replyText,
            mayHaveBeenAccepted: error.messageMayHaveBeenAccepted, message: error.description)
    }

    public var description: String { message }
}

/// Sends through ``SMTPClient`` (libcurl: `smtp://` with optional STARTTLS, or `smtps://`).
public struct SMTPMailSender: MailSender {
    public let client: SMTPClient
    public var kind: String { "smtp" }

    public init(client: SMTPClient) {
        self.client = client
    }

    public func send(_ message: MailMessage) async throws(MailSendError) -> String {
        do {
            return try await client.send(message).replyText
        } catch {
            throw MailSendError(error)
        }
    }
}

/// Writes each message as `<spool_dir>/<Message-ID>.eml` (RFC 5322 bytes, CRLF), atomically.
public struct SpoolMailSender: MailSender {
    public let directory: String
    public var kind: String { "spool" }

    public init(directory: String) {
        self.directory = directory
    }

    public func send(_ message: MailMessage) async throws(MailSendError) -> String {
        let bytes: Data
        do {
            bytes = try message.rendered()
        } catch {
            throw MailSendError(isTemporary: false, message: error.description)
        }
        let safe = String(message.messageID.map { $0.isLetter || $0.isNumber || "-_.@".contains($0) ? $0 : "_" })
        let path = (directory as NSString).appendingPathComponent(safe + ".eml")
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw MailSendError(
                isTemporary: true, message: AnniversaryError.spool(path: path, reason: error.localizedDescription).description)
        }
        return "spooled to \(path)"
    }
}

extension MailSettings {
    /// The sender `mail.kind` names: `spool` (files in `spool_dir`) or `smtp` (`mail.smtp`,
    /// with `KIMBISEO_SMTP_USERNAME` / `KIMBISEO_SMTP_PASSWORD` from `environment` when the
    /// file has none).
    /// - Throws: ``AnniversaryError/setting(key:problem:)`` for another kind.
    public func makeSender(environment: [String: String] = ProcessInfo.processInfo.environment) throws(AnniversaryError)
        -> any MailSender
    {
        switch kind {
        case "spool":
            return SpoolMailSender(directory: spoolDirectory)
        case "smtp":
            var configuration = SMTPConfiguration(
                url: smtp.url, starttls: smtp.starttls,
                username: smtp.username ?? environment["KIMBISEO_SMTP_USERNAME"],
                password: smtp.password ?? environment["KIMBISEO_SMTP_PASSWORD"])
            configuration.timeout = .milliseconds(Int64(smtp.timeoutSeconds * 1000))
            return SMTPMailSender(client: SMTPClient(configuration: configuration))
        default:
            throw .setting(key: "mail.kind", problem: "'\(kind)' is not one of spool, smtp")
        }
    }
}
