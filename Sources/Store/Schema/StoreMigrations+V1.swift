import GRDB

extension StoreMigrations {
    /// `v1-customers`: customers with their groups, grades, family, schools, assets, image and
    /// consent marks.
    ///
    /// Conventions: phones are digits; money is integer won; instants are UTC ISO 8601 text
    /// (`2026-11-28T23:40:00.000Z`); consent dates are `YYYY-MM-DD` (Asia/Seoul); calendars are
    /// `solar | lunar | lunar-leap`. Dependent rows cascade on customer delete, so a bulk delete
    /// leaves no orphans. A customer inserted without a code (e.g. by the `sqlite3` CLI) gets the
    /// next `C000123`-style code from a trigger (never below its row id, so codes of deleted
    /// customers are not handed out again).
    static let v1Customers = StoreMigration("v1-customers") { db in
        try db.execute(sql: """
            CREATE TABLE customer_group (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE CHECK (name <> ''),
                position INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            CREATE TABLE customer_grade (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE CHECK (name <> ''),
                position INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            CREATE TABLE customer (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                code TEXT UNIQUE,
                name TEXT NOT NULL CHECK (name <> ''),
                nickname TEXT,
                gender TEXT CHECK (gender IN ('남', '여')),
                vip INTEGER NOT NULL DEFAULT 0 CHECK (vip IN (0, 1)),
                mobile TEXT,
                email TEXT,
                memo TEXT,
                group_id INTEGER REFERENCES customer_group(id),
                grade_id INTEGER REFERENCES customer_grade(id),
                birthday_calendar TEXT CHECK (birthday_calendar IN ('solar', 'lunar', 'lunar-leap')),
                birthday_year INTEGER,
                birthday_month INTEGER CHECK (birthday_month BETWEEN 1 AND 12),
                birthday_day INTEGER CHECK (birthday_day BETWEEN 1 AND 31),
                wedding_calendar TEXT CHECK (wedding_calendar IN ('solar', 'lunar', 'lunar-leap')),
                wedding_year INTEGER,
                wedding_month INTEGER CHECK (wedding_month BETWEEN 1 AND 12),
                wedding_day INTEGER CHECK (wedding_day BETWEEN 1 AND 31),
                work_company TEXT,
                work_department TEXT,
                work_position TEXT,
                work_rank TEXT,
                work_phone TEXT,
                work_fax TEXT,
                work_postcode TEXT,
                work_address TEXT,
                work_address_detail TEXT,
                home_phone TEXT,
                home_postcode TEXT,
                home_address TEXT,
                home_address_detail TEXT,
                anniversary_texts_enabled INTEGER NOT NULL DEFAULT 1,
                ad_consent_date TEXT,
                ad_consent_source TEXT,
                night_consent_date TEXT,
                night_consent_source TEXT,
                opted_out_date TEXT,
                opted_out_source TEXT,
                created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            CREATE INDEX customer_on_mobile ON customer(mobile);
            CREATE INDEX customer_on_name ON customer(name);
            CREATE INDEX customer_on_group ON customer(group_id);
            CREATE INDEX customer_on_grade ON customer(grade_id);
            CREATE INDEX customer_on_birthday ON customer(birthday_month, birthday_day);
            CREATE INDEX customer_on_wedding ON customer(wedding_month, wedding_day);
            CREATE TRIGGER customer_code_default AFTER INSERT ON customer
            WHEN NEW.code IS NULL BEGIN
                UPDATE customer SET code = (
                    SELECT printf('C%06d', MAX(COALESCE(MAX(CAST(substr(code, 2) AS INTEGER)), 0) + 1, NEW.id))
                    FROM customer WHERE code GLOB 'C[0-9]*' AND id <> NEW.id
                ) WHERE id = NEW.id;
            END;

            CREATE TABLE family_member (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                relation TEXT NOT NULL,
                name TEXT NOT NULL,
                birthday_calendar TEXT CHECK (birthday_calendar IN ('solar', 'lunar', 'lunar-leap')),
                birthday_year INTEGER,
                birthday_month INTEGER,
                birthday_day INTEGER,
                phone TEXT
            );
            CREATE INDEX family_member_on_customer ON family_member(customer_id, position);
            CREATE INDEX family_member_on_birthday ON family_member(birthday_month, birthday_day);

            CREATE TABLE school (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                school TEXT NOT NULL,
                major TEXT,
                year INTEGER
            );
            CREATE INDEX school_on_customer ON school(customer_id, position);

            CREATE TABLE asset (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                description TEXT,
                amount INTEGER
            );
            CREATE INDEX asset_on_customer ON asset(customer_id, position);

            CREATE TABLE customer_image (
                customer_id INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
                media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
                bytes BLOB NOT NULL,
                byte_count INTEGER NOT NULL CHECK (byte_count <= 5242880),
                updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
            );
            """)
    }
}
