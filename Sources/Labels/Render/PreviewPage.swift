import CCairo

/// The first page drawn again on a white cairo image surface, written as PNG.
final class PreviewPage {
    let path: String
    let surface: OpaquePointer
    let context: OpaquePointer

    init(path: String, sheet: LabelSheet, dpi: Double, font: LabelFont) throws(LabelsError) {
        self.path = path
        let scale = dpi / 25.4
        let surface = cairo_image_surface_create(
            CAIRO_FORMAT_RGB24, Int32((sheet.pageWidth * scale).rounded(.up)), Int32((sheet.pageHeight * scale).rounded(.up)))!
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            throw .cairo(path: path, status: String(cString: cairo_status_to_string(status)))
        }
        self.surface = surface
        context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        // Drawing code works in points.
        cairo_scale(context, dpi / 72, dpi / 72)
        LabelDocument.prepare(context, font: font)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    func write() throws(LabelsError) {
        cairo_surface_flush(surface)
        let status = cairo_surface_write_to_png(surface, path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(path: path, status: String(cString: cairo_status_to_string(status)))
        }
    }
}
