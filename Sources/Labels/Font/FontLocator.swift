import Foundation

/// Finds the TrueType file labels are set in.
///
/// Order: an explicitly configured file (`labels.font_file`, `--font`) — used alone, a
/// missing file is an error rather than a silent fallback; then each path listed in
/// `fonts/font-paths.txt` (relative paths are relative to that folder); then the system
/// paths of Debian's `fonts-nanum` and common font folders.
public enum FontLocator {
    /// The lookup list's file name inside the fonts folder.
    public static let listFileName = "font-paths.txt"

    /// Where NanumGothic is installed by common packages, in order.
    public static let systemPaths: [String] = [
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",  // Debian/Ubuntu fonts-nanum
        "/usr/share/fonts/nanum/NanumGothic.ttf",  // Fedora naver-nanum-gothic-fonts
        "/usr/share/fonts/naver-nanum/NanumGothic.ttf",
        "/usr/local/share/fonts/NanumGothic.ttf",
        "/Library/Fonts/NanumGothic.ttf",  // macOS
    ]

    /// Every path tried, in order, for `configured` (may be `nil`) and the fonts folder.
    public static func candidates(configured: String?, fontsDirectory: String = "fonts") -> [String] {
        if let configured, !configured.isEmpty { return [configured] }
        var paths = listedPaths(in: fontsDirectory)
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty {
            paths.append(home + "/.local/share/fonts/NanumGothic.ttf")
        }
        return paths + systemPaths
    }

    /// The first readable candidate.
    ///
    /// - Throws: ``LabelsError/fontNotFound(searched:)`` listing every path tried.
    public static func locate(configured: String?, fontsDirectory: String = "fonts") throws(LabelsError) -> String {
        let paths = candidates(configured: configured, fontsDirectory: fontsDirectory)
        if let hit = paths.first(where: { FileManager.default.isReadableFile(atPath: $0) }) { return hit }
        throw .fontNotFound(searched: paths)
    }

    /// The paths listed in `<fontsDirectory>/font-paths.txt`: one per line, `#` starts a comment.
    static func listedPaths(in fontsDirectory: String) -> [String] {
        let list = (fontsDirectory as NSString).appendingPathComponent(listFileName)
        guard let text = try? String(contentsOfFile: list, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { raw in
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { return nil }
            return line.hasPrefix("/") ? line : (fontsDirectory as NSString).appendingPathComponent(line)
        }
    }
}
