import Foundation
import Store

/// Reads customer cards from a vCard file (phone-book export): vCard 3.0 and 4.0, and
/// 2.1 files with quoted-printable values.
///
/// FN (or N, family name first for Korean names) → 성명; TEL of type CELL → 휴대폰, the
/// others → 직장전화/팩스/자택전화 by type (an untyped mobile number fills 휴대폰);
/// EMAIL; ORG → 직장명;부서; TITLE → 직책; ADR of type WORK/HOME with postcode; BDAY and
/// ANNIVERSARY (also `--MMDD` without a year); NOTE; NICKNAME; PHOTO (base64 or a `data:`
/// URI, JPEG or PNG). Kimbiseo's own exports add `X-KIMBISEO-*` lines for the rest of a
/// card (code, VIP, group, grade, rank, consent, and the calendar of an anniversary).
/// Problems name the line and the property: `contacts.vcf:12:TEL: '12-34' is not a phone number`.
public enum VCardReader {
    public static func read(_ data: Data, file: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> [SourcedCard] {
        let text: String
        do {
            text = try TextDecoding.decode(data).text
        } catch {
            throw ImportError(ImportProblem(file: file, message: "cannot read: the file \(error.message)"))
        }
        var problems: [ImportProblem] = []
        var cards: [SourcedCard] = []
        var current: [VCardProperty]?
        var begin = 0
        for line in VCardLines.split(text) {
            guard var property = VCardProperty(line.text, line: line.number) else {
                problems.append(ImportProblem(file: file, row: line.number, message: "not a vCard line (no ':')"))
                continue
            }
            if property.parameter("ENCODING")?.lowercased() == "quoted-printable" {
                guard let decoded = VCardLines.decodeQuotedPrintable(property.value, charset: property.parameter("CHARSET")) else {
                    problems.append(ImportProblem(file: file, row: line.number, column: property.name, message: "bad quoted-printable text"))
                    continue
                }
                property.value = decoded
            }
            switch property.name {
            case "BEGIN" where property.value.uppercased() == "VCARD":
                if current != nil {
                    problems.append(ImportProblem(file: file, row: begin, message: "BEGIN:VCARD without END:VCARD"))
                }
                current = []
                begin = line.number
            case "END" where property.value.uppercased() == "VCARD":
                guard let properties = current else {
                    problems.append(ImportProblem(file: file, row: line.number, message: "END:VCARD without BEGIN:VCARD"))
                    continue
                }
                var builder = VCardCardBuilder(file: file, begin: begin, parser: FieldParser(today: options.today))
                if let card = builder.build(properties) {
                    cards.append(SourcedCard(location: "\(file):\(begin)", card: card))
                }
                problems += builder.problems
                current = nil
            default:
                if current == nil {
                    problems.append(ImportProblem(file: file, row: line.number, column: property.name, message: "outside BEGIN:VCARD … END:VCARD"))
                } else {
                    current?.append(property)
                }
            }
        }
        if current != nil {
            problems.append(ImportProblem(file: file, row: begin, message: "BEGIN:VCARD without END:VCARD"))
        }
        if cards.isEmpty && problems.isEmpty {
            problems.append(ImportProblem(file: file, message: "cannot read: no BEGIN:VCARD in the file (not a vCard file)"))
        }
        guard problems.isEmpty else { throw ImportError(problems: problems) }
        return cards
    }
}
