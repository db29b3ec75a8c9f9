// A large PostgreSQL file linted a group of statements at a time is read by
// parser::parse_groups (each group's text scanned and parsed on its own):
// whenever it reads a file, it must give the statements, comments and
// skipped input parser::parse gives.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/source.h"
#include "ir/dump.h"
#include "parser/parser.h"
#include "parser/postgres/pg_frontend.h"

namespace {

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string ranges(const std::vector<ddlint::TextRange>& rs) {
  std::string out;
  for (const auto& r : rs) out += std::to_string(r.begin) + "-" + std::to_string(r.end) + " ";
  return out;
}

struct Compared {
  bool read = false;  // parse_groups read the file
  size_t groups = 0;
};

// The first pass's chunk size for the scope of one check (restored after).
struct ChunkBytes {
  explicit ChunkBytes(size_t bytes) { ddlint::parser::pg::set_first_pass_chunk_bytes(bytes); }
  ~ChunkBytes() { ddlint::parser::pg::set_first_pass_chunk_bytes(size_t{1} << 20); }
  ChunkBytes(const ChunkBytes&) = delete;
  ChunkBytes& operator=(const ChunkBytes&) = delete;
};

// Reads `text` both ways; checks that they agree when parse_groups reads it.
Compared compare(const std::string& name, const std::string& text) {
  Compared out;
  const ddlint::SourceFile source(name, text, ddlint::Dialect::Postgres);
  ddlint::ir::ParsedFile head;
  std::vector<ddlint::ir::Statement> statements;
  std::vector<ddlint::TextRange> groups;
  out.read = ddlint::parser::parse_groups(
      source, head, [](const ddlint::ir::ParsedFile&) { return true; },
      [&](std::vector<ddlint::ir::Statement>& group, size_t first) {
        CHECK(first == statements.size());
        ++out.groups;
        for (auto& st : group) statements.push_back(std::move(st));
        return true;
      },
      groups);
  // The first pass read a chunk at a time, cut at every `;` that ends a
  // line (and retried longer where that cut falls inside a comment, quote
  // or string): the same answer, groups and comments.
  {
    const ChunkBytes cut_everywhere(1);
    ddlint::ir::ParsedFile chunked;
    std::vector<ddlint::TextRange> chunked_groups;
    const bool read = ddlint::parser::parse_groups(
        source, chunked, [](const ddlint::ir::ParsedFile&) { return true; },
        [](std::vector<ddlint::ir::Statement>&, size_t) { return true; }, chunked_groups);
    CAPTURE(name);
    CHECK(read == out.read);
    if (read) {  // (else what was handed on is dropped)
      CHECK(ranges(chunked_groups) == ranges(groups));
      CHECK(ranges(chunked.comments) == ranges(head.comments));
    }
  }
  if (!out.read) return out;
  CHECK(groups.size() == out.groups);
  // Read again in the groups the first read found (the lint's second pass;
  // a file without statements has none, and is read as at first).
  std::vector<ddlint::ir::Statement> again;
  if (!groups.empty()) {
    ddlint::ir::ParsedFile untouched;
    CHECK(ddlint::parser::parse_groups(
        source, untouched, [](const ddlint::ir::ParsedFile&) { return false; },
        [&](std::vector<ddlint::ir::Statement>& group, size_t first) {
          CHECK(first == again.size());
          for (auto& st : group) again.push_back(std::move(st));
          return true;
        },
        groups));
    CHECK(untouched.comments.empty());
  }
  const auto whole = ddlint::parser::parse(source);
  CAPTURE(name);
  CHECK(whole.errors.empty());
  CHECK(ddlint::ir::dump(statements, source.text()) == ddlint::ir::dump(whole.statements, source.text()));
  if (!groups.empty())
    CHECK(ddlint::ir::dump(again, source.text()) == ddlint::ir::dump(whole.statements, source.text()));
  CHECK(ranges(head.comments) == ranges(whole.comments));
  CHECK(head.skipped.size() == whole.skipped.size());
  return out;
}

// Every .sql file under `dir`: how many parse_groups read, and how many of
// those in more than one group.
std::pair<size_t, size_t> compare_tree(const std::filesystem::path& dir) {
  std::pair<size_t, size_t> n{0, 0};
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
    const Compared c = compare(e.path().string(), file_text(e.path()));
    n.first += c.read;
    n.second += c.groups > 1;
  }
  return n;
}

}  // namespace

TEST_SUITE("pg-groups") {
  TEST_CASE("a file read a group of statements at a time gives the statements of parse()") {
    // Several groups of about 16 KB, with comments, dollar quotes, strings
    // holding `;` and statements of several kinds between them.
    std::string text = "-- a migration\n";
    for (int i = 0; i < 1500; ++i) {
      const std::string n = std::to_string(i);
      text += "/* step " + n + " */ ALTER TABLE t" + n + " ADD COLUMN c int DEFAULT 1;\n";
      text += "CREATE INDEX CONCURRENTLY i" + n + " ON t" + n + " (c);  -- ; in a comment\n";
      text += "UPDATE t" + n + " SET note = 'a;b' WHERE id = " + n + ";\n";
      text += "DO $$BEGIN PERFORM 1; END$$;\n";
      // A `;` that ends a line inside a string, comments and a dollar quote
      // (where the first pass's chunks are not cut).
      text += "COMMENT ON TABLE t" + n + " IS 'a;\nb';\n/* c;\n d */ -- e;\n";
      text += "DO $f$BEGIN PERFORM 2;\nEND$f$;\n";
    }
    const Compared c = compare("big.sql", text);
    REQUIRE(c.read);
    CHECK(c.groups > 3);
    {
      // Cut into chunks of 100 KB: the same statements (compare's own cut at
      // every statement is checked against the groups).
      const ChunkBytes chunks(100 << 10);
      CHECK(compare("big.sql", text).groups == c.groups);
    }
    // Declined: an INSERT of constant rows (read from its tokens by parse()),
    // a statement that does not parse, a psql meta-command (blanked by the
    // pre-pass).
    CHECK_FALSE(compare("seed.sql", text + "INSERT INTO t VALUES (1, 'a');\n").read);
    CHECK_FALSE(compare("meta.sql", text + "\\set ON_ERROR_STOP on\n").read);
    CHECK_FALSE(compare("bad.sql", text + "ALTER TABLE;\n").read);
  }

  TEST_CASE("every example and test case file read in groups gives the statements of parse()") {
    const std::filesystem::path root(DDLINT_SOURCE_DIR);
    size_t read = 0;
    for (const char* dir : {"examples", "testdata"}) read += compare_tree(root / dir).first;
    MESSAGE(read << " files read in groups");
    CHECK(read > 100);
  }

  TEST_CASE("every file of the PostgreSQL corpus read in groups gives the statements of parse()") {
    const std::filesystem::path corpus =
        std::filesystem::path(DDLINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "postgres";
    if (!std::filesystem::is_directory(corpus)) {
      MESSAGE("skipped: " << corpus.string() << " is absent");
      return;
    }
    const auto [read, several] = compare_tree(corpus);
    MESSAGE(read << " files read in groups, " << several << " in more than one");
    CHECK(read > 1000);
    CHECK(several > 0);
  }
}
