import Foundation

/// A file read in pieces of ``pieceSize`` bytes, for readers that need not hold a whole file.
struct FilePieces {
    let url: URL
    static let pieceSize = 1 << 20

    /// Whether the file is UTF-8 text: valid UTF-8 (a UTF-8 byte-order mark allowed), no NUL
    /// byte, no UTF-16 byte-order mark. Reads the file once, a piece at a time.
    func isUTF8Text() throws -> Bool {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var carry: [UInt8] = []
        var first = true
        while let data = try handle.read(upToCount: Self.pieceSize), !data.isEmpty {
            if first {
                first = false
                if TextDecoding.hasUTF16ByteOrderMark(data) { return false }
            }
            var bytes = carry
            Self.append(data, to: &bytes)
            let isText = bytes.withUnsafeBufferPointer { buffer in
                memchr(buffer.baseAddress!, 0, buffer.count) == nil
            }
            guard isText else { return false }
            let complete = Self.completeLength(bytes)
            guard String(validating: bytes[..<complete], as: UTF8.self) != nil else { return false }
            carry = Array(bytes[complete...])
        }
        return carry.isEmpty
    }

    /// Calls `body` with the bytes not consumed yet followed by the next piece, and whether
    /// the file ends there; `body` returns how many bytes it consumed. The last call (`final`)
    /// gets what is left at the end of the file, possibly nothing.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, _ final: Bool) throws -> Int) throws {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        while true {
            let data = try handle.read(upToCount: Self.pieceSize) ?? Data()
            let final = data.isEmpty
            Self.append(data, to: &buffer)
            let consumed = try buffer.withUnsafeBufferPointer { try body($0, final) }
            if final { return }
            buffer.removeFirst(consumed)
        }
    }

    /// Appends `data` to `bytes` in one copy (iterating `Data` goes byte by byte).
    private static func append(_ data: Data, to bytes: inout [UInt8]) {
        data.withUnsafeBytes { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    /// The length of `bytes` without a UTF-8 sequence cut off at its end.
    static func completeLength(_ bytes: [UInt8]) -> Int {
        var start = bytes.count
        // The last lead byte is at most 3 bytes from the end of a cut sequence.
        while start > 0 && bytes.count - start < 4 {
            start -= 1
            let byte = bytes[start]
            guard byte & 0xC0 == 0x80 else {
                let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return start + length > bytes.count ? start : bytes.count
            }
        }
        return bytes.count
    }
}
