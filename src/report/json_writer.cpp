#include "report/json_writer.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace ddlint::report {

namespace {

// The length of the well-formed UTF-8 sequence (Unicode Table 3-7) that
// starts at s[i], or 0 when the bytes there do not start one. `bad_at` is set
// to the offset of the first byte that does not fit (i + 1 or later), where
// reading resumes after U+FFFD.
size_t utf8_sequence(std::string_view s, size_t i, size_t& bad_at) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    bad_at = i + 1;  // not a start byte: consumed
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    if (i + k >= s.size()) {
      bad_at = s.size();  // cut off at the end
      return 0;
    }
    const unsigned char x = b(i + k);
    const bool fits = k == 1 ? x >= lo && x <= hi : x >= 0x80 && x <= 0xBF;
    if (!fits) {
      bad_at = i + k;  // this byte starts over
      return 0;
    }
  }
  return len;
}

// Bytes a JSON string holds as they are: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x80; ++c) t[static_cast<size_t>(c)] = c != '"' && c != '\\';
  return t;
}();

// True when the 8 bytes at `p` are all plain (kPlain), tested at once: no
// byte below 0x20 or from 0x80 up, none equal to '"' or '\\'. The tests of
// a word for a byte below n (n <= 128) and for a zero byte are exact about
// whether there is one.
bool plain8(const char* p) {
  uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  const auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return ((x & kHigh) | below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'))) == 0;
}

}  // namespace

void JsonWriter::flush() {
  if (buf_.empty() || out_ == nullptr) return;
  out_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  buf_.clear();
}

void JsonWriter::items(std::string_view fragment) {
  if (fragment.empty()) return;
  // The fragment's first item follows one: without one here, no comma.
  if (!has_items_.back()) fragment.remove_prefix(1);
  has_items_.back() = true;
  buf_.append(fragment);
  maybe_flush();
}

void JsonWriter::newline_indent() {
  // A newline and the indentation in one append, for the depths reports have.
  static constexpr std::string_view kIndent =
      "\n                                                                ";
  const size_t width = 2 * has_items_.size();
  if (width < kIndent.size()) {
    buf_.append(kIndent.data(), width + 1);
    return;
  }
  buf_ += '\n';
  buf_.append(width, ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (has_items_.empty()) return;  // the top-level value
  if (has_items_.back()) buf_ += ',';
  has_items_.back() = true;
  newline_indent();
}

void JsonWriter::key(std::string_view k) {
  before_value();
  escaped(k);
  buf_ += ": ";
  after_key_ = true;
}

void JsonWriter::open(char c) {
  before_value();
  buf_ += c;
  has_items_.push_back(false);
}

void JsonWriter::close(char c) {
  const bool items = has_items_.back();
  has_items_.pop_back();
  if (items) newline_indent();
  buf_ += c;
  maybe_flush();
}

void JsonWriter::pair_member(std::string_view k, std::string_view k1, uint64_t v1, std::string_view k2,
                             uint64_t v2) {
  key(k);
  after_key_ = false;
  buf_ += '{';
  has_items_.push_back(true);
  std::array<char, 24> digits{};
  newline_indent();
  escaped(k1);
  buf_ += ": ";
  buf_.append(digits.data(), std::to_chars(digits.data(), digits.data() + digits.size(), v1).ptr);
  buf_ += ',';
  newline_indent();
  escaped(k2);
  buf_ += ": ";
  buf_.append(digits.data(), std::to_chars(digits.data(), digits.data() + digits.size(), v2).ptr);
  has_items_.pop_back();
  newline_indent();
  buf_ += '}';
  maybe_flush();
}

void JsonWriter::value(std::string_view s) {
  before_value();
  escaped(s);
  maybe_flush();
}

void JsonWriter::value(bool b) {
  before_value();
  buf_ += b ? "true" : "false";
}

void JsonWriter::integer(int64_t n) {
  before_value();
  std::array<char, 24> digits{};
  const auto r = std::to_chars(digits.data(), digits.data() + digits.size(), n);
  buf_.append(digits.data(), r.ptr);
}

void JsonWriter::integer(uint64_t n) {
  before_value();
  std::array<char, 24> digits{};
  const auto r = std::to_chars(digits.data(), digits.data() + digits.size(), n);
  buf_.append(digits.data(), r.ptr);
}

void JsonWriter::escaped(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  buf_ += '"';
  size_t i = 0;
  while (i < s.size()) {
    // A run of bytes written as they are, appended at once.
    size_t plain = i;
    while (plain + 8 <= s.size() && plain8(s.data() + plain)) plain += 8;
    while (plain < s.size() && kPlain[static_cast<unsigned char>(s[plain])]) ++plain;
    if (plain > i) {
      buf_.append(s.data() + i, plain - i);
      i = plain;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t bad_at = 0;
      const size_t len = utf8_sequence(s, i, bad_at);
      if (len > 0) {
        buf_.append(s.data() + i, len);
        i += len;
      } else {
        buf_ += "\xEF\xBF\xBD";
        i = bad_at;
      }
      continue;
    }
    switch (c) {
      case '"':
        buf_ += "\\\"";
        break;
      case '\\':
        buf_ += "\\\\";
        break;
      case '\b':
        buf_ += "\\b";
        break;
      case '\f':
        buf_ += "\\f";
        break;
      case '\n':
        buf_ += "\\n";
        break;
      case '\r':
        buf_ += "\\r";
        break;
      case '\t':
        buf_ += "\\t";
        break;
      default:
        if (c < 0x20) {
          buf_ += "\\u00";
          buf_ += kHex[c >> 4];
          buf_ += kHex[c & 0xF];
        } else {
          buf_ += static_cast<char>(c);
        }
    }
    ++i;
  }
  buf_ += '"';
}

}  // namespace ddlint::report
