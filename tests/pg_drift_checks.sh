# Sourced by pg_locks_test.sh (sets drift_rc): `ddlint drift` on its server.
# Uses $bin, $root, $psql, $url, $port, $work and $secret from there.
# `ddlint drift`: testdata/drift/postgres applied to a fresh database shows no
# drift; a column, an index and a constraint added by hand are exactly the
# three findings; the migration --write-migration writes, added to the
# history, removes them (against that database, and replayed on a fresh one).
drift_rc=0
dd="$root/testdata/drift/postgres"
apply_dir() { # database, folder
  "${psql[@]}" -c "CREATE DATABASE $1" >/dev/null || return 1
  for f in "$2"/*.sql; do "${psql[@]}" -d "$1" -f "$f" >"$work/apply.log" 2>&1 || { cat "$work/apply.log"; return 1; }; done
}
apply_dir drift_a "$dd" || exit 1
"$bin" drift --dsn "$url/drift_a" "$dd" >"$work/drift.out" 2>&1
rc=$?
[ "$rc" = 0 ] && ! grep -q 'schema-drift' "$work/drift.out" ||
  { echo "drift on a fresh replay: exit $rc (expected 0, no finding):"; cat "$work/drift.out"; drift_rc=1; }
"${psql[@]}" -d drift_a -c "ALTER TABLE users ADD COLUMN nickname text" \
  -c "CREATE INDEX users_nickname_idx ON users (nickname)" \
  -c "ALTER TABLE users ADD CONSTRAINT users_nickname_length CHECK (length(nickname) < 40) NOT VALID" >/dev/null || exit 1
"$bin" drift --dsn "$url/drift_a" --write-migration "$work/004_drift.sql" "$dd" >"$work/drift.out" 2>"$work/drift.err"
rc=$?
want="001_create_users.sql:3:1: error[schema-drift] column \`users.nickname\` exists in the database but not in the migrations
001_create_users.sql:3:1: error[schema-drift] constraint \`users_nickname_length\` on \`users\` exists in the database but not in the migrations
001_create_users.sql:3:1: error[schema-drift] index \`users_nickname_idx\` on \`users\` exists in the database but not in the migrations"
got=$(grep 'schema-drift' "$work/drift.out" | sed 's|^.*/||')
if [ "$rc" != 1 ] || [ "$got" != "$want" ]; then
  echo "drift after three changes by hand: exit $rc (expected 1), findings:"; cat "$work/drift.out" "$work/drift.err"; drift_rc=1
fi
"$bin" drift --format sarif --dsn "$url/drift_a" "$dd" >"$work/drift.sarif" 2>/dev/null
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0];
  if (r.results.length !== 3 || r.tool.driver.rules.every((x) => x.id !== "schema-drift")) process.exit(1)' \
  "$work/drift.sarif" || { echo "drift --format sarif: expected 3 results and the rule's metadata"; drift_rc=1; }
mkdir "$work/replayed" && cp "$dd"/*.sql "$work/004_drift.sql" "$work/replayed/"
"$bin" drift --dsn "$url/drift_a" "$work/replayed" >"$work/drift.out" 2>&1
rc=$?
[ "$rc" = 0 ] || { echo "drift with the written migration in the history: exit $rc (expected 0):"; cat "$work/drift.out" "$work/004_drift.sql"; drift_rc=1; }
apply_dir drift_b "$work/replayed" || { echo "the written migration does not apply:"; cat "$work/004_drift.sql"; exit 1; }
PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=drift_b "$bin" drift --dsn "" "$work/replayed" >"$work/drift.out" 2>&1
rc=$?
[ "$rc" = 0 ] || { echo "drift on a fresh replay with the written migration (PG* environment): exit $rc (expected 0):"; cat "$work/drift.out"; drift_rc=1; }
# No password in any output.
for dsn in "postgresql://postgres:$secret@127.0.0.1:1/x" "postgresql://postgres:$secret@127.0.0.1:$port/nosuchdb"; do
  "$bin" drift --dsn "$dsn" "$dd" >"$work/drift.out" 2>&1
  rc=$?
  if [ "$rc" != 2 ] || grep -q -- "$secret" "$work/drift.out"; then
    echo "drift --dsn with a wrong password or database: exit $rc (expected 2), the password must not appear:"
    cat "$work/drift.out"; drift_rc=1
  fi
done
[ "$drift_rc" = 0 ] && echo "drift: none on a fresh replay, exactly the 3 changes made by hand, none after the written migration"
