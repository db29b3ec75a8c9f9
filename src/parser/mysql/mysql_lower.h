#pragma once
// Internal to the MySQL front-end: lowers one ANTLR parse tree into IR.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "MySqlParser.h"
#include "ir/ir.h"

namespace ddlint::parser::mysql {

// A parsed statement the server would reject: the offending token (an index
// into the statement's tokens; the end-of-input token when the statement ends
// too early) and why.
struct Rejection {
  size_t token = 0;
  std::string reason;
};

struct Lowered {
  // Most statements give one node; RENAME TABLE gives one per pair and SET
  // one per session variable (none when it only assigns user or global
  // variables: then it is opaque).
  std::vector<ir::StatementNode> nodes;
  // Settings for this statement only (ir::Statement::own_settings): MariaDB
  // `WAIT n` / `NOWAIT` are lock_wait_timeout n / 0.
  std::vector<ir::SetSetting> own_settings;
  // Set (and nothing lowered) when the statement is invalid.
  std::optional<Rejection> rejection;
};

// Lowers one parsed statement. `original` is the file's bytes, `base` the
// byte offset of the piece the tokens were lexed from.
Lowered lower(ddlint_mysql_grammar::MySqlParser::StatementContext* statement, std::string_view original,
              uint32_t base, const std::vector<antlr4::Token*>& tokens);

}  // namespace ddlint::parser::mysql
