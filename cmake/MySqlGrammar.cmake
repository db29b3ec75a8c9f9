# MySQL/MariaDB front-end: the ANTLR4 grammar in src/parser/mysql is turned into
# C++ at build time by the ANTLR tool (Debian's antlr4 4.7.2; its output runs on
# the 4.9 C++ runtime). Generated files live in the build tree only.
# Debian's antlr4_generate() helper is not used: it is broken on Debian 12.

find_program(DDLINT_ANTLR4 NAMES antlr4 PATHS /usr/bin REQUIRED)
find_path(DDLINT_ANTLR4_RUNTIME_INCLUDE antlr4-runtime.h PATH_SUFFIXES antlr4-runtime REQUIRED)
# The static runtime (libantlr4-runtime-dev ships it) first: the generated
# parser refers to thousands of runtime symbols, each bound at start-up when
# the runtime is a shared library.
find_library(DDLINT_ANTLR4_RUNTIME_LIB NAMES libantlr4-runtime.a antlr4-runtime REQUIRED)

set(DDLINT_MYSQL_GRAMMAR_DIR ${CMAKE_CURRENT_SOURCE_DIR}/src/parser/mysql)
set(DDLINT_MYSQL_GEN_DIR ${CMAKE_CURRENT_BINARY_DIR}/generated/mysql_grammar)
set(DDLINT_MYSQL_GENERATED
  ${DDLINT_MYSQL_GEN_DIR}/MySqlLexer.cpp
  ${DDLINT_MYSQL_GEN_DIR}/MySqlLexer.h
  ${DDLINT_MYSQL_GEN_DIR}/MySqlParser.cpp
  ${DDLINT_MYSQL_GEN_DIR}/MySqlParser.h)

add_custom_command(
  OUTPUT ${DDLINT_MYSQL_GENERATED}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${DDLINT_MYSQL_GEN_DIR}
  COMMAND ${DDLINT_ANTLR4} -Dlanguage=Cpp -no-listener -no-visitor -package ddlint_mysql_grammar
          -Xexact-output-dir -o ${DDLINT_MYSQL_GEN_DIR}
          ${DDLINT_MYSQL_GRAMMAR_DIR}/MySqlLexer.g4 ${DDLINT_MYSQL_GRAMMAR_DIR}/MySqlParser.g4
  # The accessors' child lookups without dynamic_cast (src/parser/mysql/fast_children.h).
  COMMAND ${CMAKE_COMMAND} -DFILE=${DDLINT_MYSQL_GEN_DIR}/MySqlParser.cpp
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/FastChildren.cmake
  # Each recogniser's ATN is built on first use, not before main() (cmake/LazyAtn.cmake).
  COMMAND ${CMAKE_COMMAND} -DFILE=${DDLINT_MYSQL_GEN_DIR}/MySqlLexer.cpp -DCLASS=MySqlLexer
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/LazyAtn.cmake
  COMMAND ${CMAKE_COMMAND} -DFILE=${DDLINT_MYSQL_GEN_DIR}/MySqlParser.cpp -DCLASS=MySqlParser
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/LazyAtn.cmake
  DEPENDS ${DDLINT_MYSQL_GRAMMAR_DIR}/MySqlLexer.g4 ${DDLINT_MYSQL_GRAMMAR_DIR}/MySqlParser.g4
          ${CMAKE_CURRENT_SOURCE_DIR}/cmake/FastChildren.cmake ${CMAKE_CURRENT_SOURCE_DIR}/cmake/LazyAtn.cmake
          ${CMAKE_CURRENT_SOURCE_DIR}/src/parser/mysql/fast_children.h
  COMMENT "Generating the MySQL parser with ANTLR"
  VERBATIM)

# Generated code is not ours: no warnings from it. The 4.7 tool writes u8""
# literals into std::string, which C++20 (char8_t) rejects without -fno-char8_t.
# Nor is it checked by the sanitizers: instrumenting it for ASan and UBSan
# doubles the time a sanitized build spends on it, while ddlint's own code
# around it stays instrumented (a fuzzing build keeps its coverage hooks).
set(DDLINT_GENERATED_OPTIONS -w -fno-char8_t)
if(DDLINT_SANITIZE OR DDLINT_FUZZ)
  list(APPEND DDLINT_GENERATED_OPTIONS -fno-sanitize=address,undefined)
endif()
set_source_files_properties(
  ${DDLINT_MYSQL_GEN_DIR}/MySqlLexer.cpp ${DDLINT_MYSQL_GEN_DIR}/MySqlParser.cpp
  PROPERTIES GENERATED TRUE COMPILE_OPTIONS "${DDLINT_GENERATED_OPTIONS}")

# Debian's 4.9 runtime umbrella header includes misc/InterpreterDataReader.h,
# whose InterpreterData() calls a deleted default constructor: gcc accepts it,
# clang rejects it. ddlint never reads interpreter data, so the front-end sees a
# copy of the umbrella header without that line (found before the system one;
# its other includes resolve to the system runtime headers). Rewritten only when
# its content changes.
set(DDLINT_ANTLR4_SHIM_DIR ${CMAKE_CURRENT_BINARY_DIR}/generated/antlr4_shim)
file(READ ${DDLINT_ANTLR4_RUNTIME_INCLUDE}/antlr4-runtime.h DDLINT_ANTLR4_UMBRELLA)
string(REPLACE "#include \"misc/InterpreterDataReader.h\"" "// misc/InterpreterDataReader.h left out (cmake/MySqlGrammar.cmake)"
       DDLINT_ANTLR4_UMBRELLA "${DDLINT_ANTLR4_UMBRELLA}")
