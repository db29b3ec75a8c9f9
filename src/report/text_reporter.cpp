#include <string>

#include "report/reporter.h"

namespace ddlint::report {

namespace {

const char* color_of(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    case Severity::Info:
      return "\x1b[1;36m";
  }
  return "";
}

// Display width of a UTF-8 byte run in code points (tabs count as one).
size_t width(std::string_view s) {
  size_t w = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++w;
  return w;
}

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void write_text(const ReportInput& in, std::ostream& out) {
  const char* bold = in.color ? "\x1b[1m" : "";
  const char* reset = in.color ? "\x1b[0m" : "";
  const char* blue = in.color ? "\x1b[1;34m" : "";
  for (const auto& f : in.files) {
    const auto& lines = f.source->lines();
    for (const auto& d : f.diagnostics) {
      if (d.suppressed) continue;
      const auto start = lines.position(d.range.begin);
      out << bold << f.path << ":" << start.line << ":" << start.column << ":" << reset << " "
          << (in.color ? color_of(d.severity) : "") << to_string(d.severity) << "[" << d.rule << "]" << reset
          << " " << d.message << "\n";
      if (!in.verbose) continue;
      // Source excerpt with carets under the range (first line of it).
      const auto end = lines.position(d.range.end > d.range.begin ? d.range.end : d.range.begin + 1);
      const std::string_view line = lines.line_text(start.line);
      const std::string num = std::to_string(start.line);
      const std::string pad(num.size(), ' ');
      out << blue << pad << " |" << reset << "\n";
      out << blue << num << " |" << reset << " ";
      for (char c : line) out << (c == '\t' ? ' ' : c);
      out << "\n";
      size_t caret_begin = start.column - 1;
      size_t caret_end = end.line == start.line ? end.column - 1 : width(line);
      if (caret_end <= caret_begin) caret_end = caret_begin + 1;
      out << blue << pad << " |" << reset << " " << std::string(caret_begin, ' ')
          << (in.color ? color_of(d.severity) : "") << std::string(caret_end - caret_begin, '^') << reset
          << "\n";
      if (!d.help.empty())
        out << blue << pad << " = " << reset << bold << "help:" << reset << " " << d.help << "\n";
      if (d.fix) {
        out << blue << pad << " = " << reset << bold << "fix" << reset << " ("
            << (d.fix->applicability == Applicability::Safe ? "safe" : "unsafe") << "): " << d.fix->title
            << "\n";
      }
      out << "\n";
    }
  }
  const Summary s = summarize(in.files);
  out << "ddlint: " << plural(s.files, "file") << ", " << plural(s.statements, "statement") << ": "
      << plural(s.errors, "error") << ", " << plural(s.warnings, "warning") << ", " << s.infos << " info";
  if (s.suppressed) out << " (" << s.suppressed << " suppressed)";
  if (s.syntax_errors) out << "; " << plural(s.syntax_errors, "statement") << " failed to parse";
  out << "\n";
}

}  // namespace ddlint::report
