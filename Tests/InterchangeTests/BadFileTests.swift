import Foundation
import Testing
@testable import Interchange
import Store

@Suite("Bad files: one line per problem, naming row and column")
struct BadFileTests {
    @Test("a malformed phone number")
    func badPhone() {
        let csv = "성명,휴대폰\n" + Array(repeating: "홍길동,010-5555-0001", count: 15).joined(separator: "\n")
            + "\n김영희,010-12-345\n"
        #expect(csvProblems(csv) == ["customers.csv:17:휴대폰: '010-12-345' is not a phone number"])
    }

    @Test("every problem is reported, not just the first")
    func allProblems() {
        let csv = """
            성명,휴대폰,생일,생일구분,이메일,직장우편번호,성별,VIP
            ,010-5555-0001,,,,,,
            홍길동,010-5555-0002,1990-02-30,,,,,
            김영희,0105555,02-30,,kim@,1234,중성,아마
            박민수,,13-01,음력,,,,
            이지은,,2023-01-31,윤달양력,,,,
            """
        #expect(csvProblems(csv) == [
            "customers.csv:2:성명: 성명 (name) is required",
            "customers.csv:3:생일: '1990-02-30' is not a date in the solar calendar",
            "customers.csv:4:휴대폰: '0105555' is not a phone number",
            "customers.csv:4:생일: '02-30' is not a date in the solar calendar",
            "customers.csv:4:이메일: 'kim@' is not an email address",
            "customers.csv:4:직장우편번호: '1234' is not a 5-digit postcode",
            "customers.csv:4:성별: '중성' is not a gender (남/여, M/F)",
            "customers.csv:4:VIP: '아마' is not Y/N",
            "customers.csv:5:생일: '13-01' is not a lunar date (month 1–12, day 1–30)",
            "customers.csv:6:생일구분: '윤달양력' is not a calendar (양력/음력/윤달, solar/lunar/lunar-leap)",
        ])
    }

    @Test("a lunar date with a year must exist in that year; without a year day 30 is allowed")
    func lunarDatesThatNeverExisted() {
        #expect(csvProblems("성명,생일,생일구분\n가,1988-06-10,윤달\n나,1990-01-30,음력\n다,01-30,음력\n라,1987-06-10,윤달\n") == [
            "customers.csv:2:생일: '1988-06-10' is not a date in the lunar calendar: 1988 has no leap month 6 (it has no leap month)",
            "customers.csv:3:생일: '1990-01-30' is not a date in the lunar calendar: lunar 1990-01-30 does not exist: month 1 of 1990 has 29 days",
        ])
    }

    @Test("Feb 29 is a date only in leap years (or without a year); lunar day 30 always")
    func leapDays() {
        #expect(csvProblems("성명,생일\n가,2000-02-29\n나,1900-02-29\n다,2024-02-29\n라,02-29\n") == [
            "customers.csv:3:생일: '1900-02-29' is not a date in the solar calendar",
        ])
        #expect(csvProblems("성명,생일,생일구분\n가,1990-02-30,음력\n나,1990-02-31,음력\n") == [
            "customers.csv:3:생일: '1990-02-31' is not a lunar date (month 1–12, day 1–30)",
        ])
    }

    @Test("a bad date form")
    func badDate() {
        #expect(csvProblems("성명,결혼기념일\n가,2010년 5월\n") == [
            "customers.csv:2:결혼기념일: '2010년 5월' is not a date (YYYY-MM-DD, YYYY.MM.DD, YYYYMMDD or MM-DD)",
        ])
        #expect(csvProblems("성명,광고수신동의\n가,05-01\n") == [
            "customers.csv:2:광고수신동의: '05-01' is neither Y/N nor a date (YYYY-MM-DD)",
        ])
    }

    @Test("an unknown header, a repeated column, and no name column")
    func headers() {
        #expect(csvProblems("성명,주민번호\n홍길동,x\n") == [
            "customers.csv:1:주민번호: unknown column (use --ignore-unknown to skip it)",
        ])
        #expect(csvProblems("성명,name\n홍길동,홍길동\n") == [
            "customers.csv:1:name: names the same column as '성명'",
        ])
        #expect(csvProblems("휴대폰\n010-5555-0001\n") == [
            "customers.csv:1: no 성명 (name) column in the header",
            "customers.csv:2:성명: 성명 (name) is required",
        ])
    }

    @Test("broken quoting")
    func brokenQuoting() {
        #expect(csvProblems("성명,메모\n홍길동,\"닫히지 않음\n김영희,x\n") == [
            "customers.csv:2:메모: a quoted field is never closed (missing '\"')",
        ])
        #expect(csvProblems("성명,메모\n홍길동,\"인용\"뒤\n김영희,ab\"c\n") == [
            "customers.csv:2:메모: text after a closing quote",
            "customers.csv:3:메모: a '\"' inside an unquoted field (quote the field and double the '\"')",
        ])
    }

    @Test("a value beyond the header's columns")
    func extraCell() {
        #expect(csvProblems("성명,휴대폰\n홍길동,010-5555-0001,덤\n") == [
            "customers.csv:2:3: '덤' is in a column without a header",
        ])
    }

    @Test("unreadable files")
    func unreadable() throws {
        #expect(throws: ImportError.self) { try CustomerFile.read(path: "/nonexistent/customers.csv") }
        do {
            _ = try CustomerFile.read(path: "/nonexistent/customers.csv")
        } catch {
            #expect(error.description == "/nonexistent/customers.csv: cannot read: no such file or not readable")
        }
        let dir = try TempDir()
        let binary = try dir.write("image.csv", bytes: tinyPNG)
        do {
            _ = try CustomerFile.read(path: binary)
            Issue.record("a PNG was read as CSV")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.description.hasPrefix("\(binary): cannot read: the file is not a text file"))
        }
        let notZip = try dir.write("fake.xlsx", "성명\n홍길동\n")
        do {
            _ = try CustomerFile.read(path: notZip)
            Issue.record("a text file was read as XLSX")
        } catch {
            #expect(error.description == "\(notZip): cannot read: not an XLSX (ZIP) file")
        }
        #expect(csvProblems("") == ["customers.csv: the file is empty (no header line)"])
    }
}
