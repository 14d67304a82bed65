import ArgumentParser
import Messaging

/// `kimbiseo campaign pause ID`
struct CampaignPauseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause a campaign: the daemon stops sending it within a second.",
        discussion: "Messages already handed to the gateway finish. Example: kimbiseo campaign pause 7")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The campaign's number.") var id: Int64

    func run() async throws {
        let (_, store) = try global.openStore()
        try messagingCall { try Outbox(store: store).pause(id) }
        print("캠페인 \(id) 일시 정지")
    }
}

/// `kimbiseo campaign resume ID`
struct CampaignResumeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Resume a paused campaign (or one created with --hold).",
        discussion: "Only messages still waiting are sent. Example: kimbiseo campaign resume 7")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The campaign's number.") var id: Int64

    func run() async throws {
        let (_, store) = try global.openStore()
        try messagingCall { try Outbox(store: store).resume(id) }
        print("캠페인 \(id) 재개")
    }
}

/// `kimbiseo campaign cancel ID`
struct CampaignCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a campaign: every waiting or held message is cancelled.",
        discussion: "Messages already handed to the gateway are not recalled. Example: kimbiseo campaign cancel 7")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The campaign's number.") var id: Int64

    func run() async throws {
        let (_, store) = try global.openStore()
        let count = try messagingCall { try Outbox(store: store).cancel(id) }
        print("캠페인 \(id) 취소: 대기 중이던 \(count)건 취소")
    }
}

/// `kimbiseo campaign retry-failed ID`
struct CampaignRetryFailedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry-failed",
        abstract: "Send again the messages that failed for sure and may be retried.",
        discussion: """
            Only definite, retryable failures (throttling, a temporary refusal) go back to the
            queue; permanent failures (unregistered sender, invalid number) and 'unknown' messages
            (which may have been delivered) are never resent.
            Example: kimbiseo campaign retry-failed 7
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The campaign's number.") var id: Int64

    func run() async throws {
        let (_, store) = try global.openStore()
        let count = try messagingCall { try Outbox(store: store).retryFailed(id) }
        print("캠페인 \(id): 재시도 \(count)건")
    }
}
