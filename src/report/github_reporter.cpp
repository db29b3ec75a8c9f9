// GitHub Actions workflow commands: one `::error|warning|notice` line per
// unsuppressed finding, which GitHub shows as an annotation on the pull
// request diff.
#include <string>
#include <string_view>

#include "report/reporter.h"

namespace ddlint::report {

namespace {

// Escaping rules of workflow commands: the message escapes %, CR and LF;
// property values also escape ':' and ','.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* command_of(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "warning";
}

}  // namespace

class GithubStream final : public ReportStream {
 public:
  explicit GithubStream(std::ostream& out) : out_(out) {}
  void file(const engine::FileResult& f) override {
    for (const auto& d : f.diagnostics) {
      if (d.suppressed) continue;
      const Span s = finding_span(*f.source, d.range);
      std::string message = d.message;
      if (!d.help.empty()) message += "\n" + d.help;
      out_ << "::" << command_of(d.severity) << " file=" << escape(f.path, true) << ",line=" << s.start.line
           << ",col=" << s.start.column << ",endLine=" << s.end.line << ",endColumn=" << s.end.column
           << ",title=" << escape("ddlint " + d.rule, true) << "::" << escape(message, false) << "\n";
    }
  }
  void finish(const ReportInput&) override {}

 private:
  std::ostream& out_;
};

std::unique_ptr<ReportStream> github_stream(const ReportInput&, std::ostream& out) {
  return std::make_unique<GithubStream>(out);
}

}  // namespace ddlint::report
