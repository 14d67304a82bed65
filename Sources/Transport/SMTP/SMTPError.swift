/// Why a message was not delivered to the SMTP server.
///
/// ``isTemporary`` is the retry decision:
/// - **temporary**: the server could not be reached (refused, DNS, timeout, connection lost),
///   or it answered 4xx (421 service closing, 451 local error, 452 storage): send again later;
/// - **permanent**: it answered 5xx (550 mailbox unavailable, 553, 554, 535 authentication),
///   or the configuration cannot work (certificate verification, STARTTLS required but not
///   offered, bad URL): record ``replyText`` and stop.
///
/// ``messageMayHaveBeenAccepted`` is true when the whole message was uploaded but no final
/// reply arrived: the server may have queued it, so a resend may deliver it twice.
public struct SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public var isTemporary: Bool
    /// The server's failing reply code (e.g. 550), or nil when none came.
    public var replyCode: Int?
    /// The server's failing reply, all lines, codes included (`550 5.1.1 No such user here`);
    /// empty when none came.
    public var replyText: String
    /// libcurl's result code (`CURLE_*`).
    public var curlCode: Int
    /// libcurl's description of the failure.
    public var message: String
    public var messageMayHaveBeenAccepted: Bool

    public var isPermanent: Bool { !isTemporary }

    public var description: String {
        let kind = isTemporary ? "temporary" : "permanent"
        let reply = replyText.isEmpty ? "" : "; server said: \(replyText.replacingOccurrences(of: "\n", with: " / "))"
        let unknown = messageMayHaveBeenAccepted ? " (message was fully sent; it may have been accepted)" : ""
        return "SMTP \(kind) failure (curl \(curlCode)): \(message)\(reply)\(unknown)"
    }
}

/// What the server said when it accepted a message.
public struct SMTPReceipt: Sendable, Equatable {
    /// The reply to the end of `DATA`, normally 250.
    public var replyCode: Int
    /// That reply's text (`250 2.0.0 OK queued as 4Fq…`): often carries the queue id.
    public var replyText: String
    /// Envelope recipients the server accepted.
    public var recipients: [String]
}
