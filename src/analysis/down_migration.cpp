#include "analysis/down_migration.h"

namespace ddlint::analysis {

namespace {

void add_effects(const ir::Statement& st, std::vector<DownEffect>& out) {
  using V = DownEffect::Verb;
  if (const auto* c = st.as<ir::CreateTable>()) {
    out.push_back({V::CreateRelation, c->table, {}, {}});
  } else if (const auto* d = st.as<ir::Drop>()) {
    for (const auto& n : d->names) out.push_back({V::DropObject, n, {}, {}});
  } else if (const auto* i = st.as<ir::CreateIndex>()) {
    if (!i->name.empty()) out.push_back({V::CreateObject, {i->table.schema, i->name, {}}, {}, {}});
  } else if (const auto* o = st.as<ir::Opaque>()) {
    if (!o->creates.empty()) out.push_back({V::CreateObject, o->creates, {}, {}});
  } else if (const auto* r = st.as<ir::Rename>()) {
    if (r->object == ir::ObjectKind::Column)
      out.push_back({V::RenameColumn, r->target, r->subname, r->new_name});
    else
      out.push_back({V::RenameRelation, r->target, {}, r->new_name});
  } else if (const auto* a = st.as<ir::AlterTable>()) {
    for (const auto& act : a->actions) {
      switch (act.kind) {
        case ir::AlterKind::AddColumn:
          if (act.column_def) out.push_back({V::AddColumn, a->table, act.column_def->name, {}});
          break;
        case ir::AlterKind::DropColumn:
          out.push_back({V::DropColumn, a->table, act.column, {}});
          break;
        case ir::AlterKind::DropConstraint:
          out.push_back({V::DropConstraint, a->table, act.name, {}});
          break;
        case ir::AlterKind::AlterColumnType:
          out.push_back({V::AlterColumnType, a->table, act.column, {}});
          break;
        case ir::AlterKind::DropNotNull:
          out.push_back({V::DropNotNull, a->table, act.column, {}});
          break;
        case ir::AlterKind::SetNotNull:
          out.push_back({V::SetNotNull, a->table, act.column, {}});
          break;
        default:
          break;
      }
    }
  }
}

}  // namespace

bool DownMigration::has(DownEffect::Verb verb, const ir::QualifiedName& table, std::string_view column,
                        std::string_view to) const {
  for (const auto& e : effects)
    if (e.verb == verb && same_table(e.table, table) && (column.empty() || e.column == column) &&
        (to.empty() || e.to == to))
      return true;
  return false;
}

std::string paired_down_path(std::string_view path) {
  const std::string_view name = file_base_name(path);
  const std::string dir(path.substr(0, path.size() - name.size()));
  if (name == "up.sql") return dir + "down.sql";  // Diesel: one directory per migration
  for (const auto& [up, down] : {std::pair<std::string_view, std::string_view>{".up.sql", ".down.sql"},
                                 std::pair<std::string_view, std::string_view>{"_up.sql", "_down.sql"}})
    if (name.ends_with(up) && name.size() > up.size())
      return dir + std::string(name.substr(0, name.size() - up.size())) + std::string(down);
  return "";
}

DownMigration down_migration(const ir::ParsedFile& file, const MigrationFacts& facts, std::string_view path,
                             const ir::ParsedFile* paired) {
  DownMigration d;
  const RunnerPlan& plan = facts.plan();
  const bool sections = plan.runner == Runner::Goose || plan.runner == Runner::Dbmate;
  if (sections) {
    d.supported = true;
    d.where = plan.runner == Runner::Goose ? "the `-- +goose Down` section" : "the `-- migrate:down` section";
    for (size_t i = 0; i < file.statements.size(); ++i) {
      if (!facts.at(i).down) continue;
      d.present = true;
      add_effects(file.statements[i], d.effects);
    }
    return d;
  }
  const std::string down_path = paired_down_path(path);
  if (down_path.empty()) return d;  // not an up migration by its name
  d.supported = true;
  d.where = "`" + std::string(file_base_name(down_path)) + "`";
  if (paired) {
    for (const auto& st : paired->statements) add_effects(st, d.effects);
    d.present = !paired->statements.empty() || !paired->errors.empty();
  }
  return d;
}

}  // namespace ddlint::analysis
