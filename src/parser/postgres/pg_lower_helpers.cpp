// PostgreSQL lowering: JSON accessors and keyword tables shared by the statement families.
#include <algorithm>
#include <string>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower_char(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower_char(a[i]) != ascii_lower_char(b[i])) return false;
  return true;
}

// A list of {"String": {"sval": ...}} nodes.
std::vector<std::string> strings(array a) {
  std::vector<std::string> out;
  out.reserve(a.size());
  for (element item : a) {
    element inner;
    if (node_kind(item, inner) == "String") out.emplace_back(str(inner, "sval"));
  }
  return out;
}

void collect_calls(element e, ir::Expr& out) {
  object o;
  array a;
  if (e.get(o)) {
    for (auto field : o) {
      if (field.key == "FuncCall") {
        auto names = strings(items(field.value, "funcname"));
        if (!names.empty()) out.functions.push_back(to_lower(names.back()));
      } else if (field.key == "SQLValueFunction") {
        std::string op(str(field.value, "op"));
        if (op.rfind("SVFOP_", 0) == 0) out.functions.push_back(to_lower(op.substr(6)));
      }
      collect_calls(field.value, out);
    }
  } else if (e.get(a)) {
    for (element item : a) collect_calls(item, out);
  }
}

bool is_constant(element wrapped, bool& is_null) {
  element inner;
  const auto kind = node_kind(wrapped, inner);
  if (kind == "A_Const") {
    is_null = flag(inner, "isnull");
    return true;
  }
  if (kind == "TypeCast") {
    element arg;
    return child(inner, "arg", arg) && is_constant(arg, is_null);
  }
  if (kind == "A_ArrayExpr") {
    bool dummy = false;
    for (element el : items(inner, "elements"))
      if (!is_constant(el, dummy)) return false;
    return true;
  }
  return false;
}

// True when a SELECT (or a set operation over SELECTs) has LIMIT n or
// FETCH FIRST n ROWS (not LIMIT ALL).
bool select_limited(element wrapped) {
  element sel;
  if (node_kind(wrapped, sel) != "SelectStmt") return false;
  element count;
  if (child(sel, "limitCount", count)) {
    element c;
    return !(node_kind(count, c) == "A_Const" && flag(c, "isnull"));
  }
  return false;
}

// True when an expression can be computed without reading the target row:
// no column references; scalar subqueries only when `allow_scalar_subquery`.
bool row_independent(element e, bool allow_scalar_subquery) {
  object o;
  array a;
  if (e.get(o)) {
    for (auto field : o) {
      if (field.key == "ColumnRef") return false;
      if (field.key == "SubLink")
        return allow_scalar_subquery && str(field.value, "subLinkType") == "EXPR_SUBLINK" &&
               !has(field.value, "testexpr");
      if (!row_independent(field.value, allow_scalar_subquery)) return false;
    }
  } else if (e.get(a)) {
    for (element item : a)
      if (!row_independent(item, allow_scalar_subquery)) return false;
  }
  return true;
}

ir::ObjectKind object_kind(std::string_view t) {
  if (t == "OBJECT_TABLE") return ir::ObjectKind::Table;
  if (t == "OBJECT_INDEX") return ir::ObjectKind::Index;
  if (t == "OBJECT_VIEW") return ir::ObjectKind::View;
  if (t == "OBJECT_MATVIEW") return ir::ObjectKind::MaterializedView;
  if (t == "OBJECT_SEQUENCE") return ir::ObjectKind::Sequence;
  if (t == "OBJECT_SCHEMA") return ir::ObjectKind::Schema;
  if (t == "OBJECT_DATABASE") return ir::ObjectKind::Database;
  if (t == "OBJECT_TYPE") return ir::ObjectKind::Type;
  if (t == "OBJECT_DOMAIN") return ir::ObjectKind::Domain;
  if (t == "OBJECT_FUNCTION") return ir::ObjectKind::Function;
  if (t == "OBJECT_PROCEDURE") return ir::ObjectKind::Procedure;
  if (t == "OBJECT_TRIGGER") return ir::ObjectKind::Trigger;
  if (t == "OBJECT_EXTENSION") return ir::ObjectKind::Extension;
  if (t == "OBJECT_COLUMN") return ir::ObjectKind::Column;
  if (t == "OBJECT_TABCONSTRAINT") return ir::ObjectKind::Constraint;
  if (t == "OBJECT_FOREIGN_TABLE") return ir::ObjectKind::ForeignTable;
  if (t == "OBJECT_TABLESPACE") return ir::ObjectKind::Tablespace;
  return ir::ObjectKind::Other;
}

