import Foundation
import Testing
@testable import Labels

@Suite("Font lookup")
struct FontLookupTests {
    @Test("a configured font is used alone; a missing one is an error, not a silent fallback")
    func configured() throws {
        #expect(FontLocator.candidates(configured: "/opt/x/My.ttf") == ["/opt/x/My.ttf"])
        #expect(throws: LabelsError.fontNotFound(searched: ["/nonexistent/My.ttf"])) {
            try FontLocator.locate(configured: "/nonexistent/My.ttf")
        }
    }

    @Test("fonts/font-paths.txt lists come first, relative to the folder, comments ignored; system paths follow")
    func listFile() throws {
        let dir = try TemporaryDirectory()
        try "# comment\nNanumGothic.ttf  # bundled\n\n/abs/Other.ttf\n".write(
            toFile: dir.path(FontLocator.listFileName), atomically: true, encoding: .utf8)
        let paths = FontLocator.candidates(configured: nil, fontsDirectory: dir.url.path)
        #expect(Array(paths.prefix(2)) == [dir.path("NanumGothic.ttf"), "/abs/Other.ttf"])
        #expect(paths.suffix(FontLocator.systemPaths.count) == FontLocator.systemPaths[...])
    }

    @Test("a file that is not a font is reported with its path")
    func notAFont() throws {
        let dir = try TemporaryDirectory()
        try "not a font".write(toFile: dir.path("bad.ttf"), atomically: true, encoding: .utf8)
        do {
            _ = try LabelFont(path: dir.path("bad.ttf"))
            Issue.record("expected an error")
        } catch {
            guard case .fontUnreadable(let path, _) = error else { Issue.record("\(error)"); return }
            #expect(path == dir.path("bad.ttf"))
        }
    }

    @Test("NanumGothic covers Hangul, Hanja and Latin; no emoji", .enabled(if: TestFont.available, TestFont.missingMessage))
    func coverage() throws {
        let font = try TestFont.load()
        for s in "가힣똠뷁金浦市AZ09(주)㈜".unicodeScalars { #expect(font.covers(s), "\(s)") }
        #expect(!font.covers("✉") && !font.covers("😀"))
        #expect(font.width(of: "가가", size: 10) == 2 * font.width(of: "가", size: 10))
    }
}
