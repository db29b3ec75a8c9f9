#!/usr/bin/env bash
# Lints every file of the PostgreSQL corpus in one run: ddlint must not crash
# and must not exit 2 (1 = findings is expected). Prints the JSON summary,
# including how many statements failed to parse. Skips (77) without a corpus.
set -u
bin=$1
corpus=$2
if [ ! -d "$corpus" ]; then
  echo "skipped: no corpus at $corpus"
  exit 77
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$bin" check --format json --output "$out" "$corpus"
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "ddlint exited $rc on the corpus"
  exit 1
fi
node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).summary;
console.log(JSON.stringify(s, null, 1));
if (!(s.files > 1000)) { console.log("too few files linted"); process.exit(1); }
if (s.syntax_errors > s.statements / 100) { console.log("more than 1% of statements failed to parse"); process.exit(1); }
' "$out"
