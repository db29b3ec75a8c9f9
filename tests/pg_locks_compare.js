// Compares `ddlint locks --format json` with the locks a real PostgreSQL
// server holds (see pg_locks_test.sh). Usage: PSQL="psql args" node this plan.json
"use strict";
const fs = require("fs");
const { execFileSync } = require("child_process");

const plan = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const psql = process.env.PSQL.split(" ");
const run = (sql) =>
  execFileSync(psql[0], [...psql.slice(1), "-At", "-F", "|", "-c", sql], { encoding: "utf8" }).trim();

const ORDER = ["AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock", "ShareLock",
               "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock"];
const NAME = {AccessShareLock: "ACCESS SHARE", RowShareLock: "ROW SHARE", RowExclusiveLock: "ROW EXCLUSIVE",
              ShareUpdateExclusiveLock: "SHARE UPDATE EXCLUSIVE", ShareLock: "SHARE",
              ShareRowExclusiveLock: "SHARE ROW EXCLUSIVE", ExclusiveLock: "EXCLUSIVE",
              AccessExclusiveLock: "ACCESS EXCLUSIVE"};
const BLOCKING = new Set(["SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"]);

// Fixture relations by oid (names can change inside a case, e.g. RENAME).
const rels = new Map();  // oid -> {name, kind, table}
for (const line of run(`SELECT c.oid, c.relname, c.relkind, coalesce(t.relname, '')
                          FROM pg_class c LEFT JOIN pg_index i ON i.indexrelid = c.oid
                          LEFT JOIN pg_class t ON t.oid = i.indrelid
                         WHERE c.relnamespace = 'public'::regnamespace`).split("\n")) {
  const [oid, name, kind, table] = line.split("|");
  rels.set(oid, {name, kind, table});
}
const byName = new Map([...rels.values()].map((r) => [r.name, r]));
// Heap file of each fixture table and materialized view: a rewrite gives it a new one.
const FILES = `SELECT 'file', c.oid, pg_relation_filenode(c.oid) FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'm')`;
const files = (out) =>
  new Map(out.split("\n").filter((l) => l.startsWith("file|")).map((l) => l.split("|").slice(1)));
const filesBefore = files(run(FILES));

let failures = 0;
let checked = 0;
for (const st of plan.statements) {
  if (st.no_transaction_block) {
    console.log(`skip  ${st.line}: ${st.text} (not allowed in a transaction block)`);
    continue;
  }
  let out;
  try {
    out = run(`BEGIN; ${st.text}; SELECT l.relation, l.mode FROM pg_locks l
               WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted; ${FILES}; ROLLBACK;`);
  } catch (e) {
    console.log(`FAIL  ${st.line}: ${st.text}\n      the server rejected the case: ${String(e.stderr || e).trim()}`);
    failures++;
    continue;
  }
  // Strongest mode per fixture relation.
  const held = new Map();
  for (const line of out.split("\n").filter(Boolean)) {
    const [oid, mode] = line.split("|");
    const rel = rels.get(oid);
    if (!rel) continue;  // created by the case itself
    const prev = held.get(rel.name);
    if (!prev || ORDER.indexOf(mode) > ORDER.indexOf(prev)) held.set(rel.name, mode);
  }
  const problems = [];
  const covered = new Set();
  const predicted = new Map();
  for (const t of st.tables) {
    const prev = predicted.get(t.name);
    if (!prev || Object.values(NAME).indexOf(t.mode) > Object.values(NAME).indexOf(prev)) predicted.set(t.name, t.mode);
  }
  for (const [name, mode] of predicted) {
    covered.add(name);
    const actual = held.has(name) ? NAME[held.get(name)] : "none";
    if (actual !== mode) problems.push(`${name}: ddlint says ${mode}, server holds ${actual}`);
    // An index's lock extends to its table (DROP INDEX locks the table too).
    const rel = byName.get(name);
    if (rel && rel.kind === "i" && rel.table) {
      covered.add(rel.table);
      const onTable = held.has(rel.table) ? NAME[held.get(rel.table)] : "none";
      if (BLOCKING.has(onTable) !== BLOCKING.has(mode))
        problems.push(`${rel.table} (table of ${name}): ddlint says ${mode}, server holds ${onTable}`);
    }
  }
  for (const [name, mode] of held) {
    const rel = byName.get(name);
    if (covered.has(name) || !rel || !["r", "p", "m"].includes(rel.kind)) continue;
    if (BLOCKING.has(NAME[mode])) problems.push(`${name}: ddlint predicts no blocking lock, server holds ${NAME[mode]}`);
  }
  // A fixture table gets a new heap file exactly when ddlint says the statement rewrites it.
  const rewrites = new Set(st.tables.filter((t) => t.rewrite).map((t) => t.name));
  for (const [oid, node] of files(out)) {
    const rel = rels.get(oid);
    if (!rel) continue;
    const rewritten = node !== filesBefore.get(oid);
    if (rewritten !== rewrites.has(rel.name))
      problems.push(`${rel.name}: ddlint says ${rewrites.has(rel.name) ? "rewrite" : "no rewrite"}, ` +
                    `the server ${rewritten ? "rewrote it" : "did not rewrite it"}`);
  }
  checked++;
  const summary = [...predicted].map(([n, m]) => `${n}=${m}`).join(", ") || "no table locks";
  if (problems.length) {
    failures++;
    console.log(`FAIL  ${st.line}: ${st.text}\n      ${problems.join("\n      ")}`);
  } else {
    console.log(`ok    ${st.line}: ${st.text} [${summary}]`);
  }
}
console.log(`\n${checked} statements checked against the server, ${failures} mismatches`);
process.exit(failures ? 1 : checked > 0 ? 0 : 1);
