// heap_huge_pages() (src/core/huge_pages.h) in a process of its own: the
// allocator's state is per process, and what is checked is where the memory
// it maps lands. Built with the allocator the ddlint executable links.
//
// With jemalloc (DDLINT_EXPECT_JEMALLOC): memory mapped before the call is
// not marked for huge pages, memory mapped after it is (the "hg" flag of its
// mapping in /proc/self/smaps, set by madvise(MADV_HUGEPAGE) whatever the
// system's THP policy), and the memory is usable. Without it: the call says
// no and changes nothing.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/huge_pages.h"

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAILED", what.c_str());
  if (!ok) ++failures;
}

// The VmFlags of the mapping that holds `p`, or "" when none does.
std::string vm_flags(const void* p) {
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    unsigned long lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-' && line.find(':') > line.find(' ')) {
      inside = at >= lo && at < hi;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line.substr(8);
  }
  return "";
}

bool marked_huge(const void* p) {
  std::istringstream flags(vm_flags(p));
  std::string f;
  while (flags >> f)
    if (f == "hg") return true;
  return false;
}

// 64 MB in 2 MB blocks: more than an allocator keeps mapped in reserve, so
// some of it is mapped anew.
std::vector<char*> allocate() {
  std::vector<char*> blocks;
  for (int i = 0; i < 32; ++i) {
    auto* b = static_cast<char*>(std::malloc(size_t{2} << 20));
    std::memset(b, i + 1, size_t{2} << 20);
    blocks.push_back(b);
  }
  return blocks;
}

int count_huge(const std::vector<char*>& blocks) {
  int n = 0;
  for (const char* b : blocks) n += marked_huge(b) ? 1 : 0;
  return n;
}

}  // namespace

int main() {
  if (vm_flags(&failures).empty()) {
    std::printf("skipped: /proc/self/smaps shows no VmFlags here\n");
    return 77;
  }
  const auto before = allocate();
#ifdef DDLINT_EXPECT_JEMALLOC
  check(count_huge(before) == 0, "memory mapped before the call is not marked for huge pages");
  check(ddlint::heap_huge_pages(), "jemalloc takes the request");
  check(ddlint::heap_huge_pages(), "a second call says the same");
  const auto after = allocate();
  const int huge = count_huge(after);
  check(huge >= 16, "memory mapped after the call is marked for huge pages (" + std::to_string(huge) +
                        " of 32 blocks of 2 MB)");
  bool intact = true;
  for (size_t i = 0; i < after.size(); ++i)
    intact = intact && after[i][0] == static_cast<char>(i + 1) &&
             after[i][(size_t{2} << 20) - 1] == static_cast<char>(i + 1);
  check(intact, "the memory holds what was written");
  for (char* b : after) std::free(b);
#else
  check(!ddlint::heap_huge_pages(), "without jemalloc the call says no");
  const auto after = allocate();
  check(count_huge(after) == 0, "and memory mapped after it is not marked for huge pages");
  for (char* b : after) std::free(b);
#endif
  for (char* b : before) std::free(b);
  return failures == 0 ? 0 : 1;
}
