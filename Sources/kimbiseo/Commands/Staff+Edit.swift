import Anniversaries
import ArgumentParser

/// `kimbiseo staff edit ID [--name N] [--email E|--no-email] [--phone P|--no-phone] [--active|--inactive]`
struct StaffEditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a staff member.",
        discussion: """
            Only the options given change. --inactive keeps the member but stops their digest.
            Examples:
              kimbiseo staff edit 1 --email new@example.kr
              kimbiseo staff edit 1 --no-phone --inactive
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The staff member's number.") var id: Int64
    @Option(help: "이름.") var name: String?
    @Option(help: "Where the digest goes.") var email: String?
    @Flag(help: "Remove the email (no digest).") var noEmail = false
    @Option(help: "Phone number.") var phone: String?
    @Flag(help: "Remove the phone number.") var noPhone = false
    @Flag(help: "Send this member the digest again.") var active = false
    @Flag(help: "Keep the member but send no digest.") var inactive = false

    func validate() throws {
        if email != nil && noEmail { throw ValidationError("--email and --no-email exclude each other") }
        if phone != nil && noPhone { throw ValidationError("--phone and --no-phone exclude each other") }
        if active && inactive { throw ValidationError("--active and --inactive exclude each other") }
    }

    func run() async throws {
        let (_, store) = try global.openStore()
        var change = StaffChange(name: name, active: inactive ? false : active ? true : nil)
        if noEmail { change.email = .some(nil) } else if let email { change.email = .some(email) }
        if noPhone { change.phone = .some(nil) } else if let phone { change.phone = .some(phone) }
        let member = try anniversaryCall { try StaffDirectory(store: store).edit(id, change) }
        print("직원 \(member.id) 변경: \(member.name)\(member.email.map { " <\($0)>" } ?? "")\(member.active ? "" : " (중지)")")
    }
}
