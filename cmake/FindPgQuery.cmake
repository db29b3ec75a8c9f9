# FindPgQuery: locate libpg_query (Debian package libpg-query-dev), which ships
# no CMake package configuration of its own.
#
# Defines the imported target PgQuery::PgQuery and the variables
# PgQuery_FOUND, PgQuery_INCLUDE_DIR, PgQuery_LIBRARY, PgQuery_VERSION.
find_path(PgQuery_INCLUDE_DIR NAMES pg_query.h)
# The static library (in the same Debian package) first: a process then binds
# none of its symbols at start-up, which is most of a small file's run.
find_library(PgQuery_LIBRARY NAMES libpg_query.a pg_query)

if(PgQuery_INCLUDE_DIR AND EXISTS "${PgQuery_INCLUDE_DIR}/pg_query.h")
  file(STRINGS "${PgQuery_INCLUDE_DIR}/pg_query.h" _pgq_ver
       REGEX "^#define PG_VERSION \"[^\"]+\"")
  string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" PgQuery_VERSION "${_pgq_ver}")
endif()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PgQuery
  REQUIRED_VARS PgQuery_LIBRARY PgQuery_INCLUDE_DIR
  VERSION_VAR PgQuery_VERSION)

if(PgQuery_FOUND AND NOT TARGET PgQuery::PgQuery)
  add_library(PgQuery::PgQuery UNKNOWN IMPORTED)
  set_target_properties(PgQuery::PgQuery PROPERTIES
    IMPORTED_LOCATION "${PgQuery_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PgQuery_INCLUDE_DIR}")
endif()
mark_as_advanced(PgQuery_INCLUDE_DIR PgQuery_LIBRARY)
