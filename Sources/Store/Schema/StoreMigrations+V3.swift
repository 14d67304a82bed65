import GRDB

extension StoreMigrations {
    /// `v3-lean-customer-indexes`: the customer indexes that pay for what they cost.
    ///
    /// - `customer_on_group` and `customer_on_grade` are dropped. A shop has a handful of groups
    ///   and grades, so each value covers a large share of the customers: SQLite reads them
    ///   through such an index no faster than it scans the table, while every insert and every
    ///   large import's index rebuild paid for both (about 0.12 s of a 100,000-customer import).
    ///   Filters, campaign audiences and the category-in-use count scan instead.
    /// - `customer_on_wedding` holds only the customers who have a wedding anniversary. The
    ///   anniversary planner's terms (`wedding_month = ? AND wedding_day = ?`) imply
    ///   `wedding_month IS NOT NULL`, so they still use it.
    static let v3LeanCustomerIndexes = StoreMigration("v3-lean-customer-indexes") { db in
        try db.execute(sql: """
            DROP INDEX customer_on_group;
            DROP INDEX customer_on_grade;
            DROP INDEX customer_on_wedding;
            CREATE INDEX customer_on_wedding ON customer(wedding_month, wedding_day)
                WHERE wedding_month IS NOT NULL;
            """)
    }
}
