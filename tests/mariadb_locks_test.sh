#!/usr/bin/env bash
# Checks ddlint's MySQL/MariaDB lock model against a real MariaDB server.
#
#   mariadb_locks_test.sh probe  PROBE  ROOT   compare with tests/mysql_lock_probe.cpp
#   mariadb_locks_test.sh ddlint DDLINT ROOT   compare with `ddlint locks --dialect mysql`
#
# Starts a throw-away MariaDB server (Debian's mariadb-server package) as the
# current user, or as the mysql system user when run as root, with a temporary
# datadir, listening on 127.0.0.1 at a random port and on a socket in the
# temporary directory. For each case of testdata/locks/mysql/cases.sql it
# measures what the server really does with the case's last statement, on a
# fresh copy of testdata/locks/mysql/fixture.sql for every attempt (DDL commits
# implicitly, so nothing can be rolled back):
#   algorithm  the first of ALGORITHM=INSTANT, NOCOPY, INPLACE, COPY accepted
#              (MariaDB reads ALGORITHM=X as "X or better", so this is the
#              cheapest algorithm the operation supports: the one picked when
#              no ALGORITHM is given)
#   lock       the first of LOCK=NONE, SHARED, EXCLUSIVE accepted
#   rebuild    whether the statement without clauses gives the table a new
#              InnoDB table id (information_schema.INNODB_SYS_TABLES)
# Then it compares each case with the model, either through PROBE
# (tests/mysql_lock_probe.cpp builds the IR of each case by hand, so the model
# is checked before the MySQL parser exists) or through
# `ddlint locks --dialect mysql --format json cases.sql` (skipped, exit 77,
# while ddlint cannot read MySQL). The model's target is set from
# SELECT VERSION(). Every case must match.
#
# Exit 77 (ctest: skipped) with a message when no server can be started.
set -u
mode=$1
exe=$2
root=$3
cases_dir="$root/testdata/locks/mysql"

skip() { echo "skipped: $*"; exit 77; }

PATH="$PATH:/usr/sbin:/usr/local/sbin"
mariadbd=$(command -v mariadbd || command -v mysqld || true)
install_db=$(command -v mariadb-install-db || command -v mysql_install_db || true)
client=$(command -v mariadb || command -v mysql || true)
[ -n "$mariadbd" ] && [ -n "$install_db" ] && [ -n "$client" ] ||
  skip "MariaDB server not found (apt-get install mariadb-server)"
[ -x "$exe" ] || skip "$exe not built"
if [ "$mode" = ddlint ]; then
  printf 'ALTER TABLE t ADD COLUMN c INT;\n' >"${TMPDIR:-/tmp}/ddlint-mysql-$$.sql"
  "$exe" locks --dialect mysql --mysql-version mariadb-10.11 --format json "${TMPDIR:-/tmp}/ddlint-mysql-$$.sql" \
    >/dev/null 2>&1
  rc=$?
  rm -f "${TMPDIR:-/tmp}/ddlint-mysql-$$.sql"
  [ "$rc" = 0 ] ||
    skip "ddlint cannot read MySQL yet (ddlint locks --dialect mysql --mysql-version mariadb-10.11 exits $rc)"
  command -v node >/dev/null 2>&1 || skip "node not found (needed to read the lock plan)"
fi

as_my=()
if [ "$(id -u)" = 0 ]; then
  # mariadbd refuses to run as root: use the mysql system user.
  id mysql >/dev/null 2>&1 || skip "running as root and there is no mysql user to own the server"
  command -v runuser >/dev/null 2>&1 || skip "running as root without runuser"
  as_my=(runuser -u mysql --)
fi

work=$(mktemp -d)
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

reload() {
  { echo "DROP DATABASE IF EXISTS lk; CREATE DATABASE lk; USE lk;"; cat "$cases_dir/fixture.sql"; } |
    sql >"$work/fixture.log" 2>&1 || { cat "$work/fixture.log"; echo "FAIL fixture.sql"; exit 1; }
}

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

# The statement with an ALGORITHM= or LOCK= clause added.
with_clause() {
  local s=${1%;}
  case "$s" in
    "ALTER TABLE"*) echo "$s, $2;" ;;
    *) echo "$s $2;" ;;  # CREATE INDEX / DROP INDEX ... ON t: no comma
  esac
}
table_of() {
  sed -E 's/^(ALTER TABLE|CREATE (UNIQUE |FULLTEXT |SPATIAL )?INDEX [^ ]+ ON|DROP INDEX [^ ]+ ON) ([A-Za-z_0-9]+).*/\3/' <<<"$1"
}
# Runs one attempt on a fresh fixture; 0 when the server accepted it.
attempt() {
  reload
  sql lk -e "${setup[$1]} $2" >"$work/attempt.log" 2>&1
}

