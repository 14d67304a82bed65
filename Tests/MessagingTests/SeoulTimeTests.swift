import Foundation
import Testing

@testable import Messaging

@Suite("Fixed UTC+9 Seoul time")
struct SeoulTimeTests {
    @Test("the fixed offset agrees with the tz database's Asia/Seoul from 1990 to 2060")
    func agreesWithTimeZoneDatabase() {
        let calendar = SeoulInstants.calendar
        var instant = Date(timeIntervalSince1970: 631_152_000)  // 1990-01-01 UTC
        let end = Date(timeIntervalSince1970: 2_840_140_800)  // 2060-01-01 UTC
        var checked = 0
        while instant < end {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            let date = SeoulTime.calendarDate(of: instant)
            #expect([date.year, date.month, date.day] == [parts.year, parts.month, parts.day], "\(instant)")
            let seconds = (parts.hour! * 60 + parts.minute!) * 60 + parts.second!
            #expect(SeoulTime.secondsIntoDay(of: instant) == Double(seconds), "\(instant)")
            #expect(SeoulTime.startOfDay(SeoulTime.dayNumber(of: instant)) == calendar.startOfDay(for: instant))
            instant.addTimeInterval(97_213)  // a little over a day, to visit every hour over time
            checked += 1
        }
        #expect(checked > 20_000)
    }

    @Test("consent dates parse as calendar dates, or not at all")
    func parsing() {
        #expect(SeoulTime.dayNumber(parsing: "1970-01-02") == 1)
        #expect(SeoulTime.dayNumber(parsing: "2024-02-29") == 19_782)
        #expect(SeoulTime.dayNumber(parsing: "2023-02-29") == nil)
        #expect(SeoulTime.dayNumber(parsing: "어제") == nil)
    }
}
