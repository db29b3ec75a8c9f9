#pragma once
// Shared by missing-lock-timeout and missing-statement-timeout: statements
// that block reads or writes on an existing table, and whether a timeout
// bounds how long they can do so.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/locks.h"
#include "analysis/postgres/pg_settings.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"

namespace ddlint::rules {

enum class TimeoutState { Bounded, Missing, Disabled, TooLong, Invalid };

struct TimeoutVerdict {
  TimeoutState state = TimeoutState::Missing;
  std::string value;  // as written in SET
  double seconds = 0;
};

// Reads a timeout setting in effect (lock_timeout / statement_timeout).
inline TimeoutVerdict judge_timeout(const std::string* value, double max_seconds) {
  TimeoutVerdict v;
  if (!value) return v;
  v.value = *value;
  const auto s = analysis::pg_timeout_seconds(*value);
  if (!s) {
    v.state = TimeoutState::Invalid;
  } else if (*s == 0) {
    v.state = TimeoutState::Disabled;
  } else if (*s > max_seconds) {
    v.state = TimeoutState::TooLong;
    v.seconds = *s;
  } else {
    v.state = TimeoutState::Bounded;
    v.seconds = *s;
  }
  return v;
}

// Whether effect `k` of the visited statement (whose facts are `facts`) is
// one of the existing tables blocked_existing_tables() gives: it blocks
// traffic on a table that exists before the statement (with `waits_only`:
// it queues traffic while the statement waits, and the transaction does not
// hold the lock already).
inline bool blocks_existing_table(const engine::RuleContext& ctx, const analysis::StatementFacts& facts,
                                  size_t k, bool waits_only) {
  const analysis::TableEffect& effect = facts.effect.tables[k];
  const bool queues_all = waits_only && effect.waiting > effect.blocks;
  if (!analysis::blocks_traffic(queues_all ? effect.waiting : effect.blocks) ||
      !ctx.facts().is_existing(effect.table, ctx.statement_index()))
    return false;
  return !(waits_only && facts.is_held(k));  // granted at once
}

// A LOCK TABLE ... NOWAIT never waits.
inline bool never_waits(const ir::Statement& st) {
  const auto* l = st.as<ir::LockTable>();
  return l != nullptr && l->nowait;
}

// Whether blocked_existing_tables(ctx, st, waits_only) has any, without
// copying them.
inline bool blocks_existing_tables(const engine::RuleContext& ctx, const ir::Statement& st, bool waits_only) {
  const auto& facts = ctx.here();
  if (facts.effect.tables.empty() || never_waits(st)) return false;
  for (size_t k = 0; k < facts.effect.tables.size(); ++k)
    if (blocks_existing_table(ctx, facts, k, waits_only)) return true;
  return false;
}

// The existing tables the visited statement `st` blocks, strongest first. A
// LOCK TABLE ... NOWAIT never waits; with `waits_only`, what matters is what
// queues while the statement waits for its lock (TableEffect::waiting: a
// MySQL DDL statement's brief exclusive metadata lock queues everything),
// and locks the transaction already holds are left out (they are granted at
// once).
inline std::vector<analysis::TableEffect> blocked_existing_tables(const engine::RuleContext& ctx,
                                                                  const ir::Statement& st, bool waits_only) {
  std::vector<analysis::TableEffect> out;
  if (never_waits(st)) return out;
  const auto& facts = ctx.here();
  for (size_t k = 0; k < facts.effect.tables.size(); ++k) {
    // Judged before it is copied: most effects block nothing or are on a
    // table the file creates.
    if (!blocks_existing_table(ctx, facts, k, waits_only)) continue;
    const analysis::TableEffect& effect = facts.effect.tables[k];
    const bool queues_all = waits_only && effect.waiting > effect.blocks;
    // Copied once, into its place: a stronger lock on a table seen before
    // replaces that one's.
    const analysis::Blocks blocks = queues_all ? effect.waiting : effect.blocks;
    const auto take = [&](analysis::TableEffect& o) {
      o = effect;
      if (queues_all) {
        o.blocks = o.waiting;
        o.mode = "the exclusive metadata lock";
      }
    };
    bool seen = false;
    for (auto& o : out)
      if (analysis::same_table(o.table, effect.table)) {
        seen = true;
        if (blocks > o.blocks) take(o);
      }
    if (!seen) take(out.emplace_back());
  }
  if (out.size() > 1)
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.blocks > b.blocks; });
  return out;
}

