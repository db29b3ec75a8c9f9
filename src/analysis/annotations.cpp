#include "analysis/annotations.h"

#include <cctype>
#include <cstdlib>

#include "core/ascii.h"

namespace ddlint::analysis {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::optional<double> unit_seconds(std::string_view u) {
  const std::string w = ascii_lower(trim(u));
  if (w.empty() || w == "s" || w == "sec" || w == "secs" || w == "second" || w == "seconds") return 1.0;
  if (w == "ms" || w == "millisecond" || w == "milliseconds") return 0.001;
  if (w == "m" || w == "min" || w == "mins" || w == "minute" || w == "minutes") return 60.0;
  if (w == "h" || w == "hr" || w == "hrs" || w == "hour" || w == "hours") return 3600.0;
  if (w == "d" || w == "day" || w == "days") return 86400.0;
  return std::nullopt;
}

// Whether `w` holds `phrase` as whole words.
bool has_words(const std::string& w, std::string_view phrase) {
  for (size_t at = w.find(phrase); at != std::string::npos; at = w.find(phrase, at + 1)) {
    const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(w[at - 1]));
    const size_t e = at + phrase.size();
    const bool right = e >= w.size() || !std::isalnum(static_cast<unsigned char>(w[e]));
    if (left && right) return true;
  }
  return false;
}

// Maps a declared lock level to what it blocks: the plain words (`write
// lock`, `exclusive`, `none`), PostgreSQL lock-mode names and MySQL LOCK=
// levels. The most specific phrase wins (`share row exclusive` blocks
// writes, `row exclusive` nothing, any other `exclusive` reads and writes).
std::optional<Blocks> parse_level(std::string_view text) {
  const std::string w = ascii_lower(trim(text));
  auto has = [&](std::string_view s) { return has_words(w, s); };
  if (w.empty()) return std::nullopt;
  if (has("access exclusive")) return Blocks::ReadsAndWrites;
  if (has("share row exclusive")) return Blocks::Writes;
  if (has("share update exclusive") || has("row exclusive") || has("row share") || has("access share"))
    return Blocks::Nothing;
  if (has("exclusive") || has("reads and writes") || has("read and write") || has("blocks reads") ||
      has("reads"))
    return Blocks::ReadsAndWrites;
  if (has("write") || has("writes") || has("share") || has("shared")) return Blocks::Writes;
  if (has("none") || has("online") || has("no lock") || has("no locks") || has("nothing") || w == "lock=none")
    return Blocks::Nothing;
  return std::nullopt;
}

// Splits on commas (and the word `and`) outside parentheses and quotes.
std::vector<std::string_view> split_list(std::string_view s) {
  std::vector<std::string_view> out;
  int depth = 0;
  char quote = 0;
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '`') {
      quote = c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0 && c == ',') {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 1;
    } else if (depth == 0 && i > 0 && std::isspace(static_cast<unsigned char>(s[i - 1])) &&
               ascii_lower(s.substr(i, 4)) == "and ") {
      out.push_back(trim(s.substr(start, i - start)));
      start = i + 4;
      i += 3;
    }
  }
  out.push_back(trim(s.substr(start)));
  return out;
}

// A declared table name: `users`, `app.users`, `"Users"`, `` `users` ``,
// with the words `table`/`tables`/`the` around it dropped. Empty when what
// is left is not one name.
std::string table_name(std::string_view text) {
  std::vector<std::string> words;
  std::string cur;
  char quote = 0;
  for (const char c : text) {
    if (quote) {
      cur += c;
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '`') {
      quote = c;
      cur += c;
    } else if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  std::vector<std::string> kept;
  for (auto& w : words) {
    const std::string l = ascii_lower(w);
    if (l != "table" && l != "tables" && l != "the") kept.push_back(std::move(w));
  }
  if (kept.size() != 1 || quote) return {};
  const std::string& n = kept.front();
  for (const char c : n)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || c == '.' || c == '"' ||
          c == '`' || (static_cast<unsigned char>(c) & 0x80)))
      return {};
  return ascii_lower(n);
}

