#include "driver/inputs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "analysis/migration_order.h"
#include "analysis/runner.h"
#include "core/path_text.h"
#include "driver/work_pool.h"

namespace ddlint::driver {

namespace fs = std::filesystem;

namespace {

// Runs fn(0) .. fn(count - 1) on `threads` threads (this one among them),
// each taking the next index; the first exception an index threw is
// rethrown once all are done. Used for the file-system work of a run's
// start (stats, folder listings), which is mostly the kernel's path walk.
void on_threads(size_t count, size_t threads, const std::function<void(size_t)>& fn) {
  std::atomic<size_t> next{0};
  std::mutex failed_mutex;
  std::exception_ptr failed;
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        fn(i);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(failed_mutex);
        if (!failed) failed = std::current_exception();
      }
    }
  };
  std::vector<KeptThread> helpers;
  for (size_t t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // the threads started so far, and this one, do the work
    }
  }
  work();
  for (auto& t : helpers) t.join();
  if (failed) std::rethrow_exception(failed);
}

// sqitch deploys the changes of a project in the order of its sqitch.plan,
// not by file name: DIR/deploy/NAME.sql (then DIR/revert/NAME.sql, the down
// migration, and DIR/verify/NAME.sql) sorts by NAME's place in DIR/sqitch.plan.
// Each plan is read once per collect_inputs() / add_history() call.
std::map<std::string, std::map<std::string, size_t>>& sqitch_plans() {  // by project folder
  static std::map<std::string, std::map<std::string, size_t>> plans;
  return plans;
}
std::mutex& sqitch_plans_mutex() {  // add_history walks folders on several threads
  static std::mutex m;
  return m;
}

// The name of the folder a path is in, as std::filesystem spells it
// (path(p).parent_path().filename()), for paths that name a file.
std::string_view parent_folder_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return {};
  std::string_view dir = path.substr(0, slash);
  while (!dir.empty() && dir.back() == '/') dir.remove_suffix(1);
  const size_t up = dir.rfind('/');
  return up == std::string_view::npos ? dir : dir.substr(up + 1);
}

std::string ordering_key(const std::string& path) {
  const std::string_view folder = parent_folder_name(path);
  if (folder != "deploy" && folder != "revert" && folder != "verify")
    return analysis::migration_order_key(path);
  const std::lock_guard<std::mutex> lock(sqitch_plans_mutex());
  auto& plans = sqitch_plans();
  const fs::path p(path);
  const fs::path kind = p.parent_path().filename();
  if (kind == "deploy" || kind == "revert" || kind == "verify") {
    const fs::path project = p.parent_path().parent_path();
    const std::string dir = project.generic_string();
    auto it = plans.find(dir);
    if (it == plans.end()) {
      std::map<std::string, size_t> order;
      std::string text;
      std::string error;
      if (fs::is_regular_file(project / "sqitch.plan") &&
          read_file((project / "sqitch.plan").string(), text, error)) {
        const auto changes = analysis::sqitch_plan_order(text);
        for (size_t i = 0; i < changes.size(); ++i) order.emplace(changes[i], i);
      }
      it = plans.emplace(dir, std::move(order)).first;
    }
    if (const auto at = it->second.find(p.stem().string()); at != it->second.end()) {
      char place[24];
      std::snprintf(place, sizeof place, "%012zu%c", at->second,
                    kind == "deploy"   ? '0'
                    : kind == "revert" ? '1'
                                       : '2');
      return analysis::migration_order_key(dir.empty() ? "" : dir + "/") + "\x05sqitch\x05" + place;
    }
  }
  return analysis::migration_order_key(path);
}

// Sorts paths in the order their runner applies them (analysis/migration_order.h),
// each key computed once.
void sort_migrations(std::vector<std::string>& paths) {
  std::vector<std::pair<std::string, std::string>> keyed;
  keyed.reserve(paths.size());
  for (auto& p : paths) keyed.emplace_back(ordering_key(p), std::move(p));
  std::sort(keyed.begin(), keyed.end());
  for (size_t i = 0; i < keyed.size(); ++i) paths[i] = std::move(keyed[i].second);
}

// is_sql_name() of a file name, without a path object: its extension is
// from its last '.', unless that starts the name (".sql" has none).
bool is_sql_text(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || name.size() - dot != 4) return false;
  return std::tolower(static_cast<unsigned char>(name[dot + 1])) == 's' &&
         std::tolower(static_cast<unsigned char>(name[dot + 2])) == 'q' &&
         std::tolower(static_cast<unsigned char>(name[dot + 3])) == 'l';
}

bool is_sql_name(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext.size() == 4 && ext[0] == '.' && std::tolower(static_cast<unsigned char>(ext[1])) == 's' &&
         std::tolower(static_cast<unsigned char>(ext[2])) == 'q' &&
         std::tolower(static_cast<unsigned char>(ext[3])) == 'l';
}