ir::AlterKind alter_kind(std::string_view s) {
  using K = ir::AlterKind;
  static const std::pair<std::string_view, K> table[] = {
      {"AT_AddColumn", K::AddColumn},
      {"AT_AddColumnRecurse", K::AddColumn},
      {"AT_DropColumn", K::DropColumn},
      {"AT_DropColumnRecurse", K::DropColumn},
      {"AT_AlterColumnType", K::AlterColumnType},
      {"AT_SetNotNull", K::SetNotNull},
      {"AT_DropNotNull", K::DropNotNull},
      {"AT_AddConstraint", K::AddConstraint},
      {"AT_AddConstraintRecurse", K::AddConstraint},
      {"AT_DropConstraint", K::DropConstraint},
      {"AT_DropConstraintRecurse", K::DropConstraint},
      {"AT_ValidateConstraint", K::ValidateConstraint},
      {"AT_ValidateConstraintRecurse", K::ValidateConstraint},
      {"AT_AlterConstraint", K::AlterConstraint},
      {"AT_SetTableSpace", K::SetTablespace},
      {"AT_SetLogged", K::SetLogged},
      {"AT_SetUnLogged", K::SetUnlogged},
      {"AT_SetAccessMethod", K::SetAccessMethod},
      {"AT_AttachPartition", K::AttachPartition},
      {"AT_DetachPartition", K::DetachPartition},
      {"AT_DetachPartitionFinalize", K::DetachPartition},
      {"AT_AddIdentity", K::AddIdentity},
      {"AT_SetIdentity", K::SetIdentity},
      {"AT_DropIdentity", K::DropIdentity},
      {"AT_SetExpression", K::SetExpression},
      {"AT_DropExpression", K::DropExpression},
      {"AT_SetStatistics", K::SetStatistics},
      {"AT_SetStorage", K::SetStorage},
      {"AT_SetCompression", K::SetCompression},
      {"AT_SetRelOptions", K::SetOptions},
      {"AT_ResetRelOptions", K::ResetOptions},
      {"AT_SetOptions", K::SetOptions},
      {"AT_ResetOptions", K::ResetOptions},
      {"AT_ClusterOn", K::ClusterOn},
      {"AT_DropCluster", K::SetWithoutCluster},
      {"AT_EnableTrig", K::EnableTrigger},
      {"AT_EnableAlwaysTrig", K::EnableTrigger},
      {"AT_EnableReplicaTrig", K::EnableTrigger},
      {"AT_EnableTrigAll", K::EnableTrigger},
      {"AT_EnableTrigUser", K::EnableTrigger},
      {"AT_DisableTrig", K::DisableTrigger},
      {"AT_DisableTrigAll", K::DisableTrigger},
      {"AT_DisableTrigUser", K::DisableTrigger},
      {"AT_EnableRule", K::EnableRule},
      {"AT_EnableAlwaysRule", K::EnableRule},
      {"AT_EnableReplicaRule", K::EnableRule},
      {"AT_DisableRule", K::DisableRule},
      {"AT_EnableRowSecurity", K::EnableRowSecurity},
      {"AT_DisableRowSecurity", K::DisableRowSecurity},
      {"AT_ForceRowSecurity", K::ForceRowSecurity},
      {"AT_NoForceRowSecurity", K::NoForceRowSecurity},
      {"AT_ReplicaIdentity", K::ReplicaIdentity},
      {"AT_ChangeOwner", K::OwnerTo},
      {"AT_AddInherit", K::Inherit},
      {"AT_DropInherit", K::NoInherit},
  };
  for (auto& [name, kind] : table)
    if (name == s) return kind;
  return K::Other;
}

ir::ConstraintKind constraint_kind(std::string_view s) {
  using K = ir::ConstraintKind;
  if (s == "CONSTR_CHECK") return K::Check;
  if (s == "CONSTR_FOREIGN") return K::ForeignKey;
  if (s == "CONSTR_UNIQUE") return K::Unique;
  if (s == "CONSTR_PRIMARY") return K::PrimaryKey;
  if (s == "CONSTR_EXCLUSION") return K::Exclusion;
  if (s == "CONSTR_NOTNULL") return K::NotNull;
  if (s == "CONSTR_NULL") return K::Null;
  if (s == "CONSTR_DEFAULT") return K::Default;
  if (s == "CONSTR_GENERATED") return K::Generated;
  if (s == "CONSTR_IDENTITY") return K::Identity;
  return K::Other;
}

// Keywords that begin a new column constraint or clause: an element that is
// not parenthesised ends before them.
bool is_clause_keyword(std::string_view w) {
  // The keywords by length: a token is compared with those of its own length only.
  switch (w.size()) {
    case 3:
      return iequals(w, "not");
    case 4:
      return iequals(w, "null");
    case 5:
      return iequals(w, "check") || iequals(w, "using");
    case 6:
      return iequals(w, "unique");
    case 7:
      return iequals(w, "default") || iequals(w, "primary") || iequals(w, "collate");
    case 9:
      return iequals(w, "generated") || iequals(w, "initially");
    case 10:
      return iequals(w, "constraint") || iequals(w, "references") || iequals(w, "deferrable");
    default:
      return false;
  }
}

}  // namespace ddlint::parser::pg
