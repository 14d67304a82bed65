import Foundation

/// How the bytes of a text file are read as text.
public enum TextEncodingKind: String, Sendable {
    case utf8 = "UTF-8"
    case utf16 = "UTF-16"
    case cp949 = "CP949"
}

/// Decodes a text file: UTF-8 with or without BOM, UTF-16 with BOM, and otherwise
/// CP949/EUC-KR (what Korean Excel writes as "CSV").
enum TextDecoding {
    struct Failure: Error {
        var message: String
    }

    /// The text of the file at `url`; the file's bytes are released before this returns.
    static func decode(contentsOf url: URL) throws(Failure) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw Failure(message: "cannot be read (no such file, or not readable)")
        }
        return try decode(data).text
    }

    /// Whether `data` starts with a UTF-16 byte-order mark (either byte order).
    static func hasUTF16ByteOrderMark(_ data: Data) -> Bool {
        data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF])
    }

    /// The text and the encoding it was found in.
    static func decode(_ data: Data) throws(Failure) -> (text: String, encoding: TextEncodingKind) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: data.dropFirst(3), as: UTF8.self) else {
                throw Failure(message: "has a UTF-8 byte-order mark but is not valid UTF-8")
            }
            return (text, .utf8)
        }
        if hasUTF16ByteOrderMark(data) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw Failure(message: "has a UTF-16 byte-order mark but is not valid UTF-16")
            }
            return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, .utf16)
        }
        if data.contains(0) {
            throw Failure(message: "is not a text file (it contains NUL bytes)")
        }
        if let text = String(validating: data, as: UTF8.self) {
            return (text, .utf8)
        }
        let bytes = [UInt8](data)
        do {
            let converted = try Iconv.convert(bytes, from: "CP949", to: "UTF-8")
            return (String(decoding: converted, as: UTF8.self), .cp949)
        } catch {
            throw Failure(message: "is neither UTF-8 nor CP949/EUC-KR text (byte \(error.offset + 1): \(error.reason))")
        }
    }
}
