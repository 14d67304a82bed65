import Foundation
import Testing
@testable import Store

@Suite("Consent ledger")
struct ConsentTests {
    @Test("setting and clearing marks updates the card and appends to the history")
    func setAndClear() throws {
        try withTemporaryStore { store, _ in
            try store.add(sampleCard("김철수", mobile: "01012345678"))
            try store.setConsent(.ad, ConsentMark(date: "2026-03-01", source: "매장 동의서"), idOrCode: "C000001")
            try store.setConsent(.night, ConsentMark(date: "2026-03-02"), idOrCode: "1")
            let ledger = try store.setConsent(.ad, nil, idOrCode: "1")
            #expect(ledger == ConsentLedger(nightConsent: ConsentMark(date: "2026-03-02")))
            #expect(try store.consent(idOrCode: "1") == ledger)
            #expect(try store.card(idOrCode: "1")?.consent == ledger)
            let history = try store.consentHistory(idOrCode: "1")
            #expect(history.map(\.kind) == [.ad, .night, .ad])
            #expect(history.map(\.action) == ["set", "set", "clear"])
            #expect(history[0].source == "매장 동의서")
        }
    }

    @Test("setting the same mark again records nothing new")
    func unchangedMark() throws {
        try withTemporaryStore { store, _ in
            try store.add(sampleCard("김철수"))
            try store.setConsent(.optOut, ConsentMark(date: "2026-01-01", source: "080"), idOrCode: "1")
            try store.setConsent(.optOut, ConsentMark(date: "2026-01-01", source: "080"), idOrCode: "1")
            #expect(try store.consentHistory(idOrCode: "1").count == 1)
        }
    }

    @Test("a bad date or an unknown customer is refused")
    func refuses() throws {
        try withTemporaryStore { store, _ in
            try store.add(sampleCard("김철수"))
            #expect(throws: StoreError.invalidField(customer: "1", field: "광고수신동의", value: "2026-02-30",
                                                   reason: "is not a YYYY-MM-DD date")) {
                try store.setConsent(.ad, ConsentMark(date: "2026-02-30"), idOrCode: "1")
            }
            #expect(throws: StoreError.customerNotFound("C9")) { try store.consent(idOrCode: "C9") }
        }
    }

    @Test("imported consent marks are recorded in the history")
    func importedMarks() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(sourced([fullCard("김철수", mobile: "01012345678")]),
                                      onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(try store.consentHistory(idOrCode: "1").map(\.date) == ["2026-01-02"])
        }
    }

    @Test("consent dates are real YYYY-MM-DD dates", arguments: [
        ("2024-02-29", true), ("2026-11-29", true), ("2023-02-29", false), ("2026-13-01", false),
        ("2026-1-01", false), ("2026-01-1", false), ("20260101", false), ("2026-01-011", false),
        ("2026/01/01", false), ("", false), ("2026-01-", false), ("-2026-01-01", false), ("２０２６-01-01", false),
    ])
    func consentDates(text: String, valid: Bool) {
        #expect(ConsentMark.isValidDate(text) == valid)
    }
}
