// Prints the MySQL lock model's verdict for one case of
// testdata/locks/mysql/cases.sql, building the case's IR by hand (so the model
// can be checked against a real server before the MySQL parser exists).
//
//   mysql_lock_probe --list                  the case ids, one per line
//   mysql_lock_probe [--target T] CASE       the verdict as one JSON object
//
// T is anything analysis::parse_mysql_target reads, e.g. the server's
// SELECT VERSION() ("10.11.6-MariaDB-0+deb12u1"); default "mariadb-10.11".
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "support/mysql_ir.h"

using namespace ddlint;
using namespace ddlint::testing::my;
using K = ir::AlterKind;
using CK = ir::ConstraintKind;

namespace {

ir::AlterAction other(std::string native, std::string name = {}) {
  auto a = action(K::Other, "", std::move(name));
  a.native = std::move(native);
  return a;
}

ir::TypeName collate(ir::TypeName t) {
  t.set_collation("utf8mb4_bin");
  return t;
}

struct Case {
  const char* id;
  bool foreign_key_checks;
  std::function<ir::Statement()> build;
};

// One row per case of cases.sql that the probe builds, in the same order.
const Case kCases[] = {
    {"add-column-last", true,
     [] { return alter("users", {add_column(column("phone", type("varchar", {"40"})))}); }},
    {"add-column-first", true,
     [] { return alter("users", {add_column(with_default(column("flag", type("int"), true)), "FIRST")}); }},
    {"add-column-stored", true,
     [] { return alter("users", {add_column(generated(column("org2", type("bigint")), true))}); }},
    {"drop-column", true, [] { return alter("users", {action(K::DropColumn, "legacy")}); }},
    {"rename-column", true, [] { return alter("users", {action(K::RenameColumn, "score", "points")}); }},
    {"change-column-rename", true,
     [] { return alter("users", {modify("score", column("points", type("int")), "", K::ChangeColumn)}); }},
    {"modify-int-to-bigint", true,
     [] { return alter("users", {modify("score", column("score", type("bigint")))}); }},
    {"modify-varchar-within-1-byte", true,
     [] { return alter("users", {modify("nickname", column("nickname", type("varchar", {"60"})))}); }},
    {"modify-varchar-small-to-2-bytes", true,
     [] { return alter("users", {modify("nickname", column("nickname", type("varchar", {"100"})))}); }},
    {"modify-varchar-crosses-255", true,
     [] { return alter("users", {modify("title", column("title", type("varchar", {"80"})))}); }},
    {"modify-varchar-shrink", true,
     [] { return alter("users", {modify("nickname", column("nickname", type("varchar", {"10"})))}); }},
    {"modify-set-not-null", true,
     [] { return alter("users", {modify("score", column("score", type("int"), true))}); }},
    {"modify-drop-not-null", true,
     [] { return alter("users", {modify("kind", with_default(column("kind", type("int"))))}); }},
    {"set-default", true, [] { return alter("users", {action(K::SetDefault, "score")}); }},
    {"modify-reorder", true,
     [] { return alter("users", {modify("score", column("score", type("int")), "FIRST")}); }},
    {"enum-append", true,
     [] {
       return alter(
           "users",
           {modify("status", with_default(column(
                                 "status", type("enum", {"'active'", "'banned'", "'deleted'"}), true)))});
     }},
    {"add-index", true,
     [] {
       return alter("users", {add(constraint(CK::Index, {"org_id", "email"}, "users_org_email_idx"))});
     }},
    {"create-index", true, [] { return create_index("users_score_idx", "users", {"score"}); }},
    {"drop-index", true, [] { return alter("users", {action(K::DropIndex, "", "users_email_idx")}); }},
    {"add-fulltext", true,
     [] { return alter("users", {add(constraint(CK::Fulltext, {"body"}, "users_body_ft"))}); }},
    {"add-spatial", true,
     [] { return alter("users", {add(constraint(CK::Spatial, {"pt"}, "users_pt_sp"))}); }},
    {"add-primary-key", true,
     [] { return alter("audit_log", {add(constraint(CK::PrimaryKey, {"id"}), K::AddConstraint)}); }},
    {"drop-primary-key", true, [] { return alter("tags", {action(K::DropPrimaryKey)}); }},
    {"replace-primary-key", true,
     [] {
       return alter("tags", {action(K::DropPrimaryKey),
                             add(constraint(CK::PrimaryKey, {"id", "name"}), K::AddConstraint)});
     }},
    {"add-foreign-key", true,
     [] {
       auto fk = constraint(CK::ForeignKey, {"org_id"}, "users_org_fk2");
       fk.ref_table = name("orgs");
       fk.ref_columns = {"id"};
       return alter("users", {add(fk, K::AddConstraint)});
     }},
    {"add-foreign-key-unchecked", false,
     [] {
       auto fk = constraint(CK::ForeignKey, {"org_id"}, "users_org_fk2");
       fk.ref_table = name("orgs");
       fk.ref_columns = {"id"};
       return alter("users", {add(fk, K::AddConstraint)});
     }},
    {"drop-foreign-key", true,
     [] { return alter("users", {action(K::DropConstraint, "", "users_org_fk")}); }},
    {"convert-charset", true, [] { return alter("tags", {action(K::ConvertCharset, "", "utf8mb4")}); }},
    {"engine-rebuild", true, [] { return alter("users", {options("ENGINE = InnoDB")}); }},
    {"rename-table", true, [] { return alter("users", {action(K::RenameTable, "", "people")}); }},
    // Later cases of cases.sql that rest on table info (FULLTEXT, ROW_FORMAT,
    // ENGINE) or on subcommands the IR names by their words.
    {"add-column-unique", true,
     [] {
       auto c = column("handle", type("varchar", {"30"}));
       c.constraints.push_back(constraint(CK::Unique, {}));
       return alter("users", {add_column(c)});
     }},
    {"alter-index-ignored", true, [] { return alter("users", {other("ALTER INDEX", "users_email_idx")}); }},
    {"modify-collation", true,
     [] { return alter("users", {modify("bio", column("bio", collate(type("varchar", {"100"}))))}); }},
    {"modify-collation-indexed", true,
     [] {
       return alter("users", {modify("email", column("email", collate(type("varchar", {"50"})), true))});
     }},
    {"add-column-default-uuid", true,
     [] {
       auto c = column("token", type("char", {"36"}));
       ir::Expr e;
       e.functions = {"uuid"};
       c.default_value = e;
       return alter("users", {add_column(c)});
     }},
    {"alter-online-refused", true,
     [] { return alter("users", {modify("score", column("score", type("bigint")))}, "", "NONE"); }},
    {"add-system-versioning", true, [] { return alter("users", {other("ADD SYSTEM VERSIONING")}); }},
    {"drop-system-versioning", true, [] { return alter("hist", {other("DROP SYSTEM VERSIONING")}); }},
    {"fulltext-table-add-column", true,
     [] { return alter("docs", {add_column(column("lang", type("char", {"2"})))}); }},
    {"fulltext-table-drop-column", true, [] { return alter("docs", {action(K::DropColumn, "title")}); }},
    {"add-fulltext-second", true,
     [] { return alter("docs", {add(constraint(CK::Fulltext, {"title"}, "docs_title_ft"))}); }},
    {"fulltext-table-force", true, [] { return alter("docs", {other("FORCE")}); }},
    {"compressed-add-column", true,
     [] { return alter("zipped", {add_column(column("flag", type("int")))}); }},
    {"key-block-size", true, [] { return alter("zipped", {options("KEY_BLOCK_SIZE = 4")}); }},
    {"myisam-add-column", true, [] { return alter("kv", {add_column(column("ts", type("int")))}); }},
    {"myisam-add-index", true, [] { return alter("kv", {add(constraint(CK::Index, {"v"}, "kv_v_idx"))}); }},
    {"remove-partitioning", true, [] { return alter("events", {other("REMOVE PARTITIONING")}); }},
};

std::string json_string(std::string_view s) {
  std::string r = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') r += '\\';
    r += c;
  }
  return r + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  std::string target_text = "mariadb-10.11";
  std::string id;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--list") {
      for (const auto& c : kCases) std::printf("%s\n", c.id);
      return 0;
    }
    if (a == "--target" && i + 1 < argc) {
      target_text = argv[++i];
    } else {
      id = a;
    }
  }
  const auto target = analysis::parse_mysql_target(target_text);
  if (!target) {
    std::fprintf(stderr, "unknown target: %s\n", target_text.c_str());
    return 2;
  }
  for (const auto& c : kCases) {
    if (id != c.id) continue;
    analysis::Settings s;
    s.dialect = Dialect::MySql;
    s.mysql = *target;
    const auto ctx = fixture(c.foreign_key_checks);
    const auto e = analysis::mysql_statement_effect(c.build(), s, &ctx);
    if (e.tables.empty()) {
      std::fprintf(stderr, "case %s: no table effect\n", c.id);
      return 1;
    }
    const auto& t = e.tables.front();
    std::printf(
        "{\"case\":%s,\"target\":%s,\"table\":%s,\"algorithm\":%s,\"lock\":%s,\"rewrite\":%s,\"scan\":%s,"
        "\"mode\":%s,\"blocks\":%s,\"implicit_commit\":%s,\"fails\":%s}\n",
        json_string(c.id).c_str(), json_string(analysis::mysql_target_name(*target)).c_str(),
        json_string(t.table.display()).c_str(), json_string(t.algorithm()).c_str(),
        json_string(t.lock()).c_str(), t.rewrite ? "true" : "false", t.scan ? "true" : "false",
        json_string(t.mode).c_str(), json_string(analysis::to_string(t.blocks)).c_str(),
        e.implicit_commit ? "true" : "false", e.fails ? "true" : "false");
    return 0;
  }
  std::fprintf(stderr, "unknown case: %s (see --list)\n", id.c_str());
  return 2;
}
