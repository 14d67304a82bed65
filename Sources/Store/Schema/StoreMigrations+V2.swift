import GRDB

extension StoreMigrations {
    /// `v2-consent-events`: the append-only history behind the consent columns of `customer`.
    ///
    /// Every change of 광고수신동의 (`ad`), 야간광고수신동의 (`night`) or 수신거부 (`opt-out`) adds
    /// a row (`set` with its date and source, or `clear`), so the store can show when and where
    /// a consent was given or withdrawn (정보통신망법 제50조). Existing marks are copied in as
    /// the first events.
    static let v2ConsentEvents = StoreMigration("v2-consent-events") { db in
        try db.execute(sql: """
            CREATE TABLE consent_event (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('ad', 'night', 'opt-out')),
                action TEXT NOT NULL CHECK (action IN ('set', 'clear')),
                date TEXT,
                source TEXT,
                recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            CREATE INDEX consent_event_on_customer ON consent_event(customer_id, id);
            INSERT INTO consent_event (customer_id, kind, action, date, source)
                SELECT id, 'ad', 'set', ad_consent_date, ad_consent_source FROM customer
                WHERE ad_consent_date IS NOT NULL;
            INSERT INTO consent_event (customer_id, kind, action, date, source)
                SELECT id, 'night', 'set', night_consent_date, night_consent_source FROM customer
                WHERE night_consent_date IS NOT NULL;
            INSERT INTO consent_event (customer_id, kind, action, date, source)
                SELECT id, 'opt-out', 'set', opted_out_date, opted_out_source FROM customer
                WHERE opted_out_date IS NOT NULL;
            """)
    }
}
