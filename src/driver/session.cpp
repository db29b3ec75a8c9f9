#include "driver/session.h"

#include <dirent.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <unordered_map>

#include "analysis/change_set.h"
#include "analysis/down_migration.h"
#include "analysis/runner.h"
#include "analysis/schema_model.h"
#include "analysis/suppressions.h"
#include "core/huge_pages.h"
#include "core/path_text.h"
#include "core/stack.h"
#include "driver/inputs.h"
#include "driver/work_pool.h"
#include "engine/fixes.h"
#include "parser/detect.h"
#include "parser/parser.h"
#include "rules/registry.h"

namespace ddlint::driver {

namespace fs = std::filesystem;

std::vector<engine::FileResult> Collect::results() const {
  std::vector<engine::FileResult> out;
  out.reserve(files.size());
  for (const auto& f : files) out.push_back(f.result);
  return out;
}

bool Collect::has(Problem::Kind kind) const {
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) { return p.kind == kind; });
}

namespace {

// The executable comments the MySQL front-end runs are the target server's.
parser::ParseOptions parse_options(const analysis::MySqlTarget& t) {
  const int patch = std::min(t.patch, 99);
  return {static_cast<uint32_t>(t.major * 10000 + t.minor * 100 + patch), t.mariadb()};
}
parser::ParseOptions parse_options(const analysis::Settings& s) { return parse_options(s.mysql); }

// Keeps `left` until the process exits (Options::exit_after): never freed,
// and reachable from a list that is never freed either, so a leak checker
// does not take it for lost.
void leave_for_exit(std::shared_ptr<void> left) {
  static auto* const kept = new std::pair<std::mutex, std::vector<std::shared_ptr<void>>>();
  const std::lock_guard<std::mutex> lock(kept->first);
  kept->second.push_back(std::move(left));
}

}  // namespace

