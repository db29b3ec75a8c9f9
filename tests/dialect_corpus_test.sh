#!/usr/bin/env bash
# Dialect detection on the corpora, with no configuration at all: every file
# of ../shared/corpus/postgres is read as PostgreSQL; of ../shared/corpus/mysql,
# fewer than 0.5% of the statements fail to parse (a file read as the wrong
# dialect floods syntax errors), and `ddlint check` exits 0 or 1 on both.
# Prints the counts. Skips (77) without a corpus.
set -u
bin=$1
corpus=$2
if [ ! -d "$corpus/postgres" ] || [ ! -d "$corpus/mysql" ]; then
  echo "skipped: no corpus at $corpus"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
# summary FILE KEY: a number from the JSON summary (the report's "summary" object).
summary() { sed -n '/"summary": {/,$p' "$1" | sed -n "s/^ *\"$2\": \([0-9]*\).*/\1/p" | head -n 1; }
for dialect in postgres mysql; do
  "$bin" check --format json "$corpus/$dialect" > "$work/$dialect.json" 2> "$work/$dialect.err"
  rc=$?
  files=$(summary "$work/$dialect.json" files)
  statements=$(summary "$work/$dialect.json" statements)
  failed=$(summary "$work/$dialect.json" syntax_errors)
  as_pg=$(summary "$work/$dialect.json" postgres)
  as_mysql=$(summary "$work/$dialect.json" mysql)
  echo "corpus/$dialect: exit $rc, $files files ($as_pg read as PostgreSQL, $as_mysql as MySQL/MariaDB)," \
       "$statements statements, $failed do not parse"
  if [ "$rc" -gt 1 ]; then
    echo "FAIL: exit $rc on corpus/$dialect"; head -n 5 "$work/$dialect.err"; status=1
  fi
  if [ -z "$files" ] || [ "$files" -eq 0 ]; then echo "FAIL: no summary for corpus/$dialect"; status=1; continue; fi
  if [ "$dialect" = postgres ] && [ "$as_mysql" -ne 0 ]; then
    echo "FAIL: $as_mysql PostgreSQL files read as MySQL/MariaDB"
    "$bin" check -v --select syntax-error "$corpus/postgres" 2>&1 >/dev/null | grep 'read as MySQL' | head -n 10
    status=1
  fi
  if [ "$dialect" = mysql ] && [ $((failed * 200)) -ge "$statements" ]; then
    echo "FAIL: $failed of $statements MySQL statements do not parse (0.5% or more)"; status=1
  fi
done
exit $status
