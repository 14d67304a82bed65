import Foundation
import Testing
@testable import Store

@Suite("Customer images")
struct ImageTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE1, 0, 0])

    @Test("magic bytes decide the media type", arguments: [
        (png, "image/png"), (jpeg, "image/jpeg"), (Data("GIF89a".utf8), nil),
        (Data([0xFF, 0xD8]), nil), (Data(), nil), (Data("%PDF-1.4".utf8), nil),
    ] as [(Data, String?)])
    func detects(data: Data, expected: String?) {
        #expect(CustomerImage.detectMediaType(data) == expected)
    }

    @Test("set, get and clear; a new image replaces the old one")
    func setGetClear() throws {
        try withTemporaryStore { store, _ in
            try store.add(sampleCard("김철수"))
            try store.setImage(Self.jpeg, idOrCode: "C000001")
            #expect(try store.image(idOrCode: "1") == CustomerImage(mediaType: "image/jpeg", data: Self.jpeg))
            try store.setImage(Self.png, idOrCode: "1")
            #expect(try store.image(idOrCode: "1")?.mediaType == "image/png")
            #expect(try rowCount(store, "customer_image") == 1)
            #expect(try store.card(idOrCode: "1")?.image?.data == Self.png)
            #expect(try store.cards().first?.image == nil)  // lists leave images out
            #expect(try store.clearImage(idOrCode: "1"))
            #expect(try store.image(idOrCode: "1") == nil)
            #expect(try !store.clearImage(idOrCode: "1"))
        }
    }

    @Test("a file that is not JPEG/PNG, or too large, is refused and changes nothing")
    func refuses() throws {
        try withTemporaryStore { store, _ in
            try store.add(sampleCard("김철수"))
            let before = try store.contentDigest()
            #expect(throws: StoreError.imageNotRecognized(customer: "1")) {
                try store.setImage(Data("GIF89a....".utf8), idOrCode: "1")
            }
            var big = Self.jpeg
            big.append(Data(count: CustomerImage.maxByteCount))
            #expect(throws: StoreError.imageTooLarge(customer: "1", byteCount: big.count)) {
                try store.setImage(big, idOrCode: "1")
            }
            #expect(throws: StoreError.customerNotFound("99")) { try store.setImage(Self.png, idOrCode: "99") }
            #expect(try store.contentDigest() == before)
        }
    }

    @Test("an imported card's image is checked and stored")
    func importedImage() throws {
        try withTemporaryStore { store, _ in
            var card = sampleCard("김철수")
            card.image = CustomerImage(mediaType: "image/jpeg", data: Self.png)
            _ = try store.importCards(sourced([card]), onDuplicate: .skip, dryRun: false, progress: nil)
            #expect(try store.image(idOrCode: "1")?.mediaType == "image/png")
            card.image = CustomerImage(mediaType: "image/png", data: Data("not an image".utf8))
            #expect(throws: StoreError.imageNotRecognized(customer: "customers.csv:2")) {
                try store.importCards(sourced([card]), onDuplicate: .update, dryRun: false, progress: nil)
            }
        }
    }
}
