#include "engine/front_matter.h"

#include <toml++/toml.h>

#include <cctype>
#include <stdexcept>

namespace ddlint::engine {

namespace {

class LineReader {
 public:
  explicit LineReader(std::string_view s) : s_(s) {}
  void blanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
  }
  bool at_end_of_value() {
    blanks();
    return i_ == s_.size() || s_[i_] == '#';
  }
  bool accept(char c) {
    blanks();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool key(std::string& out) {
    blanks();
    const size_t b = i_;
    while (i_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '-'))
      ++i_;
    out.assign(s_.substr(b, i_ - b));
    return !out.empty();
  }
  bool string(std::string& out) {
    blanks();
    out.clear();
    if (i_ >= s_.size()) return false;
    const char q = s_[i_];
    if (q != '"' && q != '\'') return false;
    if (s_.substr(i_, 3) == std::string_view(q == '"' ? "\"\"\"" : "'''")) return false;  // multi-line
    ++i_;
    // Runs without escapes are copied whole (every page is read at start-up).
    size_t run = i_;
    while (i_ < s_.size() && s_[i_] != q) {
      const char c = s_[i_];
      if (static_cast<unsigned char>(c) < 0x20 && c != '\t') return false;
      if (c != '\\' || q != '"') {
        ++i_;
        continue;
      }
      out.append(s_.substr(run, i_ - run));
      if (++i_ >= s_.size()) return false;
      switch (s_[i_++]) {
        case '"':
          out.push_back('"');
          break;
        case '\\':
          out.push_back('\\');
          break;
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        default:
          return false;  // \uXXXX and the rest: left to the TOML parser
      }
      run = i_;
    }
    if (i_ >= s_.size()) return false;
    out.append(s_.substr(run, i_ - run));
    ++i_;
    return true;
  }
  bool word(std::string_view w) {
    blanks();
    if (s_.substr(i_, w.size()) != w) return false;
    const size_t after = i_ + w.size();
    if (after < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[after])) || s_[after] == '_'))
      return false;
    i_ = after;
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
};

// { key = "string", ... }
bool inline_table(LineReader& r, std::map<std::string, std::string>& out) {
  if (!r.accept('{')) return false;
  if (r.accept('}')) return true;
  do {
    std::string k;
    std::string v;
    if (!r.key(k) || !r.accept('=') || !r.string(v) || out.count(k)) return false;
    out.emplace(std::move(k), std::move(v));
  } while (r.accept(','));
  return r.accept('}');
}

bool value(LineReader& r, FrontMatterValue& v) {
  using K = FrontMatterValue::Kind;
  if (r.string(v.string)) {
    v.kind = K::String;
    return true;
  }
  if (!r.accept('[')) return false;
  v.kind = K::Strings;  // an empty array reads as no strings, as the TOML path does
  if (r.accept(']')) return true;
  bool tables = false;
  bool first = true;
  do {
    if (!first && r.accept(']')) return true;  // trailing comma
    first = false;
    std::string s;
    std::map<std::string, std::string> t;
    if (r.string(s)) {
      if (tables) return false;
      v.strings.push_back(std::move(s));
    } else if (inline_table(r, t)) {
      if (!v.strings.empty()) return false;
      tables = true;
      v.kind = K::Tables;
      v.tables.push_back(std::move(t));
    } else {
      return false;
    }
  } while (r.accept(','));
  return r.accept(']');
}

}  // namespace

std::optional<FrontMatter> read_simple_front_matter(std::string_view text) {
  FrontMatter out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    LineReader r(line);
    if (r.at_end_of_value()) continue;  // blank or comment
    std::string key;
    if (!r.key(key) || !r.accept('=') || out.count(key)) return std::nullopt;
    FrontMatterValue v;
    if (r.word("true")) {
      v.kind = FrontMatterValue::Kind::Bool;
      v.boolean = true;
    } else if (r.word("false")) {
      v.kind = FrontMatterValue::Kind::Bool;
    } else if (!value(r, v)) {
      return std::nullopt;
    }
    if (!r.at_end_of_value()) return std::nullopt;
    out.emplace(std::move(key), std::move(v));
  }
  return out;
}

FrontMatter read_toml_front_matter(std::string_view text) {
  using K = FrontMatterValue::Kind;
  toml::table t;
  try {
    t = toml::parse(text);
  } catch (const toml::parse_error& e) {
    throw std::runtime_error(std::string(e.description()));
  }
  FrontMatter out;
  for (const auto& [key, node] : t) {
    FrontMatterValue v;
    if (auto s = node.value_exact<std::string>()) {
      v.kind = K::String;
      v.string = *s;
    } else if (auto b = node.value_exact<bool>()) {
      v.kind = K::Bool;
      v.boolean = *b;
    } else if (const auto* arr = node.as_array()) {
      v.kind = K::Strings;
      for (const auto& item : *arr) {
        if (auto s = item.value_exact<std::string>()) {
          v.strings.push_back(*s);
        } else if (const auto* tt = item.as_table()) {
          v.kind = K::Tables;
          std::map<std::string, std::string> row;
          for (const auto& [k, n] : *tt)
            if (auto s2 = n.value_exact<std::string>()) row.emplace(std::string(k.str()), *s2);
          v.tables.push_back(std::move(row));
        }
      }
    }
    out.emplace(std::string(key.str()), std::move(v));
  }
  return out;
}

}  // namespace ddlint::engine