// "reads and writes on `users`" / "writes to `users` and `orders`", appended
// to `out`.
inline void append_blocked_what(std::string& out, const std::vector<analysis::TableEffect>& tables) {
  out += tables.front().blocks == analysis::Blocks::ReadsAndWrites ? "reads and writes on " : "writes to ";
  for (size_t k = 0; k < tables.size(); ++k) {
    if (k > 0) out += k + 1 == tables.size() ? " and " : ", ";
    append_relation_name(out, tables[k].object, tables[k].table);
  }
}

inline std::string blocked_what(const std::vector<analysis::TableEffect>& tables) {
  std::string out;
  append_blocked_what(out, tables);
  return out;
}

// How the setting stands, for a message: "no lock_timeout set",
// "lock_timeout disabled (0)", ..., appended to `out`.
inline void append_timeout_phrase(std::string& out, const TimeoutVerdict& v, const std::string& setting,
                                  double max_seconds, Dialect dialect = Dialect::Postgres) {
  switch (v.state) {
    case TimeoutState::Missing:
      out += "no ";
      out += setting;
      out += " set";
      return;
    case TimeoutState::Disabled:
      out += setting;
      out += " disabled (`";
      out += v.value;
      out += "` means no limit)";
      return;
    case TimeoutState::TooLong:
      out += setting;
      out += ' ';
      out += analysis::format_seconds(v.seconds);
      out += ", above the maximum of ";
      out += analysis::format_seconds(max_seconds);
      return;
    case TimeoutState::Invalid:
      out += setting;
      out += " `";
      out += v.value;
      out += "`, a value ";
      out += dialect == Dialect::MySql ? "MySQL" : "PostgreSQL";
      out += " rejects (so no limit is in effect)";
      return;
    case TimeoutState::Bounded:
      return;
  }
}

inline std::string timeout_phrase(const TimeoutVerdict& v, const std::string& setting, double max_seconds,
                                  Dialect dialect = Dialect::Postgres) {
  std::string out;
  append_timeout_phrase(out, v, setting, max_seconds, dialect);
  return out;
}

// One finding per stretch of offending statements under the same setting:
// an offender joins the previous one's finding unless the setting may have
// changed in between (a SET or RESET of it, or the end of a transaction) or
// it is in another runner section (an up and a down migration are separate
// runs: each needs its own SET). Worked out as the statements come: the open
// group (its first offender carries the finding) is kept, and reported when
// the next one opens or at the end of the file.
struct OffenderGroup {
  TextRange range;  // the first offender's statement
  TimeoutVerdict verdict;
  size_t section = 0;
  std::vector<analysis::TableEffect> tables;  // those the first offender blocks
  size_t more = 0;                            // later offenders under the same setting
  std::optional<Edit> fix;                    // the fix's edit, when the rule has one
};

inline bool changes_setting(const ir::Statement& st, std::string_view setting) {
  if (const auto* s = st.as<ir::SetSetting>()) return s->all || s->name == setting;
  return st.as<ir::Transaction>() != nullptr;
}

struct OffenderGroups {
  std::optional<OffenderGroup> open;
  // The setting may have changed since the open group's latest offender.
  bool changed = false;

  // At a statement that is no offender.
  void pass(const ir::Statement& st, std::string_view setting) {
    if (open && !changed) changed = changes_setting(st, setting);
  }

  // At an offender (the visited statement, under `verdict`): whether it joins
  // the open group; if so, it is counted there. If not, the caller reports
  // the open group (if any) and opens the offender's.
  bool join(const engine::RuleContext& ctx, const TimeoutVerdict& verdict) {
    const bool joins = open && !changed && open->verdict.state == verdict.state &&
                       open->verdict.value == verdict.value && open->section == ctx.here().section;
    changed = false;
    if (joins) ++open->more;
    return joins;
  }
};

// "; the same holds for 2 more statements after it under this lock_timeout
// setting" (nothing for none), appended to `out`.
inline void append_more_phrase(std::string& out, size_t more, const std::string& setting) {
  if (more == 0) return;
  out += "; the same holds for ";
  out += std::to_string(more);
  out += more == 1 ? " more statement" : " more statements";
  out += " after it under this ";
  out += setting;
  out += " setting";
}

inline std::string more_phrase(size_t more, const std::string& setting) {
  std::string out;
  append_more_phrase(out, more, setting);
  return out;
}

}  // namespace ddlint::rules
