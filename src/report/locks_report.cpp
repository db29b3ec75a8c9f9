#include "report/locks_report.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>

#include "analysis/locks.h"
#include "analysis/runner.h"
#include "analysis/table_stats.h"

namespace ddlint::report {

// A statement's text on one line, whitespace runs collapsed.
std::string one_line(std::string_view s) {
  std::string r;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !r.empty()) r += ' ';
    space = false;
    r += c;
  }
  return r;
}

namespace {

const char* tx_name(analysis::TxSource t) {
  switch (t) {
    case analysis::TxSource::Explicit:
      return "explicit";
    case analysis::TxSource::Runner:
      return "runner";
    case analysis::TxSource::Implicit:
      return "implicit";
    case analysis::TxSource::None:
      break;
  }
  return "none";
}

// The size and estimated duration of what the statement does to table k.
std::optional<analysis::SizeVerdict> table_size(const LocksInput& in, size_t i, size_t k) {
  const auto& f = in.facts.at(i);
  if (in.sizes == nullptr || k >= f.sizes().size() || f.sizes()[k] == nullptr || !f.sizes()[k]->rows)
    return std::nullopt;
  analysis::SizeVerdict v;
  v.table = f.sizes()[k];
  v.dialect = in.sizes->stats ? in.sizes->stats->dialect : Dialect::Postgres;
  v.work = analysis::table_work(in.parsed.statements[i], f.effect.tables[k]);
  v.per_second = analysis::bytes_per_second(v.work, *in.sizes);
  if (v.per_second > 0) v.seconds = static_cast<double>(v.table->bytes) / static_cast<double>(v.per_second);
  v.large = *v.table->rows >= in.sizes->large_table_rows;
  return v;
}

}  // namespace

void write_locks_json(const LocksInput& in, std::ostream& out) {
  const auto& facts = in.facts;
  nlohmann::ordered_json doc;
  doc["file"] = in.path;
  doc["pg_version"] = in.pg_version;
  doc["runner"] = std::string(analysis::runner_name(facts.plan().runner));
  doc["statements"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < in.parsed.statements.size(); ++i) {
    const auto& st = in.parsed.statements[i];
    if (st.recovered) continue;  // not analysed: reported with its syntax error
    const auto& f = facts.at(i);
    const auto pos = in.source.lines().position(st.range.begin);
    nlohmann::ordered_json s;
    s["line"] = pos.line;
    s["column"] = pos.column;
    s["kind"] = std::string(ir::to_string(st.kind()));
    s["text"] = one_line(in.source.slice(st.range));
    s["in_transaction"] = f.in_transaction;
    s["transaction"] = tx_name(f.tx);
    s["down"] = f.down;
    s["no_transaction_block"] = f.effect.no_transaction_block;
    if (f.effect.no_transaction_block) s["no_transaction_reason"] = f.effect.no_transaction_reason();
    // MySQL/MariaDB only: implicit commit, a statement the server refuses.
    if (f.effect.implicit_commit) s["implicit_commit"] = true;
    if (f.effect.fails) s["fails"] = f.effect.fail_reason();
    s["tables"] = nlohmann::ordered_json::array();
    for (const auto& t : f.effect.tables) {
      nlohmann::ordered_json j = {{"schema", t.table.schema},
                                  {"name", t.table.name},
                                  {"object", std::string(ir::to_string(t.object))},
                                  {"mode", t.mode},
                                  {"blocks", std::string(analysis::to_string(t.blocks))},
                                  {"rewrite", t.rewrite},
                                  {"scan", t.scan},
                                  {"existing", facts.is_existing(t.table, i)}};
      if (!t.index_name().empty()) j["index"] = t.index_name().display();  // locked through this index
      if (!t.algorithm().empty()) j["algorithm"] = t.algorithm();          // MySQL/MariaDB
      if (!t.lock().empty()) j["lock"] = t.lock();
      if (!t.unless().empty()) j["unless"] = t.unless();
      if (const auto v = table_size(in, i, &t - f.effect.tables.data())) {
        nlohmann::ordered_json size = {{"rows", *v->table->rows}, {"bytes", v->table->bytes}};
        if (v->per_second > 0) {
          size["work"] = std::string(analysis::to_string(v->work)).substr(4);  // without "the "
          size["estimated_seconds"] = v->seconds;
          size["bytes_per_second"] = v->per_second;
        }
        j["size"] = std::move(size);
      }
      s["tables"].push_back(std::move(j));
    }
    doc["statements"].push_back(std::move(s));
  }
  out << doc.dump(2) << "\n";
}

