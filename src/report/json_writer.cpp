#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// copy16(in, out) copies the 16 bytes at `in` to `out` and returns one bit
// per byte (bit i for in[i]), set for the bytes that are not plain (kPlain:
// a byte below 0x20 or from 0x80 up, which is negative as a signed char, '"'
// or '\\'); copy32_any(in, out) copies 32 and returns whether any is not
// plain. Each lane is tested on its own, so the answer is exact whatever the
// other bytes are.
#if defined(__SSE2__)
// SSE2 (every x86-64): the lanes' marks (0xFF or 0) gathered into 16 bits
// by one instruction (pmovmskb).
__m128i not_plain_lanes(__m128i x) {
  return _mm_or_si128(
      _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)),
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
}

uint32_t copy16(const char* in, char* out) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), x);
  return static_cast<uint32_t>(_mm_movemask_epi8(not_plain_lanes(x)));
}

bool copy32_any(const char* in, char* out) {
  const __m128i x0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in));
  const __m128i x1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + 16));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), x0);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16), x1);
  return _mm_movemask_epi8(_mm_or_si128(not_plain_lanes(x0), not_plain_lanes(x1))) != 0;
}
#else
// Sixteen bytes as one vector of the GCC and Clang vector extensions (NEON on
// ARM; plain code elsewhere), compared lane by lane; the marks (0xFF or 0
// per lane) are gathered into bits eight lanes at a time.
using Bytes16 = signed char __attribute__((vector_size(16)));

uint32_t not_plain16(const char* p) {
  Bytes16 x;
  std::memcpy(&x, p, sizeof x);
  const Bytes16 marks = (x < 0x20) | (x == '"') | (x == '\\');
  if constexpr (std::endian::native == std::endian::little) {
    // The top bit of byte i moved to bit 56 + i by one multiplication (no
    // two partial products meet, so nothing carries), then shifted down.
    std::array<uint64_t, 2> half{};
    std::memcpy(half.data(), &marks, sizeof marks);
    const auto gather = [](uint64_t m) {
      return static_cast<uint32_t>(((m & 0x8080808080808080ULL) * 0x0002040810204081ULL) >> 56);
    };
    return gather(half[0]) | gather(half[1]) << 8;
  } else {
    uint32_t bits = 0;
    for (int i = 0; i < 16; ++i) bits |= marks[i] != 0 ? 1U << i : 0U;
    return bits;
  }
}

uint32_t copy16(const char* in, char* out) {
  std::memcpy(out, in, 16);
  return not_plain16(in);
}

bool copy32_any(const char* in, char* out) {
  std::memcpy(out, in, 32);
  return (not_plain16(in) | not_plain16(in + 16)) != 0;
}
#endif

// The second character of the two-character escapes ('\0' for none).
constexpr std::array<char, 256> kShortEscape = [] {
  std::array<char, 256> t{};
  t['"'] = '"';
  t['\\'] = '\\';
  t['\b'] = 'b';
  t['\f'] = 'f';
  t['\n'] = 'n';
  t['\r'] = 'r';
  t['\t'] = 't';
  return t;
}();

// Copies `text` to p, returning the end of it.
char* put(char* p, std::string_view text) {
  std::memcpy(p, text.data(), text.size());
  return p + text.size();
}

// A newline and the indentation of `depth` levels: at most indent_room(depth)
// bytes are stored (whole 16-byte blocks of a constant, for the depths
// reports have).
constexpr std::string_view kIndent =
    "\n                                                                                ";
size_t indent_room(size_t depth) { return 2 * depth + 1 + 16; }

char* put_deep_indent(char* p, size_t n) {
  if (n + 16 <= kIndent.size()) {
    for (size_t k = 0; k < n; k += 16) std::memcpy(p + k, kIndent.data() + k, 16);
  } else {
    *p = '\n';
    std::memset(p + 1, ' ', n - 1);
  }
  return p + n;
}

// Up to 7 levels (a finding's members are at 3, its positions' at 4 and 6)
// in one block, small enough to be inlined where it is written.
[[gnu::always_inline]] inline char* put_indent(char* p, size_t depth) {
  const size_t n = 2 * depth + 1;
  if (n > 16) return put_deep_indent(p, n);
  std::memcpy(p, kIndent.data(), 16);
  return p + n;
}

