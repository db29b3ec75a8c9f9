#include "report/reporter.h"

#include <algorithm>

namespace ddlint::report {

namespace {

bool before(LineColumn a, LineColumn b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}

// Offset just past the character at `offset`; at the end of the text, the
// offset itself.
uint32_t next_char_end(std::string_view text, uint32_t offset) {
  if (offset >= text.size()) return offset;
  if (text[offset] == '\r' && offset + 1 < text.size() && text[offset + 1] == '\n') return offset + 2;
  uint32_t end = offset + 1;
  while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  return end;
}

}  // namespace

Span finding_span(const SourceFile& src, TextRange r) {
  const LineColumn start = src.lines().position(r.begin);
  LineColumn end = src.lines().position(r.end > r.begin ? r.end : next_char_end(src.text(), r.begin));
  if (before(end, start)) end = start;
  return {start, end};
}

Span edit_span(const SourceFile& src, TextRange r) {
  const LineColumn start = src.lines().position(r.begin);
  LineColumn end = src.lines().position(std::max(r.begin, r.end));
  if (before(end, start)) end = start;
  return {start, end};
}

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
