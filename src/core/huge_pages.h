#pragma once

namespace ddlint {

// Asks the allocator to back the heap memory it maps from now on with
// transparent huge pages (madvise(MADV_HUGEPAGE), the kernel's "madvise"
// mode), on every arena. For a run over many files: their parse trees and
// IR reuse the same few tens of megabytes file after file, and 2 MB pages
// take about a fifth of the page faults and far fewer TLB misses. Not for a
// small run: its first allocations would each fault in a whole 2 MB page.
// True when the allocator took the request (ddlint links jemalloc); false
// with any other malloc (sanitizer builds, DDLINT_MALLOC=system), where it
// does nothing. Safe to call more than once and from any thread.
bool heap_huge_pages();

}  // namespace ddlint
