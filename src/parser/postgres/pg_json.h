#pragma once
// A reader for the JSON documents libpg_query writes (its parse trees): the
// whole document is parsed at once into a flat list of values (a "tape"),
// and elements, arrays and objects are views into that list, valid until the
// parser's next parse and while the document's text lives (a string without
// escapes is a view into the text).
//
// Strict JSON (RFC 8259): a document that is not valid JSON, holds invalid
// UTF-8 or a control character inside a string, or nests deeper than the
// parser's limit is rejected as a whole. Strings are unescaped when parsed;
// object fields keep their order, and a key looked up twice gives the first.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace ddlint::parser::pg::json {

enum class Kind : uint8_t {
  Object,
  Array,
  String,
  Integer,  // a number without fraction or exponent that fits int64_t
  Number,   // any other number
  True,
  False,
  Null,
};

// One value of the tape. A container is followed by its contents (an
// object's fields as key, value, key, value, ...); `inner` counts the slots
// of those contents, so the next value after the container is at
// this + 1 + inner.
struct Slot {
  Kind kind;
  uint32_t count;  // containers: elements or fields; strings: bytes
  union {
    uint64_t inner;     // containers
    const char* chars;  // strings (unescaped: in the text, or in the parser's buffer)
    int64_t integer;    // Kind::Integer
  };
};

class Array;
class Object;
class Element;

// An element looked up by key: the element, or nothing when the key is
// absent or the element looked in is not an object.
class Lookup {
 public:
  Lookup() = default;
  explicit Lookup(const Slot* s) : s_(s) {}
  // False (and `out` untouched) when nothing was found or the element is of
  // another type.
  bool get(std::string_view& out) const;
  bool get(bool& out) const;
  bool get(int64_t& out) const;
  bool get(Element& out) const;
  bool get(Array& out) const;
  bool get(Object& out) const;

 private:
  const Slot* s_ = nullptr;
};

class Element {
 public:
  Element() = default;
  explicit Element(const Slot* s) : s_(s) {}
  Kind kind() const { return s_ ? s_->kind : Kind::Null; }
  bool is_null() const { return kind() == Kind::Null; }
  // The field `key` of an object (the first, should a key repeat).
  Lookup operator[](std::string_view key) const;
  bool get(std::string_view& out) const { return Lookup(s_).get(out); }
  bool get(bool& out) const { return Lookup(s_).get(out); }
  bool get(int64_t& out) const { return Lookup(s_).get(out); }
  bool get(Array& out) const { return Lookup(s_).get(out); }
  bool get(Object& out) const { return Lookup(s_).get(out); }

 private:
  const Slot* s_ = nullptr;
};

// The slot after `s` and everything inside it.
inline const Slot* after(const Slot* s) {
  return s + 1 + (s->kind == Kind::Object || s->kind == Kind::Array ? s->inner : 0);
}

// An array's elements in order; a default-constructed array is empty.
class Array {
 public:
  class iterator {
   public:
    explicit iterator(const Slot* p) : p_(p) {}
    Element operator*() const { return Element(p_); }
    iterator& operator++() {
      p_ = after(p_);
      return *this;
    }
    bool operator!=(const iterator& o) const { return p_ != o.p_; }
    bool operator==(const iterator& o) const { return p_ == o.p_; }

   private:
    const Slot* p_;
  };
  Array() = default;
  explicit Array(const Slot* s) : s_(s) {}
  size_t size() const { return s_ ? s_->count : 0; }
  iterator begin() const { return iterator(s_ ? s_ + 1 : nullptr); }
  iterator end() const { return iterator(s_ ? after(s_) : nullptr); }

 private:
  const Slot* s_ = nullptr;
};

// An object's fields in document order; a default-constructed object is empty.
class Object {
 public:
  struct Field {
    std::string_view key;
    Element value;
  };
  class iterator {
   public:
    explicit iterator(const Slot* p) : p_(p) {}
    Field operator*() const { return {std::string_view(p_->chars, p_->count), Element(p_ + 1)}; }
    iterator& operator++() {
      p_ = after(p_ + 1);
      return *this;
    }
    bool operator!=(const iterator& o) const { return p_ != o.p_; }
    bool operator==(const iterator& o) const { return p_ == o.p_; }

   private:
    const Slot* p_;
  };
  Object() = default;
  explicit Object(const Slot* s) : s_(s) {}
  size_t size() const { return s_ ? s_->count : 0; }
  iterator begin() const { return iterator(s_ ? s_ + 1 : nullptr); }
  iterator end() const { return iterator(s_ ? after(s_) : nullptr); }
  Lookup operator[](std::string_view key) const;

 private:
  const Slot* s_ = nullptr;
};

// Whether `text` is valid UTF-8 as a JSON document's string must be (no
// overlong forms, no surrogates, nothing above U+10FFFF).
bool valid_utf8(std::string_view text);

class Parser {
 public:
  // Containers may nest `max_depth` deep (the root container counts).
  explicit Parser(size_t max_depth) : max_depth_(max_depth) {}
  // Parses the NUL-terminated `text` as one document; false when it is not
  // valid JSON (the elements of an earlier parse are then no longer valid
  // either). The elements read `text`: it must outlive them.
  bool parse(const char* text, Element& root);
  // Bytes of the largest document the buffers hold without growing.
  size_t capacity() const { return chars_size_; }
  // Gives the buffers back (the next parse allocates them again).
  void release();

 private:
  std::unique_ptr<Slot[]> tape_;
  size_t tape_size_ = 0;
  std::unique_ptr<char[]> chars_;
  size_t chars_size_ = 0;
  size_t max_depth_;
};

// Lookups, inline: the lowering reads many fields of small objects.
inline bool Lookup::get(std::string_view& out) const {
  if (s_ == nullptr || s_->kind != Kind::String) return false;
  out = std::string_view(s_->chars, s_->count);
  return true;
}

inline bool Lookup::get(bool& out) const {
  if (s_ == nullptr || (s_->kind != Kind::True && s_->kind != Kind::False)) return false;
  out = s_->kind == Kind::True;
  return true;
}

inline bool Lookup::get(int64_t& out) const {
  if (s_ == nullptr || s_->kind != Kind::Integer) return false;
  out = s_->integer;
  return true;
}

inline bool Lookup::get(Element& out) const {
  if (s_ == nullptr) return false;
  out = Element(s_);
  return true;
}

inline bool Lookup::get(Array& out) const {
  if (s_ == nullptr || s_->kind != Kind::Array) return false;
  out = Array(s_);
  return true;
}

inline bool Lookup::get(Object& out) const {
  if (s_ == nullptr || s_->kind != Kind::Object) return false;
  out = Object(s_);
  return true;
}

inline Lookup Element::operator[](std::string_view key) const {
  if (s_ == nullptr || s_->kind != Kind::Object) return {};
  return Object(s_)[key];
}

inline Lookup Object::operator[](std::string_view key) const {
  if (s_ == nullptr) return {};
  for (const Slot *p = s_ + 1, *end = after(s_); p != end; p = after(p + 1))
    if (p->count == key.size() && (key.empty() || p->chars[0] == key[0]) &&
        std::memcmp(p->chars, key.data(), key.size()) == 0)
      return Lookup(p + 1);
  return {};
}

}  // namespace ddlint::parser::pg::json
