import Foundation
import GRDB
import Settings
import Store

/// Turns a ``CampaignDraft`` into a campaign and its messages, in one transaction.
///
/// For every customer of the audience (streamed from the `customer` table, never loaded as
/// whole cards): check the mobile number, apply the consent ledger (``ConsentPolicy``: an
/// opt-out excludes from everything; advertising needs valid ad consent), render and classify
/// the text (``MessageComposer``: SMS/LMS by KS X 1001 bytes, blocked for characters, length or
/// missing values), keep one message per phone number, and hold advertising recipients without
/// night consent until the quiet hours end when the send time falls inside them
/// (`sms.quiet_hours_for_all` holds everyone without night consent).
///
/// Preconditions, checked before anything is read: `sms.sender` is a phone number; with
/// ``CampaignDraft/isAd`` also `sms.shop_name` and an 080 `sms.optout_number`
/// (``MessagingError/setting(key:problem:)`` or ``AdWrapperError``).
///
/// The campaign row, every message row and one `queued` delivery event are written in a single
/// write transaction: either the whole campaign exists or nothing does. Rendering runs on a
/// thread of its own while the rows are written. With `dryRun` the
/// same work runs on a read snapshot and nothing is written.
public struct CampaignPlanner: Sendable {
    public let store: KimbiseoStore
    public let settings: SMSSettings
    /// "Now"; injected so tests can place a campaign in quiet hours.
    public let clock: @Sendable () -> Date

    public init(store: KimbiseoStore, settings: SMSSettings, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.settings = settings
        self.clock = clock
    }

    /// How far before now a send time may lie and still mean "now" (a person typing a time a
    /// minute ago); anything earlier is ``MessagingError/scheduledInPast(seoulTime:)``.
    public static let pastScheduleTolerance: TimeInterval = 5 * 60

    /// Creates the campaign (or plans it, with `dryRun`) and returns what it did.
    /// - Throws: ``MessagingError/scheduledInPast(seoulTime:)`` when `draft.scheduledAt` is more
    ///   than ``pastScheduleTolerance`` ago, so a wrong year never sends at once.
    public func create(_ draft: CampaignDraft, dryRun: Bool = false) throws -> CampaignSummary {
        try draft.audience.validate()
        let now = clock()
        if let at = draft.scheduledAt, at < now.addingTimeInterval(-Self.pastScheduleTolerance) {
            throw MessagingError.scheduledInPast(seoulTime: OutboxTime.seoulMinute(at))
        }
        let plan = try Plan(draft: draft, settings: settings, now: now)
        if dryRun {
            return try store.pool.read { db in
                try plan.resolveAudience(db)
                var run = PlanRun(plan: plan, sink: nil)
                try run.stream(db)
                return run.summary(campaignID: nil, dryRun: true)
            }
        }
        return try write(plan) { _ in true }!
    }

    /// Creates the campaign in a transaction that first runs `claim`; when `claim` returns
    /// false nothing is written and the result is `nil` (a request taken by someone else).
    func create(_ draft: CampaignDraft, claim: (Database) throws -> Bool) throws -> CampaignSummary? {
        try draft.audience.validate()
        return try write(Plan(draft: draft, settings: settings, now: clock()), claim: claim)
    }

    private func write(_ plan: Plan, claim: (Database) throws -> Bool) throws -> CampaignSummary? {
        var result: CampaignSummary?
        try store.writeInBulk(cacheKiB: Self.campaignCacheKiB) { db in
            guard try claim(db) else { return .rollback }
            try plan.resolveAudience(db)
            let campaignID = try plan.insertCampaign(db)
            let summary = try writeMessages(plan, campaignID: campaignID, db: db)
            try plan.finish(db, campaignID: campaignID, summary: summary)
            result = summary
            return .commit
        }
        MemoryTrim.afterBulkWrite(rows: result?.recipients ?? 0)
        return result
    }

    /// Renders the audience's messages on a thread of their own while this one writes them.
    ///
    /// The renderer reads through a reader connection whose snapshot starts after `db`'s
    /// `BEGIN IMMEDIATE`: no one else can commit while this transaction holds the write lock,
    /// and it writes no customer, so both see the same audience.
    private func writeMessages(_ plan: Plan, campaignID: Int64, db: Database) throws -> CampaignSummary {
        let pipe = ChunkPipe<BulkRow>(capacity: 4, chunkSize: 2_000)
        let outcome = SummaryBox()
        let store = self.store
        pipe.startProducer(name: "kimbiseo.campaign-render") { emit in
            try withoutActuallyEscaping(emit) { emit in
                try store.pool.read { reader in
                    var run = PlanRun(plan: plan, sink: MessageSink(campaignID: campaignID, write: emit))
                    try run.stream(reader)
                    outcome.summary = run.summary(campaignID: campaignID, dryRun: false)
                }
            }
        }
        let inserter = MessageSink.inserter(db)
        do {
            while let chunk = pipe.take() {
                for row in chunk { try inserter.append(row) }
            }
            if let error = pipe.producerError { throw error }
            try inserter.flush()
        } catch {
            throw pipe.cancelAndWait() ?? error
        }
        // The renderer sets the summary whenever it ends without an error (handled above).
        guard let summary = outcome.summary else { throw CancellationError() }
        return summary
    }

    /// Page cache while a campaign is written: 16 MiB. A 1,000,000-recipient campaign then
    /// peaks near 120 MB; 32 MiB cost 18 MB more and was no faster (the rows are appended, so
    /// few pages are revisited).
    static let campaignCacheKiB = 16 * 1024

    /// Checks the settings a campaign needs without creating one.
    public static func checkSettings(_ settings: SMSSettings, advertising: Bool) throws {
        guard let sender = settings.sender, !sender.isEmpty else {
            throw MessagingError.setting(key: "sms.sender", problem: "the registered sender number is not set")
        }
        guard PhoneNumber.normalize(sender) != nil else {
            throw MessagingError.setting(key: "sms.sender", problem: "'\(sender)' is not a phone number")
        }
        if advertising {
            _ = try AdWrapper(shopName: settings.shopName ?? "", optOutNumber: settings.optoutNumber ?? "")
        }
    }
}

/// The renderer thread's summary, handed to the writing thread once the pipe is drained.
private final class SummaryBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: CampaignSummary?
    var summary: CampaignSummary? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
