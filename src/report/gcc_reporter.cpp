// One line per unsuppressed finding in the format compilers use
// (`file:line:col: severity: message [rule]`), which editors, Vim's
// quickfix list and CI log parsers understand.
#include "report/reporter.h"

namespace ddlint::report {

void write_gcc(const ReportInput& in, std::ostream& out) {
  for (const auto& f : in.files) {
    for (const auto& d : f.diagnostics) {
      if (d.suppressed) continue;
      const auto start = f.source->lines().position(d.range.begin);
      const char* severity = d.severity == Severity::Error     ? "error"
                             : d.severity == Severity::Warning ? "warning"
                                                               : "note";
      out << f.path << ":" << start.line << ":" << start.column << ": " << severity << ": " << d.message
          << " [" << d.rule << "]\n";
    }
  }
}

}  // namespace ddlint::report
