// libpg_query's parse trees read without JSON text (parser/postgres/pg_tree.h):
// the value list is the one parsing libpg_query's JSON text gives, value by
// value and key by key, on hand-written statements, every statement file of
// the test data and every statement of the PostgreSQL corpus.
#include "parser/postgres/pg_tree.h"

#include <doctest/doctest.h>
#include <pg_query.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "parser/postgres/pg_json.h"
#include "support/harness.h"

// libpg_query's parse steps (pg_query_internal.h needs PostgreSQL's server
// headers; pg_frontend.cpp declares them the same way).
extern "C" {
struct TreeTestRawParse {
  void* tree;
  char* stderr_buffer;
  PgQueryError* error;
};
TreeTestRawParse pg_query_raw_parse(const char* input);
void pg_query_free_error(PgQueryError* error);
void* pg_query_enter_memory_context();
void pg_query_exit_memory_context(void* ctx);
char* pg_query_nodes_to_json(const void* obj);
}

namespace {

namespace pg = ddlint::parser::pg;
namespace json = ddlint::parser::pg::json;

// Where two value lists first differ ("" when they are the same).
std::string differ(json::Element a, json::Element b, const std::string& at) {
  std::ostringstream out;
  if (a.kind() != b.kind()) {
    out << at << ": kind " << static_cast<int>(a.kind()) << " against " << static_cast<int>(b.kind());
    return out.str();
  }
  switch (a.kind()) {
    case json::Kind::Object: {
      json::Object oa;
      json::Object ob;
      a.get(oa);
      b.get(ob);
      if (oa.size() != ob.size()) {
        out << at << ": " << oa.size() << " fields against " << ob.size();
        return out.str();
      }
      auto ib = ob.begin();
      for (const auto fa : oa) {
        const auto fb = *ib;
        ++ib;
        if (fa.key != fb.key) return at + ": key " + std::string(fa.key) + " against " + std::string(fb.key);
        std::string d = differ(fa.value, fb.value, at + "." + std::string(fa.key));
        if (!d.empty()) return d;
      }
      return "";
    }
    case json::Kind::Array: {
      json::Array xa;
      json::Array xb;
      a.get(xa);
      b.get(xb);
      if (xa.size() != xb.size()) {
        out << at << ": " << xa.size() << " elements against " << xb.size();
        return out.str();
      }
      auto ib = xb.begin();
      size_t i = 0;
      for (const auto ea : xa) {
        std::string d = differ(ea, *ib, at + "[" + std::to_string(i++) + "]");
        ++ib;
        if (!d.empty()) return d;
      }
      return "";
    }
    case json::Kind::String: {
      std::string_view sa;
      std::string_view sb;
      a.get(sa);
      b.get(sb);
      if (sa != sb) return at + ": \"" + std::string(sa) + "\" against \"" + std::string(sb) + "\"";
      return "";
    }
    case json::Kind::Integer: {
      int64_t ia = 0;
      int64_t ib = 0;
      a.get(ia);
      b.get(ib);
      if (ia != ib) {
        out << at << ": " << ia << " against " << ib;
        return out.str();
      }
      return "";
    }
    default:
      return "";  // true, false, null: the kind is the value (no number is read from a tree)
  }
}

// Parses `text` with libpg_query and compares the tree's value list with
// its JSON text's. Returns "" when they agree, "parse error" when the text
// does not parse, else where they differ.
std::string compare(const std::string& text, json::Parser& parser) {
  void* ctx = pg_query_enter_memory_context();
  const TreeTestRawParse r = pg_query_raw_parse(text.c_str());
  std::string result;
  if (r.error != nullptr) {
    result = "parse error";
  } else {
    json::Element from_tree;
    const bool made = pg::tree_values(r.tree, from_tree);
    const char* text_json = pg_query_nodes_to_json(r.tree);
    json::Element from_json;
    const bool readable = parser.parse(text_json, from_json);
    // A tree is declined exactly when its JSON text is not read (a string
    // that is not UTF-8).
    if (made != readable)
      result = made ? "read, but its JSON text is not" : "declined, but its JSON text is read";
    else if (made)
      result = differ(from_tree, from_json, "$");
  }
  pg_query_exit_memory_context(ctx);
  if (r.error != nullptr) pg_query_free_error(r.error);
  std::free(r.stderr_buffer);  // NOLINT(cppcoreguidelines-no-malloc): libpg_query's malloc
  return result;
}

// The statements of `text` (pg_query_split_with_scanner), each alone.
std::vector<std::string> statements(const std::string& text) {
  std::vector<std::string> out;
  PgQuerySplitResult s = pg_query_split_with_scanner(text.c_str());
  if (s.error == nullptr)
    for (int i = 0; i < s.n_stmts; ++i)
      out.push_back(text.substr(static_cast<size_t>(s.stmts[i]->stmt_location),
                                static_cast<size_t>(s.stmts[i]->stmt_len)));
  pg_query_free_split_result(s);
  return out;
}

// Compares every statement of `text`: the whole text when it parses, else
// each statement alone. Counts the trees compared; returns the first
// difference ("" for none).
std::string compare_all(const std::string& text, json::Parser& parser, size_t& trees) {
  std::string d = compare(text, parser);
  if (d.empty()) {
    ++trees;
    return d;
  }
  if (d != "parse error") return d;
  for (const std::string& st : statements(text)) {
    d = compare(st, parser);
    if (d.empty()) ++trees;
    if (!d.empty() && d != "parse error") return d;
  }
  return "";
}

}  // namespace

