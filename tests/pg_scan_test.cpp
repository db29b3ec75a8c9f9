// The native PostgreSQL scanner gives exactly libpg_query's tokens, or
// declines the text (the front-end then uses libpg_query's scanner).
#include "parser/postgres/pg_scan.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parser/postgres/pg_lower.h"
#include "parser/postgres/psql_input.h"

namespace {

using ddlint::parser::pg::compare_native_scan;

std::string file_text(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Tally {
  size_t files = 0;
  size_t declined = 0;
};

// Every .sql file under `dir`, as the front-end prepares it.
Tally compare_tree(const std::filesystem::path& dir) {
  Tally tally;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
    const std::string text = file_text(e.path());
    if (text.find('\0') != std::string::npos) continue;  // the front-end reports NUL bytes itself
    const auto input = ddlint::parser::pg::prepare_psql_input(text);
    bool declined = false;
    const std::string diff = compare_native_scan(input.text, declined);
    INFO(e.path().string());
    CHECK(diff == "");
    ++tally.files;
    tally.declined += declined;
  }
  return tally;
}

}  // namespace

TEST_SUITE("pg-lexer") {
  TEST_CASE("cursor_to_byte: the byte offset of libpg_query's 1-based character position") {
    // Byte by byte: the offset of the (cursorpos)th character's first byte,
    // 0 for a position up to 1, the text's size past its last character.
    auto reference = [](std::string_view text, int cursorpos) -> uint32_t {
      if (cursorpos <= 1) return 0;
      int chars = 0;
      for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
          if (chars == cursorpos - 1) return static_cast<uint32_t>(i);
          ++chars;
        }
      }
      return static_cast<uint32_t>(text.size());
    };
    const std::vector<std::string> pieces = {"a",    "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80",
                                             "\x80", " "};
    for (size_t n = 0; n <= 40; ++n) {
      // Texts of n pieces: ASCII only, and mixes of 1- to 4-byte characters
      // (a stray continuation byte among them) at each offset.
      for (size_t seed = 0; seed < pieces.size(); ++seed) {
        std::string text;
        for (size_t k = 0; k < n; ++k)
          text += seed == 0 ? pieces[0] : pieces[(k * seed + k / 3) % pieces.size()];
        CAPTURE(text);
        for (int pos = -1; pos <= static_cast<int>(text.size()) + 2; ++pos) {
          CAPTURE(pos);
          CHECK(ddlint::parser::pg::cursor_to_byte(text, pos) == reference(text, pos));
        }
      }
    }
  }

  TEST_CASE("edge cases scan as libpg_query scans them") {
    // Each is accepted by the native scanner (checked below) and must give
    // libpg_query's tokens.
    const std::vector<std::string> accepted = {
        "SELECT 1",
        "create table t (a varchar(255) default '', b timestamp(3) NULL, c INT DEFAULT NULL);",
        "ALTER TABLE \"we\"\"ird\" ADD COLUMN a int; -- trailing comment",
        "x 'it''s' 'a\\b' E'tab\\there' e'\\\\' \"q\"\"r\"",
        "SELECT 'a'\n'b', 'c'  \n\n\t 'd', 'e'\r'f', 'g'\r\n'h', 'g' /* c */ 'h', 'i'\n/* c */'j', 'k' 'l'",
        "SELECT 'a'   'b'",
        "1 1.5 .5 1e5 1e+5 1.e-3 1.5E-10 10 1..2 a..b 5. 9.8.7",
        "$1 $23 $$body$$ $fn$ select 'x' $fn$ $a$ $b$ $a$ $_x9$ $x$ $_x9$ a$b $a$$b$$a$",
        "a::int b := 1 c => 2 x <= y >= z <> w != v",
        "a+-b a-+b a*-b a||b a->>'k' a #>> '{x}' a @> b a <-> b a !~~* b a+ b a- b",
        "a+--b\n a/*c*/b a-/*c*/b a*/*c*/b @-- x\n !=-1 =-1 <=- 1 ~- 1 @- 1 ?- 1",
        "/* a /* nested */ comment */ SELECT /**/ 1 /*+ hint */",
        "SELECT (a, b)[1], c[2:3], :d, ::e, .f",
        "caf\xc3\xa9 \"\xc3\xa9t\xc3\xa9\" '\xe2\x82\xac'",
        "\t\n\r\f  trailing   ",
        "",
        "e'x' E'y' ex'z' xe xy",
        "SELECT E'\\'', E'a\\'b\\\\', e'\\'\\''\n'x\\''",
        "SELECT N'national', n'x', N'a''b'\n'c', nx'y', fn'z', N  'w', N",
        "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.a := 1; RETURN NEW; END $$ LANGUAGE plpgsql;",
        "-- only a comment",
        "a <=> b a =>> b a >>= b",
        "SELECT 1 +++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++++ 2",
        // Runs of every space byte between tokens; identifiers of every
        // byte that goes on one (digits, $, _, multi-byte characters) at the
        // start, middle and end of the text.
        " \t\n\r\f \f\f\t a \r\n\r\n b\f\fc\t",
        "a_1$b$ _x9 \xc3\xa9_a1 z\xe2\x82\xac$9 A1B2c3$$ xyz_",
        "t1.c2,t3.c4;t5(c6)[7]",
        // Strings read up to their closing quote, doubled quotes and the
        // continuation on a later line inside, at the text's end.
        "SELECT '''', 'a''''b', '''x''', ''",
        "'a''b'\n'c''d'\n\n'e'",
        "''",
        "'\xc3\xa9\\'",
        // Runs of spaces long enough to be stepped over 8 at a time, of
        // every length around 8 and 16, with other space bytes inside, and
        // at the text's end; a -- comment and an operator at the text's end.
        "a        b         c               d                e\n       \n        f",
        "a  \t        \n\n                 \r\n        \f      b",
        "SELECT 1                       ",
        "SELECT 1       ",
        "SELECT 1 --",
        "SELECT 1 -",
        "SELECT 1 /",
        // Numbers at the text's end.
        "7",
        "SELECT 1.",
        "SELECT 1.5e+5",
        "SELECT 1..",
    };
    for (const auto& in : accepted) {
      INFO(in);
      bool declined = true;
      CHECK(compare_native_scan(in, declined) == "");
      CHECK_FALSE(declined);
    }
    // Left to libpg_query's scanner: constructs it rejects or that the
    // native scanner does not follow.
    const std::vector<std::string> declined_inputs = {
        "SELECT 'unterminated",
        "SELECT \"unterminated",
        "SELECT $$unterminated",
        "SELECT $a unterminated",
        "/* unterminated",
        "SELECT \"\"",
        "SELECT 123abc",
        "SELECT 1.5x",
        "SELECT 1e",
        "SELECT 1e+",
        "SELECT $1a",
        "SELECT B'101', X'ff'",
        "SELECT U&'\\0041', U&\"a\"",
        "SELECT E'\\101'",
        "SELECT E'\\x41'",
        "SELECT E'\\u0041'",
        "SELECT a \\gset",
        "SELECT {x}",
        "SELECT \va",
        "SELECT 1 @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@ 2",
        "SELECT 'a' -- c\n 'b'",
        "SELECT 'a'\n -- c\n 'b'",
        "SELECT 'a''",
        "SELECT 'a'\n'b",
        "'",
    };
    for (const auto& in : declined_inputs) {
      INFO(in);
      bool declined = false;
      CHECK(compare_native_scan(in, declined) == "");
      CHECK(declined);
    }
    // A NUL byte is no token, and part of a -- comment (the scanner stops
    // its runs at the text's terminating NUL, not at one inside).
    std::vector<ddlint::parser::pg::Token> tokens;
    CHECK_FALSE(ddlint::parser::pg::scan_native(std::string("SELECT \0 1", 10), tokens));
    REQUIRE(ddlint::parser::pg::scan_native(std::string("SELECT -- a\0b\n1 -- \0", 20), tokens));
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].begin == 0);
    CHECK(tokens[0].end == 6);
    CHECK(tokens[1].begin == 14);
    CHECK(tokens[1].end == 15);
  }

  TEST_CASE("libpg_query's tokens of a piece are offset by the piece's start") {
    // The scanner's message leaves out a start of 0: the first token of a
    // piece scanned alone must still start at the piece's offset.
    std::vector<ddlint::parser::pg::Token> tokens;
    CHECK_FALSE(ddlint::parser::pg::scan("SELECT 1;", 100, tokens).has_value());
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[0].begin == 100);
    CHECK(tokens[0].end == 106);
    CHECK(tokens[1].begin == 107);
    CHECK(tokens[2].begin == 108);
    CHECK(tokens[2].end == 109);
  }

  TEST_CASE("every example and test case file scans as libpg_query scans it") {
    const std::filesystem::path root(DDLINT_SOURCE_DIR);
    Tally all;
    for (const char* dir : {"examples", "testdata"}) {
      const Tally t = compare_tree(root / dir);
      all.files += t.files;
      all.declined += t.declined;
    }
    MESSAGE(all.files << " files, " << all.declined << " left to libpg_query's scanner");
    CHECK(all.files > 300);
    CHECK(all.declined < all.files / 10);
  }

  TEST_CASE("every file of the PostgreSQL corpus scans as libpg_query scans it") {
    const std::filesystem::path corpus =
        std::filesystem::path(DDLINT_SOURCE_DIR) / ".." / "shared" / "corpus" / "postgres";
    if (!std::filesystem::is_directory(corpus)) {
      MESSAGE("skipped: " << corpus.string() << " is absent");
      return;
    }
    const Tally t = compare_tree(corpus);
    MESSAGE(t.files << " files, " << t.declined << " left to libpg_query's scanner");
    CHECK(t.files > 1000);
    CHECK(t.declined < t.files / 20);
  }
}

