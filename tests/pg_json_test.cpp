// The PostgreSQL front-end's JSON reader (libpg_query's parse trees).
#include "parser/postgres/pg_json.h"

#include <doctest/doctest.h>

#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "parser/postgres/pg_lower_internal.h"

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

// The string a document of one string (`quoted`, with its quotes) holds, or
// "<invalid>"; parsed alone (so the string ends at the end of the text) and
// inside an array.
std::string root_string(Parser& p, const std::string& quoted) {
  // Also followed by more text: the string is then read a block of 16 (or
  // 8) bytes at a time up to its end, where alone its last bytes are read
  // one at a time.
  const std::string padded = "[" + quoted + ",\"" + std::string(40, 'p') + "\"]";
  Element root;
  if (!p.parse(quoted.c_str(), root))
    return p.parse(padded.c_str(), root) ? "<valid followed by more>" : "<invalid>";
  std::string_view v;
  if (!root.get(v)) return "<not a string>";
  const std::string alone(v);
  // (The elements read the text: it stays until they are read.)
  const std::string array = "[" + quoted + "]";
  if (!p.parse(array.c_str(), root)) return "<invalid in an array>";
  Array a;
  if (!root.get(a) || a.size() != 1 || !(*a.begin()).get(v)) return "<not an array of a string>";
  if (v != alone) return "<differs in an array>";
  if (!p.parse(padded.c_str(), root)) return "<invalid followed by more>";
  if (!root.get(a) || a.size() != 2 || !(*a.begin()).get(v)) return "<not an array of two strings>";
  if (v != alone) return "<differs followed by more>";
  return alone;
}

// What a one-element array holds: "int N", "number" or "invalid".
std::string number(const std::string& text) {
  Parser p(64);
  Element root;
  const std::string array = "[" + text + "]";
  if (!p.parse(array.c_str(), root)) return "invalid";
  Array a;
  if (!root.get(a) || a.size() != 1) return "?";
  int64_t v = 0;
  if ((*a.begin()).get(v)) return "int " + std::to_string(v);
  return (*a.begin()).kind() == Kind::Number ? "number" : "?";
}

