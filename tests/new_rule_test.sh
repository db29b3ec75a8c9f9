#!/usr/bin/env bash
# scripts/new-rule in a scratch copy of the tracked tree: it creates the rule
# file, the sorted rule_list.inc line, the rules.d page, the two cases and the
# README row; the rule file compiles; a second run and a bad id are refused.
set -u
root=$1
cxx=${2:-c++}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

cd "$root" || exit 1
git ls-files -z | xargs -0 cp --parents -t "$work" 2>/dev/null ||
    tar -C "$root" --exclude='./build*' -cf - . | tar -C "$work" -xf -
cd "$work" || exit 1

out=$(scripts/new-rule drop-trigger-cascade 2>&1) || fail "new-rule exited $?: $out"
for f in src/rules/drop_trigger_cascade.cpp rules.d/drop-trigger-cascade.md \
         testdata/rules/drop-trigger-cascade/basic.pg.sql testdata/rules/drop-trigger-cascade/near-miss.pg.sql; do
    [ -s "$f" ] || fail "missing $f"
done
grep -q '^DDLINT_RULE(DropTriggerCascade, "drop-trigger-cascade")$' src/rules/rule_list.inc ||
    fail "no DDLINT_RULE line for drop-trigger-cascade"
ids=$(sed -n 's/^DDLINT_RULE([A-Za-z0-9]*, "\(.*\)")$/\1/p' src/rules/rule_list.inc)
[ "$ids" = "$(printf '%s\n' "$ids" | LC_ALL=C sort)" ] || fail "rule_list.inc is not sorted"
[ "$(grep -c '^DDLINT_RULE(' src/rules/rule_list.inc)" -eq $(($(grep -c '^DDLINT_RULE(' "$root/src/rules/rule_list.inc") + 1)) ] ||
    fail "rule_list.inc should have exactly one more entry"
rows=$(grep -E '^\| `[a-z0-9-]+` \| (error|warning|info) \|' README.md | sed 's/^| `\([^`]*\)`.*/\1/')
printf '%s\n' "$rows" | grep -qx drop-trigger-cascade || fail "README.md has no row for drop-trigger-cascade"
[ "$rows" = "$(printf '%s\n' "$rows" | LC_ALL=C sort)" ] || fail "README.md rules table is not sorted"
# The page's front matter is the one the catalogue reads.
head -1 rules.d/drop-trigger-cascade.md | grep -qx '+++' || fail "page does not open with +++"
grep -qx 'id = "drop-trigger-cascade"' rules.d/drop-trigger-cascade.md || fail "page has no id line"
grep -q 'expect: drop-trigger-cascade' testdata/rules/drop-trigger-cascade/basic.pg.sql || fail "basic case expects nothing"
grep -q 'expect:' testdata/rules/drop-trigger-cascade/near-miss.pg.sql && fail "near miss expects a finding"
# The rule file compiles as it is.
"$cxx" -std=c++20 -Wall -Wextra -Werror -fsyntax-only -Isrc src/rules/drop_trigger_cascade.cpp ||
    fail "src/rules/drop_trigger_cascade.cpp does not compile"
# Refused: the same id again, a bad id.
scripts/new-rule drop-trigger-cascade >/dev/null 2>&1 && fail "a second run for the same id succeeded"
scripts/new-rule Drop_Trigger >/dev/null 2>&1 && fail "a bad id was accepted"
[ "$(grep -c 'drop-trigger-cascade' src/rules/rule_list.inc)" -eq 1 ] || fail "the refused run changed rule_list.inc"

if [ "$failures" -eq 0 ]; then echo "new-rule: ok"; fi
exit $((failures > 0))