declare -A m_alg m_lock m_rebuild
for id in "${ids[@]}"; do
  s=${stmt[$id]}
  m_alg[$id]=none
  for a in INSTANT NOCOPY INPLACE COPY; do
    if attempt "$id" "$(with_clause "$s" "ALGORITHM=$a")"; then m_alg[$id]=$a; break; fi
  done
  m_lock[$id]=none
  for l in NONE SHARED EXCLUSIVE; do
    if attempt "$id" "$(with_clause "$s" "LOCK=$l")"; then m_lock[$id]=$l; break; fi
  done
  t=$(table_of "$s")
  reload
  if out=$(sql lk -e "SELECT TABLE_ID INTO @t FROM information_schema.INNODB_SYS_TABLES WHERE NAME = 'lk/$t';
                      ${setup[$id]} $s
                      SELECT COUNT(*) FROM information_schema.INNODB_SYS_TABLES WHERE TABLE_ID = @t;" 2>&1); then
    [ "$out" = 0 ] && m_rebuild[$id]=true || m_rebuild[$id]=false
  else
    m_rebuild[$id]="error: $out"
  fi
done

echo
echo "measured on MariaDB $version (cheapest ALGORITHM, weakest LOCK, rebuild):"
for id in "${ids[@]}"; do
  printf '  %-34s %-8s %-10s %s\n' "$id" "${m_alg[$id]}" "${m_lock[$id]}" "${m_rebuild[$id]}"
done
echo

field() { grep -o "\"$1\":\"[^\"]*\"" <<<"$2" | head -n 1 | sed -E 's/.*:"(.*)"/\1/'; }
bool_field() { grep -o "\"$1\":[a-z]*" <<<"$2" | head -n 1 | sed -E 's/.*://'; }

# The model's verdict for each case, one JSON object per case.
declare -A predicted
failures=0
if [ "$mode" = probe ]; then
  for id in $("$exe" --list); do
    [ -n "${stmt[$id]+x}" ] || { echo "FAIL  probe case $id is not in cases.sql"; failures=$((failures + 1)); }
  done
  for id in "${ids[@]}"; do
    predicted[$id]=$("$exe" --target "mariadb-$version" "$id" 2>&1) || predicted[$id]="probe failed: ${predicted[$id]}"
  done
else
  # Each case on its own after the fixture (the server also runs each case on
  # a fresh fixture), so ddlint's schema model knows the tables' columns as
  # they are before that case; the case is two lines after the fixture (its
  # setup line, possibly empty, comes first).
  offset=$(wc -l <"$cases_dir/fixture.sql")
  for id in "${ids[@]}"; do
    # Setup statements (one line, e.g. SET foreign_key_checks = 0) go before it.
    { cat "$cases_dir/fixture.sql"; printf '%s\n' "${setup[$id]}" "${stmt[$id]}"; } >"$work/case.sql"
    "$exe" locks --dialect mysql --mysql-version "mariadb-$version" --format json "$work/case.sql" \
      >"$work/plan.json" || { echo "FAIL ddlint locks ($id)"; exit 1; }
    predicted[$id]=$(node -e '
      const plan = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const st = plan.statements.find((s) => s.line === Number(process.argv[2]));
      const t = st && st.tables.length ? st.tables[st.tables.length - 1] : null;
      console.log(JSON.stringify(t ? {algorithm: t.algorithm, lock: t.lock, rewrite: t.rewrite} : {}));
    ' "$work/plan.json" "$((offset + 2))")
  done
fi

checked=0
for id in "${ids[@]}"; do
  json=${predicted[$id]}
  p_alg=$(field algorithm "$json")
  p_lock=$(field lock "$json")
  p_rebuild=$(bool_field rewrite "$json")
  problems=
  [ "$p_alg" = "${m_alg[$id]}" ] || problems+=" algorithm: model ${p_alg:-?}, server ${m_alg[$id]};"
  [ "$p_lock" = "${m_lock[$id]}" ] || problems+=" lock: model ${p_lock:-?}, server ${m_lock[$id]};"
  [ "$p_rebuild" = "${m_rebuild[$id]}" ] || problems+=" rebuild: model ${p_rebuild:-?}, server ${m_rebuild[$id]};"
  checked=$((checked + 1))
  if [ -n "$problems" ]; then
    failures=$((failures + 1))
    echo "FAIL  $id: ${stmt[$id]}"
    echo "     $problems"
  else
    echo "ok    $id [$p_alg, LOCK=$p_lock$([ "$p_rebuild" = true ] && echo ", rebuild")]"
  fi
done
echo
echo "$mode: $checked cases checked against MariaDB $version, $failures mismatches"
[ "$failures" = 0 ] && [ "$checked" -gt 0 ]
