import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Dispatcher {
    /// What ``recover()`` found and did.
    public struct RecoveryReport: Sendable, Hashable {
        /// Found in the gateway's records: now `accepted`.
        public var accepted = 0
        /// Proven not to have reached the gateway: back to `pending`.
        public var requeued = 0
        /// The gateway cannot tell: now `unknown` (never resent blindly).
        public var unknown = 0
    }

    /// Resolves messages left in `sending` by a dispatcher that is gone: its lease expired, or
    /// it ran on this host and its process no longer exists. Run at start and every lease period.
    ///
    /// Each message is asked of the gateway (``SMSGateway/recover(_:since:)``): the spool
    /// gateway looks for the message's line, so the answer is exact; others cannot tell and the
    /// message becomes `unknown`. Every change is guarded by the old lease, so two dispatchers
    /// recovering at once change each row once.
    @discardableResult
    public func recover() async throws -> RecoveryReport {
        let now = clock()
        let nowText = OutboxTime.format(now)
        let stranded: [(id: Int64, campaign: Int64, owner: String, since: String?)] = try await store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, campaign_id, lease_owner, updated_at, lease_until FROM message WHERE state = 'sending'"
            ).compactMap { row in
                let owner: String = row[2] ?? ""
                let leaseUntil: String = row[4] ?? ""
                guard owner != configuration.owner else { return nil }
                guard leaseUntil < nowText || Self.isDeadLocalOwner(owner) else { return nil }
                return (row[0], row[1], owner, row[3])
            }
        }
        guard !stranded.isEmpty else { return RecoveryReport() }
        let since = stranded.compactMap { $0.since.flatMap(OutboxTime.parse) }.min() ?? now.addingTimeInterval(-86_400)
        let answer = await gateway.recover(stranded.map(\.id), since: since)
        let report = try await store.pool.write { db in
            var report = RecoveryReport()
            for message in stranded {
                let state: MessageState, reason: String, gatewayID: String?
                switch answer {
                case let .known(accepted):
                    if let id = accepted[message.id] {
                        (state, reason, gatewayID) = (.accepted, "복구: 게이트웨이 기록에서 접수 확인", id)
                    } else {
                        (state, reason, gatewayID) = (.pending, "복구: 게이트웨이에 전달되지 않아 다시 보냄", nil)
                    }
                case .cannotTell:
                    (state, reason, gatewayID) = (.unknown, "복구: 발송 중 중단되어 전달 여부를 알 수 없음", nil)
                }
                try db.execute(
                    sql: """
                        UPDATE message SET state = ?, gateway_message_id = COALESCE(?, gateway_message_id),
                            last_reason = ?, lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE id = ? AND state = 'sending' AND lease_owner IS ?
                        """,
                    arguments: [state.rawValue, gatewayID, reason, nowText, message.id, message.owner.isEmpty ? nil : message.owner])
                guard db.changesCount == 1 else { continue }
                try DeliveryLog.append(
                    db, messageID: message.id, campaignID: message.campaign, at: now, state: state.rawValue,
                    code: nil, reason: reason, detail: gatewayID)
                switch state {
                case .accepted: report.accepted += 1
                case .pending: report.requeued += 1
                default: report.unknown += 1
                }
            }
            return report
        }
        if report != RecoveryReport() {
            logger.notice(
                "recovered messages left in sending",
                metadata: ["accepted": "\(report.accepted)", "requeued": "\(report.requeued)", "unknown": "\(report.unknown)"])
        }
        return report
    }

    /// Whether `owner` (`host:pid:random`) names a process of this host that no longer exists.
    static func isDeadLocalOwner(_ owner: String) -> Bool {
        let parts = owner.split(separator: ":")
        guard parts.count >= 3, String(parts[0]) == ProcessInfo.processInfo.hostName,
              let pid = Int32(parts[1]), pid > 0
        else { return false }
        if pid == ProcessInfo.processInfo.processIdentifier { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
