#include "core/path_text.h"

#include <filesystem>

namespace ddlint {

std::string lexically_normal(std::string_view path) {
  auto slow = [&] { return std::filesystem::path(path).lexically_normal().generic_string(); };
  if (path.empty() || path.starts_with("//") || path.back() == '/' || path == "." || path.ends_with("/."))
    return slow();
  std::string out;
  out.reserve(path.size());
  if (path.front() == '/') out += '/';
  for (size_t i = 0; i < path.size();) {
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(i, end - i);
    if (part == "..") return slow();
    if (!part.empty() && part != ".") {
      if (!out.empty() && out.back() != '/') out += '/';
      out += part;
    }
    i = end + 1;
  }
  return out;
}

std::string parent_path_text(std::string_view path) {
  if (path.empty() || path.back() == '/' || path.find("//") != std::string_view::npos)
    return std::filesystem::path(path).parent_path().string();
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {};
  return std::string(slash == 0 ? path.substr(0, 1) : path.substr(0, slash));
}

}  // namespace ddlint
