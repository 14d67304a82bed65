import Foundation

/// A `multipart/form-data` body (RFC 7578), e.g. for a gateway's image attachment (MMS).
///
/// ```swift
/// var form = MultipartFormData()
/// form.addField("subject", "안내")
/// form.addFile("image", filename: "card.jpg", contentType: "image/jpeg", data: jpeg)
/// let request = HTTPRequest(method: .post, url: url,
///                           headers: ["Content-Type": form.contentType], body: form.body)
/// ```
/// Field values are NFC-normalized UTF-8. Non-ASCII file names are sent both as a UTF-8
/// `filename` (what browsers do, RFC 7578 §4.2) and as `filename*` (RFC 5987).
public struct MultipartFormData: Sendable {
    public let boundary: String
    private var parts = Data()

    /// `boundary` defaults to a random token that cannot appear in base64 or typical text.
    public init(boundary: String? = nil) {
        self.boundary = boundary ?? "----kimbiseo-\(UUID().uuidString.lowercased())"
    }

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    public mutating func addField(_ name: String, _ value: String) {
        appendPart(
            disposition: "form-data; name=\"\(Self.quoted(name))\"", contentType: nil,
            data: Data(value.precomposedStringWithCanonicalMapping.utf8))
    }

    public mutating func addFile(_ name: String, filename: String, contentType: String, data: Data) {
        let nfc = filename.precomposedStringWithCanonicalMapping
        var disposition = "form-data; name=\"\(Self.quoted(name))\"; filename=\"\(Self.quoted(nfc))\""
        if !nfc.allSatisfy(\.isASCII) {
            disposition += "; filename*=UTF-8''\(Self.rfc5987(nfc))"
        }
        appendPart(disposition: disposition, contentType: contentType, data: data)
    }

    /// The complete body, closing delimiter included.
    public var body: Data {
        var out = parts
        out.append(Data("--\(boundary)--\r\n".utf8))
        return out
    }

    private mutating func appendPart(disposition: String, contentType: String?, data: Data) {
        var head = "--\(boundary)\r\nContent-Disposition: \(disposition)\r\n"
        if let contentType { head += "Content-Type: \(contentType)\r\n" }
        head += "\r\n"
        parts.append(Data(head.utf8))
        parts.append(data)
        parts.append(Data("\r\n".utf8))
    }

    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "%22")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func rfc5987(_ text: String) -> String {
        FormURLEncoding.escape(text).replacingOccurrences(of: "+", with: "%20")
            .replacingOccurrences(of: "*", with: "%2A")
    }
}
