// PostgreSQL lowering: column and table constraints.
#include <string>

#include "parser/postgres/pg_lower_internal.h"

namespace ddlint::parser::pg {

void Lowerer::constraint(element c, bool inline_constraint, uint32_t end_hint, ir::Constraint& k) const {
  array fk_attrs;
  array keys;
  int64_t location = -1;
  element pk;
  array pk_attrs;
  element raw;
  FieldPass fields(c);
  for (const auto f : fields) {
    if (fields.first(f, "contype", 1))
      k.kind = constraint_kind(str_of(f.value));
    else if (fields.first(f, "conname", 2))
      k.name = str_of(f.value);
    else if (fields.first(f, "skip_validation", 4))
      k.not_valid = flag_of(f.value);
    else if (fields.first(f, "indexname", 8))
      k.using_index = str_of(f.value);
    else if (fields.first(f, "fk_attrs", 16))
      fk_attrs = items_of(f.value);
    else if (fields.first(f, "keys", 32))
      keys = items_of(f.value);
    else if (fields.first(f, "location", 64))
      location = num_of(f.value, -1);
    else if (fields.first(f, "pktable", 128))
      pk = f.value;
    else if (fields.first(f, "pk_attrs", 256))
      pk_attrs = items_of(f.value);
    else if (fields.first(f, "raw_expr", 512))
      raw = f.value;
  }
  k.columns = strings(k.kind == ir::ConstraintKind::ForeignKey ? fk_attrs : keys);
  const uint32_t start = location < 0 ? base_ : base_ + static_cast<uint32_t>(location);
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
  if (!pk.is_null()) {
    k.ref_table = range_var(pk);
    k.ref_columns = strings(pk_attrs);
  }
  if (!raw.is_null()) {
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
}

}  // namespace ddlint::parser::pg
