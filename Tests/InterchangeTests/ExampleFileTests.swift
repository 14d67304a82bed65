import Foundation
import Testing
@testable import Interchange
import Store

/// `examples/customers.csv`, which `make run` imports into a new store.
let examplePath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("examples/customers.csv").path

@Suite("The example customers")
struct ExampleFileTests {
    @Test("examples/customers.csv imports cleanly with the anniversaries it promises")
    func example() throws {
        let raw = try Data(contentsOf: URL(fileURLWithPath: examplePath))
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: raw.dropFirst(3), as: UTF8.self).hasPrefix(canonicalHeader + "\r\n"))
        let cards = try CustomerFile.read(path: examplePath, options: fixedOptions).map(\.card)
        #expect(cards.count == 40)
        #expect(Set(cards.compactMap(\.code)).count == 40)
        #expect(cards.allSatisfy { $0.mobile.map(PhoneNumber.isMobile) == true })
        #expect(cards.contains { $0.birthday?.calendar == .lunarLeap })
        #expect(cards.contains { $0.birthday == AnniversaryDate(calendar: .lunar, month: 12, day: 30) || ($0.birthday?.calendar == .lunar && $0.birthday?.day == 30) })
        #expect(cards.contains { $0.birthday?.calendar == .solar })
        #expect(cards.filter { $0.wedding != nil }.count >= 5)
        #expect(cards.contains { $0.consent.optedOut != nil })
        #expect(cards.filter { $0.consent.adConsent != nil }.count >= 10)
        #expect(Set(cards.compactMap(\.group)) == ["보험고객", "VIP고객", "지인", "거래처"])
        #expect(Set(cards.compactMap(\.grade)) == ["골드", "실버", "일반"])
        #expect(cards.allSatisfy { ($0.home.postcode ?? "00000").count == 5 && ($0.work.postcode ?? "00000").count == 5 })
    }
}
