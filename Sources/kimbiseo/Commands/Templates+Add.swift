import ArgumentParser
import Messaging

/// `kimbiseo templates add NAME (--text T | --file F) [--subject S]`
struct TemplatesAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Save a new template.",
        discussion: """
            The text is checked first; every problem is printed and nothing is saved.
            Example: kimbiseo templates add 생일 --text "<<이름>>님, 생일 축하드립니다."
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The template's name (unique).") var name: String
    @Option(help: "The text.") var text: String?
    @Option(help: ArgumentHelp("Read the text from a UTF-8 file.", valueName: "PATH")) var file: String?
    @Option(help: "LMS subject (≤ 40 bytes).") var subject: String?

    func run() async throws {
        let body = try templateText(text: text, file: file)
        let (_, store) = try global.openStore()
        let saved = try messagingCall { try TemplateStore(store: store).add(name: name, text: body, subject: subject) }
        print("서식 '\(saved.name)' 저장됨")
    }
}

/// `kimbiseo templates edit NAME [--text T | --file F] [--subject S]`
struct TemplatesEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Replace a template's text and/or subject.",
        discussion: """
            --subject "" removes the subject. Campaigns already created keep their copy.
            Example: kimbiseo templates edit 생일 --text "<<이름|고객>>님, 생일 축하드립니다."
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The template's name.") var name: String
    @Option(help: "The new text.") var text: String?
    @Option(help: ArgumentHelp("Read the new text from a UTF-8 file.", valueName: "PATH")) var file: String?
    @Option(help: "The new LMS subject; \"\" removes it.") var subject: String?

    func run() async throws {
        let body = text == nil && file == nil ? nil : try templateText(text: text, file: file)
        guard body != nil || subject != nil else { throw CLIError("give --text, --file or --subject") }
        let (_, store) = try global.openStore()
        let saved = try messagingCall { try TemplateStore(store: store).edit(name: name, text: body, subject: subject) }
        print("서식 '\(saved.name)' 수정됨")
    }
}

/// `kimbiseo templates delete NAME`
struct TemplatesDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a template (campaigns made from it keep their text).",
        discussion: "Example: kimbiseo templates delete 생일")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The template's name.") var name: String

    func run() async throws {
        let (_, store) = try global.openStore()
        try messagingCall { try TemplateStore(store: store).delete(name: name) }
        print("서식 '\(name)' 삭제됨")
    }
}
