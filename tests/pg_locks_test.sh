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
# statement rewrites it.
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