TEST_SUITE("pg-lexer") {
  // The psql pre-pass steps over runs of bytes that mean nothing to it; each
  // byte that does, right after such a run, still splits, blanks or records.
  TEST_CASE("psql pre-pass: what follows a run of plain bytes in a statement") {
    using ddlint::parser::pg::prepare_psql_input;
    auto ranges = [](const std::vector<ddlint::TextRange>& rs) {
      std::string out;
      for (const auto& r : rs) out += std::to_string(r.begin) + "-" + std::to_string(r.end) + " ";
      return out;
    };
    {
      const auto in = prepare_psql_input("SELECT abc-- one\nFROM t/* two */WHERE x='a;b'AND y=\"c;\";");
      CHECK(ranges(in.statements) == "0-55 ");
      CHECK(ranges(in.comments) == "10-16 23-32 ");
    }
    {
      const auto in = prepare_psql_input("DO $x$ a;b $x$;SELECT 1\n\\set v 1\nSELECT 2;");
      CHECK(ranges(in.statements) == "0-14 15-24 32-41 ");
      REQUIRE(in.skipped.size() == 1);
      CHECK(in.skipped[0].range.begin == 24);
      CHECK(in.skipped[0].range.end == 32);
      CHECK(in.text.substr(24, 8) == "        ");
    }
    {
      // A `;` inside CREATE RULE's parentheses does not end it.
      const auto in = prepare_psql_input(
          "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1);"
          " DELETE FROM b);SELECT 3;");
      CHECK(ranges(in.statements) == "0-81 82-90 ");
    }
    {
      const auto in = prepare_psql_input("COPY t (a, b) FROM stdin;\n1\t2\n\\.\nSELECT 4;");
      CHECK(ranges(in.statements) == "0-24 32-41 ");
      REQUIRE(in.skipped.size() == 1);
      CHECK(in.skipped[0].description == "COPY ... FROM stdin data (1 line) skipped");
    }
    {
      // E'' escapes after plain bytes: the quote after `\` does not close it.
      const auto in = prepare_psql_input("SELECT x,E'a\\';b';SELECT 5;");
      CHECK(ranges(in.statements) == "0-17 18-26 ");
    }
    {
      // Blanked COPY data and meta-command lines keep their line ends: \r\n,
      // \r and \n alike, everything else in them a space.
      const auto in = prepare_psql_input("COPY t FROM stdin;\r\n1\t2\r\n3\r4\n\\.\r\n\\set v 1\rSELECT 6;");
      CHECK(in.text == "COPY t FROM stdin;\r\n   \r\n \r \n  \r\n        \rSELECT 6;");
      CHECK(ranges(in.statements) == "0-17 41-50 ");
    }
    {
      // Quotes found by memchr: a doubled quote inside, an unterminated
      // string running to the text's end.
      const auto in = prepare_psql_input("SELECT 'a''b;c';SELECT \"a\"\";b\";SELECT 'x;y");
      CHECK(ranges(in.statements) == "0-15 16-30 31-42 ");
    }
    {
      // A NUL byte inside a statement is content: the run of plain bytes
      // stops at it (as at the text's end) and goes on after it.
      const auto in = prepare_psql_input(std::string("SELECT a\0b;SELECT 2;", 20));
      CHECK(ranges(in.statements) == "0-10 11-19 ");
    }
  }
}

