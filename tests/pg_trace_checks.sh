# `ddlint trace` against the real server pg_locks_test.sh started (sourced by
# it after its own checks: uses $bin, $root, $work, $port, $url, $psql,
# $pgbin, $cases_dir and sets trace_rc).
#  1. every statement of testdata/locks/postgres/cases.sql, traced alone on
#     the lock fixture, agrees with the lock model (exit 0);
#  2. every PostgreSQL `sql incorrect` example of rules.d/*.md, traced on
#     testdata/trace/postgres/rules-fixture.sql, agrees with the lock model,
#     except the examples examples-known.txt lists with their outcome and
#     reason (a new exception, or a listed one that changes, fails);
#  3. seeded.sql gives exactly expected.txt (timings blanked), with its one
#     trace-mismatch, in text and JSON;
#  4. the rollback leaves schema and rows unchanged, --commit keeps them;
#  5. --scratch runs in a copy or a replayed empty database, dropped after;
#  6. no password reaches any output.
trace_rc=0
tdir="$root/testdata/trace/postgres"

# 1. The lock cases, one statement per trace.
mkdir -p "$work/trace-cases"
node -e 'const fs = require("fs");
  JSON.parse(fs.readFileSync(process.argv[1])).statements.forEach((s, i) =>
    fs.writeFileSync(`${process.argv[2]}/case${String(i).padStart(3, "0")}-line${s.line}.sql`, s.text + ";\n"));' \
  "$work/plan.json" "$work/trace-cases"
