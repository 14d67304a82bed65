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

    let kind: AnniversaryKind
    let standard: Entry
    let byGroup: [String: Entry]
    let byGrade: [String: Entry]

    /// Loads `<kind>.txt` and every `<kind>.group.<name>.txt` / `<kind>.grade.<name>.txt`.
    /// - Throws: ``AnniversaryError/template(file:problem:)`` when the default is missing or any
    ///   of the files is not a valid template.
    init(kind: AnniversaryKind, directory: String) throws(AnniversaryError) {
        self.kind = kind
        func load(_ name: String) throws(AnniversaryError) -> Entry {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                return Entry(file: path, template: try MessageTemplate.load(path: path))
            } catch {
                throw .template(file: path, problem: "\(error)")
            }
        }
        standard = try load("\(kind.rawValue).txt")
        var groups: [String: Entry] = [:], grades: [String: Entry] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for file in names.sorted() {
            let name = file.precomposedStringWithCanonicalMapping
            for (marker, isGroup) in [(".group.", true), (".grade.", false)] {
                let prefix = kind.rawValue + marker
                guard name.hasPrefix(prefix), name.hasSuffix(".txt"), name.count > prefix.count + 4 else { continue }
                let key = String(name.dropFirst(prefix.count).dropLast(4))
                let entry = try load(file)
                if isGroup { groups[key] = entry } else { grades[key] = entry }
            }
        }
        byGroup = groups
        byGrade = grades
    }

    /// The template for a customer of `group` and `grade`.
    func entry(group: String?, grade: String?) -> Entry {
        if let group, let entry = byGroup[group] { return entry }
        if let grade, let entry = byGrade[grade] { return entry }
        return standard
    }

    /// Every template, default first.
    var all: [Entry] { [standard] + byGroup.keys.sorted().map { byGroup[$0]! } + byGrade.keys.sorted().map { byGrade[$0]! } }
}
