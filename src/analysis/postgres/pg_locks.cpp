#include <algorithm>

#include "analysis/locks.h"
#include "analysis/postgres/pg_columns.h"
#include "analysis/postgres/pg_types.h"
#include "analysis/schema_model.h"

namespace ddlint::analysis {

std::string_view to_string(Blocks b) {
  switch (b) {
    case Blocks::Nothing:
      return "none";
    case Blocks::Ddl:
      return "ddl";
    case Blocks::Writes:
      return "write";
    case Blocks::ReadsAndWrites:
      return "exclusive";
  }
  return "none";
}

std::string lock_phrase(const TableEffect& e) {
  if (!e.lock().empty())
    return "LOCK=" + e.lock() +
           (e.algorithm().empty() ? std::string() : " (ALGORITHM=" + e.algorithm() + ")");
  const bool vowel =
      !e.mode.empty() && std::string_view("AEIOU").find(e.mode.front()) != std::string_view::npos;
  return (vowel ? "an " : "a ") + e.mode + " lock";
}

std::string_view describe(Blocks b) {
  switch (b) {
    case Blocks::Nothing:
      return "blocks nothing";
    case Blocks::Ddl:
      return "blocks schema changes";
    case Blocks::Writes:
      return "blocks writes";
    case Blocks::ReadsAndWrites:
      return "blocks reads and writes";
  }
  return "";
}

namespace {

constexpr const char* kAccessExclusive = "ACCESS EXCLUSIVE";
constexpr const char* kShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";
constexpr const char* kShareRowExclusive = "SHARE ROW EXCLUSIVE";
constexpr const char* kShare = "SHARE";

Blocks blocks_for_mode(std::string_view mode) {
  if (mode == kAccessExclusive) return Blocks::ReadsAndWrites;
  if (mode == "EXCLUSIVE" || mode == kShareRowExclusive || mode == kShare) return Blocks::Writes;
  return Blocks::Ddl;  // every mode conflicts with ACCESS EXCLUSIVE
}

int strength(std::string_view mode) {
  static const std::string_view order[] = {"ACCESS SHARE",        "ROW SHARE",     "ROW EXCLUSIVE",
                                           kShareUpdateExclusive, kShare,          kShareRowExclusive,
                                           "EXCLUSIVE",           kAccessExclusive};
  for (int i = 0; i < 8; ++i)
    if (order[i] == mode) return i;
  return 0;
}

TableEffect effect(const ir::QualifiedName& t, std::string_view mode, bool rewrite = false,
                   bool scan = false) {
  TableEffect e;
  e.table = t;
  e.mode = std::string(mode);
  e.blocks = blocks_for_mode(mode);
  e.strength = strength(mode);
  e.waiting = e.blocks;
  e.rewrite = rewrite;
  e.scan = scan;
  return e;
}

// The lock, rewrite and scan of one ALTER TABLE subcommand.
void alter_action(const ir::QualifiedName& table, const ir::AlterAction& a, const Settings& s,
                  ModelBefore known, bool utc, std::string& mode, bool& rewrite, bool& scan,
                  std::vector<TableEffect>& others, std::string& unless) {
  using K = ir::AlterKind;
  std::string m = kAccessExclusive;
  switch (a.kind) {
    case K::AddColumn:
      if (a.column_def) {
        std::vector<KnownFunction> declared;
        if (a.column_def->default_value)
          if (const SchemaModel* m = known.get())
            declared = m->known_functions(a.column_def->default_value->functions);
        const auto cost = pg_add_column_cost(*a.column_def, s, declared);
        rewrite |= cost.rewrite;
        scan |= cost.scan;
        for (auto& k : a.column_def->constraints)
          if (k.kind == ir::ConstraintKind::ForeignKey && !k.ref_table.empty())
            others.push_back(effect(k.ref_table, kShareRowExclusive));
      }
      break;
    case K::AlterColumnType: {
      // A known old type lets the whitelist rule out the rewrite (varchar
      // widening, numeric precision increase, ...).
      const SchemaModel* m = known.get();
      const ir::TypeName* old = m ? m->column_type(table, a.column) : nullptr;
      if (!old || !a.new_type ||
          pg_type_change(*old, *a.new_type, a.expr.has_value(), utc) == TypeChange::Rewrite)
        rewrite = true;
      // Without the old type the rewrite is what ddlint expects, unless the
      // column already has a type the change needs no rewrite from.
      if (!old && a.new_type && !a.expr)
        unless = "`" + a.column + "` already is " + pg_no_rewrite_sources(*a.new_type, utc);
      break;
    }
    case K::SetNotNull:
      scan = true;
      break;
    case K::AddConstraint:
      if (a.constraint) {
        const auto& k = *a.constraint;
        if (k.kind == ir::ConstraintKind::ForeignKey) {
          m = kShareRowExclusive;
          if (!k.ref_table.empty()) others.push_back(effect(k.ref_table, kShareRowExclusive));
          if (!k.not_valid) scan = true;
        } else if (k.kind == ir::ConstraintKind::Check) {
          if (!k.not_valid) scan = true;
        } else if ((k.kind == ir::ConstraintKind::Unique || k.kind == ir::ConstraintKind::PrimaryKey) &&
                   k.using_index.empty()) {
          scan = true;
        } else if (k.kind == ir::ConstraintKind::Exclusion) {
          scan = true;
        }
      }
      break;
    case K::ValidateConstraint:
      m = kShareUpdateExclusive;
      scan = true;
      break;
    case K::SetStatistics:
    case K::ClusterOn:
    case K::SetWithoutCluster:
      m = kShareUpdateExclusive;
      break;
    case K::SetOptions:
    case K::ResetOptions:
      // Column options (n_distinct) and most reloptions take SHARE UPDATE EXCLUSIVE.
      m = kShareUpdateExclusive;
      break;
    case K::EnableTrigger:
    case K::DisableTrigger:
      m = kShareRowExclusive;
      break;
    case K::AttachPartition:
      if (s.pg_version >= 12) m = kShareUpdateExclusive;
      // The table being attached is locked ACCESS EXCLUSIVE and scanned,
      // unless a matching validated CHECK proves the bound.
      if (!a.partition_name().empty())
        others.push_back(effect(a.partition_name(), kAccessExclusive, false, true));
      break;
    case K::DetachPartition:
      if (a.concurrently && s.pg_version >= 14) m = kShareUpdateExclusive;
      if (!a.partition_name().empty())
        others.push_back(effect(a.partition_name(), a.concurrently && s.pg_version >= 14
                                                        ? kShareUpdateExclusive
                                                        : kAccessExclusive));
      break;
    case K::SetTablespace:
    case K::SetLogged:
    case K::SetUnlogged:
    case K::SetAccessMethod:
    case K::SetExpression:
      rewrite = true;
      break;
    default:
      break;
  }
  if (strength(m) > strength(mode)) mode = m;
}

}  // namespace

namespace {

// An effect on an index the schema model knows is an effect on its table.
void through_index(TableEffect& e, ModelBefore known) {
  if (e.object != ir::ObjectKind::Index) return;
  const SchemaModel* m = known.get();
  if (!m) return;
  bool gone = false;
  const ir::QualifiedName* owner = m->index_table(e.table, &gone);
  if (!owner || gone) return;
  e.via_index = e.table;
  e.table = {owner->schema, owner->name, e.via_index->range};
  e.object = ir::ObjectKind::Table;
}

}  // namespace

StatementEffect pg_statement_effect(const ir::Statement& stmt, const Settings& s, ModelBefore known,
                                    bool utc_session) {
  // timestamp <-> timestamptz skips the rewrite in a UTC session from PostgreSQL 12 on.
  const bool utc = utc_session && s.pg_version >= 12;
  StatementEffect out;
  ir::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ir::CreateTable>) {
          if (n.partition_of) out.tables.push_back(effect(*n.partition_of, kAccessExclusive));
          // Each referenced table once; a reference to the table being
          // created locks nothing another session can see.
          auto same = [](const ir::QualifiedName& a, const ir::QualifiedName& b) {
            return a.name == b.name && (a.schema.empty() || b.schema.empty() || a.schema == b.schema);
          };
          auto refs = [&](const ir::Constraint& k) {
            if (k.kind != ir::ConstraintKind::ForeignKey || k.ref_table.empty() || same(k.ref_table, n.table))
              return;
            for (const auto& e : out.tables)
              if (same(e.table, k.ref_table)) return;
            out.tables.push_back(effect(k.ref_table, kShareRowExclusive));
          };
          for (auto& c : n.columns)
            for (auto& k : c.constraints) refs(k);
          for (auto& k : n.constraints) refs(k);
        } else if constexpr (std::is_same_v<T, ir::AlterTable>) {
          std::string mode = kShareUpdateExclusive;
          bool rewrite = false;
          bool sure = false;  // a subcommand rewrites whatever the old column types
          bool scan = false;
          std::string unless;
          std::vector<TableEffect> others;
          for (auto& a : n.actions) {
            bool r = false;
            std::string u;
            alter_action(n.table, a, s, known, utc, mode, r, scan, others, u);
            sure |= r && u.empty();
            if (r && !u.empty()) unless += (unless.empty() ? "" : ", and ") + u;
            rewrite |= r;
          }
          if (n.actions.empty()) mode = kAccessExclusive;
          TableEffect e = effect(n.table, mode, rewrite, scan);
          if (rewrite && !sure) e.detail().unless = unless;
          e.object = n.object;
          out.tables.reserve(out.tables.size() + 1 + others.size());
          out.tables.push_back(std::move(e));
          for (auto& o : others) out.tables.push_back(std::move(o));
          for (auto& a : n.actions)
            if (a.kind == ir::AlterKind::DetachPartition && a.concurrently) {
              out.no_transaction_block = true;
              out.detail().no_transaction_reason = "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
            }
        } else if constexpr (std::is_same_v<T, ir::CreateIndex>) {
          out.tables.push_back(effect(n.table, n.concurrently ? kShareUpdateExclusive : kShare, false, true));
          if (n.concurrently) {
            out.no_transaction_block = true;
            out.detail().no_transaction_reason = "CREATE INDEX CONCURRENTLY";
          }
        } else if constexpr (std::is_same_v<T, ir::Drop>) {
          if (n.object == ir::ObjectKind::Table || n.object == ir::ObjectKind::Index ||
              n.object == ir::ObjectKind::MaterializedView) {
            for (auto& name : n.names) {
              // An index the schema model knows: its table is what is locked;
              // one that went with its table earlier locks nothing that exists.
              bool gone = false;
              const SchemaModel* m = n.object == ir::ObjectKind::Index ? known.get() : nullptr;
              const ir::QualifiedName* owner = m ? m->index_table(name, &gone) : nullptr;
              if (owner && gone) continue;
              TableEffect e =
                  effect(owner ? *owner : name, n.concurrently ? kShareUpdateExclusive : kAccessExclusive);
              e.object = owner ? ir::ObjectKind::Table : n.object;
              if (owner) {
                e.via_index = name;
                e.table.range = name.range;
              }
              out.tables.push_back(std::move(e));
            }
          }
          // DROP TRIGGER/POLICY/RULE ... ON t: ACCESS EXCLUSIVE on t.
          if (!n.on_table.empty()) out.tables.push_back(effect(n.on_table, kAccessExclusive));
          if (n.concurrently) {
            out.no_transaction_block = true;
            out.detail().no_transaction_reason = "DROP INDEX CONCURRENTLY";
          }
          if (n.object == ir::ObjectKind::Database || n.object == ir::ObjectKind::Tablespace) {
            out.no_transaction_block = true;
            out.detail().no_transaction_reason =
                n.object == ir::ObjectKind::Database ? "DROP DATABASE" : "DROP TABLESPACE";
          }
        } else if constexpr (std::is_same_v<T, ir::Truncate>) {
          for (auto& t : n.tables) out.tables.push_back(effect(t, kAccessExclusive, true));
        } else if constexpr (std::is_same_v<T, ir::Rename>) {
          const bool index = n.object == ir::ObjectKind::Index;
          if (n.object == ir::ObjectKind::Table || n.object == ir::ObjectKind::Column ||
              n.object == ir::ObjectKind::Constraint || index) {
            TableEffect e =
                effect(n.target, index && s.pg_version >= 12 ? kShareUpdateExclusive : kAccessExclusive);
            e.object = index ? ir::ObjectKind::Index : ir::ObjectKind::Table;
            through_index(e, known);
            out.tables.push_back(std::move(e));
          }
        } else if constexpr (std::is_same_v<T, ir::Reindex>) {
          if (n.target == ir::ObjectKind::Index || n.target == ir::ObjectKind::Table) {
            TableEffect e = effect(n.name, n.concurrently ? kShareUpdateExclusive : kShare, false, true);
            e.object = n.target;
            through_index(e, known);
            out.tables.push_back(std::move(e));
          }
          if (n.concurrently || n.target == ir::ObjectKind::Schema || n.target == ir::ObjectKind::Database) {
            out.no_transaction_block = true;
            out.detail().no_transaction_reason =
                n.concurrently ? "REINDEX CONCURRENTLY" : "REINDEX SCHEMA/DATABASE/SYSTEM";
          }
        } else if constexpr (std::is_same_v<T, ir::Vacuum>) {
          for (auto& t : n.tables)
            out.tables.push_back(effect(t, n.full ? kAccessExclusive : kShareUpdateExclusive, n.full, true));
          if (n.vacuum) {
            out.no_transaction_block = true;
            out.detail().no_transaction_reason = n.full ? "VACUUM FULL" : "VACUUM";
          }
        } else if constexpr (std::is_same_v<T, ir::Cluster>) {
          if (n.table)
            out.tables.push_back(effect(*n.table, kAccessExclusive, true));
          else {
            out.no_transaction_block = true;
            out.detail().no_transaction_reason = "CLUSTER without a table name";
          }
        } else if constexpr (std::is_same_v<T, ir::RefreshMatView>) {
          TableEffect e = effect(n.view, n.concurrently ? "EXCLUSIVE" : kAccessExclusive, true);
          e.object = ir::ObjectKind::MaterializedView;
          out.tables.push_back(std::move(e));
        } else if constexpr (std::is_same_v<T, ir::AlterEnum>) {
          if (!n.rename_value && s.pg_version < 12) {
            out.no_transaction_block = true;
            out.detail().no_transaction_reason = "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)";
          }
        } else if constexpr (std::is_same_v<T, ir::LockTable>) {
          for (auto& t : n.tables) out.tables.push_back(effect(t, n.mode));
        } else if constexpr (std::is_same_v<T, ir::Opaque>) {
          // The lock each statement kind takes on the relations it acts on
          // (each checked against the server: testdata/locks/postgres).
          // GRANT/REVOKE on a table take no lock on it.
          static const std::pair<std::string_view, std::string_view> modes[] = {
              {"CreateTrigStmt", "SHARE ROW EXCLUSIVE"},  {"RuleStmt", kAccessExclusive},
              {"CreatePolicyStmt", kAccessExclusive},     {"AlterPolicyStmt", kAccessExclusive},
              {"CreateStatsStmt", kShareUpdateExclusive}, {"CommentStmt", kShareUpdateExclusive},
              {"AlterSeqStmt", "SHARE ROW EXCLUSIVE"}};
          for (const auto& [node, mode] : modes)
            if (node == n.node)
              for (const auto& t : n.acts_on) out.tables.push_back(effect(t, mode));
          if (n.no_transaction_block) {
            static const std::pair<std::string_view, std::string_view> labels[] = {
                {"CreatedbStmt", "CREATE DATABASE"},
                {"CreateTableSpaceStmt", "CREATE TABLESPACE"},
                {"DropTableSpaceStmt", "DROP TABLESPACE"},
                {"AlterSystemStmt", "ALTER SYSTEM"}};
            out.no_transaction_block = true;
            out.detail().no_transaction_reason = n.node;
            for (const auto& [node, label] : labels)
              if (node == n.node) out.detail().no_transaction_reason = std::string(label);
          }
        }
      },
      stmt.node);
  return out;
}

}  // namespace ddlint::analysis
