#!/usr/bin/env bash
# The real pre-commit runs this repository's `ddlint-system` hook
# (.pre-commit-hooks.yaml) in a throw-away repository with a migration
# history, on the staged files only: the findings it prints for them are
# exactly those `ddlint check FOLDER` gives for the same files (the earlier
# migrations of the folder are read as history; `schema_complete = true`
# makes a table they create known).
set -u
bin=$1
root=$2
command -v pre-commit >/dev/null 2>&1 || {
    echo "SKIP: pre-commit is not installed (scripts/setup installs the Debian package)"
    exit 77
}
command -v git >/dev/null 2>&1 || { echo "SKIP: git is not installed"; exit 77; }
git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || {
    echo "SKIP: $root is not a git repository (pre-commit try-repo needs one)"
    exit 77
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

repo=$work/repo
mkdir -p "$repo/db/migrations"
cd "$repo" || exit 1
g() { git -c user.email=t@example.com -c user.name=t "$@"; }
g init -q -b main .
printf 'schema_complete = true\n' > .ddlint.toml
printf 'CREATE TABLE users (id bigint PRIMARY KEY, u char(36));\n' > db/migrations/001_users.sql
printf 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\n' > db/migrations/002_orders.sql
printf 'SELECT 1;\n' > db/migrations/003_noop.sql
g add -A && g commit -q -m history
# Staged: a type change whose old type only the history knows, and an index
# on a table the history creates (unknown-object would flag it without it).
printf 'ALTER TABLE users ALTER COLUMN u TYPE text;\n' > db/migrations/004_alter_u.sql
printf 'CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);\n' > db/migrations/005_orders_idx.sql
# Not staged: later work that must not change the answer.
printf 'DROP TABLE orders;\n' > db/migrations/006_drop.sql
g add db/migrations/004_alter_u.sql db/migrations/005_orders_idx.sql

export PATH="$(dirname "$bin"):$PATH" NO_COLOR=1 PRE_COMMIT_HOME="$work/cache"
out=$(pre-commit try-repo "$root" ddlint-system 2>&1)
rc=$?
[ "$rc" -eq 1 ] || fail "pre-commit with findings: exit $rc, want 1"
echo "$out" | grep -q "Failed" || fail "the hook did not fail: $out"
got=$(echo "$out" | grep -E '^db/migrations/[0-9]+_[a-z_]+\.sql:[0-9]+:[0-9]+:' | sort)
rm db/migrations/006_drop.sql
want=$("$bin" check db/migrations 2>/dev/null | grep -E '^db/migrations/00[45]_[a-z_]+\.sql:[0-9]+:[0-9]+:' | sort)
[ -n "$want" ] || fail "ddlint check db/migrations reported nothing for the staged files"
echo "$want" | grep -q '004_alter_u.sql:1:19: error\[alter-column-type\] changing column `u` of `users` from `char(36)`' ||
    fail "the folder run lacks the alter-column-type error: $want"
echo "$want" | grep -q 'unknown-object' && fail "the folder run reports unknown-object: $want"
[ "$got" = "$want" ] || fail "pre-commit's findings differ from ddlint check on the folder:
--- pre-commit
$got
--- ddlint check db/migrations
$want"
# One run, one summary (require_serial: no parallel batches).
n=$(echo "$out" | grep -c -E '^ddlint: [0-9]+ files?,' || true)
[ "$n" -le 1 ] || fail "$n summaries in one pre-commit run"

if [ "$failures" -gt 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "ok: pre-commit on the staged files reports what ddlint check reports on the folder"