// An entry of a folder's listing, asked as a std::filesystem directory
// entry is: the listing's type, when it gives one, serves what does not
// follow a link; the rest is looked up.
struct ListedEntry {
  fs::path path;
  fs::file_type type = fs::file_type::none;  // none: the listing gives none
  static fs::file_type of(unsigned char d_type) {
    switch (d_type) {
      case DT_REG:
        return fs::file_type::regular;
      case DT_DIR:
        return fs::file_type::directory;
      case DT_LNK:
        return fs::file_type::symlink;
      case DT_BLK:
        return fs::file_type::block;
      case DT_CHR:
        return fs::file_type::character;
      case DT_FIFO:
        return fs::file_type::fifo;
      case DT_SOCK:
        return fs::file_type::socket;
      default:
        return fs::file_type::none;
    }
  }
  bool is_symlink(std::error_code& ec) const {
    if (type != fs::file_type::none) return type == fs::file_type::symlink;
    return fs::symlink_status(path, ec).type() == fs::file_type::symlink;
  }
  fs::file_type file_type(std::error_code& ec) const {
    if (type != fs::file_type::none && type != fs::file_type::symlink) {
      ec.clear();
      return type;
    }
    return fs::status(path, ec).type();
  }
  bool is_directory(std::error_code& ec) const { return file_type(ec) == fs::file_type::directory; }
  bool is_regular_file(std::error_code& ec) const { return file_type(ec) == fs::file_type::regular; }
  fs::file_status status(std::error_code& ec) const { return fs::status(path, ec); }
};

// Walks `dir` for *.sql files (any case). Symbolic links to directories
// are queued in `links` and walked after the real directories, so a
// directory is named by its own path when it is inside the tree and through
// the link otherwise; each directory is read once whatever way it is reached
// (a link loop ends there). Hidden directories are skipped. Every path that
// cannot be read is reported. `real`: the directory's canonical path when
// known (a directory, not a link, in a folder whose canonical path is known),
// else asked. The listings are the run's (the runner layout and the config
// search use them again); entries are taken in the file system's order.
void walk(const fs::path& dir, const fs::path* real, std::set<std::string>& visited,
          std::vector<fs::path>& links, std::vector<std::string>& found, std::vector<std::string>& errors,
          FolderListings& listings) {
  std::error_code ec;
  const fs::path canonical = real ? *real : fs::canonical(dir, ec);
  if (!ec && !visited.insert(canonical.string()).second) return;
  const FolderListings::Listing& listing = listings.list(dir.string());
  if (!listing.read) {
    errors.push_back(dir.generic_string() + ": cannot read directory: " +
                     std::make_error_code(static_cast<std::errc>(listing.error)).message());
    return;
  }
  std::vector<fs::path> subdirs;
  // Once one entry's status could be read, the directory is searchable and
  // the type the listing gives (d_type) serves entries that are not links:
  // no stat per file. Links, and entries the listing gives no type for, are
  // examined as before.
  bool searchable = false;
  for (const uint32_t at : listing.order) {
    const std::string& name = listing.names[at];
    const ListedEntry entry{dir / name, ListedEntry::of(listing.types[at])};
    const ListedEntry* it = &entry;
    const fs::path& path = entry.path;
    std::error_code sec;
    fs::file_status status;
    if (searchable && !it->is_symlink(sec) && !sec && it->is_directory(sec) && !sec)
      status = fs::file_status(fs::file_type::directory);
    else if (searchable && !it->is_symlink(sec) && !sec && it->is_regular_file(sec) && !sec)
      status = fs::file_status(fs::file_type::regular);
    else
      status = it->status(sec);  // follows links
    searchable = searchable || (!sec && fs::exists(status));
    if (sec || !fs::exists(status)) {
      // A link whose target is missing, or a path that cannot be examined.
      if (is_sql_name(path)) {
        const bool dangling = it->is_symlink(sec);
        errors.push_back(
            path.generic_string() + ": " +
            (dangling ? std::string("dangling symbolic link") : "cannot read: " + sec.message()));
      }
      continue;
    }
    if (fs::is_directory(status)) {
      if (!name.empty() && name[0] != '.') (it->is_symlink(sec) ? links : subdirs).push_back(path);
      continue;
    }
    if (is_sql_name(path) && fs::is_regular_file(status)) found.push_back(path.generic_string());
  }
  std::sort(subdirs.begin(), subdirs.end());
  for (const auto& sub : subdirs) {
    const fs::path sub_real = canonical / sub.filename();
    walk(sub, ec ? nullptr : &sub_real, visited, links, found, errors, listings);
  }
}

}  // namespace

