#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace ddlint {

// A regular file's bytes mapped read-only, for a large migration: its pages
// are read from the file as they are first read, and release() gives back
// those a reader is done with (read from the file again if read again), so
// the process need not hold the whole text at once. The file must not be
// truncated while it is mapped: reading a page past its new end raises
// SIGBUS (report_truncated_mappings: ddlint's command line reports that and
// exits with 2).
class MappedFile {
 public:
  // The regular file open as `fd` (left open), of `size` bytes, mapped; or
  // null when it is not (an empty file, a size that is a whole number of
  // pages: the byte after the text must read as NUL, as after a
  // std::string's; or it cannot be): the caller reads it. driver::read_file
  // maps through the descriptor it opened.
  static std::shared_ptr<const MappedFile> map(int fd, size_t size);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }
  // Gives back the whole pages inside bytes [begin, end).
  void release(size_t begin, size_t end) const;

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_;
  size_t size_;
};

// From here on, a read of a mapped file past its end (another process
// truncated it while it was mapped: SIGBUS) ends the process with a message
// on standard error and exit code `exit_code`, not a crash. For main().
void report_truncated_mappings(int exit_code);

}  // namespace ddlint
