#include "engine/catalog.h"

#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

namespace ddlint::engine {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> string_array(const toml::table& t, std::string_view key) {
  std::vector<std::string> out;
  if (const auto* arr = t[key].as_array())
    for (const auto& v : *arr)
      if (auto s = v.value<std::string>()) out.push_back(*s);
  return out;
}

void parse_body(const std::string& body, std::map<std::string, std::string>& sections,
                std::vector<RuleExample>& examples) {
  std::istringstream in(body);
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
    try {
      const toml::table t = toml::parse(text.substr(3, end - 3));
      info.id = t["id"].value_or(std::string());
      info.summary = t["summary"].value_or(std::string());
      const auto sev = parse_severity(t["default_severity"].value_or(std::string("warning")));
      if (!sev) errors_.push_back(name + ": default_severity must be error, warning or info");
      info.default_severity = sev.value_or(Severity::Warning);
      info.default_enabled = t["default_enabled"].value_or(true);
      info.dialects = string_array(t, "dialects");
      info.categories = string_array(t, "categories");
      info.aliases = string_array(t, "aliases");
      info.lock = t["lock"].value_or(std::string());
      info.fix = t["fix"].value_or(std::string("none"));
      info.since = t["since"].value_or(std::string());
      if (const auto* opts = t["options"].as_array()) {
        for (const auto& o : *opts) {
          const auto* ot = o.as_table();
          if (!ot) {
            errors_.push_back(name + ": options must be an array of tables");
            continue;
          }
          RuleOption opt;
          opt.name = (*ot)["name"].value_or(std::string());
          opt.type = (*ot)["type"].value_or(std::string("string"));
          opt.default_value = (*ot)["default"].value_or(std::string());
          opt.help = (*ot)["help"].value_or(std::string());
          if (opt.name.empty()) errors_.push_back(name + ": an option has no name");
          if (opt.type != "duration" && opt.type != "int" && opt.type != "string" && opt.type != "bool")
            errors_.push_back(name + ": option " + opt.name + " has unknown type " + opt.type);
          info.options.push_back(std::move(opt));
        }
      }
    } catch (const toml::parse_error& e) {
      errors_.push_back(name + ": " + std::string(e.description()));
      continue;
    }
    if (info.id.empty() || info.id + ".md" != name)
      errors_.push_back(name + ": id `" + info.id + "` does not match the file name");
    size_t body_start = end + 4;
    if (body_start < text.size() && text[body_start] == '\r') ++body_start;
    if (body_start < text.size() && text[body_start] == '\n') ++body_start;
    info.body = std::string(text.substr(std::min(body_start, text.size())));
    rules_.push_back(std::move(info));
  }
  std::sort(rules_.begin(), rules_.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  for (const auto& r : rules_) {
    alias_[r.id] = r.id;
  }
  for (const auto& r : rules_)
    for (const auto& a : r.aliases) {
      auto [it, inserted] = alias_.emplace(a, r.id);
      if (!inserted && it->second != r.id) errors_.push_back("alias `" + a + "` is claimed by two rules");
    }
}

const Catalog& Catalog::instance() {
  static const Catalog catalog(embedded_rule_pages());
  return catalog;
}

const RuleInfo* Catalog::find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const RuleInfo& r, std::string_view v) { return r.id < v; });
  return it != rules_.end() && it->id == id ? &*it : nullptr;
}

std::optional<std::string> Catalog::resolve(std::string_view id_or_alias) const {
  auto it = alias_.find(id_or_alias);
  if (it == alias_.end()) return std::nullopt;
  return it->second;
}

}  // namespace ddlint::engine
