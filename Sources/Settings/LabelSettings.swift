/// `labels:` — DM address-sticker PDFs.
public struct LabelSettings: Codable, Sendable, Equatable {
    /// `output_dir`: where label jobs requested through the store are written. Default `./var/labels`.
    public var outputDirectory: String = "./var/labels"
    /// `sheets_file`: a YAML file of custom sheets, added to the built-in catalogue.
    public var sheetsFile: String?
    /// `font_file`: the TrueType font; default: looked up via `fonts/` then system paths.
    public var fontFile: String?
    /// `min_font_size`: never print smaller than this (points). Default 9.
    public var minFontSize: Double = 9
    /// `font_size`: preferred size (points). Default 11.
    public var fontSize: Double = 11

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case outputDirectory = "output_dir"
        case sheetsFile = "sheets_file"
        case fontFile = "font_file"
        case minFontSize = "min_font_size"
        case fontSize = "font_size"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outputDirectory = try c.decodeIfPresent(String.self, forKey: .outputDirectory) ?? outputDirectory
        sheetsFile = try c.decodeIfPresent(String.self, forKey: .sheetsFile)
        fontFile = try c.decodeIfPresent(String.self, forKey: .fontFile)
        minFontSize = try c.decodeIfPresent(Double.self, forKey: .minFontSize) ?? minFontSize
        fontSize = try c.decodeIfPresent(Double.self, forKey: .fontSize) ?? fontSize
    }
}

/// `calendar:` — extra public holidays (임시공휴일) declared after release.
public struct CalendarSettings: Codable, Sendable, Equatable {
    /// `extra_holidays`: list of `{date: YYYY-MM-DD, name: 임시공휴일, name_en: Temporary Holiday}`.
    public var extraHolidays: [ExtraHoliday] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case extraHolidays = "extra_holidays"
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        extraHolidays = try c.decodeIfPresent([ExtraHoliday].self, forKey: .extraHolidays) ?? []
    }
}

/// One configured extra holiday.
public struct ExtraHoliday: Codable, Sendable, Equatable {
    public var date: String
    public var name: String
    public var nameEnglish: String?

    public init(date: String, name: String, nameEnglish: String? = nil) {
        self.date = date; self.name = name; self.nameEnglish = nameEnglish
    }

    enum CodingKeys: String, CodingKey {
        case date, name
        case nameEnglish = "name_en"
    }
}
