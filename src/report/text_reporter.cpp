#include <algorithm>
#include <cstdint>
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

// Terminal cells taken by a code point: East Asian wide and fullwidth
// characters (and most emoji) take two, everything else one.
size_t cells(uint32_t cp) {
  const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) ||
                    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
                    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

// Display width of a UTF-8 byte run (tabs are printed as one space).
size_t width(std::string_view s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80             ? 1
                       : (b & 0xE0) == 0xC0 ? 2
                       : (b & 0xF0) == 0xE0 ? 3
                       : (b & 0xF8) == 0xF0 ? 4
                                            : 1;
    uint32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    w += cells(cp);
    i += len;
  }
  return w;
}

constexpr size_t kMaxExcerpt = 160;  // bytes of a source line shown at most
constexpr size_t kExcerptLead = 60;  // bytes shown before the range on a long line

std::string plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

class TextStream final : public ReportStream {
 public:
  TextStream(const ReportInput& in, std::ostream& out) : color_(in.color), verbose_(in.verbose), out_(out) {}
  void file(const engine::FileResult& f) override;
  void finish(const ReportInput&) override;

 private:
  bool color_;
  bool verbose_;
  std::ostream& out_;
  Summary summary_;
};

void TextStream::file(const engine::FileResult& f) {
  std::ostream& out = out_;
  const bool color = color_;
  const char* bold = color ? "\x1b[1m" : "";
  const char* reset = color ? "\x1b[0m" : "";
  const char* blue = color ? "\x1b[1;34m" : "";
  add_to_summary(summary_, f);
  const auto& lines = f.source->lines();
  for (const auto& d : f.diagnostics) {
    if (d.suppressed) continue;
    const auto start = lines.position(d.range.begin);
    out << bold << f.path << ":" << start.line << ":" << start.column << ":" << reset << " "
        << (color ? color_of(d.severity) : "") << to_string(d.severity) << "[" << d.rule << "]" << reset
        << " " << d.message << "\n";
    if (!verbose_) continue;
    // Source excerpt with carets under the range (first line of it).
    const auto end = lines.position(d.range.end > d.range.begin ? d.range.end : d.range.begin + 1);
    const std::string_view line = lines.line_text(start.line);
    const std::string num = std::to_string(start.line);
    const std::string pad(num.size(), ' ');
    const uint32_t line_begin =
        lines.line_start(start.line) +
        static_cast<uint32_t>(start.line == 1 && f.source->text().substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
    // Byte offsets of the range within the line.
    auto in_line = [&](uint32_t offset) {
      return std::min<size_t>(offset > line_begin ? offset - line_begin : 0, line.size());
    };
    const size_t b = in_line(d.range.begin);
    const size_t e = end.line == start.line ? std::max(in_line(d.range.end), b) : line.size();
    // Long lines (minified SQL) are shown as a window around the range.
    size_t from = 0;
    size_t to = line.size();
    if (line.size() > kMaxExcerpt) {
      from = b > kExcerptLead ? b - kExcerptLead : 0;
      to = std::min(line.size(), from + kMaxExcerpt);
      while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
      while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
    }
    const std::string lead = from > 0 ? "..." : "";
    out << blue << pad << " |" << reset << "\n";
    out << blue << num << " |" << reset << " " << lead;
    for (char c : line.substr(from, to - from)) out << (c == '\t' ? ' ' : c);
    out << (to < line.size() ? "..." : "") << "\n";
    // Carets are placed by display width, so they line up under wide characters.
    const size_t caret_begin = lead.size() + width(line.substr(from, std::max(b, from) - from));
    size_t caret_end = lead.size() + width(line.substr(from, std::min(std::max(e, from), to) - from));
    if (caret_end <= caret_begin) caret_end = caret_begin + 1;
    out << blue << pad << " |" << reset << " " << std::string(caret_begin, ' ')
        << (color ? color_of(d.severity) : "") << std::string(caret_end - caret_begin, '^') << reset << "\n";
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

void TextStream::finish(const ReportInput&) {
  std::ostream& out = out_;
  const Summary& s = summary_;
  out << "ddlint: " << plural(s.files, "file") << ", " << plural(s.statements, "statement") << ": "
      << plural(s.errors, "error") << ", " << plural(s.warnings, "warning") << ", " << s.infos << " info";
  if (s.suppressed) out << " (" << s.suppressed << " suppressed)";
  if (s.syntax_errors) out << "; " << plural(s.syntax_errors, "statement") << " failed to parse";
  out << "\n";
}

std::unique_ptr<ReportStream> text_stream(const ReportInput& in, std::ostream& out) {
  return std::make_unique<TextStream>(in, out);
}

}  // namespace ddlint::report
