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
}
