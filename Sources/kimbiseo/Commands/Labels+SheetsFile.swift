import Foundation
import Labels
import Yams

/// Custom label sheets from a YAML file (`labels.sheets_file`), added to the catalogue.
enum LabelSheetsFile {
    private struct Document: Decodable {
        var sheets: [LabelSheet]
    }

    /// The built-in catalogue plus the sheets in `path` (when given); a custom sheet whose
    /// name matches a built-in one replaces it.
    ///
    /// - Throws: `CLIError` naming the file and the sheet (by position and name) that is
    ///   unreadable, malformed or geometrically impossible.
    static func sheets(path: String?) throws -> [LabelSheet] {
        guard let path, !path.isEmpty else { return LabelSheet.catalogue }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw CLIError("\(path): cannot read the sheets file: \(error.localizedDescription)")
        }
        let custom: [LabelSheet]
        do {
            custom = try YAMLDecoder().decode(Document.self, from: text).sheets
        } catch let error as DecodingError {
            throw CLIError("\(path): \(describe(error))")
        } catch {
            throw CLIError("\(path): \(error)")
        }
        var all = LabelSheet.catalogue
        for (index, sheet) in custom.enumerated() {
            let problems = sheet.geometryProblems()
            guard problems.isEmpty else {
                throw CLIError("\(path): sheets[\(index)] (\(sheet.name)): \(problems.joined(separator: "; "))")
            }
            all.removeAll { $0.name.caseInsensitiveCompare(sheet.name) == .orderedSame }
            all.append(sheet)
        }
        return all
    }

    /// `sheets[2].label_width: expected a number` style text.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let at = path(context.codingPath)
            return (at.isEmpty ? "" : at + ": ") + context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}
