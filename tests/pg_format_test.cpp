// ddlint's formatter for libpg_query's JSON output (parser/postgres/pg_format.h):
// what it writes is what PostgreSQL's own formatting writes, call by call and
// for whole parse trees.
#include "parser/postgres/pg_format.h"

#include <doctest/doctest.h>
#include <pg_query.h>

#include <climits>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "support/harness.h"

// PostgreSQL's string buffer and the functions of libpg_query's that the
// test drives directly (their calls of appendStringInfo are wrapped like
// libpg_query's own).
extern "C" {
struct TestStringInfo {
  char* data;
  int len;
  int maxlen;
  int cursor;
};
void* pg_query_enter_memory_context();
void pg_query_exit_memory_context(void* ctx);
void initStringInfo(TestStringInfo* str);
void appendStringInfo(TestStringInfo* str, const char* fmt, ...);
void appendStringInfoString(TestStringInfo* str, const char* s);
}

namespace {

namespace pg = ddlint::parser::pg;

// Appends with each formatter to its own buffer (both start from `prefix`)
// and checks both buffers hold the same bytes; returns ddlint's text.
struct Pair {
  TestStringInfo fast{};
  TestStringInfo slow{};
  explicit Pair(const std::string& prefix = {}) {
    initStringInfo(&fast);
    initStringInfo(&slow);
    for (TestStringInfo* s : {&fast, &slow}) appendStringInfo(s, "%s", prefix.c_str());
  }
  template <typename... Args>
  std::string add(const char* fmt, Args... args) {
    pg::set_fast_format(true);
    appendStringInfo(&fast, fmt, args...);
    pg::set_fast_format(false);
    appendStringInfo(&slow, fmt, args...);
    pg::set_fast_format(true);
    const std::string a(fast.data, static_cast<size_t>(fast.len));
    const std::string b(slow.data, static_cast<size_t>(slow.len));
    CHECK_MESSAGE(a == b, "format: " << fmt);
    CHECK(fast.data[fast.len] == '\0');
    return a;
  }
};

struct MemoryContext {
  void* ctx = pg_query_enter_memory_context();
  MemoryContext() = default;
  MemoryContext(const MemoryContext&) = delete;
  MemoryContext& operator=(const MemoryContext&) = delete;
  ~MemoryContext() { pg_query_exit_memory_context(ctx); }
};

}  // namespace

