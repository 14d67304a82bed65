import ArgumentParser
import Messaging

/// `kimbiseo campaign list [--json]`
struct CampaignListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List campaigns, newest first.",
        discussion: """
            With --json one object per line: {"id":7,"name":"…","state":"running","recipients":120, …}
            Example: kimbiseo campaign list --limit 10
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "At most this many.") var limit: Int?
    @Flag(help: "One JSON object per line.") var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        let records = try messagingCall { try Outbox(store: store).list(limit: limit) }
        if json {
            for record in records { print(try messagingJSON(record)) }
            return
        }
        guard !records.isEmpty else {
            print("캠페인이 없습니다")
            return
        }
        var table = TextTable(["번호", "이름", "상태", "광고", "수신자", "제외", "발송 예정(KST)"])
        for r in records {
            table.append([
                "\(r.id)", r.name, r.state.korean, r.isAd ? "광고" : "", "\(r.recipientCount)", "\(r.excludedCount)",
                CampaignOutput.seoul(r.scheduledAt),
            ])
        }
        print(table.render())
    }
}

/// `kimbiseo campaign show ID [--json]`
struct CampaignShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a campaign with its message counts per state.",
        discussion: """
            With --json one document: the campaign's columns, "counts" per message state
            ({"pending":10,"accepted":110}) and the creation "summary".
            Example: kimbiseo campaign show 7
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The campaign's number.") var id: Int64
    @Flag(help: "One JSON document.") var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        let record = try messagingCall { try Outbox(store: store).show(id) }
        print(json ? try messagingJSON(record) : CampaignOutput.record(record))
    }
}
