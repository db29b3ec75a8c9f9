#pragma once
#include <cstddef>
#include <functional>

namespace ddlint {

// Parsers recurse as deep as a statement nests (libpg_query's JSON output,
// ANTLR's rule calls), and a thread's default stack (8 MiB) ends long before
// the front-ends' own nesting limits do. Parsing therefore runs on threads
// with a large stack: the address space is reserved, and only the pages a
// statement really uses are ever touched.
constexpr size_t kDeepStack = size_t{512} << 20;

// Runs `fn` on a thread whose stack holds `bytes`, waits for it and rethrows
// what it threw. The thread is started on first use and kept for the next
// call (one per caller running at the same time). Runs `fn` at once when the
// calling thread is such a thread already (with a stack at least as deep), and
// falls back to the calling thread when no thread can be started.
void run_on_deep_stack(const std::function<void()>& fn, size_t bytes = kDeepStack);

// True on a thread started by run_on_deep_stack.
bool on_deep_stack();

}  // namespace ddlint
