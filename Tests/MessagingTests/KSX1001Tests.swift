import Testing

@testable import Messaging

@Suite("KS X 1001 repertoire")
struct KSX1001Tests {
    @Test("the table holds exactly the scalars Python's euc_kr codec decodes, over the whole BMP")
    func tableMatchesCodecRepertoire() {
        let reference = Set(EUCKRReference.repertoire)
        #expect(reference.count == 8_225)
        #expect(KSX1001.memberCount == reference.count)
        var mismatches: [UInt32] = []
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if KSX1001.contains(scalar) != reference.contains(value) { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(10).map { String($0, radix: 16) })")
        #expect(!KSX1001.contains(Unicode.Scalar(0x1F600)!))
    }

    @Test("of all 11,172 Hangul syllables exactly the 2,350 that euc_kr encodes in 2 bytes are members")
    func hangulSyllablesMatchCodec() {
        let inside = Set(EUCKRReference.hangulInKSX1001.unicodeScalars.filter { $0 != "\n" }.map(\.value))
        #expect(inside.count == 2_350)
        var members = 0
        for value in UInt32(0xAC00)...0xD7A3 {
            let scalar = Unicode.Scalar(value)!
            let isMember = KSX1001.contains(scalar)
            if isMember { members += 1 }
            #expect(isMember == inside.contains(value), "U+\(String(value, radix: 16, uppercase: true))")
            #expect(SMSBytes.count(String(scalar)) == 2)
            #expect(SMSBytes.problems(in: String(scalar)).isEmpty == isMember)
        }
        #expect(members == KSX1001.hangulSyllableCount)
        #expect(members == 2_350)
    }

    @Test("CP949-only syllables such as 똠 햏 뷁 쌰 샾 믜 됬 뭥 잌 꽊 are not members")
    func cp949OnlySyllablesAreOut() {
        for character in "똠햏뷁쌰샾믜됬뭥잌꽊" {
            #expect(!KSX1001.contains(character.unicodeScalars.first!), "\(character)")
            let problems = SMSBytes.problems(in: String(character))
            #expect(problems.count == 1)
            #expect(problems.first?.kind == .hangulOutsideKSX1001)
            #expect(problems.first?.suggestion == nil)
        }
        for character in "가힝홍길동똘햇" { #expect(KSX1001.contains(character.unicodeScalars.first!)) }
    }

    @Test("byte counts agree with len(s.encode('euc_kr'))")
    func byteCountsMatchCodec() {
        for (text, expected) in EUCKRReference.byteCounts {
            #expect(SMSBytes.count(text) == expected, "\(text)")
            #expect(SMSBytes.fastCount(text) == expected, "\(text)")
            #expect(SMSBytes.problems(in: text).isEmpty, "\(text)")
        }
    }

    @Test("compatibility hanja are members but take the normalizing path")
    func compatibilityHanja() {
        let compat = Unicode.Scalar(0xF900)!
        #expect(KSX1001.contains(compat))
        #expect(!KSX1001.containsStable(compat.value))
        #expect(SMSBytes.fastCount(String(compat)) == nil)
        #expect(SMSBytes.count(String(compat)) == 2)
    }
}
