// Unit tests for sources, the front-end's recovery, analysis and config.
#include <dirent.h>
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "analysis/annotations.h"
#include "analysis/column_mentions.h"
#include "analysis/down_migration.h"
#include "analysis/migration_facts.h"
#include "analysis/migration_order.h"
#include "analysis/postgres/pg_columns.h"
#include "analysis/postgres/pg_settings.h"
#include "analysis/runner.h"
#include "analysis/schema_model.h"
#include "analysis/suppressions.h"
#include "analysis/table_stats.h"
#include "core/mapped_file.h"
#include "core/path_text.h"
#include "core/runner_marker.h"
#include "core/source.h"
#include "core/stack.h"
#include "driver/inputs.h"
#include "driver/work_pool.h"
#include "engine/catalog.h"
#include "engine/config.h"
#include "engine/linter.h"
#include "engine/rule_context.h"
#include "ir/ir.h"
#include "ir/parsed_file.h"
#include "parser/detect.h"
#include "parser/parser.h"
#include "rules/annotation_helpers.h"
#include "rules/column_types.h"
#include "rules/registry.h"
#include "support/harness.h"

using namespace ddlint;

namespace {
// Recurses `depth` times with a kilobyte of stack per level; returns `depth`.
size_t recurse(size_t depth) {
  volatile char pad[1024];
  pad[0] = 1;
  if (depth == 0) return 0;
  return recurse(depth - 1) + static_cast<size_t>(pad[0]);
}
// The PostgreSQL parse of `sql`, which must parse without an error.
ir::ParsedFile file(const std::string& sql) {
  const SourceFile f("m.sql", sql);
  auto parsed = parser::parse(f);
  REQUIRE(parsed.errors.empty());
  return parsed;
}
}  // namespace

