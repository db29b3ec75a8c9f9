#pragma once
// A streaming JSON writer for the report formats: no document is built, each
// value is written as it comes. Output is pretty-printed with two spaces per
// level, `"key": value`, `[]` / `{}` when empty, and strings escaped as JSON
// requires (control characters as \b \f \n \r \t or \u00xx, everything else
// kept as UTF-8). Bytes that are not valid UTF-8 become U+FFFD, one per
// invalid sequence (a byte that breaks a sequence is read again as the start
// of the next one), so a report never fails on a file's bytes.
#include <array>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/byte_buffer.h"

namespace ddlint::report {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(&out) {}
  // A writer of a fragment (take() returns it): values written as further
  // items of a container `depth` levels deep that holds items already, so
  // the fragment starts with a comma. items() splices it into a writer at
  // that depth. Files' findings are written this way on the threads that
  // lint them, and spliced in order by the one that writes the report.
  explicit JsonWriter(size_t depth) : has_items_(depth, 1) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;
  ~JsonWriter() { flush(); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // A key known when ddlint is compiled (a string literal), checked then to
  // hold only bytes a JSON string keeps as they are (printable ASCII but
  // '"' and '\\') and at most kKeyMax of them. It is kept as it is
  // written, `"key": `, in a block of fixed size that is copied at once.
  // Keys made at run time (folder names, runner names) are string_views.
  static constexpr size_t kKeyMax = 28;
  class Key {
   public:
    template <size_t N>
    consteval Key(const char (&text)[N]) : size_(N - 1 + 4) {  // implicit: a literal is a Key
      if (N - 1 > kKeyMax) throw "a JsonWriter::Key is longer than kKeyMax";
      written_[0] = '"';
      for (size_t i = 0; i + 1 < N; ++i) {
        const char c = text[i];
        if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') throw "a JsonWriter::Key needs escaping";
        written_[i + 1] = c;
      }
      written_[N] = '"';
      written_[N + 1] = ':';
      written_[N + 2] = ' ';
    }

   private:
    friend class JsonWriter;
    std::array<char, kKeyMax + 4> written_{};  // `"key": ` and zeros up to the end
    size_t size_;                              // of `"key": `
  };
  // Strings that are not literals (a literal is a Key).
  template <class S>
  static constexpr bool kText = std::is_convertible_v<const S&, std::string_view> && !std::is_array_v<S>;

  // The key of the next member of the current object.
  void key(const Key& k);
  template <class S>
  requires kText<S>
  void key(const S& k) { text_key(std::string_view(k)); }

  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(bool b);
  template <class T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool>) void value(T n) {
    if constexpr (std::is_signed_v<T>)
      integer(static_cast<int64_t>(n));
    else
      integer(static_cast<uint64_t>(n));
  }

  // `"k": v` in one call.
  template <class T>
  requires(!kText<T>) void member(const Key& k, const T& v) {
    key(k);
    value(v);
  }
  // `"k": "s"`: the bytes of key(k) and value(s), written at once.
  void member(const Key& k, std::string_view s);
  template <class S, class T>
  requires kText<S>
  void member(const S& k, const T& v) {
    text_key(std::string_view(k));
    value(v);
  }

  // `"k": {"k1": v1, "k2": v2}` (a position: line and column) in one call:
  // the bytes of key(k), begin_object(), member(k1, v1), member(k2, v2),
  // end_object().
  void pair_member(const Key& k, const Key& k1, uint64_t v1, const Key& k2, uint64_t v2);

  // Makes room for `n` more bytes at once (a size the caller expects to
  // write: more may be written, the buffer then grows as it needs).
  void reserve(size_t n) { room(n); }

  // Writes what is buffered to the stream (also done when the buffer grows
  // large and on destruction). A fragment writer keeps it.
  void flush();

  // The text of a fragment writer, which is left empty.
  std::string take() {
    std::string text(buf_.get(), len_);
    len_ = 0;
    return text;
  }
  // The text of a fragment writer as it is buffered, without a copy: the
  // writer is left empty, with no buffer.
  ByteBuffer release() {
    ByteBuffer text(std::move(buf_), len_);
    cap_ = 0;
    len_ = 0;
    return text;
  }
  // Adds the items a fragment writer of this writer's depth wrote (none when
  // `fragment` is empty).
  void items(std::string_view fragment);

 private:
  void open(char c);
  void close(char c);
  // The comma and newline before a value or key (none after a key, at the
  // top level or for a container's first item), written at p; room for it:
  // separator_room().
  char* separator(char* p);
  size_t separator_room() const;
  void text_key(std::string_view k);
  // Writes k (`"key": `) at p: room for k.written_.size() bytes.
  static char* put_key(char* p, const Key& k);
  char* escaped(char* p, std::string_view s, size_t after);
  void integer(int64_t n);
  void integer(uint64_t n);
  void maybe_flush() {
    if (out_ != nullptr && len_ >= 1 << 16) flush();
  }
  // Where the next `n` bytes go: the text is written through a pointer into
  // room made ahead (one check per call instead of one per append), then
  // ended with done().
  char* room(size_t n) {
    if (cap_ - len_ < n) grow(n);
    return buf_.get() + len_;
  }
  void done(const char* end) { len_ = static_cast<size_t>(end - buf_.get()); }
  void grow(size_t n);

  std::ostream* out_ = nullptr;  // none: a fragment
  // The text is buf_[0, len_); the rest, up to cap_, is room (not zeroed
  // when made, as a std::string's would be).
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;
  size_t len_ = 0;
  // Per open container: whether it holds a value yet (bytes, not std::vector<bool>,
  // whose bit access costs more on every value written).
  std::vector<unsigned char> has_items_;
  bool after_key_ = false;
};

}  // namespace ddlint::report
