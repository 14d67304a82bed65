import Anniversaries
import Messaging
import Store

/// Every module's migrations beyond the customer store's own, in the order they run.
/// Every command opens the store with these, so any command migrates a new or older store.
enum StoreSchema {
    static var additionalMigrations: [StoreMigration] {
        MessagingMigrations.all + LabelJobMigrations.all + AnniversaryMigrations.all
    }
}
