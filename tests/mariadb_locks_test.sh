#!/usr/bin/env bash
# Checks ddlint's MySQL/MariaDB lock model against a real MariaDB server.
#
#   mariadb_locks_test.sh DDLINT PROBE ROOT
#
# Starts a throw-away MariaDB server (Debian's mariadb-server package) as the
# current user, or as the mysql system user when run as root, with a temporary
# datadir (in /dev/shm when it exists), listening on 127.0.0.1 at a random port
# and on a socket in the temporary directory. For each case of
# testdata/locks/mysql/cases.sql it measures what the server really does with
# the case's last statement, on a fresh copy of testdata/locks/mysql/fixture.sql
# for every attempt (DDL commits implicitly, so nothing can be rolled back):
#   statement  whether the server takes the statement as written (ALTER ONLINE
#              TABLE is refused when the operation cannot run with LOCK=NONE)
#   algorithm  the cheapest of ALGORITHM=INSTANT, NOCOPY, INPLACE, COPY accepted
#              (MariaDB reads ALGORITHM=X as "X or better", so this is the one
#              picked when no ALGORITHM is given; see below for a quirk)
#   lock       the first of LOCK=NONE, SHARED, EXCLUSIVE accepted
#   rebuild    whether the statement gives the table (or its first partition)
#              a new InnoDB table id (information_schema.INNODB_SYS_TABLES); a
#              table InnoDB does not hold (MyISAM) is rebuilt iff it is copied
# The server is measured once; the measurements are then compared with the
# model three ways, and every case must match in each:
#   probe   PROBE (tests/mysql_lock_probe.cpp) builds the IR of most cases by
#           hand with exact table info: the model without the MySQL parser
#   locks   `ddlint locks --dialect mysql --format json` on the fixture followed
#           by the case: every case, through the front-end and the schema model
#   check   `ddlint check` on each case (the fixture as the first migration,
#           the case as the second): the online-DDL rules' findings against
#           the measurements (see "The CLI path" below)
# The model's target is set from SELECT VERSION().
#
# Exit 77 (ctest: skipped) with a message when no server can be started.
set -u
ddlint=$1
probe=$2
root=$3
cases_dir="$root/testdata/locks/mysql"

skip() { echo "skipped: $*"; exit 77; }

PATH="$PATH:/usr/sbin:/usr/local/sbin"
mariadbd=$(command -v mariadbd || command -v mysqld || true)
install_db=$(command -v mariadb-install-db || command -v mysql_install_db || true)
client=$(command -v mariadb || command -v mysql || true)
[ -n "$mariadbd" ] && [ -n "$install_db" ] && [ -n "$client" ] ||
  skip "MariaDB server not found (apt-get install mariadb-server)"
[ -x "$ddlint" ] || skip "$ddlint not built"
[ -x "$probe" ] || skip "$probe not built"
command -v node >/dev/null 2>&1 || skip "node not found (needed to read the lock plan)"

as_my=()
if [ "$(id -u)" = 0 ]; then
  # mariadbd refuses to run as root: use the mysql system user.
  id mysql >/dev/null 2>&1 || skip "running as root and there is no mysql user to own the server"
  command -v runuser >/dev/null 2>&1 || skip "running as root without runuser"
  as_my=(runuser -u mysql --)
fi

# The datadir in memory when possible: every attempt recreates the fixture,
# and on a disk that is most of the run time.
work=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
chmod 755 "$work"
[ "$(id -u)" = 0 ] && chown mysql "$work"
data="$work/data"
sock="$work/mariadb.sock"
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

"${as_my[@]}" "$install_db" --no-defaults --datadir="$data" --auth-root-authentication-method=normal \
  --skip-test-db >"$work/install.log" 2>&1 || { tail -n 20 "$work/install.log"; skip "mariadb-install-db failed"; }

port=
for _ in 1 2 3 4 5; do
  p=$((20000 + RANDOM % 30000))
  "${as_my[@]}" "$mariadbd" --no-defaults --datadir="$data" --socket="$sock" --pid-file="$work/mariadbd.pid" \
    --skip-networking=0 --bind-address=127.0.0.1 --port="$p" --log-error="$work/server.log" \
    --innodb-buffer-pool-size=32M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    --skip-log-bin --character-set-server=utf8mb4 >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    kill -0 "$server_pid" 2>/dev/null || break
    "$client" --no-defaults -S "$sock" -u root -e 'SELECT 1' >/dev/null 2>&1 && { port=$p; break; }
    sleep 0.2
  done
  [ -n "$port" ] && break
  kill "$server_pid" 2>/dev/null
  wait "$server_pid" 2>/dev/null
  server_pid=
