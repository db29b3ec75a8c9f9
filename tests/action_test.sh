#!/usr/bin/env bash
# The GitHub Action's entry point (action/entrypoint.sh) run the way GitHub
# runs it: inputs as INPUT_* variables, in the repository root.
set -u
bin=$1
root=$2
cd "$root" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

run() {  # run VAR=value... ; sets rc and out
  out=$(env DDLINT="$bin" GITHUB_OUTPUT="$work/github_output" "$@" action/entrypoint.sh 2>&1)
  rc=$?
}

# SARIF report to a file; findings fail the step by default.
run INPUT_PATHS=examples/002_add_email_index.sql INPUT_OUTPUT="$work/r.sarif"
[ "$rc" -eq 1 ] || fail "findings with fail=true: exit $rc, want 1"
grep -q '"ruleId": "create-index-non-concurrently"' "$work/r.sarif" 2>/dev/null || fail "SARIF report lacks the create-index-non-concurrently result"
grep -q "^report=$work/r.sarif\$" "$work/github_output" 2>/dev/null || fail "no report output for GitHub"

# fail=false: findings do not fail the step ...
run INPUT_PATHS=examples/002_add_email_index.sql INPUT_OUTPUT="$work/r2.sarif" INPUT_FAIL=false
[ "$rc" -eq 0 ] || fail "findings with fail=false: exit $rc, want 0"
[ -s "$work/r2.sarif" ] || fail "fail=false wrote no report"
# ... but a usage error still does.
run INPUT_PATHS=examples INPUT_ARGS="--select no-such-rule" INPUT_FAIL=false INPUT_OUTPUT="$work/r3.sarif"
[ "$rc" -eq 2 ] || fail "unknown rule with fail=false: exit $rc, want 2"

# Several paths separated by newlines, extra arguments, report in the log.
run INPUT_PATHS=$'examples/002_add_email_index.sql\nexamples/005_drop_legacy.sql' INPUT_FORMAT=gcc \
  INPUT_OUTPUT= INPUT_ARGS="--select drop-table,create-index-non-concurrently"
[ "$rc" -eq 1 ] || fail "gcc run: exit $rc, want 1"
grep -q '^examples/002_add_email_index.sql:[0-9]*:[0-9]*: error: .*\[create-index-non-concurrently\]$' <<<"$out" ||
  fail "gcc output lacks the 002 finding: $out"
grep -q '^examples/005_drop_legacy.sql:[0-9]*:[0-9]*: warning: .*\[drop-table\]$' <<<"$out" ||
  fail "gcc output lacks the 005 finding: $out"
if grep -q 'drop-column' <<<"$out"; then fail "--select from args was not applied: $out"; fi

[ "$failures" -eq 0 ] && echo "action entry point: all checks passed"
[ "$failures" -eq 0 ]
