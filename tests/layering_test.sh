#!/usr/bin/env bash
# Layering rules that CMake target links cannot express alone (DESIGN.md):
#  - nothing above src/parser/ names a dialect's front-end: the only way in
#    is parser::parse(source, dialect) in src/parser/parser.h;
#  - rules never include parser headers at all;
#  - rules never compare lock-mode names (they read dialect-neutral levels).
# Usage: layering_test.sh SOURCE_DIR
set -uo pipefail
root=${1:?source dir}
cd "$root" || exit 2
status=0
fail() { printf 'layering: %s\n' "$*" >&2; status=1; }

# Every C++ source outside src/parser/ (tests may test a front-end directly).
mapfile -t files < <(find src fuzz -name '*.cpp' -o -name '*.h' | grep -v '^src/parser/' | sort)
((${#files[@]} > 50)) || { echo "layering: found only ${#files[@]} sources under src/ (wrong directory?)" >&2; exit 2; }
for f in "${files[@]}"; do
  while IFS= read -r hit; do
    fail "$f:$hit: names a dialect's front-end (use parser::parse(source, dialect) from parser/parser.h)"
  done < <(grep -nE '#include +"parser/(postgres|mysql)/|\b(pg|mysql)::(parse|shutdown)\b|parser::(pg|mysql)::' "$f")
done
for f in src/rules/*.cpp src/rules/*.h; do
  while IFS= read -r hit; do
    fail "$f:$hit: a rule includes a parser header (rules read IR facts only)"
  done < <(grep -nE '#include +"parser/' "$f")
done
# Rules ask the lock model for levels (analysis::Blocks, covers()), never
# compare a dialect's lock-mode names: the same rule runs on every dialect.
for f in src/rules/*.cpp src/rules/*.h; do
  while IFS= read -r hit; do
    fail "$f:$hit: a rule compares lock-mode names (ask analysis::Blocks / analysis::covers instead)"
  done < <(grep -nE '\.(mode|lock)\s*[!=]=|[!=]=\s*"(ACCESS|ROW |SHARE|EXCLUSIVE|MDL|NONE"|SHARED")|"(ACCESS (SHARE|EXCLUSIVE)|ROW (SHARE|EXCLUSIVE)|SHARE( ROW| UPDATE)? ?(EXCLUSIVE)?|EXCLUSIVE)"\s*[!=]=' "$f")
done
((status == 0)) && echo "layering: ${#files[@]} sources checked, no front-end named above src/parser/"
exit $status
