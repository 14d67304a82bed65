import Store
import Testing

@testable import Messaging

@Suite("Advertising consent")
struct ConsentPolicyTests {
    /// 2026-11-28 10:00 KST.
    let now = SeoulInstants.at(2026, 11, 28, 10, 0)

    func ledger(ad: String? = nil, night: String? = nil, optedOut: String? = nil) -> ConsentLedger {
        ConsentLedger(
            adConsent: ad.map { ConsentMark(date: $0) }, nightConsent: night.map { ConsentMark(date: $0) },
            optedOut: optedOut.map { ConsentMark(date: $0) })
    }

    @Test("no consent excludes")
    func noConsent() {
        #expect(ConsentPolicy.evaluate(ledger: ledger(), now: now, validDays: 730) == .excluded(.noConsent))
    }

    @Test("consent of exactly 730 days ago is valid, 731 days ago expired")
    func expiry() {
        // 2024-11-28 → 2026-11-28 is 730 days.
        #expect(
            ConsentPolicy.evaluate(ledger: ledger(ad: "2024-11-28"), now: now, validDays: 730)
                == .allowed(nightConsent: false))
        #expect(
            ConsentPolicy.evaluate(ledger: ledger(ad: "2024-11-27"), now: now, validDays: 730)
                == .excluded(.expired(consentDate: "2024-11-27", ageDays: 731)))
        #expect(
            ConsentPolicy.evaluate(ledger: ledger(ad: "2026-01-01"), now: now, validDays: 300)
                == .excluded(.expired(consentDate: "2026-01-01", ageDays: 331)))
    }

    @Test("the day is the Seoul day: 23:30 UTC on the 27th is already the 28th in Seoul")
    func seoulDay() {
        let lateUTC = SeoulInstants.at(2026, 11, 28, 8, 30)  // 2026-11-27 23:30 UTC
        #expect(
            ConsentPolicy.evaluate(ledger: ledger(ad: "2024-11-28"), now: lateUTC, validDays: 730)
                == .allowed(nightConsent: false))
        let beforeMidnight = SeoulInstants.at(2026, 11, 27, 23, 59)
        #expect(
            ConsentPolicy.evaluate(ledger: ledger(ad: "2026-11-28"), now: beforeMidnight)
                == .excluded(.invalidDate("2026-11-28")))
    }

    @Test("an opt-out excludes even with fresh consent, and from informational messages too")
    func optedOut() {
        let optedOut = ledger(ad: "2026-11-01", night: "2026-11-01", optedOut: "2026-11-20")
        #expect(ConsentPolicy.evaluate(ledger: optedOut, now: now) == .excluded(.optedOut(since: "2026-11-20")))
        #expect(
            ConsentPolicy.evaluate(ledger: optedOut, now: now, advertising: false)
                == .excluded(.optedOut(since: "2026-11-20")))
        #expect(ConsentPolicy.evaluate(ledger: ledger(), now: now, advertising: false) == .allowed(nightConsent: false))
    }

    @Test("night consent counts only while valid")
    func nightConsent() {
        #expect(
            ConsentPolicy.evaluate(ledger: ledger(ad: "2026-01-01", night: "2026-01-01"), now: now)
                == .allowed(nightConsent: true))
        #expect(
            ConsentPolicy.evaluate(ledger: ledger(ad: "2026-01-01", night: "2020-01-01"), now: now)
                == .allowed(nightConsent: false))
        #expect(ConsentPolicy.evaluate(ledger: ledger(night: "2026-01-01"), now: now) == .excluded(.noConsent))
    }

    @Test("an unreadable consent date excludes, with reasons in Korean and English")
    func invalidDates() {
        let decision = ConsentPolicy.evaluate(ledger: ledger(ad: "2026-02-30"), now: now)
        #expect(decision == .excluded(.invalidDate("2026-02-30")))
        let expired = ConsentExclusion.expired(consentDate: "2024-11-27", ageDays: 731)
        #expect(expired.code == "consent_expired")
        #expect(expired.korean == "광고 수신 동의 만료 (2024-11-27 동의, 731일 경과)")
        #expect(ConsentExclusion.optedOut(since: "2026-11-20").english == "opted out on 2026-11-20")
    }
}
