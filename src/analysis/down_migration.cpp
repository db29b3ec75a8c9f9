#include "analysis/down_migration.h"

#include <algorithm>

#include "analysis/migration_facts.h"
#include "ir/facts.h"

namespace ddlint::analysis {

namespace {

// Schema changes are read from the dialect-neutral facts (ir/facts.h): a
// MySQL MODIFY/CHANGE that restates the old definition reverts a type or
// nullability change as PostgreSQL's ALTER COLUMN does, and ADD/DROP INDEX
// inside ALTER TABLE is an index like CREATE/DROP INDEX.
void add_effects(const ir::Statement& st, std::vector<DownEffect>& out) {
  using V = DownEffect::Verb;
  // A TEMPORARY table is the session's own: creating or dropping one
  // neither restores nor removes a table of the schema.
  if (const auto* c = st.as<ir::CreateTable>()) {
    if (!c->temporary) out.push_back({V::CreateRelation, c->table, {}, {}});
    return;
  }
  if (const auto* d = st.as<ir::Drop>()) {
    if (!d->temporary)
      for (const auto& n : d->names) out.push_back({V::DropObject, n, {}, {}});
    return;
  }
  if (const auto* i = st.as<ir::CreateIndex>()) {
    if (!i->name.empty()) out.push_back({V::CreateObject, {i->table.schema, i->name, {}}, {}, {}});
    return;
  }
  if (const auto* in = st.as<ir::Insert>()) {
    if (in->from_select) out.push_back({V::CopyRows, in->table, {}, {}});
    return;
  }
  if (const auto* u = st.as<ir::Update>()) {
    out.push_back({V::UpdateRows, u->table, {}, {}});
    return;
  }
  if (const auto* o = st.as<ir::Opaque>()) {
    // CREATE [OR REPLACE] VIEW re-creates a view: a relation with no data.
    if (!o->creates.empty())
      out.push_back({o->creates_kind == ir::ObjectKind::View ? V::CreateRelation : V::CreateObject,
                     o->creates,
                     {},
                     {}});
    return;
  }
  if (const auto* r = st.as<ir::Rename>();
      r && r->object != ir::ObjectKind::Column && r->object != ir::ObjectKind::Table) {
    out.push_back({V::RenameRelation, r->target, {}, r->new_name});  // a view, index, sequence ...
    return;
  }
  // Of the statements left, only ALTER TABLE and RENAME (of a table or a
  // column) have facts read below (a TRUNCATE's are not).
  if (st.as<ir::AlterTable>() == nullptr && st.as<ir::Rename>() == nullptr) return;
  const std::vector<ir::Fact> all = ir::facts(st);
  for (const auto& f : all) {
    const ir::QualifiedName& t = f.table_name;
    switch (f.kind) {
      case ir::FactKind::AddColumn:
        out.push_back({V::AddColumn, t, f.name, {}});
        break;
      case ir::FactKind::DropColumn:
        out.push_back({V::DropColumn, t, f.name, {}});
        break;
      case ir::FactKind::DropConstraint:
        out.push_back({V::DropConstraint, t, f.name, {}});
        break;
      case ir::FactKind::DropIndex:
        if (!f.name.empty()) out.push_back({V::DropObject, {t.schema, f.name, {}}, {}, {}});
        break;
      case ir::FactKind::AddIndex:
        if (!f.name.empty()) out.push_back({V::CreateObject, {t.schema, f.name, {}}, {}, {}});
        break;
      case ir::FactKind::SetType:
        out.push_back({V::AlterColumnType, t, f.name, {}});
        // A MySQL CHANGE old new TYPE restores the type of the column the up
        // migration named `old` too.
        for (const auto& g : all)
          if (g.kind == ir::FactKind::RenameColumn && g.action == f.action && g.action != SIZE_MAX)
            out.push_back({V::AlterColumnType, t, g.name, {}});
        break;
      case ir::FactKind::DropNotNull:
        out.push_back({V::DropNotNull, t, f.name, {}});
        break;
      case ir::FactKind::SetNotNull:
        out.push_back({V::SetNotNull, t, f.name, {}});
        break;
      case ir::FactKind::RenameColumn:
        out.push_back({V::RenameColumn, t, f.name, f.new_name});
        break;
      case ir::FactKind::RenameTable:
        out.push_back({V::RenameRelation, t, {}, f.new_name});
        break;
      default:
        break;
    }
  }
}

}  // namespace

// True when effect `i` is the one `has` asks about: the same verb on the
// table (and column, and target), or, for a drop, a rename of the relation
// away that a later effect drops under its new name.
bool DownMigration::has_at(size_t i, DownEffect::Verb verb, const ir::QualifiedName& table,
                           std::string_view column, std::string_view to) const {
  const DownEffect& e = effects[i];
  if (e.verb == verb && same_table(e.table, table) && (column.empty() || e.column == column) &&
      (to.empty() || e.to == to))
    return true;
  // A relation the down renames away and then drops under its new name
  // (`ALTER TABLE t RENAME TO t_old; ... DROP TABLE t_old;`) is dropped.
  if (verb == DownEffect::Verb::DropObject && e.verb == DownEffect::Verb::RenameRelation && !e.to.empty() &&
      same_table(e.table, table)) {
    std::string_view renamed = e.to;
    if (const size_t dot = renamed.rfind('.'); dot != std::string_view::npos) renamed.remove_prefix(dot + 1);
    const ir::QualifiedName now{e.table.schema, std::string(renamed), {}};
    if (indexed_ != effects.size()) {
      for (size_t k = i + 1; k < effects.size(); ++k)
        if (effects[k].verb == DownEffect::Verb::DropObject && same_table(effects[k].table, now)) return true;
      return false;
    }
    if (const auto named = by_verb_.find(key(now.name, DownEffect::Verb::DropObject));
        named != by_verb_.end())
      for (const size_t k : named->second)
        if (k > i && same_table(effects[k].table, now)) return true;
  }
  return false;
}

bool DownMigration::has(DownEffect::Verb verb, const ir::QualifiedName& table, std::string_view column,
                        std::string_view to) const {
  if (indexed_ != effects.size()) {
    for (size_t i = 0; i < effects.size(); ++i)
      if (has_at(i, verb, table, column, to)) return true;
    return false;
  }
  // Every effect has_at accepts is on a table of the same name, with the
  // verb asked for (and the column, when one is asked for), or a rename of
  // the relation when a drop is asked for.
  const auto scan = [&](const std::unordered_map<std::string, std::vector<size_t>>& index,
                        const std::string& k) {
    if (const auto found = index.find(k); found != index.end())
      for (const size_t i : found->second)
        if (has_at(i, verb, table, column, to)) return true;
    return false;
  };
  if (column.empty() ? scan(by_verb_, key(table.name, verb))
                     : scan(by_column_, key(table.name, verb, column)))
    return true;
  return verb == DownEffect::Verb::DropObject &&
         scan(by_verb_, key(table.name, DownEffect::Verb::RenameRelation));
}

// name NUL verb NUL column, the verb as one byte ('A' + its value): made in
// one allocation at most (a large down migration's index makes two keys per
// effect, and each lookup one).
std::string DownMigration::key(std::string_view name, DownEffect::Verb verb, std::string_view column) {
  std::string k;
  k.reserve(name.size() + column.size() + 3);
  k += name;
  k += '\0';
  k += static_cast<char>('A' + static_cast<int>(verb));
  k += '\0';
  k += column;
  return k;
}

namespace {

std::string_view last_part(std::string_view name) {
  if (const size_t dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  return name;
}

}  // namespace

void DownMigration::index_effects() {
  by_verb_.clear();
  by_column_.clear();
  renamed_to_.clear();
  // Buckets for every effect from the start: the maps are not rehashed as
  // they grow.
  by_verb_.reserve(effects.size());
  by_column_.reserve(effects.size());
  for (size_t i = 0; i < effects.size(); ++i) {
    const DownEffect& e = effects[i];
    by_verb_[key(e.table.name, e.verb)].push_back(i);
    by_column_[key(e.table.name, e.verb, e.column)].push_back(i);
    if (e.verb == DownEffect::Verb::RenameRelation && !e.to.empty())
      renamed_to_[std::string(last_part(e.to))].push_back(i);
  }
  indexed_ = effects.size();
}

bool DownMigration::creates(const ir::QualifiedName& relation) const {
  if (indexed_ == effects.size()) {
    if (const auto found = by_verb_.find(key(relation.name, DownEffect::Verb::CreateRelation));
        found != by_verb_.end())
      for (const size_t i : found->second)
        if (same_table(effects[i].table, relation)) return true;
    if (const auto found = renamed_to_.find(relation.name); found != renamed_to_.end())
      for (const size_t i : found->second)
        if (same_table({effects[i].table.schema, relation.name, {}}, relation)) return true;
    return false;
  }
  for (const auto& e : effects) {
    if (e.verb == DownEffect::Verb::CreateRelation && same_table(e.table, relation)) return true;
    if (e.verb != DownEffect::Verb::RenameRelation || e.to.empty()) continue;
    std::string_view to = e.to;
    if (const size_t dot = to.rfind('.'); dot != std::string_view::npos) to.remove_prefix(dot + 1);
    if (same_table({e.table.schema, std::string(to), {}}, relation)) return true;
  }
  return false;
}

std::string paired_down_path(std::string_view path, Runner runner) {
  const std::string_view name = file_base_name(path);
  const std::string dir(path.substr(0, path.size() - name.size()));
  if (runner == Runner::Flyway) {
    // V<version>__<description>.sql -> U<version>__<description>.sql
    if (flyway_kind(name) != 'V') return "";
    return dir + "U" + std::string(name.substr(1));
  }
  if (runner == Runner::Sqitch) {
    // <project>/deploy/[DIR/]NAME.sql -> <project>/revert/[DIR/]NAME.sql
    const auto [at, folder] = sqitch_folder(path);
    if (folder != "deploy") return "";
    return std::string(path.substr(0, at)) + "revert" + std::string(path.substr(at + folder.size()));
  }
  if (name == "up.sql") return dir + "down.sql";  // Diesel: one directory per migration
  for (const auto& [up, down] : {std::pair<std::string_view, std::string_view>{".up.sql", ".down.sql"},
                                 std::pair<std::string_view, std::string_view>{"_up.sql", "_down.sql"}})
    if (name.ends_with(up) && name.size() > up.size())
      return dir + std::string(name.substr(0, name.size() - up.size())) + std::string(down);
  return "";
}

namespace {

DownMigration read_down_migration(std::span<const ir::Statement> statements, const RunnerPlan& plan,
                                  std::string_view path, const ir::ParsedFile* paired,
                                  std::string_view unreadable, bool split_version,
                                  std::string_view paired_path) {
  DownMigration d;
  const bool sections = plan.runner == Runner::Goose || plan.runner == Runner::Dbmate;
  if (sections) {
    d.supported = true;
    d.where = plan.runner == Runner::Goose ? "the `-- +goose Down` section" : "the `-- migrate:down` section";
    // Room for one effect per down statement (most have one): the effects
    // are not moved as the vector grows.
    const auto down = [&](const ir::Statement& st) {
      return plan.sections[plan.section_at(st.range.begin)].down;
    };
    d.effects.reserve(static_cast<size_t>(std::count_if(statements.begin(), statements.end(), down)));
    for (const ir::Statement& st : statements) {
      if (!down(st)) continue;
      d.present = true;
      add_effects(st, d.effects);
    }
    return d;
  }
  if (plan.runner == Runner::Liquibase) {
    // The `--rollback` comments of the changesets, read by the driver.
    d.supported = true;
    d.where = "the `--rollback` of its changesets";
    if (paired) {
      d.effects.reserve(paired->statements.size());
      for (const auto& st : paired->statements) add_effects(st, d.effects);
      d.present = true;  // `--rollback empty` says there is nothing to undo
    }
    return d;
  }
  if (!plan.paired_downs) return d;  // the runner (or this project) has no down migration files
  const std::string down_path = paired_down_path(path, plan.runner);
  if (down_path.empty()) return d;  // not an up migration by its name
  d.supported = true;
  d.where = "`" + std::string(file_base_name(down_path)) + "`";
  // Flyway pairs an undo script by version; its description may differ.
  if (plan.runner == Runner::Flyway) d.where = "`U" + std::string(flyway_version(path)) + "__*.sql`";
  if (plan.runner == Runner::Sqitch) d.where = "`" + down_path.substr(sqitch_folder(down_path).first) + "`";
  // A step of a split version is rolled back with the version: its down
  // migration is all the version's down steps (`paired` holds them together).
  if (const auto step = split_step(path);
      step && split_version && plan.runner != Runner::Flyway && plan.runner != Runner::Sqitch)
    d.where = "the down migration of version " + std::string(step->timestamp) + " (`" +
              std::string(step->timestamp) + "*_" + std::string(step->name) + ".down.sql`)";
  if (paired) {
    // The down of the same version under another name (not a split version's
    // group of steps, which the message names as a whole).
    if (!paired_path.empty() && plan.runner != Runner::Flyway && plan.runner != Runner::Sqitch &&
        file_base_name(paired_path) != file_base_name(down_path) && d.where.front() == '`')
      d.where = "`" + std::string(file_base_name(paired_path)) + "`";
    d.effects.reserve(paired->statements.size());
    for (const auto& st : paired->statements) add_effects(st, d.effects);
    d.present = !paired->statements.empty() || !paired->errors.empty();
  } else if (!unreadable.empty()) {
    d.unreadable = std::string(file_base_name(unreadable));
    d.where = "`" + d.unreadable + "`";
  }
  return d;
}

}  // namespace

DownMigration down_migration(std::span<const ir::Statement> statements, const RunnerPlan& plan,
                             std::string_view path, const ir::ParsedFile* paired, std::string_view unreadable,
                             bool split_version, std::string_view paired_path) {
  DownMigration d =
      read_down_migration(statements, plan, path, paired, unreadable, split_version, paired_path);
  // A few effects are scanned: three maps keyed by strings cost more than
  // reading them (most down migrations have a handful).
  if (d.effects.size() > DownMigration::kScanned) d.index_effects();
  return d;
}

}  // namespace ddlint::analysis
