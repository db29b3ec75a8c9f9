#include "core/huge_pages.h"

#include <sys/mman.h>

#include <cstddef>
#include <mutex>
#include <string>

#if __has_include(<jemalloc/jemalloc.h>)
#include <jemalloc/jemalloc.h>
// Weak: an executable without jemalloc (sanitizer builds, the system
// malloc) has no mallctl, and then nothing is asked.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen)
    __attribute__((weak));
#define DDLINT_HAVE_JEMALLOC_API 1
#endif

namespace ddlint {

#ifdef DDLINT_HAVE_JEMALLOC_API
namespace {

// jemalloc's own extent functions, which every hook below calls: only the
// mapping of new memory is followed by the madvise.
extent_hooks_t* g_default = nullptr;
extent_hooks_t g_hooks;

void* alloc_huge(extent_hooks_t* /*hooks*/, void* new_addr, size_t size, size_t alignment, bool* zero,
                 bool* commit, unsigned arena_ind) {
  void* const p = g_default->alloc(g_default, new_addr, size, alignment, zero, commit, arena_ind);
  // What jemalloc itself does under its thp:always option; the kernel uses
  // huge pages for the 2 MB-aligned parts of the range.
  if (p != nullptr) madvise(p, size, MADV_HUGEPAGE);
  return p;
}

bool install() {
  if (mallctl == nullptr) return false;
  unsigned narenas = 0;
  size_t len = sizeof narenas;
  if (mallctl("arenas.narenas", &narenas, &len, nullptr, 0) != 0 || narenas == 0) return false;
  // Arena 0 always exists; its hooks are jemalloc's defaults, as every
  // automatic arena's are.
  len = sizeof g_default;
  if (mallctl("arena.0.extent_hooks", static_cast<void*>(&g_default), &len, nullptr, 0) != 0 ||
      g_default == nullptr)
    return false;
  g_hooks = *g_default;
  g_hooks.alloc = alloc_huge;
  extent_hooks_t* ours = &g_hooks;
  bool any = false;
  for (unsigned i = 0; i < narenas; ++i) {
    // Setting the hooks of an arena not made yet makes it with them: a
    // thread that starts later gets one of these arenas too.
    const std::string name = "arena." + std::to_string(i) + ".extent_hooks";
    if (mallctl(name.c_str(), nullptr, nullptr, static_cast<void*>(&ours), sizeof ours) == 0) any = true;
  }
  return any;
}

}  // namespace

bool heap_huge_pages() {
  static std::once_flag once;
  static bool done = false;
  std::call_once(once, [] { done = install(); });
  return done;
}
#else
bool heap_huge_pages() { return false; }
#endif

}  // namespace ddlint
