# Run as `cmake -DFILE=<generated MySqlParser.cpp> -P cmake/FastChildren.cmake`
# after the ANTLR tool: the context accessors of the generated parser look
# their children up through src/parser/mysql/fast_children.h (by node kind and
# rule index) instead of the runtime's dynamic_cast on every child, and the
# context classes nothing derives from are marked final in MySqlParser.h.
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

# Every context class that no other class derives from is marked final in the
# generated header: ddlint_fast::exact<T> (a typeid comparison standing for
# dynamic_cast) asserts that T is final, so a grammar change that gives a rule
# labelled alternatives (classes deriving from its context) cannot leave a
# lookup of that rule's context silently failing.
string(REGEX REPLACE "\\.cpp$" ".h" header "${FILE}")
file(READ "${header}" h)
string(REGEX MATCHALL "class  [A-Za-z0-9_]+Context : public [A-Za-z0-9_:]+" decls "${h}")
set(bases "")
foreach(d IN LISTS decls)
  string(REGEX REPLACE ".* : public " "" base "${d}")
  list(APPEND bases "${base}")
endforeach()
set(marked 0)
foreach(d IN LISTS decls)
  string(REGEX REPLACE "class  ([A-Za-z0-9_]+Context) : .*" "\\1" name "${d}")
  list(FIND bases "${name}" at)
  if(at EQUAL -1)
    string(REPLACE "class  ${name} : public" "class  ${name} final : public" h "${h}")
    math(EXPR marked "${marked} + 1")
  endif()
endforeach()
if(marked EQUAL 0)
  message(FATAL_ERROR "FastChildren.cmake: no context class of ${header} was marked final")
endif()
file(WRITE "${header}" "${h}")
