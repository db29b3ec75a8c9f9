# Run as `cmake -DFILE=<generated MySqlParser.cpp> -P cmake/FastChildren.cmake`
# after the ANTLR tool: the context accessors of the generated parser look
# their children up through src/parser/mysql/fast_children.h (by node kind and
# rule index) instead of the runtime's dynamic_cast on every child.
file(READ "${FILE}" text)
string(REGEX REPLACE "getRuleContext<MySqlParser::([A-Za-z0-9_]+)Context>\\("
       "::ddlint_fast::rule_child<MySqlParser::\\1Context>(this, MySqlParser::Rule\\1, " text "${text}")
string(REGEX REPLACE "getRuleContexts<MySqlParser::([A-Za-z0-9_]+)Context>\\(\\)"
       "::ddlint_fast::rule_children<MySqlParser::\\1Context>(this, MySqlParser::Rule\\1)" text "${text}")
string(REGEX REPLACE "([^A-Za-z_:])getToken\\(MySqlParser::"
       "\\1::ddlint_fast::token_child(this, MySqlParser::" text "${text}")
string(REGEX REPLACE "([^A-Za-z_:])getTokens\\(MySqlParser::"
       "\\1::ddlint_fast::token_children(this, MySqlParser::" text "${text}")
string(FIND "${text}" "getRuleContext<" left)
if(NOT left EQUAL -1)
  message(FATAL_ERROR "FastChildren.cmake: an accessor of ${FILE} was not rewritten")
endif()
file(WRITE "${FILE}" "#include \"parser/mysql/fast_children.h\"\n${text}")