namespace {
bool plain_file_path(std::string_view path);
std::string_view parent_text(std::string_view path);
}  // namespace

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, const std::string& stdin_name,
                                      std::vector<std::string>& errors, FolderListings* listings,
                                      bool folders_listed) {
  sqitch_plans().clear();
  std::optional<FolderListings> own_listings;
  if (!listings) listings = &own_listings.emplace();
  std::vector<InputFile> out;
  std::set<std::string> visited;  // directories read, by real path: each once per run
  // A named *.sql file whose folder the run lists anyway (`folders_listed`:
  // the history lists the folder of every named file) is told a regular
  // file, or a directory, by that folder's listing, made here: most of a
  // stat is the kernel's walk of the path, and a listing gives the type of
  // every entry of a folder at once (a pre-commit or CI run names thousands
  // of files, most of them a few folders'). The listing's type, or 0 when a
  // stat asks (no listing, an entry it does not show, or a link or an entry
  // of unknown type, which a stat follows or tells).
  std::vector<unsigned char> listed(paths.size(), 0);
  if (folders_listed) {
    std::vector<std::string> folders;  // in order of first appearance
    std::vector<size_t> folder_of(paths.size(), SIZE_MAX);
    std::unordered_map<std::string_view, size_t> index;
    for (size_t i = 0; i < paths.size(); ++i) {
      const std::string& p = paths[i];
      if (p == "-" || !plain_file_path(p)) continue;
      const std::string_view folder = parent_text(p);
      if (!is_sql_text(std::string_view(p).substr(folder.empty() ? 0 : folder.size() + 1))) continue;
      const auto [it, added] = index.try_emplace(folder, folders.size());
      if (added) folders.emplace_back(folder);
      folder_of[i] = it->second;
    }
    on_threads(folders.size(), std::min<size_t>({usable_cores(), folders.size() / 32 + 1, 8}),
               [&](size_t k) { listings->list(folders[k]); });
    for (size_t i = 0; i < paths.size(); ++i) {
      if (folder_of[i] == SIZE_MAX) continue;
      const std::string& folder = folders[folder_of[i]];
      const auto e =
          listings->find(folder, std::string_view(paths[i]).substr(folder.empty() ? 0 : folder.size() + 1));
      if (e.listed && e.present && (e.type == DT_REG || e.type == DT_DIR)) listed[i] = e.type;
    }
  }
  // stat(2) as fs::status() calls it, keeping the size of a regular file
  // (the run sizes its windows by it; without it, by the file's text once
  // read). The rest are asked on every core, and what they say is taken in
  // the order named.
  struct Status {
    struct stat st {};
    int failed = 0;  // errno
  };
  std::vector<Status> status(paths.size());
  for (size_t i = 0; i < paths.size(); ++i)
    if (listed[i] != 0) status[i].st.st_mode = listed[i] == DT_DIR ? S_IFDIR : S_IFREG;
  auto ask = [&](size_t i) {
    if (paths[i] != "-" && listed[i] == 0)
      status[i].failed = ::stat(paths[i].c_str(), &status[i].st) != 0 ? errno : 0;
  };
  on_threads(paths.size(), std::min<size_t>({usable_cores(), paths.size() / 512 + 1, 8}), ask);
  for (size_t i = 0; i < paths.size(); ++i) {
    const std::string& p = paths[i];
    if (p == "-") {
      out.push_back({stdin_name.empty() ? "<stdin>" : stdin_name, "", true});
      continue;
    }
    const struct stat& st = status[i].st;
    const int failed = status[i].failed;
    if (failed != 0 && failed != ENOENT) {
      // e.g. a file under a directory that cannot be searched
      errors.push_back(p + ": " + std::make_error_code(static_cast<std::errc>(failed)).message());
      continue;
    }
    if (failed != 0) {
      std::error_code lec;
      errors.push_back(p + (fs::is_symlink(fs::symlink_status(p, lec)) ? ": dangling symbolic link"
                                                                       : ": no such file or directory"));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      std::vector<std::string> found;
      std::vector<fs::path> links;
      walk(p, nullptr, visited, links, found, errors, *listings);
      for (size_t i = 0; i < links.size(); ++i) {  // links found on the way queue more
        std::vector<fs::path> more;
        walk(links[i], nullptr, visited, more, found, errors, *listings);
        std::sort(more.begin(), more.end());
        links.insert(links.end(), more.begin(), more.end());
      }
      sort_migrations(found);
      for (auto& f : found) out.push_back({f, f, false});
    } else {
      out.push_back({p, p, false, true});
      if (S_ISREG(st.st_mode) && listed[i] == 0) out.back().size = static_cast<uint64_t>(st.st_size);
    }
  }
  return out;
}

namespace {
// Appends the components of `path` that are neither empty nor ".", each
// after a '/' (".." kept). One memchr per component, into room reserved by
// the caller.
void append_parts(std::string& out, std::string_view path) {
  size_t at = 0;
  while (at < path.size()) {
    const void* slash = std::memchr(path.data() + at, '/', path.size() - at);
    const size_t end =
        slash ? static_cast<size_t>(static_cast<const char*>(slash) - path.data()) : path.size();
    const size_t len = end - at;
    if (len != 0 && (len != 1 || path[at] != '.')) {
      out += '/';
      out.append(path.data() + at, len);
    }
    at = end + 1;
  }
}

// `path` without "." components and repeated or trailing separators (".."
// kept): the same file for the kernel.
std::string without_dots(std::string_view path) {
  std::string out;
  out.reserve(path.size() + 1);
  append_parts(out, path);
  if (out.empty()) return path.starts_with('/') ? "/" : ".";
  if (!path.starts_with('/')) out.erase(0, 1);  // relative: no leading separator
  return out;
}

// without_dots(path) == path: no empty or "." component (a leading '/'
// aside) and no trailing separator ("/" aside).
bool dotless(std::string_view path) {
  if (path.size() <= 1) return !path.empty() && path[0] != '.';
  size_t at = path.front() == '/' ? 1 : 0;
  while (true) {
    const void* slash = std::memchr(path.data() + at, '/', path.size() - at);
    const size_t end =
        slash ? static_cast<size_t>(static_cast<const char*>(slash) - path.data()) : path.size();
    if (end == at || (end == at + 1 && path[at] == '.')) return false;
    if (end == path.size()) return true;
    at = end + 1;
  }
}
}  // namespace

