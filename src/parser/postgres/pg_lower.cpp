// PostgreSQL lowering: the statement dispatcher, token helpers and the pieces every family uses (names,
// types, expressions).
#include <algorithm>
#include <cstring>
#include <string>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

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
    out.node = transaction(n);
  } else if (kind == "VariableSetStmt") {
    out.node = variable_set(n);
  } else if (kind == "UpdateStmt" || kind == "DeleteStmt" || kind == "InsertStmt") {
    out.node = dml(kind, n);
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
    // Built in its box, which the node then takes (an Opaque's many strings
    // are not moved).
    ir::Box<ir::Opaque> boxed;
    ir::Opaque& o = boxed.emplace();
    o.node = std::string(kind);
    element created;
    if (kind == "ViewStmt" && child(n, "view", created)) {
      // CREATE [OR REPLACE] VIEW: the view it creates or replaces.
      o.creates = range_var(created);
      o.creates_kind = ir::ObjectKind::View;
      o.or_replace = flag(n, "replace");
    } else if (kind == "CreateEnumStmt" && child(n, "typeName", created)) {
      o.creates = name_list(created, range);
      o.enum_labels = strings(items(n, "vals"));
    } else if (kind == "CreateSeqStmt" && child(n, "sequence", created))
      o.creates = range_var(created);
    if (kind == "CreateSeqStmt" || kind == "AlterSeqStmt")
      for (element a : items(n, "options")) {
        element def;
        element arg;
        element list;
        if (node_kind(a, def) != "DefElem" || str(def, "defname") != "owned_by" || !child(def, "arg", arg) ||
            node_kind(arg, list) != "List")
          continue;
        const auto parts = strings(items(list, "items"));
        if (parts.size() < 2) continue;  // OWNED BY NONE
        o.owned_by = name_list(arg, range, 1);
        o.owned_by_column = parts.back();
      }
    // A row trigger: the table it fires on (a statement trigger fires once).
    if (kind == "CreateTrigStmt" && flag(n, "row") && child(n, "relation", created)) {
      o.on_table = range_var(created);
      o.trigger = std::string(str(n, "trigname"));
      // TRIGGER_TYPE_INSERT 4, _DELETE 8, _UPDATE 16 (PostgreSQL's trigger.h).
      const int64_t events = num(n, "events", 0);
      o.trigger_events = static_cast<uint8_t>(((events & 4) ? ir::kTriggerInsert : 0) |
                                              ((events & 16) ? ir::kTriggerUpdate : 0) |
                                              ((events & 8) ? ir::kTriggerDelete : 0));
    }
    // What it locks.
    element on;
    if ((kind == "CreateTrigStmt" || kind == "RuleStmt") && child(n, "relation", on))
      o.acts_on.push_back(range_var(on));
    else if ((kind == "CreatePolicyStmt" || kind == "AlterPolicyStmt") && child(n, "table", on))
      o.acts_on.push_back(range_var(on));
    else if (kind == "AlterSeqStmt" && child(n, "sequence", on))
      o.acts_on.push_back(range_var(on));
    else if (kind == "CreateStatsStmt")
      for (element r : items(n, "relations")) {
        element inner;
        if (node_kind(r, inner) == "RangeVar") o.acts_on.push_back(range_var(inner));
      }
    else if (kind == "CommentStmt" && child(n, "object", on)) {
      const auto type = str(n, "objtype");
      if (type == "OBJECT_TABLE" || type == "OBJECT_COLUMN")
        o.acts_on.push_back(name_list(on, range, type == "OBJECT_COLUMN" ? 1 : 0));
    } else if (kind == "GrantStmt" && str(n, "targtype") == "ACL_TARGET_OBJECT" &&
               str(n, "objtype") == "OBJECT_TABLE")
      for (element r : items(n, "objects")) {
        element inner;
        if (node_kind(r, inner) == "RangeVar") o.acts_on.push_back(range_var(inner));
      }
    // DO: what a batched backfill loop in the block writes.
    if (kind == "DoStmt") {
      std::string_view body;
      bool plpgsql = true;
      for (element a : items(n, "args")) {
        element def;
        element arg;
        element value;
        if (node_kind(a, def) != "DefElem" || !child(def, "arg", arg) || node_kind(arg, value) != "String")
          continue;
        if (str(def, "defname") == "as") body = str(value, "sval");
        if (str(def, "defname") == "language") plpgsql = iequals(str(value, "sval"), "plpgsql");
      }
      if (plpgsql && !body.empty()) {
        const size_t at = text_.substr(range.begin, range.end - range.begin).find(body);
        o.loop_writes = loop_writes(
            body, at == std::string_view::npos ? UINT32_MAX : range.begin + static_cast<uint32_t>(at));
      }
    }
    // CREATE FUNCTION: its name and declared volatility (VOLATILE unless written).
    if (kind == "CreateFunctionStmt" && !flag(n, "is_procedure")) {
      element fn;
      if (child(n, "funcname", fn)) o.routine = name_list(fn, range);
      o.volatility = ir::Volatility::Volatile;
      for (element a : items(n, "options")) {
        element def;
        element arg;
        element value;
        if (node_kind(a, def) != "DefElem" || str(def, "defname") != "volatility" ||
            !child(def, "arg", arg) || node_kind(arg, value) != "String")
          continue;
        const auto v = str(value, "sval");
        o.volatility = v == "immutable" ? ir::Volatility::Immutable
                       : v == "stable"  ? ir::Volatility::Stable
                                        : ir::Volatility::Volatile;
      }
    }
    if (kind == "CreateSchemaStmt" || kind == "CreateSeqStmt" || kind == "CreateExtensionStmt")
      o.if_not_exists = flag(n, "if_not_exists");
    // Statements PostgreSQL refuses inside a transaction block.
    o.no_transaction_block = kind == "CreatedbStmt" || kind == "CreateTableSpaceStmt" ||
                             kind == "DropTableSpaceStmt" || kind == "AlterSystemStmt";
    out.node = std::move(boxed);
  }
  return out;
}

