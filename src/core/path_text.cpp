#include "core/path_text.h"

#include <cstring>
#include <filesystem>

namespace ddlint {

namespace {

// Where the next '/' at or after `at` is (path.size() when none): memchr
// reads many bytes per step.
size_t next_slash(std::string_view path, size_t at) {
  const void* slash = std::memchr(path.data() + at, '/', path.size() - at);
  return slash ? static_cast<size_t>(static_cast<const char*>(slash) - path.data()) : path.size();
}

// `path` has an empty component ("//" somewhere): one memchr per component
// instead of string_view::find("//"), which compares at every '/'.
bool has_double_slash(std::string_view path) {
  for (size_t at = 0; at < path.size();) {
    const size_t slash = next_slash(path, at);
    if (slash + 1 < path.size() && path[slash + 1] == '/') return true;
    at = slash + 1;
  }
  return false;
}

}  // namespace

std::string lexically_normal(std::string_view path) {
  auto slow = [&] { return std::filesystem::path(path).lexically_normal().generic_string(); };
  if (path.empty() || path.starts_with("//") || path.back() == '/' || path == "." || path.ends_with("/."))
    return slow();
  // The components kept (neither empty nor ".") joined by single '/': the
  // runs of consecutive kept components are copied as they are spelled.
  std::string out;
  out.reserve(path.size());
  const bool absolute = path.front() == '/';
  if (absolute) out += '/';
  size_t run = std::string_view::npos;  // the start of the run of kept components being read
  size_t run_end = 0;
  auto flush = [&] {
    if (out.size() > (absolute ? 1U : 0U)) out += '/';
    out.append(path.data() + run, run_end - run);
    run = std::string_view::npos;
  };
  for (size_t i = absolute ? 1 : 0; i < path.size();) {
    const size_t end = next_slash(path, i);
    const size_t len = end - i;
    if (len == 2 && path[i] == '.' && path[i + 1] == '.') return slow();
    if (len != 0 && (len != 1 || path[i] != '.')) {
      if (run == std::string_view::npos) run = i;
      run_end = end;
    } else if (run != std::string_view::npos) {
      flush();
    }
    i = end + 1;
  }
  if (run != std::string_view::npos) flush();
  return out;
}

std::string parent_path_text(std::string_view path) {
  if (path.empty() || path.back() == '/' || has_double_slash(path))
    return std::filesystem::path(path).parent_path().string();
  const auto* slash = static_cast<const char*>(::memrchr(path.data(), '/', path.size()));
  if (slash == nullptr) return {};
  const size_t at = static_cast<size_t>(slash - path.data());
  return std::string(at == 0 ? path.substr(0, 1) : path.substr(0, at));
}

}  // namespace ddlint