class ParseCache {
 public:
  std::shared_ptr<const ir::ParsedFile> parse(const std::string& key, const SourceFile& source,
                                              const parser::ParseOptions& options) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      const auto it = entries_.find(key);
      if (it != entries_.end() && it->second.dialect == source.dialect() &&
          it->second.options.mysql_version_id == options.mysql_version_id &&
          it->second.options.mariadb == options.mariadb && it->second.text == source.text())
        return it->second.parsed;
    }
    auto parsed = std::make_shared<const ir::ParsedFile>(parser::parse(source, options));
    if (parsed->partial) return parsed;  // only for the caller's question
    const std::lock_guard<std::mutex> lock(mutex_);
    entries_[key] = {std::string(source.text()), source.dialect(), options, parsed};
    return parsed;
  }

 private:
  struct Entry {
    std::string text;
    Dialect dialect;
    parser::ParseOptions options;
    std::shared_ptr<const ir::ParsedFile> parsed;
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

std::shared_ptr<ParseCache> make_parse_cache() { return std::make_shared<ParseCache>(); }

ParsedSource parse_source(std::string path, std::string bytes, Dialect dialect,
                          const analysis::MySqlTarget* mysql) {
  ParsedSource out;
  out.source = std::make_shared<const SourceFile>(std::move(path), std::move(bytes), dialect);
  out.parsed = parser::parse(*out.source, mysql ? parse_options(*mysql) : parser::ParseOptions{});
  return out;
}

AnalysedSource analyse_source(std::string path, std::string bytes, const analysis::Settings& settings) {
  AnalysedSource out;
  out.file = parse_source(std::move(path), std::move(bytes), settings.dialect, &settings.mysql);
  const SourceFile& src = *out.file.source;
  out.facts = std::make_unique<analysis::MigrationFacts>(
      out.file.parsed, settings,
      analysis::plan_runner(src.path(), src.text(), out.file.parsed.comments, settings.runner,
                            settings.runner_layout));
  return out;
}

void shutdown() { parser::shutdown(); }

Session::Session(Options options, const engine::Catalog& catalog)
    : options_(std::move(options)), catalog_(catalog), listings_(options_.listings) {
  if (!listings_) listings_ = std::make_shared<FolderListings>();
  if (options_.config_file) explicit_config_ = engine::load_config(*options_.config_file, catalog_);
}

const engine::Config* Session::config_for(const Input& in, Sink& sink) {
  if (explicit_config_) return &*explicit_config_;
  const std::string& name = in.fs_path.empty() ? options_.stdin_filename : in.fs_path;
  // A file whose name differs from the previous one's only after the last
  // '/' is in its folder: the folder's answer, without working out the
  // folder's text.
  const std::string& path = in.fs_path;
  const auto* slash = static_cast<const char*>(::memrchr(path.data(), '/', path.size()));
  const size_t cut = slash ? static_cast<size_t>(slash - path.data()) + 1 : 0;
  if (last_config_found_ != nullptr && !path.empty() && cut == last_config_prefix_.size() &&
      cut < path.size() && path.compare(0, cut, last_config_prefix_) == 0)
    return config_found(*last_config_found_, sink);
  // Files of one directory share the answer: look each directory up once
  // (a start without a file, e.g. stdin's working directory, is keyed apart).
  // A file's folder is found from its name's text (no path object per input).
  std::optional<fs::path> stdin_start;
  if (in.fs_path.empty()) stdin_start = name.empty() ? fs::current_path() : fs::path(name);
  const std::string dir = stdin_start ? "-\n" + stdin_start->string() : parent_path_text(in.fs_path);
  auto cached = found_in_dir_.find(dir);
  auto may_hold = [this](const std::string& d) { return listings_->may_hold(d, ".ddlint.toml"); };
  if (cached == found_in_dir_.end() && !stdin_start && !listings_->cwd().empty()) {
    // A file's folder, absolute, as text: `cwd / name`'s parent_path()
    // (no path object per folder of a run over thousands).
    const std::string& cwd = listings_->cwd();
    const std::string folder = parent_path_text(name.starts_with('/') ? name
                                                : cwd.ends_with('/')  ? cwd + name
                                                                      : cwd + '/' + name);
    listings_->list(folder);
    cached =
        found_in_dir_.emplace(dir, engine::find_config_from_folder(folder, config_search_, may_hold)).first;
  }
  if (cached == found_in_dir_.end()) {
    const fs::path start = stdin_start ? *stdin_start : fs::path(name);
    // An input's path is a file's (collect_inputs walks folders): the search
    // starts in its folder, which the run lists anyway (its runner layout),
    // and the working directory is read once per run.
    const bool file = !in.fs_path.empty();
    fs::path from = start;
    if (!from.is_absolute() && !listings_->cwd().empty()) from = fs::path(listings_->cwd()) / from;
    if (file) listings_->list(from.parent_path().string());
    cached = found_in_dir_.emplace(dir, engine::find_config(from, config_search_, file, may_hold)).first;
  }
  // Only a name without an empty component (no "//") or trailing '/' has its
  // folder's text before its last '/' for every name after that '/'.
  if (!path.empty() && path.back() != '/' && path.find("//") == std::string::npos) {
    last_config_prefix_.assign(path, 0, cut);
    last_config_found_ = &cached->second;
  } else {
    last_config_found_ = nullptr;
  }
  return config_found(cached->second, sink);
}

const engine::Config* Session::config_found(const std::optional<fs::path>& found, Sink& sink) {
  if (!found) return nullptr;
  const std::string key = found->string();
  auto it = configs_.find(key);
  if (it == configs_.end()) {
    std::optional<engine::Config> loaded;
    try {
      loaded = engine::load_config(*found, catalog_);
    } catch (const engine::ConfigError& e) {
      sink.problem({Problem::Kind::Config, e.what()});
    }
    it = configs_.emplace(key, std::move(loaded)).first;
  }
  return it->second ? &*it->second : nullptr;
}

engine::Effective Session::effective_for(const Input& input, Sink& sink) {
  return engine::effective(catalog_, config_for(input, sink), options_.cli, config_path_of(input));
}

bool Session::configs_readable(const std::vector<Input>& inputs, Sink& sink) {
  struct Watch : Sink {
    explicit Watch(Sink& s) : inner(s) {}
    void file(FileOutcome&& f) override { inner.file(std::move(f)); }
    void problem(const Problem& p) override {
      broken = broken || p.kind == Problem::Kind::Config;
      inner.problem(p);
    }
    Sink& inner;
    bool broken = false;
  } watch(sink);
  for (const auto& in : inputs) config_for(in, watch);
  return !watch.broken;
}

fs::path Session::config_path_of(const Input& in) const {
  return in.fs_path.empty() ? fs::path(options_.stdin_filename) : fs::path(in.fs_path);
}

std::vector<std::string> Session::enabled_rules() const {
  if (!linted_any_) {
    const auto eff =
        engine::effective(catalog_, explicit_config_ ? &*explicit_config_ : nullptr, options_.cli);
    std::vector<std::string> out;
    for (const auto& [id, sev] : *eff.enabled) out.push_back(id);
    return out;
  }
  return {enabled_.begin(), enabled_.end()};
}

namespace {

// One input on its way through the run.
struct Job {
  std::shared_ptr<const SourceFile> source;
  engine::Effective eff;
  // The file's config (for a dialect read from the text), matched as config_path_of(*in).
  const engine::Config* config = nullptr;
  std::string display_path;  // until the parse phase makes `source`
  std::string bytes;
  std::shared_ptr<const MappedFile> mapped;  // instead of `bytes`: a large file read by the parse task
  parser::DialectGuess guess;                // when no configuration names the dialect
  bool guess_only = false;                   // the dialect was read from the text
  std::string folder_vote;                   // why the folder vote chose its dialect ("" when it did not)
  std::string fs_path;                       // empty for stdin / a buffer
  bool is_stdin = false;
  const Input* in = nullptr;
  bool read_later = false;  // `bytes` is read by the parse task (a worker), not yet
  std::string read_error;   // reading it there failed: reported, not linted
  std::string snapshot;     // why it is a schema snapshot (replayed, not linted), if it is one
  std::string down_base;    // the path the paired down migration is found from
  bool lint = true;         // false: history only (outside the change set)
  std::shared_ptr<const ir::ParsedFile> parsed;  // shared with the parse cache for history files
  // The down migration paired by name (NAME.up.sql -> NAME.down.sql), when it
  // exists: its path as findings name it, and its statements (shared by the
  // steps of a split version, and with the down's own job when the run lints it too).
  std::string down_path;
  std::shared_ptr<const ir::ParsedFile> down;
  // The window's job that is the down migration, when its parse had not
  // ended as this one's did: `down` is its parse, taken once the window's
  // parses are done (no second read of its text). SIZE_MAX: none.
  size_t down_job = SIZE_MAX;
  std::string down_unreadable;    // NAME.down.go and the like, when that is the down migration
  analysis::RunnerLayout layout;  // what the file's folder tells of its runner
  // plan_runner of `source` under its path, worked out once by the parse
  // task: its down migration, the replay and the lint read it.
  analysis::RunnerPlan plan;
  std::span<const analysis::CreatedObject> earlier;  // created by earlier files of the change set
  std::vector<analysis::KnownTable> history;       // what the migrations before it say of the tables it names
  std::vector<analysis::KnownFunction> functions;  // the functions the migrations before it declare
  const engine::RuleSelection* rules = nullptr;    // its rule set's rules (the session's)
  // A large PostgreSQL file read a group of statements at a time has an
  // outline: the parse task's first pass keeps `parsed` without statements
  // (its comments and skipped input), `outline` (what linting needs of every
  // statement) and `named` (what it names that the schema model is asked
  // about); the lint parses it again, group by group (Session::lint,
  // kGroupedBytes).
  bool grouped() const { return outline != nullptr; }
  std::unique_ptr<engine::FileOutline> outline;
  std::unique_ptr<analysis::SchemaModel::Named> named;
  std::vector<TextRange> groups;  // the groups' text ranges (parser::parse_groups)
};

// What a run keeps of each input until its window comes: little, since a
// history of 100,000 files holds one of these per file. The text is read in
// the file's window, unless detecting its dialect read it before (then it is
// kept only for the first window's worth of files).
struct Pending {
  static constexpr uint32_t kNone = UINT32_MAX;
  const Input* in = nullptr;
  const engine::Config* config = nullptr;
  uint32_t early = kNone;   // index of what was read before the window (Early), if anything
  bool guess_only = false;  // nothing names the dialect: it is read from the text
  bool lint = true;         // false: history only (outside the change set)
  bool unreadable = false;  // reading it for detection failed (reported then)
};
// An input read before its window: to detect its dialect, or standard input.
struct Early {
  bool have_bytes = false;  // `bytes` holds the text
  bool mapped = false;      // detected mapped (a large file): nothing kept, mapped again to be linted
  std::string bytes;
  size_t size = 0;             // the text's size, also once `bytes` is dropped
  std::string error;           // reading it failed (reported in input order)
  parser::DialectGuess guess;  // guess_only
  std::string folder_vote;     // guess_only without signs: why the folder vote chose its dialect
};

// The text of an input: the caller's (an editor buffer), standard input or
// the file; false, with `error`, when the file cannot be read. `mapped`: a
// file of at least `map_from` bytes is mapped into it instead (read_file).
bool read_input(const Input& in, std::string& bytes, std::string& error,
                std::shared_ptr<const MappedFile>* mapped = nullptr, uint64_t map_from = UINT64_MAX) {
  if (in.text) {
    bytes = *in.text;
    return true;
  }
  if (in.is_stdin) {
    bytes = read_stdin();
    return true;
  }
  return read_file(in.fs_path, bytes, error, in.size, mapped, map_from);
}

// The file names of each directory, listed once per run and sorted: a
// folder of many up migrations with their down migrations in another
// language would otherwise be listed once per file.
// (The run's FolderListings, shared with add_history and the config search.)
class DirListings {
 public:
  explicit DirListings(FolderListings& folders) : folders_(folders) {}
  const std::vector<std::string>& names(const fs::path& dir) { return folders_.list(dir.string()).names; }
  const std::vector<std::string>& names(const std::string& dir) { return folders_.list(dir).names; }
  const FolderListings::Listing& listing(const std::string& dir) { return folders_.list(dir); }
  std::string key(std::string_view dir) const { return folders_.key(dir); }
  // False when the listing of `dir` (if made) shows no `name`: no stat needed.
  bool may_hold(const fs::path& dir, std::string_view name) const {
    return folders_.may_hold(dir.string(), name);
  }
  bool may_hold(const std::string& dir, std::string_view name) const { return folders_.may_hold(dir, name); }
  // fs::is_regular_file(path), answered by its folder's listing when that
  // was made and gives the type (as std::filesystem's directory entries do:
  // a symbolic link, or an entry of unknown type, is asked).
  // The folder and the name are path's parent_path() and filename(), from
  // the text when it has no empty component and no trailing '/'.
  bool regular_file(const std::string& path) const {
    FolderListings::Entry e;
    if (!path.empty() && path.back() != '/' && path.find("//") == std::string::npos) {
      const auto* slash = static_cast<const char*>(::memrchr(path.data(), '/', path.size()));
      const std::string_view name =
          slash ? std::string_view(path).substr(static_cast<size_t>(slash - path.data()) + 1) : path;
      e = folders_.find(parent_path_text(path), name);
    } else {
      const fs::path p(path);
      e = folders_.find(p.parent_path().string(), p.filename().string());
    }
    if (e.listed && (!e.present || (e.type != DT_LNK && e.type != DT_UNKNOWN))) return e.type == DT_REG;
    return fs::is_regular_file(path);
  }

 private:
  FolderListings& folders_;
};

// The names in a folder listing (sorted) that are steps, up or down, of the
// split version `step` belongs to, in name order.
std::vector<const std::string*> version_steps(const std::vector<std::string>& names,
                                              const analysis::SplitStep& step) {
  std::vector<const std::string*> out;
  for (auto it = std::lower_bound(names.begin(), names.end(), step.timestamp);
       it != names.end() && std::string_view(*it).starts_with(step.timestamp); ++it)
    if (const auto s = analysis::split_step(*it); s && s->timestamp == step.timestamp && s->name == step.name)
      out.push_back(&*it);
  return out;
}

// What the folder around a file says of its runner. golang-migrate and sqlx
// share the NAME.up.sql / NAME.down.sql names: a folder in a Rust project (a
// Cargo.toml in it or above it, up to the repository root) is read as
// sqlx's. Marker files name Atlas (atlas.sum in the folder), sqitch
// (sqitch.plan beside deploy/, revert/ and verify/) and Prisma
// (migration_lock.toml beside the migration folders); a Flyway script's
// settings come from its NAME.sql.conf and the project's flyway.conf or
// flyway.toml. Answers are kept per directory, and the search up the ancestors (Cargo.toml,
// .git, Flyway settings) keeps each ancestor's answer: a tree is walked once.
class LayoutRunners {
 public:
  explicit LayoutRunners(DirListings& listings) : listings_(listings) {}
  analysis::RunnerLayout of(const std::string& fs_path, DirListings& listings) {
    analysis::RunnerLayout layout;
    if (fs_path.empty()) return layout;
    // The file's folder and name. A file whose name differs from the
    // previous file's only after the last '/' is in its folder (files come
    // folder by folder): the name is the rest of the text. Else
    // fs::absolute, with the working directory asked once per run; the
    // folder and the name as path's parent_path() and filename() give them,
    // from the text (a path object per file costs more than the answer).
    const auto* slash = static_cast<const char*>(::memrchr(fs_path.data(), '/', fs_path.size()));
    const size_t cut = slash ? static_cast<size_t>(slash - fs_path.data()) + 1 : 0;
    std::string_view name = std::string_view(fs_path).substr(cut);
    std::string file;  // the absolute path, when worked out
    std::string odd_name;
    Known* known = last_;
    if (known == nullptr || name.empty() || cut != last_prefix_.size() ||
        fs_path.compare(0, cut, last_prefix_) != 0) {
      if (fs_path.front() != '/') {
        if (!cwd_) {
          std::error_code ec;
          cwd_ = fs::current_path(ec).string();
        }
        file = *cwd_;
        if (!file.empty() && file.back() != '/') file += '/';
      }
      file += fs_path;
      std::string dir = parent_path_text(file);
      const bool plain = file.back() != '/' && file.find("//") == std::string::npos;
      if (!plain) {
        odd_name = fs::path(file).filename().string();
        name = odd_name;
      }
      auto [it, added] = known_.try_emplace(std::move(dir));
      known = &*it;
      if (added) look(known->first, known->second, listings);
      // Only a plain name's folder is the same for the next name with its text before the last '/'.
      last_ = plain ? known : nullptr;
      last_prefix_.assign(fs_path, 0, cut);
    }
    const std::string& dir = known->first;
    Folder& folder = known->second;
    if (analysis::up_down_layout(name)) {
      layout.up_down = folder.cargo ? analysis::Runner::Sqlx : analysis::Runner::GolangMigrate;
      if (const auto step = analysis::split_step(name)) {
        // One step of a split version: only when the folder has another step of it.
        if (!folder.split_indexed) index_split_versions(folder);
        std::string version(step->timestamp);
        version += step->name;
        const auto it = folder.split_versions.find(version);
        if (it != folder.split_versions.end() && (it->second.several || it->second.first != step->step))
          layout.split_version = dir + "/" + std::string(step->timestamp) + "_" + std::string(step->name);
      }
      return layout;
    }
    layout.marked = folder.marked;
    layout.marked_by = folder.marked_by;
    if (layout.marked == analysis::Runner::None && name == "migration.sql") {
      if (folder.prisma_lock < 0) folder.prisma_lock = prisma_lock(parent_path_text(dir)) ? 1 : 0;
      if (folder.prisma_lock > 0) {
        layout.marked = analysis::Runner::Prisma;
        layout.marked_by = "migration_lock.toml beside the migration's folder";
      }
    }
    if (analysis::flyway_kind(name) != 0) {
      layout.undo_scripts = folder.undo_scripts;
      layout.mixed = folder.flyway_mixed;
      layout.no_transaction = folder.flyway_no_transaction;
      // The script's own NAME.sql.conf wins over the project's setting.
      std::string conf_name(name);
      conf_name += ".conf";
      if (holds(*folder.listing, conf_name)) {
        if (file.empty()) file = joined(dir, name);
        std::string conf;
        std::string error;
        std::error_code ec;
        if (fs::is_regular_file(file + ".conf", ec) && read_file(file + ".conf", conf, error))
          if (const auto v = setting(conf, "executeInTransaction")) layout.no_transaction = *v == "false";
      }
    }
    return layout;
  }

 private:
  // The steps a folder holds of one split version: the first one's number,
  // and whether another number is among them.
  struct SplitSteps {
    std::string first;
    bool several = false;
  };
  // What a folder says, worked out once: its marker files, the project
  // around it; the Prisma lock beside it and its split versions when a file
  // asks.
  struct Folder {
    // The folder's listings key when its path is absolute (the searches up
    // its ancestors use it: the same folders, and no key built again for
    // each name looked up), else its path.
    std::string key;
    const FolderListings::Listing* listing = nullptr;
    bool cargo = false;
    analysis::Runner marked = analysis::Runner::None;
    std::string_view marked_by;
    bool undo_scripts = false;
    bool flyway_mixed = false;
    bool flyway_no_transaction = false;
    int prisma_lock = -1;  // migration_lock.toml in the parent folder (-1: not asked)
    bool split_indexed = false;
    // The steps of each split version in the folder ("<timestamp><name>"),
    // as version_steps() finds them.
    std::unordered_map<std::string, SplitSteps> split_versions;
  };
  using Known = std::pair<const std::string, Folder>;

  // The listing says whether a folder may hold `name` (no '/' in it), as
  // FolderListings::may_hold answers for a listed folder.
  static bool holds(const FolderListings::Listing& listing, std::string_view name) {
    return !listing.read || std::binary_search(listing.names.begin(), listing.names.end(), name,
                                               [](std::string_view a, std::string_view b) { return a < b; });
  }

  // Every name of the folder that is a step of a split version (and starts
  // with its timestamp, as version_steps' search finds it), by version.
  static void index_split_versions(Folder& folder) {
    folder.split_indexed = true;
    for (const std::string& n : folder.listing->names) {
      const auto s = analysis::split_step(n);
      if (!s || !std::string_view(n).starts_with(s->timestamp)) continue;
      std::string version(s->timestamp);
      version += s->name;
      auto [it, added] = folder.split_versions.try_emplace(std::move(version));
      if (added)
        it->second.first = s->step;
      else if (it->second.first != s->step)
        it->second.several = true;
    }
  }

  // `key=value` or `key = value` (Java properties, TOML), the key possibly
  // prefixed (`flyway.mixed`); the last one wins. Quotes are dropped.
  static std::optional<std::string> setting(std::string_view text, std::string_view key) {
    std::optional<std::string> out;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      const size_t eq = line.find_first_of("=:");
      if (eq == std::string_view::npos || line.starts_with("#")) continue;
      std::string_view k = line.substr(0, eq);
      while (!k.empty() && (k.back() == ' ' || k.back() == '\t')) k.remove_suffix(1);
      if (k != key && !k.ends_with("." + std::string(key))) continue;
      std::string_view v = line.substr(eq + 1);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '"')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '"'))
        v.remove_suffix(1);
      std::string value(v);
      for (char& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      out = value;
    }
    return out;
  }

  // `mixed: true` under a `flyway:` key of a YAML file (spring: flyway: mixed: true).
  static bool yaml_flyway_mixed(std::string_view text) {
    size_t flyway_indent = std::string_view::npos;  // inside the flyway: block when set
    size_t pos = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      const size_t indent = line.find_first_not_of(' ');
      if (indent == std::string_view::npos || line[indent] == '#') continue;
      line.remove_prefix(indent);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (flyway_indent != std::string_view::npos && indent <= flyway_indent)
        flyway_indent = std::string_view::npos;
      if (line == "flyway:") {
        flyway_indent = indent;
      } else if (flyway_indent != std::string_view::npos && line == "mixed: true") {
        return true;
      }
    }
    return false;
  }

  void look(const std::string& dir, Folder& f, DirListings& listings) {
    std::error_code ec;
    f.key = dir.starts_with('/') ? listings.key(dir) : dir;
    f.listing = &listings.listing(f.key);
    const auto& names = f.listing->names;
    bool flyway = false;
    for (const auto& n : names) {
      const char kind = analysis::flyway_kind(n);
      flyway |= kind != 0;
      f.undo_scripts |= kind == 'U';
    }
    // deploy/, revert/ or verify/ among the folders of the path (sqitch_folder
    // finds none without one of those words in the text).
    const bool sqitch_words = dir.find("deploy") != std::string::npos ||
                              dir.find("revert") != std::string::npos ||
                              dir.find("verify") != std::string::npos;
    if (std::binary_search(names.begin(), names.end(), "atlas.sum")) {
      f.marked = analysis::Runner::Atlas;
      f.marked_by = "atlas.sum in the folder";
    } else if (const std::string path = sqitch_words ? joined(dir, "x.sql") : std::string();
               sqitch_words && analysis::sqitch_folder(path).first != std::string::npos &&
               listings.may_hold(fs::path(path.substr(0, analysis::sqitch_folder(path).first)),
                                 "sqitch.plan") &&
               fs::exists(fs::path(path.substr(0, analysis::sqitch_folder(path).first)) / "sqitch.plan",
                          ec)) {
      // deploy/, revert/ or verify/ (or a folder inside one) beside sqitch.plan.
      f.marked = analysis::Runner::Sqitch;
      f.marked_by = "sqitch.plan beside deploy/, revert/ and verify/";
    }
    // Up to the repository root: a Rust project, Flyway's project settings.
    f.cargo = cargo_from(f.key, f.listing);
    if (flyway) {
      if (const FlywayConf* conf = flyway_conf_from(f.key)) {
        f.flyway_mixed = conf->mixed;
        f.flyway_no_transaction = conf->no_transaction;
      }
    }
  }

  // Each directory's answers are looked up once per run: the folders of a
  // tree share their ancestors. Folders on the way up are named by their
  // key (absolute, no "." or empty component) when the file's folder is
  // absolute, else as spelled.
  struct Ancestor {
    signed char top = -1;    // a repository root or the file system's (-1: not asked yet)
    signed char cargo = -1;  // a Cargo.toml in it or above it (-1: not asked yet)
  };
  // The parent of folder `d`, as path's parent_path() gives it: a key's is
  // its text before the last '/'.
  static std::string parent_of(const std::string& d) {
    if (!d.starts_with('/')) return parent_path_text(d);
    const size_t slash =
        static_cast<size_t>(static_cast<const char*>(::memrchr(d.data(), '/', d.size())) - d.data());
    return d.substr(0, slash == 0 ? 1 : slash);
  }
  // The directory is a repository root (.git in it) or the file system's
  // (its own parent): the search for project files ends there. `listing`:
  // d's, when the caller has it.
  bool is_top(const std::string& d, const std::string& parent, const FolderListings::Listing* listing) const {
    std::error_code ec;
    return parent == d || ((listing ? holds(*listing, ".git") : listings_.may_hold(d, ".git")) &&
                           fs::exists(joined(d, ".git"), ec));
  }
  bool top(const std::string& d) {
    Ancestor& a = ancestors_[d];
    if (a.top < 0) a.top = is_top(d, parent_of(d), nullptr) ? 1 : 0;
    return a.top > 0;
  }
  // `dir`/`name`, as path's operator/ joins them.
  static std::string joined(const std::string& dir, std::string_view name) {
    std::string out;
    out.reserve(dir.size() + name.size() + 1);
    out = dir;
    if (!out.empty() && out.back() != '/') out += '/';
    out += name;
    return out;
  }
  // A Cargo.toml in `d` or above it, up to the repository root (`listing`:
  // d's, when the caller has it).
  bool cargo_from(const std::string& d, const FolderListings::Listing* listing = nullptr) {
    if (d.empty()) return false;
    Ancestor& a = ancestors_[d];  // (an element stays in place while others are added)
    if (a.cargo >= 0) return a.cargo > 0;
    std::error_code ec;
    bool found = (listing ? holds(*listing, "Cargo.toml") : listings_.may_hold(d, "Cargo.toml")) &&
                 fs::exists(joined(d, "Cargo.toml"), ec);
    if (!found) {
      const std::string parent = parent_of(d);
      if (a.top < 0) a.top = is_top(d, parent, listing) ? 1 : 0;
      found = a.top == 0 && cargo_from(parent);
    }
    a.cargo = found ? 1 : 0;
    return found;
  }
  // Flyway's project settings nearest to `d` (up to the repository root):
  // flyway.conf, flyway.toml, conf/flyway.conf, else a Spring Boot
  // application's spring.flyway.* settings; null when there are none.
  struct FlywayConf {
    bool mixed = false;
    bool no_transaction = false;
  };
  const FlywayConf* flyway_conf_from(const std::string& d) {
    if (d.empty()) return nullptr;
    if (const auto it = flyway_conf_.find(d); it != flyway_conf_.end())
      return it->second ? &*it->second : nullptr;
    std::optional<FlywayConf> found = flyway_conf_in(d);
    if (!found && !top(d))
      if (const FlywayConf* above = flyway_conf_from(parent_of(d))) found = *above;
    const auto it = flyway_conf_.emplace(d, found).first;
    return it->second ? &*it->second : nullptr;
  }
  std::optional<FlywayConf> flyway_conf_in(const std::string& d) const {
    std::error_code ec;
    for (const char* conf : {"flyway.conf", "flyway.toml", "conf/flyway.conf"}) {
      std::string text;
      std::string error;
      if (!listings_.may_hold(d, conf) || !fs::is_regular_file(joined(d, conf), ec) ||
          !read_file(joined(d, conf), text, error))
        continue;
      return FlywayConf{setting(text, "mixed") == "true", setting(text, "executeInTransaction") == "false"};
    }
    // A Spring Boot application runs Flyway with its spring.flyway.* settings.
    for (const char* conf : {"application.properties", "application.yml", "application.yaml"}) {
      std::string text;
      std::string error;
      if (!listings_.may_hold(d, conf) || !fs::is_regular_file(joined(d, conf), ec) ||
          !read_file(joined(d, conf), text, error))
        continue;
      return FlywayConf{std::string_view(conf).ends_with(".properties")
                            ? setting(text, "spring.flyway.mixed") == "true"
                            : yaml_flyway_mixed(text),
                        false};
    }
    return std::nullopt;
  }
  // migration_lock.toml in a directory (Prisma's migrations folder).
  bool prisma_lock(const std::string& d) {
    auto [it, added] = prisma_lock_.try_emplace(d);
    if (added) {
      std::error_code ec;
      it->second =
          listings_.may_hold(d, "migration_lock.toml") && fs::exists(joined(d, "migration_lock.toml"), ec);
    }
    return it->second;
  }

  DirListings& listings_;
  std::optional<std::string> cwd_;
  std::unordered_map<std::string, Ancestor> ancestors_;
  std::unordered_map<std::string, std::optional<FlywayConf>> flyway_conf_;
  std::unordered_map<std::string, bool> prisma_lock_;
  // Each folder's answers, by its absolute path as the file's text gives it.
  std::unordered_map<std::string, Folder> known_;
  Known* last_ = nullptr;    // the previous file's folder, when its name was plain
  std::string last_prefix_;  // the previous file's name up to its last '/'
};

