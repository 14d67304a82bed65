import Foundation

extension CustomerImage {
    /// The largest image the store keeps: 5 MiB.
    public static let maxByteCount = 5 * 1024 * 1024

    /// `image/jpeg` or `image/png` from the file's magic bytes, or `nil` for anything else.
    ///
    /// JPEG starts `FF D8 FF`; PNG starts `89 50 4E 47 0D 0A 1A 0A`.
    public static func detectMediaType(_ data: Data) -> String? {
        let head = [UInt8](data.prefix(8))
        if head.count >= 3, head[0] == 0xFF, head[1] == 0xD8, head[2] == 0xFF { return "image/jpeg" }
        if head == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return "image/png" }
        return nil
    }

    /// An image checked by size and magic bytes, with the media type the bytes say.
    ///
    /// - Parameter customer: names the customer in the error.
    /// - Throws: ``StoreError/imageTooLarge(customer:byteCount:)``,
    ///   ``StoreError/imageNotRecognized(customer:)``.
    public static func checked(_ data: Data, customer: String) throws -> CustomerImage {
        guard data.count <= maxByteCount else {
            throw StoreError.imageTooLarge(customer: customer, byteCount: data.count)
        }
        guard let type = detectMediaType(data) else { throw StoreError.imageNotRecognized(customer: customer) }
        return CustomerImage(mediaType: type, data: data)
    }

    /// The usual file extension: `jpg` or `png`.
    public var fileExtension: String { mediaType == "image/png" ? "png" : "jpg" }
}
