import Foundation

/// A template saved in the store (table `sms_template`) under a unique name.
public struct SavedTemplate: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    /// The text as written (NFC, `\n`), with its placeholders.
    public var text: String
    /// The LMS subject, when the template has its own.
    public var subject: String?
    /// UTC, store format.
    public var createdAt: String
    public var updatedAt: String

    /// The checked template; fails when the text no longer parses.
    public func parsed() throws(TemplateError) -> MessageTemplate {
        do {
            return try MessageTemplate(text: text, subject: subject)
        } catch {
            throw TemplateError(file: "template '\(name)'", issues: error.issues)
        }
    }
}
