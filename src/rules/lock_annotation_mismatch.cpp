#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/locks.h"
#include "engine/rule_context.h"
#include "rules/helpers.h"
#include "rules/registry.h"

namespace ddlint::rules {

namespace {

using analysis::Blocks;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A declared table name split into schema and name, quotes removed. The
// annotation parser stores names lower-cased, so matching is
// case-insensitive even for quoted names.
struct DeclaredName {
  std::string schema;
  std::string name;
};

DeclaredName split_declared(std::string_view text) {
  std::vector<std::string> parts(1);
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) {
        if (i + 1 < text.size() && text[i + 1] == quote) {
          parts.back() += c;
          ++i;
        } else {
          quote = 0;
        }
      } else {
        parts.back() += c;
      }
    } else if (c == '"' || c == '`') {
      quote = c;
    } else if (c == '.') {
      parts.emplace_back();
    } else if (!std::isspace(static_cast<unsigned char>(c))) {
      parts.back() += c;
    }
  }
  DeclaredName d;
  d.name = lower(parts.back());
  if (parts.size() >= 2) d.schema = lower(parts[parts.size() - 2]);
  return d;
}

bool matches(const DeclaredName& d, const ir::QualifiedName& t) {
  if (d.name != lower(t.name)) return false;
  // An unqualified name on either side matches any schema (as analysis::same_table).
  return d.schema.empty() || t.schema.empty() || d.schema == lower(t.schema);
}

struct Declared {
  DeclaredName name;
  Blocks blocks;
};

// A blocked table whose declaration is weaker than what the migration takes.
struct Understated {
  ir::QualifiedName table;
  bool index_only = false;          // only the index name is known, not its table
  std::optional<Blocks> declared;   // unset: the table is not declared
  Blocks blocks = Blocks::Nothing;  // the strongest blocking of the table in the migration
  size_t statement = 0;             // the first statement that exceeds the declaration
  TextRange range;                  // its range
  std::string lock;                 // its lock on the table, for the message (analysis::lock_phrase)
  Blocks statement_blocks = Blocks::Nothing;
};

std::string word(Blocks b) { return std::string(analysis::to_string(b)); }

std::string declared_entry(const std::string& table, Blocks b, bool structured) {
  return structured ? table + ":" + word(b) : table + " (" + word(b) + ")";
}

}  // namespace

class LockAnnotationMismatch final : public engine::Rule {
  // Each up statement's locks as it comes (every kind of statement is
  // observed: any may lock a table), against the declaration: the tables
  // whose declaration is weaker, in the order first found, each with the
  // first statement that exceeds it.
  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    const auto& a = ctx.annotations();
    // No declaration at all is missing-lock-annotation's finding.
    if (!a.has_locks) return;
    const auto& facts = ctx.here();
    // The annotations describe the up migration.
    if (facts.down) return;
    const size_t i = ctx.statement_index();
    for (const auto& e : facts.effect.tables) {
      if (!analysis::blocks_traffic(e.blocks)) continue;
      if (!declared_read_) read_declared(a);
      ir::QualifiedName table = e.table;
      bool index_only = false;
      if (e.object == ir::ObjectKind::Index) {
        // An index built earlier in this file is judged by its table.
        if (const auto* t = ctx.facts().created_index_table(e.table, i))
          table = *t;
        else
          index_only = true;
      }
      if (!ctx.facts().is_existing(table, i)) continue;
      std::optional<Blocks> level;
      for (const auto& d : declared_)
        if (matches(d.name, table)) level = std::max(level.value_or(Blocks::Nothing), d.blocks);
      // The table of an index named alone is unknown: any declared table
      // could be it, so the strongest declaration covers it.
      if (index_only && !level && strongest_declared_ >= e.blocks) continue;
      if (level && *level >= e.blocks) continue;
      // A name in the annotation could not be read (missing-lock-annotation
      // says so): a table missing from the list may be that one.
      if (!level && a.locks_incomplete) continue;
      auto it = std::find_if(found_.begin(), found_.end(), [&](const Understated& u) {
        return u.index_only == index_only && analysis::same_table(u.table, table);
      });
      if (it == found_.end())
        found_.push_back(
            {table, index_only, level, e.blocks, i, st.range, analysis::lock_phrase(e), e.blocks});
      else if (it->statement == i && e.blocks > it->statement_blocks)
        *it = {
            table,   index_only, level, std::max(it->blocks, e.blocks), i, st.range, analysis::lock_phrase(e),
            e.blocks};
      else
        it->blocks = std::max(it->blocks, e.blocks);
    }
  }

  void read_declared(const analysis::Annotations& a) {
    declared_read_ = true;
    for (const auto& d : a.locks) declared_.push_back({split_declared(d.table), d.blocks});
    for (const auto& d : declared_) strongest_declared_ = std::max(strongest_declared_, d.blocks);
  }

  // The findings, from the summary, at the end of the file.
  void onFileEnd(engine::RuleContext& ctx) override {
    if (found_.empty()) return;
    const auto& a = ctx.annotations();

    const bool structured = lower(ctx.text(a.locks_range)).find("locks=") != std::string::npos;
    for (const auto& u : found_) {
      const std::string target = u.index_only ? "the table of index " + quoted(u.table) : quoted(u.table);
      std::string declared_what;
      if (u.declared)
        declared_what = "the lock annotation declares " + quoted(u.table) + " as `" + word(*u.declared) +
                        "` (" + std::string(analysis::describe(*u.declared)) + ")";
      else if (a.locks.empty())
        declared_what = "the lock annotation says the migration blocks nothing";
      else if (u.index_only)
        declared_what = "the lock annotation names neither the index nor any table with a lock that strong";
      else
        declared_what = "the lock annotation does not name " + target;
      const std::string entry = quoted(declared_entry(u.table.display(), u.blocks, structured));
      std::string help = "Declare what the migration really takes: ";
      if (u.index_only && !u.declared)
        help += std::string(a.locks.empty() ? "replace `none` with" : "add") + " the table of index " +
                quoted(u.table) + " as `" + word(u.blocks) + "`";
      else if (u.declared)
        help += "change the entry for " + quoted(u.table) + " to " + entry;
      else if (a.locks.empty())
        help += "replace `none` with " + entry;
      else
        help += "add " + entry + " to the list";
      help += structured ? " in `-- ddlint: locks=...`." : " in `-- Locks: ...`.";
      ctx.report(u.range, "this statement takes " + u.lock + " on " + target + ", which " +
                              std::string(analysis::describe(u.statement_blocks)) + ", but " + declared_what)
          .help(help);
    }
  }

  // The lock annotation's entries, names split, read at the first lock
  // that blocks traffic.
  bool declared_read_ = false;
  std::vector<Declared> declared_;
  Blocks strongest_declared_ = Blocks::Nothing;
  std::vector<Understated> found_;
};

DDLINT_DEFINE_RULE(LockAnnotationMismatch)

}  // namespace ddlint::rules
