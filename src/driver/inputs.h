#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/mapped_file.h"

namespace ddlint::driver {

struct InputFile {
  std::string display_path;  // as the user will see it
  std::string fs_path;       // empty for stdin
  bool is_stdin = false;
  bool named = false;    // named on the command line (not found by a directory walk)
  bool history = false;  // an earlier migration read for what it does, not reported (add_history)
  std::optional<uint64_t> size =
      std::nullopt;  // a named regular file's size when it was looked at (not re-read)
};

// The folders a run looks into, each listed once per run and shared by the
// history search (add_history), the runner layout (down migrations, Flyway
// undo scripts, split versions) and the searches up the ancestors
// (.ddlint.toml, Cargo.toml, .git, Flyway's settings): a name missing from a
// folder that was listed is not there, and its path is not looked up.
// Folders are keyed by their absolute path (the working directory read
// once), "." components and repeated separators dropped; ".." is kept (the
// parent of a symbolic link is not its lexical parent). Thread-safe; a
// listing never changes once made.
class FolderListings {
 public:
  struct Listing {
    bool read = false;                 // the folder could be listed
    int error = 0;                     // else why not (errno)
    std::vector<std::string> names;    // sorted (byte order), without "." and ".."
    std::vector<unsigned char> types;  // the listing's type of each name (DT_REG, DT_LNK, DT_UNKNOWN ...)
    std::vector<uint32_t> order;       // the names in the order the file system listed them
  };
  FolderListings();
  // `dir` as spelled (relative to the working directory or absolute; "" is
  // "."), listed on first use; empty when it cannot be read.
  const Listing& list(const std::string& dir);
  // False when `dir` was listed and has no entry `name` (for a name with a
  // '/', its first component): a stat of dir/name would fail. True
  // otherwise: it may be there (or the folder was not listed).
  bool may_hold(const std::string& dir, std::string_view name) const { return find(dir, name).may_hold(); }
  // What the listing of `dir`, if made, says of its entry `name`.
  struct Entry {
    bool listed = false;     // `dir` was listed (else nothing is known)
    bool present = false;    // listed, and `name` is in it
    unsigned char type = 0;  // present: the type the listing gives (DT_*)
    bool may_hold() const { return !listed || present; }
  };
  Entry find(const std::string& dir, std::string_view name) const;
  // The working directory when the listings were made ("" when it cannot be read).
  const std::string& cwd() const { return cwd_; }
  // The key of folder `dir` (as spelled, relative or absolute): its absolute
  // path without "." components and repeated or trailing separators (".."
  // kept), the same folder for the kernel. A key's listing is found
  // without building another string.
  std::string key(std::string_view dir) const;

 private:
  // The key of `dir`: `dir` itself when it is one already (absolute, no "."
  // or empty component: no copy), else key(dir) kept in `storage`.
  std::string_view key_of(std::string_view dir, std::string& storage) const;
  // Looked up by a key's text (string_view), without building a string.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string cwd_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::unique_ptr<Listing>, TextHash, std::equal_to<>> listed_;
};

// Expands paths: files as given, directories walked recursively for *.sql
// in any case (*.SQL too), following symbolic links to directories (each
// directory once: link loops end), hidden directories skipped, sorted,
// deterministic; "-" for stdin. Every path that cannot be read (missing,
// dangling link, unreadable directory, a file under an unsearchable one) is
// appended to `errors` with the reason, and the rest is still collected.
// Folders are listed through `listings` when given (the run's, shared with its session).
// `folders_listed`: the run lists the folder of each named file anyway (the
// history does): a named *.sql file is then told a file by that listing
// instead of a stat (its size is left unknown).
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                      std::vector<std::string>& errors, FolderListings* listings = nullptr,
                                      bool folders_listed = false);

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
// The folders are listed through `listings` when given (the run's, shared with its session).
std::vector<InputFile> add_history(std::vector<InputFile> inputs, std::vector<HistoryRead>& read,
                                   FolderListings* listings = nullptr);

// Files changed since git ref `ref`: committed on this branch since its merge
// base with `ref`, staged, unstaged and untracked (not ignored), as absolute,
// normalised paths. False with `error` set when git cannot tell (not a
// repository, unknown ref, git missing).
bool changed_since(const std::string& ref, std::set<std::string>& out, std::string& error);
// The absolute, normalised form of a path, as changed_since() gives them.
std::string normal_path(const std::string& path);

// Reads a whole file; false with `error` set on failure.
// `size`: the file's size when the caller has it from a stat (one syscall
// fewer); a file that grew or shrank since is still read whole.
// `mapped`: when given, a regular file of at least `map_from` bytes is
// mapped into it instead (MappedFile; `bytes` left empty) when it can be.
bool read_file(const std::string& path, std::string& bytes, std::string& error,
               std::optional<uint64_t> size = std::nullopt,
               std::shared_ptr<const MappedFile>* mapped = nullptr, uint64_t map_from = UINT64_MAX);
std::string read_stdin();

}  // namespace ddlint::driver
