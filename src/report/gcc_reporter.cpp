// One line per unsuppressed finding in the format compilers use
// (`file:line:col: severity: message [rule]`), which editors, Vim's
// quickfix list and CI log parsers understand.
#include "report/reporter.h"

namespace ddlint::report {

namespace {

class GccStream final : public ReportStream {
 public:
  explicit GccStream(std::ostream& out) : out_(out) {}
  void file(const engine::FileResult& f) override {
    for (const auto& d : f.diagnostics) {
      if (d.suppressed) continue;
      const auto start = f.source->lines().position(d.range.begin);
      const char* severity = d.severity == Severity::Error     ? "error"
                             : d.severity == Severity::Warning ? "warning"
                                                               : "note";
      out_ << f.path << ":" << start.line << ":" << start.column << ": " << severity << ": " << d.message
           << " [" << d.rule << "]\n";
    }
  }
  void finish(const ReportInput&) override {}

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<ReportStream> gcc_stream(const ReportInput&, std::ostream& out) {
  return std::make_unique<GccStream>(out);
}

}  // namespace ddlint::report
