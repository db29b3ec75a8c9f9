#include "analysis/column_mentions.h"

#include "core/ascii.h"

namespace ddlint::analysis {

namespace {

void note(std::unordered_set<std::string>& set, const std::string& name) {
  if (!name.empty()) set.insert(ascii_lower(name));
}

}  // namespace

void ColumnMentions::add(const ir::Statement& st) {
  if (const auto* s = st.as<ir::AlterTable>()) {
    for (const auto& a : s->actions) {
      if (a.kind == ir::AlterKind::AddColumn) continue;
      note(columns_, a.column);
      note(columns_, a.name);
      if (a.column_def) note(columns_, a.column_def->name);
      if (a.constraint)
        for (const auto& c : a.constraint->columns) note(columns_, c);
      if (a.kind == ir::AlterKind::DropColumn || a.kind == ir::AlterKind::RenameColumn ||
          a.kind == ir::AlterKind::ChangeColumn)
        note(tables_, s->table.name);
    }
  } else if (const auto* r = st.as<ir::Rename>(); r != nullptr && r->object == ir::ObjectKind::Column) {
    note(columns_, r->subname);
    note(columns_, r->new_name);
    note(tables_, r->target.name);
  }
}

bool ColumnMentions::named(std::string_view column) const {
  return !columns_.empty() && columns_.contains(ascii_lower(column));
}

bool ColumnMentions::freed_in(std::string_view table) const {
  return !tables_.empty() && tables_.contains(ascii_lower(table));
}

}  // namespace ddlint::analysis