file(CONFIGURE OUTPUT ${DDLINT_ANTLR4_SHIM_DIR}/antlr4-runtime.h CONTENT "${DDLINT_ANTLR4_UMBRELLA}" @ONLY)

# The static runtime is linked through a copy without the XPath lexer's
# static initialiser (cmake/QuietXPathLexer.cmake), made at build time from
# the installed archive.
set(DDLINT_ANTLR4_LINK ${DDLINT_ANTLR4_RUNTIME_LIB})
if(DDLINT_ANTLR4_RUNTIME_LIB MATCHES "\\.a$" AND CMAKE_AR AND CMAKE_OBJCOPY)
  set(DDLINT_ANTLR4_ARCHIVE ${CMAKE_CURRENT_BINARY_DIR}/generated/antlr4_runtime/libantlr4-runtime.a)
  add_custom_command(
    OUTPUT ${DDLINT_ANTLR4_ARCHIVE}
    COMMAND ${CMAKE_COMMAND} -DARCHIVE=${DDLINT_ANTLR4_RUNTIME_LIB} -DOUTPUT=${DDLINT_ANTLR4_ARCHIVE}
            -DWORK=${CMAKE_CURRENT_BINARY_DIR}/generated/antlr4_runtime/work -DAR=${CMAKE_AR}
            -DOBJCOPY=${CMAKE_OBJCOPY} -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/QuietXPathLexer.cmake
    DEPENDS ${DDLINT_ANTLR4_RUNTIME_LIB} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/QuietXPathLexer.cmake
    COMMENT "Copying the ANTLR runtime archive"
    VERBATIM)
  add_custom_target(ddlint_antlr4_archive DEPENDS ${DDLINT_ANTLR4_ARCHIVE})
  add_library(ddlint_antlr4_runtime STATIC IMPORTED)
  set_target_properties(ddlint_antlr4_runtime PROPERTIES IMPORTED_LOCATION ${DDLINT_ANTLR4_ARCHIVE})
  add_dependencies(ddlint_antlr4_runtime ddlint_antlr4_archive)
  set(DDLINT_ANTLR4_LINK ddlint_antlr4_runtime)
endif()

# The generated sources, made once for every target that compiles one of them.
add_custom_target(ddlint_mysql_grammar DEPENDS ${DDLINT_MYSQL_GENERATED})

# The generated lexer serves the keyword-table generator and the tests (the
# front-end lexes with its own lexer, src/parser/mysql/mysql_lexer.cpp).
add_library(ddlint_mysql_lexer_objects OBJECT
  ${DDLINT_MYSQL_GEN_DIR}/MySqlLexer.cpp
  src/parser/mysql/mysql_keywords_probe.cpp)
target_include_directories(ddlint_mysql_lexer_objects PRIVATE ${DDLINT_SRC})
target_include_directories(ddlint_mysql_lexer_objects SYSTEM PRIVATE
  ${DDLINT_ANTLR4_SHIM_DIR} ${DDLINT_ANTLR4_RUNTIME_INCLUDE} ${DDLINT_MYSQL_GEN_DIR})
add_dependencies(ddlint_mysql_lexer_objects ddlint_mysql_grammar)

# The keyword table of the front-end's lexer, learnt from the generated lexer
# at build time (src/parser/mysql/mysql_keywords.h): probing it at run time
# built an ANTLR lexer and lexed each of 121 keywords, 17 M instructions in
# every process that read MySQL.
add_executable(ddlint_mysql_keywords_gen src/parser/mysql/mysql_keywords_gen.cpp
  $<TARGET_OBJECTS:ddlint_mysql_lexer_objects>)
target_include_directories(ddlint_mysql_keywords_gen PRIVATE ${DDLINT_SRC})
target_link_libraries(ddlint_mysql_keywords_gen PRIVATE ${DDLINT_ANTLR4_LINK})
set(DDLINT_MYSQL_KEYWORDS ${CMAKE_CURRENT_BINARY_DIR}/generated/mysql_keywords.cpp)
add_custom_command(
  OUTPUT ${DDLINT_MYSQL_KEYWORDS}
  COMMAND ddlint_mysql_keywords_gen ${DDLINT_MYSQL_KEYWORDS}
  DEPENDS ddlint_mysql_keywords_gen
  COMMENT "Probing the MySQL keyword table"
  VERBATIM)

add_library(ddlint_parser_mysql STATIC
  src/parser/mysql/mysql_frontend.cpp
  src/parser/mysql/mysql_input.cpp
  src/parser/mysql/mysql_lexer.cpp
  src/parser/mysql/mysql_lexer_check.cpp
  src/parser/mysql/mysql_lower.cpp
  src/parser/mysql/mysql_lower_check.cpp
  src/parser/mysql/mysql_lower_constraints.cpp
  src/parser/mysql/mysql_lower_dml.cpp
  src/parser/mysql/mysql_lower_helpers.cpp
  src/parser/mysql/mysql_lower_indexes.cpp
  src/parser/mysql/mysql_lower_session.cpp
  src/parser/mysql/mysql_lower_tables.cpp
  ${DDLINT_MYSQL_GEN_DIR}/MySqlParser.cpp
  $<TARGET_OBJECTS:ddlint_mysql_lexer_objects>
  ${DDLINT_MYSQL_KEYWORDS})
target_include_directories(ddlint_parser_mysql SYSTEM PRIVATE
  ${DDLINT_ANTLR4_SHIM_DIR} ${DDLINT_ANTLR4_RUNTIME_INCLUDE} ${DDLINT_MYSQL_GEN_DIR})
add_dependencies(ddlint_parser_mysql ddlint_mysql_grammar)
target_link_libraries(ddlint_parser_mysql PUBLIC ddlint_ir PRIVATE ${DDLINT_ANTLR4_LINK})
