#include "parser/parser.h"

#include "parser/mysql/mysql_frontend.h"
#include "parser/postgres/pg_frontend.h"

namespace ddlint::parser {

ir::ParsedFile parse(const SourceFile& source, Dialect dialect) {
  switch (dialect) {
    case Dialect::MySql:
      return mysql::parse(source);
    case Dialect::Postgres:
      break;
  }
  return pg::parse(source);
}

void shutdown() { pg::shutdown(); }

}  // namespace ddlint::parser
