#!/usr/bin/env bash
# Runs `ddlint debug ir --dialect mysql` over every file of the MySQL/MariaDB
# corpus: no file may crash the front-end or exit 2, and fewer than 1% of the
# statements may fail to parse. Prints the counts and the first failures.
# Skips (77) without a corpus.
set -u
bin=$1
corpus=$2
if [ ! -d "$corpus" ]; then
  echo "skipped: no corpus at $corpus"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export bin work
# One line per file: exit code, statements, errors, path; error lines apart.
find "$corpus" -type f -name '*.sql' -print0 | sort -z |
  xargs -0 -n 16 -P "$(nproc)" bash -c '
    for f; do
      out=$("$bin" debug ir --dialect mysql "$f" 2>&1)
      rc=$?
      stmts=$(printf "%s\n" "$out" | grep -oE "^[A-Z][A-Za-z]+ @[0-9]+" | sort -u | wc -l)
      errs=$(printf "%s\n" "$out" | grep -cE "^error ")
      printf "%s %s %s %s\n" "$rc" "$stmts" "$errs" "$f" >> "$work/files.$$"
      printf "%s\n" "$out" | grep -E "^error " | sed "s|^error |$f:|" >> "$work/errors.$$"
    done' _
cat "$work"/files.* > "$work/files"
cat "$work"/errors.* 2>/dev/null | sort > "$work/errors"
files=$(wc -l < "$work/files")
statements=$(awk '{s += $2} END {print s + 0}' "$work/files")
failed=$(awk '{s += $3} END {print s + 0}' "$work/files")
bad_exit=$(awk '$1 != 0' "$work/files")
echo "files: $files"
echo "statements: $statements (parsed or failed)"
echo "failed to parse: $failed"
head -n 30 "$work/errors"
status=0
if [ -n "$bad_exit" ]; then
  echo "ddlint crashed or exited non-zero on:"
  echo "$bad_exit" | head -n 20
  status=1
fi
if [ "$files" -lt 1000 ]; then
  echo "too few files"
  status=1
fi
if [ $((failed * 100)) -ge "$statements" ]; then
  echo "more than 1% of statements failed to parse"
  status=1
fi
exit $status
