import Testing
@testable import Store

@Suite("Match keys")
struct MatchKeyTests {
    @Test("keys of the same text are equal and hash alike; others differ")
    func equality() {
        let a = MatchKey(name: "김민수", mobile: "01012345678")
        let b = MatchKey("김민수" + "\u{1F}" + "01012345678")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != MatchKey(name: "김민수", mobile: "01012345679"))
        #expect(MatchKey(name: "김민", mobile: "수01012345678") != a)
        let index: [MatchKey: Int] = [a: 1, MatchKey("B000001"): 2]
        #expect(index[MatchKey(name: "김민수", mobile: "01012345678")] == 1)
        #expect(index[MatchKey("B000001")] == 2 && index[MatchKey("B000002")] == nil)
    }

    @Test("keys compare bytes: a decomposed spelling is another key (the store holds NFC text)")
    func bytes() {
        #expect(MatchKey("\u{D55C}") != MatchKey("\u{1112}\u{1161}\u{11AB}"))
    }
}
