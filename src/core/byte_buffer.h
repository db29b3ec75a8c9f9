#pragma once
#include <cstddef>
#include <memory>
#include <string_view>
#include <utility>

namespace ddlint {

// Bytes in a heap block of their own, handed on by moving the block: text
// that one thread makes (a report's part for one file) and another writes
// out, without the copy into a std::string that holding it in one would take
// (a std::string zeroes its room as it grows, so the text cannot be written
// into it as it is made).
class ByteBuffer {
 public:
  ByteBuffer() = default;
  ByteBuffer(std::unique_ptr<char[]> data, size_t size) : data_(std::move(data)), size_(size) {}
  ByteBuffer(ByteBuffer&& other) noexcept
      : data_(std::move(other.data_)), size_(std::exchange(other.size_, 0)) {}
  ByteBuffer& operator=(ByteBuffer&& other) noexcept {
    data_ = std::move(other.data_);
    size_ = std::exchange(other.size_, 0);
    return *this;
  }
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;
  ~ByteBuffer() = default;

  std::string_view view() const { return {data_.get(), size_}; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
};

}  // namespace ddlint
