import ArgumentParser

/// `kimbiseo campaign create|list|show|pause|resume|cancel|retry-failed|test` — 단체 문자.
struct CampaignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract: "단체 문자: create and manage text-message campaigns.",
        discussion: """
            A campaign snapshots its audience into one message per phone number, rendered and
            classified (SMS/LMS) per customer, in one transaction; `kimbiseo serve` sends them.
            Pause, resume and cancel take effect on the running daemon within a second.

            Examples:
              kimbiseo campaign create --template 가을세일 --group VIP --ad --preview 3
              kimbiseo campaign create --text "<<이름>>님, 내일 휴무입니다." --all --dry-run
              kimbiseo campaign show 7
              kimbiseo campaign pause 7
              kimbiseo campaign test --template 가을세일 --as 12 --to 010-1234-5678
            """,
        subcommands: [
            CampaignCreateCommand.self, CampaignListCommand.self, CampaignShowCommand.self,
            CampaignPauseCommand.self, CampaignResumeCommand.self, CampaignCancelCommand.self,
            CampaignRetryFailedCommand.self, CampaignTestCommand.self,
        ])
}
