import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a gateway's response body into JSON, whatever encoding the gateway chose.
///
/// Some Korean gateways answer in EUC-KR (CP949) — declared in `Content-Type` or not. A body
/// that is not valid UTF-8 is converted from CP949 before parsing: failing to read an answer
/// after the gateway accepted would make the outcome unknown for no reason.
enum ResponseText {
    /// The body as text: UTF-8 when valid, else CP949 (a superset of EUC-KR), else `nil`.
    static func decode(_ body: Data, contentType: String?) -> String? {
        let declaresKorean = contentType.map { $0.lowercased().contains("euc-kr") || $0.lowercased().contains("cp949") } ?? false
        if !declaresKorean, let text = String(validatingUTF8Data: body) { return text }
        if let text = fromCP949(body) { return text }
        return String(validatingUTF8Data: body)
    }

    /// The body parsed as a JSON object, or `nil` when it is not one.
    static func jsonObject(_ body: Data, contentType: String?) -> [String: Any]? {
        guard let text = decode(body, contentType: contentType),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return nil }
        return object
    }

    /// A cheap first look: the body starts (after white space) like a JSON object.
    static func looksLikeJSONObject(_ data: Data) -> Bool {
        for byte in data where byte != 0x20 && byte != 0x0a && byte != 0x0d && byte != 0x09 { return byte == UInt8(ascii: "{") }
        return false
    }

    static func fromCP949(_ data: Data) -> String? {
        guard let handle = iconv_open("UTF-8", "CP949"), handle != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(handle) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(handle, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 || inLeft != 0 ? nil : outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(validatingUTF8Data: Data(output.prefix(written)))
    }
}

extension String {
    /// The data as UTF-8 text, or `nil` when it is not valid UTF-8.
    init?(validatingUTF8Data data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self = text
    }
}
