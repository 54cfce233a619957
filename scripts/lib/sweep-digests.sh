# Sourced by the sweep checks. digests DB: one line per planned run, "index status digest",
# from a merged sweep database; fails unless every planned run is there exactly once.
digests() {
  local db=$1
  local planned rows
  planned=$(sqlite3 "$db" "SELECT plannedRuns FROM sweep")
  rows=$(sqlite3 "$db" "SELECT COUNT(DISTINCT runIndex) || ' ' || COUNT(*) FROM sweepRun")
  [ "$rows" = "$planned $planned" ] || { echo "sweep check: $db has sweepRun rows '$rows' for $planned planned runs" >&2; return 1; }
  [ "$(sqlite3 "$db" "SELECT COUNT(*) FROM run")" = "$(sqlite3 "$db" "SELECT COUNT(*) FROM sweepRun WHERE runId IS NOT NULL")" ] \
    || { echo "sweep check: $db holds runs no sweepRun names (a duplicate)" >&2; return 1; }
  sqlite3 "$db" "SELECT s.runIndex, s.status, json_extract(r.summaryJSON, '$.stateDigest')
                 FROM sweepRun s LEFT JOIN run r ON r.id = s.runId ORDER BY s.runIndex"
}
