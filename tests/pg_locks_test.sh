#!/usr/bin/env bash
# Checks ddlint's PostgreSQL lock model against a real server.
#
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 (server binaries from
# Debian's postgresql package), creates testdata/locks/postgres/fixture.sql,
# then runs every statement of cases.sql alone inside BEGIN ... ROLLBACK and
# reads pg_locks: the strongest lock the server holds on each fixture table
# must be the mode `ddlint locks` predicts, a table ddlint says nothing
# about must not be locked in a mode that blocks reads or writes, and a table
# gets a new heap file (pg_relation_filenode) exactly when ddlint says the
# statement rewrites it. Then checks that every query `ddlint preflight`
# prints for testdata/cli/preflight/migration.sql runs read-only on that server
# and counts the seeded rows in the way (testdata/preflight/postgres), and
# runs `ddlint trace` (tests/pg_trace_checks.sh).
#
# Exit 77 (ctest: skipped) with a message when no server can be started.
set -u
bin=$1
root=$2
cases_dir="$root/testdata/locks/postgres"

skip() { echo "skipped: $*"; exit 77; }

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || skip "PostgreSQL server binaries not found (apt-get install postgresql)"
command -v node >/dev/null 2>&1 || skip "node not found (needed to compare the lock plans)"

as_pg=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: use the postgres system user.
  id postgres >/dev/null 2>&1 || skip "running as root and there is no postgres user to own the cluster"
  command -v runuser >/dev/null 2>&1 || skip "running as root without runuser"
  as_pg=(runuser -u postgres --)
fi

work=$(mktemp -d)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown postgres "$work"
data="$work/data"
cleanup() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

"${as_pg[@]}" "$pgbin/initdb" -D "$data" -A trust -U postgres --no-sync >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log"; skip "initdb failed"; }

port=
for _ in 1 2 3 4 5; do
  p=$((20000 + RANDOM % 30000))
  if "${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -w -t 30 -l "$work/server.log" \
      -o "-c listen_addresses=127.0.0.1 -p $p -k $work -c fsync=off -c full_page_writes=off" start >/dev/null 2>&1; then
    port=$p
    break
  fi
done
[ -n "$port" ] || { tail -n 20 "$work/server.log" 2>/dev/null; skip "could not start PostgreSQL on 127.0.0.1"; }

psql=("$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
"${psql[@]}" -f "$cases_dir/fixture.sql" >"$work/fixture.log" 2>&1 || { cat "$work/fixture.log"; exit 1; }
major=$("${psql[@]}" -At -c "SELECT current_setting('server_version_num')::int / 10000")
echo "PostgreSQL $major on 127.0.0.1:$port"

"$bin" locks --format json --pg-version "$major" "$cases_dir/cases.sql" >"$work/plan.json" || exit 1

PSQL="${psql[*]}" node "$root/tests/pg_locks_compare.js" "$work/plan.json"
locks_rc=$?

# `ddlint preflight`: every query it prints runs on the real server inside a
# READ ONLY transaction, finds exactly the seeded rows that would make each
# change fail (testdata/preflight/postgres/dirty.sql, expected.txt), and
# finds none on rows every change accepts (clean.sql).
pf="$root/testdata/preflight/postgres"
"$bin" preflight --format json "$root/testdata/cli/preflight/migration.sql" >"$work/preflight.json" 2>/dev/null ||
  { echo "ddlint preflight failed"; exit 1; }
node -e 'for (const c of JSON.parse(require("fs").readFileSync(process.argv[1])).checks)
           console.log(`${c.line}:${c.column}\t${c.count_sql}\t${c.sample_sql}`)' "$work/preflight.json" >"$work/checks.tsv"
preflight_rc=0
for db in dirty clean; do
  "${psql[@]}" -c "CREATE DATABASE preflight_$db" >/dev/null || exit 1
  db_psql=("$pgbin/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "preflight_$db")
  "${db_psql[@]}" -f "$pf/$db.sql" >"$work/seed.log" 2>&1 || { cat "$work/seed.log"; exit 1; }
  grep -v '^#' "$pf/expected.txt" >"$work/expected.txt"
  exec 3<"$work/expected.txt"
  while IFS=$'\t' read -r at count_sql sample_sql; do
    read -r want_at want_count <&3
    [ "$db" = clean ] && want_count=0
    got=$(printf 'BEGIN READ ONLY;\n%s\nCOMMIT;\n' "$count_sql" | "${db_psql[@]}" 2>&1)
    if [ "$at" != "$want_at" ] || [ "$got" != "$want_count" ]; then
      echo "preflight $db $at (expected $want_at): \`$count_sql\` gave \`$got\`, expected $want_count"
      preflight_rc=1
    fi
    printf 'BEGIN READ ONLY;\n%s\nCOMMIT;\n' "$sample_sql" | "${db_psql[@]}" >/dev/null 2>"$work/sample.err" ||
      { echo "preflight $db $at: \`$sample_sql\` failed: $(cat "$work/sample.err")"; preflight_rc=1; }
  done <"$work/checks.tsv"
  read -r extra <&3 && { echo "preflight: expected.txt lists more checks than ddlint printed ($extra)"; preflight_rc=1; }
  exec 3<&-
done
# The enum change (lines 12-13 of the migration) itself fails on the seeded
# rows and passes on the clean ones (rolled back either way).
enum_change=$(sed -n '12,13p' "$root/testdata/cli/preflight/migration.sql")
for db in dirty clean; do
  out=$(printf 'BEGIN;\n%s\nROLLBACK;\n' "$enum_change" |
    "$pgbin/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "preflight_$db" 2>&1)
  rc=$?
  if { [ "$db" = dirty ] && [ "$rc" = 0 ]; } || { [ "$db" = clean ] && [ "$rc" != 0 ]; }; then
    echo "preflight $db: the enum change gave exit $rc: $out"; preflight_rc=1
  fi
done
[ "$preflight_rc" = 0 ] && echo "preflight: $(wc -l <"$work/checks.tsv") queries checked on seeded and clean rows"

# `ddlint preflight --dsn`: the same checks run by ddlint itself.
url="postgresql://postgres@127.0.0.1:$port"
migration="$root/testdata/cli/preflight/migration.sql"
"$bin" preflight --dsn "$url/preflight_dirty" "$migration" >"$work/live.out" 2>&1
live_rc=$?
violations=$(grep -c 'error\[preflight-violation\]' "$work/live.out")
if [ "$live_rc" != 1 ] || [ "$violations" != "$(grep -cv '^#' "$pf/expected.txt")" ]; then
  echo "preflight --dsn on seeded rows: exit $live_rc (expected 1), $violations violations:"; cat "$work/live.out"; preflight_rc=1
fi
"$bin" preflight --dsn "host=127.0.0.1 port=$port user=postgres dbname=preflight_clean" "$migration" >"$work/live.out" 2>&1
live_rc=$?
if [ "$live_rc" != 0 ] || grep -q 'preflight-violation' "$work/live.out"; then
  echo "preflight --dsn on clean rows: exit $live_rc (expected 0):"; cat "$work/live.out"; preflight_rc=1
fi
# Read only: a query that would write fails.
"$bin" preflight --dsn "$url/preflight_dirty" "$pf/write.sql" >"$work/live.out" 2>&1
live_rc=$?
if [ "$live_rc" != 2 ] || ! grep -q 'read-only transaction' "$work/live.out"; then
  echo "preflight --dsn with a writing query: exit $live_rc (expected 2, refused in the read-only transaction):"
  cat "$work/live.out"; preflight_rc=1
fi
# No password in any output: a URL, a key=value string and PGPASSWORD, to a
# port nothing listens on and to the server with a wrong database.
secret="s3cr3t-Pw-$RANDOM"
for dsn in "postgresql://postgres:$secret@127.0.0.1:1/x" "postgresql://postgres@127.0.0.1:1/x?password=$secret" \
           "host=127.0.0.1 port=1 user=postgres password=$secret" "postgresql://postgres:$secret@127.0.0.1:$port/nosuchdb"; do
  PGPASSWORD=$secret "$bin" preflight --dsn "$dsn" "$migration" >"$work/live.out" 2>&1
  live_rc=$?
  if [ "$live_rc" != 2 ] || grep -q -- "$secret" "$work/live.out"; then
    echo "preflight --dsn with a password: exit $live_rc (expected 2) and the password must not appear:"
    cat "$work/live.out"; preflight_rc=1
  fi
done
[ "$preflight_rc" = 0 ] && echo "preflight --dsn: violations on seeded rows, none on clean rows, read-only, passwords redacted"

# `ddlint stats`: rows and bytes per table (ANALYZEd: the estimate; never
# analysed: counted), with --dsn and with the PG* environment alone.
"${psql[@]}" -d preflight_dirty -c "ANALYZE users" >/dev/null || exit 1
PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=preflight_dirty "$bin" stats >"$work/stats-env.json" 2>&1 ||
  { echo "ddlint stats (PG* environment) failed:"; cat "$work/stats-env.json"; preflight_rc=1; }
"$bin" stats --dsn "$url/preflight_dirty" >"$work/stats.json" 2>"$work/stats.err" ||
  { echo "ddlint stats --dsn failed:"; cat "$work/stats.err"; preflight_rc=1; }
cmp -s "$work/stats.json" "$work/stats-env.json" || { echo "ddlint stats: --dsn and PG* gave different files"; preflight_rc=1; }
node -e '
  const t = JSON.parse(require("fs").readFileSync(process.argv[1])).tables;
  const got = t.map((x) => `${x.schema}.${x.name}=${x.rows}/${x.rows_from}/${x.bytes > 0}`).join(" ");
  const want = "public.Orders=2/count/true public.orders=5/count/true public.tickets=5/count/true public.users=6/estimate/true";
  if (got !== want) { console.log(`ddlint stats: ${got}, expected ${want}`); process.exit(1); }
  console.log(`stats: ${got}`);' "$work/stats.json" || preflight_rc=1
# `ddlint trace` (sets trace_rc).
. "$root/tests/pg_trace_checks.sh"
# `ddlint drift` (sets drift_rc).
. "$root/tests/pg_drift_checks.sh"
[ "$locks_rc" = 0 ] && [ "$preflight_rc" = 0 ] && [ "$trace_rc" = 0 ] && [ "$drift_rc" = 0 ]
