import ArgumentParser
import Foundation
import Labels
import Store

/// Which of a customer's addresses a label uses.
enum LabelAddressChoice: String, CaseIterable, ExpressibleByArgument {
    /// 자택 only.
    case home
    /// 직장 only, with company and department.
    case work
    /// 자택, else 직장 (with company and department).
    case auto
}

/// The order labels are printed in.
enum LabelSortOrder: String, CaseIterable, ExpressibleByArgument {
    /// By 우편번호 (Korea Post's bulk-mail sorting), then name; missing postcodes last.
    case postcode
    /// By name (가나다), then postcode.
    case name
    /// As the store returns them (customer id).
    case none
}

extension Honorific: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(rawValue: argument.precomposedStringWithCanonicalMapping)
    }
}

/// Customer cards → label recipients.
enum LabelRecipients {
    /// The recipient for `card` using `choice`, or the reason there is none.
    ///
    /// A sticker goes to the customer, so it carries no internal data unless `keyLine` asks
    /// for the small in-house line (고객번호 and 그룹/등급, e.g. `C0028 VIP고객/골드`).
    static func recipient(
        for card: CustomerCard, choice: LabelAddressChoice, keyLine showKey: Bool = false
    ) -> Result<LabelRecipient, LabelIssueError> {
        let key = card.code ?? card.id.map(String.init) ?? "?"
        let home = nonEmpty(card.home.address), work = nonEmpty(card.work.address)
        let useWork: Bool
        switch choice {
        case .home:
            guard home != nil else { return .failure(skip(card, key, "자택 주소 없음 (no home address)")) }
            useWork = false
        case .work:
            guard work != nil else { return .failure(skip(card, key, "직장 주소 없음 (no work address)")) }
            useWork = true
        case .auto:
            guard home != nil || work != nil else {
                return .failure(skip(card, key, "주소 없음 (no home or work address)"))
            }
            useWork = home == nil
        }
        let keyLine = [key, [card.group, card.grade].compactMap(nonEmpty).joined(separator: "/")]
            .filter { !$0.isEmpty }.joined(separator: " ")
        return .success(LabelRecipient(
            key: key, name: card.name, isOrganisation: isOrganisation(card.name),
            company: useWork ? nonEmpty(card.work.company) : nil,
            department: useWork ? nonEmpty(card.work.department) : nil,
            postcode: useWork ? card.work.postcode : card.home.postcode,
            address: (useWork ? work : home) ?? "",
            addressDetail: useWork ? card.work.addressDetail : card.home.addressDetail,
            keyLine: showKey ? keyLine : nil))
    }

    /// Markers of a company or other body in a customer's name: such a customer gets 귀중.
    static let organisationMarkers = [
        "(주)", "㈜", "주식회사", "(유)", "유한회사", "(재)", "재단법인", "(사)", "사단법인", "협회", "조합",
        "학교", "병원", "의원", "교회", "사무소", "센터", "Inc.", "Co.", "Ltd",
    ]

    /// Whether a name reads as an organisation (contains one of ``organisationMarkers``).
    static func isOrganisation(_ name: String) -> Bool {
        organisationMarkers.contains { name.contains($0) }
    }

    /// Sorted copy; the sort is stable, so equal keys keep store order.
    static func sorted(_ recipients: [LabelRecipient], by order: LabelSortOrder) -> [LabelRecipient] {
        func postcode(_ r: LabelRecipient) -> String { nonEmpty(r.postcode) ?? "\u{10FFFF}" }
        switch order {
        case .none:
            return recipients
        case .postcode:
            return recipients.enumerated().sorted {
                (postcode($0.element), $0.element.name, $0.offset) < (postcode($1.element), $1.element.name, $1.offset)
            }.map(\.element)
        case .name:
            return recipients.enumerated().sorted {
                ($0.element.name, postcode($0.element), $0.offset) < ($1.element.name, postcode($1.element), $1.offset)
            }.map(\.element)
        }
    }

    private static func skip(_ card: CustomerCard, _ key: String, _ reason: String) -> LabelIssueError {
        LabelIssueError(LabelIssue(key: key, name: card.name, kind: .skipped(reason: reason)))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