// ---- tokens ----------------------------------------------------------------

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
    // Punctuation is one byte: told by the token's bounds and that byte (the
    // text view only built for a keyword test).
    const Token& tok = tokens_[k];
    const char c =
        tok.end > tok.begin && tok.end - tok.begin == 1 && tok.end <= text_.size() ? text_[tok.begin] : '\0';
    if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      if (depth == 0) break;
      --depth;
    } else if (depth == 0 && (c == ',' || c == ';')) {
      break;
    } else if (depth == 0 && keyword_stops && k > i && is_clause_keyword(token_text(k))) {
      break;
    }
    end = tok.end;
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
  const size_t first = token_index_at(begin);
  if (first >= tokens_.size() || tokens_[first].begin >= end) return {begin, begin};
  // The tokens [first, stop) end within `end`; the range ends at the last of
  // them before the first `;` token among them. A `;` token is a `;` byte,
  // so only the `;` bytes of their text are looked at (most statements hold
  // none), not every token.
  const auto stop = static_cast<size_t>(
      std::lower_bound(tokens_.begin() + static_cast<std::ptrdiff_t>(first), tokens_.end(), end,
                       [](const Token& t, uint32_t off) { return t.end <= off; }) -
      tokens_.begin());
  if (stop == first) return {tokens_[first].begin, tokens_[first].end};
  size_t last = stop - 1;
  const size_t from = tokens_[first].begin;
  const size_t to = std::min<size_t>(tokens_[stop - 1].end, text_.size());
  for (size_t p = from; p < to;) {
    const void* hit = std::memchr(text_.data() + p, ';', to - p);
    if (hit == nullptr) break;
    p = static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
    const auto k = std::lower_bound(tokens_.begin() + static_cast<std::ptrdiff_t>(first),
                                    tokens_.begin() + static_cast<std::ptrdiff_t>(stop), p,
                                    [](const Token& t, size_t off) { return t.begin < off; });
    if (k != tokens_.begin() + static_cast<std::ptrdiff_t>(stop) && k->begin == p && k->end == p + 1) {
      const auto semi = static_cast<size_t>(k - tokens_.begin());
      last = semi == first ? first : semi - 1;
      break;
    }
    ++p;
  }
  near_first_ = first;
  near_end_ = last + 1;
  return {tokens_[first].begin, tokens_[last].end};
}

