import Foundation
import GRDB
import Store

/// Saved SMS templates (table `sms_template`): add, list, show, edit, delete.
///
/// Every write checks the template first (``MessageTemplate``): an unknown placeholder or a
/// character that cannot be sent is refused with all its issues, and nothing is written.
public struct TemplateStore: Sendable {
    public let store: KimbiseoStore

    public init(store: KimbiseoStore) { self.store = store }

    /// Saves a new template. Throws ``MessagingError/templateExists(_:)`` when the name is taken,
    /// a ``TemplateError`` when the text or subject has issues.
    @discardableResult
    public func add(name: String, text: String, subject: String?) throws -> SavedTemplate {
        let name = try Self.checkedName(name)
        let template = try MessageTemplate(text: text, subject: subject)
        return try store.pool.write { db in
            if try Self.fetch(db, name: name) != nil { throw MessagingError.templateExists(name) }
            try db.execute(
                sql: "INSERT INTO sms_template (name, text, subject) VALUES (?, ?, ?)",
                arguments: [name, template.text, template.subject])
            guard let saved = try Self.fetch(db, name: name) else { throw MessagingError.templateNotFound(name) }
            return saved
        }
    }

    /// Replaces the text (and the subject when `subject` is given; `""` removes it).
    @discardableResult
    public func edit(name: String, text: String?, subject: String?) throws -> SavedTemplate {
        let name = SMSText.normalize(name)
        return try store.pool.write { db in
            guard let current = try Self.fetch(db, name: name) else { throw MessagingError.templateNotFound(name) }
            let newSubject = subject.map { $0.isEmpty ? nil : $0 } ?? current.subject
            let template = try MessageTemplate(text: text ?? current.text, subject: newSubject)
            try db.execute(
                sql: """
                    UPDATE sms_template SET text = ?, subject = ?,
                        updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?
                    """,
                arguments: [template.text, template.subject, current.id])
            guard let saved = try Self.fetch(db, name: name) else { throw MessagingError.templateNotFound(name) }
            return saved
        }
    }

    /// Deletes a template; campaigns made from it keep their own copy of the text.
    public func delete(name: String) throws {
        let name = SMSText.normalize(name)
        try store.pool.write { db in
            try db.execute(sql: "DELETE FROM sms_template WHERE name = ?", arguments: [name])
            if db.changesCount == 0 { throw MessagingError.templateNotFound(name) }
        }
    }

    /// Every template, by name.
    public func list() throws -> [SavedTemplate] {
        try store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sms_template ORDER BY name").map(Self.template(from:))
        }
    }

    /// The template named `name`; throws ``MessagingError/templateNotFound(_:)``.
    public func get(_ name: String) throws -> SavedTemplate {
        let name = SMSText.normalize(name)
        guard let found = try store.pool.read({ try Self.fetch($0, name: name) }) else {
            throw MessagingError.templateNotFound(name)
        }
        return found
    }

    static func fetch(_ db: Database, name: String) throws -> SavedTemplate? {
        try Row.fetchOne(db, sql: "SELECT * FROM sms_template WHERE name = ?", arguments: [name])
            .map(template(from:))
    }

    static func template(from row: Row) -> SavedTemplate {
        SavedTemplate(
            id: row["id"], name: row["name"], text: row["text"], subject: row["subject"],
            createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    static func checkedName(_ raw: String) throws -> String {
        let name = SMSText.normalize(raw).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: \.isNewline) else { throw MessagingError.invalidTemplateName(raw) }
        return name
    }
}
