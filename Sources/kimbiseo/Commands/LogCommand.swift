import Anniversaries
import ArgumentParser
import Foundation
import Messaging
import Store

/// `kimbiseo log [-f] [--campaign ID] [--since 1h|DATE] [--json] [--unmask] [--kind sms|email]`
struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "발송 기록: one line per message state change; -f follows new ones.",
        discussion: """
            Each line: KST time, campaign, message id, phone (masked: 010-****-5678), type,
            state, gateway code and the reason. Campaign-wide events (created, paused, done …)
            show '-' for the message. Phone numbers are shown in full only with --unmask.

            --json prints one object per line:
            {"at":"2026-11-29T08:00:01.250Z","campaign":7,"message":123,"phone":"010-****-5678",
             "type":"SMS","state":"accepted","reason":"게이트웨이 접수"} (absent keys are null)

            Without --since or -f the last 100 events are printed (--limit changes that).

            Examples:
              kimbiseo log -f
              kimbiseo log --campaign 7 --since 1h
              kimbiseo log --since '2026-11-28 09:00' --json
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(name: [.short, .customLong("follow")], help: "Keep printing new events until interrupted.") var follow = false
    @Option(help: "Only this campaign.") var campaign: Int64?
    @Option(help: ArgumentHelp("From this long ago (30m, 1h, 2d) or this time (YYYY-MM-DD [HH:MM], KST).", valueName: "WHEN"))
    var since: String?
    @Option(help: "Without --since: how many of the newest events to print.") var limit = 100
    @Flag(help: "One JSON object per line.") var json = false
    @Flag(help: "Show full phone numbers.") var unmask = false
    @Option(help: ArgumentHelp("sms (default) or email.", valueName: "KIND")) var kind = "sms"

    func run() async throws {
        guard kind == "sms" || kind == "email" else { throw CLIError("--kind must be sms or email") }
        let sinceDate = try since.map(Self.parseSince)
        let (_, store) = try global.openStore()
        guard kind == "sms" else {
            try await emailLog(store: store, since: sinceDate)
            return
        }
        let format = LogFormat(json: json, unmask: unmask)
        var query = DeliveryLog.Query(campaignID: campaign, since: sinceDate)
        if sinceDate == nil {
            query.limit = limit
            query.newest = true
        }
        var last: Int64 = 0
        for event in try messagingCall({ try DeliveryLog.events(store, query) }) {
            FileHandle.standardOutput.write(Data((try format.line(event) + "\n").utf8))
            last = event.id
        }
        guard follow else { return }
        if last == 0 { last = try messagingCall { try DeliveryLog.lastID(store) } }
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(200))
            let newest = try messagingCall { try DeliveryLog.lastID(store) }
            guard newest > last else { continue }
            for event in try messagingCall({
                try DeliveryLog.events(store, .init(afterID: last, campaignID: campaign, limit: 10_000))
            }) {
                FileHandle.standardOutput.write(Data((try format.line(event) + "\n").utf8))
                last = event.id
            }
        }
    }

    /// `--kind email`: every attempt of the email outbox (staff digests), one line each.
    private func emailLog(store: KimbiseoStore, since sinceDate: Date?) async throws {
        func emit(_ event: EmailEvent) throws {
            let text: String
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let data = try encoder.encode(event)
                text = String(decoding: data, as: UTF8.self)
            } else {
                text = event.line
            }
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
        var query = EmailLog.Query(since: sinceDate)
        if sinceDate == nil {
            query.limit = limit
            query.newest = true
        }
        var last: Int64 = 0
        for event in try EmailLog.events(store, query) {
            try emit(event)
            last = event.id
        }
        guard follow else { return }
        if last == 0 { last = try EmailLog.lastID(store) }
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(200))
            guard try EmailLog.lastID(store) > last else { continue }
            for event in try EmailLog.events(store, .init(afterID: last, limit: 10_000)) {
                try emit(event)
                last = event.id
            }
        }
    }

    /// `30m`, `1h`, `2d` (ago), or `YYYY-MM-DD` / `YYYY-MM-DD HH:MM` in Asia/Seoul.
    static func parseSince(_ text: String) throws -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, "smhd".contains(unit), let amount = Double(trimmed.dropLast()) {
            let seconds: Double = ["s": 1, "m": 60, "h": 3600, "d": 86_400][String(unit)]! * amount
            return Date().addingTimeInterval(-seconds)
        }
        if let date = OutboxTime.parseSeoul(trimmed) ?? OutboxTime.parseSeoul(trimmed + " 00:00") {
            return date
        }
        throw CLIError("--since '\(text)' is not 30m, 1h, 2d, YYYY-MM-DD or 'YYYY-MM-DD HH:MM'")
    }
}