TEST_SUITE("pg-tree") {
  TEST_CASE("the build reads libpg_query's parse trees without JSON text") {
#ifdef DDLINT_EXPECT_PG_TREE
    CHECK(pg::tree_built());
#else
    CHECK_FALSE(pg::tree_built());
#endif
  }

  TEST_CASE("a tree's values are its JSON text's: hand-written statements") {
    if (!pg::tree_built()) return;
    json::Parser parser(4096);
    // NOLINTBEGIN(bugprone-suspicious-missing-comma): long statements are written over two lines
    const std::vector<std::string> texts = {
        "",
        "-- only a comment",
        "SELECT 0, 1, -1, 2147483647, -2147483648, 9223372036854775807, 1.5, -0.0, 1e10, TRUE, FALSE, NULL, "
        "'', 'x', B'1010', X'ff', E'\\n', U&'\\0041', $1;",
        "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n numeric(10, 2) DEFAULT -1.5, "
        "c char(3) COLLATE \"C\" NOT NULL, ts timestamptz DEFAULT now(), j jsonb DEFAULT '{}'::jsonb, "
        "g int GENERATED ALWAYS AS (id * 2) STORED, CHECK (n > 0) NO INHERIT) WITH (fillfactor = 70);",
        "CREATE UNLOGGED TABLE IF NOT EXISTS \"Weird \"\"name\"\"\" (a int) INHERITS (p) TABLESPACE ts;",
        "CREATE TEMP TABLE tt ON COMMIT DROP AS SELECT * FROM t;",
        "ALTER TABLE ONLY public.t ADD COLUMN c int DEFAULT 0, ALTER COLUMN d TYPE varchar(255) USING "
        "d::varchar, "
        "ALTER COLUMN e SET DEFAULT '', DROP COLUMN IF EXISTS f CASCADE, ALTER COLUMN g DROP NOT NULL;",
        "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) ON DELETE SET NULL NOT VALID, "
        "VALIDATE CONSTRAINT fk2, ADD CONSTRAINT u1 UNIQUE USING INDEX i1;",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON t USING btree (lower(a) DESC NULLS LAST, b "
        "text_pattern_ops) INCLUDE (c) WHERE b > 4294967295;",
        "CREATE FUNCTION f(a int DEFAULT 0, OUT b text) RETURNS SETOF record LANGUAGE plpgsql STRICT "
        "AS $$ BEGIN RETURN; END $$;",
        "DO $$ BEGIN RAISE NOTICE 'caf\xc3\xa9 %', 1; END $$;",
        "INSERT INTO t (a, b) VALUES (1, DEFAULT), (-2, 'q''uote') ON CONFLICT (a) DO UPDATE SET b = "
        "EXCLUDED.b RETURNING *;",
        "UPDATE t SET (a, b) = (1, 2), c = c + 1 FROM u WHERE t.id = u.id AND u.x IS NOT DISTINCT FROM "
        "NULL;",
        "DELETE FROM t USING u WHERE t.id = u.id RETURNING t.*;",
        "SELECT a[1:2], a[:3], (x).y, ARRAY[1, 2], ROW(1, 2), CASE WHEN a THEN 1 ELSE 0 END, "
        "COALESCE(a, b), count(*) FILTER (WHERE a > 0) OVER w FROM t WINDOW w AS (PARTITION BY b ORDER BY c "
        "ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY 1 LIMIT 10 OFFSET 5 FOR UPDATE SKIP LOCKED;",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r;",
        "SELECT * FROM (VALUES (1), (2)) AS v(x) JOIN LATERAL generate_series(1, x) g ON TRUE;",
        "CREATE TYPE mood AS ENUM ('sad', 'ok'); ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok';",
        "CREATE TYPE pair AS (a int, b text); CREATE DOMAIN d AS int CHECK (VALUE > 0);",
        "SET lock_timeout = '2s'; SET LOCAL statement_timeout TO 0; SET search_path = ''; RESET ALL;",
        "CREATE TABLE p (a int) PARTITION BY RANGE (a); CREATE TABLE p1 PARTITION OF p FOR VALUES FROM "
        "(MINVALUE) TO (100); ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY;",
        "COMMENT ON COLUMN t.a IS ''; COMMENT ON TABLE t IS NULL; GRANT SELECT, UPDATE (a) ON t TO PUBLIC "
        "WITH GRANT OPTION; REVOKE ALL ON SCHEMA s FROM r CASCADE;",
        "CREATE SEQUENCE s AS bigint START 1 INCREMENT -1 NO MAXVALUE CACHE 1 OWNED BY t.id;",
        "CREATE VIEW v WITH (security_barrier) AS SELECT * FROM t WITH LOCAL CHECK OPTION;",
        "CREATE MATERIALIZED VIEW mv AS SELECT 1 WITH NO DATA; REFRESH MATERIALIZED VIEW CONCURRENTLY mv;",
        "CREATE TRIGGER tr BEFORE INSERT OR UPDATE OF a ON t FOR EACH ROW WHEN (NEW.a IS NOT NULL) "
        "EXECUTE FUNCTION f();",
        "CREATE POLICY p ON t FOR SELECT TO r USING (a = current_user); ALTER TABLE t ENABLE ROW LEVEL "
        "SECURITY;",
        "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA s; CREATE SCHEMA IF NOT EXISTS s AUTHORIZATION "
        "r;",
        "BEGIN ISOLATION LEVEL SERIALIZABLE; SAVEPOINT a; ROLLBACK TO a; COMMIT; LOCK TABLE t IN SHARE MODE "
        "NOWAIT;",
        "VACUUM (ANALYZE, VERBOSE) t (a); ANALYZE t; CLUSTER t USING i; REINDEX INDEX CONCURRENTLY i;",
        "CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING; NOTIFY ch, 'x'; COPY t (a) FROM STDIN WITH "
        "(FORMAT "
        "csv);",
        "ALTER TABLE t RENAME COLUMN a TO b; ALTER INDEX i RENAME TO j; ALTER TABLE t SET SCHEMA s; "
        "ALTER TABLE t OWNER TO r; DROP TABLE IF EXISTS a, b CASCADE; TRUNCATE t RESTART IDENTITY;",
        "SELECT x::int[], 'a' COLLATE \"C\", a IS OF (int), a BETWEEN SYMMETRIC 1 AND 2, a LIKE 'b' ESCAPE "
        "'!', "
        "EXISTS (SELECT 1), a = ANY (ARRAY[1]), a IN (1, 2), NOT a, a OPERATOR(pg_catalog.+) b, "
        "interval '1' day, timestamp with time zone '2020-01-01', CURRENT_TIMESTAMP(3), xmlelement(name x);",
    };
    // NOLINTEND(bugprone-suspicious-missing-comma)
    size_t trees = 0;
    for (const std::string& text : texts) {
      CAPTURE(text);
      CHECK(compare_all(text, parser, trees) == "");
    }
    CHECK(trees >= texts.size() - 1);
    // The reading was used (not the JSON text's values twice).
    CHECK(pg::tree_values_made() > 0);
  }

  TEST_CASE("a tree's values are its JSON text's: every statement file of the test data") {
    if (!pg::tree_built()) return;
    json::Parser parser(4096);
    size_t files = 0;
    size_t trees = 0;
    for (const char* dir : {"rules", "parser/postgres", "cli", "locks", "parity"}) {
      const std::filesystem::path root = std::filesystem::path(DDLINT_SOURCE_DIR) / "testdata" / dir;
      if (!std::filesystem::is_directory(root)) continue;
      for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
        if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
        ++files;
        CAPTURE(e.path().string());
        CHECK(compare_all(ddlint::test::read(e.path()), parser, trees) == "");
      }
    }
    REQUIRE(files > 500);
    CHECK(trees > files / 2);
  }

  TEST_CASE("a tree's values are its JSON text's: every statement of the PostgreSQL corpus") {
    if (!pg::tree_built()) return;
    const std::filesystem::path corpus =
        std::filesystem::path(DDLINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "postgres";
    if (!std::filesystem::is_directory(corpus)) {
      MESSAGE("skipped: " << corpus.string() << " is absent");
      return;
    }
    json::Parser parser(4096);
    size_t files = 0;
    size_t trees = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(corpus)) {
      if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
      ++files;
      CAPTURE(e.path().string());
      CHECK(compare_all(ddlint::test::read(e.path()), parser, trees) == "");
    }
    CHECK(files > 4000);
    CHECK(trees > 4000);
  }
}
