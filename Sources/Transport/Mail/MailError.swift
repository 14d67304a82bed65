/// A message that cannot be rendered as RFC 5322.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An address in `field` (`From`, `To`, `Cc`, `Bcc`, `Reply-To`) is unusable.
    case invalidAddress(field: String, value: String, reason: String)
    /// The message has no recipient.
    case noRecipients
    /// An extra header's name is not a valid field name, or it would replace one the
    /// builder writes itself.
    case invalidHeader(name: String)

    public var description: String {
        switch self {
        case .invalidAddress(let field, let value, let reason):
            "mail header \(field): invalid address \"\(value)\": \(reason)"
        case .noRecipients:
            "mail has no recipient (To, Cc and Bcc are empty)"
        case .invalidHeader(let name):
            "mail header \"\(name)\" is not allowed as an extra header"
        }
    }
}
