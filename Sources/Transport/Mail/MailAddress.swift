/// A mailbox: an optional display name and an ASCII address (`"김비서" <noreply@example.kr>`).
///
/// Display names may be any text; they are sent as RFC 2047 encoded words when not ASCII.
/// Addresses must be ASCII (`local@domain`): internationalized addresses (SMTPUTF8) are not
/// supported, and rendering a message with one fails with ``MailError/invalidAddress(field:value:reason:)``.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public var address: String
    public var displayName: String?

    public init(_ address: String, name displayName: String? = nil) {
        self.address = address.trimmingCharactersInSet(" \t")
        self.displayName = displayName.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The part after `@`, for Message-ID defaults.
    public var domain: String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }

    public var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    /// Why the address cannot go into a header or the SMTP envelope, or nil when it can.
    func problem() -> String? {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return "expected local@domain" }
        guard address.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) else {
            return "only printable ASCII without spaces is supported"
        }
        guard !address.contains(where: { "<>()[]\\,;:\"".contains($0) }) else { return "contains a special character" }
        return nil
    }
}

extension String {
    func trimmingCharactersInSet(_ characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
