import Anniversaries
import Testing

@Suite("The staff directory")
struct StaffDirectoryTests {
    @Test("add, list, edit, clear a field, deactivate and delete")
    func lifecycle() throws {
        let staff = StaffDirectory(store: try makeStore())
        let hong = try staff.add(name: " 홍길동 ", email: "hong@example.kr", phone: "010-1234-5678")
        #expect(hong == StaffMember(id: 1, name: "홍길동", email: "hong@example.kr", phone: "01012345678"))
        try staff.add(name: "김철수")
        let edited = try staff.edit(1, StaffChange(email: .some(nil), active: false))
        #expect(edited.email == nil && !edited.active && edited.phone == "01012345678")
        #expect(try staff.list().map(\.name) == ["홍길동", "김철수"])
        #expect(try staff.list(activeOnly: true).map(\.id) == [2])
        try staff.delete(2)
        #expect(throws: AnniversaryError.staffNotFound(2)) { try staff.delete(2) }
        #expect(throws: AnniversaryError.staffNotFound(9)) { try staff.edit(9, StaffChange(name: "x")) }
    }

    @Test("bad names, addresses and phones are refused with the field")
    func validation() throws {
        let staff = StaffDirectory(store: try makeStore())
        #expect(throws: AnniversaryError.staffField(field: "name", value: " ", problem: "must not be empty")) {
            try staff.add(name: " ")
        }
        #expect(throws: AnniversaryError.self) { try staff.add(name: "홍", email: "hong.example.kr") }
        #expect(throws: AnniversaryError.self) { try staff.add(name: "홍", phone: "전화없음") }
        #expect(try staff.list().isEmpty)
    }
}
