#include "ir/ir.h"

#include <algorithm>
#include <vector>

#include "ir/parsed_file.h"

namespace ddlint::ir {

std::string_view to_string(ConstraintKind k) {
  switch (k) {
    case ConstraintKind::Check:
      return "check";
    case ConstraintKind::ForeignKey:
      return "foreign-key";
    case ConstraintKind::Unique:
      return "unique";
    case ConstraintKind::PrimaryKey:
      return "primary-key";
    case ConstraintKind::Exclusion:
      return "exclusion";
    case ConstraintKind::NotNull:
      return "not-null";
    case ConstraintKind::Null:
      return "null";
    case ConstraintKind::Default:
      return "default";
    case ConstraintKind::Generated:
      return "generated";
    case ConstraintKind::Identity:
      return "identity";
    case ConstraintKind::Index:
      return "index";
    case ConstraintKind::Fulltext:
      return "fulltext";
    case ConstraintKind::Spatial:
      return "spatial";
    case ConstraintKind::Other:
      return "other";
  }
  return "other";
}

std::string_view to_string(ObjectKind k) {
  switch (k) {
    case ObjectKind::Table:
      return "table";
    case ObjectKind::Index:
      return "index";
    case ObjectKind::View:
      return "view";
    case ObjectKind::MaterializedView:
      return "materialized-view";
    case ObjectKind::Sequence:
      return "sequence";
    case ObjectKind::Schema:
      return "schema";
    case ObjectKind::Database:
      return "database";
    case ObjectKind::Type:
      return "type";
    case ObjectKind::Domain:
      return "domain";
    case ObjectKind::Function:
      return "function";
    case ObjectKind::Procedure:
      return "procedure";
    case ObjectKind::Trigger:
      return "trigger";
    case ObjectKind::Extension:
      return "extension";
    case ObjectKind::Column:
      return "column";
    case ObjectKind::Constraint:
      return "constraint";
    case ObjectKind::ForeignTable:
      return "foreign-table";
    case ObjectKind::Tablespace:
      return "tablespace";
    case ObjectKind::Other:
      return "other";
  }
  return "other";
}

std::string_view to_string(AlterKind k) {
  switch (k) {
    case AlterKind::AddColumn:
      return "add-column";
    case AlterKind::DropColumn:
      return "drop-column";
    case AlterKind::AlterColumnType:
      return "alter-column-type";
    case AlterKind::SetNotNull:
      return "set-not-null";
    case AlterKind::DropNotNull:
      return "drop-not-null";
    case AlterKind::SetDefault:
      return "set-default";
    case AlterKind::DropDefault:
      return "drop-default";
    case AlterKind::AddConstraint:
      return "add-constraint";
    case AlterKind::DropConstraint:
      return "drop-constraint";
    case AlterKind::ValidateConstraint:
      return "validate-constraint";
    case AlterKind::AlterConstraint:
      return "alter-constraint";
    case AlterKind::SetTablespace:
      return "set-tablespace";
    case AlterKind::SetLogged:
      return "set-logged";
    case AlterKind::SetUnlogged:
      return "set-unlogged";
    case AlterKind::SetAccessMethod:
      return "set-access-method";
    case AlterKind::AttachPartition:
      return "attach-partition";
    case AlterKind::DetachPartition:
      return "detach-partition";
    case AlterKind::AddIdentity:
      return "add-identity";
    case AlterKind::SetIdentity:
      return "set-identity";
    case AlterKind::DropIdentity:
      return "drop-identity";
    case AlterKind::SetExpression:
      return "set-expression";
    case AlterKind::DropExpression:
      return "drop-expression";
    case AlterKind::SetStatistics:
      return "set-statistics";
    case AlterKind::SetStorage:
      return "set-storage";
    case AlterKind::SetCompression:
      return "set-compression";
    case AlterKind::SetOptions:
      return "set-options";
    case AlterKind::ResetOptions:
      return "reset-options";
    case AlterKind::ClusterOn:
      return "cluster-on";
    case AlterKind::SetWithoutCluster:
      return "set-without-cluster";
    case AlterKind::EnableTrigger:
      return "enable-trigger";
    case AlterKind::DisableTrigger:
      return "disable-trigger";
    case AlterKind::EnableRule:
      return "enable-rule";
    case AlterKind::DisableRule:
      return "disable-rule";
    case AlterKind::EnableRowSecurity:
      return "enable-row-security";
    case AlterKind::DisableRowSecurity:
      return "disable-row-security";
    case AlterKind::ForceRowSecurity:
      return "force-row-security";
    case AlterKind::NoForceRowSecurity:
      return "no-force-row-security";
    case AlterKind::ReplicaIdentity:
      return "replica-identity";
    case AlterKind::OwnerTo:
      return "owner-to";
    case AlterKind::Inherit:
      return "inherit";
    case AlterKind::NoInherit:
      return "no-inherit";
    case AlterKind::ModifyColumn:
      return "modify-column";
    case AlterKind::ChangeColumn:
      return "change-column";
    case AlterKind::RenameColumn:
      return "rename-column";
    case AlterKind::AddIndex:
      return "add-index";
    case AlterKind::DropIndex:
      return "drop-index";
    case AlterKind::DropPrimaryKey:
      return "drop-primary-key";
    case AlterKind::ConvertCharset:
      return "convert-charset";
    case AlterKind::RenameTable:
      return "rename-table";
    case AlterKind::TableOptions:
      return "table-options";
    case AlterKind::Other:
      return "other";
  }
  return "other";
}

std::string_view to_string(TransactionKind k) {
  switch (k) {
    case TransactionKind::Begin:
      return "begin";
    case TransactionKind::Commit:
      return "commit";
    case TransactionKind::Rollback:
      return "rollback";
    case TransactionKind::Savepoint:
      return "savepoint";
    case TransactionKind::Release:
      return "release";
    case TransactionKind::RollbackTo:
      return "rollback-to";
    case TransactionKind::Prepare:
      return "prepare";
    case TransactionKind::Other:
      return "other";
  }
  return "other";
}

std::string_view to_string(FilterOp op) {
  switch (op) {
    case FilterOp::Equal:
      return "=";
    case FilterOp::In:
      return "in";
    case FilterOp::InLimitedQuery:
      return "in-limited-query";
    case FilterOp::Less:
      return "<";
    case FilterOp::LessEqual:
      return "<=";
    case FilterOp::Greater:
      return ">";
    case FilterOp::GreaterEqual:
      return ">=";
    case FilterOp::Between:
      return "between";
  }
  return "=";
}

std::string_view to_string(StmtKind k) {
  switch (k) {
#define DDLINT_STMT(Kind) \
  case StmtKind::Kind:    \
    return #Kind;
#include "ir/statements.def"
#undef DDLINT_STMT
  }
  return "Opaque";
}

// Sets each statement's held_by: where the outermost statement whose range
// holds its range (and is not the same range) starts. Most files' statements
// come one after another, each after the one before, and none is held; the
// others are swept in order of start (then longest first), keeping the
// chain of ranges that hold the next one.
void mark_held(ParsedFile& file) {
  auto& all = file.statements;
  bool apart = true;
  for (size_t k = 0; k < all.size() && apart; ++k)
    apart = all[k].range.begin < all[k].range.end && (k == 0 || all[k - 1].range.end <= all[k].range.begin);
  if (apart) return;
  std::vector<uint32_t> order(all.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<uint32_t>(k);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    const TextRange x = all[a].range, y = all[b].range;
    return x.begin != y.begin ? x.begin < y.begin : x.end != y.end ? x.end > y.end : a < b;
  });
  std::vector<TextRange> chain;  // each holds the next
  for (const uint32_t k : order) {
    const TextRange r = all[k].range;
    while (!chain.empty() && chain.back().end < r.end) {
      // A range that starts before this one and ends inside it: neither holds the other.
      if (chain.back().end > r.begin) {
        file.irregular_nesting = true;
        for (auto& st : all) st.held_by = Statement::kNotHeld;
        return;
      }
      chain.pop_back();
    }
    if (!chain.empty() && !(chain.front().begin == r.begin && chain.front().end == r.end))
      all[k].held_by = chain.front().begin;
    chain.push_back(r);
  }
}

}  // namespace ddlint::ir
