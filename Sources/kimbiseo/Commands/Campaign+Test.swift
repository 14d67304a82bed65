import ArgumentParser
import Messaging

/// `kimbiseo campaign test (--template NAME | --text T) --as CUSTOMER --to PHONE`
struct CampaignTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Send one message, rendered as a chosen customer, to your own phone.",
        discussion: """
            The text is rendered with the customer's values (name, company …) exactly as that
            customer would receive it, and queued as a one-message test campaign to --to; the
            daemon sends it. The customer's consent and quiet hours do not apply.
            Example: kimbiseo campaign test --template 가을세일 --as 12 --to 010-1234-5678 --ad
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "A saved template.") var template: String?
    @Option(help: "The text (with placeholders).") var text: String?
    @Option(help: "LMS subject.") var subject: String?
    @Option(name: .customLong("as"), help: ArgumentHelp("Render as this customer.", valueName: "CUSTOMER-ID"))
    var customer: Int64
    @Option(help: ArgumentHelp("Your mobile number.", valueName: "PHONE")) var to: String
    @Flag(name: .customLong("ad"), help: "Wrap it as an advertisement.") var advertising = false
    @Flag(help: "Print the summary as one JSON document.") var json = false

    func run() async throws {
        let (settings, store) = try global.openStore()
        let (messageTemplate, templateName) = try CampaignCreateCommand.resolveTemplate(
            store, template: template, text: text, subject: subject)
        let summary = try messagingCall {
            try CampaignPlanner(store: store, settings: settings.sms).createTest(
                template: messageTemplate, templateName: templateName, customerID: customer, to: to, isAd: advertising)
        }
        print(json ? try messagingJSON(summary) : CampaignOutput.summary(summary))
    }
}
