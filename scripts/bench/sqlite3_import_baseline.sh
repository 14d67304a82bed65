#!/usr/bin/env bash
# The baseline for the import benchmarks: the sqlite3 CLI's `.import` of the same CSV into a
# plain table (no checks, no indexes, one text column per header), timed the same way.
#
#   scripts/bench/sqlite3_import_baseline.sh /tmp/bench/customers.csv [RUNS]
#
# Prints one line per run (wall seconds, peak RSS in MB) and the median wall time.
set -euo pipefail
csv=${1:?usage: $0 FILE.csv [RUNS]}
runs=${2:-5}
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
times=()
for run in $(seq 1 "$runs"); do
    rm -f "$work/plain.sqlite"
    /usr/bin/time -f '%e %M' -o "$work/time" \
        sqlite3 "$work/plain.sqlite" -cmd '.mode csv' ".import '$csv' customer_plain"
    read -r wall rss < "$work/time"
    rows=$(sqlite3 "$work/plain.sqlite" 'SELECT count(*) FROM customer_plain')
    printf 'sqlite3 .import run %d: %s s, peak %d MB, %s rows\n' "$run" "$wall" $((rss / 1024)) "$rows"
    times+=("$wall")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "sqlite3 .import median: $median s over $runs runs"
