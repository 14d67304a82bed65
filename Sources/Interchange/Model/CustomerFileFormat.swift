import Foundation

/// The file formats customers are imported from and exported to.
public enum CustomerFileFormat: String, CaseIterable, Sendable {
    case csv
    case xlsx
    case vcf

    /// The format a file name's extension names (`.csv`, `.txt`, `.xlsx`, `.vcf`, `.vcard`).
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "csv", "txt", "tsv": self = .csv
        case "xlsx", "xlsm": self = .xlsx
        case "vcf", "vcard": self = .vcf
        default: return nil
        }
    }

    /// The format a file at `path` is read or written in: `given` when set, else the one its
    /// extension names, else CSV.
    public init(path: String, given: CustomerFileFormat? = nil) {
        self = given ?? CustomerFileFormat(pathExtension: URL(fileURLWithPath: path).pathExtension) ?? .csv
    }
}
