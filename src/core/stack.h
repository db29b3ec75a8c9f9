#pragma once
#include <cstddef>
#include <functional>

namespace ddlint {

// Parsers recurse as deep as a statement nests (libpg_query's JSON output,
// ANTLR's rule calls), and a thread's default stack (8 MiB) ends long before
// the front-ends' own nesting limits do. Parsing therefore runs on large
// stacks: the address space is reserved, and only the pages a statement
// really uses are ever touched.
constexpr size_t kDeepStack = size_t{512} << 20;

// Runs `fn` on a stack that holds `bytes`, waits for it and rethrows what it
// threw: on a deep stack of the calling thread's own (switched to and back,
// kept for the next call), or, in sanitizer builds, on a thread started on
// first use and kept for the next call (one per caller running at the same
// time). Runs `fn` at once when the calling thread is on such a stack already
// (at least as deep), and falls back to the calling thread's own stack when
// no deep one can be had.
void run_on_deep_stack(const std::function<void()>& fn, size_t bytes = kDeepStack);

// True while on a stack of run_on_deep_stack.
bool on_deep_stack();

}  // namespace ddlint
