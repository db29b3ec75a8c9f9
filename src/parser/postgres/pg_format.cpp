// ddlint's formatter for libpg_query's JSON output (see pg_format.h).
#include "parser/postgres/pg_format.h"

#include <link.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace ddlint::parser::pg {
namespace {
std::atomic<bool> fast_on{true};
thread_local uint64_t fast_calls = 0;
// Bytes the next enlargement of a buffer on this thread makes room for at
// least (reserve_output); 0: none asked.
thread_local size_t output_reserve = 0;
}  // namespace

bool fast_format_built() {
#ifdef DDLINT_PG_FAST_FORMAT
  return true;
#else
  return false;
#endif
}

void set_fast_format(bool on) { fast_on.store(on, std::memory_order_relaxed); }

uint64_t fast_format_calls() { return fast_calls; }

void reserve_output(size_t bytes) {
  // (A reservation stays below PostgreSQL's limit of 1 GB per allocation.)
  constexpr size_t kMaxReserve = size_t{64} << 20;
  output_reserve = bytes < kMaxReserve ? bytes : kMaxReserve;
}

}  // namespace ddlint::parser::pg

#ifdef DDLINT_PG_FAST_FORMAT

// PostgreSQL's StringInfoData (lib/stringinfo.h), the same in every release
// libpg_query is built from: the buffer, its length (a NUL follows it), its
// size, and a read cursor.
struct PgStringInfo {
  char* data;
  int len;
  int maxlen;
  int cursor;
};

extern "C" {
// PostgreSQL's own (libpg_query exports them).
int appendStringInfoVA(PgStringInfo* str, const char* fmt, va_list args);
void enlargeStringInfo(PgStringInfo* str, int needed);
void appendBinaryStringInfo(PgStringInfo* str, const char* data, int datalen);
// What libpg_query's calls of appendStringInfo reach (the linker's --wrap).
// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
void __wrap_appendStringInfo(PgStringInfo* str, const char* fmt, ...);
// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
void __wrap_appendStringInfoString(PgStringInfo* str, const char* s);
}

