#include "cli/sources.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace ddlint::cli {

namespace fs = std::filesystem;

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                      std::vector<std::string>& errors) {
  std::vector<InputFile> out;
  for (const auto& p : paths) {
    if (p == "-") {
      out.push_back({stdin_name.empty() ? "<stdin>" : stdin_name, "", true});
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || !fs::exists(status)) {
      errors.push_back(p + ": no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        errors.push_back(p + ": " + ec.message());
        continue;
      }
      for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
        if (ec) {
          errors.push_back(p + ": " + ec.message());
          break;
        }
        const auto name = it->path().filename().string();
        if (it->is_directory(ec)) {
          if (!name.empty() && name[0] == '.') it.disable_recursion_pending();
          continue;
        }
        if (it->path().extension() == ".sql" && it->is_regular_file(ec))
          found.push_back(it->path().generic_string());
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found) out.push_back({f, f, false});
    } else {
      out.push_back({p, p, false});
    }
  }
  return out;
}

bool read_file(const std::string& path, std::string& bytes, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    error = path + ": read error";
    return false;
  }
  bytes = ss.str();
  return true;
}

std::string read_stdin() {
  std::ios::sync_with_stdio(false);
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

}  // namespace ddlint::cli