TEST_SUITE("pg-lexer") {
  // Lowerer::trim_to_tokens finds the `;` tokens by the `;` bytes of the
  // text: every span of these texts gives the range of the token-by-token
  // definition (first token starting in the span to the last one before the
  // first `;` token, among those ending within it). The spans are read one
  // after another by one Lowerer, so each finds its first token with the
  // range before it as the search's hint (token_index_at), from every side.
  TEST_CASE("trim_to_tokens: the tokens of a span up to its first ';' token") {
    using ddlint::parser::pg::Token;
    const std::vector<std::string> texts = {
        "INSERT INTO t VALUES ('a;b', \"c;\", 1); SELECT 2 ;",
        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b);",
        "SELECT 1 /* ; */ -- ;\n; ;;x ';' ",
        ";",
        "SELECT $$a;b$$, $t$;$t$;",
    };
    for (const auto& text : texts) {
      std::vector<Token> tokens;
      REQUIRE(ddlint::parser::pg::scan_native(text, tokens));
      const ddlint::parser::pg::Lowerer lowerer(text, tokens);
      const auto size = static_cast<uint32_t>(text.size());
      for (uint32_t begin = 0; begin <= size; ++begin) {
        for (uint32_t end = begin; end <= size + 1; ++end) {
          size_t first = 0;
          while (first < tokens.size() && tokens[first].begin < begin) ++first;
          ddlint::TextRange expected{begin, begin};
          if (first < tokens.size() && tokens[first].begin < end) {
            size_t last = first;
            for (size_t k = first; k < tokens.size() && tokens[k].end <= end; ++k) {
              if (text.compare(tokens[k].begin, tokens[k].end - tokens[k].begin, ";") == 0) break;
              last = k;
            }
            expected = {tokens[first].begin, tokens[last].end};
          }
          const auto got = lowerer.trim_to_tokens(begin, end);
          CAPTURE(text);
          CAPTURE(begin);
          CAPTURE(end);
          CHECK(got.begin == expected.begin);
          CHECK(got.end == expected.end);
        }
      }
    }
  }
}