done
[ -n "$port" ] || { tail -n 20 "$work/server.log" 2>/dev/null; skip "could not start MariaDB on 127.0.0.1"; }

sql() { "$client" --no-defaults -S "$sock" -u root -N -B "$@"; }
version=$(sql -e 'SELECT VERSION()')
echo "server $version on 127.0.0.1:$port"

fresh_sql="DROP DATABASE IF EXISTS lk; CREATE DATABASE lk; USE lk;
$(cat "$cases_dir/fixture.sql")"
# Whether database lk holds the fixture untouched: a statement the server
# refuses changes nothing (MariaDB's DDL is atomic), so after a refused attempt
# without setup statements the next one needs no reload.
clean=0
reload() {
  sql <<<"$fresh_sql" >"$work/fixture.log" 2>&1 || { cat "$work/fixture.log"; echo "FAIL fixture.sql"; exit 1; }
  clean=1
}
reload  # once on its own, so a broken fixture is named as such
# Cases: id, setup statements, measured statement (one statement per line).
ids=()
declare -A setup stmt line_of
cur=
n=0
while IFS= read -r line; do
  n=$((n + 1))
  case "$line" in
    "-- case: "*) cur=${line#-- case: }; ids+=("$cur"); setup[$cur]=; stmt[$cur]= ;;
    --* | "") ;;
    *)
      [ -n "$cur" ] || continue
      [ -n "${stmt[$cur]}" ] && setup[$cur]="${setup[$cur]} ${stmt[$cur]}"
      stmt[$cur]=$line
      line_of[$cur]=$n
      ;;
  esac
done <"$cases_dir/cases.sql"

# The statement with an ALGORITHM= or LOCK= clause added: for ALTER TABLE right
# after the table name (partition clauses such as REMOVE PARTITIONING must come
# last, without a comma before them), for CREATE INDEX at the end.
with_clause() {
  local s=${1%;}
  if [[ "$s" =~ ^(ALTER (ONLINE )?TABLE [A-Za-z_0-9]+)\ (.*)$ ]]; then
    local head=${BASH_REMATCH[1]} rest=${BASH_REMATCH[3]}
    if [[ "$rest" =~ ^(PARTITION\ BY|REMOVE\ PARTITIONING) ]]; then
      echo "$head $2 $rest;"
    else
      echo "$head $2, $rest;"
    fi
  else
    echo "$s $2;"  # CREATE INDEX ... ON t (...): no comma
  fi
}
# The statement without MariaDB's ONLINE keyword (ALTER ONLINE TABLE is
# ALTER TABLE with LOCK=NONE): what the operation itself needs.
plain_of() { sed -E 's/^ALTER ONLINE TABLE /ALTER TABLE /' <<<"$1"; }
table_of() {
  sed -E 's/^(ALTER (ONLINE )?TABLE|CREATE (UNIQUE |FULLTEXT |SPATIAL )?INDEX [^ ]+ ON|DROP INDEX [^ ]+ ON) ([A-Za-z_0-9]+).*/\4/' <<<"$1"
}
# Runs one attempt on a fresh fixture (reloaded in the same client session);
# 0 when the server accepted it.
attempt() {
  local rc=0
  if [ "$clean" = 1 ]; then
    sql lk <<<"${setup[$1]} $2" >"$work/attempt.log" 2>&1 || rc=$?
  else
    sql <<<"$fresh_sql
${setup[$1]} $2" >"$work/attempt.log" 2>&1 || rc=$?
  fi
  clean=0
  [ "$rc" != 0 ] && [ -z "${setup[$1]// /}" ] && clean=1
  return "$rc"
}

