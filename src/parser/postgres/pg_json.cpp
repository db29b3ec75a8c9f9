#include "parser/postgres/pg_json.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>

namespace ddlint::parser::pg::json {

void Parser::release() {
  tape_.reset();
  tape_size_ = 0;
  std::vector<Open>().swap(open_);
  chars_.reset();
  chars_size_ = 0;
}

// Doubles the tape; `used` is the next free slot, the result its place in
// the new tape.
Slot* Parser::grow_tape(Slot* used) {
  const auto n = static_cast<size_t>(used - tape_.get());
  const size_t size = std::max<size_t>(64, 2 * tape_size_);
  auto grown = std::make_unique_for_overwrite<Slot[]>(size);
  if (n > 0) std::memcpy(grown.get(), tape_.get(), n * sizeof(Slot));
  tape_ = std::move(grown);
  tape_size_ = size;
  return tape_.get() + n;
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The four hex digits at p (p + 4 <= end), or -1.
int32_t hex4(const char* p, const char* end) {
  if (end - p < 4) return -1;
  int32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    const int d = hex_digit(p[i]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

char* put_utf8(char* out, uint32_t cp) {
  if (cp < 0x80) {
    *out++ = static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out++ = static_cast<char>(0xC0 | (cp >> 6));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out++ = static_cast<char>(0xE0 | (cp >> 12));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (cp >> 18));
    *out++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// Length of the valid UTF-8 sequence (of two bytes or more) at p, or 0:
// no overlong forms, no surrogates, nothing above U+10FFFF.
size_t utf8_length(const unsigned char* p, const unsigned char* end) {
  const unsigned char c = p[0];
  auto cont = [&](ptrdiff_t i) { return end - p > i && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && p[1] < 0x90) return 0;   // overlong
    if (c == 0xF4 && p[1] >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

bool json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool json_digit(char c) { return c >= '0' && c <= '9'; }

// The bytes of an 8-byte word (little-endian) that end a plain run in a
// string: a quote, a backslash, a control character or a non-ASCII byte,
// flagged by their high bit. Only the lowest flag is exact (a borrow may flag
// the bytes above it): below it every byte is 0x20-0x7F, so none of the
// subtractions borrows there.
uint64_t special_bytes(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHigh = 0x8080808080808080;
  return (((x ^ (kOnes * '"')) - kOnes) | ((x ^ (kOnes * '\\')) - kOnes) | (x - kOnes * 0x20) | x) & kHigh;
}

struct StringEnd {
  const char* p;      // after the closing quote; nullptr when the string is invalid
  const char* chars;  // the string: in the text, or unescaped into the buffer
  uint32_t size;
  char* out;  // after the unescaped bytes in the buffer
};

// The rest of the string that starts at `start` (after its opening quote),
// from p, where its plain start ended or the text has fewer than 8 bytes
// left. A string without escapes is the text's own bytes, only checked; one
// with an escape is unescaped into `out`, which has 8 bytes of room beyond
// what it keeps.
[[gnu::noinline]] StringEnd string_rest(const char* start, const char* p, const char* end, char* out) {
  auto fail = [&] { return StringEnd{nullptr, nullptr, 0, out}; };
  for (;;) {
    if constexpr (std::endian::native == std::endian::little) {
      while (end - p >= 8) {
        uint64_t x = 0;
        std::memcpy(&x, p, 8);
        const uint64_t special = special_bytes(x);
        if (special != 0) {
          p += std::countr_zero(special) / 8;
          break;
        }
        p += 8;
      }
    }
    while (p < end) {
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
      ++p;
    }
    if (p == end) return fail();
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"') return StringEnd{p + 1, start, static_cast<uint32_t>(p - start), out};
    if (c < 0x20) return fail();
    if (c == '\\') break;
    const size_t n =
        utf8_length(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end));
    if (n == 0) return fail();
    p += n;
  }
  // An escape at p: the string is unescaped from here on.
  char* const chars = out;
  std::memcpy(out, start, static_cast<size_t>(p - start));
  out += p - start;
  for (;;) {
    // The plain run up to the next quote, backslash, control or non-ASCII
    // byte: 8 bytes at a time, copied as they are read.
    if constexpr (std::endian::native == std::endian::little) {
      while (end - p >= 8) {
        uint64_t x = 0;
        std::memcpy(&x, p, 8);
        std::memcpy(out, &x, 8);
        const uint64_t special = special_bytes(x);
        if (special != 0) {
          const auto n = static_cast<size_t>(std::countr_zero(special) / 8);
          p += n;
          out += n;
          break;
        }
        p += 8;
        out += 8;
      }
    }
    while (p < end) {
      const auto c = static_cast<unsigned char>(*p);
      if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
      *out++ = static_cast<char>(c);
      ++p;
    }
    if (p == end) return fail();
    const auto c = static_cast<unsigned char>(*p);
    if (c == '"') return StringEnd{p + 1, chars, static_cast<uint32_t>(out - chars), out};
    if (c < 0x20) return fail();
    if (c >= 0x80) {
      const size_t n =
          utf8_length(reinterpret_cast<const unsigned char*>(p), reinterpret_cast<const unsigned char*>(end));
      if (n == 0) return fail();
      std::memcpy(out, p, n);
      out += n;
      p += n;
      continue;
    }
    // A backslash escape.
    if (end - p < 2) return fail();
    const char e = p[1];
    p += 2;
    switch (e) {
      case '"':
        *out++ = '"';
        break;
      case '\\':
        *out++ = '\\';
        break;
      case '/':
        *out++ = '/';
        break;
      case 'b':
        *out++ = '\b';
        break;
      case 'f':
        *out++ = '\f';
        break;
      case 'n':
        *out++ = '\n';
        break;
      case 'r':
        *out++ = '\r';
        break;
      case 't':
        *out++ = '\t';
        break;
      case 'u': {
        int32_t cp = hex4(p, end);
        if (cp < 0) return fail();
        p += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          // A high surrogate: a low one must follow.
          if (end - p < 6 || p[0] != '\\' || p[1] != 'u') return fail();
          const int32_t low = hex4(p + 2, end);
          if (low < 0xDC00 || low > 0xDFFF) return fail();
          p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return fail();  // a low surrogate alone
        }
        out = put_utf8(out, static_cast<uint32_t>(cp));
        break;
      }
      default:
        return fail();
    }
  }
}

}  // namespace

bool Parser::parse(const char* text, Element& root) {
  const size_t size = std::strlen(text);
  // Strings with an escape are unescaped into chars_. Unescaping never
  // lengthens a string: the text's size is room enough, so the strings
  // never move while the tape points at them.
  if (chars_size_ < size || !chars_) {
    chars_size_ = size;
    chars_ = std::make_unique_for_overwrite<char[]>(chars_size_ + 8);
  }
  if (tape_size_ < size / 8 + 16) {
    tape_size_ = size / 8 + 16;
    tape_ = std::make_unique_for_overwrite<Slot[]>(tape_size_);
  }
  if (open_.empty()) open_.resize(std::min<size_t>(max_depth_, 64));
  // The parse state lives in locals (registers), written back only on a
  // cold path: the tape, its next free slot and its end; the innermost open
  // container (its tape index, its elements so far, whether it is an
  // object) and how many are open; the text.
  Slot* tape = tape_.get();
  Slot* t = tape;
  Slot* t_end = tape + tape_size_;
  Open* stack = open_.data();
  size_t depth = 0;
  uint32_t top = 0;
  uint32_t count = 0;
  bool in_object = false;
  char* out = chars_.get();
  const char* p = text;
  const char* const end = text + size;
  // The text ends in a NUL, which no rule below accepts: single characters
  // are read without checking the end first. Space between tokens is
  // skipped where the expected character is not found (libpg_query writes
  // none).
  auto skip_space = [&] {
    while (static_cast<unsigned char>(*p) <= ' ' && json_space(*p)) ++p;
  };
  // The string whose opening quote is at p, into the slot v; p moves past
  // its closing quote. A plain run is read 8 bytes at a time; anything else
  // (an escape, a non-ASCII byte, an error, the text's last bytes) is left
  // to string_rest.
  auto string = [&](Slot * v) __attribute__((always_inline)) {
    v->kind = Kind::String;
    ++p;
    const char* const start = p;
    if constexpr (std::endian::native == std::endian::little) {
      while (end - p >= 8) {
        uint64_t x = 0;
        std::memcpy(&x, p, 8);
        const uint64_t special = special_bytes(x);
        if (special != 0) {
          p += std::countr_zero(special) / 8;
          break;
        }
        p += 8;
      }
    }
    if (p < end && *p == '"') {
      v->chars = start;
      v->count = static_cast<uint32_t>(p - start);
      ++p;
      return true;
    }
    const StringEnd e = string_rest(start, p, end, out);
    if (e.p == nullptr) return false;
    p = e.p;
    v->chars = e.chars;
    v->count = e.size;
    out = e.out;
    return true;
  };
  // An object's key and its colon (p at the key's quote, or space before it).
  auto key = [&]() __attribute__((always_inline)) {
    if (*p != '"') {
      skip_space();
      if (*p != '"') return false;
    }
    ++count;
    if (!string(t)) return false;
    ++t;
    if (*p != ':') {
      skip_space();
      if (*p != ':') return false;
    }
    ++p;
    return true;
  };
  for (;;) {
    // A value (and room for it and a key after it).
    if (t_end - t < 2) [[unlikely]] {
      t = grow_tape(t);
      tape = tape_.get();
      t_end = tape + tape_size_;
    }
    const char c = *p;
    if (c == '{' || c == '[') {
      if (depth >= max_depth_) return false;
      if (depth > 0) {
        if (!in_object) ++count;
        if (depth - 1 == open_.size()) [[unlikely]] {
          open_.resize(std::min(max_depth_, 2 * open_.size() + 16));
          stack = open_.data();
        }
        stack[depth - 1] = Open{top, count};
      }
      ++depth;
      in_object = c == '{';
      t->kind = in_object ? Kind::Object : Kind::Array;
      top = static_cast<uint32_t>(t - tape);
      count = 0;
      ++t;
      ++p;
      if (static_cast<unsigned char>(*p) <= ' ') skip_space();
      if (*p != (in_object ? '}' : ']')) {
        if (in_object && !key()) return false;
        continue;
      }
      // Empty: closed below.
    } else {
      if (c == '"') {
        if (!string(t)) return false;
      } else if (c == '-' || json_digit(c)) {
        const bool negative = c == '-';
        if (negative) ++p;
        if (!json_digit(*p)) return false;
        // 19 digits always fit in a uint64_t; more never fit in an int64_t.
        uint64_t magnitude = 0;
        const char* digits = p;
        if (*p == '0') {
          ++p;
        } else {
          while (json_digit(*p)) {
            magnitude = magnitude * 10 + static_cast<uint64_t>(*p - '0');
            ++p;
          }
        }
        const bool overflow = p - digits > 19;
        bool integer = true;
        if (*p == '.') {
          integer = false;
          ++p;
          if (!json_digit(*p)) return false;
          while (json_digit(*p)) ++p;
        }
        if (*p == 'e' || *p == 'E') {
          integer = false;
          ++p;
          if (*p == '+' || *p == '-') ++p;
          if (!json_digit(*p)) return false;
          while (json_digit(*p)) ++p;
        }
        constexpr auto kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
        if (integer && !overflow && (negative ? magnitude <= kMax + 1 : magnitude <= kMax)) {
          t->kind = Kind::Integer;
          t->integer = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
        } else {
          t->kind = Kind::Number;
          t->integer = 0;
        }
      } else if (c == 't' && p[1] == 'r' && p[2] == 'u' && p[3] == 'e') {
        t->kind = Kind::True;
        p += 4;
      } else if (c == 'f' && p[1] == 'a' && p[2] == 'l' && p[3] == 's' && p[4] == 'e') {
        t->kind = Kind::False;
        p += 5;
      } else if (c == 'n' && p[1] == 'u' && p[2] == 'l' && p[3] == 'l') {
        t->kind = Kind::Null;
        p += 4;
      } else if (json_space(c)) {
        skip_space();
        continue;
      } else {
        return false;
      }
      if (c != '"') {
        t->count = 0;
        if (c > '9') t->inner = 0;
      }
      ++t;
      if (depth == 0) {
        skip_space();
        if (p != end) return false;
        root = Element(tape);
        return true;
      }
      if (!in_object) ++count;
    }
    // After a value: a comma and the next one, or the ends of containers.
    for (;;) {
      if (*p == ',') {
        ++p;
        if (in_object && !key()) return false;
        break;
      }
      if (*p != (in_object ? '}' : ']')) {
        if (!json_space(*p)) return false;
        skip_space();
        continue;
      }
      ++p;
      Slot& closed = tape[top];
      closed.count = count;
      closed.inner = static_cast<uint64_t>(t - tape) - top - 1;
      --depth;
      if (depth == 0) {
        skip_space();
        if (p != end) return false;
        root = Element(tape);
        return true;
      }
      top = stack[depth - 1].index;
      count = stack[depth - 1].count;
      in_object = tape[top].kind == Kind::Object;
    }
  }
}

}  // namespace ddlint::parser::pg::json
