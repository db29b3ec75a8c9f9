#include "core/mapped_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>

namespace ddlint {

std::shared_ptr<const MappedFile> MappedFile::map(int fd, size_t size) {
  const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  if (size == 0 || size % page == 0) return nullptr;
  void* const data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED) return nullptr;
  ::madvise(data, size, MADV_SEQUENTIAL);
  return std::shared_ptr<const MappedFile>(new MappedFile(static_cast<const char*>(data), size));
}

MappedFile::~MappedFile() { ::munmap(const_cast<char*>(data_), size_); }

void MappedFile::release(size_t begin, size_t end) const {
  // data_ starts a page (mmap's address): the whole pages are those from
  // begin rounded up to end rounded down.
  const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  const size_t from = (begin + page - 1) / page * page;
  const size_t to = std::min(end, size_) / page * page;
  if (from >= to) return;
  ::madvise(const_cast<char*>(data_) + from, to - from, MADV_DONTNEED);
}

namespace {

int g_truncated_exit = 2;

extern "C" void on_truncated(int /*signal*/) {
  static constexpr char kMessage[] =
      "ddlint: error: a file was truncated by another process while ddlint read it; nothing more is "
      "reported: run again\n";
  (void)!::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  ::_exit(g_truncated_exit);
}

}  // namespace

void report_truncated_mappings(int exit_code) {
  g_truncated_exit = exit_code;
  struct sigaction action {};
  action.sa_handler = on_truncated;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, nullptr);
}

}  // namespace ddlint
