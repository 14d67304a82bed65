import Anniversaries
import ArgumentParser

/// `kimbiseo staff delete ID`
struct StaffDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a staff member.",
        discussion: """
            Digests already sent stay in the email log (kimbiseo log --kind email).
            Example: kimbiseo staff delete 3
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The staff member's number.") var id: Int64

    func run() async throws {
        let (_, store) = try global.openStore()
        try anniversaryCall { try StaffDirectory(store: store).delete(id) }
        print("직원 \(id) 삭제")
    }
}
