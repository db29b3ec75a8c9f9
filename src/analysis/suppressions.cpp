#include "analysis/suppressions.h"

#include <algorithm>
#include <cctype>
#include <iterator>

namespace ddlint::analysis {

namespace {

bool is_rule_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }

}  // namespace

std::vector<Suppression> parse_suppressions(
    const std::vector<std::pair<TextRange, std::string_view>>& comments,
    const std::vector<TextRange>& statements, std::string_view text) {
  std::vector<Suppression> out;
  for (const auto& [range, raw] : comments) {
    std::string_view body = raw;
    uint32_t offset = range.begin;
    size_t skip = 0;
    if (body.substr(0, 2) == "--" || body.substr(0, 2) == "/*") skip = 2;
    while (skip < body.size() && (body[skip] == ' ' || body[skip] == '\t')) ++skip;
    body.remove_prefix(skip);
    offset += static_cast<uint32_t>(skip);
    if (raw.substr(0, 2) == "/*" && body.size() >= 2 && body.substr(body.size() - 2) == "*/")
      body.remove_suffix(2);
    Suppression s;
    std::string_view rest;
    if (body.rfind("ddlint-ignore-file", 0) == 0) {
      s.file_level = true;
      rest = body.substr(18);
    } else if (body.rfind("ddlint-ignore", 0) == 0) {
      rest = body.substr(13);
    } else {
      continue;
    }
    if (!rest.empty() && is_rule_char(rest.front())) continue;  // e.g. ddlint-ignored
    uint32_t pos = offset + static_cast<uint32_t>(body.size() - rest.size());
    s.comment = range;
    // Rule list, up to an optional "-- reason".
    size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == ',' || rest[i] == ':')) ++i;
      if (i + 1 < rest.size() && rest[i] == '-' && rest[i + 1] == '-') {
        size_t r = i + 2;
        while (r < rest.size() && rest[r] == ' ') ++r;
        s.reason = std::string(rest.substr(r));
        while (!s.reason.empty() && std::isspace(static_cast<unsigned char>(s.reason.back())))
          s.reason.pop_back();
        break;
      }
      size_t j = i;
      while (j < rest.size() && is_rule_char(rest[j])) ++j;
      if (j == i) break;
      std::string id(rest.substr(i, j - i));
      for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      s.rules.push_back(std::move(id));
      s.rule_ranges.push_back({pos + static_cast<uint32_t>(i), pos + static_cast<uint32_t>(j)});
      i = j;
    }
    s.all_rules = s.rules.empty();
    s.used.assign(s.all_rules ? 1 : s.rules.size(), false);
    if (!s.file_level) {
      auto it = std::lower_bound(statements.begin(), statements.end(), range.end,
                                 [](const TextRange& r, uint32_t off) { return r.begin < off; });
      bool trailing = false;
      if (it != statements.begin()) {
        const TextRange prev = *std::prev(it);
        if (prev.end <= range.begin && prev.end <= text.size() && range.begin <= text.size()) {
          const auto gap = text.substr(prev.end, range.begin - prev.end);
          trailing = gap.find('\n') == std::string_view::npos && gap.find('\r') == std::string_view::npos;
          if (trailing) s.target = prev;
        }
      }
      if (!trailing) s.target = it != statements.end() ? *it : TextRange{range.end, range.end};
    }
    out.push_back(std::move(s));
  }
  return out;
}

bool may_suppress(const std::vector<TextRange>& comments, std::string_view text) {
  for (const TextRange& c : comments)
    if (c.end <= text.size() &&
        text.substr(c.begin, c.end - c.begin).find("ddlint-ignore") != std::string_view::npos)
      return true;
  return false;
}

}  // namespace ddlint::analysis
