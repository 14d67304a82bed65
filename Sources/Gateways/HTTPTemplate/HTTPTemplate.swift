import Foundation
import Messaging

/// A body or header template with `{{placeholder}}`s.
///
/// Placeholders: `{{id}}` (our message id), `{{to}}`, `{{from}}`, `{{text}}`, `{{subject}}`,
/// `{{type}}` (`SMS`/`LMS`), `{{n}}` (1-based position in the batch), and the credentials
/// `{{user_id}}`, `{{key}}`, `{{api_key}}`, `{{api_secret}}`. In a JSON template values are
/// inserted JSON-escaped without quotes (write `"text": "{{text}}"`); in a form template each
/// value is percent-encoded; in headers and the URL they are inserted as is (the URL gets
/// them percent-encoded).
struct HTTPTemplate: Sendable, Hashable {
    enum Escaping: Sendable { case json, form, none, url }

    let source: String

    static let names: Set<String> = ["id", "to", "from", "text", "subject", "type", "n", "user_id", "key", "api_key", "api_secret", "messages"]

    /// The placeholders used, for validation at start-up.
    var placeholders: [String] {
        var found: [String] = []
        var rest = source[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            found.append(String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces))
            rest = rest[close.upperBound...]
        }
        return found
    }

    func render(_ values: [String: String], escaping: Escaping) -> String {
        var out = ""
        var rest = source[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += rest[..<open.lowerBound]
            let name = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            let value = values[name] ?? ""
            switch escaping {
            case .json where name != "messages":
                out += String(JSONText.quoted(value).dropFirst().dropLast())
            case .form, .url:
                out += value.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? ""
            default:
                out += value
            }
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The values of one message.
    static func values(_ message: OutgoingMessage, position: Int, credentials: GatewayCredentials) -> [String: String] {
        [
            "id": String(message.id), "to": message.to, "from": message.from, "text": message.text,
            "subject": message.subject ?? "", "type": message.type.rawValue, "n": String(position),
            "user_id": credentials.userID ?? "", "key": credentials.key ?? "", "api_key": credentials.apiKey ?? "",
            "api_secret": credentials.apiSecret ?? "",
        ]
    }
}
