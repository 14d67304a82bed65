import Foundation
import Testing
@testable import Gateways

@Suite("JSON scanner")
struct JSONScannerTests {
    /// Every member of a top-level object: strings as they read, anything else skipped as "·".
    static func members(_ text: String) throws -> [String: String] {
        var bytes = Array(text.utf8)
        return try bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = JSONScanner(UnsafeBufferPointer(buffer))
            var out: [String: String] = [:]
            try scanner.object { scanner, key in
                if key.hasPrefix("s") { out[key] = try scanner.optionalString() ?? "null" } else {
                    try scanner.skipValue()
                    out[key] = "·"
                }
            }
            try scanner.end()
            return out
        }
    }

    @Test("escapes, surrogate pairs and raw Hangul read as JSONSerialization reads them")
    func strings() throws {
        let text = #"{"s1":"김비서","s2":"a\"b\\c\/d\n\t\r\b\f","s3":"\uD55C\uAE00 \uD83D\uDE00","s4":null}"#
        let read = try Self.members(text)
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["s1", "s2", "s3"] { #expect(read[key] == reference[key] as? String) }
        #expect(read["s4"] == "null")
    }

    @Test("numbers, literals and nested values are skipped")
    func skipping() throws {
        let read = try Self.members(#" { "a" : -0.5e+3 , "b":[1,{"c":[true,false,null]},"x"], "d":{}, "e":[], "f":0 } "#)
        #expect(read == ["a": "·", "b": "·", "d": "·", "e": "·", "f": "·"])
    }

    @Test("anything but strict JSON, or a value of another type than asked, throws", arguments: [
        #"{"a":1,}"#, #"{"a":01}"#, #"{"a":1."#, #"{"a":tru}"#, #"{"a":"x"} x"#, #"{"a" 1}"#, #"{"s":1}"#,
        #"{"s":"\x"}"#, #"{"s":"\uD800"}"#, "{\"s\":\"a\u{01}\"}", #"{"a":[1 2]}"#, "", #"{"a":"#,
    ])
    func malformed(_ text: String) {
        #expect(throws: JSONScanner.Malformed.self) { try Self.members(text) }
    }
}
