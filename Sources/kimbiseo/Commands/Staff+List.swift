import Anniversaries
import ArgumentParser
import Foundation
import Store

/// `kimbiseo staff list [--json]`
struct StaffListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the staff.",
        discussion: """
            With --json one object per line: {"active":true,"email":"hong@example.kr","id":1,
            "name":"홍길동","phone":"01012345678"}
            Example: kimbiseo staff list --json
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "One JSON object per line.") var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        let members = try anniversaryCall { try StaffDirectory(store: store).list() }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for member in members { print(String(decoding: try encoder.encode(member), as: UTF8.self)) }
            return
        }
        guard !members.isEmpty else {
            print("직원이 없습니다")
            return
        }
        var table = TextTable(["번호", "이름", "이메일", "전화", "상태"])
        for m in members {
            table.append([
                "\(m.id)", m.name, m.email ?? "", m.phone.map(PhoneNumber.display) ?? "", m.active ? "사용" : "중지",
            ])
        }
        print(table.render())
    }
}
