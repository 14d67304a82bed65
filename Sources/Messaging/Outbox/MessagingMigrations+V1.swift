import GRDB
import Store

extension MessagingMigrations {
    /// `messaging-v1-outbox`: saved templates, campaigns, the outbox of per-recipient messages,
    /// the append-only delivery log and campaign requests written by other programs.
    ///
    /// Instants are UTC ISO 8601 text with milliseconds (`2026-11-28T23:40:00.000Z`), so they
    /// compare as text. Phones are digits.
    static let v1Outbox = StoreMigration("messaging-v1-outbox") { db in
        try db.execute(sql: """
            CREATE TABLE sms_template (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE CHECK (name <> ''),
                text TEXT NOT NULL CHECK (text <> ''),
                subject TEXT,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );

            CREATE TABLE campaign (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                kind TEXT NOT NULL DEFAULT 'manual' CHECK (kind IN ('manual', 'anniversary', 'test')),
                template_name TEXT,
                text TEXT NOT NULL,
                subject TEXT,
                is_ad INTEGER NOT NULL DEFAULT 0 CHECK (is_ad IN (0, 1)),
                audience TEXT NOT NULL,
                scheduled_at TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('draft', 'queued', 'running', 'paused', 'cancelled', 'done')),
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                recipient_count INTEGER NOT NULL DEFAULT 0,
                excluded_count INTEGER NOT NULL DEFAULT 0,
                held_count INTEGER NOT NULL DEFAULT 0,
                summary TEXT,
                request_id INTEGER
            );
            CREATE INDEX campaign_on_state ON campaign(state);

            CREATE TABLE message (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
                customer_id INTEGER,
                phone TEXT NOT NULL,
                type TEXT NOT NULL CHECK (type IN ('SMS', 'LMS')),
                subject TEXT,
                text TEXT NOT NULL,
                bytes INTEGER NOT NULL,
                state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'accepted',
                    'delivered', 'failed', 'held', 'blocked', 'unknown', 'cancelled')),
                not_before TEXT NOT NULL,
                quiet_hours INTEGER NOT NULL DEFAULT 0 CHECK (quiet_hours IN (0, 1)),
                lease_owner TEXT,
                lease_until TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                gateway TEXT,
                gateway_message_id TEXT,
                last_code TEXT,
                last_reason TEXT,
                retryable INTEGER NOT NULL DEFAULT 0 CHECK (retryable IN (0, 1)),
                updated_at TEXT,
                UNIQUE (campaign_id, phone)
            );
            CREATE INDEX message_on_state ON message(state, not_before);
            CREATE INDEX message_on_campaign_state ON message(campaign_id, state);

            CREATE TABLE delivery_event (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id INTEGER,
                campaign_id INTEGER,
                at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                state TEXT NOT NULL,
                code TEXT,
                reason TEXT,
                detail TEXT
            );
            CREATE INDEX delivery_event_on_campaign ON delivery_event(campaign_id, id);
            CREATE INDEX delivery_event_on_message ON delivery_event(message_id, id);
            CREATE TRIGGER delivery_event_no_update BEFORE UPDATE ON delivery_event
            BEGIN SELECT RAISE(ABORT, 'delivery_event is append-only'); END;
            CREATE TRIGGER delivery_event_no_delete BEFORE DELETE ON delivery_event
            BEGIN SELECT RAISE(ABORT, 'delivery_event is append-only'); END;

            CREATE TABLE campaign_request (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT,
                template_name TEXT,
                text TEXT,
                subject TEXT,
                all_customers INTEGER NOT NULL DEFAULT 0 CHECK (all_customers IN (0, 1)),
                groups TEXT,
                grades TEXT,
                customer_ids TEXT,
                is_ad INTEGER NOT NULL DEFAULT 0 CHECK (is_ad IN (0, 1)),
                scheduled_at TEXT,
                hold INTEGER NOT NULL DEFAULT 0 CHECK (hold IN (0, 1)),
                requested_by TEXT,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'accepted', 'rejected')),
                campaign_id INTEGER,
                error TEXT,
                processed_at TEXT
            );
            CREATE INDEX campaign_request_on_state ON campaign_request(state, id);
            """)
    }
}