// What decides how a file's text parses besides the text: its dialect, the
// parse options and the placeholders. Two readings with the same key give the
// same statements.
std::string reading_key(const analysis::Settings& settings) {
  const parser::ParseOptions options = parse_options(settings);
  std::string key(1, settings.dialect == Dialect::MySql ? 'm' : 'p');
  key += std::to_string(options.mysql_version_id) + (options.mariadb ? "m" : "");
  for (const auto& p : settings.placeholders) key += '\n' + p;
  return key;
}

// A step of a split version: its down migration is the version's, all its
// down steps together (read and parsed one by one, their statements in one
// file). False when the folder has none.
// The merged down steps of each split version a window's files need (null:
// none), by version and parse settings; kept for one window.
struct VersionDowns {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<const ir::ParsedFile>> merged;
};

bool load_version_downs(Job& job, DirListings& listings, VersionDowns& versions) {
  const auto step = analysis::split_step(job.down_base);
  if (!step) return false;
  const fs::path dir = fs::path(job.down_base).parent_path();
  // Every step of the version has the same down steps: read and parse them once.
  const parser::ParseOptions options = parse_options(job.eff.settings);
  std::string key = job.eff.settings.runner_layout.split_version + '\n' + reading_key(job.eff.settings);
  {
    const std::lock_guard<std::mutex> lock(versions.mutex);
    const auto it = versions.merged.find(key);
    if (it != versions.merged.end()) {
      job.down = it->second;
      return job.down != nullptr;
    }
  }
  ir::ParsedFile merged;
  bool any = false;
  for (const std::string* name : version_steps(listings.names(dir), *step)) {
    if (analysis::split_step(*name)->up) continue;
    const std::string path = (dir / *name).string();
    std::string bytes;
    std::string error;
    if (!listings.regular_file(path) || !read_file(path, bytes, error)) continue;
    const SourceFile source(path, std::move(bytes), job.eff.settings.dialect, &job.eff.settings.placeholders);
    ir::ParsedFile down = parser::parse(source, options);
    std::move(down.statements.begin(), down.statements.end(), std::back_inserter(merged.statements));
    std::move(down.errors.begin(), down.errors.end(), std::back_inserter(merged.errors));
    any = true;
  }
  if (any) job.down = std::make_shared<const ir::ParsedFile>(std::move(merged));
  const std::lock_guard<std::mutex> lock(versions.mutex);
  versions.merged.emplace(std::move(key), job.down);
  return any;
}

