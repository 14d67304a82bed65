import ArgumentParser

/// `kimbiseo templates add|list|show|edit|delete|check` — saved SMS templates.
struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "문자 서식: save, list, edit and check SMS templates.",
        discussion: """
            A template is text with placeholders filled per customer: <<이름>> (or {{이름}}),
            <<별명>>, <<직장명>>, <<부서>>, <<직책>>, <<직급>>, <<그룹>>, <<등급>>, <<고객번호>>,
            <<상호>> (sms.shop_name) and <<오늘>> (today in KST). A fallback for an empty value
            follows a bar: <<별명|고객님>>. An unknown placeholder or a character that cannot be
            sent (emoji, '–', NBSP, 똠 …) is refused with its line, column and a suggestion.

            Examples:
              kimbiseo templates add 생일 --text "<<이름>>님, 생일 축하드립니다. -<<상호>>"
              kimbiseo templates add 가을세일 --file templates/sms/autumn.txt --subject "가을 세일"
              kimbiseo templates check --text "<<이름>>님 – 안녕하세요"
              kimbiseo templates list
            """,
        subcommands: [
            TemplatesAddCommand.self, TemplatesListCommand.self, TemplatesShowCommand.self,
            TemplatesEditCommand.self, TemplatesDeleteCommand.self, TemplatesCheckCommand.self,
        ])
}
