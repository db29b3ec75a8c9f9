#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mapped_file.h"
#include "core/text.h"

namespace ddlint {

enum class Dialect { Postgres, MySql };

// 1-based line and column. Columns count Unicode code points, so a caret under
// a non-ASCII identifier lines up in editors and in SARIF (columnKind
// unicodeCodePoints).
struct LineColumn {
  uint32_t line = 1;
  uint32_t column = 1;
};

// Maps byte offsets to lines and columns. Accepts LF, CRLF and lone CR line
// endings; a UTF-8 byte-order mark does not count as a column.
class LineIndex {
 public:
  LineIndex() = default;
  // `ascii_until`: the offset of the first byte from 0x80 up after the BOM
  // (the text's size when there is none). Columns count code points (the
  // bytes that are not UTF-8 continuation bytes): before `ascii_until`, every
  // byte is one and is not looked at.
  LineIndex(std::string_view text, uint32_t bom_bytes, uint32_t ascii_until);
  // The same, given the offsets where its lines start (0 first, then the
  // offset after each '\n', in order) of a text without '\r'.
  LineIndex(std::string_view text, uint32_t bom_bytes, uint32_t ascii_until, std::vector<uint32_t> starts)
      : text_(text), bom_(bom_bytes), ascii_until_(ascii_until), starts_(std::move(starts)) {}

  LineColumn position(uint32_t offset) const;
  // position(offset), given that of an offset `from` (at = position(from)):
  // on from's line, columns are counted from `from`; on a later line, only
  // the lines after from's are searched. The end of a range from its start.
  LineColumn position_after(uint32_t from, LineColumn at, uint32_t offset) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  // Byte offset of the first byte of a 1-based line.
  uint32_t line_start(uint32_t line) const;
  // The text of a 1-based line without its line terminator.
  std::string_view line_text(uint32_t line) const;

 private:
  std::string_view text_;
  uint32_t bom_ = 0;
  uint32_t ascii_until_ = 0;
  std::vector<uint32_t> starts_;
};

// A byte range of the file that is not valid UTF-8.
struct EncodingProblem {
  TextRange range;
  std::string description;
};

// One input file (or stdin) as read from disk: the original bytes, a parse
// copy in which invalid UTF-8 bytes, NUL bytes and the BOM are neutralised
// without moving any offset, and the line index over the original bytes.
class SourceFile {
 public:
  // `placeholders`: template forms a migration runner substitutes before it
  // runs the file, each written with NAME where the name goes (`${NAME}`,
  // `$%NAME%$`); every occurrence becomes an identifier of the same length in
  // the parse copy (`${schema}` -> `__schema_`: letters and digits kept, every
  // other byte `_`). A form without text after NAME takes a name of letters,
  // digits and `_`; otherwise the name runs to the form's end on the same
  // line, at most 128 bytes.
  SourceFile(std::string path, std::string bytes, Dialect dialect = Dialect::Postgres,
             const std::vector<std::string>* placeholders = nullptr);
  // The same over a file mapped (a large one, MappedFile): the checks read
  // every byte, then its pages are given back until they are read again.
  SourceFile(std::string path, std::shared_ptr<const MappedFile> mapped, Dialect dialect = Dialect::Postgres,
             const std::vector<std::string>* placeholders = nullptr);
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  // Same length as text(); safe to hand to a C parser (no NUL, valid UTF-8).
  std::string_view parse_text() const { return own_parse_text_ ? parse_text_ : text_; }
  Dialect dialect() const { return dialect_; }
  const LineIndex& lines() const { return lines_; }
  const std::vector<EncodingProblem>& encoding_problems() const { return encoding_problems_; }
  // The placeholders replaced in the parse copy, in text order.
  const std::vector<TextRange>& placeholders() const { return placeholders_; }
  std::string_view slice(TextRange r) const;
  // The line ending an edit that adds a line writes: "\r\n" when the text
  // holds one, else "\n" (found by the checks: nothing reads the text again).
  std::string_view eol() const { return crlf_ ? "\r\n" : "\n"; }
  // A reader is done with the text of `r` for now: a mapped file's whole
  // pages there are given back (read from the file again when next read).
  void release(TextRange r) const {
    if (mapped_) mapped_->release(r.begin, r.end);
  }

 private:
  void check(const std::vector<std::string>* placeholders);
  std::string path_;
  std::string bytes_;                         // the text, when read into memory
  std::shared_ptr<const MappedFile> mapped_;  // else the file mapped
  std::string_view text_;
  std::string parse_text_;  // set when it differs from text_
  bool own_parse_text_ = false;
  bool crlf_ = false;  // the text holds "\r\n"
  Dialect dialect_;
  LineIndex lines_;
  std::vector<EncodingProblem> encoding_problems_;
  std::vector<TextRange> placeholders_;
};

}  // namespace ddlint