// Reads and parses the paired down migration of an up migration; a missing
// one is simply absent.
// `down` (NAME.down.sql, NAME_down.sql) does not exist: the down migration
// of the same version under another name (`0026_drop_job_id.up.sql` with
// `0026_drop_jod_id.down.sql`), which runners that pair by version number run
// as its down. Only when the folder has exactly one up and one down of that
// version; empty otherwise.
std::string same_version_down(const fs::path& down, DirListings& listings) {
  const std::string name = down.filename().string();
  size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  if (digits == 0 || digits >= name.size() || name[digits] != '_') return "";
  const std::string prefix = name.substr(0, digits + 1);
  const bool dotted = name.ends_with(".down.sql");
  const std::string_view down_suffix = dotted ? ".down.sql" : "_down.sql";
  const std::string_view up_suffix = dotted ? ".up.sql" : "_up.sql";
  std::string found;
  size_t downs = 0;
  size_t ups = 0;
  const auto& names = listings.names(down.parent_path());
  for (auto it = std::lower_bound(names.begin(), names.end(), prefix);
       it != names.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
    if (it->ends_with(down_suffix)) ++downs, found = *it;
    if (it->ends_with(up_suffix)) ++ups;
  }
  if (downs != 1 || ups != 1) return "";
  return (down.parent_path() / found).string();
}

// A down migration that is also an input of the run is parsed once per
// window, not twice: as the input, and as the down migration of its up
// migration. Whichever parse ends first (they run on different workers, or
// one after the other) is shared by path; the other one, when it has not
// started yet, takes it, if the file is read the same way (dialect, parse
// options, placeholders). Nobody waits for the other. An up migration whose
// down migration is an input of its window that has not been parsed yet
// takes that input's parse once the window's parses are done (`input`,
// Job::down_job) instead of reading and parsing the file itself.
class SharedParses {
 public:
  // The window's inputs read from disk, by path as named: job indexes, set
  // before the window's parses start (then only read).
  void add_input(const std::string& path, size_t job) { inputs_.try_emplace(path, job); }
  size_t input(const std::string& path) const {
    const auto it = inputs_.find(path);
    return it == inputs_.end() ? SIZE_MAX : it->second;
  }
  // `path` as the file was named and read from disk.
  std::shared_ptr<const ir::ParsedFile> find(const std::string& path, const analysis::Settings& as) {
    const std::string key = reading_key(as);
    const std::lock_guard<std::mutex> lock(mutex_);
    const auto it = parses_.find(path);
    if (it == parses_.end() || it->second.first != key) return nullptr;
    return it->second.second;
  }
  void add(const std::string& path, const analysis::Settings& as,
           const std::shared_ptr<const ir::ParsedFile>& parsed) {
    std::string key = reading_key(as);
    const std::lock_guard<std::mutex> lock(mutex_);
    parses_.try_emplace(path, std::move(key), parsed);
  }

 private:
  std::mutex mutex_;
  // By path: the reading_key it was parsed with, and its statements.
  std::unordered_map<std::string, std::pair<std::string, std::shared_ptr<const ir::ParsedFile>>> parses_;
  std::unordered_map<std::string, size_t> inputs_;
};

// Reads and parses the down migration at `path` for `job` (shared for
// other uses in the window when `shared`); false when it cannot be read.
bool read_down(Job& job, const std::string& path, SharedParses* shared) {
  std::string bytes;
  std::string error;
  if (!read_file(path, bytes, error)) return false;
  const SourceFile source(path, std::move(bytes), job.eff.settings.dialect, &job.eff.settings.placeholders);
  job.down = std::make_shared<const ir::ParsedFile>(parser::parse(source, parse_options(job.eff.settings)));
  if (shared) shared->add(path, job.eff.settings, job.down);
  return true;
}

