#include "report/trace_report.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "analysis/locks.h"
#include "report/locks_report.h"

namespace ddlint::report {

namespace {

std::string mode_name(int strength) {
  static const char* const kModes[8] = {
      "ACCESS SHARE", "ROW SHARE",           "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE",
      "SHARE",        "SHARE ROW EXCLUSIVE", "EXCLUSIVE",     "ACCESS EXCLUSIVE"};
  return strength >= 0 && strength < 8 ? kModes[strength] : "";
}

// Locks that keep other sessions from writing (SHARE and stronger).
constexpr int kBlocksWrites = 4;

bool is_table(char kind) { return kind == 'r' || kind == 'p' || kind == 'm'; }

// The relation the model names, among those the session holds locks on.
const db::RelationLocks* find(const db::StatementRun& run, const ir::QualifiedName& q) {
  const db::RelationLocks* hit = nullptr;
  // By the name it had when the statement began (a rename changes it).
  for (const auto& l : run.locks) {
    const std::string& name = l.old_name.empty() ? l.name : l.old_name;
    const std::string& schema = l.old_name.empty() ? l.schema : l.old_schema;
    if (name != q.name || (!q.schema.empty() && schema != q.schema)) continue;
    // Without a schema, the one in `public` wins over a namesake elsewhere.
    if (hit == nullptr || (q.schema.empty() && schema == "public")) hit = &l;
  }
  return hit;
}

std::string milliseconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ms < 10 ? "%.1f ms" : "%.0f ms", ms);
  return buf;
}

// The file position `chars` characters (1-based, as PostgreSQL counts them)
// into the statement at `range`.
uint32_t char_offset(const SourceFile& source, TextRange range, int chars) {
  const std::string_view text = source.slice(range);
  size_t byte = 0;
  for (int n = 1; n < chars && byte < text.size(); ++n) {
    ++byte;
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0U) == 0x80U) ++byte;
  }
  return range.begin + static_cast<uint32_t>(byte);
}

}  // namespace

