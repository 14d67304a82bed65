import ArgumentParser
import Gateways
import Foundation
import Messaging
import Store

/// `kimbiseo campaign create …`
struct CampaignCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a campaign: snapshot the audience, render and queue one message per phone.",
        discussion: """
            Excluded with the reason: no or invalid mobile, 수신거부, (with --ad) no or expired
            광고수신동의, characters that cannot be sent, over 2,000 bytes, an empty placeholder
            without fallback. Customers sharing a phone get one message. With --ad the text is
            wrapped in (광고)상호 … 무료거부 080…, and in quiet hours (21:00–08:00 KST) recipients
            without 야간광고수신동의 are held until the end of the quiet hours. Needs sms.sender
            (and with --ad sms.shop_name and sms.optout_number) in the configuration.

            --json prints the summary as one JSON document (campaignID, recipients, sms, lms,
            held, excluded[{code,reason,count,customers}], sharedPhones, previews …).

            Examples:
              kimbiseo campaign create --template 가을세일 --grade A --grade B --ad --at '2026-12-01 10:00'
              kimbiseo campaign create --text "<<이름>>님, 감사합니다" --customer 12 --customer 40 --preview 2
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "A saved template.") var template: String?
    @Option(help: "The text (with placeholders).") var text: String?
    @Option(help: "LMS subject (default: the template's, then sms.default_lms_subject).") var subject: String?
    @Flag(help: "Every customer.") var all = false
    @Option(help: "A group (repeatable: any of them).") var group: [String] = []
    @Option(help: "A grade (repeatable: any of them; with --group: both must match).") var grade: [String] = []
    @Option(help: "A customer id (repeatable).") var customer: [Int64] = []
    @Flag(name: .customLong("ad"), help: "광고: wrap, filter by ad consent, hold in quiet hours.") var advertising = false
    @Option(help: ArgumentHelp(
        "Send at this time (Asia/Seoul); a time more than 5 minutes past is refused.",
        valueName: "YYYY-MM-DD HH:MM")) var at: String?
    @Option(help: "The campaign's name.") var name: String?
    @Option(help: "Show N rendered messages.") var preview = 0
    @Flag(help: "Plan only: print the summary, write nothing.") var dryRun = false
    @Flag(help: "Queue it paused: nothing is sent until `campaign resume`.") var hold = false
    @Flag(help: "Print the summary as one JSON document.") var json = false
    @Flag(help: "Start even when `kimbiseo gateway check` fails (credentials, sender, balance, reachability).")
    var force = false

    func run() async throws {
        let (settings, store) = try global.openStore()
        if !dryRun && !hold && !force && settings.sms.gateway.kind != "spool" {
            let report = await GatewayCheck(settings: settings.sms, store: store).run()
            guard report.ok else {
                let failed = report.items.filter { !$0.ok }.map { "\($0.name): \($0.detail)" }.joined(separator: "; ")
                throw CLIError("gateway check failed, campaign not created (--force to start anyway, --hold to queue it paused): \(failed)")
            }
        }
        let (messageTemplate, templateName) = try Self.resolveTemplate(store, template: template, text: text, subject: subject)
        var scheduled: Date?
        if let at {
            guard let date = OutboxTime.parseSeoul(at) else { throw CLIError("--at '\(at)' is not YYYY-MM-DD HH:MM") }
            scheduled = date
        }
        let draft = CampaignDraft(
            name: name, templateName: templateName, template: messageTemplate,
            audience: Audience(all: all, groups: group, grades: grade, customerIDs: customer),
            isAd: advertising, scheduledAt: scheduled, hold: hold, previewCount: max(0, preview))
        let summary = try messagingCall {
            try CampaignPlanner(store: store, settings: settings.sms).create(draft, dryRun: dryRun)
        }
        if json {
            print(try messagingJSON(summary))
        } else {
            print(CampaignOutput.summary(summary))
        }
    }

    /// The checked template from `--template NAME` or `--text TEXT` (exactly one), and its name.
    static func resolveTemplate(_ store: KimbiseoStore, template: String?, text: String?, subject: String?) throws
        -> (MessageTemplate, String?)
    {
        switch (template, text) {
        case let (name?, nil):
            let saved = try messagingCall { try TemplateStore(store: store).get(name) }
            return (try messagingCall { try MessageTemplate(text: saved.text, subject: subject ?? saved.subject) }, saved.name)
        case let (nil, text?):
            return (try messagingCall { try MessageTemplate(text: text, subject: subject) }, nil)
        default:
            throw CLIError("give exactly one of --template and --text")
        }
    }
}
