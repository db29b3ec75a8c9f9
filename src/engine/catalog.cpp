#include "engine/catalog.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "engine/front_matter.h"

namespace ddlint::engine {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

const FrontMatterValue* get(const FrontMatter& fm, std::string_view key, FrontMatterValue::Kind kind) {
  auto it = fm.find(key);
  return it != fm.end() && it->second.kind == kind ? &it->second : nullptr;
}
std::string string_or(const FrontMatter& fm, std::string_view key, std::string_view def) {
  const auto* v = get(fm, key, FrontMatterValue::Kind::String);
  return v ? v->string : std::string(def);
}
std::vector<std::string> string_array(const FrontMatter& fm, std::string_view key) {
  const auto* v = get(fm, key, FrontMatterValue::Kind::Strings);
  if (!v) v = get(fm, key, FrontMatterValue::Kind::Tables);  // the strings of a mixed array
  return v ? v->strings : std::vector<std::string>{};
}
std::string field(const std::map<std::string, std::string>& t, const std::string& key, std::string_view def) {
  auto it = t.find(key);
  return it == t.end() ? std::string(def) : it->second;
}

void parse_body(std::string_view body, std::map<std::string, std::string>& sections,
                std::vector<RuleExample>& examples) {
  std::istringstream in{std::string(body)};
  std::string line;
  std::string current;
  std::string text;
  bool in_code = false;
  RuleExample example;
  bool example_open = false;
  auto flush = [&] {
    if (!current.empty()) sections[current] = trim(text);
    text.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("```", 0) == 0) {
      if (!in_code) {
        in_code = true;
        std::istringstream words(line.substr(3));
        std::string lang;
        std::string kind;
        words >> lang >> kind;
        example_open = lang == "sql" && (kind == "incorrect" || kind == "correct");
        if (example_open) {
          example = RuleExample{};
          example.incorrect = kind == "incorrect";
          std::string attr;
          while (words >> attr) {
            const auto eq = attr.find('=');
            if (eq != std::string::npos) example.attributes[attr.substr(0, eq)] = attr.substr(eq + 1);
          }
        }
      } else {
        in_code = false;
        if (example_open) examples.push_back(example);
        example_open = false;
      }
      text += line + "\n";
      continue;
    }
    if (in_code) {
      if (example_open) example.sql += line + "\n";
      text += line + "\n";
      continue;
    }
    if (line.rfind("## ", 0) == 0) {
      flush();
      current = trim(line.substr(3));
      continue;
    }
    text += line + "\n";
  }
  flush();
}

}  // namespace

const RuleOption* RuleInfo::option(std::string_view n) const {
  for (const auto& o : options)
    if (o.name == n) return &o;
  return nullptr;
}

const RuleInfo::Parts& RuleInfo::parts() const {
  std::call_once(parts_->once, [this] { parse_body(body, parts_->sections, parts_->examples); });
  return *parts_;
}

std::string RuleInfo::section(std::string_view name) const {
  const auto& sections = parts().sections;
  auto it = sections.find(std::string(name));
  return it == sections.end() ? std::string() : it->second;
}

const std::vector<RuleExample>& RuleInfo::examples() const { return parts().examples; }

std::string RuleInfo::help_uri() const {
  return "https://github.com/ddlint/ddlint/blob/main/rules.d/" + id + ".md";
}