std::vector<TraceRelation> compare_statement(const TraceFile& file, const TraceStatement& st,
                                             std::vector<TraceFinding>* findings) {
  std::vector<TraceRelation> out;
  if (st.status != TraceStatement::Status::Ran) return out;
  const SourceFile& source = *file.source;
  // A statement ddlint could not parse has no prediction: what the server
  // did is listed, nothing is a mismatch.
  auto finding = [&](TextRange at, std::string message) {
    if (findings != nullptr && st.index != SIZE_MAX)
      findings->push_back(
          {file.path, source.lines().position(at.begin), "trace-mismatch", std::move(message)});
  };
  const TextRange stmt_at{st.range.begin, st.range.begin};

  // The model's strongest mode per relation, and its rewrites.
  struct Predicted {
    ir::QualifiedName name;
    bool index = false;  // the name is an index's (its table unknown to the model)
    int strength = -1;
    bool rewrite = false;  // certain
    std::string unless;    // a rewrite that rests on an old column definition
    TextRange at;
  };
  std::vector<Predicted> predicted;
  if (st.index != SIZE_MAX && file.facts != nullptr) {
    for (const auto& e : file.facts->at(st.index).effect.tables) {
      auto it = std::find_if(predicted.begin(), predicted.end(), [&](const Predicted& p) {
        return p.name.name == e.table.name && p.name.schema == e.table.schema;
      });
      if (it == predicted.end()) {
        it = predicted.insert(predicted.end(),
                              Predicted{e.table,
                                        e.object == ir::ObjectKind::Index,
                                        -1,
                                        false,
                                        {},
                                        e.table.range.end > e.table.range.begin ? e.table.range : stmt_at});
      }
      it->strength = std::max(it->strength, e.strength);
      if (e.rewrite && e.unless().empty()) it->rewrite = true;
      if (e.rewrite && !e.unless().empty()) it->unless = e.unless();
    }
  }

  std::vector<const db::RelationLocks*> covered;
  auto rewritten = [&](const db::RelationLocks& l) {
    return std::find(st.run.rewritten.begin(), st.run.rewritten.end(), l.schema + "." + l.name) !=
           st.run.rewritten.end();
  };
  for (const auto& p : predicted) {
    TraceRelation r;
    r.name = p.name.display();
    r.predicted = mode_name(p.strength);
    r.rewrite_predicted = p.rewrite;
    r.rewrite_unless = p.rewrite ? std::string() : p.unless;
    const db::RelationLocks* l = find(st.run, p.name);
    if (l == nullptr) {
      if (std::find(st.absent.begin(), st.absent.end(), r.name) != st.absent.end()) {
        r.note = "no such relation";
      } else {
        finding(p.at,
                r.name + ": the lock model predicts " + r.predicted + ", the server took no lock on it");
      }
      out.push_back(std::move(r));
      continue;
    }
    covered.push_back(l);
    if (p.index) {
      // The model's mode for an index named without its table is the
      // table's lock (REINDEX INDEX: SHARE on the table, ACCESS EXCLUSIVE on
      // the index): compare it there when the table is locked.
      for (const auto& t : st.run.locks)
        if (t.name == l->table && t.schema == l->schema) {
          covered.push_back(&t);
          if (t.acquired >= 0 || (t.held & (1U << p.strength)) != 0) l = &t;
          break;
        }
    }
    r.name = l->schema + "." + l->name;
    if (!l->old_name.empty()) r.note = "was " + l->old_schema + "." + l->old_name;
    const bool has_predicted = (l->held & (1U << p.strength)) != 0;
    if (l->acquired >= 0) {
      r.observed = mode_name(l->acquired);
    } else if (has_predicted) {
      r.observed = r.predicted;
      r.already_held = true;
    } else {
      r.observed = mode_name(l->strongest());
      r.already_held = true;
    }
    if (!l->preexisting) r.note = "created in this transaction";
    if (l->dropped) r.note = "dropped";
    if (l->acquired > p.strength)
      finding(p.at, r.name + ": the lock model predicts " + r.predicted + ", the server took " + r.observed);
    else if (!has_predicted)
      finding(p.at, r.name + ": the lock model predicts " + r.predicted + ", the server took " +
                        (l->acquired >= 0 ? r.observed : "no new lock (it holds " + r.observed + ")"));
    r.rewrite_observed = rewritten(*l);
    if (l->preexisting && (l->kind == 'r' || l->kind == 'm') && p.unless.empty()) {
      if (r.rewrite_observed && !p.rewrite)
        finding(p.at, r.name + ": the server rewrote it (new heap file), the lock model predicts no rewrite");
      if (!r.rewrite_observed && p.rewrite && !l->dropped)
        finding(p.at, r.name + ": the lock model predicts a rewrite, the server did not rewrite it");
    }
    out.push_back(std::move(r));
  }
  // Locks the model does not predict: a finding when they block writes.
  for (const auto& l : st.run.locks) {
    if (l.acquired < 0 || !(is_table(l.kind) || l.kind == 'v' || l.kind == 'f')) continue;
    if (std::find(covered.begin(), covered.end(), &l) != covered.end()) continue;
    TraceRelation r;
    r.name = l.schema + "." + l.name;
    r.observed = mode_name(l.acquired);
    r.rewrite_observed = rewritten(l);
    if (!l.preexisting) {
      r.note = "created in this transaction";
    } else if (is_table(l.kind)) {
      if (l.acquired >= kBlocksWrites)
        finding(stmt_at,
                r.name + ": the server took " + r.observed + ", the lock model predicts no lock on it");
      if (r.rewrite_observed)
        finding(stmt_at,
                r.name + ": the server rewrote it (new heap file), the lock model predicts no rewrite");
    }
    out.push_back(std::move(r));
  }
  return out;
}

namespace {

std::string status_line(const TraceStatement& st) {
  std::string s = milliseconds(st.run.ms);
  if (st.run.rows) s += ", " + std::to_string(*st.run.rows) + (*st.run.rows == 1 ? " row" : " rows");
  return s;
}

// The failed statement's finding, at the character the server points at.
TraceFinding failure(const TraceFile& file, const TraceStatement& st) {
  const uint32_t at =
      st.run.error_position > 0 ? char_offset(*file.source, st.range, st.run.error_position) : st.range.begin;
  return {file.path, file.source->lines().position(at), "trace-error",
          "the statement failed: " + st.run.error + " (the transaction was rolled back)"};
}

}  // namespace