// ---- pieces ----------------------------------------------------------------

uint32_t Lowerer::loc(element e) const {
  const int64_t l = num(e, "location", -1);
  return l < 0 ? base_ : base_ + static_cast<uint32_t>(l);
}

ir::QualifiedName Lowerer::range_var(element rv) const {
  ir::QualifiedName n;
  int64_t l = -1;
  FieldPass fields(rv);
  for (const auto f : fields) {
    if (fields.first(f, "schemaname", 1))
      n.schema = str_of(f.value);
    else if (fields.first(f, "relname", 2))
      n.name = str_of(f.value);
    else if (fields.first(f, "location", 4))
      l = num_of(f.value, -1);
  }
  if (l >= 0) {
    const uint32_t b = base_ + static_cast<uint32_t>(l);
    n.range = {b, qualified_name_end(token_index_at(b))};
  }
  return n;
}

ir::QualifiedName Lowerer::name_list(element list_node, TextRange within, size_t drop_last) const {
  // Either {"List": {"items": [...]}} or a bare list of String nodes.
  std::vector<std::string> parts;
  element inner;
  array direct;
  if (list_node.get(direct)) {
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
  parts.resize(parts.size() > drop_last ? parts.size() - drop_last : 0);
  if (parts.empty()) return n;
  n.name = parts.back();
  if (parts.size() >= 2) n.schema = parts[parts.size() - 2];
  n.range = find_name(n, within);
  return n;
}

ir::TypeName Lowerer::type_name(element tn) const {
  ir::TypeName t;
  array names;
  array typmods;
  int64_t l = -1;
  FieldPass fields(tn);
  for (const auto f : fields) {
    if (fields.first(f, "names", 1))
      names = items_of(f.value);
    else if (fields.first(f, "typmods", 2))
      typmods = items_of(f.value);
    else if (fields.first(f, "arrayBounds", 4))
      t.array = !f.value.is_null();
    else if (fields.first(f, "location", 8))
      l = num_of(f.value, -1);
  }
  {
    // The last String of the names, as strings(names).back() gives it.
    std::string_view last;
    bool any = false;
    for (element item : names) {
      element inner;
      if (node_kind(item, inner) == "String") {
        last = str(inner, "sval");
        any = true;
      }
    }
    if (any) t.name = to_lower(last);
  }
  for (element m : typmods) {
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

std::vector<TextRange> Lowerer::split_actions(TextRange stmt, uint32_t after) const {
  std::vector<TextRange> out;
  size_t k = token_index_at(after);
  int depth = 0;
  uint32_t seg_begin = 0;
  uint32_t seg_end = 0;
  bool open = false;
  for (; k < tokens_.size() && tokens_[k].end <= stmt.end; ++k) {
    const auto t = token_text(k);
    const char c = t.size() == 1 ? t[0] : '\0';  // punctuation is one byte
    if (depth == 0 && c == ',') {
      if (open) out.push_back({seg_begin, seg_end});
      open = false;
      continue;
    }
    if (c == '(' || c == '[') ++depth;
    if ((c == ')' || c == ']') && depth > 0) --depth;
    if (!open) {
      seg_begin = tokens_[k].begin;
      open = true;
    }
    seg_end = tokens_[k].end;
  }
  if (open) out.push_back({seg_begin, seg_end});
  return out;
}

}  // namespace ddlint::parser::pg