template <class T>
char* put_integer(char* p, T n) {
  return std::to_chars(p, p + 24, n).ptr;
}

constexpr size_t kIntegerRoom = 24;

}  // namespace

// The size from which items() writes a fragment to the stream directly;
// smaller ones are copied into the buffer, which is written when it holds
// 64 KB (maybe_flush). A file's findings are one fragment, most of them a
// few KB: written one by one, the PostgreSQL corpus's 33 MB of JSON took
// about 4,400 writes; copied, about 500, and the run on one core about 3%
// less time (farm-bench, 21 and 31 pairs: A/B 0.963 and 0.968).
constexpr size_t kDirect = size_t{1} << 16;

void JsonWriter::grow(size_t n) {
  const size_t cap = std::max({2 * cap_, len_ + n, size_t{4096}});
  auto buf = std::make_unique_for_overwrite<char[]>(cap);
  if (len_ > 0) std::memcpy(buf.get(), buf_.get(), len_);
  buf_ = std::move(buf);
  cap_ = cap;
}

void JsonWriter::flush() {
  if (len_ == 0 || out_ == nullptr) return;
  out_->write(buf_.get(), static_cast<std::streamsize>(len_));
  len_ = 0;
}

void JsonWriter::items(std::string_view fragment) {
  if (fragment.empty()) return;
  // The fragment's first item follows one: without one here, no comma.
  if (has_items_.back() == 0) fragment.remove_prefix(1);
  has_items_.back() = 1;
  // A large fragment goes to the stream as it is, after what is buffered,
  // instead of being copied into the buffer first.
  if (out_ != nullptr && fragment.size() >= kDirect) {
    flush();
    out_->write(fragment.data(), static_cast<std::streamsize>(fragment.size()));
    return;
  }
  char* p = room(fragment.size());
  std::memcpy(p, fragment.data(), fragment.size());
  done(p + fragment.size());
  maybe_flush();
}

[[gnu::always_inline]] inline size_t JsonWriter::separator_room() const {
  return 1 + indent_room(has_items_.size());
}

// Inlined where it is used (all in this file): it comes before every value and key.
[[gnu::always_inline]] inline char* JsonWriter::separator(char* p) {
  if (after_key_) {
    after_key_ = false;
    return p;
  }
  if (has_items_.empty()) return p;  // the top-level value
  if (has_items_.back() != 0) *p++ = ',';
  has_items_.back() = 1;
  return put_indent(p, has_items_.size());
}

// A string in quotes, written at p with its escapes. The room at p holds
// at least s.size() + 2 + `after` bytes (the string, if nothing in it needs
// an escape, the quotes and what the caller writes after it); each byte to
// escape makes more when it needs it.
[[gnu::always_inline]] inline char* JsonWriter::escaped(char* p, std::string_view s, size_t after) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char* in = s.data();
  const char* const end = in + s.size();
  *p++ = '"';
  // Bytes from `verbatim` to `in` are plain and were copied as they are.
  const char* verbatim = in;
  while (in != end) {
    // Plain bytes 32 at a time, then 16, copied as they are tested (the
    // room of what is left holds the bytes stored), up to the first that is
    // not plain. The last few are tested with the plain bytes before them
    // when there are enough: those are stored again, unchanged. Otherwise
    // they are looked at one at a time.
    uint32_t marks = 0;
    while (end - in >= 32 && !copy32_any(in, p)) {
      in += 32;
      p += 32;
    }
    // Fewer than 32 left, or a byte to escape in the next 32.
    if (end - in >= 16) {
      marks = copy16(in, p);
      if (marks == 0) {
        in += 16;
        p += 16;
        if (end - in >= 16) marks = copy16(in, p);  // the byte to escape is in these
      }
    }
    if (marks != 0) {
      const auto k = static_cast<size_t>(std::countr_zero(marks));
      in += k;
      p += k;
    } else if (in == end) {
      break;
    } else if (end - verbatim >= 16) {
      const auto back = static_cast<size_t>(16 - (end - in));
      // The bits of the bytes before `in` are clear (plain bytes), so the
      // first set one is at `in` or after (bit 16: none is).
      const uint32_t tail = copy16(end - 16, p - back) | 1U << 16;
      const size_t k = static_cast<size_t>(std::countr_zero(tail)) - back;
      in += k;
      p += k;
      if (in == end) break;
    } else {
      while (in != end && kPlain[static_cast<unsigned char>(*in)]) *p++ = *in++;
      if (in == end) break;
    }
    // What is left may need more room than it has when it needs escapes:
    // at most 6 bytes for this one, then the rest, the quote and `after`.
    const auto left = static_cast<size_t>(end - in);
    if (static_cast<size_t>(buf_.get() + cap_ - p) < left + 6 + after) {
      done(p);
      grow(left + 6 + after);
      p = buf_.get() + len_;
    }
    const auto c = static_cast<unsigned char>(*in);
    if (c >= 0x80) {
      size_t bad_at = 0;
      const auto i = static_cast<size_t>(in - s.data());
      const size_t len = utf8_sequence(s, i, bad_at);
      if (len > 0) {
        std::memcpy(p, in, len);
        p += len;
        in += len;
      } else {
        p = put(p, "\xEF\xBF\xBD");
        in = s.data() + bad_at;
      }
      verbatim = in;
      continue;
    }
    if (kShortEscape[c] != '\0') {
      p[0] = '\\';
      p[1] = kShortEscape[c];
      p += 2;
    } else {
      p = put(p, "\\u00");
      *p++ = kHex[c >> 4];
      *p++ = kHex[c & 0xF];
    }
    verbatim = ++in;
  }
  *p++ = '"';
  return p;
}

