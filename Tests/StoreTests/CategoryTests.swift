import Foundation
import Testing
@testable import Store

@Suite("Groups and grades")
struct CategoryTests {
    @Test("add, list with member counts, rename", arguments: CustomerCategory.allCases)
    func addListRename(kind: CustomerCategory) throws {
        try withTemporaryStore { store, _ in
            try store.addCategory(kind, name: "거래처")
            try store.addCategory(kind, name: " 지인 ")
            #expect(throws: StoreError.categoryExists(kind, "거래처")) { try store.addCategory(kind, name: "거래처") }
            var card = sampleCard("김철수")
            if kind == .group { card.group = "거래처" } else { card.grade = "거래처" }
            try store.add(card)
            #expect(try store.categories(kind).map { "\($0.name)=\($0.memberCount)" } == ["거래처=1", "지인=0"])
            try store.renameCategory(kind, from: "거래처", to: "주요거래처")
            let stored = try #require(try store.card(idOrCode: "1"))
            #expect((kind == .group ? stored.group : stored.grade) == "주요거래처")
            #expect(throws: StoreError.categoryExists(kind, "지인")) {
                try store.renameCategory(kind, from: "주요거래처", to: "지인")
            }
        }
    }

    @Test("a filter naming an unknown group or grade is an error, not an empty selection")
    func unknownCategoryInFilter() throws {
        try withTemporaryStore { store, _ in
            try store.addCategory(.group, name: "A")
            try store.requireKnownCategories(CustomerFilter(groups: ["A"]))
            #expect(throws: StoreError.categoryNotFound(.group, "없는그룹")) {
                try store.requireKnownCategories(CustomerFilter(groups: ["A", "없는그룹"]))
            }
            #expect(throws: StoreError.categoryNotFound(.grade, "골드")) {
                try store.requireKnownCategories(CustomerFilter(grades: ["골드"]))
            }
        }
    }

    @Test("deleting a group in use needs reassign or clear")
    func deleteInUse() throws {
        try withTemporaryStore { store, _ in
            _ = try store.importCards(sourced([sampleCard("가", group: "A"), sampleCard("나", group: "A"),
                                               sampleCard("다", group: "B")]),
                                      onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(throws: StoreError.categoryInUse(.group, "A", members: 2)) {
                try store.deleteCategory(.group, name: "A")
            }
            #expect(throws: StoreError.categoryNotFound(.group, "Z")) {
                try store.deleteCategory(.group, name: "A", disposal: .reassign(to: "Z"))
            }
            #expect(try store.deleteCategory(.group, name: "A", disposal: .reassign(to: "B")) == 2)
            #expect(try store.groups().map(\.memberCount) == [3])
            #expect(try store.deleteCategory(.group, name: "B", disposal: .clearMembers) == 3)
            #expect(try store.groups().isEmpty)
            #expect(try store.cards().allSatisfy { $0.group == nil })
            #expect(try store.count() == 3)
        }
    }

    @Test("add refuses an unknown group unless asked to create it")
    func unknownOnAdd() throws {
        try withTemporaryStore { store, _ in
            #expect(throws: StoreError.categoryNotFound(.grade, "VIP")) { try store.add(sampleCard("가", grade: "VIP")) }
            #expect(try store.count() == 0)
            let card = try store.add(sampleCard("가", grade: "VIP"), createMissingCategories: true)
            #expect(card.grade == "VIP")
        }
    }
}
