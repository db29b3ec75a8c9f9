#include "parser/postgres/pg_scan.h"

#include <pg_query.h>

namespace ddlint::parser::pg {

namespace {

// Minimal reader for the two messages of pg_query.proto that the scanner
// returns (ScanResult, ScanToken). Both use only varint and length-delimited
// fields, so a full protobuf runtime is not needed.
class ProtoReader {
 public:
  ProtoReader(const uint8_t* p, size_t n) : p_(p), end_(p + n) {}
  bool done() const { return p_ >= end_; }
  bool varint(uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && p_ < end_; shift += 7) {
      const uint8_t b = *p_++;
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool skip(int wire) {
    uint64_t v = 0;
    switch (wire) {
      case 0:
        return varint(v);
      case 1:
        return advance(8);
      case 2:
        return varint(v) && advance(v);
      case 5:
        return advance(4);
      default:
        return false;
    }
  }
  bool bytes(const uint8_t*& data, size_t& len) {
    uint64_t v = 0;
    if (!varint(v) || static_cast<uint64_t>(end_ - p_) < v) return false;
    data = p_;
    len = v;
    p_ += v;
    return true;
  }

 private:
  bool advance(uint64_t k) {
    if (static_cast<uint64_t>(end_ - p_) < k) return false;
    p_ += k;
    return true;
  }
  const uint8_t* p_;
  const uint8_t* end_;
};

constexpr int kSqlComment = 275;
constexpr int kCComment = 276;

}  // namespace

uint32_t cursor_to_byte(std::string_view text, int cursorpos) {
  if (cursorpos <= 1) return 0;
  int chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == cursorpos - 1) return static_cast<uint32_t>(i);
      ++chars;
    }
  }
  return static_cast<uint32_t>(text.size());
}

std::optional<ScanError> scan(std::string_view text, uint32_t base, std::vector<Token>& out) {
  const std::string buf(text);
  PgQueryScanResult result = pg_query_scan(buf.c_str());
  std::optional<ScanError> error;
  if (result.error) {
    error = ScanError{result.error->message ? result.error->message : "scanner error",
                      base + cursor_to_byte(text, result.error->cursorpos)};
  } else {
    ProtoReader top(reinterpret_cast<const uint8_t*>(result.pbuf.data), result.pbuf.len);
    while (!top.done()) {
      uint64_t key = 0;
      if (!top.varint(key)) break;
      if ((key >> 3) == 2 && (key & 7) == 2) {
        const uint8_t* data = nullptr;
        size_t len = 0;
        if (!top.bytes(data, len)) break;
        ProtoReader tr(data, len);
        Token tok;
        while (!tr.done()) {
          uint64_t k = 0;
          uint64_t v = 0;
          if (!tr.varint(k)) break;
          if ((k & 7) != 0) {
            if (!tr.skip(static_cast<int>(k & 7))) break;
            continue;
          }
          if (!tr.varint(v)) break;
          switch (k >> 3) {
            case 1:
              tok.begin = base + static_cast<uint32_t>(v);
              break;
            case 2:
              tok.end = base + static_cast<uint32_t>(v);
              break;
            case 4:
              tok.kind = static_cast<int>(v);
              break;
            case 5:
              tok.keyword_kind = static_cast<int>(v);
              break;
            default:
              break;
          }
        }
        if (tok.kind != kSqlComment && tok.kind != kCComment) out.push_back(tok);
      } else if (!top.skip(static_cast<int>(key & 7))) {
        break;
      }
    }
  }
  pg_query_free_scan_result(result);
  return error;
}

}  // namespace ddlint::parser::pg
