#include "analysis/annotations.h"

#include <cctype>
#include <cstdlib>

namespace ddlint::analysis {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<double> unit_seconds(std::string_view u) {
  const std::string w = lower(trim(u));
  if (w.empty() || w == "s" || w == "sec" || w == "secs" || w == "second" || w == "seconds") return 1.0;
  if (w == "ms" || w == "millisecond" || w == "milliseconds") return 0.001;
  if (w == "m" || w == "min" || w == "mins" || w == "minute" || w == "minutes") return 60.0;
  if (w == "h" || w == "hr" || w == "hrs" || w == "hour" || w == "hours") return 3600.0;
  if (w == "d" || w == "day" || w == "days") return 86400.0;
  return std::nullopt;
}

// Maps a declared lock level to what it blocks. Accepts the plain words,
// PostgreSQL lock-mode names and MySQL LOCK= levels.
std::optional<Blocks> parse_level(std::string_view text) {
  const std::string w = lower(trim(text));
  auto has = [&](std::string_view s) { return w.find(s) != std::string::npos; };
  if (w.empty()) return std::nullopt;
  if (has("access exclusive") || has("reads and writes") || has("read and write") || w == "exclusive" ||
      w.rfind("exclusive", 0) == 0 || has("blocks reads"))
    return Blocks::ReadsAndWrites;
  if (has("share row exclusive") || w == "share" || has("write") || w == "shared" || has("share lock") ||
      w == "lock=shared")
    return Blocks::Writes;
  if (w == "none" || w == "online" || has("share update exclusive") || w == "access share" ||
      w == "row share" || w == "row exclusive" || w == "lock=none" || has("no lock") || has("nothing"))
    return Blocks::Nothing;
  return std::nullopt;
}

// Splits on commas outside parentheses.
std::vector<std::string_view> split_list(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '(')
      ++depth;
    else if (s[i] == ')' && depth > 0)
      --depth;
    else if (s[i] == ',' && depth == 0) {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    }
  }
  out.push_back(trim(s.substr(start)));
  return out;
}

void parse_locks(std::string_view value, Annotations& a, bool structured) {
  a.has_locks = true;
  const std::string v = lower(trim(value));
  if (v == "none" || v == "online" || v == "nothing" || v == "-") return;
  for (auto entry : split_list(value)) {
    if (entry.empty()) continue;
    DeclaredLock d;
    std::string_view table = entry;
    std::string_view level;
    if (structured) {
      const auto colon = entry.find(':');
      if (colon != std::string_view::npos) {
        table = entry.substr(0, colon);
        level = entry.substr(colon + 1);
      }
    } else {
      const auto paren = entry.find('(');
      if (paren != std::string_view::npos) {
        table = entry.substr(0, paren);
        auto close = entry.find(')', paren);
        level = entry.substr(paren + 1, (close == std::string_view::npos ? entry.size() : close) - paren - 1);
      } else {
        const auto colon = entry.find(':');
        if (colon != std::string_view::npos) {
          table = entry.substr(0, colon);
          level = entry.substr(colon + 1);
        }
      }
    }
    d.table = lower(trim(table));
    if (!d.table.empty() && d.table.front() == '`') d.table = d.table.substr(1, d.table.size() - 2);
    if (!level.empty()) {
      // "exclusive, brief": the first word group that names a level wins.
      std::optional<Blocks> b;
      for (auto part : split_list(level))
        if (!b) b = parse_level(part);
      if (b)
        d.blocks = *b;
      else
        a.problems.push_back("unknown lock level `" + std::string(trim(level)) + "` for " + d.table);
    }
    a.locks.push_back(std::move(d));
  }
}

}  // namespace

