#include "report/locks_report.h"

#include <cstdint>
#include <nlohmann/json.hpp>

#include "analysis/locks.h"
#include "analysis/runner.h"

namespace ddlint::report {

namespace {

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
    if (f.effect.no_transaction_block) s["no_transaction_reason"] = f.effect.no_transaction_reason;
    // MySQL/MariaDB only: implicit commit, a statement the server refuses.
    if (f.effect.implicit_commit) s["implicit_commit"] = true;
    if (f.effect.fails) s["fails"] = f.effect.fail_reason;
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
      if (!t.via_index.empty()) j["index"] = t.via_index.display();  // locked through this index
      if (!t.algorithm.empty()) j["algorithm"] = t.algorithm;        // MySQL/MariaDB
      if (!t.lock.empty()) j["lock"] = t.lock;
      if (!t.unless.empty()) j["unless"] = t.unless;
      s["tables"].push_back(std::move(j));
    }
    doc["statements"].push_back(std::move(s));
  }
  out << doc.dump(2) << "\n";
}

void write_locks_text(const LocksInput& in, std::ostream& out) {
  const auto& facts = in.facts;
  size_t section = SIZE_MAX;
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
          << (t.via_index.empty() ? std::string() : " (through index " + t.via_index.display() + ")") << ": "
          << t.mode << " (" << analysis::describe(t.blocks) << ")";
      if (!t.algorithm.empty()) out << ", ALGORITHM=" << t.algorithm;
      if (t.rewrite) out << ", rewrites";
      if (!t.unless.empty()) out << " unless " << t.unless;
      if (t.scan) out << ", scans";
      if (!facts.is_existing(t.table, i)) out << ", created in this file";
      out << "\n";
    }
    if (f.effect.fails) out << "    the server refuses it: " << f.effect.fail_reason << "\n";
    if (f.effect.no_transaction_block)
      out << "    cannot run inside a transaction block (" << f.effect.no_transaction_reason << ")"
          << (f.in_transaction ? " but runs inside one" : "") << "\n";
  }
}

void write_locks_errors(const LocksInput& in, std::ostream& err) {
  for (const auto& e : in.parsed.errors) {
    const auto pos = in.source.lines().position(e.range.begin);
    err << in.path << ":" << pos.line << ":" << pos.column << ": not analysed: " << e.message << "\n";
  }
}

}  // namespace ddlint::report
