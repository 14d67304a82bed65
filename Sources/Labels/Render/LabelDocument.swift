import CCairo

/// A PDF of address labels, written page by page.
///
/// ```swift
/// let font = try LabelFont(path: try FontLocator.locate(configured: nil))
/// let document = try LabelDocument(path: "dm.pdf", sheet: sheet, font: font)
/// for recipient in recipients { document.add(recipient) }
/// let summary = try document.finish()
/// ```
///
/// Memory stays flat however many labels are added: each label is drawn as soon as it is
/// added, a page is handed to cairo (`cairo_show_page`) when it is full, and nothing per
/// label is kept except the issues for the summary. One font face serves the whole
/// document, so the PDF embeds one subset. Text is drawn with glyph indices and a
/// one-to-one cluster map (`cairo_show_text_glyphs`), so it stays selectable and
/// `pdftotext -raw` returns the labels in order.
///
/// Not thread-safe; one document per thread.
public final class LabelDocument {
    public let sheet: LabelSheet
    public let layout: LabelLayout
    public let options: LabelRenderOptions

    private let surface: OpaquePointer
    private let context: OpaquePointer
    private var preview: PreviewPage?
    private var summary: LabelRunSummary
    private var pageOpen = false
    private var currentPage = -1
    private var finished = false
    private var previewError: LabelsError?
    // Text waiting to be drawn on the current page: address lines, and the grey key lines.
    private var textRun = GlyphRun(gray: 0)
    private var keyRun = GlyphRun(gray: 0.35)

    /// Creates the PDF file (truncating it).
    ///
    /// - Throws: ``LabelsError/badSheet(name:problems:)``, ``LabelsError/startOutOfRange(startAt:labelsPerPage:)``,
    ///   ``LabelsError/badOptions(_:)``, ``LabelsError/cairo(path:status:)`` when the file cannot be created.
    public init(
        path: String, sheet: LabelSheet, font: LabelFont,
        layout: LabelLayoutOptions = LabelLayoutOptions(), options: LabelRenderOptions = LabelRenderOptions()
    ) throws(LabelsError) {
        let problems = sheet.geometryProblems()
        guard problems.isEmpty else { throw .badSheet(name: sheet.name, problems: problems) }
        guard (1...sheet.labelsPerPage).contains(options.startAt) else {
            throw .startOutOfRange(startAt: options.startAt, labelsPerPage: sheet.labelsPerPage)
        }
        self.sheet = sheet
        self.layout = try LabelLayout(font: font, sheet: sheet, options: layout)
        self.options = options
        let surface = cairo_pdf_surface_create(
            path, sheet.pageWidth * Units.pointsPerMillimetre, sheet.pageHeight * Units.pointsPerMillimetre)!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .cairo(path: path, status: String(cString: cairo_status_to_string(status)))
        }
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, options.title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "kimbiseo")
        self.surface = surface
        context = cairo_create(surface)
        Self.prepare(context, font: font)
        summary = LabelRunSummary(path: path)
        if let previewPath = options.previewPath {
            preview = try PreviewPage(path: previewPath, sheet: sheet, dpi: options.previewDPI, font: font)
            summary.previewPath = previewPath
        }
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Lays out and draws one label, or records why it cannot be printed.
    @discardableResult
    public func add(_ recipient: LabelRecipient) -> LabelOutcome {
        precondition(!finished, "LabelDocument.add after finish")
        switch layout.layOut(recipient) {
        case .failure(let error):
            summary.skipped.append(error.issue)
            return .skipped(error.issue)
        case .success(let label):
            let slot = sheet.slot(forLabel: summary.labels, startAt: options.startAt)
            if slot.page != currentPage { beginPage(slot.page) }
            let origin = (x: (slot.rect.x + options.offsetX) * Units.pointsPerMillimetre,
                          y: (slot.rect.y + options.offsetY) * Units.pointsPerMillimetre)
            draw(label, at: origin, in: context, text: &textRun, keys: &keyRun)
            if slot.page == 0, let preview {
                var text = GlyphRun(gray: 0), keys = GlyphRun(gray: 0.35)
                draw(label, at: origin, in: preview.context, text: &text, keys: &keys)
                text.flush(to: preview.context)
                keys.flush(to: preview.context)
            }
            summary.labels += 1
            summary.warnings += label.warnings
            return .printed(page: slot.page, slot: slot.index, warnings: label.warnings)
        }
    }

    /// Records a customer the caller skipped before layout (e.g. no address of the kind asked for).
    public func skip(_ issue: LabelIssue) {
        summary.skipped.append(issue)
    }

    /// Closes the last page and the file.
    ///
    /// A run with no printable label still yields a valid one-page PDF (blank, or with the
    /// outlines) and reports `pages == 1`, `labels == 0`.
    /// - Throws: ``LabelsError/cairo(path:status:)`` when writing failed.
    public func finish() throws(LabelsError) -> LabelRunSummary {
        precondition(!finished, "LabelDocument.finish called twice")
        finished = true
        if currentPage < 0 { beginPage(0) }
        textRun.flush(to: context)
        keyRun.flush(to: context)
        cairo_show_page(context)
        pageOpen = false
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(path: summary.path, status: String(cString: cairo_status_to_string(status)))
        }
        if let preview {
            self.preview = nil
            try preview.write()
        }
        if let previewError { throw previewError }
        summary.pages = currentPage + 1
        return summary
    }

    private func beginPage(_ page: Int) {
        if pageOpen {
            textRun.flush(to: context)
            keyRun.flush(to: context)
            cairo_show_page(context)
        }
        if currentPage == 0, let preview {
            // The preview holds only the first page; write it now so its memory goes.
            self.preview = nil
            do { try preview.write() } catch { previewError = error }
        }
        currentPage = page
        pageOpen = true
        if options.outline {
            drawOutlines(in: context)
            if page == 0, let preview { drawOutlines(in: preview.context) }
        }
    }

    static func prepare(_ cr: OpaquePointer, font: LabelFont) {
        cairo_set_font_face(cr, font.cairoFace)
        let fontOptions = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(fontOptions, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(fontOptions, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(cr, fontOptions)
        cairo_font_options_destroy(fontOptions)
    }

    private func drawOutlines(in cr: OpaquePointer) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, 0.6, 0.6, 0.6)
        cairo_set_line_width(cr, 0.3)
        let k = Units.pointsPerMillimetre
        let r = sheet.cornerRadius * k
        for index in 0..<sheet.labelsPerPage {
            let rect = sheet.rect(at: index)
            let x = (rect.x + options.offsetX) * k, y = (rect.y + options.offsetY) * k
            let w = rect.width * k, h = rect.height * k
            if r > 0 {
                cairo_new_sub_path(cr)
                cairo_arc(cr, x + w - r, y + r, r, -Double.pi / 2, 0)
                cairo_arc(cr, x + w - r, y + h - r, r, 0, Double.pi / 2)
                cairo_arc(cr, x + r, y + h - r, r, Double.pi / 2, Double.pi)
                cairo_arc(cr, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
                cairo_close_path(cr)
            } else {
                cairo_rectangle(cr, x, y, w, h)
            }
        }
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    private func draw(
        _ label: LaidOutLabel, at origin: (x: Double, y: Double), in cr: OpaquePointer,
        text: inout GlyphRun, keys: inout GlyphRun
    ) {
        for line in label.lines where !line.glyphs.isEmpty {
            if line.role == .key {
                keys.append(line, origin: origin, unitsPerEm: layout.font.unitsPerEm, to: cr)
            } else {
                text.append(line, origin: origin, unitsPerEm: layout.font.unitsPerEm, to: cr)
            }
        }
    }
}
