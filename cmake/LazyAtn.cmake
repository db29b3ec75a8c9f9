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

# The name tables (rule, channel, mode, literal and symbolic names) and the
# vocabulary made of them are filled by the same first use: their thousand
# or so strings were built before main() in every run too (about 100,000
# instructions, 4% of a run that lints one small PostgreSQL file).
set(inits "")
foreach(table ruleNames channelNames modeNames literalNames symbolicNames)
  set(head "std::vector<std::string> ${CLASS}::_${table} = {")
  string(FIND "${text}" "${head}" at)
  if(at EQUAL -1)
    continue()  # the parser has no channel or mode names
  endif()
  string(SUBSTRING "${text}" ${at} -1 rest)
  string(FIND "${rest}" "\n};" close)
  if(close EQUAL -1)
    message(FATAL_ERROR "LazyAtn.cmake: the end of ${CLASS}::_${table} in ${FILE} was not found")
  endif()
  string(LENGTH "${head}" head_length)
  math(EXPR definition_length "${close} + 3")
  math(EXPR body_length "${close} - ${head_length}")
  string(SUBSTRING "${rest}" 0 ${definition_length} definition)
  string(SUBSTRING "${rest}" ${head_length} ${body_length} body)
  string(REPLACE "${definition}" "std::vector<std::string> ${CLASS}::_${table};  // filled on first use" text "${text}")
  string(APPEND inits "  _${table} = {${body}\n  };\n")
endforeach()
set(vocabulary "dfa::Vocabulary ${CLASS}::_vocabulary(_literalNames, _symbolicNames);")
string(FIND "${text}" "${vocabulary}" at)
if(at EQUAL -1 OR inits STREQUAL "")
  message(FATAL_ERROR "LazyAtn.cmake: the name tables of ${CLASS} in ${FILE} were not found")
endif()
string(REPLACE "${vocabulary}" "dfa::Vocabulary ${CLASS}::_vocabulary;  // built on first use" text "${text}")
# A Vocabulary has const members: it is built again in place.
string(APPEND inits "  _vocabulary.~Vocabulary();\n  new (&_vocabulary) dfa::Vocabulary(_literalNames, _symbolicNames);\n")
set(constructor "${CLASS}::Initializer::Initializer() {")
string(FIND "${text}" "${constructor}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "LazyAtn.cmake: ${CLASS}::Initializer::Initializer() in ${FILE} was not found")
endif()
string(REPLACE "${constructor}" "${constructor}\n${inits}" text "${text}")
file(WRITE "${FILE}" "${text}")
