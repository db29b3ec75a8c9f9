#pragma once
#include <set>
#include <string>
#include <vector>

namespace ddlint::driver {

struct InputFile {
  std::string display_path;  // as the user will see it
  std::string fs_path;       // empty for stdin
  bool is_stdin = false;
  bool named = false;    // named on the command line (not found by a directory walk)
  bool history = false;  // an earlier migration read for what it does, not reported (add_history)
};

// Expands paths: files as given, directories walked recursively for *.sql
// in any case (*.SQL too), following symbolic links to directories (each
// directory once: link loops end), hidden directories skipped, sorted,
// deterministic; "-" for stdin. Every path that cannot be read (missing,
// dangling link, unreadable directory, a file under an unsearchable one) is
// appended to `errors` with the reason, and the rest is still collected.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                      std::vector<std::string>& errors);

// The folder a migration file belongs to: its directory, or for layouts
// with one directory per migration (`DIR/up.sql`, `DIR/down.sql`,
// `DIR/migration.sql`) the directory above.
std::string migration_folder(const std::string& path);

// Files named one by one (pre-commit passes only the staged files, in
// batches) are read with the migrations before them, so they get the answer
// `ddlint check FOLDER` gives: for each folder of named files, the *.sql
// files in it (with one directory per migration: in its subdirectories;
// never deeper) that sort before the last named one and are not inputs
// already are added as history (`history` set), and the named files with
// their history are put in migration order (analysis/migration_order.h: the
// order a walk of their folders gives) at the place of the first named file.
struct HistoryRead {
  std::string folder;
  size_t files = 0;
};
std::vector<InputFile> add_history(std::vector<InputFile> inputs, std::vector<HistoryRead>& read);

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