char* JsonWriter::put_key(char* p, const Key& k) {
  std::memcpy(p, k.written_.data(), k.written_.size());
  return p + k.size_;
}

void JsonWriter::key(const Key& k) {
  char* p = separator(room(separator_room() + k.written_.size()));
  done(put_key(p, k));
  after_key_ = true;
}

void JsonWriter::text_key(std::string_view k) {
  char* p = room(separator_room() + k.size() + 4);
  p = escaped(separator(p), k, 2);
  done(put(p, ": "));
  after_key_ = true;
}

void JsonWriter::open(char c) {
  char* p = separator(room(separator_room() + 1));
  *p++ = c;
  done(p);
  has_items_.push_back(0);
}

void JsonWriter::close(char c) {
  const bool items = has_items_.back() != 0;
  has_items_.pop_back();
  char* p = room(indent_room(has_items_.size()) + 1);
  if (items) p = put_indent(p, has_items_.size());
  *p++ = c;
  done(p);
  maybe_flush();
}

void JsonWriter::pair_member(const Key& k, const Key& k1, uint64_t v1, const Key& k2, uint64_t v2) {
  const size_t depth = has_items_.size();
  char* p = room(separator_room() + 3 * k.written_.size() + 1 + 2 * indent_room(depth + 1) +
                 2 * kIntegerRoom + 1 + indent_room(depth) + 1);
  p = put_key(separator(p), k);
  *p++ = '{';
  p = put_indent(p, depth + 1);
  p = put_integer(put_key(p, k1), v1);
  *p++ = ',';
  p = put_indent(p, depth + 1);
  p = put_integer(put_key(p, k2), v2);
  p = put_indent(p, depth);
  *p++ = '}';
  done(p);
  maybe_flush();
}

void JsonWriter::member(const Key& k, std::string_view s) {
  char* p = room(separator_room() + k.written_.size() + s.size() + 2);
  p = put_key(separator(p), k);
  done(escaped(p, s, 0));
  maybe_flush();
}

void JsonWriter::value(std::string_view s) {
  char* p = room(separator_room() + s.size() + 2);
  done(escaped(separator(p), s, 0));
  maybe_flush();
}

void JsonWriter::value(bool b) {
  char* p = separator(room(separator_room() + 5));
  done(put(p, b ? "true" : "false"));
}

void JsonWriter::integer(int64_t n) {
  char* p = separator(room(separator_room() + kIntegerRoom));
  done(put_integer(p, n));
}

void JsonWriter::integer(uint64_t n) {
  char* p = separator(room(separator_room() + kIntegerRoom));
  done(put_integer(p, n));
}

}  // namespace ddlint::report
