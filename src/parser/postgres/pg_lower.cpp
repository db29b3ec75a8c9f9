#include "parser/postgres/pg_lower.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace ddlint::parser::pg {

namespace {

using simdjson::dom::array;
using simdjson::dom::object;

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Accessors tolerant of absent fields: libpg_query omits defaults (false, 0,
// empty) from its JSON.
std::string_view str(element e, std::string_view key) {
  std::string_view v;
  if (e[key].get(v) != simdjson::SUCCESS) return {};
  return v;
}
bool flag(element e, std::string_view key) {
  bool v = false;
  if (e[key].get(v) != simdjson::SUCCESS) return false;
  return v;
}
int64_t num(element e, std::string_view key, int64_t def = 0) {
  int64_t v = 0;
  if (e[key].get(v) != simdjson::SUCCESS) return def;
  return v;
}
bool child(element e, std::string_view key, element& out) {
  return e[key].get(out) == simdjson::SUCCESS && !out.is_null();
}
// An empty array to iterate when a list field is absent (a default-constructed
// dom::array must not be iterated).
array empty_array() {
  static simdjson::dom::parser parser;
  static const array empty = [] {
    array a;
    if (parser.parse(simdjson::padded_string(std::string_view("[]"))).get(a) != simdjson::SUCCESS)
      a = array();
    return a;
  }();
  return empty;
}

array items(element e, std::string_view key) {
  array a;
  if (e[key].get(a) != simdjson::SUCCESS) return empty_array();
  return a;
}
bool has(element e, std::string_view key) {
  element x;
  return child(e, key, x);
}

// {"Kind": {...}} -> Kind and the inner object.
std::string_view node_kind(element wrapped, element& inner) {
  object o;
  if (wrapped.get(o) != simdjson::SUCCESS) return {};
  for (auto field : o) {
    inner = field.value;
    return field.key;
  }
  return {};
}

// A list of {"String": {"sval": ...}} nodes.
std::vector<std::string> strings(array a) {
  std::vector<std::string> out;
  for (element item : a) {
    element inner;
    if (node_kind(item, inner) == "String") out.emplace_back(str(inner, "sval"));
  }
  return out;
}

void collect_calls(element e, ir::Expr& out) {
  object o;
  array a;
  if (e.get(o) == simdjson::SUCCESS) {
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
  } else if (e.get(a) == simdjson::SUCCESS) {
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
  if (e.get(o) == simdjson::SUCCESS) {
    for (auto field : o) {
      if (field.key == "ColumnRef") return false;
      if (field.key == "SubLink")
        return allow_scalar_subquery && str(field.value, "subLinkType") == "EXPR_SUBLINK" &&
               !has(field.value, "testexpr");
      if (!row_independent(field.value, allow_scalar_subquery)) return false;
    }
  } else if (e.get(a) == simdjson::SUCCESS) {
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
  static const std::string_view words[] = {"constraint", "not",        "null",     "default", "check",
                                           "references", "unique",     "primary",  "collate", "generated",
                                           "using",      "deferrable", "initially"};
  for (auto k : words)
    if (iequals(w, k)) return true;
  return false;
}

}  // namespace

// ---- tokens ----------------------------------------------------------------

size_t Lowerer::token_index_at(uint32_t offset) const {
  auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                             [](const Token& t, uint32_t off) { return t.begin < off; });
  return static_cast<size_t>(it - tokens_.begin());
}

std::string_view Lowerer::token_text(size_t i) const {
  if (i >= tokens_.size()) return {};
  const auto& t = tokens_[i];
  if (t.end > text_.size() || t.end < t.begin) return {};
  return text_.substr(t.begin, t.end - t.begin);
}

bool Lowerer::token_is(size_t i, std::string_view word) const { return iequals(token_text(i), word); }

uint32_t Lowerer::qualified_name_end(size_t i) const {
  if (i >= tokens_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = tokens_[i].end;
  while (i + 2 < tokens_.size() && token_text(i + 1) == "." && tokens_[i + 1].begin == end) {
    end = tokens_[i + 2].end;
    i += 2;
  }
  return end;
}

uint32_t Lowerer::element_end(size_t i, bool keyword_stops) const {
  if (i >= tokens_.size()) return static_cast<uint32_t>(text_.size());
  uint32_t end = tokens_[i].end;
  int depth = 0;
  for (size_t k = i; k < tokens_.size(); ++k) {
    const auto t = token_text(k);
    if (t == "(" || t == "[") {
      ++depth;
    } else if (t == ")" || t == "]") {
      if (depth == 0) break;
      --depth;
    } else if (depth == 0 && (t == "," || t == ";")) {
      break;
    } else if (depth == 0 && keyword_stops && k > i && is_clause_keyword(t)) {
      break;
    }
    end = tokens_[k].end;
  }
  return end;
}

size_t Lowerer::find_token(size_t from, uint32_t limit, std::string_view word) const {
  for (size_t k = from; k < tokens_.size() && tokens_[k].begin < limit; ++k)
    if (token_is(k, word)) return k;
  return tokens_.size();
}

TextRange Lowerer::find_name(const ir::QualifiedName& n, TextRange within) const {
  for (size_t k = token_index_at(within.begin); k < tokens_.size() && tokens_[k].end <= within.end; ++k) {
    auto t = token_text(k);
    std::string unq =
        (t.size() >= 2 && t.front() == '"') ? std::string(t.substr(1, t.size() - 2)) : to_lower(t);
    if (unq == n.name) {
      uint32_t begin = tokens_[k].begin;
      if (!n.schema.empty() && k >= 2 && token_text(k - 1) == ".") begin = tokens_[k - 2].begin;
      return {begin, tokens_[k].end};
    }
  }
  return within;
}

TextRange Lowerer::trim_to_tokens(uint32_t begin, uint32_t end) const {
  size_t first = token_index_at(begin);
  if (first >= tokens_.size() || tokens_[first].begin >= end) return {begin, begin};
  size_t last = first;
  for (size_t k = first; k < tokens_.size() && tokens_[k].end <= end; ++k) {
    if (token_text(k) == ";") break;
    last = k;
  }
  return {tokens_[first].begin, tokens_[last].end};
}

// ---- pieces ----------------------------------------------------------------

uint32_t Lowerer::loc(element e) const {
  const int64_t l = num(e, "location", -1);
  return l < 0 ? base_ : base_ + static_cast<uint32_t>(l);
}

ir::QualifiedName Lowerer::range_var(element rv) const {
  ir::QualifiedName n;
  n.schema = std::string(str(rv, "schemaname"));
  n.name = std::string(str(rv, "relname"));
  const int64_t l = num(rv, "location", -1);
  if (l >= 0) {
    const uint32_t b = base_ + static_cast<uint32_t>(l);
    n.range = {b, qualified_name_end(token_index_at(b))};
  }
  return n;
}

ir::QualifiedName Lowerer::name_list(element list_node, TextRange within) const {
  // Either {"List": {"items": [...]}} or a bare list of String nodes.
  std::vector<std::string> parts;
  element inner;
  array direct;
  if (list_node.get(direct) == simdjson::SUCCESS) {
    parts = strings(direct);
  } else {
    auto kind = node_kind(list_node, inner);
    if (kind == "List")
      parts = strings(items(inner, "items"));
    else if (kind == "String")
      parts.emplace_back(str(inner, "sval"));
    else if (kind == "TypeName")
      parts = strings(items(inner, "names"));
  }
  ir::QualifiedName n;
  if (parts.empty()) return n;
  n.name = parts.back();
  if (parts.size() >= 2) n.schema = parts[parts.size() - 2];
  n.range = find_name(n, within);
  return n;
}

ir::TypeName Lowerer::type_name(element tn) const {
  ir::TypeName t;
  auto names = strings(items(tn, "names"));
  if (!names.empty()) t.name = to_lower(names.back());
  for (element m : items(tn, "typmods")) {
    element inner;
    auto kind = node_kind(m, inner);
    if (kind == "A_Const") {
      element iv;
      if (child(inner, "ival", iv))
        t.modifiers.push_back(std::to_string(num(iv, "ival")));
      else if (child(inner, "sval", iv))
        t.modifiers.emplace_back(str(iv, "sval"));
    } else if (kind == "ColumnRef") {
      auto f = strings(items(inner, "fields"));
      if (!f.empty()) t.modifiers.push_back(f.back());
    }
  }
  t.array = has(tn, "arrayBounds");
  const int64_t l = num(tn, "location", -1);
  if (l >= 0) {
    const uint32_t b = base_ + static_cast<uint32_t>(l);
    t.range = {b, element_end(token_index_at(b), true)};
  }
  return t;
}

ir::Expr Lowerer::expr_in_range(element raw, TextRange r) const {
  ir::Expr e;
  e.range = r;
  collect_calls(raw, e);
  e.is_constant = is_constant(raw, e.is_null);
  element inner;
  element arg;
  element col;
  if (node_kind(raw, inner) == "NullTest" && str(inner, "nulltesttype") == "IS_NOT_NULL" &&
      child(inner, "arg", arg) && node_kind(arg, col) == "ColumnRef") {
    auto fields = strings(items(col, "fields"));
    if (fields.size() == 1) e.not_null_column = fields.back();
  }
  return e;
}

ir::Expr Lowerer::expr_after(element raw, uint32_t start, bool keyword_stops) const {
  const size_t i = token_index_at(start);
  return expr_in_range(raw, {i < tokens_.size() ? tokens_[i].begin : start, element_end(i, keyword_stops)});
}

ir::Constraint Lowerer::constraint(element c, bool inline_constraint, uint32_t end_hint) const {
  ir::Constraint k;
  k.kind = constraint_kind(str(c, "contype"));
  k.name = std::string(str(c, "conname"));
  k.not_valid = flag(c, "skip_validation");
  k.using_index = std::string(str(c, "indexname"));
  k.columns = strings(items(c, k.kind == ir::ConstraintKind::ForeignKey ? "fk_attrs" : "keys"));
  const uint32_t start = loc(c);
  size_t i = token_index_at(start);
  // Skip "CONSTRAINT name" to reach the element's own keyword.
  size_t kw = i;
  if (token_is(kw, "constraint")) kw += 2;
  uint32_t end = end_hint;
  if (inline_constraint) {
    size_t first_body = kw + 1;
    if (k.kind == ir::ConstraintKind::NotNull || k.kind == ir::ConstraintKind::PrimaryKey)
      first_body = kw + 2;
    if (k.kind == ir::ConstraintKind::Check || k.kind == ir::ConstraintKind::Exclusion) first_body = kw + 1;
    // GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [ ( options ) ]: DEFAULT
    // would end the range early, so the body starts at IDENTITY.
    if (k.kind == ir::ConstraintKind::Identity) {
      const size_t id =
          find_token(kw, kw + 5 < tokens_.size() ? tokens_[kw + 5].end : UINT32_MAX, "identity");
      if (id < tokens_.size()) first_body = id;
    }
    end = first_body > 0 && first_body - 1 < tokens_.size() ? tokens_[first_body - 1].end : start;
    if (first_body < tokens_.size()) {
      const auto t = token_text(first_body);
      if (!(t == "," || t == ")" || t == ";" || is_clause_keyword(t)))
        end = std::max(end, element_end(first_body, true));
    }
  } else if (end == 0) {
    end = element_end(i, false);
  }
  k.range = {start, std::max(start, end)};
  element pk;
  if (child(c, "pktable", pk)) {
    k.ref_table = range_var(pk);
    k.ref_columns = strings(items(c, "pk_attrs"));
  }
  element raw;
  if (child(c, "raw_expr", raw)) {
    if (k.kind == ir::ConstraintKind::Default) {
      k.expr = expr_after(raw, tokens_.size() > kw ? tokens_[kw].end : start, true);
    } else {
      // CHECK (expr) / GENERATED ALWAYS AS (expr): the parenthesised body.
      size_t open = kw;
      while (open < tokens_.size() && tokens_[open].begin < k.range.end && token_text(open) != "(") ++open;
      if (open + 1 < tokens_.size()) {
        k.expr = expr_in_range(raw, {tokens_[open + 1].begin, element_end(open + 1, false)});
      } else {
        k.expr = expr_in_range(raw, k.range);
      }
    }
  }
  if (k.kind == ir::ConstraintKind::Generated) k.stored = true;  // PostgreSQL only has STORED
  return k;
}

ir::ColumnDef Lowerer::column_def(element cd, TextRange hint) const {
  ir::ColumnDef col;
  col.name = std::string(str(cd, "colname"));
  const uint32_t start = has(cd, "location") ? loc(cd) : hint.begin;
  const size_t i = token_index_at(start);
  col.range = {start, hint.end ? hint.end : element_end(i, false)};
  col.name_range = i < tokens_.size() ? TextRange{tokens_[i].begin, tokens_[i].end} : col.range;
  element tn;
  if (child(cd, "typeName", tn)) col.type = type_name(tn);
  for (element ce : items(cd, "constraints")) {
    element inner;
    if (node_kind(ce, inner) != "Constraint") continue;
    auto k = constraint(inner, true, 0);
    if (k.kind == ir::ConstraintKind::NotNull || k.kind == ir::ConstraintKind::PrimaryKey)
      col.not_null = true;
    if (k.kind == ir::ConstraintKind::Default && k.expr) col.default_value = k.expr;
    col.constraints.push_back(std::move(k));
  }
  if (flag(cd, "is_not_null")) col.not_null = true;
  return col;
}

std::vector<TextRange> Lowerer::split_actions(TextRange stmt, uint32_t after) const {
  std::vector<TextRange> out;
  size_t k = token_index_at(after);
  int depth = 0;
  uint32_t seg_begin = 0;
  uint32_t seg_end = 0;
  bool open = false;
  for (; k < tokens_.size() && tokens_[k].end <= stmt.end; ++k) {
    const auto t = token_text(k);
    if (depth == 0 && t == ",") {
      if (open) out.push_back({seg_begin, seg_end});
      open = false;
      continue;
    }
    if (t == "(" || t == "[") ++depth;
    if ((t == ")" || t == "]") && depth > 0) --depth;
    if (!open) {
      seg_begin = tokens_[k].begin;
      open = true;
    }
    seg_end = tokens_[k].end;
  }
  if (open) out.push_back({seg_begin, seg_end});
  return out;
}

// ---- statements ------------------------------------------------------------

ir::StatementNode Lowerer::create_table(element n, TextRange) {
  ir::CreateTable ct;
  element rv;
  if (child(n, "relation", rv)) {
    ct.table = range_var(rv);
    const auto p = str(rv, "relpersistence");
    ct.temporary = p == "t";
    ct.unlogged = p == "u";
  }
  ct.if_not_exists = flag(n, "if_not_exists");
  if (has(n, "partbound")) {
    for (element parent : items(n, "inhRelations")) {
      element inner;
      if (node_kind(parent, inner) == "RangeVar") {
        ct.partition_of = range_var(inner);
        break;
      }
    }
  }
  for (element e : items(n, "tableElts")) {
    element inner;
    const auto kind = node_kind(e, inner);
    if (kind == "ColumnDef") {
      ct.columns.push_back(column_def(inner, {}));
    } else if (kind == "Constraint") {
      ct.constraints.push_back(constraint(inner, false, 0));
    }
  }
  return ct;
}

ir::StatementNode Lowerer::create_table_as(element n, TextRange) {
  const auto objtype = str(n, "objtype");
  if (objtype != "OBJECT_TABLE" && objtype != "OBJECT_MATVIEW")
    return ir::Opaque{"CreateTableAsStmt", false, {}, {}};
  ir::CreateTable ct;
  ct.as_select = true;
  if (objtype == "OBJECT_MATVIEW") ct.object = ir::ObjectKind::MaterializedView;
  element into;
  element rel;
  if (child(n, "into", into) && child(into, "rel", rel)) {
    ct.table = range_var(rel);
    ct.temporary = str(rel, "relpersistence") == "t";
    ct.unlogged = str(rel, "relpersistence") == "u";
  }
  ct.if_not_exists = flag(n, "if_not_exists");
  return ct;
}

ir::StatementNode Lowerer::alter_table(element n, TextRange r) {
  ir::AlterTable at;
  element rv;
  if (child(n, "relation", rv)) {
    at.table = range_var(rv);
    at.only = !flag(rv, "inh");
  }
  at.object = object_kind(str(n, "objtype"));
  if (at.object == ir::ObjectKind::Other) at.object = ir::ObjectKind::Table;
  at.if_exists = flag(n, "missing_ok");
  array cmds = items(n, "cmds");
  const auto segments = split_actions(r, at.table.range.end ? at.table.range.end : r.begin);
  size_t idx = 0;
  size_t count = 0;
  for (element c : cmds) {
    (void)c;
    ++count;
  }
  for (element wrapped : cmds) {
    element cmd;
    if (node_kind(wrapped, cmd) != "AlterTableCmd") continue;
    ir::AlterAction a;
    a.native = std::string(str(cmd, "subtype"));
    a.kind = alter_kind(a.native);
    a.range = segments.size() == count && idx < segments.size() ? segments[idx] : r;
    ++idx;
    a.column = std::string(str(cmd, "name"));
    a.if_exists = flag(cmd, "missing_ok");
    a.cascade = str(cmd, "behavior") == "DROP_CASCADE";
    element def;
    const bool has_def = child(cmd, "def", def);
    element inner;
    const auto def_kind = has_def ? node_kind(def, inner) : std::string_view{};
    switch (a.kind) {
      case ir::AlterKind::AddColumn:
        if (def_kind == "ColumnDef") {
          // The definition starts after "ADD [COLUMN] [IF NOT EXISTS]".
          a.column_def = column_def(inner, {0, a.range.end});
          a.column_def->range.end = a.range.end;
          a.column = a.column_def->name;
        }
        break;
      case ir::AlterKind::AlterColumnType:
        if (def_kind == "ColumnDef") {
          element tn;
          if (child(inner, "typeName", tn)) a.new_type = type_name(tn);
          element using_expr;
          if (child(inner, "raw_default", using_expr)) {
            const size_t u = find_token(token_index_at(a.range.begin), a.range.end, "using");
            if (u < tokens_.size()) a.expr = expr_after(using_expr, tokens_[u].end, false);
          }
        }
        break;
      case ir::AlterKind::SetDefault:
      case ir::AlterKind::DropDefault:
        break;
      case ir::AlterKind::AddConstraint:
        if (def_kind == "Constraint") {
          a.constraint = constraint(inner, false, a.range.end);
          a.name = a.constraint->name;
        }
        break;
      case ir::AlterKind::AttachPartition:
      case ir::AlterKind::DetachPartition:
        if (def_kind == "PartitionCmd") {
          element name;
          if (child(inner, "name", name)) {
            a.partition = range_var(name);
            a.name = a.partition.display();
          }
          a.concurrently = flag(inner, "concurrent");
        }
        break;
      default:
        if (a.kind == ir::AlterKind::DropConstraint || a.kind == ir::AlterKind::ValidateConstraint ||
            a.kind == ir::AlterKind::SetTablespace || a.kind == ir::AlterKind::EnableTrigger ||
            a.kind == ir::AlterKind::DisableTrigger || a.kind == ir::AlterKind::ClusterOn ||
            a.kind == ir::AlterKind::SetAccessMethod) {
          a.name = a.column;
          a.column.clear();
        }
        break;
    }
    if (a.native == "AT_ColumnDefault") {
      if (has_def) {
        a.kind = ir::AlterKind::SetDefault;
        const size_t d = find_token(token_index_at(a.range.begin), a.range.end, "default");
        a.expr = d < tokens_.size() ? expr_after(def, tokens_[d].end, false) : expr_in_range(def, a.range);
      } else {
        a.kind = ir::AlterKind::DropDefault;
      }
    }
    at.actions.push_back(std::move(a));
  }
  return at;
}

ir::StatementNode Lowerer::create_index(element n, TextRange r) {
  ir::CreateIndex ci;
  ci.name = std::string(str(n, "idxname"));
  element rv;
  if (child(n, "relation", rv)) {
    ci.table = range_var(rv);
    ci.only = !flag(rv, "inh");
  }
  ci.concurrently = flag(n, "concurrent");
  ci.unique = flag(n, "unique");
  ci.if_not_exists = flag(n, "if_not_exists");
  ci.partial = has(n, "whereClause");
  for (element p : items(n, "indexParams")) {
    element inner;
    if (node_kind(p, inner) != "IndexElem") continue;
    const auto name = str(inner, "name");
    ci.columns.emplace_back(name.empty() ? std::string("(expr)") : std::string(name));
  }
  const size_t k = find_token(token_index_at(r.begin), r.end, "index");
  if (k < tokens_.size()) ci.keyword_range = {tokens_[k].begin, tokens_[k].end};
  return ci;
}

ir::StatementNode Lowerer::drop(element n, TextRange r) {
  ir::Drop d;
  d.object = object_kind(str(n, "removeType"));
  d.if_exists = flag(n, "missing_ok");
  d.cascade = str(n, "behavior") == "DROP_CASCADE";
  d.concurrently = flag(n, "concurrent");
  for (element o : items(n, "objects")) {
    auto name = name_list(o, r);
    if (!name.empty()) d.names.push_back(std::move(name));
  }
  if (d.object == ir::ObjectKind::Index) {
    const size_t k = find_token(token_index_at(r.begin), r.end, "index");
    if (k < tokens_.size()) d.keyword_range = {tokens_[k].begin, tokens_[k].end};
  }
  return d;
}

ir::StatementNode Lowerer::rename(element n, TextRange r) {
  ir::Rename rn;
  rn.object = object_kind(str(n, "renameType"));
  element rv;
  if (child(n, "relation", rv)) {
    rn.target = range_var(rv);
  } else {
    element obj;
    if (child(n, "object", obj)) rn.target = name_list(obj, r);
  }
  rn.subname = std::string(str(n, "subname"));
  rn.new_name = std::string(str(n, "newname"));
  return rn;
}

ir::StatementNode Lowerer::variable_set(element n) {
  ir::SetSetting s;
  const auto kind = str(n, "kind");
  s.name = to_lower(str(n, "name"));
  s.local = flag(n, "is_local");
  if (kind == "VAR_RESET_ALL") {
    s.reset = s.all = true;
  } else if (kind == "VAR_RESET" || kind == "VAR_SET_DEFAULT") {
    s.reset = true;
  } else if (kind == "VAR_SET_VALUE") {
    std::string value;
    for (element a : items(n, "args")) {
      element inner;
      if (node_kind(a, inner) != "A_Const") continue;
      element v;
      std::string part;
      if (child(inner, "sval", v))
        part = std::string(str(v, "sval"));
      else if (child(inner, "ival", v)) {
        part = std::to_string(num(v, "ival"));
        // The parse tree's JSON drops a negative integer here; read it from the text.
        const size_t t = token_index_at(loc(inner));
        if (token_is(t, "-")) part = "-" + std::string(token_text(t + 1));
      } else if (child(inner, "fval", v))
        part = std::string(str(v, "fval"));
      else if (child(inner, "boolval", v))
        part = flag(v, "boolval") ? "on" : "off";
      if (!value.empty()) value += ", ";
      value += part;
    }
    s.value = value;
  } else {
    return ir::Opaque{"VariableSetStmt", false, {}, {}};  // SET TRANSACTION ..., SET ... FROM CURRENT
  }
  return s;
}

ir::StatementNode Lowerer::reindex(element n, TextRange r) {
  ir::Reindex ri;
  const auto kind = str(n, "kind");
  if (kind == "REINDEX_OBJECT_TABLE")
    ri.target = ir::ObjectKind::Table;
  else if (kind == "REINDEX_OBJECT_SCHEMA")
    ri.target = ir::ObjectKind::Schema;
  else if (kind == "REINDEX_OBJECT_SYSTEM" || kind == "REINDEX_OBJECT_DATABASE")
    ri.target = ir::ObjectKind::Database;
  else
    ri.target = ir::ObjectKind::Index;
  ri.system = kind == "REINDEX_OBJECT_SYSTEM";
  element rv;
  if (child(n, "relation", rv)) {
    ri.name = range_var(rv);
  } else {
    ri.name.name = std::string(str(n, "name"));
    ri.name.range = find_name(ri.name, r);
  }
  for (element p : items(n, "params")) {
    element inner;
    if (node_kind(p, inner) == "DefElem" && str(inner, "defname") == "concurrently") ri.concurrently = true;
  }
  return ri;
}

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

ir::StatementNode Lowerer::lock(element n) {
  static const char* modes[] = {
      "",      "ACCESS SHARE",        "ROW SHARE", "ROW EXCLUSIVE",   "SHARE UPDATE EXCLUSIVE",
      "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE"};
  ir::LockTable l;
  const int64_t m = num(n, "mode", 8);
  l.mode = m >= 1 && m <= 8 ? modes[m] : "ACCESS EXCLUSIVE";
  l.nowait = flag(n, "nowait");
  for (element rv : items(n, "relations")) {
    element inner;
    if (node_kind(rv, inner) == "RangeVar") l.tables.push_back(range_var(inner));
  }
  return l;
}

ir::Statement Lowerer::lower(element stmt, uint32_t base, TextRange range) {
  base_ = base;
  ir::Statement out;
  out.range = range;
  element n;
  const auto kind = node_kind(stmt, n);
  if (kind == "CreateStmt") {
    out.node = create_table(n, range);
  } else if (kind == "CreateTableAsStmt") {
    out.node = create_table_as(n, range);
  } else if (kind == "AlterTableStmt") {
    out.node = alter_table(n, range);
  } else if (kind == "IndexStmt") {
    out.node = create_index(n, range);
  } else if (kind == "DropStmt") {
    out.node = drop(n, range);
  } else if (kind == "DropdbStmt") {
    ir::Drop d;
    d.object = ir::ObjectKind::Database;
    d.if_exists = flag(n, "missing_ok");
    ir::QualifiedName name;
    name.name = std::string(str(n, "dbname"));
    name.range = find_name(name, range);
    d.names.push_back(std::move(name));
    out.node = std::move(d);
  } else if (kind == "TruncateStmt") {
    ir::Truncate t;
    for (element rv : items(n, "relations")) {
      element inner;
      if (node_kind(rv, inner) == "RangeVar") t.tables.push_back(range_var(inner));
    }
    t.cascade = str(n, "behavior") == "DROP_CASCADE";
    t.restart_identity = flag(n, "restart_seqs");
    out.node = std::move(t);
  } else if (kind == "RenameStmt") {
    out.node = rename(n, range);
  } else if (kind == "TransactionStmt") {
    ir::Transaction t;
    const auto k = str(n, "kind");
    if (k == "TRANS_STMT_BEGIN" || k == "TRANS_STMT_START")
      t.kind = ir::TransactionKind::Begin;
    else if (k == "TRANS_STMT_COMMIT")
      t.kind = ir::TransactionKind::Commit;
    else if (k == "TRANS_STMT_ROLLBACK")
      t.kind = ir::TransactionKind::Rollback;
    else if (k == "TRANS_STMT_SAVEPOINT")
      t.kind = ir::TransactionKind::Savepoint;
    else if (k == "TRANS_STMT_RELEASE")
      t.kind = ir::TransactionKind::Release;
    else if (k == "TRANS_STMT_ROLLBACK_TO")
      t.kind = ir::TransactionKind::RollbackTo;
    else if (k == "TRANS_STMT_PREPARE")
      t.kind = ir::TransactionKind::Prepare;
    else if (k == "TRANS_STMT_COMMIT_PREPARED" || k == "TRANS_STMT_ROLLBACK_PREPARED")
      t.kind = ir::TransactionKind::Other;
    t.chain = flag(n, "chain");
    out.node = t;
  } else if (kind == "VariableSetStmt") {
    out.node = variable_set(n);
  } else if (kind == "UpdateStmt" || kind == "DeleteStmt" || kind == "InsertStmt") {
    element rv;
    ir::QualifiedName table;
    if (child(n, "relation", rv)) table = range_var(rv);
    if (kind == "UpdateStmt")
      out.node = ir::Update{table, has(n, "whereClause"), row_selection(n)};
    else if (kind == "DeleteStmt")
      out.node = ir::Delete{table, has(n, "whereClause"), row_selection(n)};
    else
      out.node = ir::Insert{table, has(n, "selectStmt") && [&] {
                              element sel;
                              element inner;
                              child(n, "selectStmt", sel);
                              return node_kind(sel, inner) == "SelectStmt" && !has(inner, "valuesLists");
                            }()};
  } else if (kind == "ReindexStmt") {
    out.node = reindex(n, range);
  } else if (kind == "VacuumStmt") {
    out.node = vacuum(n);
  } else if (kind == "ClusterStmt") {
    ir::Cluster c;
    element rv;
    if (child(n, "relation", rv)) c.table = range_var(rv);
    out.node = c;
  } else if (kind == "RefreshMatViewStmt") {
    ir::RefreshMatView m;
    element rv;
    if (child(n, "relation", rv)) m.view = range_var(rv);
    m.concurrently = flag(n, "concurrent");
    out.node = m;
  } else if (kind == "AlterEnumStmt") {
    ir::AlterEnum e;
    element names;
    if (child(n, "typeName", names)) e.type = name_list(names, range);
    e.rename_value = has(n, "oldVal");
    e.value = std::string(str(n, "newVal"));
    e.if_not_exists = flag(n, "skipIfNewValExists");
    out.node = e;
  } else if (kind == "CreateDomainStmt") {
    out.node = create_domain(n, range);
  } else if (kind == "AlterDomainStmt") {
    out.node = alter_domain(n, range);
  } else if (kind == "LockStmt") {
    out.node = lock(n);
  } else {
    element into;
    element rel;
    if (kind == "SelectStmt" && child(n, "intoClause", into) && child(into, "rel", rel)) {
      // SELECT ... INTO [TABLE] name creates a table, like CREATE TABLE AS.
      ir::CreateTable ct;
      ct.as_select = true;
      ct.table = range_var(rel);
      ct.temporary = str(rel, "relpersistence") == "t";
      ct.unlogged = str(rel, "relpersistence") == "u";
      out.node = std::move(ct);
      return out;
    }
    ir::Opaque o{std::string(kind), false, {}, {}};
    element created;
    if (kind == "CreateEnumStmt" && child(n, "typeName", created))
      o.creates = name_list(created, range);
    else if (kind == "CreateSeqStmt" && child(n, "sequence", created))
      o.creates = range_var(created);
    if (kind == "CreateSchemaStmt" || kind == "CreateSeqStmt" || kind == "CreateExtensionStmt")
      o.if_not_exists = flag(n, "if_not_exists");
    // Statements PostgreSQL refuses inside a transaction block.
    o.no_transaction_block = kind == "CreatedbStmt" || kind == "CreateTableSpaceStmt" ||
                             kind == "DropTableSpaceStmt" || kind == "AlterSystemStmt";
    out.node = std::move(o);
  }
  return out;
}

// ---- UPDATE / DELETE row selection -----------------------------------------

ir::RowSelection Lowerer::row_selection(element n) const {
  ir::RowSelection sel;
  element with;
  if (child(n, "withClause", with))
    for (element cte : items(with, "ctes")) {
      element c;
      element query;
      if (node_kind(cte, c) == "CommonTableExpr" && child(c, "ctequery", query) && select_limited(query))
        sel.limited_source = true;
    }
  for (std::string_view key : {"fromClause", "usingClause"})
    for (element from : items(n, key)) {
      element sub;
      element query;
      if (node_kind(from, sub) == "RangeSubselect" && child(sub, "subquery", query) && select_limited(query))
        sel.limited_source = true;
    }
  element rv;
  std::string_view relname;
  std::string_view alias;
  if (child(n, "relation", rv)) {
    relname = str(rv, "relname");
    element al;
    if (child(rv, "alias", al)) alias = str(al, "aliasname");
  }
  element where;
  if (!child(n, "whereClause", where)) return sel;
  // Top-level AND terms.
  std::vector<element> terms{where};
  for (size_t i = 0; i < terms.size(); ++i) {
    element inner;
    const auto kind = node_kind(terms[i], inner);
    if (kind == "BoolExpr" && str(inner, "boolop") == "AND_EXPR") {
      for (element arg : items(inner, "args")) terms.push_back(arg);
      continue;
    }
    if (kind == "CurrentOfExpr") {
      sel.current_of = true;
      continue;
    }
    ir::ColumnFilter f;
    if (filter_term(terms[i], relname, alias, f)) sel.filters.push_back(std::move(f));
  }
  return sel;
}

// `col op value` (either way round), `col BETWEEN a AND b`, `col IN (...)`,
// `col = ANY(...)` where col is a column of the target table.
bool Lowerer::filter_term(element term, std::string_view relname, std::string_view alias,
                          ir::ColumnFilter& out) const {
  auto column_of = [&](element e, ir::ColumnFilter& f) {
    element col;
    if (node_kind(e, col) != "ColumnRef") return false;
    const auto fields = strings(items(col, "fields"));
    if (fields.empty() || items(col, "fields").size() != fields.size()) return false;  // A_Star
    if (fields.size() >= 2) {
      const std::string& q = fields[fields.size() - 2];
      if (q != relname && q != alias) return false;
    }
    f.column = fields.back();
    const uint32_t b = loc(col);
    f.range = {b, qualified_name_end(token_index_at(b))};
    return true;
  };
  element inner;
  const auto kind = node_kind(term, inner);
  if (kind == "SubLink") {
    // col IN (SELECT ... LIMIT n)
    element test;
    element query;
    if (str(inner, "subLinkType") != "ANY_SUBLINK" || !child(inner, "testexpr", test) ||
        !child(inner, "subselect", query) || !select_limited(query))
      return false;
    const auto op = strings(items(inner, "operName"));
    if (!op.empty() && op.back() != "=") return false;
    out.op = ir::FilterOp::InLimitedQuery;
    return column_of(test, out);
  }
  if (kind != "A_Expr") return false;
  const auto akind = str(inner, "kind");
  const auto names = strings(items(inner, "name"));
  const std::string op = names.empty() ? "" : names.back();
  element lhs;
  element rhs;
  if (!child(inner, "lexpr", lhs) || !child(inner, "rexpr", rhs)) return false;
  if (akind == "AEXPR_BETWEEN") {
    out.op = ir::FilterOp::Between;
    return row_independent(rhs, false) && column_of(lhs, out);
  }
  if (akind == "AEXPR_IN") {
    out.op = ir::FilterOp::In;
    return op == "=" && row_independent(rhs, true) && column_of(lhs, out);
  }
  if (akind == "AEXPR_OP_ANY") {
    if (op != "=") return false;
    element arr;
    element query;
    if (node_kind(rhs, arr) == "SubLink" && str(arr, "subLinkType") == "ARRAY_SUBLINK" &&
        child(arr, "subselect", query)) {
      if (!select_limited(query)) return false;
      out.op = ir::FilterOp::InLimitedQuery;
      return column_of(lhs, out);
    }
    out.op = ir::FilterOp::In;
    return row_independent(rhs, false) && column_of(lhs, out);
  }
  if (akind != "AEXPR_OP") return false;
  static const std::pair<std::string_view, std::pair<ir::FilterOp, ir::FilterOp>> ops[] = {
      {"=", {ir::FilterOp::Equal, ir::FilterOp::Equal}},
      {"<", {ir::FilterOp::Less, ir::FilterOp::Greater}},
      {"<=", {ir::FilterOp::LessEqual, ir::FilterOp::GreaterEqual}},
      {">", {ir::FilterOp::Greater, ir::FilterOp::Less}},
      {">=", {ir::FilterOp::GreaterEqual, ir::FilterOp::LessEqual}},
  };
  for (const auto& [name, pair] : ops) {
    if (op != name) continue;
    const bool eq = pair.first == ir::FilterOp::Equal;
    if (row_independent(rhs, eq) && column_of(lhs, out)) {
      out.op = pair.first;
      return true;
    }
    if (row_independent(lhs, eq) && column_of(rhs, out)) {
      out.op = pair.second;
      return true;
    }
    return false;
  }
  return false;
}

}  // namespace ddlint::parser::pg
