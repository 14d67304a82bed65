#!/usr/bin/env bash
# Baseline for the campaign-creation benchmark: the sqlite3 CLI builds the same customers as
# Benchmarks/Campaign/CampaignBenchmarks.swift, then inserts one message row per customer
# (rendered by string concatenation in SQL, same table and indexes as messaging-v1-outbox) in
# one transaction. Prints the median of RUNS timings per size, in seconds.
#
#   scripts/bench/campaign_sqlite3_baseline.sh [SIZE…]      (default: 100000 1000000)
#   RUNS=5 scripts/bench/campaign_sqlite3_baseline.sh 100000
#   scripts/bench/campaign_sqlite3_baseline.sh --customers-sql 100000   (the customers' SQL only)
#
# Needs: sqlite3 (Debian package sqlite3), python3 for the median.
set -euo pipefail

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100000 1000000)
runs=${RUNS:-3}

schema() {
cat <<'SQL'
PRAGMA journal_mode = WAL;
PRAGMA foreign_keys = ON;
CREATE TABLE customer_group (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE customer_grade (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE customer (
    id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT UNIQUE, name TEXT NOT NULL, nickname TEXT, mobile TEXT,
    group_id INTEGER REFERENCES customer_group(id), grade_id INTEGER REFERENCES customer_grade(id),
    work_company TEXT, ad_consent_date TEXT, night_consent_date TEXT, opted_out_date TEXT);
CREATE INDEX customer_on_mobile ON customer(mobile);
CREATE TABLE campaign (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);
CREATE TABLE message (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES campaign(id) ON DELETE CASCADE,
    customer_id INTEGER, phone TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('SMS', 'LMS')), subject TEXT, text TEXT NOT NULL, bytes INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'accepted',
        'delivered', 'failed', 'held', 'blocked', 'unknown', 'cancelled')),
    not_before TEXT NOT NULL, quiet_hours INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_until TEXT,
    attempts INTEGER NOT NULL DEFAULT 0, gateway TEXT, gateway_message_id TEXT, last_code TEXT, last_reason TEXT,
    retryable INTEGER NOT NULL DEFAULT 0, updated_at TEXT,
    UNIQUE (campaign_id, phone));
CREATE INDEX message_on_state ON message(state, not_before);
CREATE INDEX message_on_campaign_state ON message(campaign_id, state);
SQL
}

# The benchmark's customers (also what `--customers-sql SIZE` prints for CampaignBenchmarks):
# 5 groups, 3 grades; 2 % without a mobile, 1 % sharing the previous customer's mobile, 2 %
# opted out, 70 % with ad consent.
customers() {
cat <<SQL
INSERT INTO customer_group (name) VALUES ('VIP'), ('단골'), ('신규'), ('거래처'), ('지인');
INSERT INTO customer_grade (name) VALUES ('A'), ('B'), ('C');
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $1)
INSERT INTO customer (code, name, mobile, group_id, grade_id, work_company, ad_consent_date, opted_out_date)
SELECT printf('C%07d', i),
    substr('김이박최정강조윤장임', i % 10 + 1, 1) || substr('민서지현수영준호은하', i / 10 % 10 + 1, 1)
        || substr('우연진아원희석빈경숙', i / 100 % 10 + 1, 1),
    CASE WHEN i % 50 = 0 THEN NULL WHEN i % 100 = 1 THEN printf('010%08d', i - 1) ELSE printf('010%08d', i) END,
    i % 5 + 1, i % 3 + 1, '김비서상사',
    CASE WHEN i % 10 < 7 THEN '2026-01-15' END,
    CASE WHEN i % 50 = 7 THEN '2026-02-01' END
FROM seq;
SQL
}

# The campaign: every customer with a mobile and no opt-out, one row per phone, text rendered in SQL.
campaign() {
cat <<'SQL'
BEGIN IMMEDIATE;
INSERT INTO campaign (name) VALUES ('baseline');
INSERT OR IGNORE INTO message (campaign_id, customer_id, phone, type, text, bytes, state, not_before)
SELECT last_insert_rowid(), id, mobile, 'SMS',
    name || '님, 안녕하세요. 김비서상사입니다. 이번 주 신상품 소식을 전해 드립니다.', 78, 'pending',
    strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM customer WHERE mobile IS NOT NULL AND opted_out_date IS NULL ORDER BY id;
COMMIT;
SQL
}

if [ "${1:-}" = "--customers-sql" ]; then
    customers "${2:?--customers-sql needs a size}"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in "${sizes[@]}"; do
    times=()
    for run in $(seq "$runs"); do
        db="$work/baseline-$size-$run.sqlite"
        { schema; customers "$size"; } | sqlite3 "$db"
        start=$(date +%s.%N)
        campaign | sqlite3 -cmd '.timeout 5000' "$db"
        end=$(date +%s.%N)
        times+=("$(python3 -c "print(f'{$end - $start:.3f}')")")
        rows=$(sqlite3 "$db" "SELECT COUNT(*) FROM message")
        rm -f "$db" "$db-wal" "$db-shm"
    done
    median=$(python3 -c "import statistics,sys; print(f'{statistics.median(map(float, sys.argv[1:])):.3f}')" "${times[@]}")
    echo "sqlite3 baseline: $size customers → $rows messages in one transaction: median ${median} s (runs: ${times[*]})"
done