void write_locks_text(const LocksInput& in, std::ostream& out) {
  const auto& facts = in.facts;
  size_t section = SIZE_MAX;
  double total = 0;  // estimated seconds of the rewrites, scans and index builds
  for (size_t i = 0; i < in.parsed.statements.size(); ++i) {
    const auto& st = in.parsed.statements[i];
    if (st.recovered) continue;  // not analysed: reported with its syntax error
    const auto& f = facts.at(i);
    if (f.section != section && (facts.plan().sections.size() > 1 || f.down)) {
      // A heading per runner section: each runs separately.
      const auto& sec = facts.plan().sections[f.section];
      out << "-- " << (f.down ? "down" : "up") << " migration";
      if (facts.plan().runner != analysis::Runner::None)
        out << " (" << analysis::runner_name(facts.plan().runner) << ", " << analysis::tx_mode_name(sec.tx)
            << ")";
      out << "\n";
    }
    section = f.section;
    const auto pos = in.source.lines().position(st.range.begin);
    const std::string text = one_line(in.source.slice(st.range));
    out << in.path << ":" << pos.line << ":" << pos.column << ": "
        << (text.size() > 72 ? text.substr(0, 69) + "..." : text) << "\n";
    if (f.effect.tables.empty() && !f.effect.no_transaction_block) out << "    no table locks\n";
    for (const auto& t : f.effect.tables) {
      out << "    " << t.table.display()
          << (t.index_name().empty() ? std::string() : " (through index " + t.index_name().display() + ")")
          << ": " << t.mode << " (" << analysis::describe(t.blocks) << ")";
      if (!t.algorithm().empty()) out << ", ALGORITHM=" << t.algorithm();
      if (t.rewrite) out << ", rewrites";
      if (!t.unless().empty()) out << " unless " << t.unless();
      if (t.scan) out << ", scans";
      if (!facts.is_existing(t.table, i)) out << ", created in this file";
      if (const auto v = table_size(in, i, &t - f.effect.tables.data())) {
        out << "; ~" << analysis::thousands(*v->table->rows) << " rows ("
            << analysis::human_bytes(v->table->bytes) << ")";
        if (v->per_second > 0) {
          out << ": " << analysis::to_string(v->work) << " takes " << v->estimate();
          total += v->seconds;
        }
      }
      out << "\n";
    }
    if (f.effect.fails) out << "    the server refuses it: " << f.effect.fail_reason() << "\n";
    if (f.effect.no_transaction_block)
      out << "    cannot run inside a transaction block (" << f.effect.no_transaction_reason() << ")"
          << (f.in_transaction ? " but runs inside one" : "") << "\n";
  }
  if (in.sizes != nullptr && total > 0)
    out << "estimated duration: " << analysis::human_duration(total)
        << " for the rewrites, scans and index builds of the tables the table-stats file knows (an "
           "estimate from configured throughput, not a measurement)\n";
}

void write_locks_errors(const LocksInput& in, std::ostream& err) {
  for (const auto& e : in.parsed.errors) {
    const auto pos = in.source.lines().position(e.range.begin);
    err << in.path << ":" << pos.line << ":" << pos.column << ": not analysed: " << e.message << "\n";
  }
}

}  // namespace ddlint::report
