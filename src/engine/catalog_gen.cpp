// Build-time tool: reads the embedded rules.d pages with the catalogue's own
// reader and writes Catalog::instance() as C++ that builds the same rules
// directly, so a run does not parse every page's front matter at start-up.
// Usage: ddlint_catalog_gen OUTPUT.cpp
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "core/write_if_changed.h"
#include "engine/catalog.h"

namespace {

using ddlint::engine::Catalog;
using ddlint::engine::embedded_rule_pages;

// A C++ string literal of `s` (octal escapes for every byte outside
// printable ASCII, so no escape runs into the next character).
std::string literal(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c >= 0x20 && c < 0x7f && c != '?') {
      out += ch;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%03o", c);
      out += buf;
    }
  }
  return out + "\"";
}

std::string list(const std::vector<std::string>& v) {
  std::string out = "{";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + literal(v[i]);
  return out + "}";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: ddlint_catalog_gen OUTPUT.cpp\n";
    return 2;
  }
  const auto& pages = embedded_rule_pages();
  const Catalog catalog(pages);
  std::ostringstream o;
  o << "// Generated at build time by ddlint_catalog_gen from the embedded rules.d pages. Do not edit.\n"
    << "#include \"engine/catalog.h\"\n\nnamespace ddlint::engine {\n\n"
    << "const Catalog& Catalog::instance() {\n"
    << "  // Never destroyed: the process ends without taking it apart.\n"
    << "  static const Catalog& catalog = *[] {\n"
    << "    const auto& pages = embedded_rule_pages();\n"
    << "    std::vector<RuleInfo> rules(" << catalog.rules().size() << ");\n";
  size_t k = 0;
  for (const auto& r : catalog.rules()) {
    // The body is a view of its page: find the page and the offset.
    size_t page = pages.size();
    size_t offset = 0;
    for (size_t i = 0; i < pages.size(); ++i) {
      const char* text = pages[i].text;
      if (r.body.data() >= text && r.body.data() <= text + std::strlen(text)) {
        page = i;
        offset = static_cast<size_t>(r.body.data() - text);
        break;
      }
    }
    if (page == pages.size() && !r.body.empty()) {
      std::cerr << "ddlint_catalog_gen: " << r.id << ": body outside the pages\n";
      return 1;
    }
    o << "    {\n      RuleInfo& r = rules[" << k++ << "];\n"
      << "      r.id = " << literal(r.id) << ";\n"
      << "      r.summary = " << literal(r.summary) << ";\n"
      << "      r.default_severity = static_cast<Severity>(" << static_cast<int>(r.default_severity) << ");\n"
      << "      r.default_enabled = " << (r.default_enabled ? "true" : "false") << ";\n"
      << "      r.size_dependent = " << (r.size_dependent ? "true" : "false") << ";\n";
    if (!r.dialects.empty()) o << "      r.dialects = " << list(r.dialects) << ";\n";
    if (!r.categories.empty()) o << "      r.categories = " << list(r.categories) << ";\n";
    if (!r.aliases.empty()) o << "      r.aliases = " << list(r.aliases) << ";\n";
    o << "      r.lock = " << literal(r.lock) << ";\n"
      << "      r.fix = " << literal(r.fix) << ";\n"
      << "      r.since = " << literal(r.since) << ";\n";
    for (const auto& opt : r.options)
      o << "      r.options.push_back({" << literal(opt.name) << ", " << literal(opt.type) << ", "
        << literal(opt.default_value) << ", " << literal(opt.help) << "});\n";
    if (page < pages.size())
      o << "      r.body = std::string_view(pages[" << page << "].text + " << offset << ", " << r.body.size()
        << ");\n";
    o << "    }\n";
  }
  // The index of ids and aliases, as the catalogue built it.
  std::string names = "{";
  for (size_t i = 0; i < catalog.names().size(); ++i) {
    const Catalog::Name& n = catalog.names()[i];
    names += (i ? ", {" : "{") + std::to_string(n.rule) + ", " +
             (n.alias == Catalog::kId ? std::string("Catalog::kId") : std::to_string(n.alias)) + "}";
  }
  names += "}";
  o << "    return new Catalog(std::move(rules), " << list(catalog.errors()) << ", " << names << ");\n"
    << "  }();\n  return catalog;\n}\n\n}  // namespace ddlint::engine\n";
  return ddlint::write_if_changed(argv[1], o.view()) ? 0 : 1;
}