namespace {

// enlargeStringInfo(str, needed), making room for the bytes reserve_output
// asked for instead when that is more (once: the reservation is then used).
void grow(PgStringInfo* str, int needed) {
  size_t& reserve = ddlint::parser::pg::output_reserve;
  if (reserve != 0) {
    if (reserve > static_cast<size_t>(str->len) + static_cast<size_t>(needed))
      needed = static_cast<int>(reserve - static_cast<size_t>(str->len));
    reserve = 0;
  }
  enlargeStringInfo(str, needed);
}

// Formats `fmt` into `str` when it holds only %d, %u, %s (not null), %c and
// %% (at most kMaxPieces pieces in all); false, with `str` untouched,
// otherwise.
bool append_simple(PgStringInfo* str, const char* fmt, va_list args) {
  constexpr int kMaxPieces = 16;
  constexpr int kMaxNumbers = 8;
  struct Piece {
    const char* at;
    size_t size;
  };
  Piece pieces[kMaxPieces];
  char numbers[kMaxNumbers][12];
  int count = 0;
  int used_numbers = 0;
  size_t total = 0;
  auto add = [&](const char* at, size_t size) {
    if (size == 0) return true;
    if (count == kMaxPieces) return false;
    pieces[count++] = {at, size};
    total += size;
    return true;
  };
  const char* literal = fmt;
  const char* f = fmt;
  for (;;) {
    f = std::strchr(f, '%');
    if (f == nullptr) break;
    if (!add(literal, static_cast<size_t>(f - literal))) return false;
    switch (f[1]) {
      case 'd':
      case 'u':
      case 'c': {
        if (used_numbers == kMaxNumbers) return false;
        char* buf = numbers[used_numbers++];
        char* end = buf;
        if (f[1] == 'd') {
          end = std::to_chars(buf, buf + sizeof numbers[0], va_arg(args, int)).ptr;
        } else if (f[1] == 'u') {
          end = std::to_chars(buf, buf + sizeof numbers[0], va_arg(args, unsigned int)).ptr;
        } else {
          // As printf: the int argument converted to unsigned char, a NUL included.
          *end++ = static_cast<char>(static_cast<unsigned char>(va_arg(args, int)));
        }
        if (!add(buf, static_cast<size_t>(end - buf))) return false;
        break;
      }
      case 's': {
        const char* s = va_arg(args, const char*);
        if (s == nullptr) return false;  // PostgreSQL's own wording for it
        if (!add(s, std::strlen(s))) return false;
        break;
      }
      case '%':
        if (!add(f + 1, 1)) return false;
        break;
      default:  // flags, width, precision, length, other conversions
        return false;
    }
    f += 2;
    literal = f;
  }
  if (!add(literal, std::strlen(literal))) return false;
  if (total > static_cast<size_t>(INT_MAX / 2)) return false;  // PostgreSQL's limits apply
  // Room for `total` more bytes and the NUL (enlargeStringInfo's own test).
  if (total >= static_cast<size_t>(str->maxlen - str->len)) grow(str, static_cast<int>(total));
  char* out = str->data + str->len;
  for (int i = 0; i < count; ++i) {
    std::memcpy(out, pieces[i].at, pieces[i].size);
    out += pieces[i].size;
  }
  *out = '\0';
  str->len += static_cast<int>(total);
  return true;
}

// The read-only address ranges of the executable (its PT_LOAD segments
// without write permission): a format there is a string literal, whose text
// never changes while the process runs, so what it holds can be kept by its
// address. (libpg_query is linked into the executable.)
struct ReadOnly {
  static constexpr int kMax = 8;
  uintptr_t begin[kMax] = {};
  uintptr_t end[kMax] = {};
  int count = 0;
  bool holds(const void* p) const {
    const auto a = reinterpret_cast<uintptr_t>(p);
    for (int i = 0; i < count; ++i)
      if (a >= begin[i] && a < end[i]) return true;
    return false;
  }
};
const ReadOnly& read_only() {
  static const ReadOnly ranges = [] {
    ReadOnly r;
    dl_iterate_phdr(
        [](dl_phdr_info* info, size_t /*size*/, void* data) {
          auto* out = static_cast<ReadOnly*>(data);
          for (int i = 0; i < info->dlpi_phnum && out->count < ReadOnly::kMax; ++i) {
            const auto& ph = info->dlpi_phdr[i];
            if (ph.p_type != PT_LOAD || (ph.p_flags & PF_W) != 0) continue;
            out->begin[out->count] = info->dlpi_addr + ph.p_vaddr;
            out->end[out->count] = info->dlpi_addr + ph.p_vaddr + ph.p_memsz;
            ++out->count;
          }
          return 1;  // the first object is the executable: done
        },
        &r);
    return r;
  }();
  return ranges;
}

// A format of the JSON output's usual kind (a key, at most one %d, %u, %s or
// %c, a short text after it), read once and kept by its address: the text
// before the conversion and the text after it, copied from here with
// fixed-size copies. The cache of each thread is direct-mapped by address.
struct Format {
  static constexpr size_t kText = 48;
  static constexpr size_t kMaxHead = 32;  // head + 16 bytes stay inside `text`
  static constexpr size_t kMaxTail = 15;
  const char* fmt = nullptr;
  uint8_t head = 0;                   // bytes before the conversion (all of them without one)
  uint8_t tail = 0;                   // bytes after it
  char conversion = 0;                // 'd', 'u', 's', 'c'; 0: none; 'x': not kept (other formats)
  std::array<char, kText> text = {};  // head bytes, then tail bytes
};
constexpr int kFormatBits = 10;
constexpr size_t kFormats = size_t{1} << kFormatBits;
thread_local std::array<Format, kFormats> t_formats;

// Reads `fmt` into `f` (f.conversion 'x' when it is not of the kept kind).
void read_format(Format& f, const char* fmt) {
  f.fmt = fmt;
  f.conversion = 'x';
  if (!read_only().holds(fmt)) return;
  const char* pct = std::strchr(fmt, '%');
  const size_t head = pct == nullptr ? std::strlen(fmt) : static_cast<size_t>(pct - fmt);
  if (head > Format::kMaxHead) return;
  char conversion = 0;
  size_t tail = 0;
  if (pct != nullptr) {
    conversion = pct[1];
    if (conversion != 'd' && conversion != 'u' && conversion != 's' && conversion != 'c') return;
    const char* t = pct + 2;
    for (; t[tail] != '\0'; ++tail)
      if (t[tail] == '%' || tail == Format::kMaxTail) return;
    std::memcpy(f.text.data() + head, t, tail);
  }
  std::memcpy(f.text.data(), fmt, head);
  f.head = static_cast<uint8_t>(head);
  f.tail = static_cast<uint8_t>(tail);
  f.conversion = conversion;
}

// Formats a call whose format is of the kept kind; false, with `str`
// untouched, for any other (or a null %s).
bool append_kept(PgStringInfo* str, const char* fmt, va_list args) {
  const auto slot = (reinterpret_cast<uintptr_t>(fmt) * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - kFormatBits);
  Format& f = t_formats[slot];
  if (f.fmt != fmt) read_format(f, fmt);
  if (f.conversion == 'x') return false;
  const char* s = nullptr;
  size_t value = 0;
  if (f.conversion == 's') {
    s = va_arg(args, const char*);
    if (s == nullptr) return false;
    value = std::strlen(s);
    if (value > static_cast<size_t>(INT_MAX / 4)) return false;  // PostgreSQL's limits apply
  } else if (f.conversion != 0) {
    value = 11;  // at most, for a number
  }
  // Room for the fixed-size copies (they may write past what is kept, never
  // past the room asked for) and the NUL.
  const size_t room = Format::kText + value + 16 + 1;
  if (room >= static_cast<size_t>(str->maxlen - str->len)) grow(str, static_cast<int>(room));
  char* const begin = str->data + str->len;
  std::memcpy(begin, f.text.data(), Format::kText);
  char* out = begin + f.head;
  switch (f.conversion) {
    case 'd':
      out = std::to_chars(out, out + 11, va_arg(args, int)).ptr;
      break;
    case 'u':
      out = std::to_chars(out, out + 11, va_arg(args, unsigned int)).ptr;
      break;
    case 'c':
      // As printf: the int argument converted to unsigned char, a NUL included.
      *out++ = static_cast<char>(static_cast<unsigned char>(va_arg(args, int)));
      break;
    case 's':
      std::memcpy(out, s, value);
      out += value;
      break;
    default:
      break;
  }
  std::memcpy(out, f.text.data() + f.head, 16);
  out += f.tail;
  *out = '\0';
  str->len += static_cast<int>(out - begin);
  return true;
}

}  // namespace

// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" void __wrap_appendStringInfo(PgStringInfo* str, const char* fmt, ...) {
  if (ddlint::parser::pg::fast_on.load(std::memory_order_relaxed)) {
    va_list args;
    va_start(args, fmt);
    bool done = append_kept(str, fmt, args);
    va_end(args);
    if (!done) {
      va_start(args, fmt);
      done = append_simple(str, fmt, args);
      va_end(args);
    }
    if (done) {
      ++ddlint::parser::pg::fast_calls;
      return;
    }
  }
  // PostgreSQL's appendStringInfo: format, and when the buffer was too
  // small, enlarge it and format again (errno as it was, for %m).
  const int saved_errno = errno;
  for (;;) {
    errno = saved_errno;
    va_list args;
    va_start(args, fmt);
    const int needed = appendStringInfoVA(str, fmt, args);
    va_end(args);
    if (needed == 0) break;
    enlargeStringInfo(str, needed);
  }
}

// PostgreSQL's appendStringInfoString (appendBinaryStringInfo of the
// string's bytes), without a call per step: the JSON output's keys,
// punctuation and names, half a million calls over the corpus.
// NOLINTNEXTLINE(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" void __wrap_appendStringInfoString(PgStringInfo* str, const char* s) {
  const size_t size = std::strlen(s);
  if (!ddlint::parser::pg::fast_on.load(std::memory_order_relaxed) ||
      size > static_cast<size_t>(INT_MAX / 2)) {
    appendBinaryStringInfo(str, s, static_cast<int>(size));  // PostgreSQL's own
    return;
  }
  if (size >= static_cast<size_t>(str->maxlen - str->len)) grow(str, static_cast<int>(size));
  std::memcpy(str->data + str->len, s, size);
  str->len += static_cast<int>(size);
  str->data[str->len] = '\0';
  ++ddlint::parser::pg::fast_calls;
}

#endif
