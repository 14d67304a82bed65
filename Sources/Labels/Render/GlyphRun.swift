import CCairo

/// Glyphs of one size and colour gathered across lines (and labels) for one
/// `cairo_show_text_glyphs` call.
///
/// Cairo's PDF surface records every drawing call and replays it at `cairo_show_page`;
/// one call per run instead of one per line removes most of that per-call cost. Lines
/// keep their order inside a run, and a run is flushed whenever the size changes, so the
/// content stream (and `pdftotext -raw`) keeps the labels' reading order. The clusters map
/// each glyph to its character one to one, which gives the PDF exact ToUnicode text.
struct GlyphRun {
    /// Grey level of the text (0 black).
    let gray: Double
    private(set) var size = 0.0
    private var glyphs: [cairo_glyph_t] = []
    private var clusters: [cairo_text_cluster_t] = []
    private var utf8: [CChar] = []

    init(gray: Double) { self.gray = gray }

    /// Adds `line` placed at `origin` (points); flushes first if its size differs.
    mutating func append(_ line: LabelLine, origin: (x: Double, y: Double), unitsPerEm: Double, to cr: OpaquePointer) {
        if line.fontSize != size {
            flush(to: cr)
            size = line.fontSize
        }
        let scale = line.fontSize / unitsPerEm
        var x = origin.x + line.x
        let y = origin.y + line.baseline
        for g in line.glyphs {
            glyphs.append(cairo_glyph_t(index: UInt(g.index), x: x, y: y))
            x += Double(g.advance) * scale
            var bytes: Int32 = 0
            for byte in UTF8.encode(g.scalar)! {
                utf8.append(CChar(bitPattern: byte)); bytes += 1
            }
            clusters.append(cairo_text_cluster_t(num_bytes: bytes, num_glyphs: 1))
        }
    }

    /// Draws what was gathered and empties the run (keeping its buffers).
    mutating func flush(to cr: OpaquePointer) {
        guard !glyphs.isEmpty else { return }
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_set_font_size(cr, size)
        cairo_show_text_glyphs(
            cr, utf8, Int32(utf8.count), glyphs, Int32(glyphs.count),
            clusters, Int32(clusters.count), cairo_text_cluster_flags_t(rawValue: 0))
        glyphs.removeAll(keepingCapacity: true)
        clusters.removeAll(keepingCapacity: true)
        utf8.removeAll(keepingCapacity: true)
    }
}
