#include "engine/rule.h"

#include <new>

namespace ddlint::engine {

namespace {

// Freed rules' memory by size, in steps of kGrain bytes, on this thread
// (a rule is made and gone on the thread that lints its file). Larger
// objects go to the general allocator.
constexpr std::size_t kGrain = 16;
constexpr std::size_t kClasses = 128;  // up to 2 KiB

struct FreeLists {
  void* head[kClasses] = {};
  FreeLists() = default;
  FreeLists(const FreeLists&) = delete;
  FreeLists& operator=(const FreeLists&) = delete;
  ~FreeLists() {
    for (void*& h : head)
      while (h != nullptr) {
        void* next = *static_cast<void**>(h);
        ::operator delete(h);
        h = next;
      }
  }
};

thread_local FreeLists free_rules;

std::size_t size_class(std::size_t size) { return (size + kGrain - 1) / kGrain; }

}  // namespace

void* Rule::operator new(std::size_t size) {
  const std::size_t c = size_class(size);
  if (c >= kClasses) return ::operator new(size);
  void*& head = free_rules.head[c];
  if (head == nullptr) return ::operator new(c* kGrain);
  void* p = head;
  head = *static_cast<void**>(p);
  return p;
}

void Rule::operator delete(void* p, std::size_t size) noexcept {
  if (p == nullptr) return;
  const std::size_t c = size_class(size);
  if (c >= kClasses) {
    ::operator delete(p);
    return;
  }
  void*& head = free_rules.head[c];
  *static_cast<void**>(p) = head;
  head = p;
}

}  // namespace ddlint::engine