void load_down(Job& job, DirListings& listings, VersionDowns& versions, SharedParses* shared) {
  // The file's own plan, unless the path its down migration is found from
  // is not the one it is reported under.
  std::optional<analysis::RunnerPlan> own;
  const analysis::RunnerPlan& plan =
      job.down_base == job.source->path()
          ? job.plan
          : own.emplace(analysis::plan_runner(job.down_base, job.source->text(), job.parsed->comments,
                                              job.eff.settings.runner, job.eff.settings.runner_layout));
  if (!plan.paired_downs || plan.not_a_migration) return;
  if (plan.runner == analysis::Runner::Liquibase) {
    // The changesets' `--rollback` comments are the file's down migration.
    auto rollback = analysis::liquibase_rollback(job.source->text(), job.parsed->comments);
    if (!rollback) return;
    job.down_path = job.down_base + " (--rollback)";
    const SourceFile source(job.down_path, std::move(*rollback), job.eff.settings.dialect,
                            &job.eff.settings.placeholders);
    job.down = std::make_shared<const ir::ParsedFile>(parser::parse(source, parse_options(job.eff.settings)));
    return;
  }
  std::string path = job.down_base.empty() ? "" : analysis::paired_down_path(job.down_base, plan.runner);
  if (path.empty()) return;
  if (!job.eff.settings.runner_layout.split_version.empty() && plan.runner != analysis::Runner::Flyway &&
      plan.runner != analysis::Runner::Sqitch && load_version_downs(job, listings, versions))
    return;
  // Whether `path` is a regular file: asked once per path it takes.
  bool regular = listings.regular_file(path);
  if (plan.runner == analysis::Runner::Flyway && !regular) {
    // An undo script of the same version whose description differs.
    const fs::path sql(path);
    const std::string prefix = "U" + std::string(analysis::flyway_version(job.down_base)) + "__";
    const auto& names = listings.names(sql.parent_path());
    for (auto it = std::lower_bound(names.begin(), names.end(), prefix);
         it != names.end() && it->compare(0, prefix.size(), prefix) == 0; ++it)
      if (analysis::flyway_kind(*it) == 'U') {
        path = (sql.parent_path() / *it).string();
        regular = listings.regular_file(path);
        break;
      }
  }
  if (!regular && plan.runner != analysis::Runner::Flyway && plan.runner != analysis::Runner::Sqitch)
    if (std::string other = same_version_down(path, listings); !other.empty()) {
      path = std::move(other);
      regular = listings.regular_file(path);
    }
  if (!regular) {
    if (plan.runner == analysis::Runner::Flyway || plan.runner == analysis::Runner::Sqitch) return;
    // NAME.down.go, NAME.down.js ... beside NAME.up.sql: a down migration
    // in another language (the first such file by name).
    std::error_code ec;
    const fs::path sql(path);
    const std::string stem = sql.stem().string() + ".";  // "NAME.down."
    const auto& names = listings.names(sql.parent_path());
    for (auto it = std::upper_bound(names.begin(), names.end(), stem);
         it != names.end() && it->compare(0, stem.size(), stem) == 0; ++it) {
      const fs::path candidate = sql.parent_path() / *it;
      if (fs::is_regular_file(candidate, ec)) {
        job.down_unreadable = candidate.string();
        break;
      }
    }
    return;
  }
  if (shared) job.down = shared->find(path, job.eff.settings);
  if (!job.down && shared) job.down_job = shared->input(path);
  if (!job.down && job.down_job == SIZE_MAX && !read_down(job, path, shared)) return;
  job.down_path = std::move(path);
}

// The down migration of `up` that is `down`, an input of the same window,
// once the window's parses are done: its parse, when it was read the same
// way, else read and parsed again for `up`.
void take_down(Job& up, const Job& down) {
  up.down_job = SIZE_MAX;
  if (down.parsed && !down.grouped() && down.read_error.empty() &&
      reading_key(down.eff.settings) == reading_key(up.eff.settings)) {
    up.down = down.parsed;
    return;
  }
  if (!read_down(up, up.down_path, nullptr)) up.down_path = std::string();
}

// A file with no sign of either dialect (`CREATE INDEX i ON t (c);`) is read
// as the files around it are: the dialect of most files with signs in its
// folder, else in the nearest folder above it that has such files (a module
// of a project whose other modules' migrations show their dialect). Sets the
// guesses, and per input why the vote changed its guess (`folder_vote`).
void vote_by_folder(const std::vector<Pending>& jobs, std::vector<Early>& early) {
  // The folders above a file, nearest first, as views of its path.
  auto parent = [](std::string_view p) {
    const size_t slash = p.find_last_of('/');
    return slash == std::string_view::npos ? std::string_view() : p.substr(0, slash);
  };
  auto voting = [&](const Pending& job) { return job.guess_only && !job.unreadable && !job.in->is_stdin; };
  // Per folder above a file without signs (only those are asked): files with
  // signs under it, MySQL and PostgreSQL.
  std::unordered_map<std::string_view, std::pair<size_t, size_t>> votes;
  for (const auto& job : jobs)
    if (voting(job) && early[job.early].guess.signs() == 0)
      for (std::string_view d = parent(job.in->display_path); !d.empty(); d = parent(d)) votes.try_emplace(d);
  if (votes.empty()) return;
  for (const auto& job : jobs) {
    if (!voting(job)) continue;
    const parser::DialectGuess& guess = early[job.early].guess;
    if (guess.signs() == 0) continue;
    const bool mysql = guess.dialect == Dialect::MySql;
    for (std::string_view d = parent(job.in->display_path); !d.empty(); d = parent(d))
      if (const auto it = votes.find(d); it != votes.end())
        (mysql ? it->second.first : it->second.second) += 1;
  }
  for (const Pending& job : jobs) {
    if (!voting(job)) continue;
    Early& e = early[job.early];
    if (e.guess.signs() > 0) continue;
    for (std::string_view d = parent(job.in->display_path); !d.empty(); d = parent(d)) {
      const auto [mysql, postgres] = votes.at(d);
      if (mysql + postgres == 0) continue;  // no file with signs under it
      if (mysql == postgres) break;         // no majority: the default stands
      e.guess.dialect = mysql > postgres ? Dialect::MySql : Dialect::Postgres;
      const size_t n = std::max(mysql, postgres);
      e.folder_vote = "detected: no sign of either dialect in the file; " + std::to_string(n) + " of " +
                      std::to_string(mysql + postgres) + " files with signs under " + std::string(d) +
                      "/ read as " + (mysql > postgres ? "MySQL/MariaDB" : "PostgreSQL");
      break;
    }
  }
}

// The tool that wrote a schema dump, from the header comment it starts with
// ("pg_dump header"); empty when the text does not start like a dump.
std::string dump_header(std::string_view text) {
  const std::string_view head = text.substr(0, 1024);
  if (head.find("-- PostgreSQL database dump") != std::string_view::npos) return "pg_dump header";
  if (head.find("-- MySQL dump ") != std::string_view::npos) return "mysqldump header";
  if (head.find("-- MariaDB dump ") != std::string_view::npos) return "mariadb-dump header";
  return "";
}

}  // namespace

