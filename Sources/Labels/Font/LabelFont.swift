import CCairo
import Foundation

/// One TrueType face opened once through FreeType and shared with cairo, so that a
/// document embeds a single font subset.
///
/// Glyph lookups (`FT_Get_Char_Index`) and advances (font units, unhinted) are cached per
/// code point: after the first label, measuring a line is array reads and additions.
///
/// Not thread-safe: use one `LabelFont` per rendering thread (opening is cheap).
public final class LabelFont {
    /// The file the face was loaded from.
    public let path: String
    /// Font units per em, read from the file.
    public let unitsPerEm: Double
    /// Family name reported by the font, e.g. `NanumGothic`.
    public let familyName: String

    let face: FT_Face
    /// `cairo_font_face_t *`, owning `face` (released through cairo user data).
    let cairoFace: OpaquePointer

    // Basic Multilingual Plane cache: glyph index + 1 (0 = not looked up yet), advance in font
    // units. Raw buffers rather than arrays: no copy-on-write or exclusivity checks per lookup.
    private let bmpGlyph: UnsafeMutablePointer<UInt32>
    private let bmpAdvance: UnsafeMutablePointer<Int32>
    private var astral: [UInt32: (index: UInt32, advance: Int32)] = [:]

    /// Opens `path` with FreeType and wraps it for cairo.
    ///
    /// - Throws: ``LabelsError/fontUnreadable(path:code:)`` when FreeType cannot read it,
    ///   ``LabelsError/fontUnsuitable(path:reason:)`` when it has no Unicode cmap or no Hangul.
    public init(path: String) throws(LabelsError) {
        self.path = path
        var face: FT_Face?
        let error = FreeTypeLibrary.shared.withLock { library in FT_New_Face(library.libraryHandle, path, 0, &face) }
        guard error == 0, let face else { throw .fontUnreadable(path: path, code: error) }
        if FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0 {
            _ = FreeTypeLibrary.shared.withLock { _ in FT_Done_Face(face) }
            throw .fontUnsuitable(path: path, reason: "no Unicode character map")
        }
        if FT_Get_Char_Index(face, 0xAC00) == 0 {  // 가
            _ = FreeTypeLibrary.shared.withLock { _ in FT_Done_Face(face) }
            throw .fontUnsuitable(path: path, reason: "no Hangul syllables")
        }
        self.face = face
        unitsPerEm = Double(max(face.pointee.units_per_EM, 1))
        familyName = face.pointee.family_name.map { String(cString: $0) } ?? "?"

        let cairoFace = cairo_ft_font_face_create_for_ft_face(face, 0)!
        // cairo may keep the face in its cache after we release it: let cairo free the FT_Face.
        let status = cairo_font_face_set_user_data(cairoFace, FreeTypeLibrary.faceKey, face, releaseFace)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_font_face_destroy(cairoFace)
            _ = FreeTypeLibrary.shared.withLock { _ in FT_Done_Face(face) }
            throw .cairo(path: path, status: String(cString: cairo_status_to_string(status)))
        }
        self.cairoFace = cairoFace
        bmpGlyph = .allocate(capacity: 0x10000)
        bmpGlyph.initialize(repeating: 0, count: 0x10000)
        bmpAdvance = .allocate(capacity: 0x10000)
        bmpAdvance.initialize(repeating: 0, count: 0x10000)
    }

    deinit {
        cairo_font_face_destroy(cairoFace)
        bmpGlyph.deallocate()
        bmpAdvance.deallocate()
    }

    /// The glyph index and advance (font units) of `scalar`, or `nil` when the font lacks it.
    @inline(__always)
    public func glyph(for scalar: Unicode.Scalar) -> (index: UInt32, advance: Int32)? {
        let v = scalar.value
        if v < 0x10000 {
            let i = Int(v)
            var cached = bmpGlyph[i]
            if cached == 0 {
                let (g, a) = lookUp(v)
                bmpGlyph[i] = g &+ 1
                bmpAdvance[i] = a
                cached = g &+ 1
            }
            return cached == 1 ? nil : (cached &- 1, bmpAdvance[i])
        }
        if let hit = astral[v] { return hit.index == 0 ? nil : hit }
        let (g, a) = lookUp(v)
        astral[v] = (g, a)
        return g == 0 ? nil : (g, a)
    }

    /// Whether the font draws `scalar` (`FT_Get_Char_Index` ≠ 0).
    public func covers(_ scalar: Unicode.Scalar) -> Bool { glyph(for: scalar) != nil }

    /// Advance width of `text` at `size` points (characters the font lacks count as 0).
    public func width(of text: String, size: Double) -> Double {
        var units = 0
        for s in text.unicodeScalars { units += Int(glyph(for: s)?.advance ?? 0) }
        return Double(units) * size / unitsPerEm
    }

    private func lookUp(_ codePoint: UInt32) -> (UInt32, Int32) {
        let index = FT_Get_Char_Index(face, FT_ULong(codePoint))
        guard index != 0 else { return (0, 0) }
        // Unscaled, unhinted advance in font units: the PDF is resolution-independent.
        guard FT_Load_Glyph(face, index, FreeTypeLibrary.loadNoScale) == 0 else { return (index, 0) }
        return (index, Int32(truncatingIfNeeded: face.pointee.glyph.pointee.advance.x))
    }
}

/// The cairo user-data destroy callback: frees the FreeType face once cairo is done with it.
private func releaseFace(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    let face = pointer.assumingMemoryBound(to: FT_FaceRec_.self)
    _ = FreeTypeLibrary.shared.withLock { _ in FT_Done_Face(face) }
}

/// The process-wide FreeType library. FreeType wants face creation and release serialized
/// per library; the library itself lives for the whole process because cairo may release
/// faces late from its cache.
final class FreeTypeLibrary: @unchecked Sendable {
    private let handle: FT_Library
    private let lock = NSLock()

    private init(handle: FT_Library) { self.handle = handle }

    static let shared: FreeTypeLibrary = {
        var library: FT_Library?
        let error = FT_Init_FreeType(&library)
        precondition(error == 0 && library != nil, "FreeType failed to initialise (error \(error))")
        return FreeTypeLibrary(handle: library!)
    }()

    /// Runs `body` with the library while holding its lock.
    func withLock<T>(_ body: (FreeTypeLibrary) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    /// The raw handle; only inside ``withLock(_:)``.
    var libraryHandle: FT_Library { handle }

    /// The address cairo uses to find our FT_Face on a font face.
    nonisolated(unsafe) static let faceKey: UnsafeMutablePointer<cairo_user_data_key_t> = {
        let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
        key.initialize(to: cairo_user_data_key_t())
        return key
    }()

    /// `FT_LOAD_NO_SCALE`: advances in font units.
    static let loadNoScale = Int32(1 << 0)
}
