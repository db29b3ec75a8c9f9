#include "core/source.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ddlint {

namespace {

// Sixteen bytes of text at `p`, one bit per byte (bit i for p[i]): in
// `special`, the bytes the scan of SourceFile's constructor looks at one by
// one (from 0x80 up, NUL, '\r'); in `newline`, the '\n' bytes.
struct Marks16 {
  uint32_t special;
  uint32_t newline;
};
#if defined(__SSE2__)
// SSE2 (every x86-64): a byte from 0x80 up is negative as a signed char, so
// its top bit is the one pmovmskb gathers.
Marks16 marks16(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i others =
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_setzero_si128()), _mm_cmpeq_epi8(x, _mm_set1_epi8('\r')));
  return {static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(x, others))),
          static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))))};
}
#else
// The GCC and Clang vector extensions elsewhere: each lane compared on its
// own, the lanes' marks (0xFF or 0) gathered into bits.
using Bytes16 = signed char __attribute__((vector_size(16)));

uint32_t gather16(Bytes16 marks) {
  uint32_t bits = 0;
  for (int i = 0; i < 16; ++i) bits |= marks[i] != 0 ? 1U << i : 0U;
  return bits;
}

Marks16 marks16(const char* p) {
  Bytes16 x;
  std::memcpy(&x, p, sizeof x);
  return {gather16((x < 0) | (x == 0) | (x == '\r')), gather16(x == '\n')};
}
#endif

// The bytes of text[begin, end) that are not UTF-8 continuation bytes
// (10xxxxxx): the code points a column counts. Eight bytes at a time: a
// byte's bit 7 set and bit 6 clear marks it (the shift moves each byte's
// bit 6 under its bit 7, never across bytes there), and the marks, one per
// byte, are added up by a multiplication into the top byte.
uint32_t code_points(std::string_view text, uint32_t begin, uint32_t end) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  uint32_t continuation = 0;
  uint32_t i = begin;
  for (; end - i >= 8; i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, text.data() + i, sizeof x);
    const uint64_t marks = x & ~(x << 1) & kHigh;
    continuation += static_cast<uint32_t>(((marks >> 7) * kOnes) >> 56);
  }
  for (; i < end; ++i) continuation += (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80 ? 1 : 0;
  return end - begin - continuation;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if invalid.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t len = 0;
  uint32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  uint32_t cp = b0 & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

LineIndex::LineIndex(std::string_view text, uint32_t bom_bytes, uint32_t ascii_until)
    : text_(text), bom_(bom_bytes), ascii_until_(ascii_until) {
  starts_.push_back(0);
  if (text.find('\r') == std::string_view::npos) {  // the usual case: memchr from line to line
    for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
      starts_.push_back(static_cast<uint32_t>(i + 1));
    return;
  }
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      starts_.push_back(static_cast<uint32_t>(i + 1));
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      starts_.push_back(static_cast<uint32_t>(i + 1));
    }
  }
}

LineColumn LineIndex::position(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<uint32_t>(it - starts_.begin());  // 1-based
  uint32_t start = starts_[line - 1];
  if (line == 1) start = std::min<uint32_t>(std::max(start, bom_), offset);
  // Up to the first byte from 0x80 up, each byte is a code point.
  return {line, 1 + (offset <= ascii_until_ ? offset - start : code_points(text_, start, offset))};
}

LineColumn LineIndex::position_after(uint32_t from, LineColumn at, uint32_t offset) const {
  const auto size = static_cast<uint32_t>(text_.size());
  offset = std::min(offset, size);
  from = std::min(from, size);
  // Before `from`, or from in the BOM (which no column counts): the whole search.
  if (offset < from || from < bom_) return position(offset);
  if (at.line >= starts_.size() || offset < starts_[at.line])  // on from's line
    return {at.line, at.column + (offset <= ascii_until_ ? offset - from : code_points(text_, from, offset))};
  const auto it = std::upper_bound(starts_.begin() + at.line + 1, starts_.end(), offset);
  const auto line = static_cast<uint32_t>(it - starts_.begin());  // 1-based, after from's
  const uint32_t start = starts_[line - 1];
  return {line, 1 + (offset <= ascii_until_ ? offset - start : code_points(text_, start, offset))};
}

uint32_t LineIndex::line_start(uint32_t line) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return static_cast<uint32_t>(text_.size());
  return starts_[line - 1];
}

std::string_view LineIndex::line_text(uint32_t line) const {
  if (line == 0 || line > starts_.size()) return {};
  uint32_t begin = starts_[line - 1];
  if (line == 1) begin = std::max(begin, bom_);
  uint32_t end = line < starts_.size() ? starts_[line] : static_cast<uint32_t>(text_.size());
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return text_.substr(begin, end - begin);
}

SourceFile::SourceFile(std::string path, std::string bytes, Dialect dialect,
                       const std::vector<std::string>* placeholders)
    : path_(std::move(path)), bytes_(std::move(bytes)), text_(bytes_), dialect_(dialect) {
  check(placeholders);
}