std::optional<double> parse_duration_seconds(std::string_view text) {
  std::string s = lower(trim(text));
  // Drop qualifiers that do not change the upper bound.
  for (std::string_view q :
       {"under ", "less than ", "up to ", "about ", "approx. ", "approximately ", "~", "<", "at most "}) {
    if (s.rfind(q, 0) == 0) s = s.substr(q.size());
  }
  double best = -1;
  size_t i = 0;
  std::vector<double> numbers;
  std::optional<double> unit;
  while (i < s.size()) {
    if (std::isdigit(static_cast<unsigned char>(s[i])) ||
        (s[i] == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      char* end = nullptr;
      const double v = std::strtod(s.c_str() + i, &end);
      numbers.push_back(v);
      i = static_cast<size_t>(end - s.c_str());
      // An immediately following unit word ("30s", "5 minutes").
      size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      size_t k = j;
      while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
      if (k > j) {
        auto u = unit_seconds(s.substr(j, k - j));
        if (!u) return std::nullopt;
        for (double n : numbers) best = std::max(best, n * *u);
        numbers.clear();
        unit = u;
        i = k;
      }
      continue;
    }
    if (s[i] == '-' || s[i] == ' ' || s[i] == '\t' || s[i] == ',' || s[i] == '.') {
      ++i;
      continue;
    }
    if (s.compare(i, 2, "to") == 0) {
      i += 2;
      continue;
    }
    return std::nullopt;
  }
  if (!numbers.empty()) {
    // Bare numbers: seconds, or the unit of the previous number.
    for (double n : numbers) best = std::max(best, n * (unit ? *unit : 1.0));
  }
  if (best < 0) return std::nullopt;
  return best;
}

Annotations parse_annotations(const std::vector<std::pair<TextRange, std::string_view>>& comments,
                              uint32_t first_statement) {
  Annotations a;
  for (const auto& [range, raw] : comments) {
    if (range.begin >= first_statement) break;
    std::string_view body = raw;
    if (body.substr(0, 2) == "--")
      body.remove_prefix(2);
    else if (body.substr(0, 2) == "/*") {
      body.remove_prefix(2);
      if (body.size() >= 2 && body.substr(body.size() - 2) == "*/") body.remove_suffix(2);
    }
    // A block comment may hold several annotation lines.
    size_t pos = 0;
    while (pos <= body.size()) {
      size_t nl = body.find('\n', pos);
      if (nl == std::string_view::npos) nl = body.size();
      std::string_view line = trim(body.substr(pos, nl - pos));
      while (!line.empty() && (line.front() == '*' || line.front() == '-')) line = trim(line.substr(1));
      pos = nl + 1;
      const std::string l = lower(line);
      auto value_after = [&](std::string_view key) -> std::optional<std::string_view> {
        if (l.rfind(key, 0) != 0) return std::nullopt;
        return trim(line.substr(key.size()));
      };
      if (auto v = value_after("expected duration:")) {
        a.has_duration = true;
        a.duration_text = std::string(*v);
        a.duration_range = range;
        a.duration_seconds = parse_duration_seconds(*v);
        if (!a.duration_seconds) a.problems.push_back("cannot read the duration `" + std::string(*v) + "`");
      } else if (auto v2 = value_after("locks:")) {
        parse_locks(*v2, a, false);
        a.locks_range = range;
      } else if (auto v3 = value_after("ddlint:")) {
        // Structured form: key=value pairs separated by spaces.
        std::string_view rest = *v3;
        while (!rest.empty()) {
          rest = trim(rest);
          size_t sp = rest.find_first_of(" \t");
          std::string_view pair = rest.substr(0, sp);
          rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(sp);
          const auto eq = pair.find('=');
          if (eq == std::string_view::npos) continue;
          const std::string key = lower(pair.substr(0, eq));
          const std::string_view val = pair.substr(eq + 1);
          if (key == "duration") {
            a.has_duration = true;
            a.duration_text = std::string(val);
            a.duration_range = range;
            a.duration_seconds = parse_duration_seconds(val);
            if (!a.duration_seconds)
              a.problems.push_back("cannot read the duration `" + std::string(val) + "`");
          } else if (key == "locks") {
            parse_locks(val, a, true);
            a.locks_range = range;
          }
        }
      }
      if (nl >= body.size()) break;
    }
  }
  return a;
}

}  // namespace ddlint::analysis
