# Sourced by mariadb_locks_test.sh (sets probe_failures): `ddlint trace` on
# MariaDB, the ALTER probe. Uses $ddlint, $root, sql, $port, $work, $secret,
# $version, $cases_dir and the measurements of every case (ids, setup, stmt,
# m_ok, m_alg, m_lock, m_rebuild) from there.
#   - for every case of testdata/locks/mysql/cases.sql, run against a database
#     holding the fixture, the probe measures what the harness measured (the
#     statement accepted or refused, the cheapest ALGORITHM, the weakest LOCK,
#     the rebuild) and reports no trace-mismatch (the model agrees with the
#     server, as the harness showed);
#   - the user needs only SELECT on the database and every privilege on
#     ddlint_probe_%: the database is left as it was and no scratch database
#     remains;
#   - a lock model told an older server (--mysql-version mariadb-10.2, no
#     instant ADD COLUMN) disagrees: one trace-mismatch at the statement;
#   - statements that name another database (`db.t`, a RENAME into it), USE,
#     CREATE DATABASE, SET GLOBAL and row changes are not run, even for a
#     user who may write everywhere;
#   - a wrong password exits 2 and appears in no output.
probe_failures=0
sql <<<"CREATE DATABASE probe_src;
CREATE USER 'pr'@'127.0.0.1' IDENTIFIED BY '$secret'; CREATE USER 'pr'@'localhost' IDENTIFIED BY '$secret';
GRANT SELECT ON probe_src.* TO 'pr'@'127.0.0.1', 'pr'@'localhost';
GRANT PROCESS ON *.* TO 'pr'@'127.0.0.1', 'pr'@'localhost';
GRANT ALL ON \`ddlint\\_probe\\_%\`.* TO 'pr'@'127.0.0.1', 'pr'@'localhost';" || exit 1
sql probe_src <"$cases_dir/fixture.sql" || exit 1
purl="mysql://pr:$secret@127.0.0.1:$port/probe_src"
shape() {
  sql -e "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT FROM information_schema.COLUMNS
            WHERE TABLE_SCHEMA = 'probe_src' ORDER BY 1, ORDINAL_POSITION;
          SELECT TABLE_NAME, INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
            WHERE TABLE_SCHEMA = 'probe_src' ORDER BY 1, 2, SEQ_IN_INDEX"
}
before=$(shape)
probed=0
for id in "${ids[@]}"; do
  printf '%s\n' "${setup[$id]}" "${stmt[$id]}" >"$work/probe-case.sql"
  "$ddlint" trace --dsn "$purl" --format json "$work/probe-case.sql" >"$work/probe.json" 2>"$work/probe.err"
  rc=$?
  got=$(node -e '
    const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const s = d.statements.filter((x) => x.line === 2 && x.status === "probed")[0];
    if (!s) { console.log("no probed statement on line 2"); process.exit(0); }
    const v = s.server;
    console.log([v.accepted ? "accepted" : "refused", v.algorithm || "none", v.lock || "none",
                 v.rebuild === null ? "?" : String(v.rebuild), d.findings.length].join(" "));
  ' "$work/probe.json" 2>&1)
  want="${m_ok[$id]} ${m_alg[$id]} ${m_lock[$id]} ${m_rebuild[$id]} 0"
  probed=$((probed + 1))
  if [ "$got" != "$want" ] || [ "$rc" != 0 ]; then
    echo "FAIL  trace (probe) $id: ${stmt[$id]}"
    echo "      exit $rc (expected 0); probe: $got; harness: $want"
    cat "$work/probe.err"
    node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
             for (const f of d.findings) console.log("      " + f.line + ":" + f.column + " " + f.message);' \
      "$work/probe.json" 2>/dev/null
    probe_failures=$((probe_failures + 1))
  fi
done
# Statements that could reach the database read (or the server) are not run,
# even for a user who may write everywhere.
sql <<<"CREATE USER 'pw'@'127.0.0.1' IDENTIFIED BY '$secret'; CREATE USER 'pw'@'localhost' IDENTIFIED BY '$secret';
GRANT ALL ON *.* TO 'pw'@'127.0.0.1', 'pw'@'localhost';" || exit 1
cat >"$work/probe-reach.sql" <<'SQL'
CREATE TABLE moved (id INT PRIMARY KEY);
RENAME TABLE moved TO probe_src.moved;
ALTER TABLE moved RENAME TO probe_src.moved2;
ALTER TABLE probe_src.users ADD COLUMN reached INT NULL;
CREATE INDEX reached_idx ON `probe_src` . `users` (kind);
DROP TABLE probe_src.tags;
TRUNCATE TABLE probe_src.orgs;
SET @@global.max_connections = 12;
CREATE DATABASE reached;
USE probe_src;
INSERT INTO orgs (name) VALUES ('reached');
DROP TABLE moved;
SQL
"$ddlint" trace --dsn "mysql://pw:$secret@127.0.0.1:$port/probe_src" --format json "$work/probe-reach.sql" \
  >"$work/probe.json" 2>"$work/probe.err"
rc=$?
got=$(node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(d.statements.map((s) => s.line + ":" + s.status).join(" "));
' "$work/probe.json" 2>&1)
want="1:ran 2:not run 3:not run 4:not run 5:not run 6:not run 7:not run 8:not run 9:not run 10:not run 11:not run 12:ran"
if [ "$rc" != 0 ] || [ "$got" != "$want" ] || [ -n "$(sql -e "SHOW DATABASES LIKE 'reached'")" ] ||
  [ "$(sql -e 'SELECT @@global.max_connections')" = 12 ]; then
  echo "FAIL  trace (probe) ran a statement that names another database or the server: exit $rc"
  echo "      got:      $got"; echo "      expected: $want"; cat "$work/probe.err"
  probe_failures=$((probe_failures + 1))
fi
[ "$(shape)" = "$before" ] ||
  { echo "FAIL  trace (probe) changed the database it read"; probe_failures=$((probe_failures + 1)); }
left=$(sql -e "SHOW DATABASES LIKE 'ddlint\\_probe\\_%'")
[ -z "$left" ] || { echo "FAIL  trace (probe) left scratch databases: $left"; probe_failures=$((probe_failures + 1)); }
# A model told an older server disagrees with this one.
printf '%s\n' "-- the model is told MariaDB 10.2, which has no instant ADD COLUMN" \
  "ALTER TABLE users ADD COLUMN phone VARCHAR(40) NULL;" >"$work/probe-old.sql"
"$ddlint" trace --dsn "$purl" --mysql-version mariadb-10.2 "$work/probe-old.sql" >"$work/probe.out" 2>&1
rc=$?
want="probe-old.sql:2:1: error: \`users\`: the server does not do what the lock model predicts: ALGORITHM: server INSTANT, model INPLACE; rebuild: server no, model yes [trace-mismatch]"
got=$(grep 'trace-mismatch' "$work/probe.out" | sed 's|^.*/||')
if [ "$rc" != 1 ] || [ "$got" != "$want" ] || grep -q -- "$secret" "$work/probe.out"; then
  echo "FAIL  trace (probe) against an older model: exit $rc (expected 1), got:"; cat "$work/probe.out"
  echo "      expected: $want"
  probe_failures=$((probe_failures + 1))
fi
"$ddlint" trace --dsn "mysql://pr:wrong-$secret@127.0.0.1:$port/probe_src" "$work/probe-old.sql" >"$work/probe.out" 2>&1
rc=$?
if [ "$rc" != 2 ] || grep -q -- "$secret" "$work/probe.out"; then
  echo "FAIL  trace (probe) with a wrong password: exit $rc (expected 2), and the password must not appear:"
  cat "$work/probe.out"
  probe_failures=$((probe_failures + 1))
fi
[ "$probe_failures" = 0 ] &&
  echo "trace (probe): $probed cases measured as the harness measured them, no mismatch; the database read is unchanged; an older model's mismatch found; passwords redacted"
