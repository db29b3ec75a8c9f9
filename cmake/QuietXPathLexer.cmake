# Run as `cmake -DARCHIVE=<libantlr4-runtime.a> -DOUTPUT=<copy> -DWORK=<dir> -DAR=<ar>
# -DOBJCOPY=<objcopy> -P cmake/QuietXPathLexer.cmake` at build time.
#
# ANTLR's C++ runtime 4.9 deserialises the ATN of its XPath lexer in a static
# initialiser (XPathLexer.cpp.o), before main(), in every run: about 280,000
# instructions, 8% of a run that lints one 1 KB PostgreSQL file. ddlint never
# uses XPath; the member is linked only because Parser.cpp.o refers to
# ParseTreePatternMatcher, which refers to XPath. The copy of the archive
# written here is the same archive with that member's initialiser left out
# (objcopy removes its .init_array): XPathLexer's static tables then stay
# zero and unused, as nothing calls XPathLexer. When the archive has no such
# member, or a tool fails, the copy is the archive unchanged.
set(member XPathLexer.cpp.o)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(tmp "${OUTPUT}.tmp")
file(REMOVE "${tmp}")
file(COPY_FILE "${ARCHIVE}" "${tmp}")

macro(step)
  if(ok)
    execute_process(COMMAND ${ARGN} WORKING_DIRECTORY "${WORK}" RESULT_VARIABLE rc OUTPUT_VARIABLE out
                    ERROR_VARIABLE out)
    if(NOT rc EQUAL 0)
      set(ok FALSE)
    endif()
  endif()
endmacro()

set(ok TRUE)
step("${AR}" t "${ARCHIVE}")
set(members "${out}")
string(REGEX MATCH "(^|\n)${member}(\n|$)" found "${members}")
if(ok AND NOT found)
  set(ok FALSE)
endif()
step("${AR}" x "${ARCHIVE}" ${member})
step("${OBJCOPY}" --remove-section=.init_array --remove-section=.rela.init_array ${member})
step("${AR}" rs "${tmp}" ${member})
if(ok)
  message(STATUS "ANTLR runtime: ${member} linked without its static initialiser")
else()
  message(STATUS "ANTLR runtime: linked as installed (${member} not rewritten)")
  file(REMOVE "${tmp}")
  file(COPY_FILE "${ARCHIVE}" "${tmp}")
endif()
file(RENAME "${tmp}" "${OUTPUT}")