namespace {

// The pre-pass's result and the tokens, as text: one pass of the native
// scanner (psql_input_from_tokens) when `one_pass`, else the pre-pass and a
// scan of its text; "" when one pass does not apply (or the scanner declines).
std::string prepared(const std::string& text, bool one_pass) {
  using ddlint::parser::pg::Token;
  ddlint::parser::pg::PsqlInput in;
  std::vector<Token> tokens;
  if (one_pass) {
    in.text = text;
    ddlint::parser::pg::PsqlMarks marks;
    if (!ddlint::parser::pg::scan_native(in.text, tokens, marks) ||
        !ddlint::parser::pg::psql_input_from_tokens(tokens, marks, in))
      return "";
    in.comments = marks.comments;
  } else {
    in = ddlint::parser::pg::prepare_psql_input(text);
    if (!ddlint::parser::pg::scan_native(in.text, tokens)) return "";
  }
  std::string s = in.text + "|";
  for (const auto& r : in.statements) s += std::to_string(r.begin) + "-" + std::to_string(r.end) + " ";
  s += "|";
  for (const auto& r : in.comments) s += std::to_string(r.begin) + "-" + std::to_string(r.end) + " ";
  s += "|";
  for (const auto& k : in.skipped)
    s += std::to_string(k.range.begin) + "-" + std::to_string(k.range.end) + " " + k.description + "; ";
  s += "|" + std::to_string(in.errors.size()) + "|";
  for (const auto& t : tokens) s += std::to_string(t.begin) + "-" + std::to_string(t.end) + " ";
  return s;
}

}  // namespace