cases=0
for f in "$work"/trace-cases/*.sql; do
  cases=$((cases + 1))
  "$bin" trace --dsn "$url/postgres" "$f" >"$work/trace.out" 2>&1
  rc=$?
  if [ "$rc" != 0 ]; then
    echo "trace of cases.sql $(basename "$f"): exit $rc (expected 0: the server agrees with the lock model)"
    cat "$work/trace.out"; trace_rc=1
  fi
done
[ "$trace_rc" = 0 ] && echo "trace: $cases lock cases agree with the lock model"

# 2. The rule examples.
"${psql[@]}" -c "CREATE DATABASE trace_rules" >/dev/null || exit 1
"${psql[@]}" -d trace_rules -f "$tdir/rules-fixture.sql" >"$work/fixture2.log" 2>&1 || { cat "$work/fixture2.log"; exit 1; }
mkdir -p "$work/trace-examples"
node -e 'const fs = require("fs"), path = require("path");
  for (const f of fs.readdirSync(process.argv[1]).sort()) {
    const md = fs.readFileSync(path.join(process.argv[1], f), "utf8");
    const re = /^```sql incorrect([^\n]*)\n([\s\S]*?)^```/gm;
    let m, n = 0;
    while ((m = re.exec(md))) {
      n++;
      if (!/dialect=mysql/.test(m[1])) fs.writeFileSync(`${process.argv[2]}/${f.replace(/\.md$/, "")}.${n}.sql`, m[2]);
    }
  }' "$root/rules.d" "$work/trace-examples"
: >"$work/outcomes.txt"
for f in "$work"/trace-examples/*.sql; do
  "$bin" trace --dsn "$url/trace_rules" "$f" >"$work/trace.out" 2>&1
  rc=$?
  outcome=ok
  grep -q '\[trace-mismatch\]' "$work/trace.out" && outcome=mismatch
  grep -q '\[trace-error\]' "$work/trace.out" && outcome=error
  [ "$rc" = 2 ] && outcome=usage
  name=$(basename "$f" .sql)
  printf '%s\t%s\n' "$name" "$outcome" >>"$work/outcomes.txt"
  known=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$tdir/examples-known.txt")
  if [ "$outcome" != "${known:-ok}" ]; then
    echo "trace of rules.d example $name: $outcome, expected ${known:-ok} (testdata/trace/postgres/examples-known.txt)"
    cat "$work/trace.out"; trace_rc=1
  fi
done
grep -v '^#' "$tdir/examples-known.txt" | cut -f1 | while read -r name; do
  grep -q "^$name	" "$work/outcomes.txt" || echo "examples-known.txt lists $name, which is no longer an example"
done | grep . && trace_rc=1
echo "trace: $(grep -c '	ok$' "$work/outcomes.txt") of $(wc -l <"$work/outcomes.txt") PostgreSQL rule examples agree with the lock model, $(grep -vc '	ok$' "$work/outcomes.txt") known exceptions"

# 3. One migration's output, exactly; and 4. the rollback changes nothing.
# Schema and rows (pg_dump's per-run \restrict key left out).
dump() { "$pgbin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -d trace_rules | grep -v '^\\\(un\)\?restrict '; }
dump >"$work/before.sql" || exit 1
blank() { sed -E 's/\(([0-9.]+) ms/(N ms/'; }
(cd "$tdir" && "$bin" trace --dsn "$url/trace_rules" seeded.sql) >"$work/seeded.raw" 2>"$work/seeded.err"
rc=$?
blank <"$work/seeded.raw" >"$work/seeded.out"
if [ "$rc" != 1 ] || ! diff -u "$tdir/expected.txt" "$work/seeded.out"; then
  echo "trace of seeded.sql: exit $rc (expected 1), output above differs from expected.txt"; trace_rc=1
fi
grep -q "1 mismatch with the lock model; rolled back" "$work/seeded.err" ||
  { echo "trace of seeded.sql: summary:"; cat "$work/seeded.err"; trace_rc=1; }
"$bin" trace --format json --dsn "$url/trace_rules" "$tdir/seeded.sql" >"$work/seeded.json" 2>/dev/null
node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1]));
  const f = d.findings.map((x) => `${x.line}:${x.column} ${x.rule} ${x.message}`).join("\n");
  const want = "5:1 trace-mismatch public.coupons: the server took SHARE, the lock model predicts no lock on it";
  const st = d.files[0].statements;
  if (f !== want || d.committed || st.length !== 6 || st[5].status !== "not run" || st[1].rows !== 1) {
    console.log(`trace --format json of seeded.sql: findings ${f}, expected ${want}`); process.exit(1); }' \
  "$work/seeded.json" || trace_rc=1
dump >"$work/after.sql" || exit 1
cmp -s "$work/before.sql" "$work/after.sql" ||
  { echo "trace: the rolled-back traces changed the database:"; diff "$work/before.sql" "$work/after.sql" | head -20; trace_rc=1; }
# A failed statement: reported where the server points, rolled back, exit 1.
printf 'ALTER TABLE ledger ADD COLUMN note text;\nUPDATE ledger SET nope = 1;\nDROP TABLE ledger;\n' >"$work/fails.sql"
"$bin" trace --dsn "$url/trace_rules" "$work/fails.sql" >"$work/trace.out" 2>&1
rc=$?
if [ "$rc" != 1 ] || ! grep -q "fails.sql:2:19: error: the statement failed: column \"nope\" of relation \"ledger\" does not exist" "$work/trace.out" ||
   grep -q "DROP TABLE ledger (" "$work/trace.out"; then
  echo "trace of a failing statement: exit $rc (expected 1, error at 2:19, nothing run after it):"; cat "$work/trace.out"; trace_rc=1
fi
# --commit keeps the change.
printf 'ALTER TABLE ledger ADD COLUMN note text;\n' >"$work/commit.sql"
"$bin" trace --commit --dsn "$url/trace_rules" "$work/commit.sql" >"$work/trace.out" 2>&1 ||
  { echo "trace --commit failed:"; cat "$work/trace.out"; trace_rc=1; }
[ "$("${psql[@]}" -d trace_rules -At -c "SELECT count(*) FROM pg_attribute WHERE attrelid = 'ledger'::regclass AND attname = 'note'")" = 1 ] ||
  { echo "trace --commit: the column was not added"; trace_rc=1; }

# --scratch: a copy of trace_rules (TEMPLATE), or an empty database where
# rules-fixture.sql is replayed first; the same output, and dropped after,
# also when a statement fails.
scratch_dbs() { "${psql[@]}" -At -c "SELECT count(*) FROM pg_database WHERE datname LIKE 'ddlint\_trace\_%'"; }
(cd "$tdir" && "$bin" trace --scratch --dsn "$url/trace_rules" seeded.sql 2>"$work/scratch.err") | blank >"$work/seeded.out"
diff -u "$tdir/expected.txt" "$work/seeded.out" && grep -q "scratch database ddlint_trace_[0-9]* (a copy of trace_rules)" "$work/scratch.err" ||
  { echo "trace --scratch (template) of seeded.sql differs:"; cat "$work/scratch.err"; trace_rc=1; }
(cd "$tdir" && "$bin" trace --scratch --history rules-fixture.sql --dsn "$url/postgres" seeded.sql 2>"$work/scratch.err") |
  blank >"$work/seeded.out"
diff -u "$tdir/expected.txt" "$work/seeded.out" && grep -q "(empty, 1 history file replayed)" "$work/scratch.err" ||
  { echo "trace --scratch --history of seeded.sql differs:"; cat "$work/scratch.err"; trace_rc=1; }
"$bin" trace --scratch --dsn "$url/trace_rules" "$work/fails.sql" >"$work/trace.out" 2>&1
[ "$?" = 1 ] || { echo "trace --scratch of a failing statement: expected exit 1:"; cat "$work/trace.out"; trace_rc=1; }
[ "$(scratch_dbs)" = 0 ] || { echo "trace --scratch left a database behind"; trace_rc=1; }
"$bin" trace --history "$tdir/rules-fixture.sql" --dsn "$url/trace_rules" "$tdir/seeded.sql" >"$work/trace.out" 2>&1
[ "$?" = 2 ] || { echo "trace --history without --scratch: expected exit 2"; trace_rc=1; }

# 6. No password in any output: refused port, wrong database, and a trace
# that connects (trust) and fails a statement.
secret="s3cr3t-Tr-$RANDOM"
for dsn in "postgresql://postgres:$secret@127.0.0.1:1/x" "host=127.0.0.1 port=1 user=postgres password=$secret" \
           "postgresql://postgres:$secret@127.0.0.1:$port/nosuchdb"; do
  PGPASSWORD=$secret "$bin" trace --dsn "$dsn" "$tdir/seeded.sql" >"$work/trace.out" 2>&1
  rc=$?
  if [ "$rc" != 2 ] || grep -q -- "$secret" "$work/trace.out"; then
    echo "trace --dsn with a password: exit $rc (expected 2) and the password must not appear:"; cat "$work/trace.out"; trace_rc=1
  fi
done
PGPASSWORD=$secret "$bin" trace --dsn "postgresql://postgres:$secret@127.0.0.1:$port/trace_rules" "$work/fails.sql" >"$work/trace.out" 2>&1
if [ "$?" != 1 ] || grep -q -- "$secret" "$work/trace.out" || ! grep -q "postgres:\*\*\*@" "$work/trace.out"; then
  echo "trace with a password in the DSN: exit 1 expected, the DSN shown redacted:"; cat "$work/trace.out"; trace_rc=1
fi
[ "$trace_rc" = 0 ] && echo "trace: seeded mismatch, JSON, rollback, --commit, failed statement, --scratch and password redaction checked"
