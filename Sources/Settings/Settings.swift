import Foundation
import Yams

/// Every setting of Kimbiseo, decoded from `config/kimbiseo.yaml`.
///
/// Every key is optional in the file: a missing key takes the documented default, so an empty
/// file (or no file at all) gives the embedded defaults. Unknown keys are an error that names
/// them, so a typo never silently falls back to a default.
public struct Settings: Sendable, Equatable {
    public var store: StoreSettings
    public var log: LogSettings
    public var sms: SMSSettings
    public var mail: MailSettings
    public var anniversaries: AnniversarySettings
    public var reminders: ReminderSettings
    public var labels: LabelSettings
    public var calendar: CalendarSettings

    /// The embedded defaults.
    public init() {
        store = StoreSettings(); log = LogSettings(); sms = SMSSettings(); mail = MailSettings()
        anniversaries = AnniversarySettings(); reminders = ReminderSettings()
        labels = LabelSettings(); calendar = CalendarSettings()
    }
}

extension Settings: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case store, log, sms, mail, anniversaries, reminders, labels, calendar
    }

    public init(from decoder: any Decoder) throws {
        try SettingsKeys.rejectUnknown(in: decoder, known: CodingKeys.allCases.map(\.rawValue))
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        store = try c.decodeIfPresent(StoreSettings.self, forKey: .store) ?? store
        log = try c.decodeIfPresent(LogSettings.self, forKey: .log) ?? log
        sms = try c.decodeIfPresent(SMSSettings.self, forKey: .sms) ?? sms
        mail = try c.decodeIfPresent(MailSettings.self, forKey: .mail) ?? mail
        anniversaries = try c.decodeIfPresent(AnniversarySettings.self, forKey: .anniversaries) ?? anniversaries
        reminders = try c.decodeIfPresent(ReminderSettings.self, forKey: .reminders) ?? reminders
        labels = try c.decodeIfPresent(LabelSettings.self, forKey: .labels) ?? labels
        calendar = try c.decodeIfPresent(CalendarSettings.self, forKey: .calendar) ?? calendar
    }
}

/// Helpers for section decoders.
public enum SettingsKeys {
    /// Throws ``SettingsError`` naming the first key of this mapping that is not in `known`.
    public static func rejectUnknown(in decoder: any Decoder, known: [String]) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        for key in c.allKeys where !known.contains(key.stringValue) {
            let path = (decoder.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw SettingsError(message: "unknown setting '\(path)'")
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A configuration problem, with the file and the setting it concerns.
public struct SettingsError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

extension Settings {
    /// Decodes settings from YAML text. `file` is used in error messages only.
    public static func decode(yaml: String, file: String = "config") throws -> Settings {
        do {
            if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return Settings() }
            return try YAMLDecoder().decode(Settings.self, from: yaml)
        } catch let error as SettingsError {
            throw SettingsError(message: "\(file): \(error.message)")
        } catch let error as DecodingError {
            if case .dataCorrupted(let ctx) = error, let inner = ctx.underlyingError as? SettingsError {
                throw SettingsError(message: "\(file): \(inner.message)")
            }
            throw SettingsError(message: "\(file): \(Self.describe(error))")
        } catch {
            throw SettingsError(message: "\(file): \(error)")
        }
    }

    /// Loads settings from a file; a missing file at `path` is an error.
    public static func load(path: String) throws -> Settings {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SettingsError(message: "\(path): cannot read the configuration file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SettingsError(message: "\(path): not UTF-8 text")
        }
        return try decode(yaml: text, file: path)
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ p: [any CodingKey]) -> String { p.map(\.stringValue).joined(separator: ".") }
        switch error {
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx):
            return "setting '\(path(ctx.codingPath))': \(ctx.debugDescription)"
        case .keyNotFound(let key, let ctx):
            return "setting '\(path(ctx.codingPath + [key]))' is missing"
        case .dataCorrupted(let ctx):
            let p = path(ctx.codingPath)
            return p.isEmpty ? ctx.debugDescription : "setting '\(p)': \(ctx.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
