// The streaming JSON writer of the report formats against nlohmann::json's
// serializer (what the JSON report was written with before): the same bytes
// for the same document, on random strings full of UTF-8 edge cases.
#include "report/json_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

using ddlint::report::JsonWriter;
using OrderedJson = nlohmann::ordered_json;

namespace {

std::string reference(const OrderedJson& j) {
  return j.dump(2, ' ', false, OrderedJson::error_handler_t::replace);
}

std::string written_string(const std::string& s) {
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.value(s);
  }
  return out.str();
}

}  // namespace

TEST_SUITE("core") {
  TEST_CASE("JsonWriter: layout of objects, arrays, empty containers and scalars as nlohmann dump(2)") {
    std::ostringstream out;
    {
      JsonWriter w(out);
      w.begin_object();
      w.member("a", 1);
      w.key("empty_array");
      w.begin_array();
      w.end_array();
      w.key("empty_object");
      w.begin_object();
      w.end_object();
      w.key("list");
      w.begin_array();
      w.value(true);
      w.value(false);
      w.value(static_cast<size_t>(18446744073709551615ULL));
      w.value(-42);
      w.begin_object();
      w.member("k", "v");
      w.end_object();
      w.begin_array();
      w.value("x");
      w.end_array();
      w.end_array();
      w.member("s", "quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f nul-ish \x01 \x1f del \x7f");
      w.end_object();
    }
    OrderedJson j;
    j["a"] = 1;
    j["empty_array"] = OrderedJson::array();
    j["empty_object"] = OrderedJson::object();
    j["list"] = OrderedJson::array({true, false, static_cast<size_t>(18446744073709551615ULL), -42,
                                    OrderedJson{{"k", "v"}}, OrderedJson::array({"x"})});
    j["s"] = "quote \" backslash \\ tab \t nl \n cr \r bs \b ff \f nul-ish \x01 \x1f del \x7f";
    CHECK(out.str() == reference(j));
  }

  TEST_CASE("JsonWriter: pair_member writes an object of two integers as the member calls do") {
    // As the first member and after others, at depth 1 and deeper, in a
    // fragment, with 0 and the largest value.
    auto write = [](bool pair, JsonWriter& w) {
      auto one = [&](std::string_view k, uint64_t a, uint64_t b) {
        if (pair) {
          w.pair_member(k, "line", a, "column", b);
        } else {
          w.key(k);
          w.begin_object();
          w.member("line", a);
          w.member("column", b);
          w.end_object();
        }
      };
      w.begin_object();
      one("start", 1, 2);
      w.member("x", "y");
      one("end", 0, 18446744073709551615ULL);
      w.key("edits");
      w.begin_array();
      w.begin_object();
      one("start", 30, 4);
      one("end", 31, 1);
      w.end_object();
      w.end_array();
      w.end_object();
    };
    std::ostringstream a;
    std::ostringstream b;
    {
      JsonWriter wa(a);
      JsonWriter wb(b);
      write(true, wa);
      write(false, wb);
    }
    CHECK(a.str() == b.str());
    JsonWriter fa(2);
    JsonWriter fb(2);
    write(true, fa);
    write(false, fb);
    CHECK(fa.take() == fb.take());
    OrderedJson j;
    j["start"] = OrderedJson{{"line", 1}, {"column", 2}};
    j["x"] = "y";
    j["end"] = OrderedJson{{"line", 0}, {"column", 18446744073709551615ULL}};
    j["edits"] = OrderedJson::array({OrderedJson{{"start", OrderedJson{{"line", 30}, {"column", 4}}},
                                                 {"end", OrderedJson{{"line", 31}, {"column", 1}}}}});
    CHECK(a.str() == reference(j));
  }

  TEST_CASE("JsonWriter: fragments written apart splice into an array as if written in place") {
    // Items of the array "list" (depth 2: in the top object, in the array),
    // some written in place, some as fragments: the first fragment of an
    // empty array loses its comma, an empty fragment adds nothing.
    auto fragment = [](int from, int to) {
      JsonWriter f(2);
      for (int i = from; i < to; ++i) {
        f.begin_object();
        f.member("i", i);
        f.member("s", "x\ny");
        f.end_object();
      }
      return f.take();
    };
    CHECK(fragment(0, 0).empty());
    CHECK(fragment(0, 1).front() == ',');
    std::ostringstream out;
    {
      JsonWriter w(out);
      w.begin_object();
      w.key("list");
      w.begin_array();
      w.items(fragment(0, 0));
      w.items(fragment(0, 2));
      w.begin_object();
      w.member("i", 2);
      w.member("s", "x\ny");
      w.end_object();
      w.items(fragment(3, 3));
      w.items(fragment(3, 5));
      w.end_array();
      w.key("none");
      w.begin_array();
      w.items(fragment(0, 0));
      w.end_array();
      w.end_object();
    }
    OrderedJson j;
    j["list"] = OrderedJson::array();
    for (int i = 0; i < 5; ++i) j["list"].push_back(OrderedJson{{"i", i}, {"s", "x\ny"}});
    j["none"] = OrderedJson::array();
    CHECK(out.str() == reference(j));
  }

  TEST_CASE("JsonWriter: invalid UTF-8 becomes U+FFFD exactly where nlohmann's replace handler puts it") {
    // Hand-picked: overlongs, surrogates, above U+10FFFF, cut-off sequences,
    // a sequence broken by an ASCII byte or by a new start byte.
    const char* cases[] = {"\xC0\xAF",
                           "\xE0\x80\xAF",
                           "\xED\xA0\x80",
                           "\xF4\x90\x80\x80",
                           "\xF5",
                           "\xFF",
                           "\xC3",
                           "abc\xE2\x82",
                           "\xE2\x82x",
                           "\xE2\xC3\xA9",
                           "\xF0\x9F\x98",
                           "\xF0\x9F\x98\x80",
                           "\xC3\xA9\x80\x80",
                           "\xEF\xBF\xBD",
                           "\xE0\xA0\x80",
                           "\xF0\x90\x80\x80",
                           "\xF4\x8F\xBF\xBF",
                           "\xED\x9F\xBF",
                           "\x80",
                           "a\xC2"};
    for (const char* c : cases) {
      const std::string s(c);
      CAPTURE(s);
      CHECK(written_string(s) == reference(OrderedJson(s)));
    }
    // Random strings over the bytes that matter to a UTF-8 decoder.
    const unsigned char pool[] = {'a',  '"',  '\\', '\n', 0x01, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                  0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    std::mt19937 rng(20261204);
    std::uniform_int_distribution<size_t> pick(0, sizeof pool - 1);
    std::uniform_int_distribution<size_t> length(0, 12);
    for (int n = 0; n < 20000; ++n) {
      std::string s;
      for (size_t k = length(rng); k > 0; --k) s += static_cast<char>(pool[pick(rng)]);
      CAPTURE(s);
      REQUIRE(written_string(s) == reference(OrderedJson(s)));
    }
  }

  TEST_CASE(
      "JsonWriter: a byte to escape at any place of a long plain run (eight bytes are tested at once)") {
    const unsigned char bytes[] = {'"',      '\\', '\n', 0x00, 0x01, 0x1F, 0x20, 0x21, 0x5B,
                                   0x5C - 1, 0x5D, 0x7E, 0x7F, 0x80, 0xC3, 0xE2, 0xFF};
    for (const unsigned char b : bytes) {
      for (size_t at = 0; at < 24; ++at) {
        std::string s = "abcdefghijklmnopqrstuvwx";
        s[at] = static_cast<char>(b);
        if (b == 0xC3 && at + 1 < s.size()) s[at + 1] = static_cast<char>(0xA9);  // a whole U+00E9
        CAPTURE(static_cast<int>(b));
        CAPTURE(at);
        REQUIRE(written_string(s) == reference(OrderedJson(s)));
      }
    }
  }

  TEST_CASE("JsonWriter: indentation past the depths reports use (40 levels) as nlohmann dump(2)") {
    std::ostringstream out;
    {
      JsonWriter w(out);
      for (int d = 0; d < 40; ++d) w.begin_array();
      w.value(std::string("x"));
      for (int d = 0; d < 40; ++d) w.end_array();
    }
    OrderedJson doc = "x";
    for (int d = 0; d < 40; ++d) doc = OrderedJson::array({doc});
    CHECK(out.str() == reference(doc));
  }
}
