// The streaming JSON writer of the report formats against nlohmann::json's
// serializer (what the JSON report was written with before): the same bytes
// for the same document, on random strings full of UTF-8 edge cases.
#include "report/json_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <utility>

using ddlint::ByteBuffer;
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

// How a string holding the one byte b is written, quotes left out, spelled
// out from RFC 8259 and the writer's rule for invalid UTF-8 (not derived
// from either implementation): the short escapes, \u00xx in lower-case hex
// for the other control characters, '"' and '\\' escaped, DEL and every
// other ASCII byte as is, and any byte from 0x80 up, which cannot be a
// whole sequence alone, as U+FFFD.
std::string expected_alone(unsigned char b) {
  switch (b) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case 0x08:
      return "\\b";
    case 0x09:
      return "\\t";
    case 0x0A:
      return "\\n";
    case 0x0C:
      return "\\f";
    case 0x0D:
      return "\\r";
    default:
      break;
  }
  if (b < 0x20) {
    static constexpr char kHex[] = "0123456789abcdef";
    return std::string("\\u00") + kHex[b >> 4] + kHex[b & 0xF];
  }
  if (b >= 0x80) return "\xEF\xBF\xBD";
  return std::string(1, static_cast<char>(b));
}

// What a writer in a fragment (depth 2) and a writer of a document (top
// level, in an array, as a key) make of s: the same escaped text each time.
void check_written(const std::string& s, const std::string& escaped) {
  CHECK(written_string(s) == '"' + escaped + '"');
  std::ostringstream out;
  {
    JsonWriter w(out);
    w.begin_array();
    w.value(s);
    w.begin_object();
    w.member(s, s);
    w.end_object();
    w.end_array();
  }
  CHECK(out.str() == "[\n  \"" + escaped + "\",\n  {\n    \"" + escaped + "\": \"" + escaped + "\"\n  }\n]");
  JsonWriter f(2);
  f.value(s);
  CHECK(f.take() == ",\n    \"" + escaped + '"');
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
      auto one = [&](JsonWriter::Key k, uint64_t a, uint64_t b) {
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

  TEST_CASE(
      "JsonWriter: release() hands over a fragment's text as take() copies it, and leaves the writer empty") {
    auto write = [](JsonWriter& f, int from) {
      f.begin_object();
      f.member("i", from);
      f.member("s", "x\ny");
      f.end_object();
    };
    JsonWriter a(2);
    JsonWriter b(2);
    write(a, 0);
    write(b, 0);
    const std::string copied = a.take();
    ByteBuffer released = b.release();
    CHECK(released.view() == copied);
    CHECK(released.size() == copied.size());
    CHECK(b.release().empty());
    // Written to again, it makes a buffer anew.
    write(a, 1);
    write(b, 1);
    CHECK(b.release().view() == a.take());
    ByteBuffer moved = std::move(released);
    CHECK(moved.view() == copied);
    // A buffer moved from is empty.
    // NOLINTNEXTLINE(bugprone-use-after-move,hicpp-invalid-access-moved)
    CHECK(released.empty());
    // NOLINTNEXTLINE(bugprone-use-after-move,hicpp-invalid-access-moved)
    CHECK(released.view().empty());
  }

  TEST_CASE("JsonWriter: member(key, string) writes the bytes of key(key) then value(string)") {
    const std::string strings[] = {"", "plain", "tab\there \"quoted\" back\\slash",
                                   std::string(70, 'x') + "\n", "caf\xC3\xA9 \xFF"};
    for (const auto& s : strings) {
      CAPTURE(s);
      JsonWriter fused(2);
      JsonWriter apart(2);
      for (int i = 0; i < 2; ++i) {  // the first member of an object, then a later one
        fused.begin_object();
        fused.member("k", s);
        fused.member("other", std::string_view(s));
        fused.end_object();
        apart.begin_object();
        apart.key("k");
        apart.value(s);
        apart.key("other");
        apart.value(std::string_view(s));
        apart.end_object();
      }
      CHECK(fused.take() == apart.take());
    }
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

  TEST_CASE("JsonWriter: every byte value alone, inside text and repeated, against the bytes expected") {
    for (int v = 0; v < 256; ++v) {
      const auto b = static_cast<unsigned char>(v);
      const std::string one(1, static_cast<char>(b));
      const std::string e = expected_alone(b);
      CAPTURE(v);
      check_written(one, e);
      check_written("ab" + one + "cd", "ab" + e + "cd");
      check_written("0123456789" + one, "0123456789" + e);
      check_written(one + "0123456789", e + "0123456789");
      // 40 times in a row, and every third byte of a 60-byte text: a byte
      // from 0x80 up is one U+FFFD each time (a start byte is not followed by
      // a byte that continues it: the same byte or 'x' never does).
      std::string run;
      std::string run_e;
      std::string mixed;
      std::string mixed_e;
      for (int k = 0; k < 40; ++k) {
        run += one;
        run_e += e;
      }
      for (int k = 0; k < 20; ++k) {
        mixed += "xy" + one;
        mixed_e += "xy" + e;
      }
      check_written(run, run_e);
      check_written(mixed, mixed_e);
      CHECK(written_string(run) == reference(OrderedJson(run)));
      CHECK(written_string(mixed) == reference(OrderedJson(mixed)));
    }
  }

  TEST_CASE("JsonWriter: multi-byte UTF-8 is kept as is, alone, between ASCII and in long runs") {
    // The first and last code point of each length, and some between.
    const char* chars[] = {"\xC2\x80",        "\xC3\xA9",         "\xDF\xBF",         "\xE0\xA0\x80",
                           "\xE2\x82\xAC",    "\xED\x9F\xBF",     "\xEE\x80\x80",     "\xEF\xBF\xBD",
                           "\xEF\xBF\xBF",    "\xF0\x90\x80\x80", "\xF0\x9F\x98\x80", "\xF3\xBF\xBF\xBF",
                           "\xF4\x8F\xBF\xBF"};
    for (const char* c : chars) {
      const std::string ch(c);
      CAPTURE(ch);
      check_written(ch, ch);
      check_written("a" + ch + "b", "a" + ch + "b");
      std::string run;
      std::string text;
      for (int k = 0; k < 50; ++k) {
        run += ch;
        text += ch + "x\"y";
      }
      std::string text_e;
      for (int k = 0; k < 50; ++k) text_e += ch + "x\\\"y";
      check_written(run, run);
      check_written(text, text_e);
      // Cut anywhere inside the last character: each cut-off end is one U+FFFD.
      for (size_t cut = 1; cut < ch.size(); ++cut) {
        const std::string s = run.substr(0, run.size() - cut);
        check_written(s, run.substr(0, run.size() - ch.size()) + "\xEF\xBF\xBD");
      }
    }
  }

  TEST_CASE("JsonWriter: invalid UTF-8 against the bytes expected") {
    // Each invalid sequence is one U+FFFD, up to the byte that does not fit,
    // which is read again (Unicode's "maximal subpart" practice).
    const std::pair<std::string, std::string> cases[] = {
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong '/': two bytes that start nothing
        {"\xC1\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"\xE0\x80\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // overlong: 0x80 is below E0's range
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // a surrogate
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // above U+10FFFF
        {"\xF5\x80", "\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"\xE2\x82", "\xEF\xBF\xBD"},  // cut off at the end: one
        {"\xF0\x9F\x98", "\xEF\xBF\xBD"},
        {"\xE2\x82x", "\xEF\xBF\xBDx"},      // broken by ASCII: one, then the ASCII byte
        {"\xE2\x82\"", "\xEF\xBF\xBD\\\""},  // ... which is escaped if it needs to be
        {"\xE2\x82\n", "\xEF\xBF\xBD\\n"},
        {"\xE2\xC3\xA9", "\xEF\xBF\xBD\xC3\xA9"},  // broken by a start byte: read again
        {"\xF0\x9F\xE2\x82\xAC", "\xEF\xBF\xBD\xE2\x82\xAC"},
        {"\xC3\xA9\x80\x80", "\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD"},  // stray continuation bytes: one each
        {"abcdefgh\xFFijklmnop", "abcdefgh\xEF\xBF\xBDijklmnop"},
        {std::string("\x00\xFF\x00", 3), "\\u0000\xEF\xBF\xBD\\u0000"},
    };
    for (const auto& c : cases) {
      CAPTURE(c.first);
      check_written(c.first, c.second);
      CHECK(written_string(c.first) == reference(OrderedJson(c.first)));
    }
  }

  TEST_CASE("JsonWriter: strings of every length up to 300 with one byte to escape at each place") {
    // Lengths around and well past the eight bytes tested at once, and the
    // 64 KiB at which a writer flushes to its stream.
    for (size_t n = 0; n <= 300; ++n) {
      std::string s;
      for (size_t k = 0; k < n; ++k) s += static_cast<char>('a' + k % 26);
      check_written(s, s);
      for (size_t at = 0; at < n; at += (n < 40 ? 1 : 7)) {
        std::string t = s;
        t[at] = '\n';
        std::string e = s.substr(0, at) + "\\n" + s.substr(at + 1);
        CAPTURE(n);
        CAPTURE(at);
        check_written(t, e);
      }
    }
    std::string big;
    std::string big_e;
    for (int k = 0; k < 30000; ++k) {
      big += "abc\t\xC3\xA9\xFF\"";
      big_e += "abc\\t\xC3\xA9\xEF\xBF\xBD\\\"";
    }
    check_written(big, big_e);
  }

  TEST_CASE(
      "JsonWriter: a literal key (JsonWriter::Key, not scanned) is written as the same key made at run "
      "time") {
    auto write = [](bool literal) {
      std::ostringstream out;
      {
        JsonWriter w(out);
        w.begin_object();
        if (literal) {
          w.member("rule", "r");
          w.key("list");
          w.begin_array();
          w.begin_object();
          w.member(" !#$%&'()*+,-./0123456789:;", 1);
          w.member("<=>?@AZ[]^_`az{|}~ 28 bytes.", 2);
          w.pair_member("start", "line", 1, "column", 2);
          w.end_object();
          w.end_array();
          w.member("", false);
        } else {
          w.member(std::string("rule"), "r");
          w.key(std::string("list"));
          w.begin_array();
          w.begin_object();
          w.member(std::string(" !#$%&'()*+,-./0123456789:;"), 1);
          w.member(std::string("<=>?@AZ[]^_`az{|}~ 28 bytes."), 2);
          w.key(std::string("start"));
          w.begin_object();
          w.member(std::string("line"), 1);
          w.member(std::string("column"), 2);
          w.end_object();
          w.end_object();
          w.end_array();
          w.member(std::string(), false);
        }
        w.end_object();
      }
      return out.str();
    };
    CHECK(write(true) == write(false));
    CHECK(write(true) ==
          "{\n  \"rule\": \"r\",\n  \"list\": [\n    {\n      \" "
          "!#$%&'()*+,-./0123456789:;\": 1,\n"
          "      \"<=>?@AZ[]^_`az{|}~ 28 bytes.\": 2,\n"
          "      \"start\": {\n        \"line\": 1,\n        \"column\": 2\n      }\n    }\n  ],\n  \"\": "
          "false\n}");
  }
}