SourceFile::SourceFile(std::string path, std::shared_ptr<const MappedFile> mapped, Dialect dialect,
                       const std::vector<std::string>* placeholders)
    : path_(std::move(path)), mapped_(std::move(mapped)), text_(mapped_->bytes()), dialect_(dialect) {
  check(placeholders);
  release({0, static_cast<uint32_t>(text_.size())});
}

void SourceFile::check(const std::vector<std::string>* placeholders) {
  // The parse text is a copy only when it differs from the text.
  auto edit = [&]() -> std::string& {
    if (!own_parse_text_) {
      parse_text_ = text_;
      own_parse_text_ = true;
    }
    return parse_text_;
  };
  uint32_t bom = 0;
  if (text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bom = 3;
    edit().replace(0, 3, "   ");
  }
  const std::string_view text = text_;
  auto ascii_until = static_cast<uint32_t>(text.size());  // the first byte from 0x80 up
  // The line starts are found in the same pass (LineIndex's own scan reads
  // the text again, and a text with '\r' is left to it).
  std::vector<uint32_t> starts;
  starts.reserve(text.size() / 32 + 1);
  starts.push_back(0);
  bool carriage_return = false;
  for (size_t i = bom; i < text.size();) {
    // Sixteen bytes at a time (the usual case): the bytes before the first
    // from 0x80 up, NUL or '\r' need only their newlines taken; that byte is
    // looked at below.
    while (text.size() - i >= 16) {
      const Marks16 m = marks16(text.data() + i);
      uint32_t nl = m.newline;
      uint32_t plain = 16;
      if (m.special != 0) {
        plain = static_cast<uint32_t>(std::countr_zero(m.special));
        nl &= (1U << plain) - 1;
      }
      for (; nl != 0; nl &= nl - 1)
        starts.push_back(static_cast<uint32_t>(i) + static_cast<uint32_t>(std::countr_zero(nl)) + 1);
      i += plain;
      if (plain < 16) break;
    }
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c != 0 && c < 0x80) {
      if (c == '\n') starts.push_back(static_cast<uint32_t>(i + 1));
      if (c == '\r') {
        carriage_return = true;
        crlf_ = crlf_ || (i + 1 < text.size() && text[i + 1] == '\n');
      }
      ++i;
      continue;
    }
    if (c == 0) {
      encoding_problems_.push_back(
          {{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)}, "NUL byte in SQL text"});
      edit()[i] = ' ';
      ++i;
      continue;
    }
    ascii_until = std::min(ascii_until, static_cast<uint32_t>(i));
    const size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      // Merge a run of invalid bytes into one problem (it ends at an ASCII
      // byte, which is a sequence of its own: never at a line's end).
      size_t j = i;
      while (j < text.size() && text[j] != '\0' && utf8_sequence_length(text, j) == 0) {
        edit()[j] = '_';
        ++j;
      }
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned char>(text_[i]));
      encoding_problems_.push_back(
          {{static_cast<uint32_t>(i), static_cast<uint32_t>(j)},
           std::string("invalid UTF-8 byte ") + buf + (j - i > 1 ? " (and following)" : "")});
      i = j;
      continue;
    }
    i += len;
  }
  if (placeholders != nullptr) {
    for (const auto& form : *placeholders) {
      const size_t at = form.find("NAME");
      if (at == std::string::npos || at == 0) continue;  // the config rejects these
      const std::string_view prefix = std::string_view(form).substr(0, at);
      const std::string_view suffix = std::string_view(form).substr(at + 4);
      auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
      for (size_t pos = text.find(prefix); pos != std::string_view::npos; pos = text.find(prefix, pos)) {
        // `$${` is the end of a dollar-quoted body followed by a brace, not a placeholder.
        if (prefix[0] == '$' && pos > 0 && text[pos - 1] == '$') {
          pos += prefix.size();
          continue;
        }
        const size_t name = pos + prefix.size();
        size_t end = name;
        if (suffix.empty()) {
          while (end < text.size() && word(text[end])) ++end;
        } else {
          while (end < text.size() && end - name <= 128 && text[end] != '\n' &&
                 !text.substr(end).starts_with(suffix))
            ++end;
          if (end - name <= 128 && text.substr(end).starts_with(suffix))
            end += suffix.size();
          else
            end = name;  // no end of the form on this line
        }
        if (end == name) {
          pos = name;
          continue;
        }
        std::string& parse = edit();
        for (size_t k = pos; k < end; ++k)
          parse[k] = std::isalnum(static_cast<unsigned char>(text[k])) != 0 ? text[k] : '_';
        placeholders_.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(end)});
        pos = end;
      }
    }
    std::sort(placeholders_.begin(), placeholders_.end(),
              [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
  }
  lines_ = carriage_return ? LineIndex(text_, bom, ascii_until)
                           : LineIndex(text_, bom, ascii_until, std::move(starts));
}

std::string_view SourceFile::slice(TextRange r) const {
  const auto size = static_cast<uint32_t>(text_.size());
  const uint32_t b = std::min(r.begin, size);
  const uint32_t e = std::min(std::max(r.end, b), size);
  return text_.substr(b, e - b);
}

}  // namespace ddlint