TEST_SUITE("core") {
  TEST_CASE("format_seconds writes what the std::to_string spelling of each unit wrote") {
    // The spelling before to_chars: std::to_string (%f), trailing zeros and
    // a bare point dropped.
    auto reference = [](double seconds) {
      auto number = [](double v) {
        std::string out = std::to_string(v);
        out.erase(out.find_last_not_of('0') + 1);
        if (!out.empty() && out.back() == '.') out.pop_back();
        return out;
      };
      if (seconds < 1) return number(std::round(seconds * 1000 * 1000) / 1000) + "ms";
      if (seconds < 60 || std::fmod(seconds, 60) != 0) return number(seconds) + "s";
      if (seconds < 3600 || std::fmod(seconds, 3600) != 0) return number(seconds / 60) + "min";
      if (seconds < 86400 || std::fmod(seconds, 86400) != 0) return number(seconds / 3600) + "h";
      return number(seconds / 86400) + "d";
    };
    for (const double s :
         {0.0,    -0.0,   0.0001,  0.0005,    0.001,    0.0123456, 0.5,           0.999999, 1.0,
          1.5,    2.25,   5.0,     59.999999, 60.0,     90.0,      120.0,         3599.5,   3600.0,
          5400.0, 7200.0, 86400.0, 90000.0,   172800.0, 1e10,      123.456789123, 1e300,    -5.0})
      CHECK(analysis::format_seconds(s) == reference(s));
    CHECK(analysis::format_seconds(5) == "5s");
    CHECK(analysis::format_seconds(0.25) == "250ms");
    CHECK(analysis::format_seconds(300) == "5min");
  }

  TEST_CASE("deep stack: runs, nests, rethrows, and holds more than a thread's default stack") {
    CHECK_FALSE(on_deep_stack());
    bool inside = false;
    bool nested = false;
    run_on_deep_stack([&] {
      inside = on_deep_stack();
      run_on_deep_stack([&] { nested = on_deep_stack(); });
    });
    CHECK(inside);
    CHECK(nested);
    CHECK_FALSE(on_deep_stack());
    CHECK_THROWS_WITH_AS(run_on_deep_stack([] { throw std::runtime_error("thrown deep"); }), "thrown deep",
                         std::runtime_error);
    CHECK_FALSE(on_deep_stack());
    // 64 MiB of frames: eight times a default 8 MiB stack.
    size_t levels = 0;
    run_on_deep_stack([&] { levels = recurse(size_t{64} * 1024); });
    CHECK(levels == size_t{64} * 1024);
    // The next call reuses the stack.
    run_on_deep_stack([&] { levels = recurse(1024); });
    CHECK(levels == 1024);
  }

  TEST_CASE("table stats: names match exactly, never by a guess") {
    analysis::TableStats pg;
    pg.dialect = Dialect::Postgres;
    pg.tables = {{"public", "orders", 10, 1}, {"billing", "orders", 20, 2}, {"audit", "logins", 30, 3}};
    CHECK(pg.find({"", "orders", {}})->rows == 10);         // unqualified: public
    CHECK(pg.find({"billing", "orders", {}})->rows == 20);  // qualified
    CHECK(pg.find({"", "logins", {}}) == nullptr);          // not in public: unknown
    CHECK(pg.find({"public", "Orders", {}}) == nullptr);    // names are exact
    CHECK(pg.find({"sales", "orders", {}}) == nullptr);
    analysis::TableStats my;
    my.dialect = Dialect::MySql;
    my.tables = {{"shop", "orders", 10, 1}, {"shop", "tags", 5, 1}, {"old", "tags", 7, 1}};
    CHECK(my.find({"", "orders", {}})->rows == 10);  // one database has it
    CHECK(my.find({"", "tags", {}}) == nullptr);     // two do: which one is unknown
    CHECK(my.find({"old", "tags", {}})->rows == 7);
    CHECK(analysis::thousands(12000000) == "12,000,000");
    CHECK(analysis::thousands(999) == "999");
    CHECK(analysis::human_bytes(3100000000) == "3.1 GB");
    CHECK(analysis::human_bytes(16384) == "16 kB");
    CHECK(analysis::human_duration(0.5) == "under 1 s");
    CHECK(analysis::human_duration(31) == "about 31 s");
    CHECK(analysis::human_duration(96) == "about 1.6 min");
    CHECK(analysis::human_duration(4 * 3600) == "about 4 h");
  }

  TEST_CASE("migration order: versions by value, downs right after their up, Flyway versions part by part") {
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
        return analysis::migration_order_less(a, b);
      });
      return v;
    };
    using V = std::vector<std::string>;
    CHECK(sorted({"m/10_c.up.sql", "m/2_b.down.sql", "m/1_a.up.sql", "m/2_b.up.sql", "m/1_a.down.sql"}) ==
          V{"m/1_a.up.sql", "m/1_a.down.sql", "m/2_b.up.sql", "m/2_b.down.sql", "m/10_c.up.sql"});
    CHECK(sorted({"d/2024-01-02-000000_b/down.sql", "d/2024-01-02-000000_b/up.sql",
                  "d/2024-01-01-000000_a/up.sql"}) == V{"d/2024-01-01-000000_a/up.sql",
                                                        "d/2024-01-02-000000_b/up.sql",
                                                        "d/2024-01-02-000000_b/down.sql"});
    CHECK(sorted({"R__views.sql", "V2__d.sql", "V1.10__c.sql", "U1.9__b.sql", "V1.9__b.sql", "V1_1__a2.sql",
                  "V1__a.sql"}) == V{"V1__a.sql", "V1_1__a2.sql", "V1.9__b.sql", "U1.9__b.sql",
                                     "V1.10__c.sql", "V2__d.sql", "R__views.sql"});
    CHECK(sorted({"x_down.sql", "x_up.sql"}) == V{"x_up.sql", "x_down.sql"});
    // Timestamps and zero-padded versions keep their order; the same number
    // spelled with leading zeros ties and falls back to the path.
    CHECK(sorted({"20240102_b.sql", "20231231_a.sql", "010_c.sql", "9_b.sql", "10_a.sql"}) ==
          V{"9_b.sql", "10_a.sql", "010_c.sql", "20231231_a.sql", "20240102_b.sql"});
    CHECK(analysis::migration_order_key("a/10.sql") == analysis::migration_order_key("a/0010.sql"));
    // Not Flyway: a V without a version, or a version without `__`.
    CHECK(sorted({"V2_x.sql", "Va__x.sql", "V10_x.sql"}) == V{"V2_x.sql", "V10_x.sql", "Va__x.sql"});
    // A folder's part of the key, then each name's: the same key.
    for (const std::string_view dir : {"", "/", "m/", "db/2024/v10/", "./a1/"})
      for (const std::string_view name : {"10_c.up.sql", "2_b.down.sql", "down.sql", "up.sql", "V1.10__c.sql",
                                          "U1.9__b.sql", "R__views.sql", "x_down.sql", "Va__x.sql", "a"}) {
        CAPTURE(dir);
        CAPTURE(name);
        std::string key = analysis::migration_order_folder_key(dir);
        analysis::append_migration_order_name_key(key, name);
        CHECK(key == analysis::migration_order_key(std::string(dir) + std::string(name)));
      }
  }

  TEST_CASE("folder listings: each folder once, whatever its spelling; a missing name is known missing") {
    namespace fs = std::filesystem;
    const auto root = fs::temp_directory_path() / ("ddlint-listings-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "d" / "conf");
    test::write(root / "d" / "b.sql", "");
    test::write(root / "d" / "conf" / "flyway.conf", "");
    fs::create_symlink("b.sql", root / "d" / "a.sql");
    driver::FolderListings listings;
    CHECK(listings.may_hold((root / "d").string(), "z.sql"));  // not listed yet: unknown
    const auto& listing = listings.list(root.string() + "//d/./");
    CHECK(listing.read);
    CHECK(listing.names == std::vector<std::string>{"a.sql", "b.sql", "conf"});
    // The file system's order, as readdir gives it, maps onto the sorted names.
    auto in_listed_order = [](const fs::path& dir, const driver::FolderListings::Listing& l) {
      std::vector<std::string> listed;
      for (DIR* d = ::opendir(dir.c_str()); d;) {
        const dirent* e = ::readdir(d);
        if (!e) {
          ::closedir(d);
          break;
        }
        if (e->d_name[0] != '.') listed.emplace_back(e->d_name);
      }
      std::vector<std::string> mapped;
      for (const uint32_t at : l.order) mapped.push_back(l.names.at(at));
      return mapped == listed;
    };
    CHECK(in_listed_order(root / "d", listing));
    // The same listing by any spelling of the folder (no second read).
    CHECK(&listings.list((root / "d").string()) == &listing);
    CHECK(listings.may_hold((root / "d").string(), "b.sql"));
    CHECK(!listings.may_hold((root / "d").string(), "z.sql"));
    CHECK(!listings.may_hold((root / "d" / ".").string(), ".git"));
    CHECK(listings.may_hold((root / "d").string(), "conf/flyway.conf"));  // `conf` is there
    CHECK(!listings.may_hold((root / "d").string(), "cfg/flyway.conf"));
    const auto b = listings.find((root / "d").string(), "b.sql");
    CHECK((b.listed && b.present));
    if (b.type != DT_UNKNOWN) {  // file systems that give types
      CHECK(b.type == DT_REG);
      CHECK(listings.find((root / "d").string(), "a.sql").type == DT_LNK);
      CHECK(listings.find((root / "d").string(), "conf").type == DT_DIR);
    }
    CHECK(listings.find((root / "d").string(), "conf/flyway.conf").type == 0);  // a/b: only `a` is known
    // Many names: sorted in place, each once, the order mapping back.
    fs::create_directories(root / "many");
    for (int i = 0; i < 300; ++i)
      test::write(root / "many" / (std::to_string((i * 7919) % 1000) + ".sql"), "");
    const auto& many = listings.list((root / "many").string());
    CHECK(many.names.size() == 300);
    CHECK(std::is_sorted(many.names.begin(), many.names.end()));
    CHECK(std::adjacent_find(many.names.begin(), many.names.end()) == many.names.end());
    CHECK(in_listed_order(root / "many", many));
    // A folder that cannot be listed answers nothing.
    CHECK(!listings.list((root / "missing").string()).read);
    CHECK(listings.may_hold((root / "missing").string(), "x"));
    // Relative to the working directory: the same key as the absolute path.
    const fs::path cwd = fs::current_path();
    fs::current_path(root);
    driver::FolderListings relative;
    const auto& here = relative.list("d/../d");
    CHECK(here.names.size() == 3);
    CHECK(&relative.list((root / "d" / ".." / "d").string()) == &here);
    CHECK(&relative.list("./d") != &here);  // `..` is kept: its folder may differ through a link
    // A working directory that was removed: relative folders are not taken for absolute ones.
    fs::create_directories(root / "gone");
    fs::current_path(root / "gone");
    fs::remove(root / "gone");
    driver::FolderListings orphan;
    CHECK(orphan.cwd().empty());
    CHECK(&orphan.list("d") != &orphan.list("/d"));
    CHECK(!orphan.list("d").read);
    fs::current_path(cwd);
    fs::remove_all(root);
  }

  TEST_CASE("named paths: told by their folder's listing as by a stat, only the size left unknown") {
    namespace fs = std::filesystem;
    const auto root = fs::temp_directory_path() / ("ddlint-named-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "m" / "dir.sql");
    fs::create_directories(root / "m" / "sub");
    test::write(root / "m" / "001_a.sql", "SELECT 1;\n");
    test::write(root / "m" / "002_B.SQL", "SELECT 22;\n");
    test::write(root / "m" / "dir.sql" / "x.sql", "SELECT 3;\n");
    test::write(root / "m" / "sub" / "y.sql", "SELECT 4;\n");
    fs::create_symlink("001_a.sql", root / "m" / "003_link.sql");
    fs::create_symlink("nowhere.sql", root / "m" / "004_dangling.sql");
    const fs::path cwd = fs::current_path();
    fs::current_path(root);
    const std::vector<std::string> paths = {"m/001_a.sql",
                                            "m/002_B.SQL",
                                            "m/dir.sql",
                                            "m/003_link.sql",
                                            "m/004_dangling.sql",
                                            "m/005_missing.sql",
                                            "./m/001_a.sql",
                                            "m/sub/../001_a.sql",
                                            "m/sub",
                                            "m/sub/y.sql/",
                                            "-"};
    struct Run {
      std::vector<std::string> files;  // display path, fs path, flags, size
      std::vector<std::string> errors;
    };
    auto collect = [&](bool listed) {
      Run r;
      driver::FolderListings listings;
      for (const auto& in : driver::collect_inputs(paths, "", r.errors, &listings, listed))
        r.files.push_back(in.display_path + " " + in.fs_path + " " + (in.is_stdin ? "stdin " : "") +
                          (in.named ? "named " : "") +
                          (in.size ? std::to_string(*in.size) : std::string(listed ? "?" : "-")));
      return r;
    };
    const Run stat = collect(false);
    const Run listed = collect(true);
    CHECK(stat.errors == std::vector<std::string>{"m/004_dangling.sql: dangling symbolic link",
                                                  "m/005_missing.sql: no such file or directory",
                                                  "m/sub/y.sql/: Not a directory"});
    CHECK(listed.errors == stat.errors);
    CHECK(stat.files == std::vector<std::string>{
                            "m/001_a.sql m/001_a.sql named 10", "m/002_B.SQL m/002_B.SQL named 11",
                            "m/dir.sql/x.sql m/dir.sql/x.sql -", "m/003_link.sql m/003_link.sql named 10",
                            "./m/001_a.sql ./m/001_a.sql named 10",
                            "m/sub/../001_a.sql m/sub/../001_a.sql named 10", "m/sub/y.sql m/sub/y.sql -",
                            "<stdin>  stdin -"});
    // The same inputs; a regular file its folder's listing told has no size
    // (no stat was made), a link (which the listing does not follow) has. (A
    // file found by walking a folder never has one.)
    driver::FolderListings types;
    types.list("m");
    if (types.find("m", "001_a.sql").type != DT_UNKNOWN) {  // file systems that give types
      CHECK(listed.files == std::vector<std::string>{
                                "m/001_a.sql m/001_a.sql named ?", "m/002_B.SQL m/002_B.SQL named ?",
                                "m/dir.sql/x.sql m/dir.sql/x.sql ?", "m/003_link.sql m/003_link.sql named 10",
                                "./m/001_a.sql ./m/001_a.sql named ?",
                                "m/sub/../001_a.sql m/sub/../001_a.sql named ?", "m/sub/y.sql m/sub/y.sql ?",
                                "<stdin>  stdin ?"});
    }
    fs::current_path(cwd);
    fs::remove_all(root);
  }

  TEST_CASE("work pool: every index runs once, waits see the work done, a task's exception reaches wait") {
    for (const unsigned threads : {0U, 1U, 2U, 4U}) {
      CAPTURE(threads);
      driver::WorkPool pool(threads);
      std::vector<std::atomic<int>> ran(1000);
      std::vector<int> order;  // with no worker: on this thread, in index order
      const auto batch = pool.submit(ran.size(), 1, [&](size_t i) {
        ++ran[i];
        if (threads == 0) order.push_back(static_cast<int>(i));
      });
      const auto empty = pool.submit(0, 0, [](size_t) { FAIL("an empty batch runs nothing"); });
      pool.wait(empty);
      pool.wait(batch);
      CHECK(std::all_of(ran.begin(), ran.end(), [](const std::atomic<int>& n) { return n.load() == 1; }));
      if (threads == 0) CHECK(order.size() == ran.size());
      if (threads == 0) CHECK(std::is_sorted(order.begin(), order.end()));

      std::atomic<int> done{0};
      const auto failing = pool.submit(50, 0, [&](size_t i) {
        ++done;
        if (i == 7) throw std::runtime_error("task 7");
      });
      CHECK_THROWS_WITH_AS(pool.wait(failing), "task 7", std::runtime_error);
      CHECK(done.load() == 50);  // the other indexes still ran
      pool.submit(20, 0, [&](size_t) { ++done; });
      pool.drain();
      CHECK(done.load() == 70);
    }
  }

  TEST_CASE("kept threads: join waits for the work; a joined thread serves the next start") {
    std::thread::id first;
    {
      std::atomic<bool> ran{false};
      driver::KeptThread t([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        first = std::this_thread::get_id();
        ran = true;
      });
      t.join();
      CHECK(ran.load());  // join returned after the work, not before
      CHECK(first != std::this_thread::get_id());
      t.join();  // a second join returns at once
    }
    // Started one after the other, the next runs on an idle kept thread
    // (no new thread); started at once, each runs on a thread of its own.
    std::thread::id second;
    driver::KeptThread([&] { second = std::this_thread::get_id(); }).join();
    CHECK(second == first);
    std::mutex mutex;
    std::condition_variable cv;
    int arrived = 0;
    std::set<std::thread::id> ids;
    {
      std::vector<driver::KeptThread> together;
      together.reserve(3);
      for (int k = 0; k < 3; ++k)
        together.emplace_back([&] {
          std::unique_lock<std::mutex> lock(mutex);
          ids.insert(std::this_thread::get_id());
          ++arrived;
          cv.notify_all();
          cv.wait(lock, [&] { return arrived == 3; });  // all three at once
        });
    }  // joined
    CHECK(ids.size() == 3);
    CHECK(ids.count(first) == 1);
  }

  TEST_CASE("lexically_normal: the same text as std::filesystem for every spelling") {
    // The common spellings take the fast route; the others std::filesystem's.
    CHECK(lexically_normal("./db/migrations/0001_init.sql") == "db/migrations/0001_init.sql");
    CHECK(lexically_normal("/srv/app//db/./x.sql") == "/srv/app/db/x.sql");
    CHECK(lexically_normal("db/../x.sql") == "x.sql");
    const char* const paths[] = {"",
                                 ".",
                                 "./",
                                 "..",
                                 "../x.sql",
                                 "a/..",
                                 "a/../..",
                                 "/",
                                 "//",
                                 "///a",
                                 "//a/b",
                                 "/..",
                                 "/../a",
                                 "a",
                                 "a/",
                                 "a/.",
                                 "a/./",
                                 "./a/./b/",
                                 "a//b",
                                 "a///b/",
                                 "./././a",
                                 ".a/b.",
                                 "a/.b/..c",
                                 "a/b/../../..",
                                 "/a/b/.",
                                 "x.up.sql",
                                 "./deploy/a.sql",
                                 "a/./../b",
                                 "a/b/c/./d.sql",
                                 "/./a"};
    for (const char* p : paths) {
      CAPTURE(p);
      CHECK(lexically_normal(p) == std::filesystem::path(p).lexically_normal().generic_string());
      CHECK(parent_path_text(p) == std::filesystem::path(p).parent_path().string());
    }
    for (const char* p : {"x.sql", "/x.sql", "db/x.sql", "./db/x.sql", "../db/./x.sql",
                          "/srv/a/b/0001_init.sql", "a/b/..", "a/b/.", "a/.b", "a//b.sql", "//x.sql"}) {
      CAPTURE(p);
      CHECK(parent_path_text(p) == std::filesystem::path(p).parent_path().string());
    }
  }

  TEST_CASE("mapped file: a source over a mapped file reads as one over the same bytes") {
    const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ddlint-mapped-test";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "big.sql").string();
    // Three pages and a bit: CRLF, a non-ASCII name, a NUL byte, invalid UTF-8.
    std::string bytes;
    while (bytes.size() < 3 * page) bytes += "ALTER TABLE t ADD COLUMN c\xC3\xA9 int;\r\n";
    bytes += std::string("SELECT '\xFF';\0\n", 13);
    REQUIRE(bytes.size() % page != 0);
    std::ofstream(path, std::ios::binary) << bytes;
    // Read as the driver reads it: mapped from a size on, else into a string.
    const auto read_mapped = [](const std::string& p, uint64_t from, std::string& into) {
      std::shared_ptr<const MappedFile> m;
      std::string error;
      REQUIRE(driver::read_file(p, into, error, std::nullopt, &m, from));
      return m;
    };
    std::string smaller;
    REQUIRE_FALSE(read_mapped(path, bytes.size() + 1, smaller));  // smaller than asked: read
    CHECK(smaller == bytes);
    std::string unused;
    auto mapped = read_mapped(path, 0, unused);
    REQUIRE(mapped);
    CHECK(mapped->bytes() == bytes);
    const SourceFile read("big.sql", bytes);
    const SourceFile from_map("big.sql", mapped);
    CHECK(from_map.text() == read.text());
    CHECK(from_map.parse_text() == read.parse_text());
    CHECK(from_map.eol() == "\r\n");
    CHECK(SourceFile("lf.sql", "SELECT 1;\nSELECT 2;\r").eol() == "\n");
    REQUIRE(from_map.encoding_problems().size() == read.encoding_problems().size());
    CHECK(from_map.lines().line_count() == read.lines().line_count());
    const auto end = static_cast<uint32_t>(bytes.size());
    for (uint32_t at : {0U, 100U, static_cast<uint32_t>(page) + 7, end - 3}) {
      CHECK(from_map.lines().position(at).line == read.lines().position(at).line);
      CHECK(from_map.lines().position(at).column == read.lines().position(at).column);
    }
    // Given back, the pages read the same again.
    from_map.release({0, end});
    CHECK(from_map.text() == bytes);
    // A size of whole pages is read, not mapped (the byte after the text must read as NUL).
    std::ofstream(dir / "pages.sql", std::ios::binary) << std::string(page, ' ');
    std::string pages;
    CHECK_FALSE(read_mapped((dir / "pages.sql").string(), 0, pages));
    CHECK(pages == std::string(page, ' '));
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("mapped file: a file truncated while mapped ends the process with a message, not a crash") {
    const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "ddlint-truncated-test";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "big.sql").string();
    std::ofstream(path, std::ios::binary) << std::string(3 * page + 10, 'x');
    std::shared_ptr<const MappedFile> mapped;
    std::string unused;
    std::string error;
    REQUIRE(driver::read_file(path, unused, error, std::nullopt, &mapped, 0));
    REQUIRE(mapped);
    const char* last = mapped->bytes().data() + 3 * page;
    int out[2];
    REQUIRE(::pipe(out) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {  // no allocation here: other threads may hold malloc's locks
      ::dup2(out[1], STDERR_FILENO);
      report_truncated_mappings(2);
      if (::truncate(path.c_str(), 0) != 0) ::_exit(3);
      const volatile char c = *last;  // past the file's new end
      ::_exit(c == 'x' ? 0 : 4);
    }
    ::close(out[1]);
    std::string message;
    char buf[256];
    for (ssize_t n; (n = ::read(out[0], buf, sizeof buf)) > 0;) message.append(buf, static_cast<size_t>(n));
    ::close(out[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(message.find("was truncated by another process while ddlint read it") != std::string::npos);
    mapped.reset();
    std::filesystem::remove_all(dir);
  }

  TEST_CASE("line index: LF, CRLF, CR, BOM and code-point columns") {
    const SourceFile f("x.sql",
                       "\xEF\xBB\xBF"
                       "ab\r\ncaf\xC3\xA9 x\rz");
    const auto& li = f.lines();
    CHECK(li.line_count() == 3);
    CHECK(li.position(3).line == 1);
    CHECK(li.position(3).column == 1);  // BOM is not a column
    CHECK(li.position(7).line == 2);
    CHECK(li.position(7).column == 1);
    CHECK(li.position(13).column == 6);  // after "café " (é is one column)
    CHECK(li.position(15).line == 3);
    CHECK(li.line_text(2) == "caf\xC3\xA9 x");
  }

  TEST_CASE("line index: a column counts the bytes that are not UTF-8 continuation bytes, at every offset") {
    // Lines long enough to be counted eight bytes at a time, with every byte
    // value in them (continuation bytes 0x80-0xBF and all others).
    std::string text;
    for (int round = 0; round < 3; ++round) {
      for (int b = 1; b < 256; ++b) {
        if (b == '\n' || b == '\r') continue;
        text += static_cast<char>(b);
        if ((b + round) % 37 == 0) text += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
      }
      text += round == 1 ? "\r\n" : "\n";
    }
    const SourceFile f("x.sql", text);
    const auto& li = f.lines();
    uint32_t line = 1;
    uint32_t column = 1;
    for (uint32_t offset = 0; offset <= text.size(); ++offset) {
      const LineColumn p = li.position(offset);
      CAPTURE(offset);
      REQUIRE(p.line == line);
      REQUIRE(p.column == column);
      if (offset == text.size()) break;
      const auto c = static_cast<unsigned char>(text[offset]);
      if (c == '\n') {
        ++line;
        column = 1;
      } else if ((c & 0xC0) != 0x80) {
        ++column;
      }
    }
  }

  TEST_CASE("line index: SourceFile's line starts are those LineIndex finds in the text, at every offset") {
    // SourceFile finds the line starts while it checks the bytes, sixteen at
    // a time; LineIndex's own scan reads the text alone. A newline at each
    // offset of a 16-byte block and next to a byte from 0x80 up, an invalid
    // byte, a NUL or a '\r'; a BOM; runs of newlines; no newline at all.
    const std::string inserts[] = {"",   "\xC3\xA9", "\xFF",        std::string(1, '\0'),
                                   "\r", "\r\n",     "\xEF\xBB\xBF"};
    std::vector<std::string> texts;
    for (const std::string& ins : inserts)
      for (size_t at = 0; at < 40; ++at) {
        std::string t(40, 'x');
        for (size_t k = at; k < t.size(); k += 7) t[k] = '\n';
        texts.push_back(t.substr(0, at) + ins + t.substr(at));
        texts.push_back("\xEF\xBB\xBF" + t.substr(0, at) + ins + "\n\n\n" + t.substr(at));
      }
    texts.emplace_back(100, 'x');
    texts.emplace_back(100, '\n');
    texts.emplace_back("");
    for (const std::string& t : texts) {
      const SourceFile f("x.sql", t);
      const LineIndex want(f.text(), 0, 0);
      const auto& got = f.lines();
      CAPTURE(t);
      REQUIRE(got.line_count() == want.line_count());
      for (uint32_t line = 1; line <= want.line_count(); ++line)
        REQUIRE(got.line_start(line) == want.line_start(line));
    }
  }

  TEST_CASE("line index: position_after(from, position(from), offset) is position(offset) for every pair") {
    // ASCII only; ASCII then UTF-8 (columns counted as bytes up to the first
    // byte from 0x80 up, then by code points); a BOM (no column) and CR, CRLF
    // and LF endings; an empty line, an empty last line.
    const std::string bom = "\xEF\xBB\xBF";
    const std::string texts[] = {"ab\ncd\r\n\nefgh\rij\n",
                                 "select 1;\nx caf\xC3\xA9 \xE2\x82\xAC y\r\nz\xF0\x9F\x98\x80z\n\nend",
                                 bom + "a\xC3\xA9" + "b\r\n\xC3\xA9\rc\n", bom, ""};
    for (const std::string& t : texts) {
      const SourceFile f("x.sql", t);
      const auto& li = f.lines();
      const auto size = static_cast<uint32_t>(f.text().size());
      for (uint32_t from = 0; from <= size + 1; ++from) {
        const LineColumn at = li.position(from);
        for (uint32_t offset = 0; offset <= size + 1; ++offset) {
          const LineColumn want = li.position(offset);
          const LineColumn got = li.position_after(from, at, offset);
          CAPTURE(t);
          CAPTURE(from);
          CAPTURE(offset);
          REQUIRE(got.line == want.line);
          REQUIRE(got.column == want.column);
        }
      }
    }
  }

  TEST_CASE("invalid UTF-8 and NUL bytes become problems, not crashes") {
    const SourceFile f("x.sql", std::string("SELECT '\xFF\xFE';\nSELECT 1;\0", 23));
    REQUIRE(f.encoding_problems().size() == 2);
    CHECK(f.encoding_problems()[0].range.begin == 8);
    CHECK(f.encoding_problems()[0].range.end == 10);
    CHECK(f.parse_text().size() == f.text().size());
    const auto r = test::lint("x.sql", std::string(f.text()), {"syntax-error"});
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "syntax-error");
    CHECK(r.source->lines().position(r.diagnostics[0].range.begin).line == 1);
    CHECK(r.stats.statements == 2);
  }

  TEST_CASE("read_file: a file is read whole whatever size the caller was told") {
    namespace fs = std::filesystem;
    const fs::path f = fs::temp_directory_path() / ("ddlint-read-" + std::to_string(::getpid()) + ".sql");
    std::string text;
    for (int i = 0; i < 20000; ++i) text += "SELECT " + std::to_string(i) + ";\n";  // 250 KB: several reads
    test::write(f, text);
    std::string bytes;
    std::string error;
    // The size as a stat gave it, none (fstat), a stale one from before the
    // file grew or shrank, and zero.
    for (const std::optional<uint64_t> size :
         {std::optional<uint64_t>(text.size()), std::optional<uint64_t>(), std::optional<uint64_t>(10),
          std::optional<uint64_t>(text.size() * 3), std::optional<uint64_t>(0),
          std::optional<uint64_t>(text.size() - 1), std::optional<uint64_t>(text.size() + 1)}) {
      CAPTURE(size.value_or(999999999));
      bytes = "left over";
      REQUIRE(driver::read_file(f.string(), bytes, error, size));
      CHECK(bytes == text);
    }
    test::write(f, "");
    REQUIRE(driver::read_file(f.string(), bytes, error, 0));
    CHECK(bytes.empty());
    REQUIRE(driver::read_file(f.string(), bytes, error, 100));
    CHECK(bytes.empty());
    fs::remove(f);
    CHECK_FALSE(driver::read_file(f.string(), bytes, error, 5));
    CHECK(error == f.string() + ": cannot open: No such file or directory");
  }

  TEST_CASE("file_base_name: the part after the last / or \\") {
    using ddlint::analysis::file_base_name;
    CHECK(file_base_name("") == "");
    CHECK(file_base_name("x.sql") == "x.sql");
    CHECK(file_base_name("/") == "");
    CHECK(file_base_name("a/") == "");
    CHECK(file_base_name("db/migrations/001_x.up.sql") == "001_x.up.sql");
    CHECK(file_base_name("./a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/0123456789_long_name.sql") ==
          "0123456789_long_name.sql");
    CHECK(file_base_name("C:\\db\\m\\001.sql") == "001.sql");
    CHECK(file_base_name("a\\b/c.sql") == "c.sql");
    CHECK(file_base_name("a/b\\c.sql") == "c.sql");
    CHECK(file_base_name("\\") == "");
  }

  TEST_CASE("a NUL, an invalid byte and a valid multi-byte character are found at any offset") {
    // The ASCII scan reads eight bytes at a time: each kind of byte at every
    // offset of two such blocks, with plain bytes before and after it.
    for (size_t at = 0; at < 24; ++at) {
      CAPTURE(at);
      std::string nul(32, 'a');
      nul[at] = '\0';
      const SourceFile a("x.sql", nul);
      REQUIRE(a.encoding_problems().size() == 1);
      CHECK(a.encoding_problems()[0].range.begin == at);
      CHECK(a.encoding_problems()[0].range.end == at + 1);
      CHECK(a.parse_text()[at] == ' ');

      std::string bad(32, 'a');
      bad[at] = '\xFF';
      const SourceFile b("x.sql", bad);
      REQUIRE(b.encoding_problems().size() == 1);
      CHECK(b.encoding_problems()[0].range.begin == at);
      CHECK(b.encoding_problems()[0].description == "invalid UTF-8 byte 0xFF");

      std::string good(32, 'a');
      good.replace(at, 2, "\xC3\xA9");
      const SourceFile c("x.sql", good);
      CHECK(c.encoding_problems().empty());
      CHECK(c.parse_text() == c.text());
    }
  }

  TEST_CASE("one broken statement among ten: one syntax-error, the other nine linted") {
    std::string sql;
    for (int i = 1; i <= 10; ++i) {
      if (i == 6)
        sql += "ALTER TABLE t6 ADD COLUMN c6 int NOT NULL DEFALT 0;\n";
      else
        sql += "ALTER TABLE t" + std::to_string(i) + " DROP COLUMN c" + std::to_string(i) + ";\n";
    }
    const auto r = test::lint("ten.sql", sql, {"syntax-error", "drop-column"});
    size_t syntax = 0;
    size_t drops = 0;
    for (const auto& d : r.diagnostics) {
      const auto pos = r.source->lines().position(d.range.begin);
      if (d.rule == "syntax-error") {
        ++syntax;
        CHECK(pos.line == 6);
        CHECK(pos.column == 43);  // at "DEFALT"
        CHECK(d.message.find("DEFALT") != std::string::npos);
      } else {
        ++drops;
        CHECK(pos.line != 6);
      }
    }
    CHECK(syntax == 1);
    CHECK(drops == 9);
    CHECK(r.stats.statements == 10);
    CHECK(r.stats.syntax_errors == 1);
  }

  TEST_CASE("max_errors: the front-end stops at that many failed statements and marks the result partial") {
    // Failing statements 2, 4 and 5 of six (both dialects), each on its own line.
    struct Case {
      Dialect dialect;
      std::string sql;
    };
    const Case cases[] = {
        {Dialect::Postgres,
         "CREATE TABLE a (id int);\nCREAT TABLE b (id int);\nCREATE TABLE c (id int);\n"
         "CREAT TABLE d (id int);\nCREAT TABLE e (id int);\nCREATE TABLE f (id int);\n"},
        {Dialect::MySql,
         "CREATE TABLE a (id int);\nCREAT TABLE b (id int);\nCREATE TABLE c (id int);\n"
         "CREAT TABLE d (id int);\nCREAT TABLE e (id int);\nCREATE TABLE f (id int);\n"},
    };
    for (const auto& k : cases) {
      CAPTURE(static_cast<int>(k.dialect));
      const SourceFile src("m.sql", k.sql, k.dialect);
      auto lines = [&](const std::vector<ir::ParseError>& errors) {
        std::vector<uint32_t> out;
        out.reserve(errors.size());
        for (const auto& e : errors) out.push_back(src.lines().position(e.range.begin).line);
        return out;
      };
      auto statement_lines = [&](const ir::ParsedFile& f) {
        std::vector<uint32_t> out;
        out.reserve(f.statements.size());
        for (const auto& st : f.statements) out.push_back(src.lines().position(st.range.begin).line);
        return out;
      };
      const ir::ParsedFile whole = parser::parse(src);
      CHECK_FALSE(whole.partial);
      CHECK(lines(whole.errors) == std::vector<uint32_t>{2, 4, 5});
      CHECK(statement_lines(whole) == std::vector<uint32_t>{1, 3, 6});
      for (const size_t limit : {size_t{1}, size_t{2}, size_t{3}}) {
        CAPTURE(limit);
        parser::ParseOptions opts;
        opts.max_errors = limit;
        const ir::ParsedFile part = parser::parse(src, opts);
        CHECK(part.partial);  // statement 6 is never read, even at 3
        const std::vector<uint32_t> all{2, 4, 5};
        CHECK(lines(part.errors) ==
              std::vector<uint32_t>(all.begin(), all.begin() + static_cast<long>(limit)));
        CHECK(statement_lines(part) == (limit == 1 ? std::vector<uint32_t>{1} : std::vector<uint32_t>{1, 3}));
      }
      // A limit the file does not reach: the whole file, not partial.
      parser::ParseOptions opts;
      opts.max_errors = 4;
      const ir::ParsedFile full = parser::parse(src, opts);
      CHECK_FALSE(full.partial);
      CHECK(lines(full.errors) == lines(whole.errors));
      CHECK(statement_lines(full) == statement_lines(whole));
    }
  }

  TEST_CASE("unterminated quote: statements before it are still linted") {
    const auto r =
        test::lint("q.sql", "ALTER TABLE a DROP COLUMN b;\nSELECT 'oops;\n", {"syntax-error", "drop-column"});
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "drop-column");
    CHECK(r.diagnostics[1].rule == "syntax-error");
    CHECK(r.source->lines().position(r.diagnostics[1].range.begin).line == 2);
  }

  TEST_CASE("an unterminated block comment is a syntax error, statements before it are linted") {
    const auto r =
        test::lint("c.sql", "ALTER TABLE a DROP COLUMN b;\n/* never closed\nALTER TABLE a DROP COLUMN c;\n",
                   {"syntax-error", "drop-column"});
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.diagnostics[0].rule == "drop-column");
    CHECK(r.diagnostics[1].rule == "syntax-error");
    CHECK(r.source->lines().position(r.diagnostics[1].range.begin).line == 2);
  }

  TEST_CASE("psql meta-commands and COPY data are skipped with one finding each") {
    const std::string sql =
        "\\set ON_ERROR_STOP on\n"
        "COPY t (a, b) FROM stdin;\n1\tx\n2\ty;z\n\\.\n"
        "\\connect other\n"
        "ALTER TABLE t DROP COLUMN a;\n";
    const auto r = test::lint("p.sql", sql, {"syntax-error", "skipped-input", "drop-column"});
    std::vector<std::pair<std::string, uint32_t>> got;
    for (const auto& d : r.diagnostics)
      got.emplace_back(d.rule, r.source->lines().position(d.range.begin).line);
    const std::vector<std::pair<std::string, uint32_t>> want = {
        {"skipped-input", 1}, {"skipped-input", 3}, {"skipped-input", 6}, {"drop-column", 7}};
    CHECK(got == want);
  }

  TEST_CASE("runner section markers end a statement that lacks its semicolon") {
    const std::string sql =
        "-- +goose Up\n-- +goose StatementBegin\nALTER TABLE a DROP COLUMN b\n-- +goose StatementEnd\n"
        "-- +goose Down\nALTER TABLE a ADD COLUMN b int;\n"
        "-- migrate:up\nALTER TABLE c DROP COLUMN d\n-- migrate:down\nSELECT 1;\n";
    // goose is the runner (so line 8 is in its Down section): strict keeps
    // data-loss rules on down migrations.
    analysis::Settings settings;
    settings.down = analysis::DownPolicy::Strict;
    const auto r = test::lint("g.sql", sql, {"syntax-error", "drop-column"}, settings);
    CHECK(r.stats.statements == 4);
    CHECK(r.stats.syntax_errors == 0);
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(r.source->lines().position(r.diagnostics[0].range.begin).line == 3);
    CHECK(r.source->lines().position(r.diagnostics[1].range.begin).line == 8);
  }

  TEST_CASE("durations") {
    using analysis::parse_duration_seconds;
    CHECK(parse_duration_seconds("5-10 minutes") == 600.0);
    CHECK(parse_duration_seconds("30s") == 30.0);
    CHECK(parse_duration_seconds("2m") == 120.0);
    CHECK(parse_duration_seconds("1h") == 3600.0);
    CHECK(parse_duration_seconds("under 1 minute") == 60.0);
    CHECK(parse_duration_seconds("90 seconds") == 90.0);
    CHECK_FALSE(parse_duration_seconds("a while").has_value());
    CHECK(parse_duration_seconds("~30s") == 30.0);
    CHECK(parse_duration_seconds("about 2 minutes") == 120.0);
    CHECK(parse_duration_seconds("< 1s") == 1.0);
    CHECK(parse_duration_seconds("500ms") == 0.5);
    CHECK(parse_duration_seconds("1-2 hours") == 7200.0);
    // A closing remark in parentheses is not part of the duration.
    CHECK(parse_duration_seconds(
              "about 1.6 min (estimated from table stats: orders ~48,000,000 rows, 9.6 GB)") ==
          doctest::Approx(96.0));
    CHECK(parse_duration_seconds("5 minutes (measured on staging)") == 300.0);
    CHECK_FALSE(parse_duration_seconds("(measured on staging)").has_value());
    CHECK_FALSE(parse_duration_seconds("a while (measured on staging)").has_value());
    CHECK(parse_duration_seconds("5 to 10 min") == 600.0);
  }

  TEST_CASE("row counts of `Tested on:`") {
    using analysis::parse_row_count;
    CHECK(parse_row_count("2M row table") == 2e6);
    CHECK(parse_row_count("2 million rows") == 2e6);
    CHECK(parse_row_count("2,000,000 rows") == 2e6);
    CHECK(parse_row_count("500k") == 5e5);
    CHECK(parse_row_count("~1.5M rows") == 1.5e6);
    CHECK_FALSE(parse_row_count("lots of rows").has_value());
    CHECK_FALSE(parse_row_count("2 weeks of data").has_value());
  }

  TEST_CASE("lock annotations in the words people write") {
    // Each form, as tables and what they are declared to block.
    auto read = [](const std::string& line) {
      std::vector<std::pair<TextRange, std::string_view>> comments = {{{0, 1}, line}};
      const auto ann = analysis::parse_annotations(comments, 100);
      std::string out;
      for (const auto& d : ann.locks) out += d.table + "=" + std::string(analysis::to_string(d.blocks)) + " ";
      for (const auto& p : ann.lock_problems) out += "[" + p + "] ";
      if (ann.locks_incomplete) out += "incomplete";
      return out;
    };
    CHECK(read("-- Locks: users table (write lock)") == "users=write ");
    CHECK(read("-- Locks: users (write)") == "users=write ");
    CHECK(read("-- Locks: users: ACCESS EXCLUSIVE") == "users=exclusive ");
    CHECK(read("-- Locks: table users, orders (SHARE)") == "users=write orders=write ");
    CHECK(read("-- Locks: users, orders - write lock") == "users=write orders=write ");
    CHECK(read("-- Locks: none") == "");
    CHECK(read("-- Locks: no locks") == "");
    CHECK(read("-- Locks: app.users (share row exclusive), \"Orders\" (row exclusive)") ==
          "app.users=write \"orders\"=none ");
    CHECK(read("-- Locks: `users` and items tables (exclusive lock)") ==
          "`users`=exclusive items=exclusive ");
    CHECK(read("-- Locks: users") == "users=exclusive ");
    CHECK(read("-- Locks: users tabel (write), orders (wrte)") ==
          "orders=exclusive [cannot read the table name `users tabel`] [cannot read the lock level `wrte` of "
          "`orders`] incomplete");
  }

  TEST_CASE("annotations: prose and structured forms") {
    std::string a = "-- Expected duration: 5-10 minutes";
    std::string b = "-- Locks: users (write lock), orders (exclusive, brief)";
    std::vector<std::pair<TextRange, std::string_view>> comments = {{{0, 1}, a}, {{2, 3}, b}};
    auto ann = analysis::parse_annotations(comments, 100);
    CHECK(ann.has_duration);
    CHECK(ann.duration_seconds == 600.0);
    REQUIRE(ann.locks.size() == 2);
    CHECK(ann.locks[0].table == "users");
    CHECK(ann.locks[0].blocks == analysis::Blocks::Writes);
    CHECK(ann.locks[1].blocks == analysis::Blocks::ReadsAndWrites);

    std::string s = "-- ddlint: duration=10m locks=users:write,orders:exclusive";
    ann = analysis::parse_annotations({{{0, 1}, s}}, 100);
    CHECK(ann.duration_seconds == 600.0);
    REQUIRE(ann.locks.size() == 2);
    CHECK(ann.locks[1].table == "orders");

    // Comments after the first statement are not the header.
    ann = analysis::parse_annotations({{{200, 201}, a}}, 100);
    CHECK_FALSE(ann.has_duration);

    // A block of lines: keys in any case after `*` or `-` bullets; other
    // lines, and keys not at the start of their line, are not annotations.
    std::string block =
        "/* Migration notes\n * See: expected duration: 1h\n * TESTED ON: 2M rows\n"
        "\n  - Locks: users (exclusive)\n * note: locks: orders\n * Expected Duration: 30s */";
    ann = analysis::parse_annotations({{{0, 1}, block}}, 100);
    CHECK(ann.has_duration);
    CHECK(ann.duration_text == "30s");
    CHECK(ann.duration_seconds == 30.0);
    CHECK(ann.has_tested);
    CHECK(ann.tested_text == "2M rows");
    REQUIRE(ann.locks.size() == 1);
    CHECK(ann.locks[0].table == "users");
    std::string prose = "-- Run during the night; expected duration: 5 minutes";
    CHECK_FALSE(analysis::parse_annotations({{{0, 1}, prose}}, 100).has_duration);
  }

  TEST_CASE("pg_is_serial_type: the serial pseudo-types by their exact spelling, never as arrays") {
    auto serial = [](std::string name, bool array = false) {
      ir::TypeName t;
      t.name = std::move(name);
      t.array = array;
      return analysis::pg_is_serial_type(t);
    };
    for (const char* name : {"serial", "bigserial", "smallserial", "serial2", "serial4", "serial8"}) {
      CHECK(serial(name));
      CHECK_FALSE(serial(name, true));
    }
    for (const char* name : {"", "s", "b", "serial9", "serials", "bserial", "SERIAL", "bigint", "smallint",
                             "int4", "text", "sequence", "bigserial8"})
      CHECK_FALSE(serial(name));
  }

  TEST_CASE("suppression comments") {
    std::string c1 = "-- ddlint-ignore drop-column, ban-drop-table -- legacy cleanup";
    std::string c2 = "-- ddlint-ignore-file syntax-error";
    const std::string text(100, ' ');
    auto s = analysis::parse_suppressions({{{0, 10}, c1}, {{50, 60}, c2}}, {{20, 40}, {70, 80}}, text);
    REQUIRE(s.size() == 2);
    CHECK(s[0].rules == std::vector<std::string>{"drop-column", "ban-drop-table"});
    CHECK(s[0].reason == "legacy cleanup");
    CHECK(s[0].target == TextRange{20, 40});
    CHECK(s[1].file_level);
  }

  TEST_CASE("dialect detection: signs of each dialect, outside comments and strings") {
    using parser::detect_dialect;
    struct Case {
      const char* sql;
      const char* path;
      Dialect dialect;
      const char* evidence;
    };
    const Case cases[] = {
        {"CREATE TABLE `t` (id INT);", "", Dialect::MySql, "backtick-quoted names"},
        {"CREATE TABLE t (id INT) ENGINE = InnoDB;", "", Dialect::MySql, "ENGINE="},
        {"CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, n INT UNSIGNED);", "", Dialect::MySql,
         "AUTO_INCREMENT, UNSIGNED"},
        {"DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\nDELIMITER ;\n", "", Dialect::MySql,
         "DELIMITER"},
        {"# a comment\nALTER TABLE t ADD COLUMN c INT;", "", Dialect::MySql, "# comments"},
        {"ALTER TABLE t MODIFY c BIGINT;", "", Dialect::MySql, "MODIFY/CHANGE"},
        {"ALTER TABLE t ADD COLUMN c INT AFTER b;", "", Dialect::MySql, "column position AFTER"},
        {"DROP INDEX i ON t;", "", Dialect::MySql, "DROP INDEX ... ON"},
        {"CREATE INDEX i ON t (c);", "db/mysql/001.sql", Dialect::MySql, "the file's path"},
        {"CREATE INDEX i ON t (c);", "V2__x.mariadb.sql", Dialect::MySql, "the file's path"},
        {"CREATE INDEX CONCURRENTLY i ON t (c);", "", Dialect::Postgres, "CONCURRENTLY"},
        {"SELECT a::text FROM t;", "", Dialect::Postgres, ":: casts"},
        {"DO $$ BEGIN PERFORM 1; END $$;", "", Dialect::Postgres, "dollar-quoted bodies"},
        {"ALTER TABLE t ALTER COLUMN c TYPE bigint;", "", Dialect::Postgres, "ALTER COLUMN ... TYPE"},
        {"ALTER TABLE t ALTER COLUMN c SET NOT NULL;", "", Dialect::Postgres, "SET/DROP NOT NULL"},
        {"CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();", "", Dialect::Postgres, ""},
        {"CREATE INDEX i ON t (c);", "", Dialect::Postgres, ""},
        // Signs in comments and strings do not count; the path is weaker than the text.
        {"-- ENGINE=InnoDB `x`\n/* AUTO_INCREMENT */ INSERT INTO t VALUES ('`a` ENGINE=x');", "",
         Dialect::Postgres, ""},
        {"CREATE INDEX CONCURRENTLY i ON t (c);", "mysql/001.sql", Dialect::Postgres, "CONCURRENTLY"},
        {"/*!40101 SET NAMES utf8 */;", "", Dialect::MySql, "/*! ... */ comments"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.sql);
      const auto g = detect_dialect(c.sql, c.path);
      CHECK(g.dialect == c.dialect);
      CHECK(g.evidence == c.evidence);
    }
    CHECK(detect_dialect("CREATE TABLE `t` (id INT);").decisive());
    CHECK_FALSE(detect_dialect("ALTER TABLE t MODIFY c BIGINT;").decisive());
  }

  TEST_CASE("dialect detection: strings, quoted names and the words a sign looks back at") {
    using parser::detect_dialect;
    struct Case {
      const char* sql;
      Dialect dialect;
      const char* evidence;
      int mysql_signs;
      int postgres_signs;
    };
    const Case cases[] = {
        // A backslash escapes the quote after it; a doubled quote stays inside.
        {"INSERT INTO t VALUES ('it\\'s `a` ENGINE=x');", Dialect::Postgres, "", 0, 0},
        {"INSERT INTO t VALUES ('it''s `a`', 'b');", Dialect::Postgres, "", 0, 0},
        {"INSERT INTO t VALUES ('a\\\\', `b`);", Dialect::MySql, "backtick-quoted names", 10, 0},
        // An unterminated string, or a backslash at the very end, runs to the end.
        {"INSERT INTO t VALUES ('a `b`", Dialect::Postgres, "", 0, 0},
        {"SELECT 'a\\", Dialect::Postgres, "", 0, 0},
        {"SELECT `a", Dialect::MySql, "backtick-quoted names", 10, 0},
        // A double-quoted name after TABLE, ON, FROM ... (not after a string).
        {"CREATE TABLE \"t\" (id int);", Dialect::Postgres, "double-quoted names", 0, 2},
        {"SELECT 'x' \"t\";", Dialect::Postgres, "", 0, 0},
        {"ALTER TABLE t ALTER COLUMN \"c\" TYPE text;", Dialect::Postgres,
         "double-quoted names, ALTER COLUMN ... TYPE", 0, 4},
        // Signs read the words before them, whatever their case; a string in
        // between forgets them, as do a DELIMITER line and a long word.
        {"drop index i on t;", Dialect::MySql, "DROP INDEX ... ON", 2, 0},
        {"DROP INDEX IF EXISTS i ON t;", Dialect::MySql, "DROP INDEX ... ON", 2, 0},
        {"DROP INDEX averyveryverylongindexname ON t;", Dialect::MySql, "DROP INDEX ... ON", 2, 0},
        {"DROP INDEX 'i' ON t;", Dialect::Postgres, "", 0, 0},
        {"ALTER TABLE t ADD c INT, MODIFY d INT;", Dialect::MySql, "MODIFY/CHANGE", 2, 0},
        {"ALTER TABLE t CHANGE a b INT;", Dialect::MySql, "MODIFY/CHANGE", 2, 0},
        {"SELECT a$b, c FROM t; UNLOCK TABLES;", Dialect::MySql, "LOCK TABLES", 2, 0},
        {"ALTER TABLE t ALTER c DROP NOT NULL, ALTER d SET DEFAULT NOT NULL;", Dialect::Postgres,
         "SET/DROP NOT NULL", 0, 2},
        {"CREATE TABLE t (u TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);", Dialect::MySql,
         "ON UPDATE CURRENT_TIMESTAMP", 2, 0},
        {"COMMENT ON TABLE t IS 'x'; ALTER TABLE t OWNER TO u;", Dialect::Postgres, "COMMENT ON, OWNER TO", 0,
         4},
        {"CREATE INDEX i ON t USING gin (c);", Dialect::Postgres, "USING GIN/GIST", 0, 2},
        {"DELIMITER //\nCREATE TABLE t (a int) //\nDELIMITER ;\nON t;", Dialect::MySql, "DELIMITER", 10, 0},
        {"-- ENGINE=x\n# `a`\nSELECT 1 # `b`\n;", Dialect::MySql, "# comments", 2, 0},
        // `#` and DELIMITER start a line when only blanks stand before them on
        // it (a string or comment that began on a line before does not).
        {"SELECT 'a\n' # `x`\n;", Dialect::Postgres, "", 0, 0},
        {"/* a\n*/ # x\nSELECT 1;", Dialect::Postgres, "", 0, 0},
        {"-- a \t\n \t# x\nSELECT 1;", Dialect::MySql, "# comments", 2, 0},
        {"SELECT 1;\r\n  # x\n", Dialect::MySql, "# comments", 2, 0},
        {"x\n  DELIMITER $$\nSELECT 1 $$", Dialect::MySql, "DELIMITER", 10, 0},
        {"SELECT 'x' DELIMITER $$", Dialect::Postgres, "dollar-quoted bodies", 0, 10},
        // Backslashes outside strings, then strings with and without one.
        {"SELECT 1 \\\\ 2; SELECT 'x', 'it\\'s `a`', `b`;", Dialect::MySql, "backtick-quoted names", 10, 0},
        {"SELECT 'it\\'s', 'a', \"q\\\" `c`", Dialect::MySql, "backtick-quoted names", 10, 0},
        // Many backslashes before the closing quote, one right before a quote
        // inside, a doubled quote after them.
        {"INSERT INTO t VALUES ('a\\\\b\\nc\\'d `x` ''e\\\\', `b`);", Dialect::MySql, "backtick-quoted names",
         10, 0},
        {"INSERT INTO t VALUES ('a\\\\b\\'c `x` \\n\\t", Dialect::Postgres, "", 0, 0},
        {"SELECT '\\'\\'\\'' `a`", Dialect::MySql, "backtick-quoted names", 10, 0},
    };
    for (const auto& c : cases) {
      CAPTURE(c.sql);
      const auto g = detect_dialect(c.sql);
      CHECK(g.dialect == c.dialect);
      CHECK(g.evidence == c.evidence);
      CHECK(g.mysql_signs == c.mysql_signs);
      CHECK(g.postgres_signs == c.postgres_signs);
    }
  }

  TEST_CASE("dialect detection: every sign word, in any case") {
    using parser::detect_dialect;
    struct Case {
      const char* sql;
      Dialect dialect;
      const char* evidence;
    };
    const Case cases[] = {
        {"CREATE TABLE t (n INT ZEROFILL);", Dialect::MySql, "UNSIGNED"},
        {"CREATE TABLE t (n INT) DEFAULT CHARSET=utf8mb4;", Dialect::MySql, "CHARSET"},
        {"SET FOREIGN_KEY_CHECKS = 0;", Dialect::MySql, "MySQL session variables"},
        {"SET unique_checks = 0;", Dialect::MySql, "MySQL session variables"},
        {"SET SESSION sql_mode = '';", Dialect::MySql, "MySQL session variables"},
        {"CREATE TABLE t (a TINYINT);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a mediumint);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a TINYTEXT);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a MediumText);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a LONGTEXT);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a TINYBLOB);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a MEDIUMBLOB);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a longblob);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a DATETIME);", Dialect::MySql, "MySQL types"},
        {"CREATE TABLE t (a BIGSERIAL);", Dialect::Postgres, "PostgreSQL types"},
        {"CREATE TABLE t (a smallserial);", Dialect::Postgres, "PostgreSQL types"},
        {"CREATE TABLE t (a JSONB);", Dialect::Postgres, "PostgreSQL types"},
        {"CREATE TABLE t (a timestamptz);", Dialect::Postgres, "PostgreSQL types"},
        {"CREATE TABLE t (a BYTEA);", Dialect::Postgres, "PostgreSQL types"},
        {"CREATE TABLE t (a TSVECTOR);", Dialect::Postgres, "PostgreSQL types"},
        {"CREATE TABLE t (a CiText);", Dialect::Postgres, "PostgreSQL types"},
        {"CREATE TABLE t (a TIMETZ);", Dialect::Postgres, "PostgreSQL types"},
        {"SELECT 'x'::regclass;", Dialect::Postgres, ":: casts, PostgreSQL types"},
        {"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS 'x';", Dialect::Postgres, "plpgsql"},
        {"CREATE EXTENSION IF NOT EXISTS x;", Dialect::Postgres, "CREATE EXTENSION"},
        {"create extension pg_trgm;", Dialect::Postgres, "CREATE EXTENSION"},
        {"ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;", Dialect::Postgres, "NOT VALID"},
        {"CREATE TABLE c (a int) INHERITS (p);", Dialect::Postgres, "INHERITS"},
        {"SELECT * FROM t WHERE a ilike 'x';", Dialect::Postgres, "ILIKE"},
        {"CREATE INDEX i ON t USING GIST (c);", Dialect::Postgres, "USING GIN/GIST"},
        {"CREATE INDEX i ON t USING brin (c);", Dialect::Postgres, "USING GIN/GIST"},
        // The same words where no sign reads them.
        {"CREATE TABLE t (valid int, type int, gin int, brin int, tables int);", Dialect::Postgres, ""},
        {"SELECT engine FROM t WHERE modify = 1 AND change = 2;", Dialect::Postgres, ""},
    };
    for (const auto& c : cases) {
      CAPTURE(c.sql);
      const auto g = detect_dialect(c.sql);
      CHECK(g.dialect == c.dialect);
      CHECK(g.evidence == c.evidence);
    }
  }

  TEST_CASE("config: [paths] globs, dialect and mysql_version") {
    namespace fs = std::filesystem;
    using engine::glob_match;
    CHECK(glob_match("legacy", "legacy/001.sql"));
    CHECK(glob_match("legacy/", "legacy/sub/001.sql"));
    CHECK_FALSE(glob_match("legacy", "legacy2/001.sql"));
    CHECK(glob_match("*/mysql/*.sql", "svc/mysql/001.sql"));
    CHECK_FALSE(glob_match("*/mysql/*.sql", "a/svc/mysql/001.sql"));
    CHECK(glob_match("**/mysql/**", "a/svc/mysql/x/001.sql"));
    CHECK(glob_match("**/*.mysql.sql", "001.mysql.sql"));
    CHECK(glob_match("db/00?.sql", "db/001.sql"));
    CHECK_FALSE(glob_match("db/00?.sql", "db/0001.sql"));
    const auto dir = fs::temp_directory_path() / "ddlint-config-paths-test";
    fs::create_directories(dir);
    const auto& catalog = engine::Catalog::instance();
    test::write(dir / ".ddlint.toml",
                "dialect = \"mariadb\"\n[paths.\"pg/**\"]\ndialect = \"postgres\"\npg_version = 12\n"
                "[paths.\"old\"]\nmysql_version = \"5.7\"\n");
    const auto c = engine::load_config(dir / ".ddlint.toml", catalog);
    REQUIRE(c.paths.size() == 2);
    const auto top = engine::effective(catalog, &c, {}, dir / "001.sql");
    CHECK(top.settings.dialect == Dialect::MySql);
    CHECK(top.settings.mysql.mariadb());
    CHECK(top.settings.mysql.major == 10);
    CHECK(top.dialect_from.find(".ddlint.toml") != std::string::npos);
    const auto pg = engine::effective(catalog, &c, {}, dir / "pg" / "a" / "001.sql");
    CHECK(pg.settings.dialect == Dialect::Postgres);
    CHECK(pg.settings.pg_version == 12);
    CHECK(pg.dialect_from.find("[paths.\"pg/**\"]") != std::string::npos);
    const auto old = engine::effective(catalog, &c, {}, dir / "old" / "001.sql");
    CHECK(old.settings.dialect == Dialect::MySql);
    CHECK(old.settings.mysql.mysql());
    CHECK(old.settings.mysql.major == 5);
    // --dialect wins over the file's config.
    engine::Config cli;
    cli.dialect = Dialect::Postgres;
    CHECK(engine::effective(catalog, &c, cli, dir / "old" / "001.sql").dialect_from == "--dialect");
    // Nothing configured: the caller detects.
    CHECK(engine::effective(catalog, nullptr, {}, dir / "x.sql").dialect_from.empty());
    for (const char* bad : {"mysql_version = \"banana\"\n", "dialect = \"oracle\"\n",
                            "[paths.\"x\"]\nengine = \"InnoDB\"\n", "[paths.\"x\"]\npg_version = 9\n"}) {
      CAPTURE(bad);
      test::write(dir / "bad.toml", bad);
      CHECK_THROWS_AS(engine::load_config(dir / "bad.toml", catalog), engine::ConfigError);
    }
  }

  TEST_CASE("config search: the cached search gives the uncached answer in every folder") {
    namespace fs = std::filesystem;
    const auto root = fs::temp_directory_path() / "ddlint-config-search-test";
    fs::remove_all(root);
    fs::create_directories(root / "a" / "b" / "c");
    fs::create_directories(root / "a" / "d");
    fs::create_directories(root / "e" / "f");
    test::write(root / "a" / ".ddlint.toml", "");
    test::write(root / "a" / "b" / "c" / ".ddlint.toml", "");
    engine::ConfigSearchCache cache;
    // Deepest folders first, so later searches end on cached ancestors.
    for (const auto& dir : {root / "a" / "b" / "c", root / "a" / "b", root / "a" / "d", root / "a",
                            root / "e" / "f", root / "e", root}) {
      CAPTURE(dir.string());
      const fs::path file = dir / "001.sql";
      CHECK(engine::find_config(file, cache) == engine::find_config(file));
      CHECK(engine::find_config(file, cache) == engine::find_config(file));  // answered from the cache
    }
    CHECK(engine::find_config(root / "a" / "b" / "001.sql", cache) == root / "a" / ".ddlint.toml");
    CHECK(engine::find_config(root / "a" / "b" / "c" / "001.sql", cache) ==
          root / "a" / "b" / "c" / ".ddlint.toml");
    // A start known to be a file (it need not exist) is searched from its
    // folder; a folder its listing shows without .ddlint.toml is not looked in.
    engine::ConfigSearchCache fresh;
    std::vector<std::string> asked;
    auto may_hold = [&](const std::string& dir) {
      asked.push_back(dir);
      return dir != (root / "a" / "b" / "c").string();
    };
    CHECK(engine::find_config(root / "a" / "b" / "c" / "001.sql", fresh, true, may_hold) ==
          root / "a" / ".ddlint.toml");
    CHECK(asked == std::vector<std::string>{(root / "a" / "b" / "c").string(), (root / "a" / "b").string(),
                                            (root / "a").string()});
    engine::ConfigSearchCache other;
    CHECK(engine::find_config(root / "a" / "b" / "c", other, true) == root / "a" / ".ddlint.toml");
    CHECK(engine::find_config(root / "a" / "b" / "c" / "d", other) ==
          root / "a" / "b" / "c" / ".ddlint.toml");
    fs::remove_all(root);
  }

  TEST_CASE("config: unknown keys and rules are errors, aliases resolve") {
    namespace fs = std::filesystem;
    const auto dir = fs::temp_directory_path() / "ddlint-config-test";
    fs::create_directories(dir);
    const auto& catalog = engine::Catalog::instance();
    test::write(dir / "good.toml",
                "select = [\"all\"]\nignore = [\"ban-drop-column\"]\npg_version = 12\nfail_on = \"error\"\n"
                "[rules.drop-table]\nseverity = \"error\"\n");
    const auto c = engine::load_config(dir / "good.toml", catalog);
    CHECK(c.ignore == std::vector<std::string>{"drop-column"});
    CHECK(c.pg_version == 12);
    const auto eff = engine::effective(catalog, &c, {});
    CHECK(eff.enabled->count("drop-column") == 0);
    CHECK(eff.enabled->at("drop-table") == Severity::Error);
    CHECK(eff.fail_on == Severity::Error);
    test::write(dir / "bad.toml", "pg_verison = 12\n");
    CHECK_THROWS_AS(engine::load_config(dir / "bad.toml", catalog), engine::ConfigError);
    test::write(dir / "opts.toml", "[rules.require-lock-timeout]\nmax_lock_timeout = \"10s\"\n");
    const auto o = engine::load_config(dir / "opts.toml", catalog);
    CHECK(engine::effective(catalog, &o, {}).options.at("missing-lock-timeout").at("max_lock_timeout") ==
          "10s");
    test::write(dir / "opts-bad.toml", "[rules.missing-lock-timeout]\nmax_lock_timeout = \"soon\"\n");
    CHECK_THROWS_AS(engine::load_config(dir / "opts-bad.toml", catalog), engine::ConfigError);
    test::write(dir / "opts-unknown.toml", "[rules.missing-lock-timeout]\nmax_lock = \"1s\"\n");
    CHECK_THROWS_AS(engine::load_config(dir / "opts-unknown.toml", catalog), engine::ConfigError);
    test::write(dir / "bad2.toml", "ignore = [\"no-such-rule\"]\n");
    CHECK_THROWS_AS(engine::load_config(dir / "bad2.toml", catalog), engine::ConfigError);
    fs::remove_all(dir);
  }

  TEST_CASE("runner directives") {
    CHECK(classify_runner_comment("-- +goose Up").kind == RunnerMarker::GooseUp);
    CHECK(classify_runner_comment("--+goose down\r").kind == RunnerMarker::GooseDown);
    CHECK(classify_runner_comment("-- +goose NO TRANSACTION").kind == RunnerMarker::GooseNoTransaction);
    CHECK(classify_runner_comment("-- +goose StatementBegin").kind == RunnerMarker::GooseStatementBegin);
    CHECK(classify_runner_comment("-- +goose ENVSUB ON").kind == RunnerMarker::GooseOther);
    CHECK(classify_runner_comment("-- +gooseUp").kind == RunnerMarker::None);
    CHECK(classify_runner_comment("-- +goose Upgrade").kind == RunnerMarker::GooseOther);
    CHECK(classify_runner_comment("-- goose Up").kind == RunnerMarker::None);
    const auto up = classify_runner_comment("-- migrate:up transaction:false");
    CHECK(up.kind == RunnerMarker::DbmateUp);
    CHECK(up.transaction_false);
    CHECK_FALSE(classify_runner_comment("-- migrate:down").transaction_false);
    CHECK(classify_runner_comment("-- migrate:upgrade").kind == RunnerMarker::None);
    CHECK(classify_runner_comment("/* migrate:up */").kind == RunnerMarker::None);
  }

  TEST_CASE("runner plan: sections, direction and transaction mode") {
    using analysis::Runner;
    using analysis::TxMode;
    auto plan = [](const std::string& path, const std::string& sql, Runner r = Runner::Auto) {
      const SourceFile f(path, sql);
      const auto parsed = parser::parse(f);
      return analysis::plan_runner(path, f.text(), parsed.comments, r);
    };
    const std::string goose = "-- Locks: none\n-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;\n";
    auto p = plan("1.sql", goose);
    CHECK(p.runner == Runner::Goose);
    CHECK(p.detected);
    REQUIRE(p.sections.size() == 3);  // the header, Up, Down
    CHECK(p.sections[1].range.begin == goose.find("-- +goose Up"));
    CHECK_FALSE(p.sections[1].down);
    CHECK(p.sections[2].down);
    CHECK(p.sections[2].tx == TxMode::Wrapped);
    CHECK(p.section_at(static_cast<uint32_t>(goose.find("SELECT 2"))) == 2);
    p = plan("1.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nSELECT 1;\n");
    CHECK(p.sections.back().tx == TxMode::Autocommit);

    p = plan("1.sql", "-- migrate:up transaction:false\nSELECT 1;\n-- migrate:down\nSELECT 2;\n");
    CHECK(p.runner == Runner::Dbmate);
    REQUIRE(p.sections.size() == 3);
    CHECK(p.sections[1].tx == TxMode::SingleQuery);
    CHECK(p.sections[2].tx == TxMode::Wrapped);
    CHECK(p.sections[2].down);

    // File names give the direction. NNN_name.up.sql / .down.sql is
    // golang-migrate's layout (one query string) unless the project is
    // sqlx's (a transaction per file) or the file starts with sqlx's
    // -- no-transaction; other names leave the transaction mode unknown.
    p = plan("db/000042_add_index.down.sql", "DROP INDEX i;\n");
    CHECK(p.runner == Runner::GolangMigrate);
    CHECK(p.detected);
    REQUIRE(p.sections.size() == 1);
    CHECK(p.sections[0].down);
    CHECK(p.sections[0].tx == TxMode::SingleQuery);
    analysis::RunnerLayout rust;
    rust.up_down = Runner::Sqlx;
    p = analysis::plan_runner("db/000042_add_index.up.sql", "SELECT 1;\n", {}, Runner::Auto, rust);
    CHECK(p.runner == Runner::Sqlx);
    CHECK(p.sections[0].tx == TxMode::Wrapped);
    p = plan("db/000042_add_index.up.sql", "-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (c);\n");
    CHECK(p.runner == Runner::Sqlx);
    CHECK(p.sections[0].tx == TxMode::SingleQuery);
    p = plan("db/add_index.down.sql", "DROP INDEX i;\n");  // no version: not the layout
    CHECK(p.runner == Runner::None);
    CHECK(p.sections[0].down);
    CHECK(p.sections[0].tx == TxMode::Unknown);
    p = plan("db/000042_add_index.up.sql", "SELECT 1;\n", Runner::None);  // runner = "none" stays none
    CHECK(p.runner == Runner::None);
    CHECK(p.sections[0].tx == TxMode::Unknown);
    CHECK_FALSE(plan("db/000042_add_index.up.sql", "SELECT 1;\n").sections[0].down);
    CHECK(plan("sql/U3__drop_users.sql", "SELECT 1;\n").sections[0].down);
    CHECK(plan("migrations/2024-01-02-000000_notes/down.sql", "SELECT 1;\n").sections[0].down);
    CHECK_FALSE(plan("migrations/2024-01-02-000000_notes/up.sql", "SELECT 1;\n").sections[0].down);
    CHECK_FALSE(plan("sql/Users__x.sql", "SELECT 1;\n").sections[0].down);
    p = plan("db/000042_add_index.up.sql", "SELECT 1;\n", Runner::GolangMigrate);
    CHECK(p.sections[0].tx == TxMode::SingleQuery);
    // A configured runner ignores another runner's directives.
    p = plan("1.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n", Runner::Goose);
    REQUIRE(p.sections.size() == 1);
    CHECK(p.sections[0].tx == TxMode::Wrapped);
  }

  TEST_CASE("runner plan: Flyway, Prisma, Atlas, Liquibase and sqitch") {
    using analysis::Runner;
    using analysis::TxMode;
    auto plan = [](const std::string& path, const std::string& sql,
                   const analysis::RunnerLayout& layout = {}) {
      const SourceFile f(path, sql);
      const auto parsed = parser::parse(f);
      return analysis::plan_runner(path, f.text(), parsed.comments, Runner::Auto, layout);
    };
    CHECK(analysis::flyway_kind("db/V1__init.sql") == 'V');
    CHECK(analysis::flyway_kind("db/V1.10_2__add.sql") == 'V');
    CHECK(analysis::flyway_kind("U7__drop.sql") == 'U');
    CHECK(analysis::flyway_kind("R__views.sql") == 'R');
    CHECK(analysis::flyway_kind("Users__x.sql") == 0);
    CHECK(analysis::flyway_kind("V1__.sql") == 0);
    CHECK(analysis::flyway_kind("V1_init.sql") == 0);
    CHECK(analysis::flyway_kind("R1__x.sql") == 0);
    CHECK(analysis::flyway_version("db/V1.2__x.sql") == "1.2");

    auto p = plan("db/migration/V2__users_idx.sql", "CREATE INDEX i ON t (c);\n");
    CHECK(p.runner == Runner::Flyway);
    CHECK(p.detected);
    CHECK(p.sections[0].tx == TxMode::ByContent);
    CHECK(p.refuses_mixed);
    CHECK_FALSE(p.paired_downs);  // no undo scripts in the folder
    CHECK(plan("db/U2__users_idx.sql", "DROP INDEX i;\n").sections[0].down);
    analysis::RunnerLayout flyway;
    flyway.no_transaction = true;
    flyway.mixed = true;
    flyway.undo_scripts = true;
    p = plan("db/V2__users_idx.sql", "CREATE INDEX i ON t (c);\n", flyway);
    CHECK(p.sections[0].tx == TxMode::Autocommit);
    CHECK_FALSE(p.refuses_mixed);
    CHECK(p.paired_downs);

    p = plan("prisma/migrations/20240101120000_init/migration.sql", "CREATE TABLE t (id int);\n");
    CHECK(p.runner == Runner::Prisma);
    CHECK(p.sections[0].tx == TxMode::SingleQuery);
    CHECK_FALSE(p.paired_downs);
    CHECK(plan("prisma/migrations/01_init/migration.sql", "SELECT 1;\n").runner == Runner::Prisma);
    CHECK(plan("db/01_init/migration.sql", "SELECT 1;\n").runner == Runner::None);
    CHECK(plan("migrations/init/migration.sql", "SELECT 1;\n").runner == Runner::None);

    analysis::RunnerLayout atlas;
    atlas.marked = Runner::Atlas;
    atlas.marked_by = "atlas.sum in the folder";
    p = plan("migrations/20240101120000_users.sql", "CREATE TABLE t (id int);\n", atlas);
    CHECK(p.runner == Runner::Atlas);
    CHECK(p.evidence == "atlas.sum in the folder");
    CHECK(p.sections[0].tx == TxMode::Wrapped);
    // Atlas lint comments in a golang-migrate folder do not make it Atlas's.
    CHECK(plan("m/1_x.up.sql", "-- atlas:nolint DS103\nALTER TABLE t DROP COLUMN c;\n").runner ==
          Runner::GolangMigrate);
    p = plan("x.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY i ON t (c);\n");
    CHECK(p.runner == Runner::Atlas);
    CHECK(p.sections[0].tx == TxMode::Autocommit);

    const std::string lb =
        "--liquibase formatted sql\n--changeset alice:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n"
        "--changeset alice:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON t (id);\n";
    p = plan("changelog.sql", lb);
    CHECK(p.runner == Runner::Liquibase);
    REQUIRE(p.sections.size() == 3);
    CHECK(p.sections[1].tx == TxMode::Wrapped);
    CHECK(p.sections[2].tx == TxMode::Autocommit);
    CHECK(p.sections[2].range.begin == lb.find("--changeset alice:2"));
    CHECK_FALSE(p.sections[2].down);

    {
      const std::string rb =
          "--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id int);\n--rollback DROP TABLE t;\n"
          "--changeset a:2\nSELECT 1;\n--rollback empty\n--changeset a:3\nCREATE TABLE u (id int);\n"
          "/* liquibase rollback\nDROP TABLE u;\n*/\n";
      const SourceFile f("c.sql", rb);
      const auto parsed = parser::parse(f);
      CHECK(analysis::liquibase_rollback(f.text(), parsed.comments) == "DROP TABLE t;\nDROP TABLE u;\n");
      const SourceFile none("c.sql", "--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n");
      CHECK_FALSE(analysis::liquibase_rollback(none.text(), parser::parse(none).comments));
    }

    analysis::RunnerLayout sqitch;
    sqitch.marked = Runner::Sqitch;
    sqitch.marked_by = "sqitch.plan";
    p = plan("db/deploy/users.sql", "BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\n", sqitch);
    CHECK(p.runner == Runner::Sqitch);
    CHECK(p.sections[0].tx == TxMode::Autocommit);
    CHECK_FALSE(p.sections[0].down);
    CHECK(plan("db/revert/users.sql", "DROP TABLE t;\n", sqitch).sections[0].down);
    CHECK(plan("db/verify/users.sql", "SELECT 1;\n", sqitch).not_a_migration);

    const std::string sqitch_plan =
        "%syntax-version=1.0.0\n%project=shop\n\nusers 2024-01-01T12:00:00Z A <a@x> # Add users.\n"
        "orders [users] 2024-01-02T12:00:00Z A <a@x>\n@v1.0 2024-01-03T12:00:00Z A <a@x> # tag\n"
        "users [users@v1.0] 2024-01-04T12:00:00Z A <a@x> # Rework users.\n# a comment\nzones "
        "2024-01-05T12:00:00Z "
        "A <a@x>\n";
    CHECK(analysis::sqitch_plan_order(sqitch_plan) == std::vector<std::string>{"orders", "users", "zones"});
    CHECK(analysis::paired_down_path("db/V2__x.sql", Runner::Flyway) == "db/U2__x.sql");
    CHECK(analysis::paired_down_path("db/U2__x.sql", Runner::Flyway).empty());
    CHECK(analysis::paired_down_path("db/deploy/users.sql", Runner::Sqitch) == "db/revert/users.sql");
    CHECK(analysis::paired_down_path("deploy/users.sql", Runner::Sqitch) == "revert/users.sql");
    CHECK(analysis::paired_down_path("db/redeploy/users.sql", Runner::Sqitch).empty());
    CHECK(analysis::paired_down_path("db/deploy/app/users.sql", Runner::Sqitch) == "db/revert/app/users.sql");
    CHECK(plan("db/revert/app/users.sql", "DROP TABLE t;\n", sqitch).sections[0].down);
    CHECK(analysis::sqitch_folder("deploy/x.sql") == std::make_pair(size_t{0}, std::string_view("deploy")));
    CHECK(analysis::sqitch_folder("db/x.sql").first == std::string_view::npos);
  }

  TEST_CASE("a file read a group of statements at a time: the findings of the file read whole") {
    const auto& catalog = engine::Catalog::instance();
    std::map<std::string, Severity> enabled;
    for (const auto& r : catalog.rules()) enabled[r.id] = Severity::Warning;
    const analysis::Settings settings;
    const engine::RuleOptions options;
    // Over 64 KB of text: several groups of 16 KB. With `early`, the schema model is
    // read at the first statement (the old type of c) as well as in the last group.
    const auto make = [](bool early) {
      std::string sql = early ? "ALTER TABLE t ALTER COLUMN c TYPE bigint;\n" : "";
      for (int i = 0; i < 3000; ++i) sql += "ALTER TABLE t ADD COLUMN c" + std::to_string(i) + " int;\n";
      sql += "ALTER TABLE t ALTER COLUMN c TYPE text;\nCREATE INDEX i ON t (c);\n";
      return std::make_shared<const SourceFile>("wide.sql", sql);
    };
    struct Grouped {
      engine::FileResult result;
      size_t groups = 0;
      bool unavailable = false;
    };
    const auto lint_in_groups = [&](const std::shared_ptr<const SourceFile>& source) {
      Grouped out;
      ir::ParsedFile head;
      std::optional<analysis::RunnerPlan> plan;
      std::optional<engine::FileOutline> outline;
      std::vector<TextRange> groups;
      const bool first = parser::parse_groups(
          *source, head,
          [&](const ir::ParsedFile& h) {
            plan.emplace(analysis::plan_runner(source->path(), source->text(), h.comments, settings.runner,
                                               settings.runner_layout));
            outline.emplace(settings, *plan);
            return true;
          },
          [&](std::vector<ir::Statement>& group, size_t) {
            for (const auto& st : group) outline->add(st);
            return true;
          },
          groups);
      REQUIRE(first);
      outline->finish(head.errors);
      engine::FileContext context;
      context.options = &options;
      engine::FileLinter lint(source, head, *outline, {}, settings, enabled, rules::registry(), catalog,
                              std::move(context), *plan);
      ir::ParsedFile again;
      const bool second = parser::parse_groups(
          *source, again, [](const ir::ParsedFile&) { return true; },
          [&](std::vector<ir::Statement>& group, size_t at) {
            ++out.groups;
            try {
              lint.visit(group, at);
              lint.leave();
            } catch (const analysis::ReplayedModel::Unavailable& e) {
              out.unavailable = true;
              return false;
            }
            return true;
          },
          groups);
      if (second) out.result = lint.finish();
      return out;
    };
    const auto source = make(true);
    const auto parsed = parser::parse(*source);
    const auto whole = engine::lint_file(source, parsed, settings, enabled, rules::registry(), catalog);
    const Grouped grouped = lint_in_groups(source);
    CHECK(grouped.groups > 1);
    CHECK_FALSE(grouped.unavailable);
    REQUIRE(grouped.result.diagnostics.size() == whole.diagnostics.size());
    for (size_t k = 0; k < whole.diagnostics.size(); ++k) {
      const auto& a = grouped.result.diagnostics[k];
      const auto& b = whole.diagnostics[k];
      CAPTURE(k);
      CHECK(a.rule == b.rule);
      CHECK(a.range.begin == b.range.begin);
      CHECK(a.range.end == b.range.end);
      CHECK(a.message == b.message);
      CHECK(a.suppressed == b.suppressed);
    }
    CHECK(grouped.result.stats.statements == whole.stats.statements);
    // The last group's ALTER COLUMN TYPE is judged from the model the first
    // group read: int to text rewrites the table.
    const uint32_t last_alter =
        static_cast<uint32_t>(source->text().rfind("ALTER TABLE t ALTER COLUMN c TYPE text"));
    CHECK(std::any_of(whole.diagnostics.begin(), whole.diagnostics.end(), [&](const Diagnostic& d) {
      return d.rule == "alter-column-type" && d.range.begin >= last_alter;
    }));
    // Read first in a later group, the model would need statements already
    // gone: the lint says so (the driver then reads the file whole).
    CHECK(lint_in_groups(make(false)).unavailable);
  }

  TEST_CASE("lint_file reads the runner plan it is given, else works it out from the file") {
    using analysis::Runner;
    const auto& catalog = engine::Catalog::instance();
    const std::map<std::string, Severity> enabled = {{"missing-lock-timeout", Severity::Warning}};
    const analysis::Settings settings;  // runner: auto
    const std::string sql = "ALTER TABLE users ADD COLUMN nickname text;\n";
    auto source = std::make_shared<const SourceFile>("db/V2__nickname.sql", sql);
    const auto parsed = parser::parse(*source);
    auto lint = [&](const analysis::RunnerPlan* plan) {
      return engine::lint_file(source, parsed, settings, enabled, rules::registry(), catalog, {}, plan);
    };
    // Worked out: Flyway, by the file's name; a Flyway script runs in a transaction.
    const auto own = lint(nullptr);
    CHECK(own.stats.runner == Runner::Flyway);
    CHECK(own.stats.runner_from != "configured");
    REQUIRE(own.diagnostics.size() == 1);
    REQUIRE(own.diagnostics[0].fix);
    CHECK(own.diagnostics[0].fix->edits[0].replacement == "SET LOCAL lock_timeout = '5s';\n");
    // The same plan, given: the same result.
    const auto flyway = analysis::plan_runner(source->path(), source->text(), parsed.comments,
                                              settings.runner, settings.runner_layout);
    const auto same = lint(&flyway);
    CHECK(same.stats.runner == Runner::Flyway);
    CHECK(same.stats.runner_from == own.stats.runner_from);
    REQUIRE(same.diagnostics.size() == 1);
    CHECK(same.diagnostics[0].message == own.diagnostics[0].message);
    CHECK(same.diagnostics[0].fix->edits[0].replacement == "SET LOCAL lock_timeout = '5s';\n");
    // Another plan: the file is read by it (no runner, no transaction), not by its name.
    const auto plain = analysis::plan_runner("db/other.sql", source->text(), parsed.comments, Runner::None,
                                             settings.runner_layout);
    const auto given = lint(&plain);
    CHECK(given.stats.runner == Runner::None);
    CHECK(given.stats.runner_from == "configured");
    REQUIRE(given.diagnostics.size() == 1);
    CHECK(given.diagnostics[0].fix->edits[0].replacement == "SET lock_timeout = '5s';\n");
    // A plan that says the file is not a migration: nothing is linted.
    analysis::RunnerPlan verify = plain;
    verify.not_a_migration = true;
    const auto skipped = lint(&verify);
    CHECK(skipped.stats.not_a_migration);
    CHECK(skipped.diagnostics.empty());
  }

  TEST_CASE("Flyway: a transaction unless a statement cannot run in one; mixed migrations are refused") {
    auto facts = [](const std::string& sql, bool mixed_allowed = false) {
      const SourceFile f("V1__x.sql", sql);
      auto parsed = std::make_shared<ir::ParsedFile>(parser::parse(f));
      REQUIRE(parsed->errors.empty());
      analysis::RunnerLayout layout;
      layout.mixed = mixed_allowed;
      const auto plan =
          analysis::plan_runner("V1__x.sql", f.text(), parsed->comments, analysis::Runner::Auto, layout);
      return std::make_pair(parsed, analysis::MigrationFacts(*parsed, analysis::Settings{}, plan));
    };
    using analysis::TxSource;
    auto r = facts("CREATE TABLE t (id int);\nINSERT INTO t VALUES (1);\n");
    CHECK(r.second.at(0).tx == TxSource::Runner);
    CHECK(r.second.at(1).tx == TxSource::Runner);
    r = facts("CREATE INDEX CONCURRENTLY i ON t (id);\nDROP INDEX CONCURRENTLY j;\n");
    CHECK(r.second.at(0).tx == TxSource::None);
    CHECK(r.second.at(1).tx == TxSource::None);
    CHECK_FALSE(r.second.at(0).refused_mix);
    r = facts("SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON t (id);\n");
    CHECK(r.second.at(0).tx == TxSource::Runner);
    CHECK(r.second.at(1).tx == TxSource::Runner);
    CHECK_FALSE(r.second.at(0).refused_mix);
    CHECK(r.second.at(1).refused_mix);
    r = facts("SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON t (id);\n", true);
    CHECK(r.second.at(0).tx == TxSource::None);
    CHECK(r.second.at(1).tx == TxSource::None);
    CHECK_FALSE(r.second.at(1).refused_mix);
  }

  TEST_CASE("MigrationFacts statement by statement: the section counted first, one statement's facts kept") {
    // A Flyway file whose second statement cannot run in a transaction: the
    // first statement's facts already say so (the section is counted before
    // any statement's facts are worked out), as the whole-file facts do.
    const std::string sql =
        "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY i ON t (id);\nBEGIN;\nSET LOCAL lock_timeout = "
        "'1s';\n"
        "COMMIT;\nALTER TABLE t ADD COLUMN c int;\n";
    const SourceFile f("V1__x.sql", sql);
    const ir::ParsedFile parsed = parser::parse(f);
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.statements.size() == 6);
    analysis::RunnerLayout layout;
    layout.mixed = true;
    const auto plan =
        analysis::plan_runner("V1__x.sql", f.text(), parsed.comments, analysis::Runner::Auto, layout);
    const analysis::Settings settings;  // read by add() until finish(): it must outlive them
    const analysis::MigrationFacts whole(parsed, settings, plan);
    analysis::MigrationFacts::SectionCounts counts(settings, plan);
    for (const auto& st : parsed.statements) counts.count(st);
    analysis::MigrationFacts facts(analysis::MigrationFacts::ByStatement::kYes, counts, settings, plan);
    facts.window(parsed.statements, 0);
    CHECK_THROWS_AS((void)facts.at(0), std::logic_error);  // not reached yet
    for (size_t i = 0; i < parsed.statements.size(); ++i) {
      facts.add(i, parsed.statements[i]);
      const auto& a = facts.at(i);
      const auto& b = whole.at(i);
      CAPTURE(i);
      CHECK(a.tx == b.tx);
      CHECK(a.in_transaction == b.in_transaction);
      CHECK(a.transaction_start == b.transaction_start);
      CHECK((a.lock_timeout() == nullptr) == (b.lock_timeout() == nullptr));
      CHECK(a.effect.tables.size() == b.effect.tables.size());
      CHECK_THROWS_AS((void)facts.at(i + 1), std::logic_error);             // not reached yet
      if (i > 0) CHECK_THROWS_AS((void)facts.at(i - 1), std::logic_error);  // released
    }
    facts.finish();
    CHECK(whole.at(0).tx == analysis::TxSource::None);  // the CONCURRENTLY after it decides
    CHECK(whole.at(3).explicit_transaction);
    REQUIRE(whole.at(3).lock_timeout() == nullptr);  // SET LOCAL applies after the SET itself
    // The whole-file facts keep every statement's.
    CHECK(whole.at(5).tx == analysis::TxSource::None);
    CHECK_THROWS_AS((void)whole.at(6), std::logic_error);
  }

  TEST_CASE("replayed model: read a window of statements at a time") {
    const auto all = file(
        "CREATE TABLE a (id int);\nALTER TABLE a ADD COLUMN x int;\nALTER TABLE a ADD COLUMN y int;\n"
        "ALTER TABLE a ADD COLUMN z int;\n");
    REQUIRE(all.statements.size() == 4);
    const std::vector<ir::Statement> first(all.statements.begin(), all.statements.begin() + 2);
    const std::vector<ir::Statement> second(all.statements.begin() + 2, all.statements.end());
    const ir::QualifiedName a = all.statements[0].as<ir::CreateTable>()->table;
    const auto columns = [&](const analysis::SchemaModel& m) {
      std::string out;
      const auto k = m.table_state(a);
      if (!k.state) return std::string("(unknown)");
      for (const char* c : {"id", "x", "y", "z"})
        if (k.state->column(c) != nullptr) out += std::string(out.empty() ? "" : ",") + c;
      return out;
    };
    // Read in the first window: moving on applies the rest of it first.
    analysis::ReplayedModel read(first, {}, {});
    CHECK(columns(read.before(1)) == "id");
    read.leave_window();
    read.window(second, 2);
    CHECK(read.applied() == 2);
    CHECK(columns(read.before(3)) == "id,x,y");
    // The same as replayed from the whole file.
    analysis::ReplayedModel whole(all.statements, {}, {});
    CHECK(columns(whole.before(3)) == "id,x,y");
    // Not read in the first window: its statements are gone.
    analysis::ReplayedModel unread(first, {}, {});
    unread.leave_window();
    unread.window(second, 2);
    CHECK_FALSE(unread.seeded());
    CHECK_THROWS_AS((void)unread.before(3), analysis::ReplayedModel::Unavailable);
  }

  TEST_CASE(
      "schema model: what a file names, gathered without the model, is looked up as its statements are") {
    analysis::SchemaModel model;
    const auto history = file(
        "CREATE TABLE a (id int PRIMARY KEY, x text);\nCREATE TABLE s.b (id int);\n"
        "CREATE INDEX a_x ON a (x);\n"
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql VOLATILE AS 'SELECT 1';\n");
    for (const auto& st : history.statements) model.apply(st);
    const auto next = file(
        "DROP INDEX a_x;\nALTER TABLE s.b ADD COLUMN y int DEFAULT f();\nINSERT INTO b VALUES (1);\n"
        "ALTER TABLE a ADD COLUMN z int DEFAULT f();\nUPDATE s.b SET y = 1;\nCREATE TABLE c (id int);\n");
    analysis::SchemaModel::Named named;
    for (const auto& st : next.statements) named.add(st);
    const auto names = [](const std::vector<analysis::KnownTable>& ks) {
      std::string out;
      for (const auto& k : ks) out += k.name.display() + (k.state ? "+" : "-") + " ";
      return out;
    };
    const auto from_statements = model.needed_by(next);
    // a: the table of index a_x; b, unqualified, is s.b.
    CHECK(names(from_statements) == "a+ s.b+ c- ");
    CHECK(names(model.needed_by(named)) == names(from_statements));
    const auto functions = model.functions_needed_by(named);
    REQUIRE(functions.size() == 1);
    CHECK(functions[0].name == "f");
    CHECK(model.functions_needed_by(next).size() == 1);
  }

  TEST_CASE("column mentions: what a file names of columns other than by adding them") {
    analysis::ColumnMentions m;
    for (const auto& st : file("ALTER TABLE a ADD COLUMN added int, ADD COLUMN Other int;\n"
                               "ALTER TABLE b DROP COLUMN dropped, ALTER COLUMN typed TYPE bigint;\n"
                               "ALTER TABLE c RENAME COLUMN old_name TO new_name;\n"
                               "ALTER TABLE d ADD CONSTRAINT d_pk PRIMARY KEY (keyed, second);\n"
                               "ALTER TABLE e ALTER COLUMN seq SET DEFAULT nextval('s');\n"
                               "ALTER TABLE f ADD COLUMN kept int;\n")
                              .statements)
      m.add(st);
    for (const char* named : {"dropped", "TYPED", "old_name", "new_name", "keyed", "second", "seq"}) {
      CAPTURE(named);
      CHECK(m.named(named));
    }
    for (const char* added : {"added", "other", "kept", "a"}) {
      CAPTURE(added);
      CHECK_FALSE(m.named(added));
    }
    CHECK(m.freed_in("b"));
    CHECK(m.freed_in("C"));
    for (const char* table : {"a", "d", "e", "f"}) {
      CAPTURE(table);
      CHECK_FALSE(m.freed_in(table));
    }
    // MySQL: CHANGE renames (both names count), MODIFY restates.
    const SourceFile my("m.sql",
                        "ALTER TABLE g CHANGE was now int;\nALTER TABLE h MODIFY restated bigint;\n"
                        "ALTER TABLE i ADD COLUMN fresh int;\n",
                        Dialect::MySql);
    const auto parsed = parser::parse(my);
    REQUIRE(parsed.errors.empty());
    REQUIRE(parsed.statements.size() == 3);
    analysis::ColumnMentions mm;
    for (const auto& st : parsed.statements) mm.add(st);
    CHECK(mm.named("was"));
    CHECK(mm.named("now"));
    CHECK(mm.named("restated"));
    CHECK_FALSE(mm.named("fresh"));
    CHECK(mm.freed_in("g"));
    CHECK_FALSE(mm.freed_in("h"));
    CHECK_FALSE(mm.freed_in("i"));
  }

  TEST_CASE("schema model: snapshots share table states; a change copies only what a snapshot holds") {
    analysis::SchemaModel model;
    const auto history = file(
        "CREATE TABLE a (id int PRIMARY KEY, x text);\nCREATE TABLE b (id int);\n"
        "CREATE INDEX a_x ON a (x);\n");
    for (const auto& st : history.statements) model.apply(st);
    const auto next = file("ALTER TABLE a ADD COLUMN y int;\nINSERT INTO b VALUES (1);\nDROP INDEX a_x;\n");
    const std::vector<analysis::KnownTable> before = model.needed_by(next);
    REQUIRE(before.size() == 2);  // a (also the table of index a_x), b
    CHECK(before[0].name.name == "a");
    CHECK(before[1].name.name == "b");
    // Shared, not copied: the model's state is the snapshot's.
    CHECK(model.table_state(before[0].name).state == before[0].state);
    CHECK(model.table_state(before[1].name).state == before[1].state);
    for (const auto& st : next.statements) model.apply(st);
    // The changed table was copied: the snapshot still says what was known before the file.
    CHECK(model.table_state(before[0].name).state != before[0].state);
    CHECK(before[0].state->column("y") == nullptr);
    CHECK(before[0].state->indexes == std::vector<std::string>{"a_x"});
    CHECK(before[0].state->column("id")->not_null);
    CHECK(model.column(before[0].name, "y") != nullptr);
    CHECK(model.table_state(before[0].name).state->indexes.empty());
    CHECK(model.table_state(before[1].name).state == before[1].state);  // unchanged: still shared
    // A model seeded with the snapshot changes its own copy, never the snapshot.
    analysis::SchemaModel seeded;
    for (const auto& k : before) seeded.seed(k);
    bool gone = true;
    CHECK(seeded.index_table({"", "a_x", {}}, &gone) != nullptr);
    CHECK_FALSE(gone);
    for (const auto& st : next.statements) seeded.apply(st);
    CHECK(seeded.column(before[0].name, "y") != nullptr);
    CHECK(seeded.index_table({"", "a_x", {}}) == nullptr);
    CHECK(before[0].state->column("y") == nullptr);
    CHECK(before[0].state->indexes == std::vector<std::string>{"a_x"});
    // Dropped: the snapshot of the table still has its columns.
    const auto drop = file("DROP TABLE a;\n");
    const auto held = model.needed_by(drop);
    for (const auto& st : drop.statements) model.apply(st);
    REQUIRE(held.size() == 1);
    CHECK(held[0].exists());
    CHECK(held[0].state->column("y") != nullptr);
    CHECK_FALSE(model.table_state(held[0].name).exists());
    CHECK(model.table_state(held[0].name).seen());
  }

  TEST_CASE("schema model: needed_by names each table once, in first-named order, past a few tables too") {
    // Up to 16 tables are found again by a scan, past that by an index of
    // their positions: both find a table named again, qualified or not.
    analysis::SchemaModel model;
    std::string history;
    std::string next_sql;
    for (int i = 0; i < 40; ++i) {
      const std::string n = "t" + std::to_string(i);
      history += "CREATE TABLE " + n + " (id int);\n";
      next_sql += "INSERT INTO " + n + " VALUES (1);\n";
      // Named again: the same table, then qualified (matches the unqualified
      // one), and a table in another schema named only once.
      next_sql += "UPDATE " + n + " SET id = 2;\nDELETE FROM s." + n + ";\n";
    }
    next_sql += "INSERT INTO t0 VALUES (3);\nINSERT INTO t39 VALUES (3);\nINSERT INTO missing VALUES (1);\n";
    const auto h = file(history);
    for (const auto& st : h.statements) model.apply(st);
    const auto next = file(next_sql);
    const std::vector<analysis::KnownTable> known = model.needed_by(next);
    REQUIRE(known.size() == 41);
    for (int i = 0; i < 40; ++i) {
      CHECK(known[i].name.name == "t" + std::to_string(i));
      CHECK(known[i].name.schema.empty());
      CHECK(known[i].exists());
      CHECK(known[i].state == model.table_state(known[i].name).state);
    }
    CHECK(known[40].name.name == "missing");
    CHECK_FALSE(known[40].seen());
    // A qualified name first: an unqualified one later matches it, and
    // another schema's table of the same name does not.
    const auto mixed = file(
        "INSERT INTO a.t1 VALUES (1);\nINSERT INTO t1 VALUES (1);\nINSERT INTO b.t1 VALUES (1);\n"
        "INSERT INTO a.t1 VALUES (1);\n");
    const auto m = model.needed_by(mixed);
    REQUIRE(m.size() == 2);
    CHECK(m[0].name.schema == "a");
    CHECK(m[1].name.schema == "b");
  }

  TEST_CASE("schema model: room reserved one column at a time grows twice over, as push_back does") {
    // Each ALTER TABLE ... ADD COLUMN reserves room for the columns it adds:
    // a file of N of them must move the columns O(log N) times, not N times.
    analysis::ColumnList list;
    size_t moves = 0;
    size_t capacity = list.capacity();
    for (size_t i = 0; i < 100000; ++i) {
      list.reserve(list.size() + 1);
      list.try_emplace("c" + std::to_string(i));
      if (list.capacity() != capacity) ++moves;
      capacity = list.capacity();
    }
    CHECK(list.size() == 100000);
    CHECK(moves <= 20);
  }

  TEST_CASE("schema model: a table's columns, found by name, in the order added, through drops and copies") {
    // Up to 16 columns are scanned; past that an index finds them, and a
    // dropped column leaves a gap until the gaps outnumber the columns.
    for (const size_t n : {size_t{5}, size_t{16}, size_t{17}, size_t{200}}) {
      CAPTURE(n);
      analysis::ColumnList list;
      for (size_t i = 0; i < n; ++i) {
        const auto [c, added] = list.try_emplace("c" + std::to_string(i));
        CHECK(added);
        c->not_null = i % 2 == 0;
      }
      CHECK(list.size() == n);
      CHECK_FALSE(list.try_emplace("c0").second);
      CHECK(list.find("c0")->not_null);
      CHECK_FALSE(list.find("c1")->not_null);
      CHECK(list.find("C0") == nullptr);
      CHECK(list.find("c" + std::to_string(n)) == nullptr);
      // Every other column goes; the rest keep their order.
      for (size_t i = 0; i < n; i += 2) CHECK(list.erase("c" + std::to_string(i)));
      CHECK_FALSE(list.erase("c0"));
      CHECK(list.size() == n / 2);
      std::vector<std::string> names;
      for (const auto& c : list) names.push_back(c.name);
      std::vector<std::string> odd;
      for (size_t i = 1; i < n; i += 2) odd.push_back("c" + std::to_string(i));
      CHECK(names == odd);
      for (size_t i = 0; i < n; ++i) CHECK((list.find("c" + std::to_string(i)) != nullptr) == (i % 2 == 1));
      // Added again: last, with nothing of the dropped one.
      list["c0"].indexed = true;
      CHECK(list.find("c0")->indexed);
      CHECK_FALSE(list.find("c0")->not_null);
      const analysis::ColumnList copy = list;
      names.clear();
      for (const auto& c : copy) names.push_back(c.name);
      odd.push_back("c0");
      CHECK(names == odd);
      CHECK(copy.size() == list.size());
      for (size_t i = 0; i < n; ++i) {
        const std::string name = "c" + std::to_string(i);
        CHECK((copy.find(name) != nullptr) == (list.find(name) != nullptr));
      }
      // Dropped down to none and refilled.
      analysis::ColumnList emptied = copy;
      for (const auto& name : odd) CHECK(emptied.erase(name));
      CHECK(emptied.empty());
      CHECK(emptied.begin() == emptied.end());
      emptied["z"];
      CHECK(emptied.size() == 1);
      CHECK(emptied.begin()->name == "z");
    }
  }

  TEST_CASE("column types: type_text and written_type read as the substring-compare spelling did") {
    // The spelling before byte tests: substring compares, std::tolower and std::isspace.
    auto old_type_text = [](std::string out) {
      for (size_t i = 0; i < out.size(); ++i) {
        if (out.compare(i, 2, "--") == 0) {
          while (i < out.size() && out[i] != '\n') out[i++] = ' ';
        } else if (out.compare(i, 2, "/*") == 0) {
          const auto close = out.find("*/", i + 2);
          const size_t end = close == std::string::npos ? out.size() : close + 2;
          for (; i < end; ++i) out[i] = ' ';
          --i;
        } else {
          out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
        }
      }
      return out;
    };
    auto old_written_type = [&](const std::string& text) {
      const std::string blanked = old_type_text(text);
      std::string out = "`";
      bool space = false;
      for (size_t i = 0; i < text.size(); ++i) {
        if (std::isspace(static_cast<unsigned char>(blanked[i]))) {
          space = true;
          continue;
        }
        if (space) out += ' ';
        space = false;
        out += text[i];
      }
      return out + "`";
    };
    const std::vector<std::string> types = {
        "VARCHAR(20)",
        "timestamp(6) -- the zone\n  WITHOUT time zone",
        "Numeric /* p */ (10, 2)",
        "CHARACTER VARYING(255)[]",
        "int -",
        "int /",
        "text /* never closed",
        "a--b\r\nC",
        "\tDouble\vPrecision\f",
        "\xc3\x89T\xc3\xa9",
        "x/*a*/-/**/-Y",
        "-",
        "",
    };
    std::string sql;
    std::vector<TextRange> ranges;
    for (const auto& t : types) {
      const auto begin = static_cast<uint32_t>(sql.size());
      sql += t;
      ranges.push_back({begin, static_cast<uint32_t>(sql.size())});
      sql += "\n";
    }
    const SourceFile source("m.sql", sql);
    const ir::ParsedFile parsed;
    const analysis::Settings settings;
    const analysis::MigrationFacts facts(parsed, settings, analysis::RunnerPlan{});
    const analysis::Annotations annotations;
    std::vector<Diagnostic> sink;
    const engine::RuleContext ctx(source, parsed, settings, facts, annotations, engine::Catalog::instance(),
                                  sink);
    for (size_t k = 0; k < types.size(); ++k) {
      CAPTURE(types[k]);
      ir::TypeName t;
      t.range = ranges[k];
      CHECK(rules::type_text(ctx, t) == old_type_text(types[k]));
      CHECK(rules::written_type(ctx, t) == old_written_type(types[k]));
    }
    ir::TypeName t;
    t.range = ranges[1];
    CHECK(rules::written_type(ctx, t) == "`timestamp(6) WITHOUT time zone`");
  }

  TEST_CASE("down migration: has, drops and creates answer the same with the effects scanned or indexed") {
    using Verb = analysis::DownEffect::Verb;
    analysis::DownMigration scanned;
    auto add = [&](Verb verb, std::string schema, std::string table, std::string column = {},
                   std::string to = {}) {
      scanned.effects.push_back(
          {verb, {std::move(schema), std::move(table), {}}, std::move(column), std::move(to)});
    };
    add(Verb::CreateRelation, "", "t");
    add(Verb::DropColumn, "", "users", "email");
    add(Verb::AddColumn, "app", "users", "name");
    add(Verb::RenameRelation, "", "orders", "", "orders_old");
    add(Verb::DropObject, "", "orders_old");
    add(Verb::RenameRelation, "", "t_tmp", "", "app.t2");
    add(Verb::RenameColumn, "", "users", "a", "b");
    add(Verb::DropObject, "app", "idx");
    analysis::DownMigration indexed = scanned;
    indexed.index_effects();
    const std::vector<ir::QualifiedName> names = {
        {"", "t", {}},      {"app", "t", {}},   {"", "users", {}},      {"app", "users", {}},
        {"x", "users", {}}, {"", "orders", {}}, {"", "orders_old", {}}, {"", "t2", {}},
        {"app", "t2", {}},  {"x", "t2", {}},    {"", "idx", {}},        {"other", "idx", {}},
        {"", "t_tmp", {}},  {"", "nothing", {}}};
    const std::vector<std::string> columns = {"", "email", "name", "a", "b", "zzz"};
    for (const auto& n : names) {
      CAPTURE(n.schema);
      CAPTURE(n.name);
      CHECK(scanned.creates(n) == indexed.creates(n));
      CHECK(scanned.drops(n) == indexed.drops(n));
      for (int v = 0; v <= static_cast<int>(Verb::UpdateRows); ++v)
        for (const auto& c : columns) {
          CHECK(scanned.has(static_cast<Verb>(v), n, c) == indexed.has(static_cast<Verb>(v), n, c));
          CHECK(scanned.has(static_cast<Verb>(v), n, c, "b") == indexed.has(static_cast<Verb>(v), n, c, "b"));
        }
    }
    CHECK(scanned.drops({"", "orders", {}}));  // renamed away, then dropped under its new name
    CHECK(scanned.creates({"", "t2", {}}));
    CHECK_FALSE(scanned.creates({"", "nothing", {}}));
    CHECK(scanned.has(Verb::RenameColumn, {"", "users", {}}, "a", "b"));
  }

  TEST_CASE("schema model: an index made again under the same name moves to its new table") {
    analysis::SchemaModel model;
    const auto sql = file(
        "CREATE TABLE a (x int);\nCREATE TABLE b (x int);\nCREATE INDEX i ON a (x);\n"
        "CREATE INDEX i ON b (x);\nCREATE INDEX j ON nowhere (x);\n");
    for (const auto& st : sql.statements) model.apply(st);
    const auto* t = model.index_table({"", "i", {}});
    REQUIRE(t != nullptr);
    CHECK(t->name == "b");
    CHECK(model.table_state({"", "a", {}}).state->indexes.empty());
    CHECK(model.table_state({"", "b", {}}).state->indexes == std::vector<std::string>{"i"});
    CHECK(model.column({"", "b", {}}, "x")->indexed);
    // An index on a table the model does not know is known by name; the table stays unseen.
    REQUIRE(model.index_table({"", "j", {}}) != nullptr);
    CHECK_FALSE(model.view({"", "nowhere", {}}).seen());
    for (const auto& st : file("DROP TABLE a;\n").statements) model.apply(st);
    bool gone = true;
    CHECK(model.index_table({"", "i", {}}, &gone) != nullptr);
    CHECK_FALSE(gone);
    for (const auto& st : file("DROP TABLE b;\n").statements) model.apply(st);
    CHECK(model.index_table({"", "i", {}}, &gone) != nullptr);
    CHECK(gone);
  }

  TEST_CASE(
      "schema model: seeded indexes are entered when first touched, as they would have been at seeding") {
    // seed() defers entering a seeded table's indexes to the first read or
    // change of the index map, or copy or overwrite of a whole table; what
    // the model then says is what it would have said had they been entered
    // at once.
    auto listing = [](const char* table, std::vector<std::string> indexes) {
      auto s = std::make_shared<analysis::TableState>();
      s->columns["x"].type.name = "int4";
      s->indexes = std::move(indexes);
      return analysis::KnownTable{{"", table, {}}, std::move(s)};
    };
    {
      // Column statements touch no index: a read afterwards still finds them.
      analysis::SchemaModel model;
      model.seed(listing("a", {"a_x", "a_y"}));
      for (const auto& st :
           file("ALTER TABLE a ADD COLUMN z int;\nALTER TABLE a DROP COLUMN x;\n").statements)
        model.apply(st);
      const auto* t = model.index_table({"", "a_y", {}});
      REQUIRE(t != nullptr);
      CHECK(t->name == "a");
      CHECK(model.table_state({"", "a", {}}).state->indexes == std::vector<std::string>{"a_x", "a_y"});
    }
    {
      // The same index listed by two seeded tables: the later one has it,
      // and the earlier one's list loses it, whether the index or the
      // table's state is read first.
      for (const bool read_first : {true, false}) {
        analysis::SchemaModel model;
        model.seed(listing("a", {"i", "a_x"}));
        model.seed(listing("b", {"i"}));
        if (read_first) {
          const auto* t = model.index_table({"", "i", {}});
          REQUIRE(t != nullptr);
          CHECK(t->name == "b");
        }
        CHECK(model.table_state({"", "a", {}}).state->indexes == std::vector<std::string>{"a_x"});
        for (const auto& st : file("ALTER TABLE a ADD COLUMN y int;\nDROP INDEX i;\n").statements)
          model.apply(st);
        CHECK(model.index_table({"", "i", {}}) == nullptr);
        CHECK(model.table_state({"", "a", {}}).state->indexes == std::vector<std::string>{"a_x"});
        CHECK(model.table_state({"", "b", {}}).state->indexes.empty());
        REQUIRE(model.index_table({"", "a_x", {}}) != nullptr);
      }
    }
    {
      // A table created again over a seeded one: its indexes go with it.
      analysis::SchemaModel model;
      model.seed(listing("a", {"a_x"}));
      for (const auto& st : file("CREATE TABLE a (id int);\n").statements) model.apply(st);
      bool gone = false;
      REQUIRE(model.index_table({"", "a_x", {}}, &gone) != nullptr);
      CHECK(gone);
      CHECK(model.table_state({"", "a", {}}).state->indexes.empty());
    }
    {
      // Renamed: the index follows its table.
      analysis::SchemaModel model;
      model.seed(listing("a", {"a_x"}));
      for (const auto& st : file("ALTER TABLE a RENAME TO c;\n").statements) model.apply(st);
      const auto* t = model.index_table({"", "a_x", {}});
      REQUIRE(t != nullptr);
      CHECK(t->name == "c");
    }
    {
      // Overwritten by CREATE TABLE ... LIKE a table ddlint does not know
      // (MySQL): the indexes it had stay known (on the name), and the
      // copy of a known table does not take the source's indexes over.
      const auto mysql = [](const std::string& sql) {
        const SourceFile f("m.sql", sql, Dialect::MySql);
        auto parsed = parser::parse(f);
        REQUIRE(parsed.errors.empty());
        return parsed;
      };
      analysis::SchemaModel model;
      model.seed(listing("a", {"a_x"}));
      model.seed(listing("s", {"s_x"}));
      for (const auto& st : mysql("CREATE TABLE a LIKE nowhere;\nCREATE TABLE c LIKE s;\n").statements)
        model.apply(st);
      const auto* a = model.index_table({"", "a_x", {}});
      REQUIRE(a != nullptr);
      CHECK(a->name == "a");
      const auto* s = model.index_table({"", "s_x", {}});
      REQUIRE(s != nullptr);
      CHECK(s->name == "s");
    }
    {
      // Seeded twice under one name: the first list's indexes are entered
      // before the second state replaces it, as an immediate entry would.
      analysis::SchemaModel model;
      model.seed(listing("a", {"a_x"}));
      model.seed(listing("a", {"a_y"}));
      const auto* x = model.index_table({"", "a_x", {}});
      REQUIRE(x != nullptr);
      CHECK(x->name == "a");
      REQUIRE(model.index_table({"", "a_y", {}}) != nullptr);
      CHECK(model.table_state({"", "a", {}}).state->indexes == std::vector<std::string>{"a_y"});
    }
    {
      // ALTER INDEX ... RENAME as the first statement: the seeded index is
      // found and moves to its new name on the same table.
      analysis::SchemaModel model;
      model.seed(listing("a", {"a_x"}));
      for (const auto& st : file("ALTER INDEX a_x RENAME TO a_z;\n").statements) model.apply(st);
      CHECK(model.index_table({"", "a_x", {}}) == nullptr);
      const auto* t = model.index_table({"", "a_z", {}});
      REQUIRE(t != nullptr);
      CHECK(t->name == "a");
      CHECK(model.table_state({"", "a", {}}).state->indexes == std::vector<std::string>{"a_z"});
    }
  }

  TEST_CASE("schema model: a state handed over is changed in place only when nothing else holds it") {
    analysis::SchemaModel model;
    const auto history = file("CREATE TABLE a (id int, x varchar(10));\nCREATE INDEX a_x ON a (x);\n");
    for (const auto& st : history.statements) model.apply(st);
    const auto next = file("ALTER TABLE a ADD COLUMN y int;\nALTER TABLE a ALTER COLUMN x TYPE text;\n");
    std::vector<analysis::KnownTable> snapshot = model.needed_by(next);
    REQUIRE(snapshot.size() == 1);
    for (const auto& st : next.statements) model.apply(st);  // the run's model copies a's state
    const analysis::TableState* before = snapshot[0].state.get();
    REQUIRE(snapshot[0].state.use_count() == 1);
    // Still held by a copy of the snapshot: the seeded model copies it, as before.
    {
      // A second holder of each state: the copy is the point.
      // NOLINTNEXTLINE(performance-unnecessary-copy-initialization)
      const std::vector<analysis::KnownTable> kept = snapshot;
      analysis::SchemaModel shared;
      for (auto k : kept) shared.seed(std::move(k));
      for (const auto& st : next.statements) shared.apply(st);
      CHECK(shared.table_state(kept[0].name).state.get() != before);
      CHECK(kept[0].state->column("y") == nullptr);
      CHECK(kept[0].state->column("x")->type.name == "varchar");
      CHECK(shared.column(kept[0].name, "y") != nullptr);
      CHECK(shared.column(kept[0].name, "x")->type.name == "text");
    }
    // Handed over and held by nothing else: changed in place, with the same result.
    analysis::SchemaModel owner;
    const ir::QualifiedName name = snapshot[0].name;
    for (auto& k : snapshot) owner.seed(std::move(k));
    for (const auto& st : next.statements) owner.apply(st);
    CHECK(owner.table_state(name).state.get() == before);
    CHECK(owner.column(name, "y") != nullptr);
    CHECK(owner.column(name, "x")->type.name == "text");
    CHECK(owner.table_state(name).state->indexes == std::vector<std::string>{"a_x"});
    bool gone = true;
    CHECK(owner.index_table({"", "a_x", {}}, &gone) != nullptr);
    CHECK_FALSE(gone);
    // The facts of the file read the same whether their history is handed
    // over or shared with a snapshot that is kept.
    analysis::SchemaModel kept_model;
    for (const auto& st : history.statements) kept_model.apply(st);
    const std::vector<analysis::KnownTable> known = kept_model.needed_by(next);
    const SourceFile source(
        "m.sql", "ALTER TABLE a ALTER COLUMN x TYPE text;\nALTER TABLE a ALTER COLUMN x TYPE int;\n");
    const auto parsed = parser::parse(source);
    REQUIRE(parsed.errors.empty());
    const auto plan =
        analysis::plan_runner(source.path(), source.text(), parsed.comments, analysis::Runner::None);
    const analysis::MigrationFacts shared_facts(parsed, analysis::Settings{}, plan, {}, known);
    analysis::SchemaModel again;
    for (const auto& st : history.statements) again.apply(st);
    std::vector<analysis::KnownTable> handed = again.needed_by(next);
    again = analysis::SchemaModel();  // the snapshot alone holds a's state now
    REQUIRE(handed[0].state.use_count() == 1);
    const analysis::MigrationFacts own_facts(parsed, analysis::Settings{}, plan, {}, std::move(handed));
    for (size_t i = 0; i < 2; ++i) {
      REQUIRE(shared_facts.at(i).old_types().size() == 1);
      REQUIRE(own_facts.at(i).old_types().size() == 1);
      CHECK(shared_facts.at(i).old_types()[0].second.name == own_facts.at(i).old_types()[0].second.name);
    }
    CHECK(own_facts.at(0).old_types()[0].second.name == "varchar");
    CHECK(own_facts.at(1).old_types()[0].second.name == "text");
    CHECK(known[0].state->column("x")->type.name == "varchar");
  }

  TEST_CASE("replayed model: seeded on the first read, replayed up to the statement read, in order") {
    analysis::SchemaModel history_model;
    for (const auto& st : file("CREATE TABLE h (x varchar(10));\n").statements) history_model.apply(st);
    const auto next = file(
        "CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nALTER TABLE t ADD COLUMN c int;\n"
        "ALTER TABLE h ALTER COLUMN x TYPE text;\n");
    analysis::ReplayedModel model(next.statements, history_model.needed_by(next), {});
    // Nothing read yet: nothing seeded or applied.
    CHECK_FALSE(model.seeded());
    CHECK(model.applied() == 0);
    // Read before the third statement: the first two are applied, not the third.
    const analysis::SchemaModel& before_c = model.before(2);
    CHECK(model.seeded());
    CHECK(model.applied() == 2);
    CHECK(before_c.column({"", "t", {}}, "b") != nullptr);
    CHECK(before_c.column({"", "t", {}}, "c") == nullptr);
    REQUIRE(before_c.column_type({"", "h", {}}, "x") != nullptr);  // seeded from the history
    CHECK(before_c.column_type({"", "h", {}}, "x")->name == "varchar");
    // Read again for the same statement: nothing more is applied.
    model.before(2);
    CHECK(model.applied() == 2);
    // A ModelBefore replays only when read.
    const analysis::ModelBefore last(model, 4);
    CHECK(model.applied() == 2);
    REQUIRE(last.get() != nullptr);
    CHECK(model.applied() == 4);
    CHECK(last.get()->column({"", "t", {}}, "c") != nullptr);
    REQUIRE(last.get()->column_type({"", "h", {}}, "x") != nullptr);
    CHECK(last.get()->column_type({"", "h", {}}, "x")->name == "text");
    // The model has gone past statement 2: a read for it is a mistake, not a stale answer.
    CHECK_THROWS_AS(model.before(2), std::logic_error);
    CHECK(analysis::ModelBefore().get() == nullptr);
  }

  TEST_CASE("migration facts: each fact that reads the schema model sees every statement before its own") {
    const auto facts_of = [](const std::string& sql, Dialect dialect) {
      const SourceFile source("m.sql", sql, dialect);
      auto parsed = std::make_unique<ir::ParsedFile>(parser::parse(source));
      REQUIRE(parsed->errors.empty());
      analysis::Settings settings;
      settings.dialect = dialect;
      const auto plan =
          analysis::plan_runner(source.path(), source.text(), parsed->comments, analysis::Runner::None);
      analysis::MigrationFacts facts(*parsed, settings, plan);
      return std::make_pair(std::move(parsed), std::move(facts));
    };
    SUBCASE("PostgreSQL: reads after statements that read nothing") {
      // Statements 0 to 3 read nothing of the model; each later one reads
      // what the statement just before it (or far before it) made.
      const auto [parsed, facts] = facts_of(
          "CREATE TABLE t (a varchar(10));\n"
          "CREATE INDEX t_a ON t (a);\n"
          "CREATE TABLE u (b int);\n"
          "CREATE TRIGGER u_audit BEFORE INSERT ON u FOR EACH ROW EXECUTE FUNCTION f();\n"
          "INSERT INTO u VALUES (1);\n"
          "ALTER TABLE t ALTER COLUMN a TYPE varchar(20);\n"
          "DROP INDEX t_a;\n",
          Dialect::Postgres);
      // The trigger made by the statement just before the INSERT fires.
      CHECK(facts.at(4).trigger_count() == 1);
      CHECK(facts.at(4).triggers() == std::vector<std::string>{"u_audit"});
      // The old type of a, from the first statement: varchar widening rewrites nothing.
      REQUIRE(facts.at(5).old_types().size() == 1);
      CHECK(facts.at(5).old_types()[0].second.name == "varchar");
      REQUIRE(!facts.at(5).effect.tables.empty());
      CHECK_FALSE(facts.at(5).effect.tables[0].rewrite);
      // The index made by the second statement: its table is what is locked.
      REQUIRE(facts.at(6).effect.tables.size() == 1);
      CHECK(facts.at(6).effect.tables[0].table.name == "t");
      CHECK(facts.at(6).effect.tables[0].index_name().name == "t_a");
    }
    SUBCASE("MySQL: the old column of a MODIFY, made by the statement before it") {
      const auto [parsed, facts] =
          facts_of("CREATE TABLE t (a varchar(10) NOT NULL);\nALTER TABLE t MODIFY a varchar(20) NOT NULL;\n",
                   Dialect::MySql);
      REQUIRE(facts.at(1).old_columns().size() == 1);
      REQUIRE(facts.at(1).old_columns()[0].has_value());
      CHECK(facts.at(1).old_columns()[0]->type.name == "varchar");
      CHECK(facts.at(1).old_columns()[0]->not_null);
      // The lock model knows the column too: widening a short VARCHAR is in place (COPY when unknown).
      REQUIRE(facts.at(1).effect.tables.size() == 1);
      CHECK(facts.at(1).effect.tables[0].algorithm() == "INPLACE");
    }
  }

  TEST_CASE(
      "rule context: a per-file value is made once per type and shared; table costs summed per statement; a "
      "finding has its rule's id and severity") {
    const SourceFile source("m.sql",
                            "ALTER TABLE users ADD COLUMN a int NOT NULL DEFAULT 0;\n"
                            "CREATE INDEX i ON orders (x);\nALTER TABLE users ALTER COLUMN b TYPE text;\n");
    const auto parsed = parser::parse(source);
    REQUIRE(parsed.errors.empty());
    const analysis::Settings settings;
    const auto plan =
        analysis::plan_runner(source.path(), source.text(), parsed.comments, analysis::Runner::None);
    const analysis::MigrationFacts facts(parsed, settings, plan);
    const analysis::Annotations annotations;
    std::vector<Diagnostic> sink;
    engine::RuleContext ctx(source, parsed, settings, facts, annotations, engine::Catalog::instance(), sink);
    int made = 0;
    const auto& first = ctx.per_file<std::vector<int>>([&] {
      ++made;
      return std::vector<int>{1, 2};
    });
    const auto& again = ctx.per_file<std::vector<int>>([&] {
      ++made;
      return std::vector<int>{3};
    });
    CHECK(made == 1);
    CHECK(&first == &again);
    CHECK(again == std::vector<int>{1, 2});
    const auto& other = ctx.per_file<std::string>([&] {
      ++made;
      return std::string("x");
    });
    CHECK(made == 2);
    CHECK(other == "x");
    // The table costs, summed up statement by statement at each one's index.
    rules::TableCosts summary;
    for (size_t i = 0; i < parsed.statements.size(); ++i) {
      ctx.set_statement(i);
      summary.add(parsed.statements[i], ctx);
    }
    const auto& costs = summary.costs();
    REQUIRE(costs.size() == 2);
    CHECK(costs[0].table.name == "users");
    CHECK(costs[0].rewrite);
    CHECK(costs[0].first_statement == 0);
    CHECK(costs[0].first_statement_range == parsed.statements[0].range);
    CHECK(costs[0].first_blocking_range == parsed.statements[0].range);
    CHECK(costs[1].table.name == "orders");
    CHECK(costs[1].first_statement == 1);
    CHECK(costs[1].first_statement_range == parsed.statements[1].range);
    CHECK(summary.first_statement() == parsed.statements[0].range);

    // A finding names the rule set last and has its severity (by id alone: a warning).
    const engine::RuleContext::ActiveRule drop{"drop-table", Severity::Error};
    ctx.set_rule(&drop);
    ctx.report({0, 5}, "first");
    const engine::RuleContext::ActiveRule style{"prefer-text-field", Severity::Info};
    ctx.set_rule(&style);
    ctx.report({6, 9}, "second");
    ctx.set_rule("set-not-null");
    ctx.report({1, 2}, "third");
    REQUIRE(sink.size() == 3);
    CHECK(sink[0].rule == "drop-table");
    CHECK(sink[0].severity == Severity::Error);
    CHECK(sink[0].message == "first");
    CHECK(sink[1].rule == "prefer-text-field");
    CHECK(sink[1].severity == Severity::Info);
    CHECK(sink[2].rule == "set-not-null");
    CHECK(sink[2].severity == Severity::Warning);
  }

  TEST_CASE("schema model: row triggers by table, in creation order, through creates, drops and renames") {
    using Names = std::vector<std::string>;
    const auto file = [](const std::string& sql, Dialect dialect) {
      const SourceFile f("m.sql", sql, dialect);
      auto parsed = parser::parse(f);
      REQUIRE(parsed.errors.empty());
      return parsed;
    };
    const auto run = [&](analysis::SchemaModel& model, const std::string& sql,
                         Dialect dialect = Dialect::Postgres) {
      const auto parsed = file(sql, dialect);
      for (const auto& st : parsed.statements) model.apply(st);
    };
    // The triggers that fire on `event`; also checks that the count and the
    // first ones agree with the list.
    const auto fires = [](const analysis::SchemaModel& model, const std::string& table,
                          uint8_t event = ir::kTriggerUpdate) {
      const auto view = model.view({"", table, {}});
      const Names all = view.triggers_for(event);
      CHECK(view.trigger_count(event) == all.size());
      const Names first = view.triggers_for(event, 2);
      CHECK(first ==
            Names(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(2, all.size()))));
      const uint8_t two = ir::kTriggerInsert | ir::kTriggerDelete;
      CHECK(view.trigger_count(two) == view.triggers_for(two).size());
      return all;
    };
    const auto pg = [](const std::string& name, const std::string& table,
                       const std::string& events = "UPDATE") {
      return "CREATE TRIGGER " + name + " BEFORE " + events + " ON " + table +
             " FOR EACH ROW EXECUTE FUNCTION f();\n";
    };
    const auto my = [](const std::string& name, const std::string& table,
                       const std::string& event = "UPDATE") {
      return "CREATE TRIGGER " + name + " BEFORE " + event + " ON " + table + " FOR EACH ROW SET @n = 1;\n";
    };

    SUBCASE("created, dropped and created again (PostgreSQL)") {
      analysis::SchemaModel model;
      run(model, "CREATE TABLE t (id int);\n" + pg("a", "t") + pg("b", "t", "INSERT") +
                     pg("c", "t", "INSERT OR UPDATE"));
      CHECK(fires(model, "t") == Names{"a", "c"});
      CHECK(fires(model, "t", ir::kTriggerInsert) == Names{"b", "c"});
      CHECK(fires(model, "t", ir::kTriggerDelete).empty());
      // A trigger of a table the history does not show is still known.
      run(model, pg("x", "unseen"));
      CHECK(fires(model, "unseen") == Names{"x"});
      CHECK_FALSE(model.view({"", "unseen", {}}).columns_known());
      // Created again without a drop: it keeps its place, with its new events.
      run(model, "CREATE OR REPLACE TRIGGER a BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION f();\n");
      CHECK(fires(model, "t", ir::kTriggerDelete) == Names{"a"});
      CHECK(fires(model, "t") == Names{"c"});
      CHECK(fires(model, "t", ir::kTriggerInsert) == Names{"b", "c"});
      run(model, "DROP TRIGGER a ON t;\n");
      CHECK(fires(model, "t", ir::kTriggerDelete).empty());
      CHECK(fires(model, "t", ir::kTriggerInsert) == Names{"b", "c"});
      // Dropped and created again: it comes last.
      run(model, pg("a", "t", "INSERT"));
      CHECK(fires(model, "t", ir::kTriggerInsert) == Names{"b", "c", "a"});
      // A drop of a trigger the table does not have, or on another table, changes nothing.
      run(model, "DROP TRIGGER IF EXISTS zz ON t;\nDROP TRIGGER IF EXISTS b ON unseen;\n");
      CHECK(fires(model, "t", ir::kTriggerInsert) == Names{"b", "c", "a"});
      CHECK(fires(model, "unseen") == Names{"x"});
      // Many: each dropped before it is created again, then every other one dropped.
      std::string sql;
      for (int i = 0; i < 200; ++i)
        sql += "DROP TRIGGER IF EXISTS m" + std::to_string(i) + " ON many;\n" +
               pg("m" + std::to_string(i), "many");
      for (int i = 0; i < 200; i += 2) sql += "DROP TRIGGER m" + std::to_string(i) + " ON many;\n";
      run(model, sql);
      Names odd;
      for (int i = 1; i < 200; i += 2) odd.push_back("m" + std::to_string(i));
      CHECK(fires(model, "many") == odd);
      run(model, pg("m0", "many"));
      odd.push_back("m0");
      CHECK(fires(model, "many") == odd);
    }

    SUBCASE("one name on two tables: a drop names its table") {
      analysis::SchemaModel model;
      run(model, "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n" + pg("x", "a") + pg("x", "b") +
                     pg("y", "b"));
      run(model, "DROP TRIGGER x ON a;\n");
      CHECK(fires(model, "a").empty());
      CHECK(fires(model, "b") == Names{"x", "y"});
      // A schema-qualified table: the drop matches by the table's name.
      run(model, "CREATE TABLE s.c (id int);\n" + pg("x", "s.c") + "DROP TRIGGER x ON other.c;\n");
      CHECK(fires(model, "c").empty());
    }

    SUBCASE("a drop on a table that was renamed or dropped") {
      analysis::SchemaModel model;
      run(model, "CREATE TABLE t (id int);\n" + pg("x", "t") + pg("y", "t") + "ALTER TABLE t RENAME TO u;\n");
      CHECK(fires(model, "u") == Names{"x", "y"});
      // The old name does not exist; what it had is still read under it.
      CHECK_FALSE(model.view({"", "t", {}}).exists());
      CHECK(fires(model, "t") == Names{"x", "y"});
      run(model, "DROP TRIGGER x ON t;\n");
      CHECK(fires(model, "u") == Names{"x", "y"});
      CHECK(fires(model, "t") == Names{"y"});
      run(model, "DROP TRIGGER x ON u;\n");
      CHECK(fires(model, "u") == Names{"y"});
      // A dropped table has no triggers, nor does the table created again under its name.
      run(model, "DROP TABLE u;\n");
      CHECK(fires(model, "u").empty());
      run(model, "DROP TRIGGER IF EXISTS y ON u;\nCREATE TABLE u (id int);\n");
      CHECK(fires(model, "u").empty());
      run(model, pg("y", "u"));
      CHECK(fires(model, "u") == Names{"y"});
      // CREATE TABLE ... LIKE does not copy triggers.
      run(model, "CREATE TABLE v (LIKE u);\n");
      CHECK(fires(model, "v").empty());
    }

    SUBCASE("MySQL: DROP TRIGGER without a table drops the name on every table") {
      analysis::SchemaModel model;
      run(model,
          "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n" + my("x", "a") + my("y", "a") + my("x", "b"),
          Dialect::MySql);
      run(model, "DROP TRIGGER IF EXISTS nothing;\n", Dialect::MySql);
      CHECK(fires(model, "a") == Names{"x", "y"});
      run(model, "DROP TRIGGER x;\n", Dialect::MySql);
      CHECK(fires(model, "a") == Names{"y"});
      CHECK(fires(model, "b").empty());
      // Created again after the first drop, then renamed: found under the new name.
      run(model, my("z", "a", "INSERT") + "RENAME TABLE a TO c;\n", Dialect::MySql);
      CHECK(fires(model, "c", ir::kTriggerInsert) == Names{"z"});
      CHECK(fires(model, "a", ir::kTriggerInsert) == Names{"z"});  // the old name keeps what it had
      run(model, "DROP TRIGGER z;\n", Dialect::MySql);
      CHECK(fires(model, "c", ir::kTriggerInsert).empty());
      CHECK(fires(model, "a", ir::kTriggerInsert).empty());
      CHECK(fires(model, "c") == Names{"y"});
      // A temporary table hides the table's triggers until the session ends,
      // and a drop does not reach the hidden table.
      run(model, "CREATE TEMPORARY TABLE c (id INT);\n", Dialect::MySql);
      CHECK(fires(model, "c").empty());
      run(model, "DROP TRIGGER y;\n", Dialect::MySql);
      model.end_session();
      CHECK(fires(model, "c") == Names{"y"});
      run(model, "DROP TRIGGER y;\n", Dialect::MySql);
      CHECK(fires(model, "c").empty());
    }

    SUBCASE("a seeded model drops from its own copy") {
      analysis::SchemaModel model;
      run(model, "CREATE TABLE a (id INT);\n" + my("x", "a") + my("y", "a"), Dialect::MySql);
      const auto next = file("DROP TRIGGER x;\nUPDATE a SET id = 1;\n", Dialect::MySql);
      const std::vector<analysis::KnownTable> before = model.needed_by(next);
      REQUIRE(before.size() == 1);
      analysis::SchemaModel seeded;
      for (const auto& k : before) seeded.seed(k);
      CHECK(fires(seeded, "a") == Names{"x", "y"});
      for (const auto& st : next.statements) seeded.apply(st);
      CHECK(fires(seeded, "a") == Names{"y"});
      CHECK(fires(model, "a") == Names{"x", "y"});
      CHECK(model.table_state(before[0].name).state == before[0].state);  // still shared
      for (const auto& st : next.statements) model.apply(st);
      CHECK(fires(model, "a") == Names{"y"});
      seeded.seed(model.table_state(before[0].name));
      run(seeded, my("x", "a") + "DROP TRIGGER y;\n", Dialect::MySql);
      CHECK(fires(seeded, "a") == Names{"x"});
      CHECK(fires(model, "a") == Names{"y"});
    }
  }

  TEST_CASE("MySQL implicit commits end the open transaction in the migration facts") {
    using analysis::TxSource;
    auto facts = [](const std::string& sql, analysis::Runner runner = analysis::Runner::None) {
      const SourceFile f("1.sql", sql, Dialect::MySql);
      auto parsed = std::make_shared<ir::ParsedFile>(parser::parse(f, Dialect::MySql));
      REQUIRE(parsed->errors.empty());
      analysis::Settings settings;
      settings.dialect = Dialect::MySql;
      const auto plan = analysis::plan_runner("1.sql", f.text(), parsed->comments, runner);
      return std::make_pair(parsed, analysis::MigrationFacts(*parsed, settings, plan));
    };
    // BEGIN; INSERT; ALTER (commits the block); UPDATE (autocommit); COMMIT (nothing open).
    const auto r1 = facts(
        "BEGIN;\nINSERT INTO t VALUES (1);\nALTER TABLE t ADD COLUMN c INT;\nUPDATE t SET c = 1 WHERE id = "
        "1;\n"
        "COMMIT;\n");
    const auto& p1 = r1.first;
    const auto& f1 = r1.second;
    REQUIRE(p1->statements.size() == 5);
    CHECK(f1.at(1).tx == TxSource::Explicit);
    CHECK(f1.at(1).transaction_start == 0);
    CHECK(f1.at(2).effect.implicit_commit);
    CHECK(f1.at(2).committed == TxSource::Explicit);
    CHECK(f1.at(2).committed_start == 0);
    CHECK(f1.at(2).tx == TxSource::None);
    CHECK_FALSE(f1.at(2).in_transaction);
    CHECK(f1.at(3).tx == TxSource::None);
    CHECK(f1.at(3).committed == TxSource::None);
    CHECK(f1.at(4).tx == TxSource::None);
    CHECK(f1.unterminated_transactions().empty());
    // START TRANSACTION commits the open one and opens its own; a temporary
    // table does not commit; a block left open is unterminated.
    const auto r2 = facts(
        "START TRANSACTION;\nCREATE TEMPORARY TABLE s (id INT);\nSTART TRANSACTION;\nDELETE FROM t WHERE id "
        "= 1;\n");
    const auto& p2 = r2.first;
    const auto& f2 = r2.second;
    REQUIRE(p2->statements.size() == 4);
    CHECK(f2.at(1).tx == TxSource::Explicit);
    CHECK(f2.at(1).committed == TxSource::None);
    CHECK(f2.at(2).committed == TxSource::Explicit);
    CHECK(f2.at(3).tx == TxSource::Explicit);
    CHECK(f2.at(3).transaction_start == 2);
    CHECK(f2.unterminated_transactions() == std::vector<size_t>{2});
    // A runner's transaction ends at the first DDL too.
    const auto r3 =
        facts("-- +goose Up\nINSERT INTO t VALUES (1);\nDROP TABLE old;\nINSERT INTO t VALUES (2);\n",
              analysis::Runner::Auto);
    const auto& p3 = r3.first;
    const auto& f3 = r3.second;
    REQUIRE(p3->statements.size() == 3);
    CHECK(f3.at(0).tx == TxSource::Runner);
    CHECK(f3.at(1).committed == TxSource::Runner);
    CHECK(f3.at(1).tx == TxSource::None);
    CHECK(f3.at(2).tx == TxSource::None);
    // A multi-statement query string is not one transaction on MySQL.
    const auto r4 =
        facts("-- migrate:up transaction:false\nINSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\n",
              analysis::Runner::Auto);
    REQUIRE(r4.first->statements.size() == 2);
    const auto& f4 = r4.second;
    CHECK(f4.at(1).tx == TxSource::None);
  }

  TEST_CASE("paired down migration paths") {
    CHECK(analysis::paired_down_path("db/000042_users.up.sql") == "db/000042_users.down.sql");
    CHECK(analysis::paired_down_path("db/000042_users_up.sql") == "db/000042_users_down.sql");
    CHECK(analysis::paired_down_path("m/2024-01-02_notes/up.sql") == "m/2024-01-02_notes/down.sql");
    CHECK(analysis::paired_down_path("up.sql") == "down.sql");
    CHECK(analysis::paired_down_path("db/000042_users.down.sql").empty());
    CHECK(analysis::paired_down_path("db/.up.sql").empty());
    CHECK(analysis::paired_down_path("db/setup.sql").empty());
  }

  TEST_CASE("steps of a split version") {
    const auto up = analysis::split_step("m/20210410175418000031_network.postgres.up.sql");
    REQUIRE(up);
    CHECK(up->timestamp == "20210410175418");
    CHECK(up->step == "000031");
    CHECK(up->name == "network.postgres");
    CHECK(up->up);
    const auto down = analysis::split_step("20210410175418000002_network.postgres.down.sql");
    REQUIRE(down);
    CHECK(down->step == "000002");
    CHECK_FALSE(down->up);
    CHECK_FALSE(analysis::split_step("db/000042_users.up.sql"));         // a plain version
    CHECK_FALSE(analysis::split_step("2021041017541800003_x.up.sql"));   // 19 digits
    CHECK_FALSE(analysis::split_step("20210410175418000031_.up.sql"));   // no name
    CHECK_FALSE(analysis::split_step("20210410175418000031_x.sql"));     // neither up nor down
    CHECK_FALSE(analysis::split_step("2021041017541800003a_x.up.sql"));  // not all digits
  }

  TEST_CASE("down migrations: relaxed skips data-loss rules, strict keeps them, skip keeps meta rules") {
    const std::string sql =
        "ALTER TABLE users DROP COLUMN nickname;\nCREATE INDEX users_a_idx ON users (a);\nSELEC;\n";
    const std::vector<std::string> rules = {"drop-column", "create-index-non-concurrently", "syntax-error"};
    auto ids = [&](analysis::DownPolicy p, const std::string& path) {
      analysis::Settings s;
      s.down = p;
      std::vector<std::pair<std::string, uint32_t>> got;
      const auto r = test::lint(path, sql, rules, s);
      for (const auto& d : r.diagnostics)
        got.emplace_back(d.rule, r.source->lines().position(d.range.begin).line);
      return got;
    };
    using V = std::vector<std::pair<std::string, uint32_t>>;
    CHECK(ids(analysis::DownPolicy::Relaxed, "7_x.down.sql") ==
          V{{"create-index-non-concurrently", 2}, {"syntax-error", 3}});
    CHECK(ids(analysis::DownPolicy::Strict, "7_x.down.sql") ==
          V{{"drop-column", 1}, {"create-index-non-concurrently", 2}, {"syntax-error", 3}});
    CHECK(ids(analysis::DownPolicy::Skip, "7_x.down.sql") == V{{"syntax-error", 3}});
    CHECK(ids(analysis::DownPolicy::Skip, "7_x.up.sql") ==
          V{{"drop-column", 1}, {"create-index-non-concurrently", 2}, {"syntax-error", 3}});
  }
}

