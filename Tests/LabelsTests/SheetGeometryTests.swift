import Foundation
import Testing
@testable import Labels

@Suite("Sheet catalogue geometry")
struct SheetGeometryTests {
    @Test("every catalogue sheet has a sound grid inside its page", arguments: LabelSheet.catalogue.map(\.name))
    func soundGrid(name: String) throws {
        let sheet = try #require(LabelSheet.find(name))
        #expect(sheet.geometryProblems() == [])
        #expect(sheet.labelsPerPage == sheet.columns * sheet.rows)
        for index in 0..<sheet.labelsPerPage {
            let r = sheet.rect(at: index)
            #expect(r.x >= 0 && r.y >= 0)
            #expect(r.maxX <= sheet.pageWidth + 0.05, "label \(index) ends at x \(r.maxX) mm")
            #expect(r.maxY <= sheet.pageHeight + 0.05, "label \(index) ends at y \(r.maxY) mm")
            #expect(r.width == sheet.labelWidth && r.height == sheet.labelHeight)
        }
        // Neighbours are exactly one pitch apart and never overlap.
        if sheet.columns > 1 {
            #expect(abs(sheet.rect(at: 1).x - sheet.rect(at: 0).x - sheet.columnPitch) < 1e-9)
            #expect(sheet.rect(at: 1).x >= sheet.rect(at: 0).maxX - 0.05)
        }
        if sheet.rows > 1 {
            #expect(abs(sheet.rect(at: sheet.columns).y - sheet.rect(at: 0).y - sheet.rowPitch) < 1e-9)
            #expect(sheet.rect(at: sheet.columns).y >= sheet.rect(at: 0).maxY - 0.05)
        }
    }

    @Test("catalogue holds the Formtec and Avery address sheets with their label counts")
    func counts() throws {
        let expected: [String: (Int, Int, Double, Double)] = [
            "LS-3106": (3, 8, 64, 33.9), "LS-3107": (2, 8, 99.1, 33.9), "LS-3108": (2, 7, 99.1, 38.1),
            "LS-3109": (2, 9, 100, 29.9), "LS-3114": (2, 4, 99.1, 67.7), "LS-3118": (2, 2, 99.1, 140),
            "L7160": (3, 7, 63.99, 38.1), "L7163": (2, 7, 99.1, 38.1), "5160": (3, 10, 66.67, 25.4), "5163": (2, 5, 101.6, 50.8),
        ]
        for (name, (columns, rows, w, h)) in expected {
            let sheet = try #require(LabelSheet.find(name), "\(name) missing")
            #expect(sheet.columns == columns && sheet.rows == rows, "\(name)")
            #expect(sheet.labelWidth == w && sheet.labelHeight == h, "\(name)")
        }
        #expect(Set(LabelSheet.catalogue.map(\.name)).count == LabelSheet.catalogue.count, "names are unique")
    }

    @Test("Formtec margins are marked as centred estimates; Avery margins are not")
    func estimatedMargins() {
        for sheet in LabelSheet.catalogue {
            #expect(sheet.marginsEstimated == sheet.vendor.hasPrefix("Formtec"), "\(sheet.name)")
            if sheet.marginsEstimated {
                // Centred: left margin equals the right one, top equals bottom.
                let right = sheet.pageWidth - sheet.rect(at: sheet.labelsPerPage - 1).maxX
                let bottom = sheet.pageHeight - sheet.rect(at: sheet.labelsPerPage - 1).maxY
                #expect(abs(right - sheet.leftMargin) < 0.06, "\(sheet.name) right \(right)")
                #expect(abs(bottom - sheet.topMargin) < 0.06, "\(sheet.name) bottom \(bottom)")
                #expect(sheet.notes.contains("estimate"))
            }
        }
    }

    @Test("names are found ignoring case, hyphens and vendor; aliases resolve")
    func lookup() {
        #expect(LabelSheet.find("ls3108")?.name == "LS-3108")
        #expect(LabelSheet.find("Formtec LS-3107")?.name == "LS-3107")
        #expect(LabelSheet.find("avery l7163")?.name == "L7163")
        #expect(LabelSheet.find("J8160")?.name == "L7160")
        #expect(LabelSheet.find("8163")?.name == "5163")
        #expect(LabelSheet.find("LS-9999") == nil)
    }

    @Test("slots run across then down, continue on the next page, and honour start-at")
    func slots() throws {
        let sheet = try #require(LabelSheet.find("LS-3108"))
        #expect(sheet.slot(forLabel: 0).index == 0)
        #expect(sheet.slot(forLabel: 1).rect.x > sheet.slot(forLabel: 0).rect.x)
        #expect(sheet.slot(forLabel: 2).rect.y > sheet.slot(forLabel: 0).rect.y)
        #expect(sheet.slot(forLabel: 14).page == 1 && sheet.slot(forLabel: 14).index == 0)
        let started = sheet.slot(forLabel: 0, startAt: 5)
        #expect(started.page == 0 && started.index == 4)
        #expect(sheet.slot(forLabel: 10, startAt: 5).page == 1)
        #expect(sheet.pageCount(labels: 10, startAt: 5) == 1)
        #expect(sheet.pageCount(labels: 11, startAt: 5) == 2)
        #expect(sheet.pageCount(labels: 1000) == 72)
    }

    @Test("a custom sheet decodes from snake_case keys with paper defaults")
    func decodesCustomSheet() throws {
        let json = #"{"name":"MY-2x8","label_width":99.1,"label_height":33.9,"columns":2,"rows":8,"left_margin":4.65,"top_margin":12.9,"column_pitch":101.6}"#
        let sheet = try JSONDecoder().decode(LabelSheet.self, from: Data(json.utf8))
        #expect(sheet.pageWidth == 210 && sheet.pageHeight == 297)
        #expect(sheet.rowPitch == 33.9 && sheet.vendor == "custom")
        #expect(sheet.geometryProblems() == [])
        let bad = #"{"name":"X","paper":"B9","label_width":10,"label_height":10,"columns":1,"rows":1,"left_margin":0,"top_margin":0}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LabelSheet.self, from: Data(bad.utf8)) }
    }

    @Test("overlapping or off-page grids are reported")
    func badGrids() {
        var sheet = LabelSheet.catalogue[0]
        sheet.columnPitch = sheet.labelWidth - 5
        #expect(!sheet.geometryProblems().isEmpty)
        sheet = LabelSheet.catalogue[0]
        sheet.topMargin = 50
        #expect(sheet.geometryProblems().contains { $0.contains("page height") })
    }
}