RunTotals Session::lint(const std::vector<Input>& inputs, Sink& sink) {
  RunTotals totals;
  auto in_change_set = [&](const Input& in) {
    return !options_.change_set || in.fs_path.empty() ||
           options_.change_set->count(normal_path(in.fs_path)) > 0;
  };

  // Worker threads: one per usable core (or --jobs), fewer for a few files;
  // with one, every stage runs on this thread.
  const size_t workers =
      std::min<size_t>(options_.jobs > 0 ? options_.jobs : usable_cores(), inputs.size() / 8 + 1);
  WorkPool pool(workers > 1 ? static_cast<unsigned>(workers) : 0);
  // One thread that parses and lints file after file reuses the same tens of
  // megabytes of heap: on 2 MB pages it takes fewer page faults and TLB
  // misses. With several workers each has its own arena and the pages they
  // fill only in part cost more memory than the time they save
  // (docs/ARCHITECTURE.md, Allocator).
  if (workers == 1 && options_.huge_pages_from > 0 && inputs.size() >= options_.huge_pages_from)
    heap_huge_pages();
  // A window holds enough text to keep every worker busy, and ends early
  // when it has many files (each file's results are small, its tree is not).
  // Up to five windows are on their way at once (see Window below).
  const size_t window_bytes = (size_t{128} << 10) * std::max<size_t>(workers, 2);
  const size_t window_files = 64 * std::max<size_t>(workers, 2);

  // Files of one configuration share their settings, unless its [paths] or
  // schema_files globs make them depend on the file's path.
  std::map<const engine::Config*, engine::Effective> shared_effective;
  auto effective_of = [&](const Input& in, const engine::Config* config) -> engine::Effective {
    if (config && (!config->paths.empty() || !config->schema_files.empty()))
      return engine::effective(catalog_, config, options_.cli, config_path_of(in));
    auto it = shared_effective.find(config);
    if (it == shared_effective.end())
      it = shared_effective
               .emplace(config, engine::effective(catalog_, config, options_.cli, config_path_of(in)))
               .first;
    return it->second;
  };

  // Resolve every input's settings on this thread. Files nothing names the
  // dialect of are read and their dialect detected by the workers, a
  // window's worth at a time (the folder vote needs every file's guess before
  // the first window), while this thread resolves the next chunk's settings.
  // Up to eight chunks are on the workers at once: while this thread waits
  // for the oldest (a large file keeps one worker a while), the others read
  // the chunks after it instead of waiting for the next one to be queued.
  // Their text is kept up to kKeptBytes in all, so most runs read each file
  // once; the others are read again in their window. `pending` and `early`
  // never reallocate (reserved), so their elements stay put. What goes wrong
  // (a configuration that cannot be read, a file that cannot) is reported in
  // input order once the chunk is done.
  constexpr size_t kKeptBytes = size_t{16} << 20;
  // A file of at least kGroupedBytes on disk is mapped rather than read
  // (MappedFile, unless --fix may write it), both to detect its dialect and
  // to lint it, and a PostgreSQL one is linted a group of statements at a
  // time (read_in_groups). DDLINT_GROUPED_BYTES sets the size (a developer
  // switch: 0 maps every file and reads every PostgreSQL one in groups).
  static const size_t kGroupedBytes = [] {
    const char* v = std::getenv("DDLINT_GROUPED_BYTES");
    return v != nullptr && *v != '\0' ? static_cast<size_t>(std::strtoull(v, nullptr, 10)) : size_t{4} << 20;
  }();
  const bool map_large = !options_.fix;
  std::vector<Pending> pending;
  std::vector<Early> early;
  pending.reserve(inputs.size());
  early.reserve(inputs.size());
  size_t kept_bytes = 0;
  size_t read_bytes = 0;  // read by the workers so far, and how many files
  size_t read_files = 0;
  struct Held : Sink {  // the problems met resolving a chunk's settings, by input
    void file(FileOutcome&& /*outcome*/) override {}
    void problem(const Problem& p) override { got.emplace_back(at, p); }
    size_t at = 0;
    std::vector<std::pair<size_t, Problem>> got;
  };
  // A chunk of inputs [lo, hi) on the workers: the ones they read, and the
  // problems met resolving its settings.
  struct Chunk {
    size_t lo = 0;
    size_t hi = 0;
    std::vector<size_t> to_read;
    Held held;
    WorkPool::Batch batch;
  };
  constexpr size_t kChunksAhead = 8;
  std::deque<Chunk> detecting;  // oldest first
  auto finish_detection = [&] {
    Chunk& chunk = detecting.front();
    if (chunk.batch) pool.wait(chunk.batch);
    auto problem = chunk.held.got.begin();
    for (size_t i = chunk.lo; i < chunk.hi; ++i) {
      for (; problem != chunk.held.got.end() && problem->first == i; ++problem) sink.problem(problem->second);
      Pending& p = pending[i];
      if (p.early == Pending::kNone) continue;
      Early& e = early[p.early];
      if (!e.error.empty()) {
        sink.problem({Problem::Kind::Io, std::move(e.error)});
        p.unreadable = true;
        e.have_bytes = false;
        continue;
      }
      if (!e.mapped) e.size = e.bytes.size();
      read_bytes += e.size;
      ++read_files;
      if (e.mapped) continue;
      if (p.in->is_stdin || p.in->text || kept_bytes + e.size <= kKeptBytes) {
        kept_bytes += e.size;
      } else {
        e.bytes = std::string();
        e.have_bytes = false;
      }
    }
    detecting.pop_front();
  };
  try {
    for (size_t lo = 0; lo < inputs.size();) {
      Chunk chunk;
      size_t chunk_bytes = 0;
      size_t hi = lo;
      for (; hi < inputs.size() && chunk_bytes < window_bytes && chunk.to_read.size() < window_files; ++hi) {
        const Input& in = inputs[hi];
        Pending p;
        p.in = &in;
        chunk.held.at = hi;
        p.config = config_for(in, chunk.held);
        p.guess_only = effective_of(in, p.config).dialect_from.empty();
        p.lint = in_change_set(in) && !in.history;
        if (p.guess_only || (in.is_stdin && !in.text)) {
          Early e;
          // Standard input and editor buffers are read here, files by the workers.
          if (in.is_stdin || in.text) {
            read_input(in, e.bytes, e.error);
            e.have_bytes = true;
            chunk_bytes += e.bytes.size();
          } else {
            chunk.to_read.push_back(pending.size());
            // Its size is known once it is read: the files read so far tell what to expect.
            chunk_bytes +=
                read_files == 0 ? size_t{16} << 10 : std::max<size_t>(read_bytes / read_files, 1024);
          }
          p.early = static_cast<uint32_t>(early.size());
          if (p.guess_only && (in.is_stdin || in.text)) chunk.to_read.push_back(pending.size());
          early.push_back(std::move(e));
        }
        pending.push_back(p);
      }
      chunk.lo = lo;
      chunk.hi = hi;
      Chunk& queued = detecting.emplace_back(std::move(chunk));
      queued.batch = pool.submit(queued.to_read.size(), 0, [&queued, &pending, &early, map_large](size_t k) {
        const Pending& p = pending[queued.to_read[k]];
        Early& e = early[p.early];
        std::shared_ptr<const MappedFile> mapped;
        if (!e.have_bytes && !read_input(*p.in, e.bytes, e.error,
                                         p.guess_only && map_large ? &mapped : nullptr, kGroupedBytes))
          return;
        if (mapped) {  // a large file: detected, not kept (mapped again to be linted)
          e.guess = parser::detect_dialect(mapped->bytes(), p.in->display_path);
          e.size = mapped->bytes().size();
          mapped->release(0, e.size);
          e.mapped = true;
          return;
        }
        e.have_bytes = true;
        if (p.guess_only) e.guess = parser::detect_dialect(e.bytes, p.in->display_path);
      });
      if (detecting.size() > kChunksAhead) finish_detection();  // the oldest chunk
      lo = hi;
    }
    while (!detecting.empty()) finish_detection();
  } catch (...) {
    pool.drain();  // no worker may still read a chunk
    throw;
  }
  vote_by_folder(pending, early);
  DirListings listings(*listings_);
  LayoutRunners layouts(listings);  // asked by the workers, one at a time
  std::mutex layouts_mutex;
  VersionDowns version_downs;

  // Parse, replay, lint and deliver the files a window at a time, so parse
  // trees (the bulk of a run's memory) are held for one window only and the
  // memory freed by one window serves the next.
  // History files (replayed, not reported) come from the cache when the
  // caller keeps one and their text and parse settings are unchanged.
  auto parse_maybe_cached = [&](const Job& job, const SourceFile& source, size_t max_errors = 0) {
    parser::ParseOptions opts = parse_options(job.eff.settings);
    opts.max_errors = max_errors;
    if (job.lint || !options_.parse_cache || job.fs_path.empty())
      return std::make_shared<const ir::ParsedFile>(parser::parse(source, opts));
    return options_.parse_cache->parse(job.fs_path, source, opts);
  };
  // A PostgreSQL file of at least kGroupedBytes is read a group of
  // statements at a time when the run lints it as it is (no --fix, no
  // change set, no statement ranges asked for): a first pass here keeps what
  // linting needs of each statement (engine::FileOutline), and the lint
  // parses it again group by group, so that only one group's statements are
  // held. A file whose runner plan has a down section, or that the parser
  // does not read in groups, is read whole (kGroupedBytes: above).
  auto read_in_groups = [&](Job& job) {
    if (job.source->dialect() != Dialect::Postgres || !job.lint || options_.fix ||
        options_.statement_ranges || options_.change_set || job.source->text().size() < kGroupedBytes)
      return false;
    job.eff.settings.runner_layout = job.layout;
    auto head = std::make_shared<ir::ParsedFile>();
    std::unique_ptr<engine::FileOutline> outline;
    auto named = std::make_unique<analysis::SchemaModel::Named>();
    uint32_t end = 0;
    const bool ok = parser::parse_groups(
        *job.source, *head,
        [&](const ir::ParsedFile& h) {
          job.plan = analysis::plan_runner(job.source->path(), job.source->text(), h.comments,
                                           job.eff.settings.runner, job.eff.settings.runner_layout);
          if (job.plan.not_a_migration) return false;
          for (const auto& section : job.plan.sections)
            if (section.down) return false;  // down_migration reads its statements
          outline = std::make_unique<engine::FileOutline>(
              job.eff.settings, job.plan, analysis::may_suppress(h.comments, job.source->text()));
          return true;
        },
        [&](std::vector<ir::Statement>& group, size_t) {
          for (const auto& st : group) {
            // No statement holds another (ir::mark_held has nothing to mark).
            if (st.range.empty() || st.range.begin < end) return false;
            end = st.range.end;
            outline->add(st);
            named->add(st);
          }
          return true;
        },
        job.groups);
    if (!ok) {
      job.groups.clear();
      return false;
    }
    outline->finish(head->errors);
    job.parsed = std::move(head);
    job.outline = std::move(outline);
    job.named = std::move(named);
    return true;
  };
  auto parse_job = [&](Job& job, SharedParses& shared) {
    // A large file on disk is mapped rather than read (unless --fix may
    // write it): a file linted a group at a time gives back the pages of
    // each group once it is read (SourceFile::release).
    if (job.read_later &&
        !read_input(*job.in, job.bytes, job.read_error, map_large ? &job.mapped : nullptr, kGroupedBytes)) {
      job.lint = false;
      return;
    }
    {
      // What the folder tells of the runner: its listing and its ancestors'
      // project files, each looked at once per run.
      const std::lock_guard<std::mutex> lock(layouts_mutex);
      job.layout = layouts.of(job.down_base, listings);
    }
    // A schema snapshot among the migrations is replayed at its place, not linted.
    if (job.lint) {
      job.snapshot = job.eff.schema_file;
      if (job.snapshot.empty()) job.snapshot = dump_header(job.mapped ? job.mapped->bytes() : job.bytes);
      job.lint = job.snapshot.empty();
    }
    if (job.guess_only) {
      std::string why = job.guess.signs() > 0      ? "detected: " + job.guess.evidence
                        : !job.folder_vote.empty() ? job.folder_vote
                                                   : "default: no sign of either dialect";
      // The defaults already read PostgreSQL: only another dialect changes the rule set.
      if (job.guess.dialect == job.eff.settings.dialect)
        job.eff.dialect_from = std::move(why);
      else
        job.eff = engine::with_dialect(catalog_, job.config, options_.cli, config_path_of(*job.in),
                                       job.guess.dialect, std::move(why));
    }
    job.source =
        job.mapped
            ? std::make_shared<const SourceFile>(std::move(job.display_path), std::move(job.mapped),
                                                 job.eff.settings.dialect, &job.eff.settings.placeholders)
            : std::make_shared<const SourceFile>(std::move(job.display_path), std::move(job.bytes),
                                                 job.eff.settings.dialect, &job.eff.settings.placeholders);
    // A file read from disk may have been parsed already, as another input's
    // down migration (and is shared for that use once parsed here).
    const bool on_disk = !job.fs_path.empty() && !job.is_stdin && !job.in->text;
    if (on_disk) job.parsed = shared.find(job.fs_path, job.eff.settings);
    if (!job.parsed && read_in_groups(job)) {
      if (job.lint) load_down(job, listings, version_downs, &shared);
      return;
    }
    const bool parsed_here = !job.parsed;
    if (parsed_here) job.parsed = parse_maybe_cached(job, *job.source);
    const size_t failed = job.parsed->errors.size();
    const size_t total = failed + static_cast<size_t>(std::count_if(
                                      job.parsed->statements.begin(), job.parsed->statements.end(),
                                      [](const ir::Statement& st) { return !st.recovered; }));
    // A guess that floods syntax errors while the other dialect reads the
    // file with at most a quarter as many was wrong. Flooding: two failed
    // statements; with a sign only one dialect accepts (which the file may
    // hold by mistake), five and more than half of the file.
    const bool flood = job.guess.decisive() ? failed >= 5 && failed * 2 > total : failed >= 2;
    if (job.guess_only && flood) {
      const Dialect other = job.source->dialect() == Dialect::MySql ? Dialect::Postgres : Dialect::MySql;
      auto source = std::make_shared<const SourceFile>(job.source->path(), std::string(job.source->text()),
                                                       other, &job.eff.settings.placeholders);
      const size_t before = job.parsed->errors.size();
      // Only whether the other dialect fails fewer than a quarter as many
      // statements matters: its parse stops at that many failures (then
      // partial, and not taken).
      auto reparsed = parse_maybe_cached(job, *source, (before + 3) / 4);
      const size_t after = reparsed->errors.size();
      if (after * 4 < before) {
        auto name = [](Dialect d) { return d == Dialect::MySql ? "MySQL/MariaDB" : "PostgreSQL"; };
        job.source = std::move(source);
        job.parsed = std::move(reparsed);
        job.eff = engine::with_dialect(catalog_, job.config, options_.cli, config_path_of(*job.in), other,
                                       "detected: " + std::to_string(before) +
                                           " statements do not parse as " + name(job.guess.dialect) + ", " +
                                           std::to_string(after) + " as " + name(other));
      }
    }
    job.eff.settings.runner_layout = job.layout;  // after any change of dialect above
    if (on_disk && parsed_here) shared.add(job.fs_path, job.eff.settings, job.parsed);
    job.plan = analysis::plan_runner(job.source->path(), job.source->text(), job.parsed->comments,
                                     job.eff.settings.runner, job.eff.settings.runner_layout);
    if (job.lint) load_down(job, listings, version_downs, &shared);
  };

  // Files are migrations in order: replay them for the schema model (so an
  // ALTER COLUMN ... TYPE can be judged from its old type), and in a change
  // set, what an earlier file creates is new (and empty) for the files after it.
  std::vector<analysis::CreatedObject> created;
  auto model_owner = std::make_unique<analysis::SchemaModel>();
  analysis::SchemaModel& model = *model_owner;
  // A file read in groups read whole after all (Job::grouped).
  auto read_whole = [&](Job& job) {
    job.parsed = parse_maybe_cached(job, *job.source);
    job.outline.reset();
    job.named.reset();
    job.groups.clear();
  };
  if (!options_.schema_dump.empty()) {
    // The dump is the schema before the first migration.
    std::string bytes;
    std::string error;
    if (!read_file(options_.schema_dump, bytes, error)) {
      sink.problem({Problem::Kind::Io, "--schema-dump: " + error});
    } else {
      const SourceFile dump(options_.schema_dump, std::move(bytes), Dialect::Postgres);
      const ir::ParsedFile parsed = parser::parse(dump);
      for (const auto& st : parsed.statements) model.apply(st);
    }
  }
  const bool change_set = options_.change_set.has_value();
  // What a job's lint reads besides its text, parse, settings and rules,
  // with `history` (the job's, copied or moved).
  auto file_context = [](const Job& job, std::vector<analysis::KnownTable> history) {
    return engine::FileContext{.options = &job.eff.options,
                               .paired_down = job.down.get(),
                               .unreadable_down = job.down_unreadable,
                               .down_path = job.down_path,
                               .earlier = job.earlier,
                               .history = std::move(history),
                               .functions = job.functions,
                               .selection = job.rules};
  };
  // `last`: the job is not linted again (no fixes to apply), and its history
  // is handed over: the states only it holds are then changed in place by
  // the file's replay in its facts, not copied.
  // `fixed`: the text is the file's with fixes applied (its plan is worked out again).
  auto lint_job = [&](Job& job, bool last, bool fixed) {
    return engine::lint_file(job.source, *job.parsed, job.eff.settings, *job.eff.enabled, rules::registry(),
                             catalog_, file_context(job, last ? std::move(job.history) : job.history),
                             fixed ? nullptr : &job.plan);
  };
  // The lint of a file read in groups (Job::grouped): parsed again group
  // by group, each group's statements dropped once the rules visited them.
  // When a statement's facts read the schema model after the statements it
  // replays from are gone (ReplayedModel::Unavailable), or the file does not
  // parse the same way again, the file is read and linted whole.
  auto lint_in_groups = [&](Job& job) {
    {
      engine::FileLinter lint(job.source, *job.parsed, *job.outline, {}, job.eff.settings, *job.eff.enabled,
                              rules::registry(), catalog_, file_context(job, job.history), job.plan);
      bool whole = false;
      ir::ParsedFile head;
      size_t next = 0;
      const bool ok = parser::parse_groups(
          *job.source, head, [](const ir::ParsedFile&) { return true; },
          [&](std::vector<ir::Statement>& group, size_t first) {
            if (first != next) return false;
            next += group.size();
            try {
              lint.visit(group, first);
              lint.leave();
            } catch (const analysis::ReplayedModel::Unavailable&) {
              whole = true;
              return false;
            }
            return true;
          },
          job.groups);
      if (ok && !whole && next == job.outline->size) return lint.finish();
    }
    read_whole(job);
    return lint_job(job, true, false);
  };
  std::atomic<bool> write_failed{false};
  auto lint_one = [&](Job& job, FileOutcome& out) {
    out.fail_on = job.eff.fail_on;
    out.dialect_from = job.eff.dialect_from;
    out.fs_path = job.fs_path;
    out.is_stdin = job.is_stdin;
    // The change set's view of earlier files and the history stay as they
    // were: fixes do not change what a file creates.
    out.result = job.grouped() ? lint_in_groups(job) : lint_job(job, !options_.fix, false);
    if (options_.fix) {
      // Apply, re-lint, repeat: a fix deferred because it overlapped another
      // gets its turn in the next round. The report shows what is left.
      const std::shared_ptr<const SourceFile> original = job.source;
      std::optional<engine::FileResult> unfixed;  // the findings of the text on disk
      for (int round = 0; round < 10; ++round) {
        auto applied = engine::apply_fixes(job.source->text(), out.result.diagnostics, options_.unsafe_fixes);
        if (applied.applied == 0 || applied.text == job.source->text()) break;
        out.fixes_applied += applied.applied;
        if (!unfixed) unfixed = out.result;
        job.source =
            std::make_shared<const SourceFile>(job.source->path(), std::move(applied.text),
                                               job.eff.settings.dialect, &job.eff.settings.placeholders);
        job.parsed = std::make_shared<const ir::ParsedFile>(
            parser::parse(*job.source, parse_options(job.eff.settings)));
        out.result = lint_job(job, false, true);
      }
      out.changed = job.source->text() != original->text();
      if (out.changed && options_.write_fixes && !job.fs_path.empty()) {
        errno = 0;
        std::ofstream f(job.fs_path, std::ios::binary | std::ios::trunc);
        f << job.source->text();
        f.flush();
        if (!f) {
          // Report what is really in the file: the findings before the fixes.
          out.write_error = job.fs_path + ": cannot write the fixed file" +
                            (errno != 0 ? std::string(": ") + std::strerror(errno) : std::string());
          out.result = std::move(*unfixed);
          out.fixes_applied = 0;
          out.changed = false;
          write_failed = true;
        }
      }
    }
    if (options_.statement_ranges) {
      for (const auto& st : job.parsed->statements)
        if (!st.recovered) out.statements.push_back(st.range);  // its error's range follows
      for (const auto& e : job.parsed->errors) out.statements.push_back(e.statement);
      std::sort(out.statements.begin(), out.statements.end(),
                [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
    }
    sink.prepare(out);
  };

  // A window of files on its way through the stages. The stages of one
  // window run in order, and each sequential stage (read, replay, deliver)
  // takes the windows in order; the parallel stages (parse, lint) of one
  // window overlap the sequential stages of its neighbours: while the
  // workers lint window k-1 and parse windows k+1 to k+3, this thread
  // replays window k, delivers window k-1 and reads the next window. At most
  // five windows are held at once.
  struct Window {
    std::vector<Job> jobs;
    std::vector<Problem> problems;  // its inputs that could not be read, delivered with it
    std::vector<size_t> linted;     // the jobs that are linted (not history only)
    std::vector<FileOutcome> outcomes;
    std::unique_ptr<SharedParses> shared;  // while it is parsed
    WorkPool::Batch parse;
    WorkPool::Batch lint;
    bool last = false;  // the run's last window
  };
  // The window's files, read on this thread.
  size_t next = 0;
  auto read_window = [&] {
    auto w = std::make_unique<Window>();
    for (size_t bytes = 0; next < pending.size() && bytes < window_bytes && w->jobs.size() < window_files;) {
      const Pending& p = pending[next++];
      if (p.unreadable) continue;
      const Input& in = *p.in;
      Early* e = p.early == Pending::kNone ? nullptr : &early[p.early];
      Job job;
      if (e && e->have_bytes) {
        job.bytes = std::move(e->bytes);
        e->have_bytes = false;
        bytes += job.bytes.size();
      } else if (in.text) {
        job.bytes = *in.text;
        bytes += job.bytes.size();
      } else {
        // Read by the parse task; the window's size counts it at its size
        // when detection read it, else as the file system gives it.
        job.read_later = true;
        std::error_code ec;
        const auto size = e ? e->size : in.size ? *in.size : fs::file_size(in.fs_path, ec);
        bytes += ec ? 0 : static_cast<size_t>(size);
      }
      job.in = &in;
      job.config = p.config;
      job.eff = effective_of(in, p.config);
      job.guess_only = p.guess_only;
      if (e) {
        job.guess = std::move(e->guess);
        job.folder_vote = std::move(e->folder_vote);
      }
      job.lint = p.lint;
      job.display_path = in.display_path;
      job.fs_path = in.fs_path;
      job.is_stdin = in.is_stdin;
      job.down_base = in.fs_path.empty() ? options_.stdin_filename : in.fs_path;
      w->jobs.push_back(std::move(job));
    }
    return w;
  };
  // Workers take the older window's work first: window k's linting comes
  // before window k+1's parsing.
  auto start_parse = [&](Window& w, uint64_t k) {
    w.shared = std::make_unique<SharedParses>();
    for (size_t i = 0; i < w.jobs.size(); ++i) {
      const Job& job = w.jobs[i];
      if (!job.fs_path.empty() && !job.is_stdin && !job.in->text) w.shared->add_input(job.fs_path, i);
    }
    w.parse = pool.submit(w.jobs.size(), 2 * k + 1,
                          [&w, &parse_job](size_t i) { parse_job(w.jobs[i], *w.shared); });
  };
  // Replays the window's files into the schema model (on this thread, in
  // order) and starts linting them.
  auto replay_and_lint = [&](Window& w, uint64_t k) {
    for (auto& job : w.jobs)
      if (job.down_job != SIZE_MAX) take_down(job, w.jobs[job.down_job]);
    std::vector<size_t> ends;
    for (auto& job : w.jobs) {
      if (!job.read_error.empty()) {
        w.problems.push_back({Problem::Kind::Io, std::move(job.read_error)});
        ends.push_back(created.size());
        continue;
      }
      if (!job.snapshot.empty()) totals.snapshots.push_back({job.in->display_path, std::move(job.snapshot)});
      const analysis::RunnerPlan& plan = job.plan;
      if (plan.not_a_migration) {  // sqitch's verify scripts change nothing
        ends.push_back(created.size());
        continue;
      }
      if (job.grouped()) {
        // Read in groups when no file after it reads the model (its
        // statements are not replayed into it); else read whole now.
        if (w.last && &job == &w.jobs.back()) {
          job.history = model.needed_by(*job.named);
          job.functions = model.functions_needed_by(*job.named);
          ends.push_back(created.size());
          continue;
        }
        read_whole(job);
      }
      job.history = model.needed_by(*job.parsed);
      job.functions = model.functions_needed_by(*job.parsed);
      // No file after the run's last one reads the model (a large file's
      // columns would be held twice while it is linted: here and in its facts).
      if (!w.last || &job != &w.jobs.back()) {
        model.apply(*job.parsed, plan, job.eff.settings.runner_layout.split_version);
      }
      ends.push_back(created.size());
      if (change_set && job.lint) analysis::collect_created(*job.parsed, plan, created);
    }
    // `created` does not grow again until this window is linted.
    for (size_t i = 0; i < w.jobs.size(); ++i) w.jobs[i].earlier = {created.data(), ends[i]};
    if (!change_set) created.clear();

    for (size_t i = 0; i < w.jobs.size(); ++i) {
      Job& job = w.jobs[i];
      if (!job.lint) {
        job.parsed.reset();
        continue;
      }
      linted_any_ = true;
      // Rule sets are shared maps: each distinct one is merged, and its rules
      // selected, once.
      auto set = std::find(merged_.begin(), merged_.end(), job.eff.enabled);
      if (set == merged_.end()) {
        merged_.push_back(job.eff.enabled);
        selections_.push_back(std::make_unique<engine::RuleSelection>(
            engine::select_rules(rules::registry(), *job.eff.enabled, catalog_)));
        for (const auto& [id, sev] : *job.eff.enabled) enabled_.insert(id);
        set = std::prev(merged_.end());
      }
      job.rules = selections_[static_cast<size_t>(set - merged_.begin())].get();
      w.linted.push_back(i);
    }
    w.outcomes.resize(w.linted.size());
    w.lint = pool.submit(w.linted.size(), 2 * k, [&w, &lint_one](size_t j) {
      Job& job = w.jobs[w.linted[j]];
      lint_one(job, w.outcomes[j]);
      // What the run no longer needs: parse trees are the bulk of its memory.
      job.parsed.reset();
      job.down.reset();
      job.down_path = std::string();
      job.history = {};
      job.functions = {};
    });
  };
  auto deliver = [&](Window& w) {
    pool.wait(w.lint);
    for (const auto& problem : w.problems) sink.problem(problem);
    for (auto& out : w.outcomes) {
      if (!out.write_error.empty()) sink.problem({Problem::Kind::Io, out.write_error});
      ++totals.files;
      totals.fixes_applied += out.fixes_applied;
      totals.files_fixed += out.fixes_applied > 0;
      if (options_.fix && !options_.unsafe_fixes)
        for (const auto& d : out.result.diagnostics)
          totals.unsafe_left += d.fix && !d.suppressed && d.fix->applicability == Applicability::Unsafe;
      sink.file(std::move(out));
    }
    const std::lock_guard<std::mutex> lock(version_downs.mutex);
    version_downs.merged.clear();
  };

  // Windows read and being parsed, oldest first: three beyond the one being
  // replayed, so the workers have parsing to do while this thread replays,
  // delivers and reads (files differ in size a lot; with two, the workers
  // waited for work about 21 ms of a PostgreSQL corpus run, with three 5 ms).
  constexpr size_t kAhead = 3;
  std::deque<std::unique_ptr<Window>> parsing;
  std::unique_ptr<Window> linting;  // replayed and being linted
  uint64_t read_count = 0;
  // A delivered window is freed by a worker (the memory its workers
  // allocated, returned to their own malloc arenas), not by this thread.
  auto dispose = [&](std::unique_ptr<Window>& w, uint64_t k) {
    if (options_.exit_after && parsing.empty()) {
      leave_for_exit(std::shared_ptr<Window>(w.release()));  // one of the last: nothing waits for its memory
      return;
    }
    if (pool.threads() == 0) {
      w.reset();
      return;
    }
    pool.submit(1, 2 * k, [gone = std::shared_ptr<Window>(w.release())](size_t) mutable { gone.reset(); });
  };
  auto read_ahead = [&] {
    while (parsing.size() < kAhead && next < pending.size()) {
      parsing.push_back(read_window());
      start_parse(*parsing.back(), read_count++);
    }
  };
  try {
    read_ahead();
    for (uint64_t k = 0; !parsing.empty(); ++k) {
      std::unique_ptr<Window> w = std::move(parsing.front());
      parsing.pop_front();
      read_ahead();
      pool.wait(w->parse);
      w->shared.reset();
      // In a change set the window's files see what earlier files create,
      // and `created` must not grow while the window before is linted.
      if (change_set && linting) {
        deliver(*linting);
        dispose(linting, k);
      }
      w->last = parsing.empty();
      replay_and_lint(*w, k);
      if (w->last && options_.exit_after) {
        leave_for_exit(std::shared_ptr<analysis::SchemaModel>(model_owner.release()));
      } else if (w->last && pool.threads() > 0) {
        // No file after this window reads the model: a worker frees it.
        pool.submit(1, 2 * k,
                    [gone = std::shared_ptr<analysis::SchemaModel>(model_owner.release())](size_t) mutable {
                      gone.reset();
                    });
      }
      if (linting) {
        deliver(*linting);
        dispose(linting, k);
      }
      linting = std::move(w);
    }
    if (linting) {
      deliver(*linting);
      if (options_.exit_after) leave_for_exit(std::shared_ptr<Window>(linting.release()));
    }
    pool.drain();  // the windows and the model being freed
  } catch (...) {
    pool.drain();  // no worker may still use a window
    throw;
  }
  totals.write_failed = write_failed;
  return totals;
}

}  // namespace ddlint::driver
