# Sourced by mariadb_locks_test.sh (sets drift_failures): `ddlint drift
# --dialect mysql` on its server, as a user that may only SELECT. Uses
# $ddlint, $root, sql, $port, $work and $secret from there.
# testdata/drift/mysql applied to a fresh database shows no drift; a column,
# an index and a CHECK added by hand are exactly the three findings; the
# migration --write-migration writes, added to the history, removes them
# (against that database, and on a fresh database built from the new history).
drift_failures=0
dd="$root/testdata/drift/mysql"
apply_dir() { # database, folder
  sql <<<"CREATE DATABASE $1; GRANT SELECT ON $1.* TO 'dr'@'127.0.0.1', 'dr'@'localhost';" || return 1
  for f in "$2"/*.sql; do sql "$1" <"$f" >"$work/apply.log" 2>&1 || { cat "$work/apply.log"; return 1; }; done
}
sql <<<"CREATE USER 'dr'@'127.0.0.1' IDENTIFIED BY '$secret'; CREATE USER 'dr'@'localhost' IDENTIFIED BY '$secret';" || exit 1
durl="mysql://dr:$secret@127.0.0.1:$port"
apply_dir drift_a "$dd" || exit 1
"$ddlint" drift --dialect mysql --dsn "$durl/drift_a" "$dd" >"$work/drift.out" 2>&1
rc=$?
if [ "$rc" != 0 ] || grep -q 'schema-drift' "$work/drift.out"; then
  echo "FAIL  drift on a fresh replay: exit $rc (expected 0, no finding):"; cat "$work/drift.out"
  drift_failures=$((drift_failures + 1))
fi
sql drift_a <<<"ALTER TABLE users ADD COLUMN nickname VARCHAR(40);
CREATE INDEX users_nickname_idx ON users (nickname);
ALTER TABLE users ADD CONSTRAINT users_nickname_length CHECK (CHAR_LENGTH(nickname) < 40);" || exit 1
"$ddlint" drift --dialect mysql --dsn "$durl/drift_a" --write-migration "$work/004_drift.sql" "$dd" \
  >"$work/drift.out" 2>"$work/drift.err"
rc=$?
want="001_create_users.sql:1:1: error[schema-drift] column \`users.nickname\` exists in the database but not in the migrations
001_create_users.sql:1:1: error[schema-drift] constraint \`users_nickname_length\` on \`users\` exists in the database but not in the migrations
001_create_users.sql:1:1: error[schema-drift] index \`users_nickname_idx\` on \`users\` exists in the database but not in the migrations"
got=$(grep 'schema-drift' "$work/drift.out" | sed 's|^.*/||')
if [ "$rc" != 1 ] || [ "$got" != "$want" ] || grep -q -- "$secret" "$work/drift.out" "$work/drift.err"; then
  echo "FAIL  drift after three changes by hand: exit $rc (expected 1), findings:"; cat "$work/drift.out" "$work/drift.err"
  drift_failures=$((drift_failures + 1))
fi
mkdir "$work/replayed" && cp "$dd"/*.sql "$work/004_drift.sql" "$work/replayed/"
"$ddlint" drift --dialect mysql --dsn "$durl/drift_a" "$work/replayed" >"$work/drift.out" 2>&1
rc=$?
if [ "$rc" != 0 ]; then
  echo "FAIL  drift with the written migration in the history: exit $rc (expected 0):"
  cat "$work/drift.out" "$work/004_drift.sql"; drift_failures=$((drift_failures + 1))
fi
apply_dir drift_b "$work/replayed" || { echo "FAIL  the written migration does not apply:"; cat "$work/004_drift.sql"; exit 1; }
MYSQL_HOST=127.0.0.1 MYSQL_TCP_PORT=$port MYSQL_USER=dr MYSQL_PWD=$secret MYSQL_DATABASE=drift_b \
  "$ddlint" drift --dialect mysql --dsn "" "$work/replayed" >"$work/drift.out" 2>&1
rc=$?
if [ "$rc" != 0 ] || grep -q -- "$secret" "$work/drift.out"; then
  echo "FAIL  drift on a fresh replay with the written migration (MYSQL_* variables): exit $rc (expected 0):"
  cat "$work/drift.out"; drift_failures=$((drift_failures + 1))
fi
for dsn in "mysql://dr:wrong-$secret@127.0.0.1:$port/drift_a" "mysql://dr:$secret@127.0.0.1:1/drift_a"; do
  "$ddlint" drift --dialect mysql --dsn "$dsn" "$dd" >"$work/drift.out" 2>&1
  rc=$?
  if [ "$rc" != 2 ] || grep -q -- "$secret" "$work/drift.out"; then
    echo "FAIL  drift with a bad DSN: exit $rc (expected 2), and the password must not appear:"; cat "$work/drift.out"
    drift_failures=$((drift_failures + 1))
  fi
done
[ "$drift_failures" = 0 ] && echo "drift: none on a fresh replay, exactly the 3 changes made by hand, none after the written migration"
