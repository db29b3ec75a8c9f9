#include "parser/parser.h"

#include "core/stack.h"
#include "parser/mysql/mysql_frontend.h"
#include "parser/postgres/pg_frontend.h"
#include "parser/postgres/pg_recover.h"
#include "parser/postgres/pg_scan.h"
#include "parser/postgres/psql_input.h"

namespace ddlint::parser {

namespace {

ir::ParsedFile front_end(const SourceFile& source, Dialect dialect, const ParseOptions& options) {
  switch (dialect) {
    case Dialect::MySql:
      return mysql::parse(source, options.mysql_version_id, options.mariadb, options.max_errors);
    case Dialect::Postgres:
      break;
  }
  return pg::parse(source, options.max_errors);
}

}  // namespace

ir::ParsedFile parse(const SourceFile& source, Dialect dialect, const ParseOptions& options) {
  ir::ParsedFile out;
  if (on_deep_stack()) {
    out = front_end(source, dialect, options);
  } else {
    // A deeply nested statement recurses further than an ordinary thread's
    // stack allows: parse on a thread with a deep one (the driver's workers
    // are such threads already, so this costs a thread per call only for
    // one-off parses; libpg_query frees its memory when the thread ends).
    run_on_deep_stack([&] { out = front_end(source, dialect, options); });
  }
  ir::mark_held(out);
  return out;
}

bool parse_groups(const SourceFile& source, ir::ParsedFile& head,
                  const std::function<bool(const ir::ParsedFile&)>& on_head,
                  const std::function<bool(std::vector<ir::Statement>&, size_t)>& on_group,
                  std::vector<TextRange>& groups) {
  if (source.dialect() != Dialect::Postgres) return false;
  bool ok = false;
  if (on_deep_stack())
    ok = pg::parse_groups(source, head, on_head, on_group, groups);
  else
    run_on_deep_stack([&] { ok = pg::parse_groups(source, head, on_head, on_group, groups); });
  return ok;
}

void shutdown() { pg::shutdown(); }

std::string postgres_grammar() { return pg::grammar_description(); }

std::string check_token_scanner(const SourceFile& source, Dialect dialect, bool& declined) {
  declined = true;
  if (dialect != Dialect::Postgres) return {};
  const auto input = pg::prepare_psql_input(source.parse_text());
  return pg::compare_native_scan(input.text, declined);
}

}  // namespace ddlint::parser
