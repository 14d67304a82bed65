import ArgumentParser
import Messaging

/// `kimbiseo templates check (NAME | --text T | --file F) [--subject S]`
struct TemplatesCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a template: bytes, SMS or LMS, and every character problem.",
        discussion: """
            Prints the KS X 1001 byte count of the fixed text (Hangul 2, ASCII 1, line break 2),
            the type it would be (SMS ≤ 90 bytes, LMS ≤ 2,000) and every problem with its line,
            column and a suggested replacement. Placeholders add each customer's value; the real
            type is decided per recipient when a campaign is created. Exits 1 when there is a problem.

            Examples:
              kimbiseo templates check 생일
              kimbiseo templates check --text "<<이름>>님 – 좋은 하루 되세요 😀"
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "A saved template's name.") var name: String?
    @Option(help: "Check this text instead.") var text: String?
    @Option(help: ArgumentHelp("Check the text of a UTF-8 file.", valueName: "PATH")) var file: String?
    @Option(help: "The LMS subject to check with it.") var subject: String?
    @Flag(name: .customLong("ad"), help: "Check it as an advertisement: with (광고)상호 and 무료거부 added.")
    var advertising = false

    func run() async throws {
        var body: String
        var subjectText = subject
        if let name {
            guard text == nil, file == nil else { throw CLIError("give a template name or --text/--file, not both") }
            let (_, store) = try global.openStore()
            let saved = try messagingCall { try TemplateStore(store: store).get(name) }
            body = saved.text
            subjectText = subject ?? saved.subject
        } else {
            body = try templateText(text: text, file: file)
        }
        let issues = MessageTemplate.lint(text: body, subject: subjectText)
        body = SMSText.normalize(body)
        if advertising, issues.isEmpty {
            let settings = try global.loadSettings()
            let wrapper = try messagingCall {
                try AdWrapper(shopName: settings.sms.shopName ?? "", optOutNumber: settings.sms.optoutNumber ?? "")
            }
            body = try messagingCall { try wrapper.wrap(try MessageTemplate(text: body, subject: subjectText)).text }
        }
        let template = try? MessageTemplate(text: body, subject: subjectText)
        let bytes = template?.fixedBytes ?? SMSBytes.count(body)
        let type = bytes <= SMSLimits.smsBytes ? "SMS" : bytes <= SMSLimits.lmsBytes ? "LMS" : "too long"
        print("바이트: \(bytes) (치환 문구 제외, 한글 2·영문 1·줄바꿈 2)")
        print("종류: \(type)" + (template?.placeholders.isEmpty == false ? " — 치환 값에 따라 고객마다 달라질 수 있음" : ""))
        if let placeholders = template?.placeholders, !placeholders.isEmpty {
            print("치환: " + placeholders.map(\.token).joined(separator: " "))
        }
        guard !issues.isEmpty else {
            print("문제 없음")
            return
        }
        print("문제 \(issues.count)건:")
        for issue in issues { print("  " + issue.korean) }
        throw ExitCode(1)
    }
}
