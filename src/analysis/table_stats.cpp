#include "analysis/table_stats.h"

#include <cmath>
#include <cstdio>

#include "analysis/locks.h"
#include "ir/facts.h"
#include "ir/ir.h"

namespace ddlint::analysis {

const TableSize* TableStats::find(const ir::QualifiedName& table) const {
  const TableSize* found = nullptr;
  for (const auto& t : tables) {
    if (t.name != table.name) continue;
    if (!table.schema.empty()) {
      if (t.schema == table.schema) return &t;
      continue;
    }
    if (dialect == Dialect::Postgres) {
      if (t.schema == "public") return &t;
      continue;
    }
    if (found != nullptr) return nullptr;  // the name in two databases: which one is unknown
    found = &t;
  }
  return found;
}

std::string thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

namespace {

std::string one_decimal(double v, const char* unit) {
  char buf[64];
  if (v < 10 && std::round(v * 10) != std::round(v) * 10)
    std::snprintf(buf, sizeof buf, "%.1f %s", v, unit);
  else
    std::snprintf(buf, sizeof buf, "%.0f %s", std::round(v), unit);
  return buf;
}

}  // namespace

std::string human_bytes(int64_t bytes) {
  const double b = static_cast<double>(bytes);
  if (b >= 1e12) return one_decimal(b / 1e12, "TB");
  if (b >= 1e9) return one_decimal(b / 1e9, "GB");
  if (b >= 1e6) return one_decimal(b / 1e6, "MB");
  if (b >= 1e3) return one_decimal(b / 1e3, "kB");
  return std::to_string(bytes) + " bytes";
}

std::string human_duration(double seconds) {
  if (seconds < 1) return "under 1 s";
  if (seconds < 90) return "about " + one_decimal(seconds, "s");
  if (seconds < 90 * 60) return "about " + one_decimal(seconds / 60, "min");
  return "about " + one_decimal(seconds / 3600, "h");
}

std::string_view to_string(TableWork w) {
  switch (w) {
    case TableWork::Rewrite:
      return "the rewrite";
    case TableWork::Scan:
      return "the scan";
    case TableWork::IndexBuild:
      return "the index build";
    case TableWork::None:
      break;
  }
  return "";
}

TableWork table_work(const ir::Statement& statement, const TableEffect& effect) {
  if (effect.rewrite) return TableWork::Rewrite;
  bool index = statement.as<ir::CreateIndex>() != nullptr || statement.as<ir::Reindex>() != nullptr;
  if (!index)
    for (const auto& f : ir::facts(statement))
      if (f.kind == ir::FactKind::AddIndex || (f.kind == ir::FactKind::AddConstraint && f.constraint &&
                                               (f.constraint->kind == ir::ConstraintKind::Unique ||
                                                f.constraint->kind == ir::ConstraintKind::PrimaryKey ||
                                                f.constraint->kind == ir::ConstraintKind::Exclusion)))
        index = true;
  if (index &&
      (effect.scan || statement.as<ir::CreateIndex>() != nullptr || statement.as<ir::Reindex>() != nullptr))
    return TableWork::IndexBuild;
  return effect.scan ? TableWork::Scan : TableWork::None;
}

int64_t bytes_per_second(TableWork w, const SizePolicy& policy) {
  switch (w) {
    case TableWork::Rewrite:
      return policy.rewrite_bytes_per_second;
    case TableWork::Scan:
      return policy.scan_bytes_per_second;
    case TableWork::IndexBuild:
      return policy.index_bytes_per_second;
    case TableWork::None:
      break;
  }
  return 0;
}

SizeVerdict size_verdict(const ir::Statement& statement, const StatementEffect& effect,
                         const std::vector<const TableSize*>& sizes, const TableSize* written,
                         const SizePolicy& policy) {
  SizeVerdict v;
  if (policy.stats) v.dialect = policy.stats->dialect;
  if (sizes.size() != effect.tables.size()) return v;
  // The tables the statement does work on in proportion to their size; all
  // of its tables when it does no such work (an UPDATE of every row).
  std::vector<TableWork> work(effect.tables.size());
  bool any_work = false;
  for (size_t k = 0; k < effect.tables.size(); ++k) {
    work[k] = table_work(statement, effect.tables[k]);
    any_work = any_work || work[k] != TableWork::None;
  }
  bool all_small = policy.safe_below_rows > 0;
  bool any = false;
  for (size_t k = 0; k < effect.tables.size(); ++k) {
    if (any_work && work[k] == TableWork::None) continue;
    any = true;
    const TableSize* t = sizes[k];
    if (t == nullptr || !t->rows) {
      all_small = false;
      continue;
    }
    if (*t->rows >= policy.safe_below_rows) all_small = false;
    if (v.table == nullptr || *t->rows > *v.table->rows) {
      v.table = t;
      v.work = work[k];
    }
  }
  if (!any && written != nullptr) {  // DML: the lock model gives it no table effect
    any = true;
    if (written->rows) v.table = written;
    all_small = all_small && written->rows && *written->rows < policy.safe_below_rows;
  }
  v.safe = any && all_small;
  if (v.table == nullptr) return v;
  v.large = *v.table->rows >= policy.large_table_rows;
  v.per_second = bytes_per_second(v.work, policy);
  if (v.per_second > 0) v.seconds = static_cast<double>(v.table->bytes) / static_cast<double>(v.per_second);
  return v;
}

std::string shown_name(const TableSize& t, Dialect dialect) {
  return dialect == Dialect::Postgres && !t.schema.empty() && t.schema != "public" ? t.schema + "." + t.name
                                                                                   : t.name;
}

std::string SizeVerdict::estimate() const {
  if (table == nullptr || per_second <= 0) return {};
  return human_duration(seconds) + " (estimate at " + human_bytes(per_second) + "/s)";
}

std::string SizeVerdict::describe() const {
  if (table == nullptr) return {};
  std::string s = "`" + shown_name(*table, dialect) + "` has ~" + thousands(*table->rows) + " rows (" +
                  human_bytes(table->bytes) + ")";
  if (per_second > 0) s += "; " + std::string(to_string(work)) + " takes " + estimate();
  return s;
}

}  // namespace ddlint::analysis
