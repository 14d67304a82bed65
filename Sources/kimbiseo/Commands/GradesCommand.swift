import ArgumentParser
import Store

/// `kimbiseo grades list|add|rename|delete` — the user-defined 등급 list.
struct GradesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grades",
        abstract: "등급관리: list, add, rename and delete customer grades.",
        discussion: """
            A customer has at most one grade. Importing a file creates the grades it
            names.

            Examples:
              kimbiseo grades list --json
              kimbiseo grades add VIP
              kimbiseo grades delete 실버 --reassign 일반
            """,
        subcommands: [
            CategoryListCommand<GradeKind>.self, CategoryAddCommand<GradeKind>.self,
            CategoryRenameCommand<GradeKind>.self, CategoryDeleteCommand<GradeKind>.self,
        ])
}

/// The `grades` commands edit the grade list.
enum GradeKind: CategoryCommandKind {
    static let kind = CustomerCategory.grade
    static let commandName = "grades"
    static let example = "VIP"
}
