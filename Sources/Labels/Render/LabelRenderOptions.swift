/// Where and how a run is printed on the sheet.
public struct LabelRenderOptions: Sendable, Hashable {
    /// Begin on this label (1-based) of the first sheet, for a half-used sheet.
    public var startAt: Int = 1
    /// Printer calibration: shifts everything right (positive) or left, millimetres.
    public var offsetX: Double = 0
    /// Printer calibration: shifts everything down (positive) or up, millimetres.
    public var offsetY: Double = 0
    /// Draw every label's edge (thin grey) for a test print.
    public var outline: Bool = false
    /// Also render the first page to this PNG file.
    public var previewPath: String?
    /// Resolution of the preview.
    public var previewDPI: Double = 100
    /// PDF document title (metadata).
    public var title: String = "김비서 주소 라벨"

    public init() {}
}
