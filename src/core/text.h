#pragma once
#include <cstdint>

namespace ddlint {

// A half-open byte range [begin, end) into a source file's bytes. Everything
// inside ddlint works in byte offsets; only reporters turn them into lines.
struct TextRange {
  uint32_t begin = 0;
  uint32_t end = 0;

  bool empty() const { return begin >= end; }
  uint32_t size() const { return end > begin ? end - begin : 0; }
  bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

}  // namespace ddlint
