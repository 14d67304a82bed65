import Foundation
import GRDB
@testable import Store

/// A fresh store in its own temporary directory, removed when the test's closure returns.
func withTemporaryStore<T>(_ body: (KimbiseoStore, URL) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kimbiseo-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: dir) }
    let store = try KimbiseoStore.open(path: dir.appendingPathComponent("store/kimbiseo.sqlite").path)
    return try body(store, dir)
}

/// A card with the fields most tests need.
func sampleCard(
    _ name: String, mobile: String? = nil, code: String? = nil, group: String? = nil, grade: String? = nil
) -> CustomerCard {
    CustomerCard(code: code, name: name, mobile: mobile, group: group, grade: grade)
}

/// A card with every kind of dependant: family, school, asset, consent.
func fullCard(_ name: String, mobile: String, code: String? = nil) -> CustomerCard {
    CustomerCard(
        code: code, name: name, nickname: "별명", gender: .female, isVIP: true, mobile: mobile,
        email: "\(mobile)@example.com", memo: "메모", group: "거래처", grade: "VIP",
        birthday: AnniversaryDate(calendar: .lunar, year: 1980, month: 1, day: 30),
        wedding: AnniversaryDate(calendar: .solar, month: 5, day: 17),
        work: WorkInfo(company: "김비서상사", department: "영업부", position: "팀장", rank: "과장",
                       phone: "0212345678", postcode: "04524", address: "서울특별시 중구 세종대로 110"),
        home: HomeInfo(phone: "0311234567", postcode: "13494", address: "경기도 성남시 분당구 판교역로 1"),
        family: [FamilyMember(relation: "배우자", name: "이영희",
                              birthday: AnniversaryDate(calendar: .solar, month: 3, day: 1), phone: "01099998888")],
        schools: [School(school: "한국대학교", major: "경영학", year: 2003)],
        assets: [Asset(kind: "차량", description: "쏘나타", amount: 25_000_000)],
        consent: ConsentLedger(adConsent: ConsentMark(date: "2026-01-02", source: "import")))
}

/// Number of rows in a table.
func rowCount(_ store: KimbiseoStore, _ table: String) throws -> Int {
    try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
}

func sourced(_ cards: [CustomerCard], file: String = "customers.csv") -> [SourcedCard] {
    cards.enumerated().map { SourcedCard(location: "\(file):\($0.offset + 2)", card: $0.element) }
}
