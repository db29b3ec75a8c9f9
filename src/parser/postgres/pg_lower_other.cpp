// PostgreSQL lowering: VACUUM, domains and the loops of DO blocks.
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

ir::StatementNode Lowerer::vacuum(element n) {
  ir::Vacuum v;
  v.vacuum = flag(n, "is_vacuumcmd");
  v.analyze = !v.vacuum;
  // An option without a value is on; FULL false / FULL 0 / ANALYZE off is off.
  auto on = [&](element option) {
    element arg;
    if (!child(option, "arg", arg)) return true;
    element ai;
    auto k = node_kind(arg, ai);
    if (k == "Boolean") return flag(ai, "boolval");
    if (k == "Integer") return num(ai, "ival") != 0;
    if (k == "String") return to_lower(str(ai, "sval")) != "false" && to_lower(str(ai, "sval")) != "off";
    return true;
  };
  for (element o : items(n, "options")) {
    element inner;
    if (node_kind(o, inner) != "DefElem") continue;
    if (str(inner, "defname") == "full") v.full = on(inner);
    // VACUUM ANALYZE / VACUUM (ANALYZE): the statistics are rebuilt too.
    if (str(inner, "defname") == "analyze") v.analyze = on(inner);
  }
  for (element rel : items(n, "rels")) {
    element inner;
    element rv;
    if (node_kind(rel, inner) == "VacuumRelation" && child(inner, "relation", rv))
      v.tables.push_back(range_var(rv));
  }
  return v;
}

std::vector<ir::QualifiedName> loop_writes(std::string_view body, uint32_t base) {
  std::vector<Token> toks;
  // Only the tokens' bounds are read: the native scanner's where it takes
  // the body (libpg_query's bounds, without a protobuf message), else libpg_query's.
  if (!scan_native(std::string(body), toks) && scan(body, 0, toks))
    return {};  // not scannable: nothing is known
  auto text = [&](size_t i) { return body.substr(toks[i].begin, toks[i].end - toks[i].begin); };
  auto is = [&](size_t i, std::string_view w) { return i < toks.size() && iequals(text(i), w); };
  // An identifier part of a name: unquoted (folded) or "quoted".
  auto part = [&](size_t i, std::string& out) {
    if (i >= toks.size()) return false;
    const auto t = text(i);
    if (t.size() >= 2 && t.front() == '"' && t.back() == '"') {
      out.clear();
      for (size_t k = 1; k + 1 < t.size(); ++k) {
        out += t[k];
        if (t[k] == '"') ++k;  // "" inside a quoted name
      }
      return true;
    }
    if (t.empty() || !(std::isalpha(static_cast<unsigned char>(t.front())) || t.front() == '_')) return false;
    out = to_lower(t);
    return true;
  };
  // UPDATE and DELETE start a statement after these (not FOR UPDATE, ON
  // UPDATE, BEFORE UPDATE ...).
  auto starts_statement = [&](size_t i) {
    if (i == 0) return true;
    const auto p = text(i - 1);
    return p == ";" || p == "(" || p == ")" || p == ">>" || iequals(p, "loop") || iequals(p, "then") ||
           iequals(p, "else") || iequals(p, "begin");
  };
  std::vector<ir::QualifiedName> out;
  int depth = 0;
  for (size_t i = 0; i < toks.size(); ++i) {
    if (is(i, "end") && is(i + 1, "loop")) {
      if (depth > 0) --depth;
      ++i;
      continue;
    }
    if (is(i, "loop")) {
      ++depth;
      continue;
    }
    if (depth == 0 || !starts_statement(i)) continue;
    size_t at = SIZE_MAX;
    if (is(i, "update"))
      at = i + 1;
    else if (is(i, "delete") && is(i + 1, "from"))
      at = i + 2;
    if (at == SIZE_MAX) continue;
    if (is(at, "only")) ++at;
    ir::QualifiedName name;
    if (!part(at, name.name)) continue;
    size_t last = at;
    if (at + 2 < toks.size() && text(at + 1) == ".") {
      name.schema = name.name;
      if (!part(at + 2, name.name)) continue;
      last = at + 2;
    }
    if (base != UINT32_MAX) name.range = {base + toks[at].begin, base + toks[last].end};
    bool seen = false;
    for (const auto& n : out) seen |= n.schema == name.schema && n.name == name.name;
    if (!seen) out.push_back(std::move(name));
  }
  return out;
}

ir::StatementNode Lowerer::create_domain(element n, TextRange r) {
  ir::CreateDomain d;
  element names;
  if (child(n, "domainname", names)) d.name = name_list(names, r);
  element tn;
  if (child(n, "typeName", tn)) d.base = type_name(tn);
  for (element c : items(n, "constraints")) {
    element inner;
    if (node_kind(c, inner) == "Constraint") constraint(inner, true, 0, d.constraints.emplace_back());
  }
  return d;
}

ir::StatementNode Lowerer::alter_domain(element n, TextRange r) {
  ir::AlterDomain d;
  element names;
  if (child(n, "typeName", names)) d.name = name_list(names, r);
  const auto sub = str(n, "subtype");
  if (sub == "C")
    d.action = "add-constraint";
  else if (sub == "V")
    d.action = "validate-constraint";
  else if (sub == "O")
    d.action = "set-not-null";
  else if (sub == "N")
    d.action = "drop-not-null";
  else if (sub == "T")
    d.action = "default";
  else if (sub == "X")
    d.action = "drop-constraint";
  else
    d.action = "other";
  element def;
  element inner;
  if (child(n, "def", def) && node_kind(def, inner) == "Constraint")
    constraint(inner, false, r.end, d.constraint.emplace());
  return d;
}

}  // namespace ddlint::parser::pg