FolderListings::FolderListings() {
  std::error_code ec;
  cwd_ = fs::current_path(ec).string();
}

std::string FolderListings::key(std::string_view dir) const {
  if (!dir.empty() && dir.front() == '/') return without_dots(dir);
  // Without a working directory (it was removed), relative folders are keyed
  // apart from absolute ones.
  if (cwd_.empty()) return "./" + without_dots(dir);
  // without_dots(cwd_ + '/' + dir), built once.
  std::string abs;
  abs.reserve(cwd_.size() + dir.size() + 2);
  append_parts(abs, cwd_);
  append_parts(abs, dir);
  if (abs.empty()) abs = "/";
  return abs;
}

std::string_view FolderListings::key_of(std::string_view dir, std::string& storage) const {
  if (!dir.empty() && dir.front() == '/' && dotless(dir)) return dir;
  storage = key(dir);
  return storage;
}

const FolderListings::Listing& FolderListings::list(const std::string& dir) {
  std::string storage;
  const std::string_view k = key_of(dir, storage);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = listed_.find(k); it != listed_.end()) return *it->second;
  }
  // Listed without the lock (add_history lists folders on several threads);
  // the entries as readdir gives them (getdents64, deleted entries skipped),
  // read into a buffer on the stack: opendir's and closedir's allocation of
  // a 32 KB buffer cost more than listing a small folder. The type of each
  // entry as the listing gives it.
  auto listing = std::make_unique<Listing>();
  auto& names = listing->names;
  auto& types = listing->types;
  // An entry of the listing, unless it is "." or "..".
  auto add = [&](const char* n, unsigned char type) {
    if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) return;
    names.emplace_back(n);
    types.push_back(type);
  };
#if defined(__linux__)
  // opendir's flags (O_NONBLOCK: never wait on a FIFO named as a folder).
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_NONBLOCK | O_DIRECTORY | O_CLOEXEC);
  listing->read = fd >= 0;
  if (fd >= 0) {
    alignas(dirent64) char buffer[8192];
    ssize_t got = 0;
    while ((got = ::getdents64(fd, buffer, sizeof buffer)) > 0) {
      for (ssize_t at = 0; at < got;) {
        const auto* e = reinterpret_cast<const dirent64*>(buffer + at);
        at += e->d_reclen;
        if (e->d_ino != 0) add(e->d_name, e->d_type);
      }
    }
    ::close(fd);
  }
#else
  // Elsewhere (no getdents64): opendir and readdir.
  if (DIR* d = ::opendir(dir.empty() ? "." : dir.c_str())) {
    listing->read = true;
    while (const dirent* e = ::readdir(d)) add(e->d_name, e->d_type);
    ::closedir(d);
  }