declare -A m_alg m_lock m_rebuild m_ok
for id in "${ids[@]}"; do
  s=${stmt[$id]}
  p=$(plain_of "$s")
  # Whether the statement as written runs (ALTER ONLINE TABLE is refused when
  # the operation cannot run with LOCK=NONE).
  if attempt "$id" "$s"; then m_ok[$id]=accepted; else m_ok[$id]=refused; fi
  # The cheapest algorithm: of the statement as written when the server takes
  # it (ALTER ONLINE TABLE: the cheapest one that allows LOCK=NONE), else of
  # the operation without ONLINE (what the statement would do without it).
  a_base=$s
  [ "${m_ok[$id]}" = accepted ] || a_base=$p
  # MariaDB reads ALGORITHM=X as "X or better", so an operation that runs
  # with X also runs with each costlier algorithm. 10.11 accepts
  # ALGORITHM=INSTANT and NOCOPY for a repartitioning that it then copies
  # (the table gets a new id) while it refuses ALGORITHM=INPLACE: the
  # algorithm the server uses is the cheapest one from which every costlier
  # one is accepted too, up to the costliest one accepted (ALTER ONLINE TABLE
  # refuses COPY: a copy needs a lock).
  m_alg[$id]=none
  for a in COPY INPLACE NOCOPY INSTANT; do
    if attempt "$id" "$(with_clause "$a_base" "ALGORITHM=$a")"; then
      m_alg[$id]=$a
    elif [ "${m_alg[$id]}" != none ]; then
      break
    fi
  done
  m_lock[$id]=none
  for l in NONE SHARED EXCLUSIVE; do
    if attempt "$id" "$(with_clause "$p" "LOCK=$l")"; then m_lock[$id]=$l; break; fi
  done
  # Rebuild: the table (or its first partition) gets a new InnoDB table id.
  # A table InnoDB does not hold (MyISAM) is rebuilt exactly when it is
  # copied.
  t=$(table_of "$s")
  [ "$clean" = 1 ] || reload
  clean=0
  if out=$(sql lk -e "SELECT MIN(TABLE_ID) INTO @t FROM information_schema.INNODB_SYS_TABLES
                        WHERE NAME = 'lk/$t' OR NAME LIKE 'lk/$t#P#%';
                      ${setup[$id]} $p
                      SELECT IF(@t IS NULL, 'n/a', COUNT(*)) FROM information_schema.INNODB_SYS_TABLES
                        WHERE TABLE_ID = @t;" 2>&1); then
    case "$out" in
      0) m_rebuild[$id]=true ;;
      n/a) [ "${m_alg[$id]}" = COPY ] && m_rebuild[$id]=true || m_rebuild[$id]=false ;;
      *) m_rebuild[$id]=false ;;
    esac
  else
    m_rebuild[$id]="error: $out"
  fi
done
echo
echo "measured on MariaDB $version (statement as written, cheapest ALGORITHM, weakest LOCK, rebuild):"
for id in "${ids[@]}"; do
  printf '  %-34s %-9s %-8s %-10s %s\n' "$id" "${m_ok[$id]}" "${m_alg[$id]}" "${m_lock[$id]}" "${m_rebuild[$id]}"
done
echo

field() { grep -o "\"$1\":\"[^\"]*\"" <<<"$2" | head -n 1 | sed -E 's/.*:"(.*)"/\1/'; }
bool_field() { grep -o "\"$1\":[a-z]*" <<<"$2" | head -n 1 | sed -E 's/.*://'; }

# The file ddlint reads for a case: the fixture, then the case's setup line
# (possibly empty), then its statement, so ddlint's schema model knows the
# tables as they are before that case (the server also runs each case on a
# fresh fixture). The statement is on line $case_line.
offset=$(wc -l <"$cases_dir/fixture.sql")
case_line=$((offset + 2))
case_file() { { cat "$cases_dir/fixture.sql"; printf '%s\n' "${setup[$1]}" "${stmt[$1]}"; } >"$work/case.sql"; }

# The model's verdict for each case, one JSON object per case: from the probe
# (the cases it builds by hand) and from `ddlint locks` (every case).
declare -A by_probe by_locks in_probe
failures=0
for id in $("$probe" --list); do
  in_probe[$id]=1
  [ -n "${stmt[$id]+x}" ] || { echo "FAIL  probe case $id is not in cases.sql"; failures=$((failures + 1)); }
