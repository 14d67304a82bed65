import Foundation
import Testing
@testable import Labels

@Suite("PDF documents", .enabled(if: TestFont.available, TestFont.missingMessage),
       .enabled(if: popplerAvailable, "poppler-utils not installed (apt-get install poppler-utils)"))
struct DocumentTests {
    let sheet = LabelSheet.find("LS-3108")!

    func render(_ recipients: [LabelRecipient], to path: String, options: LabelRenderOptions = LabelRenderOptions())
        throws -> LabelRunSummary
    {
        let document = try LabelDocument(path: path, sheet: sheet, font: try TestFont.load(), options: options)
        for r in recipients { document.add(r) }
        return try document.finish()
    }

    func pageCount(_ path: String) throws -> Int? {
        let info = try runTool("pdfinfo", [path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    @Test("1,000 labels: 72 pages, every name and postcode in order, one embedded font")
    func thousand() throws {
        let dir = try TemporaryDirectory()
        let recipients = SampleRecipients.make(1000)
        let summary = try render(recipients, to: dir.path("dm.pdf"))
        #expect(summary.labels == 1000 && summary.pages == 72 && summary.skipped.isEmpty)
        #expect(try pageCount(dir.path("dm.pdf")) == 72)

        let text = try runTool("pdftotext", ["-raw", "-enc", "UTF-8", dir.path("dm.pdf"), "-"])
        var cursor = text.startIndex
        for r in recipients {
            for needle in [r.name + " 님", r.postcode!] {
                guard let hit = text.range(of: needle, range: cursor..<text.endIndex) else {
                    Issue.record("\(r.key): '\(needle)' missing or out of order"); return
                }
                cursor = hit.upperBound
            }
        }
        let fonts = try runTool("pdffonts", [dir.path("dm.pdf")])
        let faces = fonts.split(separator: "\n").dropFirst(2).compactMap { $0.split(separator: " ").first }
        #expect(Set(faces.map { $0.split(separator: "+").last! }) == ["NanumGothic"], "\(fonts)")
    }

    @Test("--start-at leaves the first slots empty and moves the rest on")
    func startAt() throws {
        let dir = try TemporaryDirectory()
        var options = LabelRenderOptions(); options.startAt = 13
        let document = try LabelDocument(path: dir.path("s.pdf"), sheet: sheet, font: try TestFont.load(), options: options)
        let outcomes = SampleRecipients.make(3).map { document.add($0) }
        #expect(outcomes == [
            .printed(page: 0, slot: 12, warnings: []), .printed(page: 0, slot: 13, warnings: []),
            .printed(page: 1, slot: 0, warnings: []),
        ])
        let summary = try document.finish()
        #expect(summary.pages == 2)
        #expect(try pageCount(dir.path("s.pdf")) == 2)
        // The first label sits in the bottom-left slot of page 1.
        let bbox = try runTool("pdftotext", ["-f", "1", "-l", "1", "-bbox", dir.path("s.pdf"), "-"])
        let name = SampleRecipients.recipient(0).name
        let yMin = try #require(bbox.split(separator: "\n").first { $0.contains(">\(name)<") })
            .split(separator: "\"")[3]
        let slotTop = sheet.rect(at: 12).y * 72 / 25.4
        #expect(Double(yMin)! > slotTop)
        #expect(throws: LabelsError.startOutOfRange(startAt: 15, labelsPerPage: 14)) {
            var bad = LabelRenderOptions(); bad.startAt = 15
            _ = try LabelDocument(path: dir.path("bad.pdf"), sheet: sheet, font: try TestFont.load(), options: bad)
        }
    }

    @Test("unprintable customers are skipped and reported; missing glyphs are printed without and reported")
    func reports() throws {
        let dir = try TemporaryDirectory()
        var recipients = SampleRecipients.make(3)
        recipients[1].address = ""
        recipients[2].addressDetail = "3층 ✉ 사무실"
        let summary = try render(recipients, to: dir.path("r.pdf"))
        #expect(summary.labels == 2)
        #expect(summary.skipped.map(\.key) == [recipients[1].key])
        #expect(summary.warnings.count == 1)
        #expect(summary.warnings.first?.key == recipients[2].key)
        #expect(summary.warnings.first?.description.contains("U+2709") == true)
        let text = try runTool("pdftotext", ["-raw", dir.path("r.pdf"), "-"])
        #expect(text.contains("3층 사무실"))
    }

    @Test("outline, offsets and a PNG preview of the first page")
    func preview() throws {
        let dir = try TemporaryDirectory()
        var options = LabelRenderOptions()
        options.outline = true; options.offsetX = 1; options.offsetY = -1; options.previewPath = dir.path("p.png")
        let summary = try render(SampleRecipients.make(20), to: dir.path("p.pdf"), options: options)
        #expect(summary.pages == 2 && summary.previewPath == dir.path("p.png"))
        let png = try Data(contentsOf: URL(fileURLWithPath: dir.path("p.png")))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // 210 mm at 100 dpi.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 827)
    }

    @Test("an unwritable path is a cairo error naming the file")
    func unwritable() throws {
        #expect(throws: LabelsError.self) {
            _ = try LabelDocument(path: "/nonexistent-dir/x.pdf", sheet: sheet, font: try TestFont.load())
        }
    }
}