namespace {

// Counts how it is copied and moved.
struct Counted {
  static inline int copies = 0;
  static inline int moves = 0;
  int value = 0;
  Counted() = default;
  explicit Counted(int v) : value(v) {}
  Counted(const Counted& o) : value(o.value) { ++copies; }
  Counted(Counted&& o) noexcept : value(o.value) { ++moves; }
  Counted& operator=(const Counted&) = delete;
  Counted& operator=(Counted&&) = delete;
  ~Counted() = default;
};

}  // namespace

TEST_SUITE("core") {
  TEST_CASE("ir::mark_held: where the outermost statement whose text holds a statement starts") {
    using ddlint::ir::ParsedFile;
    using ddlint::ir::Statement;
    auto file = [](const std::vector<ddlint::TextRange>& ranges) {
      ParsedFile f;
      for (const auto r : ranges) f.statements.emplace_back().range = r;
      ddlint::ir::mark_held(f);
      return f;
    };
    auto held = [](const ParsedFile& f) {
      std::vector<uint32_t> out;
      for (const auto& st : f.statements) out.push_back(st.held_by);
      return out;
    };
    constexpr uint32_t none = Statement::kNotHeld;
    // One after another (touching included): none held.
    CHECK(held(file({{0, 10}, {10, 20}, {25, 30}})) == std::vector<uint32_t>{none, none, none});
    // Two levels, listed out of order: both inner ones are held by the outermost.
    CHECK(held(file({{12, 14}, {0, 40}, {10, 20}, {50, 60}})) == std::vector<uint32_t>{0, none, 0, none});
    // The same range twice holds neither; an outer one holds both.
    CHECK(held(file({{5, 9}, {5, 9}})) == std::vector<uint32_t>{none, none});
    CHECK(held(file({{0, 20}, {5, 9}, {5, 9}})) == std::vector<uint32_t>{none, 0, 0});
    // An empty range at the end of a statement is held by it.
    CHECK(held(file({{0, 10}, {10, 10}})) == std::vector<uint32_t>{none, 0});
    // Ranges that overlap without one holding the other: nothing is set, and the file says so.
    const ParsedFile odd = file({{0, 10}, {5, 15}, {6, 8}});
    CHECK(odd.irregular_nesting);
    CHECK(held(odd) == std::vector<uint32_t>{none, none, none});
    CHECK_FALSE(file({{0, 40}, {10, 20}}).irregular_nesting);
  }
  TEST_CASE("ir::Box holds a value copied or moved once into place") {
    Counted::copies = 0;
    Counted::moves = 0;
    const Counted a(1);
    const ddlint::ir::Box<Counted> copied(a);
    CHECK(Counted::copies == 1);
    CHECK(Counted::moves == 0);
    CHECK(copied->value == 1);
    Counted b(2);
    ddlint::ir::Box<Counted> moved(std::move(b));
    CHECK(Counted::copies == 1);
    CHECK(Counted::moves == 1);
    CHECK(moved->value == 2);
    // A statement node made from a statement: one move, into the box.
    std::variant<std::monostate, ddlint::ir::Box<Counted>> node;
    node = Counted(3);
    CHECK(Counted::copies == 1);
    CHECK(Counted::moves == 2);
    CHECK(std::get<ddlint::ir::Box<Counted>>(node)->value == 3);
    // Copying a box copies its value once.
    ddlint::ir::Box<Counted> again(copied);
    CHECK(Counted::copies == 2);
    again->value = 4;
    CHECK(again->value == 4);
    CHECK(copied->value == 1);
  }
}