#endif
  if (listing->read) {
    // Sorted in place (a folder of 100,000 migrations holds its names once):
    // sorted[i] is the listing's by[i]-th, and order[] maps back.
    const size_t count = names.size();
    std::vector<uint32_t> by(count);
    for (size_t i = 0; i < count; ++i) by[i] = static_cast<uint32_t>(i);
    std::sort(by.begin(), by.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
    listing->order.resize(count);
    for (size_t i = 0; i < count; ++i) listing->order[by[i]] = static_cast<uint32_t>(i);
    std::vector<bool> placed(count);
    for (size_t i = 0; i < count; ++i) {  // each cycle of the permutation
      if (placed[i]) continue;
      std::string name = std::move(names[i]);
      const unsigned char type = types[i];
      for (size_t j = i;;) {
        placed[j] = true;
        const size_t from = by[j];
        if (from == i) {
          names[j] = std::move(name);
          types[j] = type;
          break;
        }
        names[j] = std::move(names[from]);
        types[j] = types[from];
        j = from;
      }
    }
  } else {
    listing->error = errno;
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  return *listed_.try_emplace(std::string(k), std::move(listing)).first->second;
}

FolderListings::Entry FolderListings::find(const std::string& dir, std::string_view name) const {
  const size_t slash = name.find('/');
  const bool nested = slash != std::string_view::npos;
  name = name.substr(0, slash);
  std::string storage;
  const std::string_view k = key_of(dir, storage);
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto it = listed_.find(k);
  Entry out;
  if (it == listed_.end() || !it->second->read) return out;
  out.listed = true;
  const auto& names = it->second->names;
  const auto at = std::lower_bound(names.begin(), names.end(), name,
                                   [](std::string_view a, std::string_view b) { return a < b; });
  out.present = at != names.end() && *at == name;
  // Of a/b, the listing tells only whether `a` is there.
  if (out.present && !nested) out.type = it->second->types[static_cast<size_t>(at - names.begin())];
  return out;
}

namespace {
// path(p).parent_path().generic_string() for a path with no empty component
// and no trailing separator (a file's name).
std::string_view parent_text(std::string_view path) {
  const auto* slash = static_cast<const char*>(::memrchr(path.data(), '/', path.size()));
  if (slash == nullptr) return {};
  const size_t at = static_cast<size_t>(slash - path.data());
  return at == 0 ? path.substr(0, 1) : path.substr(0, at);
}
// Where the next '/' at or after `at` is (path.size() when none).
size_t next_slash(std::string_view path, size_t at) {
  const void* slash = std::memchr(path.data() + at, '/', path.size() - at);
  return slash ? static_cast<size_t>(static_cast<const char*>(slash) - path.data()) : path.size();
}
bool plain_file_path(std::string_view path) {
  if (path.empty() || path.back() == '/') return false;
  // No "//": one memchr per component (string_view::find("//") compares at every '/').
  for (size_t at = 0; at < path.size();) {
    const size_t slash = next_slash(path, at);
    if (slash + 1 < path.size() && path[slash + 1] == '/') return false;
    at = slash + 1;
  }
  return true;
}
// A folder's normal form that a file name can be appended to as it is: it
// ends with a '/' and has no empty, "." or ".." component (which could take
// the name elsewhere, or stand for "no folder").
bool joins_name(std::string_view base) {
  if (!base.ends_with('/')) return false;
  base.remove_suffix(1);
  if (base.starts_with('/')) base.remove_prefix(1);
  if (base.empty()) return true;  // "/"
  for (size_t at = 0;;) {
    const size_t end = next_slash(base, at);
    const std::string_view part = base.substr(at, end - at);
    if (part.empty() || part == "." || part == "..") return false;
    if (end == base.size()) return true;
    at = end + 1;
  }
}
}  // namespace

std::string migration_folder(const std::string& path) {
  if (plain_file_path(path)) {
    const std::string_view dir = parent_text(path);
    const std::string_view name = std::string_view(path).substr(dir.empty() ? 0 : path.rfind('/') + 1);
    if (name == "up.sql" || name == "down.sql" || name == "migration.sql")
      return std::string(parent_text(dir));
    return std::string(dir);
  }
  const fs::path p(path);
  const std::string name = p.filename().string();
  fs::path dir = p.parent_path();
  if (name == "up.sql" || name == "down.sql" || name == "migration.sql") dir = dir.parent_path();
  return dir.generic_string();
}

namespace {
// The order of a directory walk (migration order), whatever way a path is spelled.
std::string order_key(const std::string& path) { return ordering_key(lexically_normal(path)); }
}  // namespace

std::vector<InputFile> add_history(std::vector<InputFile> inputs, std::vector<HistoryRead>& read,
                                   FolderListings* listings) {
  sqitch_plans().clear();
  std::optional<FolderListings> own_listings;
  if (!listings) listings = &own_listings.emplace();
  // Every input file, as an absolute lexically normal path (no symbolic link
  // resolved: that costs a readlink per path component of every input).
  std::error_code cwd_error;
  std::string cwd = fs::current_path(cwd_error).string();
  if (!cwd.empty() && !cwd.ends_with('/')) cwd += '/';
  auto same_file_key = [&](const std::string& path) {
    return lexically_normal(path.starts_with('/') ? path : cwd + path);
  };
  // Each input's keys are computed once, on every core (a pre-commit run
  // names thousands): the file's, and a named file's folder (as spelled and
  // in its normal form), its order key and whether its folder is not its
  // parent (DIR/up.sql).
  std::vector<std::string> file_key(inputs.size());
  std::vector<std::string> folder_spelled(inputs.size());
  std::vector<std::string> folder_of(inputs.size());
  std::vector<std::string> order_of(inputs.size());
  std::vector<char> below_folder(inputs.size(), 0);
  // Consecutive inputs of one folder (a shell's glob, a walk) share what
  // depends on their folder: each thread takes runs of inputs, and a name
  // whose text up to its last '/' is the previous one's gets its keys from
  // the folder's (the folder's normal form and the name), computed once.
  struct FolderText {
    bool set = false;
    std::string prefix;            // the text up to the last '/', with it ("" for none)
    std::string key_base;          // same_file_key(prefix) when a name joins it as it is, else empty
    std::string order_base;        // lexically_normal(prefix) likewise (prefix not empty), else empty
    bool order_by_folder = false;  // the folder's part of the order key is order_folder's
    std::string order_folder;      // migration_order_folder_key(order_base)
    bool have_folder = false;
    std::string spelled;  // migration_folder() of a name that is not up.sql, down.sql or migration.sql
    std::string normal;   // its lexically_normal()
  };
  auto keys_of = [&](size_t i, FolderText& ft) {
    const auto& in = inputs[i];
    if (in.is_stdin) return;
    const std::string& path = in.fs_path;
    const auto* slash = static_cast<const char*>(::memrchr(path.data(), '/', path.size()));
    const size_t cut = slash ? static_cast<size_t>(slash - path.data()) + 1 : 0;
    const std::string_view name = std::string_view(path).substr(cut);
    // A file's name joins its folder's normal form as it is.
    const bool plain_name = !name.empty() && name != "." && name != "..";
    if (plain_name && (!ft.set || std::string_view(ft.prefix) != std::string_view(path).substr(0, cut))) {
      ft.set = true;
      ft.prefix.assign(path, 0, cut);
      // The prefix ends with its '/' (the working directory with one): the
      // normal form of the folder without it, and the '/' (a text ending
      // with '/' takes std::filesystem's route).
      const std::string base = ft.prefix.starts_with('/') ? ft.prefix : cwd + ft.prefix;
      ft.key_base.clear();
      if (!base.empty()) {
        ft.key_base = lexically_normal(std::string_view(base).substr(0, base.size() - 1)) + '/';
        if (!ft.key_base.starts_with('/') || !joins_name(ft.key_base)) ft.key_base.clear();
      }
      ft.order_base.clear();
      if (cut != 0) {
        ft.order_base = lexically_normal(std::string_view(ft.prefix).substr(0, cut - 1)) + '/';
        if (!joins_name(ft.order_base)) ft.order_base.clear();
      }
      // ordering_key() of a name in a folder other than sqitch's deploy/,
      // revert/ and verify/ is migration_order_key(): its folder's part once.
      const std::string a_name = ft.order_base + "x";
      const std::string_view parent = parent_folder_name(a_name);
      ft.order_by_folder = (cut == 0 || !ft.order_base.empty()) && parent != "deploy" && parent != "revert" &&
                           parent != "verify";
      if (ft.order_by_folder) ft.order_folder = analysis::migration_order_folder_key(ft.order_base);
      ft.have_folder = false;
    }
    const bool cached = plain_name && ft.set;
    file_key[i] = cached && !ft.key_base.empty() ? ft.key_base + std::string(name) : same_file_key(path);
    if (!in.named) return;
    if (cached && ft.order_by_folder) {
      std::string& key = order_of[i];
      key.reserve(ft.order_folder.size() + name.size() + 16);
      key = ft.order_folder;
      analysis::append_migration_order_name_key(key, name);
    } else if (cached && (cut == 0 || !ft.order_base.empty())) {
      order_of[i] = ordering_key(ft.order_base + std::string(name));
    } else {
      order_of[i] = order_key(path);
    }
    if (cached && name != "up.sql" && name != "down.sql" && name != "migration.sql") {
      // The folder is the parent (below_folder stays 0), the same for every such name.
      if (!ft.have_folder) {
        ft.spelled = migration_folder(path);
        ft.normal = lexically_normal(ft.spelled);
        ft.have_folder = true;
      }
      folder_spelled[i] = ft.spelled;
      folder_of[i] = ft.normal;
      return;
    }
    folder_spelled[i] = migration_folder(path);
    folder_of[i] = lexically_normal(folder_spelled[i]);
    const std::string parent = plain_file_path(path) ? std::string(parent_text(path))
                                                     : fs::path(path).parent_path().generic_string();
    below_folder[i] = folder_spelled[i] != parent ? 1 : 0;
  };
  constexpr size_t kRun = 64;
  const size_t runs = (inputs.size() + kRun - 1) / kRun;
  on_threads(runs, std::min<size_t>({usable_cores(), inputs.size() / 512 + 1, 8}), [&](size_t r) {
    FolderText ft;
    for (size_t i = r * kRun; i < std::min(inputs.size(), (r + 1) * kRun); ++i) keys_of(i, ft);
  });
  std::unordered_set<std::string> given;
  given.reserve(inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!inputs[i].is_stdin) given.insert(std::move(file_key[i]));
  // Folders of named files, in order of first appearance, with the last named file of each.
  // Folders are keyed by their normal form (`./db` is `db`) and walked as first spelled.
  std::vector<std::string> folders;
  // (Keyed by hash: the folders of a run share long prefixes, which every
  // comparison of an ordered map reads again.)
  std::unordered_map<std::string, std::string> spelled;
  std::unordered_map<std::string, size_t> last;         // folder -> index of its last named file
  std::unordered_map<std::string, bool> per_directory;  // DIR/up.sql layouts: one level of subdirectories
  bool reorder = false;                                 // a folder has several named files
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto& in = inputs[i];
    if (!in.named || in.is_stdin) continue;
    const std::string& key = folder_of[i];
    auto [it, added] = last.try_emplace(key, i);
    reorder = reorder || !added;
    if (added) {
      folders.push_back(key);
      spelled[key] = folder_spelled[i];
    } else if (order_of[i] > order_of[it->second]) {
      it->second = i;
    }
    if (below_folder[i] != 0) per_directory[key] = true;
  }
  std::unordered_map<std::string, std::vector<InputFile>> earlier;
  earlier.reserve(folders.size());
  for (const auto& key : folders) earlier[key];  // filled on several threads below (no insertion)
  auto walk_folder = [&](const std::string& key) {
    const std::string& folder = spelled.at(key);
    // The folder's own *.sql files, and with one directory per migration
    // those of its subdirectories: never deeper (an editor may open a stray
    // file in a home directory).
    std::vector<std::string> found;
    const std::string root = folder.empty() ? std::string(".") : folder;
    // The type an entry's listing gives, following a symbolic link (or
    // asking, when the listing gives none) as std::filesystem does.
    auto type_of = [](const std::string& path, unsigned char listed) {
      if (listed == DT_REG) return fs::file_type::regular;
      if (listed == DT_DIR) return fs::file_type::directory;
      if (listed != DT_LNK && listed != DT_UNKNOWN) return fs::file_type::unknown;  // a FIFO, a socket ...
      std::error_code sec;
      return fs::status(path, sec).type();
    };
    // Paths as text, joined as path's operator/ joins a file name.
    auto join = [](const std::string& dir, const std::string& name) {
      if (dir.empty()) return name;
      return dir.back() == '/' ? dir + name : dir + '/' + name;
    };
    // same_file_key() of each file found, when its folder's normal form
    // takes its name as it is (empty otherwise): computed once per folder.
    std::vector<std::string> found_key;
    auto key_base = [&](const std::string& dir) {
      if (folder.empty()) return std::string();  // the files are shown relative to "."
      std::string base = lexically_normal(dir.starts_with('/') ? dir : cwd + dir) + '/';
      if (!base.starts_with('/') || !joins_name(base)) base.clear();
      return base;
    };
    auto add = [&](std::string path, const std::string& base, const std::string& name) {
      found.push_back(std::move(path));
      found_key.push_back(base.empty() ? std::string() : base + name);
    };
    auto list = [&](const std::string& dir, bool subdirs) {
      const auto& listing = listings->list(dir);
      const std::string base = key_base(dir);
      for (size_t i = 0; i < listing.names.size(); ++i) {
        const std::string& name = listing.names[i];
        const bool sql = is_sql_text(name);
        if (!sql && !(subdirs && name[0] != '.')) continue;
        std::string path = join(dir, name);
        if (subdirs && name[0] != '.' && type_of(path, listing.types[i]) == fs::file_type::directory) {
          const auto& inner = listings->list(path);
          std::string inner_base;
          bool have_base = false;
          for (size_t j = 0; j < inner.names.size(); ++j) {
            if (!is_sql_text(inner.names[j])) continue;
            std::string in = join(path, inner.names[j]);
            if (type_of(in, inner.types[j]) != fs::file_type::regular) continue;
            if (!have_base) {
              inner_base = key_base(path);
              have_base = true;
            }
            add(std::move(in), inner_base, inner.names[j]);
          }
        } else if (sql && type_of(path, listing.types[i]) == fs::file_type::regular) {
          add(std::move(path), base, name);
        }
      }
    };
    list(root, per_directory.count(key) > 0);
    // `./a.sql` from a walk of "." is `a.sql` as the user names it.
    auto shown_of = [&](const std::string& f) {
      return folder.empty() ? fs::path(f).lexically_relative(".").generic_string() : f;
    };
    // The files before the last named one that are not named themselves, in
    // migration order (filtered first: a run naming every file of its
    // folders sorts nothing).
    const std::string& until = order_of[last.at(key)];
    std::vector<std::string> history;
    for (size_t k = 0; k < found.size(); ++k) {
      std::string& f = found[k];
      if (!found_key[k].empty() ? given.count(found_key[k]) > 0 : given.count(same_file_key(shown_of(f))) > 0)
        continue;
      if (order_key(shown_of(f)) >= until) continue;
      history.push_back(std::move(f));
    }
    sort_migrations(history);
    auto& files = earlier.at(key);
    for (const auto& f : history) {
      const std::string shown = shown_of(f);
      files.push_back({shown, shown, false, false, true});
    }
  };
  // Listing a folder is mostly the kernel's path walk: a pre-commit run
  // naming a thousand folders' files lists them on every core.
  on_threads(folders.size(), std::min<size_t>({usable_cores(), folders.size() / 32 + 1, 8}),
             [&](size_t i) { walk_folder(folders[i]); });
  for (const auto& key : folders) {
    const auto& files = earlier.at(key);
    const std::string& folder = spelled.at(key);
    if (!files.empty()) read.push_back({folder.empty() ? "." : folder, files.size()});
  }
  if (read.empty() && !reorder) return inputs;
  // The named files and their history in migration order (as a walk of their
  // folders would give them), where the first named file was: the order they
  // were named in does not matter.
  std::vector<std::pair<std::string, InputFile>> block;
  for (const auto& key : folders)
    for (auto& h : earlier[key]) {
      std::string k = order_key(h.fs_path);
      block.emplace_back(std::move(k), std::move(h));
    }
  std::vector<InputFile> out;
  out.reserve(inputs.size() + block.size());
  size_t block_at = inputs.size();  // where the first named file was, in `out`
  for (size_t i = 0; i < inputs.size(); ++i) {
    auto& in = inputs[i];
    if (!in.named || in.is_stdin) {
      out.push_back(std::move(in));
      continue;
    }
    if (block_at == inputs.size()) block_at = out.size();
    block.emplace_back(std::move(order_of[i]), std::move(in));
  }
  // Named in migration order (a shell's glob, a walk's order) they are
  // sorted already: checked in one pass, the sort is skipped.
  const auto by_key = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(block.begin(), block.end(), by_key))
    std::stable_sort(block.begin(), block.end(), by_key);
  std::vector<InputFile> sorted;
  sorted.reserve(block.size());
  for (auto& b : block) sorted.push_back(std::move(b.second));
  out.insert(out.begin() + static_cast<std::ptrdiff_t>(std::min(block_at, out.size())),
             std::make_move_iterator(sorted.begin()), std::make_move_iterator(sorted.end()));
  return out;
}

