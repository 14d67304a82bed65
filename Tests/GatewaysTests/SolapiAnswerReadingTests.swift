import Foundation
import Testing
@testable import Gateways

@Suite("Solapi send-many answers")
struct SolapiAnswerReadingTests {
    /// Both readings of one answer, as pairs that compare (tuples do not).
    static func summary(_ results: SolapiSendResults) -> ([String: String], [String: String]) {
        (results.accepted, results.failed.mapValues { "\($0.code)|\($0.message ?? "-")" })
    }

    static func lenient(_ text: String) throws -> SolapiSendResults {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return SolapiSendResults(object, idField: "kimbiseo_id")
    }

    @Test("the documented shape: the scanner and the lenient reading agree")
    func documentedShape() throws {
        let text = """
            {"groupInfo":{"count":{"total":4}},"failedMessageList":[
              {"to":"01000000003","statusCode":"1061","statusMessage":"수신거부 \\"080\\"","customFields":{"kimbiseo_id":"3"}},
              {"to":"01000000004","statusCode":"1011","statusMessage":null,"customFields":{"kimbiseo_id":"4","x":"y"}}],
             "messageList":[
              {"messageId":"M4V1","statusCode":"2000","customFields":{"kimbiseo_id":"1"},"to":"01000000001"},
              {"messageId":"M4V2","statusCode":"2000","customFields":{"other":"2"}},
              {"messageId":"M4V5","customFields":null},
              {"messageId":"M4V6"}]}
            """
        let decoded = try #require(SolapiSendResults.scan(Data(text.utf8), idField: "kimbiseo_id"))
        #expect(Self.summary(decoded).0 == ["1": "M4V1"])
        #expect(Self.summary(decoded).1 == ["3": "1061|수신거부 \"080\"", "4": "1011|-"])
        let lenient = try Self.lenient(text)
        #expect(Self.summary(decoded).0 == Self.summary(lenient).0)
        #expect(Self.summary(decoded).1 == Self.summary(lenient).1)
    }

    @Test("lists absent or null read as empty")
    func absentLists() throws {
        let decoded = try #require(SolapiSendResults.scan(Data(#"{"messageList":null}"#.utf8), idField: "kimbiseo_id"))
        #expect(decoded.accepted.isEmpty && decoded.failed.isEmpty)
    }

    @Test("numbers for strings or a list that is not an array: left to the lenient reading, which reads them")
    func otherShapes() throws {
        let numbers = #"{"failedMessageList":[{"statusCode":1030,"customFields":{"kimbiseo_id":7}}],"messageList":[]}"#
        #expect(SolapiSendResults.scan(Data(numbers.utf8), idField: "kimbiseo_id") == nil)
        #expect(Self.summary(try Self.lenient(numbers)).1 == ["7": "1030|-"])
        let map = #"{"messageList":{"M4V1":{"messageId":"M4V1","customFields":{"kimbiseo_id":"1"}}}}"#
        #expect(SolapiSendResults.scan(Data(map.utf8), idField: "kimbiseo_id") == nil)
        #expect(try Self.lenient(map).accepted.isEmpty)
        #expect(SolapiSendResults.scan(Data("{\"messageList\":[".utf8), idField: "kimbiseo_id") == nil)
    }
}
