#include "report/reporter.h"

namespace ddlint::report {

Summary summarize(const std::vector<engine::FileResult>& files) {
  Summary s;
  s.files = files.size();
  for (const auto& f : files) {
    s.statements += f.stats.statements;
    s.syntax_errors += f.stats.syntax_errors;
    s.unanalysed_statements += f.stats.syntax_errors + f.stats.skipped;
    s.opaque_statements += f.stats.opaque;
    for (const auto& d : f.diagnostics) {
      if (d.suppressed) {
        ++s.suppressed;
        continue;
      }
      switch (d.severity) {
        case Severity::Error:
          ++s.errors;
          break;
        case Severity::Warning:
          ++s.warnings;
          break;
        case Severity::Info:
          ++s.infos;
          break;
      }
    }
  }
  return s;
}

}  // namespace ddlint::report