TEST_SUITE("pg-format") {
  TEST_CASE("the build formats libpg_query's output with ddlint's formatter") {
#ifdef DDLINT_EXPECT_PG_FAST_FORMAT
    CHECK(pg::fast_format_built());
#else
    CHECK_FALSE(pg::fast_format_built());
#endif
  }

  TEST_CASE("each conversion is written as PostgreSQL writes it") {
    const MemoryContext context;
    Pair p;
    const uint64_t before = pg::fast_format_calls();
    for (const int v : {0, 1, -1, 9, 10, 42, -42, 1000000, INT_MAX, INT_MIN, INT_MIN + 1})
      p.add("\"location\":%d,", v);
    for (const unsigned v : {0U, 1U, 4294967295U, 2147483648U, 23U, 1700U}) p.add("\"typeOid\":%u,", v);
    for (const char* s : {"", "a", "abc", "x\"y\\z", "caf\xc3\xa9", "tab\there"})
      p.add("\"relname\":\"%s\",", s);
    for (const int c : {int{'p'}, int{'r'}, 0, 1, 127, 128, 255, -1, 256 + int{'q'}})
      p.add("\"relpersistence\":\"%c\",", c);
    p.add("\"key\":");
    p.add("");
    p.add("100%%");
    p.add("%%d");
    p.add("%d%%", 7);
    p.add("%s", "only");
    p.add("%d", -7);
    // Several conversions.
    p.add("{\"version\":%d,\"stmts\":[]}", 150001);
    p.add("%s and %d and %u and %c.", "text", -3, 3U, 'z');
    p.add("%d%d%d%d%d%d%d%d", 1, 2, 3, 4, 5, 6, 7, 8);
    const uint64_t fast = pg::fast_format_calls() - before;
    // PostgreSQL's formatting only: more numbers or pieces than ddlint's
    // formatter keeps, flags, widths, precisions, lengths, other conversions
    // and a null string.
    p.add("%d%d%d%d%d%d%d%d%d", 1, 2, 3, 4, 5, 6, 7, 8, 9);
    p.add("a%sb%sc%sd%se%sf%sg%sh%si", "1", "2", "3", "4", "5", "6", "7", "8");
    p.add("\\u%04x", 7);
    p.add("%5d|%-5d|%05d", 42, 42, 42);
    p.add("%.2s", "abcdef");
    p.add("%ld %lu", -5L, 5UL);
    p.add("%f", 1.5);
    p.add("%x", 255U);
    p.add("%s,", static_cast<const char*>(nullptr));
    p.add("%s %d", static_cast<const char*>(nullptr), 3);
    if (pg::fast_format_built()) {
      CHECK(fast == 42);  // every call before the PostgreSQL-only ones
      CHECK(pg::fast_format_calls() - before == fast);
    }
  }

  TEST_CASE("a format's text is read again when it is not a literal, and long keys and tails") {
    const MemoryContext context;
    Pair p;
    // Formats in writable memory (the stack, the heap) may change between
    // calls at the same address: each call reads them again.
    char on_stack[32] = "\"a\":%d,";
    p.add(on_stack, 1);
    on_stack[1] = 'b';
    p.add(on_stack, 2);
    std::strcpy(on_stack, "\"c\":\"%s\"}");
    p.add(on_stack, "x");
    std::string on_heap = "\"key\":%u,";
    on_heap.reserve(64);
    p.add(on_heap.c_str(), 3U);
    on_heap[2] = 'K';
    p.add(on_heap.c_str(), 4U);
    CHECK(std::string(p.fast.data, static_cast<size_t>(p.fast.len)) ==
          "\"a\":1,\"b\":2,\"c\":\"x\"}\"key\":3,\"kKy\":4,");
    // Literals past what a kept format holds (a 32-byte key, a 15-byte tail),
    // at and around those sizes, and the same literal many times.
    for (int i = 0; i < 3; ++i) {
      p.add("\"a_key_of_exactly_thirty_two___:%d,", 5);
      p.add("\"a_key_of_exactly_thirty_three__:%d,", 6);
      p.add("%d,fifteen__bytes", 7);
      p.add("%d,sixteen___bytes", 8);
      p.add("a key with no conversion at all, longer than thirty-two bytes");
      p.add("\"relname\":\"%s\",", "pg_class");
      p.add("\"relname\":\"%s\",", static_cast<const char*>(nullptr));
    }
  }

  TEST_CASE("long texts grow the buffer as PostgreSQL's formatting does") {
    const MemoryContext context;
    for (const size_t start : {0, 1, 100, 1000, 1023, 1024, 4000}) {
      Pair p(std::string(start, 'x'));
      for (const size_t size : {1, 15, 16, 17, 100, 1000, 1023, 1024, 1025, 5000, 70000}) {
        const std::string s(size, 'v');
        const std::string got = p.add("\"sval\":\"%s\",", s.c_str());
        CHECK(got.size() >= start + size + 10);
        p.add("\"ival\":%d,", static_cast<int>(size));
      }
    }
  }

  TEST_CASE("appendStringInfoString appends the string as PostgreSQL's does") {
    const MemoryContext context;
    for (const size_t start : {0, 1, 100, 1000, 1023, 1024, 4000}) {
      Pair p(std::string(start, 'x'));
      const uint64_t before = pg::fast_format_calls();
      size_t calls = 0;
      for (const size_t size : {0, 1, 15, 16, 17, 100, 1000, 1023, 1024, 1025, 5000, 70000}) {
        const std::string s(size, 's');
        pg::set_fast_format(true);
        appendStringInfoString(&p.fast, s.c_str());
        pg::set_fast_format(false);
        appendStringInfoString(&p.slow, s.c_str());
        pg::set_fast_format(true);
        ++calls;
        REQUIRE(p.fast.len == p.slow.len);
        CHECK(std::string(p.fast.data, static_cast<size_t>(p.fast.len)) ==
              std::string(p.slow.data, static_cast<size_t>(p.slow.len)));
        CHECK(p.fast.data[p.fast.len] == '\0');
      }
      if (pg::fast_format_built()) CHECK(pg::fast_format_calls() - before == calls);
    }
  }

  TEST_CASE("libpg_query's parse trees are the same bytes with either formatter") {
    // NOLINTBEGIN(bugprone-suspicious-missing-comma): long statements are written over two lines
    std::vector<std::string> texts = {
        "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n numeric(10, 2) DEFAULT -1.5, "
        "c char(3) COLLATE \"C\", ts timestamptz DEFAULT now(), j jsonb NOT NULL DEFAULT '{}'::jsonb);",
        "ALTER TABLE ONLY public.\"Weird \"\"name\"\"\" ADD COLUMN c int DEFAULT -2147483648, "
        "ALTER COLUMN d TYPE varchar(255) USING d::varchar;",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING btree (lower(a) DESC NULLS LAST) "
        "WHERE b > 4294967295;",
        "CREATE FUNCTION f(a int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN a * 2; END $$;",
        "DO $$ BEGIN RAISE NOTICE 'caf\xc3\xa9 \\n %'; END $$;",
        "INSERT INTO t (a, b) VALUES (1, E'line\\nbreak\\ttab'), (-2, 'q''uote') ON CONFLICT DO NOTHING;",
        "SELECT 1.5e10, -0.0, B'1010', X'ff', U&'\\0041', $1, a[1:2] FROM t WHERE x IS DISTINCT FROM y;",
        "UPDATE t SET a = a + 1 WHERE id IN (SELECT id FROM u LIMIT 10) RETURNING *;",
        "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE NOT VALID;",
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';",
        "SET lock_timeout = '2s'; SET statement_timeout TO 0; RESET ALL;",
        "CREATE TABLE p (a int) PARTITION BY RANGE (a); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM "
        "(MINVALUE) TO (100);",
        "COMMENT ON COLUMN t.a IS 'x'; GRANT SELECT ON t TO PUBLIC; CREATE SEQUENCE s START 1 INCREMENT -1;",
        "SELECT * FROM (VALUES (1), (2)) AS v(x) WINDOW w AS (ORDER BY x ROWS BETWEEN 1 PRECEDING AND "
        "CURRENT ROW);",
        "CREATE TABLE broken (",
        "ALTER TABLE t ADD COLUMN;",
    };
    // NOLINTEND(bugprone-suspicious-missing-comma)
    // Every case file of the rules (a few thousand statements of every kind).
    const std::filesystem::path root = std::filesystem::path(DDLINT_SOURCE_DIR) / "testdata" / "rules";
    size_t files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root))
      if (e.is_regular_file() && e.path().extension() == ".sql") {
        texts.push_back(ddlint::test::read(e.path()));
        ++files;
      }
    REQUIRE(files > 100);
    size_t trees = 0;
    for (const std::string& text : texts) {
      const uint64_t before = pg::fast_format_calls();
      pg::set_fast_format(true);
      PgQueryParseResult a = pg_query_parse(text.c_str());
      const uint64_t fast = pg::fast_format_calls() - before;
      pg::set_fast_format(false);
      PgQueryParseResult b = pg_query_parse(text.c_str());
      pg::set_fast_format(true);
      REQUIRE((a.parse_tree == nullptr) == (b.parse_tree == nullptr));
      REQUIRE((a.error == nullptr) == (b.error == nullptr));
      if (a.parse_tree != nullptr) {
        CHECK(std::string(a.parse_tree) == std::string(b.parse_tree));
        ++trees;
        if (pg::fast_format_built()) CHECK(fast > 0);
      }
      if (a.error != nullptr) {
        CHECK(std::string(a.error->message) == std::string(b.error->message));
        CHECK(a.error->cursorpos == b.error->cursorpos);
      }
      pg_query_free_parse_result(a);
      pg_query_free_parse_result(b);
    }
    CHECK(trees > files / 2);
  }
}
