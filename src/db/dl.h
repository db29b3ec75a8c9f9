#pragma once
// Loading a database client library at run time (dlopen), shared by the
// PostgreSQL and MySQL/MariaDB sessions.
#include <dlfcn.h>

namespace ddlint::db {

// Sets `f` to the library's function `name`; false when it lacks it.
template <class F>
bool resolve(void* lib, const char* name, F& f) {
  f = reinterpret_cast<F>(dlsym(lib, name));  // NOLINT(cppcoreguidelines-pro-type-reinterpret-cast)
  return f != nullptr;
}

}  // namespace ddlint::db
