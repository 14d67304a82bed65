import Foundation

extension MailMessage {
    /// Header fields the builder writes itself; extra headers may not repeat them.
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "reply-to", "subject", "date", "message-id", "mime-version",
        "content-type", "content-transfer-encoding",
    ]

    /// The message as RFC 5322 bytes with CRLF line endings, ready for SMTP `DATA`.
    ///
    /// - Throws: ``MailError`` naming the header and value that cannot be written.
    public func rendered() throws(MailError) -> Data {
        guard !envelopeRecipients.isEmpty else { throw MailError.noRecipients }
        var lines: [String] = []
        lines.append("From: \(try Self.addressList([from], field: "From"))")
        if !to.isEmpty { lines.append("To: \(try Self.addressList(to, field: "To"))") }
        if !cc.isEmpty { lines.append("Cc: \(try Self.addressList(cc, field: "Cc"))") }
        for address in bcc {
            if let reason = address.problem() {
                throw MailError.invalidAddress(field: "Bcc", value: address.address, reason: reason)
            }
        }
        if let replyTo { lines.append("Reply-To: \(try Self.addressList([replyTo], field: "Reply-To"))") }
        lines.append("Subject: \(EncodedWord.unstructured(subject, headerName: "Subject"))")
        lines.append("Date: \(RFC5322Date.kst(date))")
        lines.append("Message-ID: <\(messageID.trimmingCharactersInSet("<> "))>")
        lines.append("MIME-Version: 1.0")
        for (name, value) in extraHeaders {
            guard Self.isFieldName(name), !Self.reservedHeaders.contains(name.lowercased()) else {
                throw MailError.invalidHeader(name: name)
            }
            lines.append("\(name): \(EncodedWord.unstructured(value, headerName: name))")
        }

        if let html {
            // "=_" cannot occur in base64, so the boundary never collides with a body.
            let boundary = "=_kimbiseo_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
            lines.append("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--\(boundary)")
            lines += Self.textPart(text, subtype: "plain")
            lines.append("--\(boundary)")
            lines += Self.textPart(html, subtype: "html")
            lines.append("--\(boundary)--")
        } else {
            lines += Self.textPart(text, subtype: "plain")
        }
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Content-Type and Content-Transfer-Encoding lines, a blank line, then the body as
    /// base64 of its NFC UTF-8 with CRLF line breaks.
    private static func textPart(_ text: String, subtype: String) -> [String] {
        let canonical = text.precomposedStringWithCanonicalMapping
            .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let base64 = Array(Data(canonical.utf8).base64EncodedString().utf8)
        let encoded = stride(from: 0, to: max(base64.count, 1), by: 76).map { start in
            String(decoding: base64[start..<min(start + 76, base64.count)], as: UTF8.self)
        }.joined(separator: "\r\n")
        return [
            "Content-Type: text/\(subtype); charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
            encoded,
        ]
    }

    private static func addressList(_ addresses: [MailAddress], field: String) throws(MailError) -> String {
        var rendered: [String] = []
        for address in addresses {
            if let reason = address.problem() {
                throw MailError.invalidAddress(field: field, value: address.address, reason: reason)
            }
            if let name = address.displayName {
                let prefix = rendered.isEmpty ? field.count + 2 : 1
                rendered.append("\(EncodedWord.phrase(name, prefixLength: prefix)) <\(address.address)>")
            } else {
                rendered.append(address.address)
            }
        }
        return rendered.joined(separator: ",\r\n ")
    }

    private static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != ":" }
    }
}
