// PostgreSQL lowering: VACUUM and domains.
#include <string>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

ir::StatementNode Lowerer::vacuum(element n) {
  ir::Vacuum v;
  v.vacuum = flag(n, "is_vacuumcmd");
  for (element o : items(n, "options")) {
    element inner;
    if (node_kind(o, inner) == "DefElem" && str(inner, "defname") == "full") {
      // FULL false / FULL 0 is not a full vacuum.
      element arg;
      bool full = true;
      if (child(inner, "arg", arg)) {
        element ai;
        auto k = node_kind(arg, ai);
        if (k == "Boolean")
          full = flag(ai, "boolval");
        else if (k == "Integer")
          full = num(ai, "ival") != 0;
        else if (k == "String")
          full = to_lower(str(ai, "sval")) != "false" && str(ai, "sval") != "off";
      }
      v.full = full;
    }
  }
  for (element rel : items(n, "rels")) {
    element inner;
    element rv;
    if (node_kind(rel, inner) == "VacuumRelation" && child(inner, "relation", rv))
      v.tables.push_back(range_var(rv));
  }
  return v;
}

ir::StatementNode Lowerer::create_domain(element n, TextRange r) {
  ir::CreateDomain d;
  element names;
  if (child(n, "domainname", names)) d.name = name_list(names, r);
  element tn;
  if (child(n, "typeName", tn)) d.base = type_name(tn);
  for (element c : items(n, "constraints")) {
    element inner;
    if (node_kind(c, inner) == "Constraint") d.constraints.push_back(constraint(inner, true, 0));
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
    d.constraint = constraint(inner, false, r.end);
  return d;
}

}  // namespace ddlint::parser::pg