bool read_file(const std::string& path, std::string& bytes, std::string& error, std::optional<uint64_t> size,
               std::shared_ptr<const MappedFile>* mapped, uint64_t map_from) {
  // open, fstat (unless the caller knows the size), one read into a buffer
  // of the file's size and one byte more (a regular file is at its end when
  // a read returns less than asked; one that grew since its size was taken
  // is read on), close.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  bool sized = size.has_value();
  if (!sized) {
    struct stat st {};
    sized = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
    if (sized) size = static_cast<uint64_t>(st.st_size);
  }
  bytes.clear();
  // A large file is mapped at its size now (the caller's may be older).
  struct stat now {};
  if (mapped != nullptr && sized && *size >= map_from && ::fstat(fd, &now) == 0 && S_ISREG(now.st_mode) &&
      static_cast<uint64_t>(now.st_size) >= map_from) {
    *mapped = MappedFile::map(fd, static_cast<size_t>(now.st_size));
    if (*mapped) {
      ::close(fd);
      return true;
    }
  }
  size_t want = sized ? static_cast<size_t>(*size) + 1 : size_t{1} << 16;
  bool failed = false;
  while (true) {
    const size_t at = bytes.size();
    bytes.resize(at + want);
    const ssize_t n = ::read(fd, bytes.data() + at, want);
    if (n < 0) {
      if (errno == EINTR) {
        bytes.resize(at);
        continue;
      }
      bytes.resize(at);
      failed = true;
      break;
    }
    bytes.resize(at + static_cast<size_t>(n));
    if (n == 0 || (sized && static_cast<size_t>(n) < want)) break;
    want = size_t{1} << 16;
  }
  ::close(fd);
  if (failed) {
    error = path + ": read error";
    return false;
  }
  return true;
}

