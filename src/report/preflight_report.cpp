#include "report/preflight_report.h"

#include <nlohmann/json.hpp>

namespace ddlint::report {

namespace {

std::string row_text(const std::vector<std::pair<std::string, std::optional<std::string>>>& row) {
  std::string s = "(";
  for (size_t k = 0; k < row.size(); ++k) {
    std::string v = row[k].second.value_or("NULL");
    if (v.size() > 40) v = v.substr(0, 37) + "...";
    s += (k ? ", " : "") + row[k].first + "=" + v;
  }
  return s + ")";
}

}  // namespace

void write_preflight_text(const PreflightInput& in, std::ostream& out) {
  for (size_t k = 0; k < in.checks.size(); ++k) {
    const auto& c = in.checks[k];
    const auto pos = in.source.lines().position(c.range.begin);
    out << in.path << ":" << pos.line << ":" << pos.column << ": ";
    const PreflightOutcome* o = in.outcomes != nullptr ? &(*in.outcomes)[k] : nullptr;
    if (o == nullptr) {
      out << c.change << " fails if " << c.fails_if;
    } else if (!o->error.empty()) {
      out << "error[preflight-error] " << c.change << ": the query failed: " << o->error;
    } else if (o->count == 0) {
      out << "ok: " << c.change << ": nothing in the way\n";
      continue;
    } else {
      out << "error[preflight-violation] " << c.change << " fails: ";
      if (c.unit.empty())
        out << c.fails_if;
      else
        out << o->count << " " << c.unit << (o->count == 1 ? "" : "s") << " in the way (" << c.fails_if
            << ")";
      if (!o->sample.empty()) {
        out << "; first:";
        for (size_t r = 0; r < o->sample.size(); ++r) out << (r ? ", " : " ") << row_text(o->sample[r]);
      }
    }
    out << "\n    count:  " << c.count_sql << "\n    sample: " << c.sample_sql << "\n";
  }
}

void write_preflight_json(const std::vector<PreflightInput>& files, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["checks"] = nlohmann::ordered_json::array();
  for (const auto& in : files)
    for (const auto& c : in.checks) {
      const auto pos = in.source.lines().position(c.range.begin);
      nlohmann::ordered_json j;
      j["file"] = in.path;
      j["line"] = pos.line;
      j["column"] = pos.column;
      j["change"] = c.change;
      j["fails_if"] = c.fails_if;
      j["count_sql"] = c.count_sql;
      j["sample_sql"] = c.sample_sql;
      j["counts"] = c.unit.empty() ? "whether any row exists" : c.unit + "s";
      if (in.outcomes != nullptr) {
        const auto& o = (*in.outcomes)[static_cast<size_t>(&c - in.checks.data())];
        j["result"] = !o.error.empty() ? "error" : o.count > 0 ? "violation" : "ok";
        if (o.error.empty()) {
          j["count"] = o.count;
          auto rows = nlohmann::ordered_json::array();
          for (const auto& row : o.sample) {
            nlohmann::ordered_json r;
            for (const auto& [col, val] : row)
              if (val)
                r[col] = *val;
              else
                r[col] = nullptr;
            rows.push_back(std::move(r));
          }
          j["sample"] = std::move(rows);
        } else {
          j["error"] = o.error;
        }
      }
      doc["checks"].push_back(std::move(j));
    }
  out << doc.dump(2) << "\n";
}

}  // namespace ddlint::report