TEST_SUITE("pg-lexer") {
  // A text the native scanner takes whole and that holds nothing the psql
  // pre-pass treats apart gets the pre-pass's pieces and comments from the
  // scanner's one pass; any other is left to the pre-pass.
  TEST_CASE("one pass of the native scanner gives the psql pre-pass's pieces") {
    struct Case {
      std::string sql;
      bool one_pass;
    };
    const std::vector<Case> cases = {
        {"SELECT 1; SELECT 2;", true},
        // A space, tab or form feed after a `;` on its line is a piece of its
        // own to the pre-pass; one at a line's start is not; `;;` is an empty piece.
        {"SELECT 1; SELECT 2; ", true},
        {"SELECT 1;\t\n  \f\n", true},
        {"SELECT 1;\n \f\t;", true},
        {"SELECT 1;;", true},
        {"/* a */ ; -- b\n;", true},
        {"  x /* c */ y -- d\n", true},
        // Runner markers end a piece; other comments do not.
        {"-- liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (a int)\n--changeset a:2\nSELECT 1",
         true},
        {"-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;", true},
        {"SELECT 1 -- note\n; SELECT 2", true},
        // Quotes, dollar quotes and E'' strings read alike by both.
        {"SELECT 'a;b', \"c;d\", $$e;f$$, $t$g;h$t$, E'i\\';j', 'k'\n'l;m';", true},
        {"SELECT E'a'\n'\\';x';",
         false},  // E'' continued: the pre-pass reads the part after the line end without escapes
        {"SELECT a$e'\\'; SELECT ''", false},  // the pre-pass reads an E'' string after a$
        {"SELECT a$$b ; $b$$b$", false},       // the pre-pass sees a dollar quote open inside a$$b
        {"SELECT a$b, a$1$ FROM t;", true},
        // Left to the pre-pass: what it blanks, skips or keeps whole.
        {"COPY t (a) FROM stdin;\n1\n\\.\n", false},
        {"copy t to stdout;", false},
        {"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b);", false},
        {"execute java a.B\nSELECT 1;", false},
        {"delimiter //\nSELECT 1//", false},
        {"// note\nSELECT 1;", false},
        // psql meta-commands: skipped and blanked to their line's end, each
        // ending the piece before it (mid-line too), wherever a token could start.
        {"SELECT 1;\n\\set x 1\n", true},
        {"\\c db\nSELECT 1;", true},
        {"  \\connect  db user\r\nSELECT 1;\r\n\\q", true},
        {"SELECT 1 \\gset\nSELECT :x;", true},
        {"SELECT 1\\g\nSELECT 2;", true},
        {"SELECT 1; \\x\nSELECT 2;", true},
        {"SELECT 1;\\x\n;", true},
        {"/* a */ \\echo 'b;' \"c\" -- d\n-- e\nSELECT 1;", true},
        {"\\set a 'x'\n\\set b\t1\f2\nSELECT :'a', :b;", true},
        {"SELECT '\\x', E'\\\\', $$\\y$$ /* \\z */ -- \\w\n;", true},
        {"-- +goose Up\n\\c db\n-- +goose Down\nSELECT 1;", true},
        {"SELECT (\n\\echo x\n);", true},
        {"SELECT 1;\n\\i other.sql", true},
        {"\\", true},
        {"SELECT 1;\n\\set x 1\nexecute java a.B\n", false},  // a directive after it: the pre-pass's
        {"\\c db\nCOPY t FROM stdin;\n1\n\\.\n", false},
        {"SELECT 'unterminated", false},
        {"/* unterminated", false},
    };
    for (const auto& c : cases) {
      CAPTURE(c.sql);
      const std::string fast = prepared(c.sql, true);
      CHECK(!fast.empty() == c.one_pass);
      if (!fast.empty()) CHECK(fast == prepared(c.sql, false));
    }
  }

  TEST_CASE("one pass of the native scanner: every example and test case file") {
    size_t files = 0;
    size_t one_pass = 0;
    for (const char* dir : {"examples", "testdata"}) {
      for (const auto& e :
           std::filesystem::recursive_directory_iterator(std::filesystem::path(DDLINT_SOURCE_DIR) / dir)) {
        if (!e.is_regular_file() || e.path().extension() != ".sql") continue;
        const std::string text = file_text(e.path());
        if (text.find('\0') != std::string::npos) continue;
        CAPTURE(e.path().string());
        const std::string fast = prepared(text, true);
        if (!fast.empty()) {
          CHECK(fast == prepared(text, false));
          ++one_pass;
        }
        ++files;
      }
    }
    MESSAGE(one_pass << " of " << files << " files in one pass");
    CHECK(one_pass > files / 2);
  }
}
