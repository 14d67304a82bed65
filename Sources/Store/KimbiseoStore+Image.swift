import Foundation
import GRDB

extension KimbiseoStore {
    /// Stores the customer's one image (replacing any), after checking size and magic bytes.
    /// Returns the stored image with the media type the bytes say.
    ///
    /// - Throws: ``StoreError/customerNotFound(_:)``, ``StoreError/imageTooLarge(customer:byteCount:)``,
    ///   ``StoreError/imageNotRecognized(customer:)``.
    @discardableResult
    public func setImage(_ data: Data, idOrCode key: String) throws -> CustomerImage {
        let id = try requireCustomerID(idOrCode: key)
        let image = try CustomerImage.checked(data, customer: key)
        try pool.write { db in
            try CardWriter(db: db, createsMissingCategories: false).writeImage(image, id: id)
        }
        return image
    }

    /// The customer's image, or `nil` when none.
    public func image(idOrCode key: String) throws -> CustomerImage? {
        let id = try requireCustomerID(idOrCode: key)
        return try pool.read { db in
            try Row.fetchOne(db, sql: "SELECT media_type, bytes FROM customer_image WHERE customer_id = ?", arguments: [id])
                .map { CustomerImage(mediaType: $0[0], data: $0[1]) }
        }
    }

    /// Removes the customer's image; returns whether there was one.
    @discardableResult
    public func clearImage(idOrCode key: String) throws -> Bool {
        let id = try requireCustomerID(idOrCode: key)
        return try pool.write { db in
            try db.execute(sql: "DELETE FROM customer_image WHERE customer_id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }
}
