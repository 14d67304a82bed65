import GRDB
import Store

extension AnniversaryMigrations {
    /// `anniversaries-v1-tables`: one row per anniversary occurrence (the exactly-once key),
    /// the daily anniversary campaigns, the staff, and the email outbox with its event log.
    ///
    /// - `anniversary_text`: UNIQUE(customer_id, kind, occurrence_date). A row is `queued`
    ///   in the same transaction that inserts its outbox message, so an occurrence can never be
    ///   queued twice; a `skipped` row (no mobile, opted out, …) records why and is upgraded to
    ///   `queued` when a later run can send it.
    /// - `anniversary_campaign`: the campaign(s) of kind `anniversary` of one send day and kind;
    ///   `seq` > 1 only when two customers due the same day share a phone number (the outbox
    ///   keeps one message per phone per campaign).
    /// - `email_message`: UNIQUE(staff_id, digest_date): one digest per staff member per day.
    /// - `email_event`: append-only, one row per state change or attempt.
    ///
    /// Dates are `YYYY-MM-DD` in Asia/Seoul; instants are UTC ISO 8601 with milliseconds.
    static let v1Tables = StoreMigration("anniversaries-v1-tables") { db in
        try db.execute(sql: """
            CREATE TABLE anniversary_text (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('birthday', 'wedding')),
                occurrence_date TEXT NOT NULL,
                send_date TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'skipped')),
                campaign_id INTEGER,
                message_id INTEGER,
                code TEXT,
                reason TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (customer_id, kind, occurrence_date)
            );
            CREATE INDEX anniversary_text_on_occurrence ON anniversary_text(occurrence_date);
            CREATE TABLE anniversary_campaign (
                send_date TEXT NOT NULL,
                kind TEXT NOT NULL,
                seq INTEGER NOT NULL,
                campaign_id INTEGER NOT NULL,
                PRIMARY KEY (send_date, kind, seq)
            );
            CREATE TABLE staff (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL CHECK (name <> ''),
                email TEXT,
                phone TEXT,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            CREATE TABLE email_message (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                kind TEXT NOT NULL CHECK (kind IN ('digest', 'test')),
                staff_id INTEGER,
                digest_date TEXT,
                to_address TEXT NOT NULL,
                to_name TEXT,
                subject TEXT NOT NULL,
                text_body TEXT NOT NULL,
                html_body TEXT,
                message_id_header TEXT NOT NULL,
                date_header TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                lease_until TEXT,
                last_reply TEXT,
                last_error TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                sent_at TEXT,
                UNIQUE (staff_id, digest_date)
            );
            CREATE INDEX email_message_on_state ON email_message(state, next_attempt_at);
            CREATE TABLE email_event (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                email_id INTEGER NOT NULL,
                at TEXT NOT NULL,
                state TEXT NOT NULL,
                code TEXT,
                reason TEXT,
                detail TEXT
            );
            CREATE INDEX email_event_on_email ON email_event(email_id, id);
            CREATE TRIGGER email_event_no_update BEFORE UPDATE ON email_event
            BEGIN SELECT RAISE(ABORT, 'email_event is append-only'); END;
            CREATE TRIGGER email_event_no_delete BEFORE DELETE ON email_event
            BEGIN SELECT RAISE(ABORT, 'email_event is append-only'); END;
            """)
    }
}
