import Foundation

/// `application/x-www-form-urlencoded` bodies, as HTML forms and most Korean SMS gateways
/// (Aligo) expect them.
///
/// Text is NFC-normalized, encoded as UTF-8, and every byte outside `A–Z a–z 0–9 * - . _`
/// is percent-encoded with upper-case hex; a space becomes `+` (the WHATWG URL standard's
/// form serializer). `"안녕 하세요"` → `%EC%95%88%EB%85%95+%ED%95%98%EC%84%B8%EC%9A%94`.
public enum FormURLEncoding {
    public static let contentType = "application/x-www-form-urlencoded; charset=UTF-8"

    /// `name=value&name=value`, in the given order (duplicates kept).
    public static func encode(_ fields: [(String, String)]) -> Data {
        Data(encodeString(fields).utf8)
    }

    /// Same as ``encode(_:)`` as a string, for query strings.
    public static func encodeString(_ fields: [(String, String)]) -> String {
        fields.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }

    /// One name or value, escaped.
    public static func escape(_ text: String) -> String {
        var out = [UInt8]()
        for byte in text.precomposedStringWithCanonicalMapping.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "*"), UInt8(ascii: "-"),
                UInt8(ascii: "."), UInt8(ascii: "_"):
                out.append(byte)
            case UInt8(ascii: " "):
                out.append(UInt8(ascii: "+"))
            default:
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses a form body back into fields (`+` → space, `%XX` → byte, UTF-8).
    public static func decode(_ body: String) -> [(String, String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (unescape(parts[0]), parts.count > 1 ? unescape(parts[1]) : "")
        }
    }

    private static func unescape(_ text: Substring) -> String {
        var bytes = [UInt8]()
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
