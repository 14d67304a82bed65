import GRDB
import Store

/// The `label_job` table: label prints requested by other programs through the store.
///
/// A program inserts a row with `state = 'new'`; `kimbiseo serve` notices the write within a
/// second, renders the PDF into `labels.output_dir`, and fills in the result columns. See
/// `docs/label-jobs.md` for the columns and an example.
enum LabelJobMigrations {
    static let all: [StoreMigration] = [v1]

    static let v1 = StoreMigration("labels-v1-jobs") { db in
        try db.execute(sql: """
            CREATE TABLE label_job (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                -- selection: all_customers = 1, or groups / grades / customers (JSON array or comma-separated)
                all_customers INTEGER NOT NULL DEFAULT 0,
                groups TEXT,
                grades TEXT,
                customers TEXT,
                sheet TEXT NOT NULL,
                address TEXT NOT NULL DEFAULT 'auto' CHECK (address IN ('home', 'work', 'auto')),
                honorific TEXT NOT NULL DEFAULT '님',
                sort TEXT NOT NULL DEFAULT 'postcode' CHECK (sort IN ('postcode', 'name', 'none')),
                start_at INTEGER NOT NULL DEFAULT 1,
                offset_x REAL NOT NULL DEFAULT 0,
                offset_y REAL NOT NULL DEFAULT 0,
                outline INTEGER NOT NULL DEFAULT 0,
                -- file name inside labels.output_dir; default job-<id>.pdf
                output_name TEXT,
                requested_by TEXT,
                requested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
                -- new → running → done | failed
                state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'running', 'done', 'failed')),
                output_path TEXT,
                selected INTEGER,
                labels INTEGER,
                pages INTEGER,
                -- JSON array of {key, name, reason} for customers not printed
                skipped TEXT,
                error TEXT,
                started_at TEXT,
                finished_at TEXT
            );
            CREATE INDEX label_job_state ON label_job(state, id);
            """)
    }
}
