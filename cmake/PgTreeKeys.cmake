# The keys libpg_query's JSON output gives each field of its parse tree,
# read from the pg_query.proto it installs: a field's json_name, or its own
# name when it has none (ParseResult, A_Const, the value nodes). Written at
# configure time as rows of C++ ({"Message", field number, "key"},), in the
# order of the message's name (as strcmp orders names) and then of the
# field's number, for src/parser/postgres/pg_tree.cpp, which builds the parse
# tree's JSON value list from libpg_query's protobuf-c tree under these keys.
#
#   pg_tree_keys(PROTO OUTPUT)  sets PG_TREE_KEYS_FOUND in the caller.
function(pg_tree_keys proto output)
  set(PG_TREE_KEYS_FOUND OFF PARENT_SCOPE)
  if(NOT EXISTS "${proto}")
    return()
  endif()
  file(STRINGS "${proto}" lines)
  set(message "")
  set(rows "")
  set(count 0)
  foreach(line IN LISTS lines)
    if(line MATCHES "^message ([A-Za-z_0-9]+)")
      set(message "${CMAKE_MATCH_1}")
    elseif(line MATCHES "^enum ")
      set(message "")
    elseif(message AND line MATCHES
           "^[ \t]*(repeated[ \t]+)?[A-Za-z_0-9.]+[ \t]+([a-z_0-9]+)[ \t]*=[ \t]*([0-9]+)[ \t]*(\\[json_name=\"([A-Za-z_0-9]+)\"\\])?[ \t]*;")
      set(key "${CMAKE_MATCH_2}")
      if(CMAKE_MATCH_5)
        set(key "${CMAKE_MATCH_5}")
      endif()
      # Sorted below by message, then field number (a blank sorts before
      # any letter of a name, as the end of a name does for strcmp).
      string(LENGTH "${CMAKE_MATCH_3}" digits)
      math(EXPR pad "6 - ${digits}")
      string(REPEAT "0" ${pad} zeros)
      list(APPEND rows "${message} ${zeros}${CMAKE_MATCH_3} ${CMAKE_MATCH_3} ${key}")
      math(EXPR count "${count} + 1")
    endif()
  endforeach()
  if(count LESS 100)
    return()
  endif()
  list(SORT rows)
  set(text "")
  foreach(row IN LISTS rows)
    string(REPLACE " " ";" parts "${row}")
    list(GET parts 0 message)
    list(GET parts 2 id)
    list(GET parts 3 key)
    string(APPEND text "    {\"${message}\", ${id}, \"${key}\"},\n")
  endforeach()
  file(CONFIGURE OUTPUT "${output}" CONTENT "// Generated from ${proto} by cmake/PgTreeKeys.cmake.\n${text}" @ONLY)
  set(PG_TREE_KEYS_FOUND ON PARENT_SCOPE)
endfunction()
