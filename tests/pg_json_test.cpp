// The PostgreSQL front-end's JSON reader (libpg_query's parse trees).
#include "parser/postgres/pg_json.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

using ddlint::parser::pg::json::Array;
using ddlint::parser::pg::json::Element;
using ddlint::parser::pg::json::Kind;
using ddlint::parser::pg::json::Object;
using ddlint::parser::pg::json::Parser;

bool valid(const std::string& text, size_t depth = 64) {
  Parser p(depth);
  Element root;
  return p.parse(text.c_str(), root);
}

std::string str(Element e, std::string_view key) {
  std::string_view v;
  return e[key].get(v) ? std::string(v) : std::string("<none>");
}

}  // namespace

TEST_SUITE("pg-json") {
  TEST_CASE("objects, arrays and scalars") {
    Parser p(64);
    Element root;
    REQUIRE(
        p.parse(R"( {"stmts": [{"a": 1}, {"b": [true, false, null]}, "s", -7], "n": 3, "x": {}} )", root));
    CHECK(root.kind() == Kind::Object);
    Array stmts;
    REQUIRE(root["stmts"].get(stmts));
    CHECK(stmts.size() == 4);
    std::vector<Kind> kinds;
    for (Element e : stmts) kinds.push_back(e.kind());
    CHECK(kinds == std::vector<Kind>{Kind::Object, Kind::Object, Kind::String, Kind::Integer});
    // Fields after a nested container are found (the container is skipped whole).
    int64_t n = 0;
    CHECK(root["n"].get(n));
    CHECK(n == 3);
    Object x;
    CHECK(root["x"].get(x));
    CHECK(x.size() == 0);
    CHECK(x.begin() == x.end());
    // Field order is the document's.
    std::vector<std::string> keys;
    Object o;
    REQUIRE(root.get(o));
    for (auto f : o) keys.emplace_back(f.key);
    CHECK(keys == std::vector<std::string>{"stmts", "n", "x"});
    // Booleans and null.
    auto it = stmts.begin();
    ++it;
    Array flags;
    REQUIRE((*it)["b"].get(flags));
    std::vector<std::string> seen;
    for (Element e : flags) {
      bool b = false;
      if (e.get(b)) seen.emplace_back(b ? "true" : "false");
      if (e.is_null()) seen.emplace_back("null");
    }
    CHECK(seen == std::vector<std::string>{"true", "false", "null"});
  }

  TEST_CASE("lookups of another type or an absent key fail and leave the value") {
    Parser p(64);
    Element root;
    REQUIRE(p.parse(R"({"s": "text", "i": 5, "b": true, "z": null, "a": [], "s": "second"})", root));
    int64_t i = 42;
    CHECK_FALSE(root["s"].get(i));
    CHECK(i == 42);
    std::string_view s = "kept";
    CHECK_FALSE(root["i"].get(s));
    CHECK_FALSE(root["missing"].get(s));
    CHECK(s == "kept");
    bool b = false;
    CHECK_FALSE(root["i"].get(b));
    CHECK(root["b"].get(b));
    CHECK(b);
    Array a;
    CHECK_FALSE(root["s"].get(a));
    CHECK(root["a"].get(a));
    CHECK(a.size() == 0);
    // A null field is found (an element), and is null.
    Element z;
    CHECK(root["z"].get(z));
    CHECK(z.is_null());
    // The first of two equal keys.
    CHECK(str(root, "s") == "text");
    // Looking up a key in a non-object finds nothing.
    Element num;
    REQUIRE(root["i"].get(num));
    CHECK_FALSE(num["i"].get(i));
    // Default-constructed arrays and objects are empty.
    CHECK(Array().size() == 0);
    CHECK(Array().begin() == Array().end());
    CHECK(Object().begin() == Object().end());
  }

  TEST_CASE("strings are unescaped") {
    Parser p(64);
    Element root;
    REQUIRE(p.parse(
        R"({"k": "a\"b\\c\/d\b\f\n\r\t", "u": "\u00e9\u20ac\ud83d\ude00", "raw": "é€😀", "c": "\u0001"})",
        root));
    CHECK(str(root, "k") == "a\"b\\c/d\b\f\n\r\t");
    CHECK(str(root, "u") == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    CHECK(str(root, "raw") == "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    CHECK(str(root, "c") == std::string(1, '\x01'));
    // Escaped keys are compared unescaped.
    REQUIRE(p.parse(R"({"a\u0062": 1})", root));
    int64_t v = 0;
    CHECK(root["ab"].get(v));
  }

  TEST_CASE("numbers: integers that fit int64_t, anything else a number") {
    Parser p(64);
    Element root;
    REQUIRE(p.parse(
        R"([0, -1, 9223372036854775807, -9223372036854775808, 9223372036854775808, 1.5, 1e3, -0.25E-2, 99999999999999999999999])",
        root));
    Array a;
    REQUIRE(root.get(a));
    std::vector<std::string> out;
    for (Element e : a) {
      int64_t v = 0;
      out.push_back(e.get(v) ? std::to_string(v) : std::string(e.kind() == Kind::Number ? "number" : "?"));
    }
    CHECK(out == std::vector<std::string>{"0", "-1", "9223372036854775807", "-9223372036854775808", "number",
                                          "number", "number", "number", "number"});
  }

  TEST_CASE("invalid documents are rejected whole") {
    CHECK(valid("{}"));
    CHECK(valid("[]"));
    CHECK(valid(" 1 "));
    CHECK(valid("\"s\""));
    CHECK_FALSE(valid(""));
    CHECK_FALSE(valid("   "));
    CHECK_FALSE(valid("[1,]"));
    CHECK_FALSE(valid("{\"a\":1,}"));
    CHECK_FALSE(valid("{\"a\" 1}"));
    CHECK_FALSE(valid("{a: 1}"));
    CHECK_FALSE(valid("[1 2]"));
    CHECK_FALSE(valid("[1] [2]"));
    CHECK_FALSE(valid("{\"a\": 1]"));
    CHECK_FALSE(valid("[1}"));
    CHECK_FALSE(valid("[01]"));
    CHECK_FALSE(valid("[1.]"));
    CHECK_FALSE(valid("[.5]"));
    CHECK_FALSE(valid("[-]"));
    CHECK_FALSE(valid("[1e]"));
    CHECK_FALSE(valid("[+1]"));
    CHECK_FALSE(valid("[tru]"));
    CHECK_FALSE(valid("[truex]"));
    CHECK_FALSE(valid("[nul]"));
    CHECK_FALSE(valid("[\"open]"));
    CHECK_FALSE(valid("[\"a\\x\"]"));
    CHECK_FALSE(valid("[\"\\u12\"]"));
    CHECK_FALSE(valid("[\"\\ud83d\"]"));           // a high surrogate alone
    CHECK_FALSE(valid("[\"\\ude00\"]"));           // a low surrogate alone
    CHECK_FALSE(valid("[\"\\ud83d\\u0041\"]"));    // not followed by a low one
    CHECK_FALSE(valid("[\"a\tb\"]"));              // a control character unescaped
    CHECK_FALSE(valid("[\"\xC3\"]"));              // a truncated sequence
    CHECK_FALSE(valid("[\"\xC0\xAF\"]"));          // overlong
    CHECK_FALSE(valid("[\"\xED\xA0\x80\"]"));      // a surrogate
    CHECK_FALSE(valid("[\"\xF4\x90\x80\x80\"]"));  // above U+10FFFF
    CHECK_FALSE(valid("[\"\xFF\"]"));
    CHECK_FALSE(valid("[1]\xC3\xA9"));
  }

  TEST_CASE("nesting deeper than the limit is rejected") {
    auto nested = [](size_t n) { return std::string(n, '[') + std::string(n, ']'); };
    CHECK(valid(nested(8), 8));
    CHECK_FALSE(valid(nested(9), 8));
    CHECK(valid("{\"a\":{\"b\":[1]}}", 3));
    CHECK_FALSE(valid("{\"a\":{\"b\":[[1]]}}", 3));
  }

  TEST_CASE("a parser is reused, and gives its buffers back") {
    Parser p(64);
    Element root;
    const std::string big = "[\"" + std::string(5000, 'x') + "\"]";
    REQUIRE(p.parse(big.c_str(), root));
    CHECK(p.capacity() >= big.size());
    p.release();
    CHECK(p.capacity() == 0);
    REQUIRE(p.parse(R"({"k": "v"})", root));
    CHECK(str(root, "k") == "v");
    CHECK_FALSE(p.parse("{", root));
    REQUIRE(p.parse(R"({"k": "w"})", root));
    CHECK(str(root, "k") == "w");
  }
}
