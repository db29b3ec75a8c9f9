#pragma once
// libpg_query's parse tree read without JSON text. The lowering reads a
// parse tree as the value list of the JSON document libpg_query writes
// (pg_json.h). Writing that text and parsing it again costs more than the
// parse itself; libpg_query also builds the same tree as protobuf-c
// messages (pg_query_nodes_to_protobuf), a few times cheaper than the text.
// tree_values() lets it build those messages, keeps them in the parse's
// memory context instead of packing them (the linker's --wrap of the two
// packing calls), and makes from them the value list the JSON would give:
// the same values, in the same order, under the same keys (each field's
// json_name in libpg_query's pg_query.proto, cmake/PgTreeKeys.cmake).
// The pg-tree tests check that on every statement of the corpus and the
// test data; a tree holding a string that is not UTF-8 (which the JSON
// reader rejects) or a field the JSON output writes some other way (a
// floating-point number, bytes) is declined and read from its JSON text.
#include <cstddef>
#include <cstdint>

#include "parser/postgres/pg_json.h"

namespace ddlint::parser::pg {

// Whether this build reads parse trees this way (DDLINT_PG_TREE: a static
// libpg_query 15-4.x with its protobuf-c header and pg_query.proto).
bool tree_built();

// The value list of the raw parse tree `raw_tree` (a List of RawStmt, as
// pg_query_raw_parse returns it, null for none), under libpg_query's
// current memory context: true and `root` set, valid until the next call
// on this thread and while that memory context lives; false when the tree
// holds a value this reading declines or the build does not read trees.
bool tree_values(const void* raw_tree, json::Element& root);

// Gives back this thread's value list buffer when it holds more than
// `keep_bytes` (one large statement must not keep its size for the run).
void trim_tree_values(size_t keep_bytes);

// Calls of tree_values that gave a value list, on this thread (tests).
uint64_t tree_values_made();

}  // namespace ddlint::parser::pg
