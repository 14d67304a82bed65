import Foundation
import Messaging

/// The SMS templates of one kind (`birthday` or `wedding`) with their per-group and per-grade
/// overrides, read from `anniversaries.templates_dir`:
///
/// ```
/// templates/sms/birthday.txt            default
/// templates/sms/birthday.group.VIP.txt  customers of group VIP
/// templates/sms/birthday.grade.골드.txt  customers of grade 골드 (when no group override applies)
/// ```
///
/// A group override wins over a grade override, which wins over the default. Names are
/// compared NFC-normalized, as the store keeps them.
struct AnniversaryTemplates: Sendable {
    struct Entry: Sendable {
        var file: String
        var template: MessageTemplate
    }

    /// A template file as loaded: usable, or the reason it is not (missing, invalid). A broken
    /// file leaves out only the customers it would serve; everyone else still gets a text.
    typealias Slot = Result<Entry, AnniversaryError>

    let kind: AnniversaryKind
    let standard: Slot
    let byGroup: [String: Slot]
    let byGrade: [String: Slot]

    /// Loads `<kind>.txt` and every `<kind>.group.<name>.txt` / `<kind>.grade.<name>.txt`.
    /// A file that is missing or not a valid template is kept as the
    /// ``AnniversaryError/template(file:problem:)`` that says why, never thrown: one broken
    /// override must not stop every customer's greeting.
    init(kind: AnniversaryKind, directory: String) {
        self.kind = kind
        func load(_ name: String) -> Slot {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                return .success(Entry(file: path, template: try MessageTemplate.load(path: path)))
            } catch {
                return .failure(.template(file: path, problem: "\(error)"))
            }
        }
        standard = load("\(kind.rawValue).txt")
        var groups: [String: Slot] = [:], grades: [String: Slot] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in names.sorted() {
            let name = file.precomposedStringWithCanonicalMapping
            for (marker, isGroup) in [(".group.", true), (".grade.", false)] {
                let prefix = kind.rawValue + marker
                guard name.hasPrefix(prefix), name.hasSuffix(".txt"), name.count > prefix.count + 4 else { continue }
                let key = String(name.dropFirst(prefix.count).dropLast(4))
                let entry = load(file)
                if isGroup { groups[key] = entry } else { grades[key] = entry }
            }
        }
        byGroup = groups
        byGrade = grades
    }

    /// The template for a customer of `group` and `grade`, or why it cannot be used.
    func entry(group: String?, grade: String?) -> Slot {
        if let group, let entry = byGroup[group] { return entry }
        if let grade, let entry = byGrade[grade] { return entry }
        return standard
    }

    /// Every template file, default first.
    var all: [Slot] {
        [standard] + byGroup.keys.sorted().compactMap { byGroup[$0] } + byGrade.keys.sorted().compactMap { byGrade[$0] }
    }
}
