#pragma once
#include <set>
#include <string>
#include <vector>

namespace ddlint::driver {

struct InputFile {
  std::string display_path;  // as the user will see it
  std::string fs_path;       // empty for stdin
  bool is_stdin = false;
};

// Expands paths: files as given, directories walked recursively for *.sql
// in any case (*.SQL too), following symbolic links to directories (each
// directory once: link loops end), hidden directories skipped, sorted,
// deterministic; "-" for stdin. Every path that cannot be read (missing,
// dangling link, unreadable directory, a file under an unsearchable one) is
// appended to `errors` with the reason, and the rest is still collected.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                      std::vector<std::string>& errors);

// Files changed since git ref `ref`: committed on this branch since its merge
// base with `ref`, staged, unstaged and untracked (not ignored), as absolute,
// normalised paths. False with `error` set when git cannot tell (not a
// repository, unknown ref, git missing).
bool changed_since(const std::string& ref, std::set<std::string>& out, std::string& error);
// The absolute, normalised form of a path, as changed_since() gives them.
std::string normal_path(const std::string& path);

// Reads a whole file; false with `error` set on failure.
bool read_file(const std::string& path, std::string& bytes, std::string& error);
std::string read_stdin();

}  // namespace ddlint::driver
