#include "parser/postgres/pg_json.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ddlint::parser::pg::json {

void Parser::release() {
  tape_.reset();
  tape_size_ = 0;
  chars_.reset();
  chars_size_ = 0;
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

}  // namespace

bool valid_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p != end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const size_t n = utf8_length(p, end);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

namespace {

bool json_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool json_digit(char c) { return c >= '0' && c <= '9'; }

// The bytes of an 8-byte word (little-endian) that end a plain run in a
// string: a quote, a backslash, a control character or a non-ASCII byte,
// flagged by their high bit. A byte b below 0x80 is a quote or a control
// character when b ^ 2 is below 0x21 (the quote becomes 0x20, the control
// characters stay below 0x20), and a backslash when b ^ 0x5C is 0: each
// subtraction borrows (sets the high bit) exactly there. Only the lowest
// flag is exact (a borrow may flag the bytes above it): below it every byte
// is 0x20-0x7F and neither subtraction borrows.
uint64_t special_bytes(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  constexpr uint64_t kHigh = 0x8080808080808080;
  return (((x ^ (kOnes * 2)) - kOnes * 0x21) | ((x ^ (kOnes * '\\')) - kOnes) | x) & kHigh;
}

#if defined(__SSE2__)
// The bytes of the 16 at p that end a plain run in a string (bit i for
// p[i]): a quote, a backslash, a control character or a non-ASCII byte (the
// last two are the bytes below 0x20 as signed chars). Exact for every lane.
uint32_t special16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i special = _mm_or_si128(
      _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
  return static_cast<uint32_t>(_mm_movemask_epi8(special));
}
#endif

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

// Past the JSON space at p (out of line: libpg_query writes no space, so
// the parse loop keeps none of this in its registers).
[[gnu::noinline]] const char* skip_space(const char* p) {
  while (json_space(*p)) ++p;
  return p;
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
  // The tape is allocated for the longest document of this size, so that no
  // value checks for room. Each value of a document takes two bytes of its
  // text or more (its quotes or brackets; a key also its colon; a number
  // its digit and the comma or bracket after it), so a document of n bytes
  // holds at most (n + 1) / 2 values; a document rejected part way has also
  // written one slot for each container still open (at most the depth
  // limit) and one for the value it stopped in.
  const size_t slots = size / 2 + 3 + std::min(size, max_depth_);
  if (tape_size_ < slots) {
    tape_size_ = slots;
    tape_ = std::make_unique_for_overwrite<Slot[]>(tape_size_);
  }
  // The parse state lives in locals (registers): the tape's next free slot;
  // the innermost open container (its slot and the byte that closes it),
  // and how many are open; the text. An open container's slot counts its
  // elements so far, and its `inner` holds how far back the enclosing
  // container's slot is (in bytes), until it closes.
  Slot* const tape = tape_.get();
  Slot* t = tape;
  Slot* top = tape;  // (none open yet: the root's slot, read only once it is open)
  size_t depth = 0;
  constexpr int kObjectEnd = '}';
  constexpr int kArrayEnd = ']';
  // kObjectEnd or kArrayEnd; at the root, no byte (a value there is
  // followed by the end of the text, told on the way to a rejection).
  int closer = 0x100;
  char* out = chars_.get();
  const char* p = text;
  const char* const end = text + size;
  // The last place 8 (16) bytes can be read from (0 when the text is shorter).
  const uintptr_t last8 = size >= 8 ? reinterpret_cast<uintptr_t>(end - 8) : 0;
  [[maybe_unused]] const uintptr_t last16 = size >= 16 ? reinterpret_cast<uintptr_t>(end - 16) : 0;
  // The string whose opening quote is at p, into the slot v; p moves past
  // its closing quote. A plain run is read 16 bytes at a time (SSE2; else 8,
  // and 8 for the text's last 15 bytes); anything else (an escape, a
  // non-ASCII byte, an error, the text's last bytes) is left to string_rest.
  auto string = [&](Slot * v) __attribute__((always_inline)) {
    v->kind = Kind::String;
    ++p;
    const char* const start = p;
#if defined(__SSE2__)
    while (reinterpret_cast<uintptr_t>(p) <= last16) {
      const uint32_t special = special16(p);
      if (special != 0) {
        p += std::countr_zero(special);
        if (*p != '"') break;  // (the loop below stops at once, at p)
        v->chars = start;
        v->count = static_cast<uint32_t>(p - start);
        ++p;
        return true;
      }
      p += 16;
    }
#endif
    if constexpr (std::endian::native == std::endian::little) {
      while (reinterpret_cast<uintptr_t>(p) <= last8) {
        uint64_t x = 0;
        std::memcpy(&x, p, 8);
        const uint64_t special = special_bytes(x);
        if (special != 0) {
          p += std::countr_zero(special) / 8;
          if (*p != '"') break;
          v->chars = start;
          v->count = static_cast<uint32_t>(p - start);
          ++p;
          return true;
        }
        p += 8;
      }
    }
    const StringEnd e = string_rest(start, p, end, out);
    if (e.p == nullptr) return false;
    p = e.p;
    v->chars = e.chars;
    v->count = e.size;
    out = e.out;
    return true;
  };
  // Opens a container at t (p at its bracket).
  auto open = [&](Kind kind) __attribute__((always_inline)) {
    if (depth >= max_depth_) return false;
    ++depth;
    t->kind = kind;
    t->count = 1;
    t->inner = static_cast<uint64_t>(reinterpret_cast<char*>(t) - reinterpret_cast<char*>(top));
    top = t;
    ++t;
    ++p;
    return true;
  };
  // Everything but the structure (a string, number or literal) is read in
  // `value`, whose cases are tried in the order of their frequency in
  // libpg_query's trees.
value:
  if (*p == '{') {
    if (!open(Kind::Object)) return false;
    closer = kObjectEnd;
    if (*p == '"') goto key_quote;
    p = skip_space(p);
    if (*p == '}') {
      top->count = 0;
      goto close;
    }
    goto key;
  }
  if (*p == '"') {
    if (!string(t)) return false;
    ++t;
    goto after_value;
  }
  if (*p == '[') {
    if (!open(Kind::Array)) return false;
    closer = kArrayEnd;
    if (static_cast<unsigned char>(*p) <= ' ') p = skip_space(p);
    if (*p == ']') {
      top->count = 0;
      goto close;
    }
    goto value;
  }
  if (json_digit(*p) || *p == '-') {
    const bool negative = *p == '-';
    if (negative) ++p;
    if (!json_digit(*p)) return false;
    // 19 digits always fit in a uint64_t; more never fit in an int64_t.
    uint64_t magnitude = 0;
    const char* digits = p;
    if (*p == '0') {
      ++p;
    } else {
      // (The digit's value as an unsigned byte: one compare tells a digit.)
      for (unsigned d = static_cast<unsigned char>(*p) - '0'; d <= 9;
           d = static_cast<unsigned char>(*++p) - '0')
        magnitude = magnitude * 10 + d;
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
    t->count = 0;
    if (integer && !overflow && (negative ? magnitude <= kMax + 1 : magnitude <= kMax)) {
      t->kind = Kind::Integer;
      t->integer = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
    } else {
      t->kind = Kind::Number;
      t->integer = 0;
    }
    ++t;
    goto after_value;
  }
  if (p[0] == 't' && p[1] == 'r' && p[2] == 'u' && p[3] == 'e') {
    t->kind = Kind::True;
    p += 4;
  } else if (p[0] == 'f' && p[1] == 'a' && p[2] == 'l' && p[3] == 's' && p[4] == 'e') {
    t->kind = Kind::False;
    p += 5;
  } else if (p[0] == 'n' && p[1] == 'u' && p[2] == 'l' && p[3] == 'l') {
    t->kind = Kind::Null;
    p += 4;
  } else if (json_space(*p)) {
    p = skip_space(p);
    goto value;
  } else {
    return false;
  }
  t->count = 0;
  t->inner = 0;
  ++t;
  // After a value: a comma and the next one, or the end of the innermost
  // container (at the root: the end of the text).
after_value:
  if (*p == ',') {
    if (closer == kObjectEnd) {
      ++p;
      ++top->count;
      goto key;
    }
    if (closer != kArrayEnd) return false;  // at the root
    ++p;
    ++top->count;
    goto value;
  }
  if (static_cast<unsigned char>(*p) == closer) goto close;
  {
    const char* const past = skip_space(p);
    if (past != p) {
      p = past;
      goto after_value;
    }
  }
  if (depth == 0 && p == end) {  // a document of one value that is not a container
    root = Element(tape);
    return true;
  }
  return false;

  // The end of the innermost container, at p.
close:
  ++p;
  {
    Slot* const closed = top;
    top = reinterpret_cast<Slot*>(reinterpret_cast<char*>(closed) - closed->inner);
    closed->inner = static_cast<uint64_t>(t - closed - 1);
    if (--depth == 0) {
      p = skip_space(p);
      if (p != end) return false;
      root = Element(tape);
      return true;
    }
    closer = top->kind == Kind::Object ? kObjectEnd : kArrayEnd;
  }
  goto after_value;

  // An object's key and its colon (p at the key's quote, or space before it).
key:
  if (*p != '"') {
    p = skip_space(p);
    if (*p != '"') return false;
  }
key_quote:
  if (!string(t)) return false;
  ++t;
  if (*p != ':') {
    p = skip_space(p);
    if (*p != ':') return false;
  }
  ++p;
  goto value;
}

}  // namespace ddlint::parser::pg::json
