#!/usr/bin/env bash
# `ddlint check --format sarif examples/` must pass the SARIF validator with
# GitHub's ingestion rules (scripts/sarif-validate; 77 = validator unavailable).
set -u
bin=$1
root=$2
out=$(mktemp --suffix=.sarif)
trap 'rm -f "$out"' EXIT
cd "$root" || exit 1
"$bin" check --format sarif --output "$out" examples/
rc=$?
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "ddlint exited $rc"
  exit 1
fi
"$root/scripts/sarif-validate" "$out"
