# Run as `cmake -DFILE=<generated MySqlLexer.cpp or MySqlParser.cpp> -DCLASS=<MySqlLexer|MySqlParser>
# -P cmake/LazyAtn.cmake` after the ANTLR tool. The generated recogniser
# deserialises its ATN in a static initialiser, before main(), in every run:
# about 40% of the instructions of a run that lints one small PostgreSQL file.
# The rewrite moves it into the constructor as a function-local static (done
# once, thread-safe), so only a run that reads MySQL pays for it.
file(READ "${FILE}" text)
set(before "${text}")
string(REPLACE "${CLASS}::Initializer ${CLASS}::_init;" "// ${CLASS}::_init: built on first use (cmake/LazyAtn.cmake)"
       text "${text}")
string(REGEX REPLACE "(${CLASS}::${CLASS}\\((CharStream|TokenStream) \\*input\\) : (Lexer|Parser)\\(input\\) {)"
       "\\1\n  static const Initializer init_once;\n  (void)init_once;" text "${text}")
string(FIND "${text}" "static const Initializer init_once;" moved)
string(FIND "${text}" "${CLASS}::Initializer ${CLASS}::_init;" left)
if(moved EQUAL -1 OR NOT left EQUAL -1)
  message(FATAL_ERROR "LazyAtn.cmake: the static initialiser of ${CLASS} in ${FILE} was not moved")
endif()
file(WRITE "${FILE}" "${text}")