std::vector<TraceFinding> write_trace_text(const TraceRun& run, std::ostream& out) {
  std::vector<TraceFinding> all;
  for (const auto& file : run.files) {
    for (const auto& st : file.statements) {
      const auto pos = file.source->lines().position(st.range.begin);
      const std::string text = one_line(file.source->slice(st.range));
      out << file.path << ":" << pos.line << ":" << pos.column << ": "
          << (text.size() > 72 ? text.substr(0, 69) + "..." : text);
      if (st.status == TraceStatement::Status::NotRun) {
        out << "\n    not run: " << st.not_run << "\n";
        continue;
      }
      if (st.status == TraceStatement::Status::Failed) {
        out << "\n    failed\n";
        const auto f = failure(file, st);
        write_trace_finding(f, out);
        all.push_back(f);
        continue;
      }
      out << " (" << status_line(st) << ")\n";
      if (st.index == SIZE_MAX)
        out << "    not analysed by ddlint (it did not parse): no prediction to compare\n";
      std::vector<TraceFinding> findings;
      const auto rels = compare_statement(file, st, &findings);
      if (rels.empty()) out << "    no table locks\n";
      for (const auto& r : rels) {
        out << "    " << r.name << ": server " << (r.observed.empty() ? "none" : r.observed)
            << (r.already_held ? " (held before)" : "") << (r.rewrite_observed ? ", rewritten" : "")
            << "; model " << (r.predicted.empty() ? "none" : r.predicted)
            << (r.rewrite_predicted ? ", rewrites" : "")
            << (r.rewrite_unless.empty() ? "" : ", rewrites unless " + r.rewrite_unless)
            << (r.note.empty() ? "" : " (" + r.note + ")") << "\n";
      }
      for (const auto& f : findings) write_trace_finding(f, out);
      all.insert(all.end(), findings.begin(), findings.end());
    }
  }
  return all;
}

std::vector<TraceFinding> write_trace_json(const TraceRun& run, std::ostream& out) {
  std::vector<TraceFinding> all;
  nlohmann::ordered_json doc;
  doc["database"] = run.target;
  doc["server_version"] = run.server_major;
  doc["committed"] = run.committed;
  doc["files"] = nlohmann::ordered_json::array();
  for (const auto& file : run.files) {
    nlohmann::ordered_json jf;
    jf["file"] = file.path;
    jf["statements"] = nlohmann::ordered_json::array();
    for (const auto& st : file.statements) {
      const auto pos = file.source->lines().position(st.range.begin);
      nlohmann::ordered_json s;
      s["line"] = pos.line;
      s["column"] = pos.column;
      s["text"] = one_line(file.source->slice(st.range));
      s["status"] = st.status == TraceStatement::Status::Ran      ? "ran"
                    : st.status == TraceStatement::Status::Failed ? "failed"
                                                                  : "not run";
      if (st.status == TraceStatement::Status::NotRun) {
        s["reason"] = st.not_run;
      } else {
        s["ms"] = static_cast<double>(static_cast<long long>(st.run.ms * 1000)) / 1000;
        if (st.run.rows)
          s["rows"] = *st.run.rows;
        else
          s["rows"] = nullptr;
      }
      if (st.status == TraceStatement::Status::Failed) {
        const auto f = failure(file, st);
        s["error"] = st.run.error;
        all.push_back(f);
      }
      std::vector<TraceFinding> findings;
      s["relations"] = nlohmann::ordered_json::array();
      for (const auto& r : compare_statement(file, st, &findings)) {
        nlohmann::ordered_json j;
        j["name"] = r.name;
        j["server"] =
            r.observed.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.observed);
        j["held_before"] = r.already_held;
        j["model"] =
            r.predicted.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.predicted);
        j["rewritten"] = r.rewrite_observed;
        j["model_rewrites"] = r.rewrite_predicted;
        if (!r.rewrite_unless.empty()) j["model_rewrites_unless"] = r.rewrite_unless;
        if (!r.note.empty()) j["note"] = r.note;
        s["relations"].push_back(std::move(j));
      }
      all.insert(all.end(), findings.begin(), findings.end());
      jf["statements"].push_back(std::move(s));
    }
    doc["files"].push_back(std::move(jf));
  }
  doc["findings"] = trace_findings_json(all);
  out << doc.dump(2) << "\n";
  return all;
}

void write_trace_finding(const TraceFinding& f, std::ostream& out) {
  out << f.path << ":" << f.at.line << ":" << f.at.column << ": error: " << f.message << " [" << f.rule
      << "]\n";
}

nlohmann::ordered_json trace_findings_json(const std::vector<TraceFinding>& findings) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& f : findings)
    list.push_back({{"file", f.path},
                    {"line", f.at.line},
                    {"column", f.at.column},
                    {"rule", f.rule},
                    {"severity", "error"},
                    {"message", f.message}});
  return list;
}

}  // namespace ddlint::report
