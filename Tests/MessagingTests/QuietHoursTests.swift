import Foundation
import Testing

@testable import Messaging

@Suite("Quiet hours in Asia/Seoul")
struct QuietHoursTests {
    let quiet = QuietHours.standard

    @Test("21:00 starts the window, 08:00 ends it")
    func edges() {
        #expect(!quiet.isQuiet(at: SeoulInstants.at(2026, 11, 28, 20, 59, 59)))
        #expect(quiet.isQuiet(at: SeoulInstants.at(2026, 11, 28, 21, 0)))
        #expect(quiet.isQuiet(at: SeoulInstants.at(2026, 11, 29, 7, 59, 59)))
        #expect(!quiet.isQuiet(at: SeoulInstants.at(2026, 11, 29, 8, 0)))
        #expect(!quiet.isQuiet(at: SeoulInstants.at(2026, 11, 28, 12, 0)))
        #expect(quiet.description == "21:00–08:00")
    }

    @Test("across midnight, release is the next 08:00 KST")
    func releaseAcrossMidnight() {
        let morning = SeoulInstants.at(2026, 11, 29, 8, 0)
        #expect(quiet.nextRelease(after: SeoulInstants.at(2026, 11, 28, 21, 0)) == morning)
        #expect(quiet.nextRelease(after: SeoulInstants.at(2026, 11, 28, 23, 59, 59)) == morning)
        #expect(quiet.nextRelease(after: SeoulInstants.at(2026, 11, 29, 0, 0)) == morning)
        #expect(quiet.nextRelease(after: SeoulInstants.at(2026, 11, 29, 3, 0)) == morning)
        let noon = SeoulInstants.at(2026, 11, 29, 12, 0)
        #expect(quiet.nextRelease(after: noon) == noon)
        // Month and year ends.
        #expect(quiet.nextRelease(after: SeoulInstants.at(2026, 12, 31, 22, 0)) == SeoulInstants.at(2027, 1, 1, 8, 0))
    }

    @Test("a campaign running across 21:00: held recipients are those without night consent")
    func campaignAcross2100() {
        let before = SeoulInstants.at(2026, 11, 28, 20, 59)
        let after = SeoulInstants.at(2026, 11, 28, 21, 1)
        #expect(quiet.holdUntil(before, nightConsent: false) == nil)
        #expect(quiet.holdUntil(after, nightConsent: false) == SeoulInstants.at(2026, 11, 29, 8, 0))
        #expect(quiet.holdUntil(after, nightConsent: true) == nil)
        #expect(quiet.nextStart(after: before) == SeoulInstants.at(2026, 11, 28, 21, 0))
        #expect(quiet.nextStart(after: SeoulInstants.at(2026, 11, 28, 21, 0)) == SeoulInstants.at(2026, 11, 29, 21, 0))
        #expect(quiet.nextStart(after: SeoulInstants.at(2026, 11, 29, 2, 0)) == SeoulInstants.at(2026, 11, 29, 21, 0))
    }

    @Test("a window within one day, and an empty one")
    func otherWindows() throws {
        let lunch = try QuietHours(start: "12:00", end: "13:30")
        #expect(lunch.isQuiet(at: SeoulInstants.at(2026, 11, 28, 12, 0)))
        #expect(!lunch.isQuiet(at: SeoulInstants.at(2026, 11, 28, 13, 30)))
        #expect(!lunch.isQuiet(at: SeoulInstants.at(2026, 11, 28, 23, 0)))
        #expect(
            lunch.nextRelease(after: SeoulInstants.at(2026, 11, 28, 12, 10)) == SeoulInstants.at(2026, 11, 28, 13, 30))
        let never = try QuietHours(start: "08:00", end: "8:00")
        #expect(!never.isQuiet(at: SeoulInstants.at(2026, 11, 28, 8, 0)))
        #expect(never.nextStart(after: SeoulInstants.at(2026, 11, 28, 8, 0)) == nil)
    }

    @Test("bad times are errors naming the setting")
    func invalid() {
        #expect(throws: QuietHoursError.invalidTime(field: "start", value: "24:00")) {
            try QuietHours(start: "24:00", end: "08:00")
        }
        #expect(throws: QuietHoursError.invalidTime(field: "end", value: "8시")) {
            try QuietHours(start: "21:00", end: "8시")
        }
        #expect(throws: QuietHoursError.self) { try QuietHours(start: "21:0", end: "08:00") }
    }

    @Test("today's date for <<오늘>> is the Seoul date")
    func todayText() {
        #expect(RenderContext.todayText(for: SeoulInstants.at(2026, 11, 28, 0, 5)) == "11월 28일")
        #expect(RenderContext.todayText(for: SeoulInstants.at(2026, 1, 1, 23, 59)) == "1월 1일")
    }
}