void parse_locks(std::string_view value, Annotations& a, bool structured) {
  a.has_locks = true;
  std::string_view list = trim(value);
  const std::string v = ascii_lower(list);
  if (v == "-" || (parse_level(v) == Blocks::Nothing && v.find_first_of("(:,") == std::string::npos &&
                   (has_words(v, "none") || has_words(v, "no locks") || has_words(v, "no lock") ||
                    has_words(v, "nothing") || v == "online")))
    return;
  // A level for the whole list after a dash: `users, orders - write lock`.
  std::optional<Blocks> list_level;
  if (!structured) {
    for (std::string_view dash : {" - ", " -- ", " \u2013 ", " \u2014 "}) {
      const size_t at = list.rfind(dash);
      if (at == std::string_view::npos || list.find('(', at) != std::string_view::npos) continue;
      if (auto b = parse_level(list.substr(at + dash.size()))) {
        list_level = b;
        list = trim(list.substr(0, at));
        break;
      }
    }
  }
  struct Entry {
    std::string table;
    std::optional<Blocks> level;
  };
  std::vector<Entry> entries;
  for (auto entry : split_list(list)) {
    if (entry.empty()) continue;
    std::string_view table = entry;
    std::string_view level;
    const auto paren = structured ? std::string_view::npos : entry.find('(');
    if (paren != std::string_view::npos) {
      table = entry.substr(0, paren);
      const auto close = entry.find(')', paren);
      level = entry.substr(paren + 1, (close == std::string_view::npos ? entry.size() : close) - paren - 1);
    } else if (const auto colon = entry.find(':'); colon != std::string_view::npos) {
      table = entry.substr(0, colon);
      level = entry.substr(colon + 1);
    }
    Entry e;
    e.table = table_name(table);
    if (e.table.empty()) {
      a.lock_problems.push_back("cannot read the table name `" + std::string(trim(table)) + "`");
      a.locks_incomplete = true;
      continue;
    }
    if (!trim(level).empty()) {
      // "exclusive, brief": the first word group that names a level wins.
      for (auto part : split_list(level))
        if (!e.level) e.level = parse_level(part);
      if (!e.level)
        a.lock_problems.push_back("cannot read the lock level `" + std::string(trim(level)) + "` of `" +
                                  e.table + "`");
      // Unreadable: counted as the strongest, so it never understates.
      if (!e.level) e.level = Blocks::ReadsAndWrites;
    }
    entries.push_back(std::move(e));
  }
  // `table users, orders (SHARE)`: a name without a level takes the level of
  // the next one that has one, else the list's, else the strongest.
  std::optional<Blocks> next = list_level;
  for (size_t k = entries.size(); k-- > 0;) {
    if (entries[k].level)
      next = entries[k].level;
    else
      entries[k].level = next;
  }
  for (auto& e : entries) a.locks.push_back({std::move(e.table), e.level.value_or(Blocks::ReadsAndWrites)});
}

}  // namespace

std::optional<double> parse_duration_seconds(std::string_view text) {
  std::string s = ascii_lower(trim(text));
  // A closing remark in parentheses is not part of the duration: `about 2
  // min (estimated from table stats: ...)`.
  if (const size_t open = s.find('('); open != std::string::npos && !s.empty() && s.back() == ')')
    s = std::string(trim(std::string_view(s).substr(0, open)));
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
      if (k > j && s.compare(j, k - j, "to") != 0) {
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

std::optional<double> parse_row_count(std::string_view text) {
  std::string s = ascii_lower(trim(text));
  for (std::string_view q : {"about ", "approx. ", "approximately ", "~", "<", ">", "over ", "under "}) {
    if (s.rfind(q, 0) == 0) s = trim(s.substr(q.size()));
  }
  size_t i = 0;
  std::string digits;
  while (i < s.size() &&
         (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == ',' || s[i] == '_' ||
          (s[i] == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))))) {
    if (s[i] != ',' && s[i] != '_') digits += s[i];
    ++i;
  }
  if (digits.empty()) return std::nullopt;
  double n = std::strtod(digits.c_str(), nullptr);
  while (i < s.size() && s[i] == ' ') ++i;
  size_t k = i;
  while (k < s.size() && std::isalpha(static_cast<unsigned char>(s[k]))) ++k;
  const std::string unit = s.substr(i, k - i);
  if (unit == "k" || unit == "thousand")
    n *= 1e3;
  else if (unit == "m" || unit == "mm" || unit == "million" || unit == "millions")
    n *= 1e6;
  else if (unit == "b" || unit == "bn" || unit == "billion" || unit == "billions")
    n *= 1e9;
  else if (!unit.empty() && unit != "row" && unit != "rows" && unit != "records")
    return std::nullopt;
  return n;
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
      // Only a line that starts as one of the keys below can be an
      // annotation: the others are not copied to be lower-cased.
      if (line.empty() || std::string_view("etldETLD").find(line.front()) == std::string_view::npos) {
        if (nl >= body.size()) break;
        continue;
      }
      const std::string l = ascii_lower(line);
      auto value_after = [&](std::string_view key) -> std::optional<std::string_view> {
        if (l.rfind(key, 0) != 0) return std::nullopt;
        return trim(line.substr(key.size()));
      };
      if (auto v = value_after("expected duration:")) {
        a.has_duration = true;
        a.duration_text = std::string(*v);
        a.duration_range = range;
        a.duration_seconds = parse_duration_seconds(*v);
      } else if (auto vt = value_after("tested on:")) {
        a.has_tested = true;
        a.tested_text = std::string(*vt);
        a.tested_range = range;
        a.tested_rows = parse_row_count(*vt);
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
          const std::string key = ascii_lower(pair.substr(0, eq));
          const std::string_view val = pair.substr(eq + 1);
          if (key == "duration") {
            a.has_duration = true;
            a.duration_text = std::string(val);
            a.duration_range = range;
            a.duration_seconds = parse_duration_seconds(val);
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