std::string read_stdin() {
  std::ios::sync_with_stdio(false);
  return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

std::string normal_path(const std::string& path) {
  // Resolves symbolic links where the path exists, as git reports real paths.
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(path, ec);
  if (!ec) return canonical.lexically_normal().string();
  const fs::path abs = fs::absolute(path, ec);
  return (ec ? fs::path(path) : abs).lexically_normal().string();
}

namespace {

// Runs a git command (arguments already validated: no shell metacharacters)
// and returns its stdout; false when it exits non-zero.
bool git(const std::string& args, std::string& out) {
  out.clear();
  FILE* p = popen(("git " + args + " 2>/dev/null").c_str(), "r");
  if (!p) return false;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  return pclose(p) == 0;
}

// A shell word in single quotes.
std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// A ref as users write them (origin/main, HEAD~3, v1.2.0, a sha, @{u}).
bool plausible_ref(const std::string& ref) {
  if (ref.empty() || ref[0] == '-') return false;
  return std::all_of(ref.begin(), ref.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '/' || c == '.' || c == '_' || c == '-' || c == '~' || c == '^' ||
           c == '@' || c == '{' || c == '}';
  });
}

void add_nul_separated(const std::string& list, const fs::path& top, std::set<std::string>& out) {
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find('\0', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.insert(normal_path((top / list.substr(start, end - start)).string()));
    start = end + 1;
  }
}

}  // namespace

bool changed_since(const std::string& ref, std::set<std::string>& out, std::string& error) {
  if (!plausible_ref(ref)) {
    error = "--changed-since: `" + ref + "` is not a git ref";
    return false;
  }
  std::string top;
  if (!git("rev-parse --show-toplevel", top)) {
    error = "--changed-since needs a git repository (and git on PATH)";
    return false;
  }
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
  std::string base;
  if (!git("merge-base " + quote(ref) + " HEAD", base)) {
    error = "--changed-since: git knows no common history of `" + ref + "` and HEAD";
    return false;
  }
  while (!base.empty() && (base.back() == '\n' || base.back() == '\r')) base.pop_back();
  std::string list;
  // The merge base against the working tree: commits, staged and unstaged changes.
  if (!git("-C " + quote(top) + " diff --name-only -z --no-renames --diff-filter=ACMRT " + quote(base),
           list)) {
    error = "--changed-since: git diff failed";
    return false;
  }
  add_nul_separated(list, top, out);
  if (!git("-C " + quote(top) + " ls-files --others --exclude-standard -z", list)) {
    error = "--changed-since: git ls-files failed";
    return false;
  }
  add_nul_separated(list, top, out);
  return true;
}

}  // namespace ddlint::driver
