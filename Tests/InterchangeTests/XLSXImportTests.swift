import Foundation
import Testing
@testable import Interchange
import Store

@Suite("XLSX import")
struct XLSXImportTests {
    /// A workbook written by openpyxl: date cells (serials), numbers that lost leading
    /// zeros, a boolean, a second sheet, and a rich-text shared string.
    static let openpyxlScript = #"""
        import sys, datetime
        from openpyxl import Workbook
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        wb = Workbook()
        ws = wb.active
        ws.title = "고객목록"
        ws.append(["성명", "휴대폰", "생일", "생일구분", "VIP", "직장우편번호", "광고수신동의", "메모", "Group"])
        ws.append(["김하늘", "010-5555-0101", datetime.date(1984, 7, 21), "양력", True, "06236", datetime.datetime(2024, 3, 2, 10, 30), "첫 고객", "VIP고객"])
        ws.append(["이도윤", 1055550102, datetime.date(1900, 3, 1), "음력", False, 6236, "N", None, "지인"])
        ws.append([None, None, None])
        ws.append(["박서아 & 친구 <A>", None, "12-30", "음력", None, None, None, CellRichText("굵은", TextBlock(InlineFont(b=True), " 메모")), None])
        ws2 = wb.create_sheet("거래처")
        ws2.append(["name", "mobile"])
        ws2.append(["최거래", "010-5555-0109"])
        wb.save(sys.argv[1])
        """#

    @Test("an openpyxl workbook with date serials, numbers, booleans and rich text")
    func openpyxl() throws {
        let dir = try TempDir()
        let path = dir.path("customers.xlsx")
        let result = try runPython(Self.openpyxlScript, arguments: [path])
        try #require(result.status == 0, "openpyxl failed: \(result.stderr)")
        let cards = try CustomerFile.read(path: path, options: fixedOptions)
        #expect(cards.map(\.card.name) == ["김하늘", "이도윤", "박서아 & 친구 <A>"])
        #expect(cards.map(\.location) == ["\(path):2", "\(path):3", "\(path):5"])
        let first = cards[0].card, second = cards[1].card, third = cards[2].card
        #expect(first.birthday == AnniversaryDate(calendar: .solar, year: 1984, month: 7, day: 21))
        #expect(first.isVIP)
        #expect(first.work.postcode == "06236")
        #expect(first.consent.adConsent == ConsentMark(date: "2024-03-02", source: "import"))
        #expect(first.group == "VIP고객")
        #expect(first.memo == "첫 고객")
        #expect(second.mobile == "01055550102")
        #expect(second.birthday == AnniversaryDate(calendar: .lunar, year: 1900, month: 3, day: 1))
        #expect(!second.isVIP)
        #expect(second.work.postcode == "06236")
        #expect(second.consent.adConsent == nil)
        #expect(third.birthday == AnniversaryDate(calendar: .lunar, month: 12, day: 30))
        #expect(third.memo == "굵은 메모")

        let other = try CustomerFile.read(path: path, options: ImportOptions(sheet: "거래처", today: "2025-01-15"))
        #expect(other.map(\.card.mobile) == ["01055550109"])
        #expect(throws: ImportError.self) {
            try CustomerFile.read(path: path, options: ImportOptions(sheet: "없는시트"))
        }
    }

    @Test("problems in a workbook name the row and the header")
    func problems() throws {
        let dir = try TempDir()
        let path = dir.path("bad.xlsx")
        let script = """
            import sys, datetime
            from openpyxl import Workbook
            wb = Workbook(); ws = wb.active
            ws.append(["성명", "휴대폰", "생일", "비고란"])
            ws.append(["홍길동", "010-12-345", datetime.date(1990, 1, 1)])
            ws.append([None, "010-5555-0001", "1990-02-30"])
            wb.save(sys.argv[1])
            """
        try #require(try runPython(script, arguments: [path]).status == 0)
        do {
            _ = try CustomerFile.read(path: path, options: fixedOptions)
            Issue.record("a bad workbook was accepted")
        } catch {
            #expect(error.problems.map(\.description) == [
                "\(path):1:비고란: unknown column (use --ignore-unknown to skip it)",
                "\(path):2:휴대폰: '010-12-345' is not a phone number",
                "\(path):3:성명: 성명 (name) is required",
                "\(path):3:생일: '1990-02-30' is not a date in the solar calendar",
            ])
        }
    }

    @Test("a title row and a blank row above the header are skipped; rows are numbered as in Excel")
    func titleRowAboveHeader() throws {
        let dir = try TempDir()
        let path = dir.path("titled.xlsx")
        let script = """
            import sys, datetime
            from openpyxl import Workbook
            wb = Workbook(); ws = wb.active
            ws.append(["고객명단 (2026년 12월)", None, datetime.date(2026, 12, 1)])
            ws.append([])
            ws.append(["성명", "휴대폰", "생일"])
            ws.append(["홍길동", "010-1234-5678", datetime.date(1980, 1, 1)])
            ws.append(["김영희", "010-12-345", datetime.date(1985, 5, 5)])
            wb.save(sys.argv[1])
            """
        try #require(try runPython(script, arguments: [path]).status == 0)
        do {
            _ = try CustomerFile.read(path: path, options: fixedOptions)
            Issue.record("the bad phone was accepted")
        } catch {
            #expect(error.problems.map(\.description) == ["\(path):5:휴대폰: '010-12-345' is not a phone number"])
        }
        let good = dir.path("titled-good.xlsx")
        try #require(try runPython(script.replacingOccurrences(of: "010-12-345", with: "010-2222-3333"), arguments: [good]).status == 0)
        let cards = try CustomerFile.read(path: good, options: fixedOptions)
        #expect(cards.map(\.card.name) == ["홍길동", "김영희"])
        #expect(cards.first?.card.birthday == AnniversaryDate(calendar: .solar, year: 1980, month: 1, day: 1))
    }

    @Test("Excel date serials in the 1900 system, including the phantom 1900-02-29")
    func serials() {
        #expect(ExcelDate.text(serial: 1, date1904: false) == "1900-01-01")
        #expect(ExcelDate.text(serial: 59, date1904: false) == "1900-02-28")
        #expect(ExcelDate.text(serial: 60, date1904: false) == "1900-02-29")
        #expect(ExcelDate.text(serial: 61, date1904: false) == "1900-03-01")
        #expect(ExcelDate.text(serial: 45_658.75, date1904: false) == "2025-01-01")
        #expect(ExcelDate.text(serial: 0, date1904: true) == nil)
        #expect(ExcelDate.text(serial: 1, date1904: true) == "1904-01-02")
        #expect(ExcelDate.serial(year: 2025, month: 1, day: 1) == 45_658)
        #expect(ExcelDate.serial(year: 1900, month: 3, day: 1) == 61)
    }

    @Test("the workbook Kimbiseo writes opens in openpyxl")
    func writtenWorkbookOpensInOpenpyxl() throws {
        let dir = try TempDir()
        let path = dir.path("export.xlsx")
        try CustomerFile.template(format: .xlsx).write(to: URL(fileURLWithPath: path))
        let script = """
            import sys, warnings
            warnings.simplefilter("error")  # e.g. "Workbook contains no default style"
            from openpyxl import load_workbook
            ws = load_workbook(sys.argv[1]).active
            rows = list(ws.iter_rows(values_only=True))
            assert rows[0][0] == "고객번호" and rows[0][1] == "성명", rows[0]
            assert rows[1][1] == "홍길동", rows[1]
            assert ws.title == "고객"
            """
        let result = try runPython(script, arguments: [path])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
