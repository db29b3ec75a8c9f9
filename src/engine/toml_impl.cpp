// toml++'s implementation, compiled into ddlint once (the other files that
// read TOML include the header with TOML_HEADER_ONLY=0): one shared library
// fewer to map and relocate at every start.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
