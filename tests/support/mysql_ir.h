#pragma once
// Hand-built MySQL IR for the lock-model tests (tests/mysql_locks_test.cpp,
// tests/mysql_lock_probe.cpp), written before the MySQL front-end exists.
#include <string>
#include <utility>
#include <vector>

#include "analysis/locks.h"
#include "ir/ir.h"

namespace ddlint::testing::my {

inline ir::QualifiedName name(std::string n) {
  ir::QualifiedName q;
  q.name = std::move(n);
  return q;
}

inline ir::TypeName type(std::string n, std::vector<std::string> mods = {}, std::string charset = {}) {
  ir::TypeName t;
  t.name = std::move(n);
  t.modifiers = std::move(mods);
  t.set_charset(std::move(charset));
  return t;
}

inline ir::ColumnDef column(std::string n, ir::TypeName t, bool not_null = false) {
  ir::ColumnDef c;
  c.name = std::move(n);
  c.type = std::move(t);
  c.not_null = not_null;
  if (not_null) {
    ir::Constraint k;
    k.kind = ir::ConstraintKind::NotNull;
    c.constraints.push_back(k);
  }
  return c;
}

inline ir::ColumnDef with_default(ir::ColumnDef c) {
  ir::Expr e;
  e.is_constant = true;
  c.default_value = e;
  ir::Constraint k;
  k.kind = ir::ConstraintKind::Default;
  k.expr = e;
  c.constraints.push_back(k);
  return c;
}

inline ir::ColumnDef generated(ir::ColumnDef c, bool stored) {
  ir::Constraint k;
  k.kind = ir::ConstraintKind::Generated;
  k.stored = stored;
  c.constraints.push_back(k);
  return c;
}

inline ir::AlterAction add_column(ir::ColumnDef c, std::string position = {}) {
  ir::AlterAction a;
  a.kind = ir::AlterKind::AddColumn;
  a.column = c.name;
  a.column_def = std::move(c);
  a.position = std::move(position);
  return a;
}

inline ir::AlterAction action(ir::AlterKind k, std::string column = {}, std::string nm = {}) {
  ir::AlterAction a;
  a.kind = k;
  a.column = std::move(column);
  a.name = std::move(nm);
  return a;
}

// MODIFY c def / CHANGE old def (def.name is the new name).
inline ir::AlterAction modify(std::string old_name, ir::ColumnDef def, std::string position = {},
                              ir::AlterKind k = ir::AlterKind::ModifyColumn) {
  ir::AlterAction a;
  a.kind = k;
  a.column = std::move(old_name);
  a.column_def = std::move(def);
  a.position = std::move(position);
  return a;
}

inline ir::Constraint constraint(ir::ConstraintKind k, std::vector<std::string> cols, std::string nm = {}) {
  ir::Constraint c;
  c.kind = k;
  c.columns = std::move(cols);
  c.name = std::move(nm);
  return c;
}

inline ir::AlterAction add(ir::Constraint c, ir::AlterKind k = ir::AlterKind::AddIndex) {
  ir::AlterAction a;
  a.kind = k;
  a.name = c.name;
  a.constraint = std::move(c);
  return a;
}

inline ir::AlterAction options(std::string native) {
  ir::AlterAction a;
  a.kind = ir::AlterKind::TableOptions;
  a.native = std::move(native);
  return a;
}

inline ir::Statement alter(std::string table, std::vector<ir::AlterAction> actions,
                           std::string algorithm = {}, std::string lock = {}) {
  ir::AlterTable at;
  at.table = name(std::move(table));
  at.actions = std::move(actions);
  at.algorithm = std::move(algorithm);
  at.lock = std::move(lock);
  ir::Statement s;
  s.node = std::move(at);
  return s;
}

inline ir::Statement create_index(std::string index, std::string table, std::vector<std::string> cols,
                                  ir::ConstraintKind kind = ir::ConstraintKind::Index, bool unique = false) {
  ir::CreateIndex ci;
  ci.name = std::move(index);
  ci.table = name(std::move(table));
  ci.columns = std::move(cols);
  ci.mysql_kind = kind;
  ci.unique = unique;
  ir::Statement s;
  s.node = std::move(ci);
  return s;
}

template <class T>
ir::Statement statement(T node) {
  ir::Statement s;
  s.node = std::move(node);
  return s;
}

// What testdata/locks/mysql/fixture.sql creates, as the model's table info.
inline analysis::MySqlContext fixture(bool foreign_key_checks = true) {
  using analysis::MySqlColumnInfo;
  analysis::MySqlContext ctx;
  ctx.foreign_key_checks = foreign_key_checks;
  analysis::MySqlTableInfo users;
  users.charset = "utf8mb4";
  users.columns = {
      MySqlColumnInfo{.name = "id", .type = type("bigint"), .not_null = true, .indexed = true},
      MySqlColumnInfo{.name = "org_id", .type = type("bigint"), .not_null = true, .indexed = true},
      MySqlColumnInfo{.name = "email", .type = type("varchar", {"50"}), .not_null = true, .indexed = true},
      MySqlColumnInfo{"nickname", type("varchar", {"20"}), false},
      MySqlColumnInfo{"title", type("varchar", {"40"}), false},
      MySqlColumnInfo{"bio", type("varchar", {"100"}), false},
      MySqlColumnInfo{"status", type("enum", {"'active'", "'banned'"}), true},
      MySqlColumnInfo{"score", type("int"), false},
      MySqlColumnInfo{"kind", type("int"), true},
      MySqlColumnInfo{"legacy", type("int"), false},
      MySqlColumnInfo{"body", type("text"), false},
      MySqlColumnInfo{"pt", type("point"), true},
  };
  analysis::MySqlTableInfo orgs;
  orgs.charset = "utf8mb4";
  orgs.columns = {MySqlColumnInfo{"id", type("bigint"), true},
                  MySqlColumnInfo{"name", type("varchar", {"100"}), true}};
  analysis::MySqlTableInfo audit;
  audit.charset = "utf8mb4";
  audit.columns = {MySqlColumnInfo{"id", type("bigint"), true},
                   MySqlColumnInfo{"msg", type("varchar", {"200"}), false}};
  analysis::MySqlTableInfo tags;
  tags.charset = "latin1";
  tags.columns = {MySqlColumnInfo{"id", type("int"), true},
                  MySqlColumnInfo{"name", type("varchar", {"30"}), true}};
  analysis::MySqlTableInfo docs;  // FULLTEXT KEY docs_body_ft (body)
  docs.charset = "utf8mb4";
  docs.has_fulltext = true;
  docs.columns = {MySqlColumnInfo{.name = "id", .type = type("bigint"), .not_null = true, .indexed = true},
                  MySqlColumnInfo{"title", type("varchar", {"100"}), true},
                  MySqlColumnInfo{.name = "body", .type = type("text"), .not_null = false, .indexed = true}};
  analysis::MySqlTableInfo zipped;
  zipped.charset = "utf8mb4";
  zipped.row_format = "COMPRESSED";
  zipped.columns = {MySqlColumnInfo{.name = "id", .type = type("bigint"), .not_null = true, .indexed = true},
                    MySqlColumnInfo{"note", type("varchar", {"100"}), false}};
  analysis::MySqlTableInfo kv;
  kv.charset = "utf8mb4";
  kv.engine = "myisam";
  kv.columns = {
      MySqlColumnInfo{.name = "k", .type = type("varchar", {"64"}), .not_null = true, .indexed = true},
      MySqlColumnInfo{"v", type("text"), false}};
  ctx.tables = {{name("users"), users}, {name("orgs"), orgs}, {name("audit_log"), audit},
                {name("tags"), tags},   {name("docs"), docs}, {name("zipped"), zipped},
                {name("kv"), kv}};
  return ctx;
}

}  // namespace ddlint::testing::my