done
for id in "${ids[@]}"; do
  if [ -n "${in_probe[$id]+x}" ]; then
    by_probe[$id]=$("$probe" --target "mariadb-$version" "$id" 2>&1) || by_probe[$id]="probe failed: ${by_probe[$id]}"
  fi
  case_file "$id"
  "$ddlint" locks --dialect mysql --mysql-version "mariadb-$version" --format json "$work/case.sql" \
    >"$work/plan.json" || { echo "FAIL ddlint locks ($id)"; exit 1; }
  by_locks[$id]=$(node -e '
    const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const st = plan.statements.find((s) => s.line === Number(process.argv[2]));
    const t = st && st.tables.length ? st.tables[st.tables.length - 1] : null;
    console.log(JSON.stringify(t ? {algorithm: t.algorithm, lock: t.lock, rewrite: t.rewrite,
                                    fails: st.fails !== undefined} : {}));
  ' "$work/plan.json" "$case_line")
done

# compare NAME ARRAY: each case's verdict in ARRAY against the measurements.
compare() {
  local name=$1 id json p_alg p_lock p_rebuild p_ok problems checked=0 before=$failures
  local -n verdicts=$2
  for id in "${ids[@]}"; do
    [ -n "${verdicts[$id]+x}" ] || continue
    json=${verdicts[$id]}
    p_alg=$(field algorithm "$json")
    p_lock=$(field lock "$json")
    p_rebuild=$(bool_field rewrite "$json")
    p_ok=$([ "$(bool_field fails "$json")" = true ] && echo refused || echo accepted)
    problems=
    [ "$p_ok" = "${m_ok[$id]}" ] || problems+=" statement: model ${p_ok}, server ${m_ok[$id]};"
    [ "$p_alg" = "${m_alg[$id]}" ] || problems+=" algorithm: model ${p_alg:-?}, server ${m_alg[$id]};"
    [ "$p_lock" = "${m_lock[$id]}" ] || problems+=" lock: model ${p_lock:-?}, server ${m_lock[$id]};"
    [ "$p_rebuild" = "${m_rebuild[$id]}" ] || problems+=" rebuild: model ${p_rebuild:-?}, server ${m_rebuild[$id]};"
    checked=$((checked + 1))
    if [ -n "$problems" ]; then
      failures=$((failures + 1))
      echo "FAIL  $name $id: ${stmt[$id]}"
      echo "     $problems"
    else
      echo "ok    $name $id [$([ "$p_ok" = refused ] && echo "refused; ")$p_alg, LOCK=$p_lock$([ "$p_rebuild" = true ] && echo ", rebuild")]"
    fi
  done
  echo "$name: $checked cases checked against MariaDB $version, $((failures - before)) mismatches"
  echo
  [ "$checked" -gt 0 ] || { echo "FAIL  $name: no case checked"; failures=$((failures + 1)); }
}
compare probe by_probe
compare locks by_locks

# The CLI path: `ddlint check` on each case, as a migration folder where
# the fixture is the first migration and the case the second (a table
# created in the same migration is new, and the online-DDL rules leave new
# tables alone), and the findings of the MySQL
# online-DDL rules on the case's statement against what the server measured:
#   alter-requires-table-copy     iff the server takes the statement and its
#                                 cheapest algorithm is COPY (ALTER TABLE only)
#   alter-blocks-writes           iff the server takes the statement, runs it
#                                 INPLACE or NOCOPY (not COPY, not INSTANT) and
#                                 needs LOCK=SHARED or EXCLUSIVE
#   online-ddl-unsupported        iff the server refuses the statement
#   alter-without-online-options  when its fix appends clauses, the server
#                                 takes the fixed statement with the measured
#                                 algorithm (the clauses pin what the server does)
cli_checked=0
for id in "${ids[@]}"; do
  rm -rf "$work/migrations"
  mkdir "$work/migrations"
  cp "$cases_dir/fixture.sql" "$work/migrations/001_fixture.sql"
  printf '%s\n' "${setup[$id]}" "${stmt[$id]}" >"$work/migrations/002_case.sql"
  "$ddlint" check --dialect mysql --mysql-version "mariadb-$version" --format json "$work/migrations" \
    >"$work/check.json"
  rc=$?
  [ "$rc" = 0 ] || [ "$rc" = 1 ] || { echo "FAIL  $id: ddlint check exits $rc"; failures=$((failures + 1)); continue; }
  # "rule rule ..." fired on the case's line, then the fix's replacement.
  found=$(node -e '
    const doc = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const line = Number(process.argv[2]);
    const ids = ["alter-requires-table-copy", "alter-blocks-writes", "online-ddl-unsupported",
                 "alter-without-online-options"];
    const here = doc.findings.filter((f) => f.file.endsWith("/002_case.sql") && f.start.line === line &&
                                            ids.includes(f.rule));
    console.log(here.map((f) => f.rule).sort().join(" "));
    const fix = here.find((f) => f.rule === "alter-without-online-options" && f.fix);
    const e = fix && fix.fix.edits.length === 1 ? fix.fix.edits[0] : null;
    console.log(e && e.start.line === line && e.end.line === line
                ? [e.start.column, e.end.column, e.replacement].join("\t") : "");
  ' "$work/check.json" 2)
  fired=$(sed -n 1p <<<"$found")
  fix=$(sed -n 2p <<<"$found")
  has() { [[ " $fired " == *" $1 "* ]] && echo yes || echo no; }
  want_copy=no want_blocks=no want_refused=no
  if [ "${m_ok[$id]}" = refused ]; then
    want_refused=yes
  elif [ "${m_alg[$id]}" = COPY ]; then
    [[ "${stmt[$id]}" == ALTER* ]] && want_copy=yes
  elif [ "${m_alg[$id]}" != INSTANT ] && { [ "${m_lock[$id]}" = SHARED ] || [ "${m_lock[$id]}" = EXCLUSIVE ]; }; then
    want_blocks=yes
  fi
  problems=
  [ "$(has alter-requires-table-copy)" = $want_copy ] ||
    problems+=" alter-requires-table-copy: fired $(has alter-requires-table-copy), expected $want_copy;"
  [ "$(has alter-blocks-writes)" = $want_blocks ] ||
    problems+=" alter-blocks-writes: fired $(has alter-blocks-writes), expected $want_blocks;"
  [ "$(has online-ddl-unsupported)" = $want_refused ] ||
    problems+=" online-ddl-unsupported: fired $(has online-ddl-unsupported), expected $want_refused;"
  if [ -n "$fix" ]; then
    IFS=$'\t' read -r from to repl <<<"$fix"
    fixed="${stmt[$id]:0:$((from - 1))}$repl${stmt[$id]:$((to - 1))}"
    if ! attempt "$id" "$fixed"; then
      problems+=" alter-without-online-options fix refused by the server: $fixed ($(tail -n 1 "$work/attempt.log"));"
    elif ! [[ "$repl" == *"ALGORITHM=${m_alg[$id]}"* ]]; then
      problems+=" alter-without-online-options fix asks for ${repl#, }, server's cheapest is ALGORITHM=${m_alg[$id]};"
    fi
  fi
  cli_checked=$((cli_checked + 1))
  if [ -n "$problems" ]; then
    failures=$((failures + 1))
    echo "FAIL  check $id: ${stmt[$id]}"
    echo "     $problems"
  else
    echo "ok    check $id [${fired:-no online-DDL finding}${fix:+; fix accepted}]"
  fi
done
echo
echo "check: $cli_checked cases checked with ddlint check against MariaDB $version"
echo
echo "$failures failures"

# `ddlint preflight --dialect mysql --dsn`: through MariaDB Connector/C over
# TCP as a user that may only read, on seeded and on clean rows; the session
# is READ ONLY; the password appears in no output.
pf="$root/testdata/preflight/mysql"
migration="$root/testdata/cli/preflight-mysql/migration.sql"
secret="pw-$RANDOM-secret"
preflight_failures=0
sql <<<"CREATE DATABASE pf_dirty; CREATE DATABASE pf_clean;
CREATE USER 'pf'@'127.0.0.1' IDENTIFIED BY '$secret'; CREATE USER 'pf'@'localhost' IDENTIFIED BY '$secret';
GRANT SELECT ON pf_dirty.* TO 'pf'@'127.0.0.1', 'pf'@'localhost';
GRANT SELECT ON pf_clean.* TO 'pf'@'127.0.0.1', 'pf'@'localhost';" || exit 1
sql pf_dirty <"$pf/dirty.sql" && sql pf_clean <"$pf/clean.sql" || exit 1
url="mysql://pf:$secret@127.0.0.1:$port"
"$ddlint" preflight --dialect mysql --dsn "$url/pf_dirty" "$migration" >"$work/pf.out" 2>&1
rc=$?
n=$(grep -c 'error\[preflight-violation\]' "$work/pf.out")
if [ "$rc" != 1 ] || [ "$n" != 5 ] || grep -q -- "$secret" "$work/pf.out"; then
  echo "FAIL  preflight on seeded rows: exit $rc (expected 1), $n violations (expected 5)"; cat "$work/pf.out"
  preflight_failures=$((preflight_failures + 1))
fi
MYSQL_HOST=127.0.0.1 MYSQL_TCP_PORT=$port MYSQL_USER=pf MYSQL_PWD=$secret MYSQL_DATABASE=pf_clean \
  "$ddlint" preflight --dialect mysql --dsn "" "$migration" >"$work/pf.out" 2>&1
rc=$?
if [ "$rc" != 0 ] || grep -q 'preflight-violation' "$work/pf.out" || grep -q -- "$secret" "$work/pf.out"; then
  echo "FAIL  preflight on clean rows (MYSQL_* variables): exit $rc (expected 0)"; cat "$work/pf.out"
  preflight_failures=$((preflight_failures + 1))
fi
"$ddlint" preflight --dialect mysql --format json --dsn "$url/pf_dirty" "$pf/read-only.sql" >"$work/pf.json" 2>&1
if ! grep -q '"count": 4' "$work/pf.json"; then
  echo "FAIL  preflight session not READ ONLY (@@tx_read_only must be 1 for every row of orders):"; cat "$work/pf.json"
  preflight_failures=$((preflight_failures + 1))
fi
for dsn in "mysql://pf:wrong-$secret@127.0.0.1:$port/pf_dirty" "mysql://pf:$secret@127.0.0.1:1/pf_dirty"; do
  "$ddlint" preflight --dialect mysql --dsn "$dsn" "$migration" >"$work/pf.out" 2>&1
  rc=$?
  if [ "$rc" != 2 ] || grep -q -- "$secret" "$work/pf.out"; then
    echo "FAIL  preflight with a bad DSN: exit $rc (expected 2), and the password must not appear:"; cat "$work/pf.out"
    preflight_failures=$((preflight_failures + 1))
  fi
done
# Enum values removed and strict-mode conversions (MODIFY/CHANGE to ENUM, an
# integer, DECIMAL, DOUBLE, DATE): each check counts exactly the seeded rows in
# the way (conversions-expected.txt) and none on clean rows, and the server
# itself (strict mode, its default) refuses each change on the seeded rows
# and accepts it on the clean ones.
conv="$root/testdata/cli/preflight-mysql-conversions/migration.sql"
sql <<<"CREATE DATABASE pfc_dirty; CREATE DATABASE pfc_clean;
GRANT SELECT ON pfc_dirty.* TO 'pf'@'127.0.0.1', 'pf'@'localhost';
GRANT SELECT ON pfc_clean.* TO 'pf'@'127.0.0.1', 'pf'@'localhost';" || exit 1
sql pfc_dirty <"$pf/conversions-dirty.sql" && sql pfc_clean <"$pf/conversions-clean.sql" || exit 1
for db in dirty clean; do
  "$ddlint" preflight --dialect mysql --format json --dsn "$url/pfc_$db" "$conv" >"$work/pfc.json" 2>&1
  node -e '
    const fs = require("fs");
    const [file, expected, db] = process.argv.slice(1);
    const checks = JSON.parse(fs.readFileSync(file)).checks;
    const want = fs.readFileSync(expected, "utf8").split("\n").filter((l) => l && !l.startsWith("#"));
    let bad = checks.length !== want.length;
    checks.forEach((c, k) => {
      const [at, n] = (want[k] || "? ?").split(" ");
      const count = db === "clean" ? 0 : Number(n);
      if (`${c.line}:${c.column}` !== at || c.result !== (count ? "violation" : "ok") || c.count !== count) {
        console.log(`FAIL  preflight ${db} ${c.line}:${c.column} (expected ${at}): ${c.result} ${c.count}, expected ${count}: ${c.count_sql}`);
        bad = true;
      }
    });
    if (bad && checks.length !== want.length) console.log(`FAIL  preflight ${db}: ${checks.length} checks, expected ${want.length}`);
    process.exit(bad ? 1 : 0);' "$work/pfc.json" "$pf/conversions-expected.txt" "$db" ||
    { cat "$work/pfc.json"; preflight_failures=$((preflight_failures + 1)); }
done
conv_failures=0
while IFS= read -r stmt; do
  sql pfc_dirty -e "$stmt" >/dev/null 2>&1 &&
    { echo "FAIL  the server accepted on seeded rows: $stmt"; conv_failures=$((conv_failures + 1)); }
  sql pfc_clean -e "$stmt" >"$work/pfc.err" 2>&1 ||
    { echo "FAIL  the server refused on clean rows: $stmt: $(cat "$work/pfc.err")"; conv_failures=$((conv_failures + 1)); }
done < <(sed -n '2,6p' "$conv")
[ "$conv_failures" = 0 ] && echo "preflight: enum removal and strict-mode conversions counted exactly; the server refuses each on the seeded rows"
preflight_failures=$((preflight_failures + conv_failures))
[ "$preflight_failures" = 0 ] && echo "preflight: violations on seeded rows, none on clean rows, READ ONLY session, passwords redacted"

# `ddlint stats --dialect mysql`: rows and bytes of the tables of the DSN's
# database (InnoDB's estimate; exact for these small tables), with --dsn and
# with the MYSQL_* variables alone, as the user that may only SELECT.
"$ddlint" stats --dialect mysql --dsn "$url/pf_dirty" >"$work/stats.json" 2>"$work/stats.err" ||
  { echo "FAIL  stats --dsn:"; cat "$work/stats.err"; preflight_failures=$((preflight_failures + 1)); }
MYSQL_HOST=127.0.0.1 MYSQL_TCP_PORT=$port MYSQL_USER=pf MYSQL_PWD=$secret MYSQL_DATABASE=pf_dirty \
  "$ddlint" stats --dialect mariadb >"$work/stats-env.json" 2>&1 ||
  { echo "FAIL  stats (MYSQL_* variables):"; cat "$work/stats-env.json"; preflight_failures=$((preflight_failures + 1)); }
cmp -s "$work/stats.json" "$work/stats-env.json" ||
  { echo "FAIL  stats: --dsn and MYSQL_* gave different files"; preflight_failures=$((preflight_failures + 1)); }
got=$(node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1]));
  console.log(d.dialect + " " + d.tables.map((x) => `${x.schema}.${x.name}=${x.rows}/${x.rows_from}/${x.bytes > 0}`).join(" "));
