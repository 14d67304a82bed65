import ArgumentParser
import Store

/// What distinguishes `kimbiseo groups` from `kimbiseo grades`: the list they edit.
protocol CategoryCommandKind {
    static var kind: CustomerCategory { get }
    /// `groups` or `grades`.
    static var commandName: String { get }
    /// A sample name for help texts.
    static var example: String { get }
}

/// `list [--json]`
struct CategoryListCommand<K: CategoryCommandKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list", abstract: "\(K.kind.korean) 목록: every \(K.kind.rawValue) with its member count.",
            discussion: """
                Output: a table (번호 \(K.kind.korean) 고객수); with --json one object per line:
                {"id":1,"memberCount":12,"name":"\(K.example)"}
                Example: kimbiseo \(K.commandName) list
                """)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "One JSON object per line.")
    var json = false

    func run() async throws {
        let (_, store) = try global.openStore()
        let entries = try storeCall { try store.categories(K.kind) }
        if json {
            for entry in entries { print(try CustomerOutput.json(value: entry)) }
            return
        }
        var table = TextTable(["번호", K.kind.korean, "고객수"])
        for e in entries { table.append([String(e.id), e.name, String(e.memberCount)]) }
        print(table.render())
    }
}

/// `add NAME`
struct CategoryAddCommand<K: CategoryCommandKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add", abstract: "Add a \(K.kind.rawValue) (names are unique).",
            discussion: "Example: kimbiseo \(K.commandName) add \(K.example)")
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The new name.", valueName: "NAME"))
    var name: String

    func run() async throws {
        let (_, store) = try global.openStore()
        let entry = try storeCall { try store.addCategory(K.kind, name: name) }
        print("\(K.kind.korean) 추가: \(entry.name)")
    }
}

/// `rename OLD NEW`
struct CategoryRenameCommand<K: CategoryCommandKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "rename", abstract: "Rename a \(K.kind.rawValue); its customers follow.",
            discussion: "Example: kimbiseo \(K.commandName) rename \(K.example) \(K.example)2")
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The current name.", valueName: "OLD"))
    var old: String
    @Argument(help: ArgumentHelp("The new name.", valueName: "NEW"))
    var new: String

    func run() async throws {
        let (_, store) = try global.openStore()
        try storeCall { try store.renameCategory(K.kind, from: old, to: new) }
        print("\(K.kind.korean) 이름 변경: \(old) → \(new)")
    }
}

/// `delete NAME [--reassign TO | --clear]`
struct CategoryDeleteCommand<K: CategoryCommandKind>: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete", abstract: "Delete a \(K.kind.rawValue).",
            discussion: """
                A \(K.kind.rawValue) that still has customers is refused unless --reassign
                TO moves them to another \(K.kind.rawValue) or --clear leaves them without
                one. The customers themselves are never deleted (for that: kimbiseo
                customers delete --\(K.kind.rawValue) NAME).
                Example: kimbiseo \(K.commandName) delete \(K.example) --reassign 일반
                """)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The name.", valueName: "NAME"))
    var name: String
    @Option(name: .long, help: ArgumentHelp("Move its customers to this \(K.kind.rawValue) first.", valueName: "TO"))
    var reassign: String?
    @Flag(name: .long, help: "Leave its customers without a \(K.kind.rawValue).")
    var clear = false

    func validate() throws {
        if reassign != nil && clear { throw ValidationError("give --reassign TO or --clear, not both") }
    }

    func run() async throws {
        let (_, store) = try global.openStore()
        let disposal: CategoryDeletion = reassign.map { .reassign(to: $0) } ?? (clear ? .clearMembers : .refuseIfInUse)
        let moved = try storeCall { try store.deleteCategory(K.kind, name: name, disposal: disposal) }
        var line = "\(K.kind.korean) 삭제: \(name)"
        if let reassign, moved > 0 { line += " (고객 \(moved)명 → \(reassign))" }
        if clear, moved > 0 { line += " (고객 \(moved)명의 \(K.kind.korean) 비움)" }
        print(line)
    }
}
