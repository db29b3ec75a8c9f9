#include "report/preflight_report.h"

#include <nlohmann/json.hpp>

namespace ddlint::report {

void write_preflight_text(const PreflightInput& in, std::ostream& out) {
  for (const auto& c : in.checks) {
    const auto pos = in.source.lines().position(c.range.begin);
    out << in.path << ":" << pos.line << ":" << pos.column << ": " << c.change << " fails if " << c.fails_if
        << "\n    count:  " << c.count_sql << "\n    sample: " << c.sample_sql << "\n";
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
      doc["checks"].push_back(std::move(j));
    }
  out << doc.dump(2) << "\n";
}

}  // namespace ddlint::report