' "$work/stats.json" 2>&1)
want="mysql pf_dirty.orders=4/estimate/true pf_dirty.users=5/estimate/true"
if [ "$got" != "$want" ]; then
  echo "FAIL  stats: $got, expected $want"; preflight_failures=$((preflight_failures + 1))
else
  echo "stats: $got"
fi
"$ddlint" stats --dialect mysql --dsn "mysql://pf:wrong-$secret@127.0.0.1:$port/pf_dirty" >"$work/stats.out" 2>&1
rc=$?
if [ "$rc" != 2 ] || grep -q -- "$secret" "$work/stats.out"; then
  echo "FAIL  stats with a wrong password: exit $rc (expected 2), and the password must not appear:"; cat "$work/stats.out"
  preflight_failures=$((preflight_failures + 1))
fi
# The query the README gives for the mysql client makes the same file.
sql -r pf_dirty <<<"$(sed -n '/^-- ddlint stats, MySQL\/MariaDB/,/;$/p' "$root/README.md")" >"$work/stats-readme.json" 2>&1 ||
  { echo "FAIL  README stats query:"; cat "$work/stats-readme.json"; preflight_failures=$((preflight_failures + 1)); }
node -e '
  const fs = require("fs");
  const a = JSON.parse(fs.readFileSync(process.argv[1])), b = JSON.parse(fs.readFileSync(process.argv[2]));
  const s = (d) => JSON.stringify([d.dialect, d.tables.map((t) => [t.schema, t.name, t.rows, t.rows_from, t.bytes])
                                                      .sort((x, y) => (x[1] < y[1] ? -1 : 1))]);
  if (s(a) !== s(b)) { console.log(`FAIL  README stats query: ${s(b)}, ddlint stats: ${s(a)}`); process.exit(1); }
' "$work/stats.json" "$work/stats-readme.json" || preflight_failures=$((preflight_failures + 1))
# `ddlint drift --dialect mysql` (sets drift_failures).
. "$root/tests/mariadb_drift_checks.sh"
# `ddlint trace` on MariaDB: the ALTER probe (sets probe_failures).
. "$root/tests/mariadb_probe_checks.sh"
[ "$failures" = 0 ] && [ "$cli_checked" -gt 0 ] && [ "$preflight_failures" = 0 ] && [ "$drift_failures" = 0 ] &&
  [ "$probe_failures" = 0 ]
