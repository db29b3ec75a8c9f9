#pragma once
#include <string>
#include <vector>

namespace ddlint::cli {

struct InputFile {
  std::string display_path;  // as the user will see it
  std::string fs_path;       // empty for stdin
  bool is_stdin = false;
};

// Expands paths: files as given, directories walked recursively for *.sql
// (hidden directories skipped, sorted, deterministic), "-" for stdin.
// Problems (missing paths) are appended to `errors`.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                      std::vector<std::string>& errors);

// Reads a whole file; false with `error` set on failure.
bool read_file(const std::string& path, std::string& bytes, std::string& error);
std::string read_stdin();

}  // namespace ddlint::cli