// The whole value, written back compactly (strings and keys unescaped).
std::string dump(Element e) {
  std::string out;
  std::string_view s;
  int64_t i = 0;
  bool b = false;
  Object o;
  Array a;
  if (e.get(o)) {
    out += "{";
    for (auto f : o) out += std::string(f.key) + ":" + dump(f.value) + ";";
    out += "}";
  } else if (e.get(a)) {
    out += "[";
    for (Element x : a) out += dump(x) + ";";
    out += "]";
  } else if (e.get(s)) {
    out += "'" + std::string(s) + "'";
  } else if (e.get(i)) {
    out += std::to_string(i);
  } else if (e.get(b)) {
    out += b ? "true" : "false";
  } else {
    out += e.is_null() ? "null" : "number";
  }
  return out;
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

  TEST_CASE("strings of every length, with an escape or a multi-byte character at every offset") {
    Parser p(64);
    for (size_t n = 0; n <= 40; ++n) {
      CAPTURE(n);
      const std::string plain(n, 'x');
      CHECK(root_string(p, "\"" + plain + "\"") == plain);
      // Printable ASCII of every kind but the quote and the backslash.
      std::string mixed;
      for (size_t i = 0; i < n; ++i) {
        char c = static_cast<char>(' ' + (i * 7) % 95);
        if (c == '"' || c == '\\') c = '~';
        mixed += c;
      }
      CHECK(root_string(p, "\"" + mixed + "\"") == mixed);
      for (size_t at = 0; at <= n; ++at) {
        CAPTURE(at);
        const std::string before(at, 'a');
        const std::string after(n - at, 'b');
        CHECK(root_string(p, "\"" + before + "\\n" + after + "\"") == before + "\n" + after);
        CHECK(root_string(p, "\"" + before + "\\\"" + after + "\"") == before + "\"" + after);
        CHECK(root_string(p, "\"" + before + "\\\\" + after + "\"") == before + "\\" + after);
        CHECK(root_string(p, "\"" + before + "\\u00e9" + after + "\"") == before + "\xC3\xA9" + after);
        CHECK(root_string(p, "\"" + before + "\\ud83d\\ude00" + after + "\"") ==
              before + "\xF0\x9F\x98\x80" + after);
        CHECK(root_string(p, "\"" + before + "\xC3\xA9" + after + "\"") == before + "\xC3\xA9" + after);
        CHECK(root_string(p, "\"" + before + "\xE2\x82\xAC" + after + "\"") ==
              before + "\xE2\x82\xAC" + after);
        CHECK(root_string(p, "\"" + before + "\xF0\x9F\x98\x80" + after + "\"") ==
              before + "\xF0\x9F\x98\x80" + after);
        CHECK(root_string(p, "\"" + before + "\x7F" + after + "\"") == before + "\x7F" + after);
        // The limits of each sequence length.
        CHECK(root_string(p, "\"" + before + "\xC2\x80\xDF\xBF" + after + "\"") ==
              before + "\xC2\x80\xDF\xBF" + after);
        CHECK(root_string(
                  p, "\"" + before + "\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF" + after + "\"") ==
              before + "\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xEF\xBF\xBF" + after);
        CHECK(root_string(p, "\"" + before + "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF" + after + "\"") ==
              before + "\xF0\x90\x80\x80\xF4\x8F\xBF\xBF" + after);
      }
    }
    // A document of many strings: each keeps its own bytes.
    std::string doc = "[";
    std::vector<std::string> want;
    for (size_t n = 0; n < 30; ++n) {
      want.push_back(std::string(n, static_cast<char>('a' + n % 26)) + (n % 3 == 0 ? "\t" : ""));
      doc += (n ? ",\"" : "\"") + std::string(n, static_cast<char>('a' + n % 26)) +
             (n % 3 == 0 ? "\\t" : "") + "\"";
    }
    doc += "]";
    Element root;
    REQUIRE(p.parse(doc.c_str(), root));
    Array a;
    REQUIRE(root.get(a));
    std::vector<std::string> got;
    for (Element e : a) {
      std::string_view v;
      got.emplace_back(e.get(v) ? std::string(v) : std::string("<none>"));
    }
    CHECK(got == want);
  }

  TEST_CASE("a string without escapes is read in the text, one with an escape in the parser's buffer") {
    Parser p(64);
    Element root;
    const std::string doc =
        R"({"plain":"abc","utf8":"\u00e9x","raw":"é","e":"a\nb","long":"0123456789abcdefghij"})";
    REQUIRE(p.parse(doc.c_str(), root));
    auto in_text = [&](std::string_view key) {
      std::string_view v;
      if (!root[key].get(v)) return std::string("<none>");
      const bool inside = v.data() >= doc.data() && v.data() + v.size() <= doc.data() + doc.size();
      return std::string(inside ? "text " : "buffer ") + std::string(v);
    };
    CHECK(in_text("plain") == "text abc");
    CHECK(in_text("raw") == "text \xC3\xA9");
    CHECK(in_text("long") == "text 0123456789abcdefghij");
    CHECK(in_text("utf8") == "buffer \xC3\xA9x");
    CHECK(in_text("e") == "buffer a\nb");
    // Keys too.
    Object o;
    REQUIRE(root.get(o));
    for (auto f : o) CHECK((f.key.data() > doc.data() && f.key.data() < doc.data() + doc.size()));
  }

  TEST_CASE("control characters, unterminated strings and invalid UTF-8 are rejected at every offset") {
    Parser p(64);
    const std::vector<std::string> invalid = {
        "\xC3",              // truncated
        "\xC3z",             // not followed by a continuation byte
        "\xE2\x82",          // truncated
        "\xF0\x9F\x98",      // truncated
        "\x80",              // a continuation byte alone
        "\xBF",              // a continuation byte alone
        "\xC0\xAF",          // overlong
        "\xC1\xBF",          // overlong
        "\xE0\x9F\xBF",      // overlong
        "\xF0\x8F\xBF\xBF",  // overlong
        "\xED\xA0\x80",      // a surrogate
        "\xED\xBF\xBF",      // a surrogate
        "\xF4\x90\x80\x80",  // above U+10FFFF
        "\xF5\x80\x80\x80",  // above U+10FFFF
        "\xF8\x88\x80\x80\x80",
        "\xFE",
        "\xFF",
    };
    for (size_t n = 0; n <= 40; ++n) {
      for (size_t at = 0; at <= n; ++at) {
        CAPTURE(n);
        CAPTURE(at);
        const std::string before(at, 'a');
        const std::string after(n - at, 'b');
        for (int c = 1; c < 0x20; ++c) {
          CAPTURE(c);
          CHECK(root_string(p, "\"" + before + std::string(1, static_cast<char>(c)) + after + "\"") ==
                "<invalid>");
        }
        for (const std::string& bad : invalid) {
          CAPTURE(bad);
          CHECK(root_string(p, "\"" + before + bad + after + "\"") == "<invalid>");
        }
        CHECK(root_string(p, "\"" + before + "\\x" + after + "\"") == "<invalid>");
        CHECK(root_string(p, "\"" + before + "\\u00g0" + after + "\"") == "<invalid>");
        CHECK(root_string(p, "\"" + before + "\\ud83d" + after + "\"") == "<invalid>");
        CHECK(root_string(p, "\"" + before + "\\ude00" + after + "\"") == "<invalid>");
        // Unterminated: the text ends inside the string, or in an escape.
        CHECK(root_string(p, "\"" + before) == "<invalid>");
        CHECK(root_string(p, "\"" + before + "\\") == "<invalid>");
        CHECK(root_string(p, "\"" + before + "\\u00e") == "<invalid>");
        CHECK(root_string(p, "\"" + before + "\xC3") == "<invalid>");
      }
    }
    // Invalid in a key too.
    Element root;
    CHECK_FALSE(p.parse("{\"a\x01\":1}", root));
    CHECK_FALSE(p.parse("{\"a\xFF\":1}", root));
    CHECK_FALSE(p.parse("{\"abcdefgh\\q\":1}", root));
  }

  TEST_CASE("numbers at the limits of int64_t") {
    CHECK(number("0") == "int 0");
    CHECK(number("-0") == "int 0");
    CHECK(number("7") == "int 7");
    CHECK(number("-7") == "int -7");
    CHECK(number("1234567890123456789") == "int 1234567890123456789");
    CHECK(number("9223372036854775806") == "int 9223372036854775806");
    CHECK(number("9223372036854775807") == "int 9223372036854775807");
    CHECK(number("-9223372036854775807") == "int -9223372036854775807");
    CHECK(number("-9223372036854775808") == "int -9223372036854775808");
    CHECK(number("9223372036854775808") == "number");
    CHECK(number("-9223372036854775809") == "number");
    CHECK(number("9999999999999999999") == "number");   // 19 digits
    CHECK(number("18446744073709551615") == "number");  // UINT64_MAX
    CHECK(number("18446744073709551616") == "number");
    CHECK(number("99999999999999999999") == "number");  // 20 digits, above UINT64_MAX
    CHECK(number("-99999999999999999999") == "number");
    CHECK(number("100000000000000000000000000000") == "number");
    CHECK(number("0.0") == "number");
    CHECK(number("-0.0") == "number");
    CHECK(number("1e0") == "number");
    CHECK(number("1E+2") == "number");
    CHECK(number("1e-2") == "number");
    CHECK(number("12.5e10") == "number");
    CHECK(number("00") == "invalid");
    CHECK(number("01") == "invalid");
    CHECK(number("-01") == "invalid");
    CHECK(number("-") == "invalid");
    CHECK(number("--1") == "invalid");
    CHECK(number("-a") == "invalid");
    CHECK(number("1.") == "invalid");
    CHECK(number("1.e2") == "invalid");
    CHECK(number("1e") == "invalid");
    CHECK(number("1e+") == "invalid");
    CHECK(number("1x") == "invalid");
    CHECK(number("0x10") == "invalid");
    CHECK(number("1 2") == "invalid");
    // Numbers as the whole document and as object fields.
    Parser p(64);
    Element root;
    int64_t v = 0;
    REQUIRE(p.parse("-9223372036854775808", root));
    CHECK(root.get(v));
    CHECK(v == std::numeric_limits<int64_t>::min());
    REQUIRE(p.parse("{\"a\":9223372036854775807,\"b\":12,\"c\":1.5}", root));
    CHECK(root["a"].get(v));
    CHECK(v == std::numeric_limits<int64_t>::max());
    CHECK(root["b"].get(v));
    CHECK(v == 12);
    CHECK_FALSE(root["c"].get(v));
    CHECK(v == 12);
    CHECK(p.parse("12 ", root));
    CHECK_FALSE(p.parse("12x", root));
  }

  TEST_CASE("keys of every length are found exactly") {
    Parser p(64);
    Element root;
    std::string doc = "{";
    for (size_t n = 0; n <= 20; ++n) {
      // Keys that share all but their last byte, and one a byte longer.
      doc += (n ? ",\"" : "\"") + std::string(n, 'k') + "\":" + std::to_string(n);
      doc += ",\"" + std::string(n, 'k') + "z\":" + std::to_string(100 + n);
    }
    doc += "}";
    REQUIRE(p.parse(doc.c_str(), root));
    for (size_t n = 0; n <= 20; ++n) {
      CAPTURE(n);
      int64_t v = -1;
      CHECK(root[std::string(n, 'k')].get(v));
      CHECK(v == static_cast<int64_t>(n));
      CHECK(root[std::string(n, 'k') + "z"].get(v));
      CHECK(v == static_cast<int64_t>(100 + n));
      v = -1;
      CHECK_FALSE(root[std::string(n, 'k') + "y"].get(v));
      CHECK_FALSE(root[std::string(n, 'k') + "zz"].get(v));
      if (n > 0) CHECK_FALSE(root[std::string(n, 'j') + "z"].get(v));
      CHECK(v == -1);
      // A key found through a string that is not NUL-terminated.
      const std::string longer = std::string(n, 'k') + "zq";
      CHECK(root[std::string_view(longer).substr(0, n)].get(v));
      CHECK(v == static_cast<int64_t>(n));
    }
    // Keys of nested objects are not fields of the outer one.
    REQUIRE(p.parse("{\"a\":{\"b\":1},\"c\":[{\"b\":2}],\"b\":3}", root));
    int64_t b = 0;
    CHECK(root["b"].get(b));
    CHECK(b == 3);
    CHECK_FALSE(root["stmts_x"].get(b));
  }

  TEST_CASE("space is allowed between tokens, and only there") {
    const std::string doc = R"({"a":[1,-2,{"b":"c\n"},[],{},true,false,null,"\u00e9",1.5],"d":{"e":[[]]}})";
    Parser p(64);
    Element root;
    REQUIRE(p.parse(doc.c_str(), root));
    const std::string want = dump(root);
    CHECK(want == "{a:[1;-2;{b:'c\n';};[];{};true;false;null;'\xC3\xA9';number;];d:{e:[[];];};}");
    const std::string structural = "{}[],:";
    bool in_string = false;
    for (size_t i = 0; i <= doc.size(); ++i) {
      CAPTURE(i);
      // Whether position i (before doc[i]) is between two tokens.
      const bool between =
          !in_string && (i == 0 || i == doc.size() || structural.find(doc[i - 1]) != std::string::npos ||
                         structural.find(doc[i]) != std::string::npos);
      for (const char* space : {" ", "\n", "\r", "\t", " \n\r\t "}) {
        const std::string spaced = doc.substr(0, i) + space + doc.substr(i);
        if (between) {
          REQUIRE(p.parse(spaced.c_str(), root));
          CHECK(dump(root) == want);
        } else if (!in_string || space[0] != ' ') {
          CHECK_FALSE(p.parse(spaced.c_str(), root));
        }
      }
      if (i < doc.size() && doc[i] == '"' && (i == 0 || doc[i - 1] != '\\')) in_string = !in_string;
    }
    CHECK(valid(" \n{ \"a\" : [ 1 , 2 ] }\t\r\n"));
    CHECK_FALSE(valid("[1,\v2]"));
    CHECK_FALSE(valid("[1,\f2]"));
    CHECK_FALSE(valid("\v[]"));
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
    // A document of one value is that value alone.
    for (const std::string doc : {"1,2", "1]", "1}", "1:", "1 2", "\"s\",", "\"s\"]", "true,", "null}",
                                  "[1],", "{}]", "[]}", "{},{}", "1,", ","}) {
      CAPTURE(doc);
      CHECK_FALSE(valid(doc));
    }
  }

  TEST_CASE("documents that stop part way are rejected, at any depth") {
    // Each opens containers up to the limit and beyond without closing them,
    // between values, keys and commas.
    for (size_t limit = 1; limit <= 40; ++limit) {
      CAPTURE(limit);
      for (const std::string step :
           {"[", "{\"k\":", "[1,", "[\"s\",", "{\"a\":1,\"b\":", "[[],", "[{},", "[true,null,"}) {
        CAPTURE(step);
        std::string doc = step;
        for (size_t n = 1; n <= limit + 1; ++n) {
          CHECK_FALSE(valid(doc, limit));
          CHECK_FALSE(valid(doc + "1", limit));
          CHECK_FALSE(valid(doc + "\"open", limit));
          doc += step;
        }
      }
    }
  }

  TEST_CASE("nesting deeper than the limit is rejected") {
    auto nested = [](size_t n) { return std::string(n, '[') + std::string(n, ']'); };
    CHECK(valid(nested(8), 8));
    CHECK_FALSE(valid(nested(9), 8));
    CHECK(valid("{\"a\":{\"b\":[1]}}", 3));
    CHECK_FALSE(valid("{\"a\":{\"b\":[[1]]}}", 3));
    // Objects count as arrays do, empty or not; scalars do not count.
    auto objects = [](size_t n) {
      std::string s;
      for (size_t i = 0; i < n; ++i) s += "{\"k\":";
      s += "1";
      for (size_t i = 0; i < n; ++i) s += "}";
      return s;
    };
    for (size_t limit = 1; limit <= 70; ++limit) {
      CAPTURE(limit);
      CHECK(valid(nested(limit), limit));
      CHECK_FALSE(valid(nested(limit + 1), limit));
      CHECK(valid(objects(limit), limit));
      CHECK_FALSE(valid(objects(limit + 1), limit));
      CHECK(valid(std::string(limit - 1, '[') + "{}" + std::string(limit - 1, ']'), limit));
      CHECK_FALSE(valid(std::string(limit, '[') + "{}" + std::string(limit, ']'), limit));
      // Depth is the nesting, not the number of containers.
      if (limit >= 2) CHECK(valid("[" + nested(limit - 1) + "," + nested(limit - 1) + "]", limit));
    }
    CHECK(valid("1", 0));
    CHECK(valid("\"s\"", 0));
    CHECK_FALSE(valid("[]", 0));
    CHECK_FALSE(valid("{}", 0));
  }

  TEST_CASE("the lowering compares a key or node kind with a literal byte for byte") {
    using ddlint::parser::pg::operator==;
    // (Each comparison in parentheses: evaluated here, with the lowering's
    // operator, not taken apart by the test macro.)
    const std::string_view none;
    CHECK((std::string_view("String") == "String"));
    CHECK_FALSE((std::string_view("Strin") == "String"));
    CHECK_FALSE((std::string_view("StringX") == "String"));
    CHECK_FALSE((std::string_view("Strinh") == "String"));
    CHECK_FALSE((std::string_view("string") == "String"));
    CHECK((std::string_view("String") != "Strings"));
    CHECK_FALSE((std::string_view("String") != "String"));
    constexpr char kEmpty[] = "";
    CHECK((none == kEmpty));
    CHECK((std::string_view("") == kEmpty));
    CHECK_FALSE((none == "x"));
    CHECK_FALSE((std::string_view("x") == kEmpty));
    // Each length up to 24, differing at each byte.
    const std::string_view word = "abcdefghijklmnopqrstuvwx";
    CHECK((word == "abcdefghijklmnopqrstuvwx"));
    for (size_t i = 0; i < word.size(); ++i) {
      CAPTURE(i);
      std::string other(word);
      other[i] = '_';
      CHECK_FALSE((std::string_view(other) == "abcdefghijklmnopqrstuvwx"));
      CHECK_FALSE((word.substr(0, i) == "abcdefghijklmnopqrstuvwx"));
    }
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
