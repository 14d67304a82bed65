import ArgumentParser
import Store

/// `kimbiseo groups list|add|rename|delete` — the user-defined 그룹 list.
struct GroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups",
        abstract: "그룹관리: list, add, rename and delete customer groups.",
        discussion: """
            A customer belongs to at most one group. Importing a file creates the groups
            it names.

            Examples:
              kimbiseo groups list
              kimbiseo groups add 거래처
              kimbiseo groups rename 거래처 주요거래처
              kimbiseo groups delete 휴면 --clear
            """,
        subcommands: [
            CategoryListCommand<GroupKind>.self, CategoryAddCommand<GroupKind>.self,
            CategoryRenameCommand<GroupKind>.self, CategoryDeleteCommand<GroupKind>.self,
        ])
}

/// The `groups` commands edit the group list.
enum GroupKind: CategoryCommandKind {
    static let kind = CustomerCategory.group
    static let commandName = "groups"
    static let example = "거래처"
}
