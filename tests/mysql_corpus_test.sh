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
# Each worker lints a batch of files in one process (`debug ir` prints `== path`
# before each file's dump); a batch that does not exit 0 is run again one file
# per process, each dump after a `### exit-code path` line, so the file that
# crashed or exited non-zero is named. One awk pass then counts statements
# (distinct ranges) and errors.
find "$corpus" -type f -name '*.sql' -print0 | sort -z |
  xargs -0 -n 64 -P "$(nproc)" bash -c '
    out=$("$bin" debug ir --dialect mysql "$@" 2>&1)
    if [ $? = 0 ] && [ $# -gt 1 ]; then
      printf "%s\n" "$out"
    else
      for f; do
        out=$("$bin" debug ir --dialect mysql "$f" 2>&1)
        printf "### %s %s\n%s\n" "$?" "$f" "$out"
      done
    fi >> "$work/out.$$"' _
cat "$work"/out.* | awk -v summary="$work/summary" -v errors="$work/errors" -v bad="$work/bad" '
  /^### / { file = substr($0, index(substr($0, 5), " ") + 5); files++; if ($2 != 0) print $2, file > bad; delete seen; next }
  /^== / { file = substr($0, 4); files++; delete seen; next }
  /^error / { failed++; print file ":" substr($0, 7) > errors; next }
  /^[A-Z][A-Za-z]+ @[0-9]+/ { if (!($2 in seen)) { seen[$2] = 1; statements++ } }
  END { print files + 0, statements + failed, failed + 0 > summary }'
read -r files statements failed < "$work/summary"
bad_exit=$(cat "$work/bad" 2>/dev/null)
sort -o "$work/errors" "$work/errors" 2>/dev/null || touch "$work/errors"
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
