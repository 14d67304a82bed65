import Foundation
import GRDB
import Store

extension Dispatcher {
    /// What one gateway result does to its message row and which event it logs.
    struct Outcome: Sendable, Hashable {
        var message: OutgoingMessage
        var state: MessageState
        var gatewayID: String?
        var code: String?
        var reason: String
        var retryable: Bool

        init(_ message: OutgoingMessage, _ result: SendResult) {
            self.message = message
            switch result {
            case let .accepted(id):
                (state, gatewayID, code, reason, retryable) = (.accepted, id, nil, "게이트웨이 접수", false)
            case let .failed(failCode, failReason, canRetry):
                (state, gatewayID, code, reason, retryable) = (.failed, nil, failCode, failReason, canRetry)
            case let .unknown(why):
                (state, gatewayID, code, reason, retryable) = (.unknown, nil, nil, why, false)
            }
        }
    }

    /// How many results one `UPDATE … FROM (VALUES …)` of ``record(_:_:at:)`` carries (6
    /// parameters each).
    static let resultsPerUpdate = 500

    /// Writes each gateway result and its event, in one transaction. A row whose lease was taken
    /// over meanwhile (recovered by another dispatcher) is left alone and gets no event.
    ///
    /// Results are written ``resultsPerUpdate`` at a time by one `UPDATE … FROM` over a
    /// `VALUES` list, guarded per row by `state = 'sending'` and this dispatcher's lease; its
    /// `RETURNING` says which rows changed, and only those get their event, in the batch's
    /// order, copied from the rows just written by one `INSERT … SELECT`.
    func record(_ messages: [OutgoingMessage], _ results: [SendResult], at now: Date) throws {
        let nowText = OutboxTime.format(now)
        let outcomes = zip(messages, results).map(Outcome.init)
        try writeBatch { db in
            var logged: [Int64] = []
            logged.reserveCapacity(outcomes.count)
            var start = outcomes.startIndex
            while start < outcomes.endIndex {
                let chunk = outcomes[start..<min(start + Self.resultsPerUpdate, outcomes.endIndex)]
                start = chunk.endIndex
                let sql = """
                    WITH result(id, state, gateway_id, code, reason, retryable) AS (VALUES \(
                        repeatElement("(?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")))
                    UPDATE message SET state = result.state,
                        gateway_message_id = COALESCE(result.gateway_id, message.gateway_message_id),
                        last_code = result.code, last_reason = result.reason, retryable = result.retryable,
                        lease_owner = NULL, lease_until = NULL, updated_at = ?
                    FROM result
                    WHERE message.id = result.id AND message.state = 'sending' AND message.lease_owner = ?
                    RETURNING message.id
                    """
                var values: [(any DatabaseValueConvertible)?] = []
                values.reserveCapacity(chunk.count * 6 + 2)
                for outcome in chunk {
                    values += [
                        outcome.message.id, outcome.state.rawValue, outcome.gatewayID, outcome.code, outcome.reason,
                        outcome.retryable,
                    ]
                }
                values += [nowText, configuration.owner]
                let statement = chunk.count == Self.resultsPerUpdate ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
                let changed = Set(try Int64.fetchAll(statement, arguments: StatementArguments(values)))
                for outcome in chunk {
                    guard changed.contains(outcome.message.id) else {
                        logger.warning("result for a message no longer leased", metadata: ["message": "\(outcome.message.id)"])
                        continue
                    }
                    logged.append(outcome.message.id)
                }
            }
            try DeliveryLog.appendResults(db, messageIDs: logged, at: now)
        }
    }

    /// Marks `queued`/`running` campaigns with nothing left waiting or in flight as `done`.
    func closeFinishedCampaigns(now: Date, among candidates: Set<Int64>?) throws {
        let finished = try store.pool.read { db in
            let ids = try candidates.map { $0.sorted() }
                ?? Int64.fetchAll(db, sql: "SELECT id FROM campaign WHERE state IN ('queued', 'running')")
            return try ids.filter { try Self.isFinished(db, $0) }
        }
        guard !finished.isEmpty else { return }
        try store.pool.write { db in
            for id in finished where try Self.isFinished(db, id) {
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT state, COUNT(*) FROM message WHERE campaign_id = ? GROUP BY state", arguments: [id])
                {
                    counts[row[0]] = row[1]
                }
                let parts = MessageState.allCases.compactMap { state in
                    counts[state.rawValue].map { "\(state.korean) \($0)" }
                }
                try Outbox.updateState(
                    db, id, .done, at: now, reason: "완료" + (parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")))
            }
        }
    }

    /// A `queued`/`running` campaign with no message waiting, held or in flight.
    static func isFinished(_ db: Database, _ id: Int64) throws -> Bool {
        let state = try String.fetchOne(db, sql: "SELECT state FROM campaign WHERE id = ?", arguments: [id])
        guard state == CampaignState.queued.rawValue || state == CampaignState.running.rawValue else { return false }
        let busy = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM message WHERE campaign_id = ? AND state = 'pending')
                    OR EXISTS (SELECT 1 FROM message WHERE campaign_id = ? AND state = 'held')
                    OR EXISTS (SELECT 1 FROM message WHERE campaign_id = ? AND state = 'sending')
                """,
            arguments: [id, id, id]) ?? true
        return !busy
    }
}
