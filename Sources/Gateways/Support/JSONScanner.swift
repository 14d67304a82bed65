/// A forward-only reader of JSON text, for answers too large to be worth turning into
/// `[String: Any]`: the caller walks the structure it expects, reads the strings it needs and
/// skips everything else.
///
/// Strict JSON (RFC 8259): anything else — a truncated text, a missing comma, a value of
/// another type than the caller asked for — throws ``Malformed`` with the byte offset, and
/// the caller reads the text another way. The bytes must be valid UTF-8 (strings are made
/// from them without a second check) and must outlive the scanner.
struct JSONScanner {
    /// Not the JSON, or not the shape asked for, at `offset`.
    struct Malformed: Error, Equatable {
        var offset: Int
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Nesting depth of ``skipValue()``, bounded so that a hostile text cannot exhaust the stack.
    private var depth = 0
    private static let maxDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The members of an object, in order: `member` gets each key and must read or skip its value.
    mutating func object(_ member: (inout JSONScanner, String) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if try peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            if try separator(closing: UInt8(ascii: "}")) { return }
        }
    }

    /// The elements of an array, in order: `element` must read or skip each one.
    mutating func array(_ element: (inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "["))
        if try peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            if try separator(closing: UInt8(ascii: "]")) { return }
        }
    }

    /// Reads `null` if it comes next.
    mutating func null() throws -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// A string, or `nil` for `null`; any other value throws.
    mutating func optionalString() throws -> String? {
        try null() ? nil : string()
    }

    /// A string; any other value throws.
    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                index = start
                return try escapedString()
            }
            guard byte >= 0x20 else { throw Malformed(offset: index) }
            index += 1
        }
        throw Malformed(offset: index)
    }

    /// Skips one value of any kind.
    mutating func skipValue() throws {
        switch try peek() {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maxDepth else { throw Malformed(offset: index) }
            if bytes[index] == UInt8(ascii: "{") {
                try object { scanner, _ in try scanner.skipValue() }
            } else {
                try array { scanner in try scanner.skipValue() }
            }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    /// Only white space is left.
    mutating func end() throws {
        skipSpace()
        guard index == bytes.count else { throw Malformed(offset: index) }
    }

    // MARK: Pieces

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next byte after white space, not consumed.
    private mutating func peek() throws -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw Malformed(offset: index) }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Malformed(offset: index) }
        index += 1
    }

    /// After a member or element: `,` (more follow) or `closing` (returns true).
    private mutating func separator(closing: UInt8) throws -> Bool {
        let byte = try peek()
        index += 1
        if byte == closing { return true }
        guard byte == UInt8(ascii: ",") else { throw Malformed(offset: index - 1) }
        return false
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
              word.withUTF8Buffer({ $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[index..<index + count])) })
        else { throw Malformed(offset: index) }
        index += count
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func number() throws {
        func digits(_ scanner: inout JSONScanner) throws {
            let start = scanner.index
            while scanner.index < scanner.bytes.count, (0x30...0x39).contains(scanner.bytes[scanner.index]) { scanner.index += 1 }
            guard scanner.index > start else { throw Malformed(offset: scanner.index) }
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "0") { index += 1 } else { try digits(&self) }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            try digits(&self)
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            try digits(&self)
        }
    }

    /// A string with backslash escapes, from its first byte after the opening quote.
    private mutating func escapedString() throws -> String {
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { throw Malformed(offset: index) }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by `\u` and a low one.
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                        else { throw Malformed(offset: index) }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Malformed(offset: index) }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Malformed(offset: index) }
                    out.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    throw Malformed(offset: index - 1)
                }
            default:
                guard byte >= 0x20 else { throw Malformed(offset: index - 1) }
                out.append(byte)
            }
        }
        throw Malformed(offset: index)
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw Malformed(offset: index) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw Malformed(offset: index)
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
