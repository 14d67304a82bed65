import Foundation
import GRDB
import Messaging
import Store

/// A fresh store with one queued campaign of `count` pending SMS messages to distinct phones
/// (`01000000001` …), inserted in one statement: the dispatcher's input without the cost of
/// planning a campaign.
func makeOutbox(messages count: Int) throws -> KimbiseoStore {
    let store = try KimbiseoStore.openTemporary(additionalMigrations: MessagingMigrations.all)
    try store.pool.write { db in
        try db.execute(sql: """
            INSERT INTO campaign (name, text, audience, scheduled_at, state, recipient_count)
            VALUES ('처리량 측정', '<<이름>>님, 이번 주 매장 휴무 안내드립니다.', 'everyone', '2026-01-01T00:00:00.000Z', 'queued', ?);
            WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
            INSERT INTO message (campaign_id, phone, type, text, bytes, not_before)
            SELECT (SELECT MAX(id) FROM campaign), printf('010%08d', i), 'SMS',
                '고객' || i || '님, 이번 주 매장 휴무 안내드립니다.', 40, '2026-01-01T00:00:00.000Z'
            FROM seq;
            """, arguments: [count, count])
    }
    return store
}

/// Removes a store made by ``makeOutbox(messages:)`` (its temporary directory).
func removeOutbox(_ store: KimbiseoStore) {
    try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: store.path).deletingLastPathComponent().path)
}
