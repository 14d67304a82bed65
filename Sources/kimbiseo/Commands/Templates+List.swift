import ArgumentParser
import Messaging

/// `kimbiseo templates list [--json]`
struct TemplatesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List saved templates with their size and type.",
        discussion: """
            Bytes are those of the fixed text (placeholders not counted); the type is what the
            fixed text alone would be. With --json one object per line:
            {"bytes":40,"name":"생일","subject":null,"text":"…","type":"SMS"}
            Example: kimbiseo templates list
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "One JSON object per line.") var json = false

    struct Line: Encodable {
        var name: String
        var text: String
        var subject: String?
        var bytes: Int
        var type: String
    }

    func run() async throws {
        let (_, store) = try global.openStore()
        let templates = try messagingCall { try TemplateStore(store: store).list() }
        var table = TextTable(["이름", "바이트", "종류", "제목", "내용"])
        for saved in templates {
            let bytes = SMSBytes.count(saved.text)
            let line = Line(
                name: saved.name, text: saved.text, subject: saved.subject, bytes: bytes,
                type: bytes <= SMSLimits.smsBytes ? "SMS" : "LMS")
            if json {
                print(try messagingJSON(line))
            } else {
                let firstLine = saved.text.split(separator: "\n").first.map(String.init) ?? ""
                table.append([saved.name, "\(bytes)", line.type, saved.subject ?? "", String(firstLine.prefix(30))])
            }
        }
        if !json { print(templates.isEmpty ? "저장된 서식이 없습니다" : table.render()) }
    }
}

/// `kimbiseo templates show NAME [--json]`
struct TemplatesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a template's text, subject and placeholders.",
        discussion: "Example: kimbiseo templates show 생일")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The template's name.") var name: String
    @Flag(help: "One JSON document.") var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        let saved = try messagingCall { try TemplateStore(store: store).get(name) }
        if json {
            print(try messagingJSON(saved))
            return
        }
        let placeholders = (try? saved.parsed().placeholders.map(\.token).joined(separator: " ")) ?? ""
        print("이름: \(saved.name)")
        if let subject = saved.subject { print("제목: \(subject)") }
        print("치환: \(placeholders.isEmpty ? "-" : placeholders)")
        print("수정: \(saved.updatedAt)")
        print("")
        print(saved.text)
    }
}
