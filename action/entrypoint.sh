#!/usr/bin/env bash
# Entry point of the ddlint GitHub Action (action.yml at the repository root).
# GitHub passes the action's inputs as INPUT_<NAME> environment variables and
# runs this in the workspace, so report paths come out relative to the
# repository root, as code scanning wants them.
#
#   INPUT_PATHS    files or directories, separated by spaces or newlines (default: .)
#   INPUT_FORMAT   sarif | github | gitlab | json | text | gcc (default: sarif)
#   INPUT_OUTPUT   report file; empty prints to the log (default: ddlint.sarif)
#   INPUT_ARGS     extra arguments for `ddlint check`, split on whitespace
#   INPUT_FAIL     true: fail the step on findings (exit 1); false: only on
#                  usage, config or I/O errors (exit 2), so a later step can
#                  still upload the report (default: true)
# DDLINT names the binary (default: ddlint on PATH).
set -uo pipefail

ddlint=${DDLINT:-ddlint}
format=${INPUT_FORMAT:-sarif}
output=${INPUT_OUTPUT-ddlint.sarif}
fail=${INPUT_FAIL:-true}

read -r -a paths <<<"$(printf '%s' "${INPUT_PATHS:-.}" | tr '\n' ' ')"
read -r -a extra <<<"$(printf '%s' "${INPUT_ARGS:-}" | tr '\n' ' ')"
[ ${#paths[@]} -gt 0 ] || paths=(.)

cmd=("$ddlint" check --format "$format")
[ -n "$output" ] && cmd+=(--output "$output")
cmd+=("${extra[@]}" "${paths[@]}")

echo "+ ${cmd[*]}"
"${cmd[@]}"
rc=$?

if [ -n "$output" ] && [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "report=$output" >>"$GITHUB_OUTPUT"
fi
if [ "$rc" -eq 1 ] && [ "$fail" != "true" ]; then
  echo "ddlint reported findings (fail: $fail, so the step passes)"
  exit 0
fi
exit "$rc"
