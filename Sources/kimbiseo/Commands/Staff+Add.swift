import Anniversaries
import ArgumentParser

/// `kimbiseo staff add --name N [--email E] [--phone P]`
struct StaffAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a staff member (active).",
        discussion: """
            Prints the new member's number. Without --email the member gets no digest.
            Example: kimbiseo staff add --name 홍길동 --email hong@example.kr
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "이름.") var name: String
    @Option(help: "Where the digest goes.") var email: String?
    @Option(help: "휴대폰 or other phone number.") var phone: String?

    func run() async throws {
        let (_, store) = try global.openStore()
        let member = try anniversaryCall { try StaffDirectory(store: store).add(name: name, email: email, phone: phone) }
        print("직원 \(member.id) 추가: \(member.name)")
    }
}