Catalog::Catalog(const std::vector<EmbeddedPage>& pages) {
  rules_.reserve(pages.size());
  for (const auto& page : pages) {
    std::string_view text = page.text;
    const std::string name = page.name;
    if (text.rfind("+++", 0) != 0) {
      errors_.push_back(name + ": missing +++ front matter");
      continue;
    }
    const auto end = text.find("\n+++", 3);
    if (end == std::string_view::npos) {
      errors_.push_back(name + ": unterminated front matter");
      continue;
    }
    RuleInfo info;
    const std::string_view front = text.substr(3, end - 3);
    FrontMatter fm;
    if (auto simple = read_simple_front_matter(front)) {
      fm = std::move(*simple);
    } else {
      try {
        fm = read_toml_front_matter(front);
      } catch (const std::runtime_error& e) {
        errors_.push_back(name + ": " + e.what());
        continue;
      }
    }
    info.id = string_or(fm, "id", "");
    info.summary = string_or(fm, "summary", "");
    const auto sev = parse_severity(string_or(fm, "default_severity", "warning"));
    if (!sev) errors_.push_back(name + ": default_severity must be error, warning or info");
    info.default_severity = sev.value_or(Severity::Warning);
    const auto* enabled = get(fm, "default_enabled", FrontMatterValue::Kind::Bool);
    info.default_enabled = enabled ? enabled->boolean : true;
    const auto* sized = get(fm, "size_dependent", FrontMatterValue::Kind::Bool);
    info.size_dependent = sized != nullptr && sized->boolean;
    info.dialects = string_array(fm, "dialects");
    info.categories = string_array(fm, "categories");
    info.aliases = string_array(fm, "aliases");
    info.lock = string_or(fm, "lock", "");
    info.fix = string_or(fm, "fix", "none");
    info.since = string_or(fm, "since", "");
    if (auto it = fm.find("options"); it != fm.end()) {
      const bool empty = it->second.kind == FrontMatterValue::Kind::Strings && it->second.strings.empty();
      if (!empty && (it->second.kind != FrontMatterValue::Kind::Tables || !it->second.strings.empty()))
        errors_.push_back(name + ": options must be an array of tables");
      for (const auto& ot : it->second.tables) {
        RuleOption opt;
        opt.name = field(ot, "name", "");
        opt.type = field(ot, "type", "string");
        opt.default_value = field(ot, "default", "");
        opt.help = field(ot, "help", "");
        if (opt.name.empty()) errors_.push_back(name + ": an option has no name");
        if (opt.type != "duration" && opt.type != "int" && opt.type != "string" && opt.type != "bool")
          errors_.push_back(name + ": option " + opt.name + " has unknown type " + opt.type);
        info.options.push_back(std::move(opt));
      }
    }
    if (info.id.empty() || info.id + ".md" != name)
      errors_.push_back(name + ": id `" + info.id + "` does not match the file name");
    size_t body_start = end + 4;
    if (body_start < text.size() && text[body_start] == '\r') ++body_start;
    if (body_start < text.size() && text[body_start] == '\n') ++body_start;
    info.body = text.substr(std::min(body_start, text.size()));
    rules_.push_back(std::move(info));
  }
  std::sort(rules_.begin(), rules_.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  index(true);
}

Catalog::Catalog(std::vector<RuleInfo> rules, std::vector<std::string> errors)
    : rules_(std::move(rules)), errors_(std::move(errors)) {
  index(false);
}

Catalog::Catalog(std::vector<RuleInfo> rules, std::vector<std::string> errors, std::vector<Name> names)
    : rules_(std::move(rules)), names_(std::move(names)), errors_(std::move(errors)) {}

void Catalog::index(bool record_errors) {
  names_.clear();
  for (uint32_t i = 0; i < rules_.size(); ++i) {
    names_.push_back({i, kId});
    for (uint32_t a = 0; a < rules_[i].aliases.size(); ++a) names_.push_back({i, a});
  }
  // Ids before aliases, then rule order: an id is never taken by an alias,
  // and of two rules claiming an alias the first (in id order) keeps it.
  std::stable_sort(names_.begin(), names_.end(), [&](const Name& a, const Name& b) {
    const std::string_view x = name(a);
    const std::string_view y = name(b);
    if (x != y) return x < y;
    return (a.alias == kId) > (b.alias == kId);
  });
  std::vector<Name> unique;
  std::vector<Name> claimed;  // aliases another rule holds
  unique.reserve(names_.size());
  for (const Name& n : names_) {
    if (!unique.empty() && name(unique.back()) == name(n)) {
      if (n.alias != kId && unique.back().rule != n.rule) claimed.push_back(n);
      continue;
    }
    unique.push_back(n);
  }
  names_ = std::move(unique);
  if (!record_errors) return;
  // In page order.
  std::sort(claimed.begin(), claimed.end(), [](const Name& a, const Name& b) {
    return a.rule != b.rule ? a.rule < b.rule : a.alias < b.alias;
  });
  for (const Name& n : claimed)
    errors_.push_back("alias `" + std::string(name(n)) + "` is claimed by two rules");
}

// Catalog::instance() is generated at build time (catalog_gen.cpp): the
// pages are read then, not at every start.

const RuleInfo* Catalog::find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const RuleInfo& r, std::string_view v) { return r.id < v; });
  return it != rules_.end() && it->id == id ? &*it : nullptr;
}

std::optional<std::string> Catalog::resolve(std::string_view id_or_alias) const {
  const auto it = std::lower_bound(names_.begin(), names_.end(), id_or_alias,
                                   [&](const Name& n, std::string_view v) { return name(n) < v; });
  if (it == names_.end() || name(*it) != id_or_alias) return std::nullopt;
  return rules_[it->rule].id;
}

}  // namespace ddlint::engine
