#pragma once
// Message helpers shared by the MySQL online-DDL rules (alter-requires-table-copy,
// online-ddl-unsupported, alter-blocks-writes, alter-without-online-options).
#include <string>
#include <vector>

#include "engine/rule_context.h"
#include "rules/helpers.h"

namespace ddlint::rules {

// "`a` is already `INT`" / "`a` is already `INT` and `b` is already
// `VARCHAR(100)`": the condition under which a verdict that rests on unknown
// old column definitions (TableEffect::assumed_columns) would not hold. The
// type is quoted as written in the MODIFY/CHANGE of that column.
inline std::string already_of_type(const std::vector<std::string>& columns, engine::RuleContext& ctx) {
  const auto* alter = ctx.statement().as<ir::AlterTable>();
  std::string out;
  for (size_t i = 0; i < columns.size(); ++i) {
    std::string type;
    if (alter)
      for (const auto& a : alter->actions)
        if (a.column == columns[i] && a.column_def && !a.column_def->type.range.empty()) {
          type = std::string(ctx.text(a.column_def->type.range));
          // The character set is part of the type (the range ends before it).
          if (!a.column_def->type.charset().empty() && !type.empty() &&
              type.find(a.column_def->type.charset()) == std::string::npos)
            type += " CHARACTER SET " + a.column_def->type.charset();
        }
    out += (i == 0                    ? ""
            : i + 1 == columns.size() ? " and "
                                      : ", ") +
           quoted(columns[i]) + " is already " +
           (type.empty() ? std::string("of the type written here") : quoted(type));
  }
  return out;
}

}  // namespace ddlint::rules
