// libpg_query's parse tree read without JSON text (see pg_tree.h).
#include "parser/postgres/pg_tree.h"

#ifdef DDLINT_PG_TREE
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>
#endif

namespace ddlint::parser::pg {
namespace {
thread_local uint64_t g_made = 0;
}  // namespace

bool tree_built() {
#ifdef DDLINT_PG_TREE
  return true;
#else
  return false;
#endif
}

uint64_t tree_values_made() { return g_made; }

}  // namespace ddlint::parser::pg

#ifndef DDLINT_PG_TREE

namespace ddlint::parser::pg {
bool tree_values(const void* /*raw_tree*/, json::Element& /*root*/) { return false; }
void trim_tree_values(size_t /*keep_bytes*/) {}
}  // namespace ddlint::parser::pg

#else

extern "C" {
// libpg_query's (pg_query_outfuncs.h, not installed).
PgQueryProtobuf pg_query_nodes_to_protobuf(const void* obj);
// The packing calls pg_query_nodes_to_protobuf makes (the linker's --wrap).
// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
size_t __real_pg_query__parse_result__get_packed_size(const PgQuery__ParseResult* message);
size_t __real_pg_query__parse_result__pack(const PgQuery__ParseResult* message, uint8_t* out);
size_t __wrap_pg_query__parse_result__get_packed_size(const PgQuery__ParseResult* message);
size_t __wrap_pg_query__parse_result__pack(const PgQuery__ParseResult* message, uint8_t* out);
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
}

namespace {
// While tree_values() runs on this thread: the messages are kept, not packed.
thread_local bool t_keep = false;
thread_local const PgQuery__ParseResult* t_kept = nullptr;
thread_local PgQuery__ParseResult t_result;
}  // namespace

// NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)
extern "C" size_t __wrap_pg_query__parse_result__get_packed_size(const PgQuery__ParseResult* message) {
  if (!t_keep) return __real_pg_query__parse_result__get_packed_size(message);
  // The result itself is pg_query_nodes_to_protobuf's local: its fields
  // are copied (the statements they point to are in the memory context).
  t_result = *message;
  t_kept = &t_result;
  return 0;
}

extern "C" size_t __wrap_pg_query__parse_result__pack(const PgQuery__ParseResult* message, uint8_t* out) {
  if (!t_keep) return __real_pg_query__parse_result__pack(message, out);
  return 0;
}
// NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp,readability-identifier-naming)

namespace ddlint::parser::pg {
namespace {

struct KeyRow {
  const char* message;
  uint32_t id;
  const char* key;
};
constexpr KeyRow kKeys[] = {
#include "pg_tree_keys.inc"
};

// What a field holds, as the writer reads it.
enum class Type : uint8_t {
  Int32,
  UInt32,
  Int64,
  Bool,
  Enum,
  String,
  Message,
  Messages,  // repeated
  Oneof,     // the members of a oneof, one entry
  Other,     // a type the JSON output writes otherwise: declined when set
};
// When the JSON output writes a field: when it is not zero (false, empty,
// null), the rule of libpg_query's JSON output; the fields it writes
// otherwise (libpg_query 15-4.x): an Integer's ival only when above zero,
// a Boolean node's boolval always (but an A_Const's Boolean value's only
// when true, as any other field), and the list of statements always.
enum class When : uint8_t { NotZero, AboveZero, Always };

struct MessagePlan;
struct FieldPlan {
  Type type = Type::Other;
  When when = When::NotZero;
  bool const_value = false;  // the Boolean value of an A_Const
  unsigned offset = 0;
  unsigned quantifier = 0;  // Messages: the count's offset; Oneof: the case's
  unsigned size = 0;        // Other: the bytes the value takes (from `offset`)
  std::string_view key;
  const ProtobufCMessageDescriptor* descriptor = nullptr;  // Message, Messages
  // Message, Messages: the message's plan, made when first needed (plans
  // are per thread).
  mutable const MessagePlan* message = nullptr;
  const std::vector<std::string_view>* names = nullptr;  // Enum: value names, by value
  // Oneof: the members' plans by field number (null: not made yet), each
  // made when first met (Node is a oneof of 250 node types, and a small
  // file meets a few of them); the members' indexes in the descriptor's
  // fields, plus one, by field number (0: none).
  mutable std::vector<const FieldPlan*> members;
  std::vector<uint32_t> member_fields;
};
struct MessagePlan {
  std::vector<FieldPlan> fields;  // in field order; a oneof's entry at its first member
  bool ok = true;                 // every field has its key, every enum its names
  // What a oneof member's plan is made from, and the members made so far
  // (room for all of them is reserved: the entries point here).
  const ProtobufCMessageDescriptor* descriptor = nullptr;
  std::string_view name;
  std::pair<size_t, size_t> rows;
  mutable std::vector<FieldPlan> members;
};

// The plans of the messages this thread has written, made when first met
// (a small file meets a few dozen of the 240 message types).
struct Plans {
  std::unordered_map<const ProtobufCMessageDescriptor*, std::unique_ptr<MessagePlan>> messages;
  std::unique_ptr<MessagePlan> const_boolean;  // a Boolean as an A_Const's value
  std::unordered_map<const ProtobufCEnumDescriptor*, std::unique_ptr<std::vector<std::string_view>>> enums;
};

// The rows of kKeys of `message`, as [first, last): the table is in the
// order of the messages' names (cmake/PgTreeKeys.cmake), then of the fields'
// numbers.
std::pair<size_t, size_t> key_rows(std::string_view message) {
  const auto* const begin = std::begin(kKeys);
  const auto* const end = std::end(kKeys);
  const auto* first = std::lower_bound(begin, end, message,
                                       [](const KeyRow& r, std::string_view m) { return r.message < m; });
  const auto* last = first;
  while (last != end && last->message == message) ++last;
  return {static_cast<size_t>(first - begin), static_cast<size_t>(last - begin)};
}

const std::vector<std::string_view>* names_of(Plans& plans, const ProtobufCEnumDescriptor* e, bool& ok) {
  auto& slot = plans.enums[e];
  if (!slot) {
    slot = std::make_unique<std::vector<std::string_view>>(e->n_values);
    for (unsigned i = 0; i < e->n_values; ++i) (*slot)[i] = e->values[i].name;
  }
  // libpg_query's enums number their values from 0, each at its index.
  for (unsigned i = 0; i < e->n_values; ++i)
    if (e->values[i].value != static_cast<int>(i)) ok = false;
  return slot.get();
}

FieldPlan field_plan(Plans& plans, std::string_view message, std::pair<size_t, size_t> rows,
                     const ProtobufCFieldDescriptor& f, bool& ok) {
  FieldPlan fp;
  // A message's rows are in the order of their field numbers.
  const auto* row = std::lower_bound(std::begin(kKeys) + static_cast<std::ptrdiff_t>(rows.first),
                                     std::begin(kKeys) + static_cast<std::ptrdiff_t>(rows.second), f.id,
                                     [](const KeyRow& r, uint32_t id) { return r.id < id; });
  if (row != std::begin(kKeys) + static_cast<std::ptrdiff_t>(rows.second) && row->id == f.id)
    fp.key = row->key;
  if (fp.key.empty()) ok = false;
  fp.offset = f.offset;
  fp.quantifier = f.quantifier_offset;
  if (f.label == PROTOBUF_C_LABEL_REPEATED) {
    fp.type = Type::Other;
    fp.offset = f.quantifier_offset;  // declined when its count is not 0
    fp.size = sizeof(size_t);
    if (f.type == PROTOBUF_C_TYPE_MESSAGE) {
      fp.offset = f.offset;
      fp.type = Type::Messages;
      fp.descriptor = static_cast<const ProtobufCMessageDescriptor*>(f.descriptor);
    }
    if (message == "ParseResult" && fp.key == "stmts") fp.when = When::Always;
    return fp;
  }
  switch (f.type) {
    case PROTOBUF_C_TYPE_INT32:
    case PROTOBUF_C_TYPE_SINT32:
    case PROTOBUF_C_TYPE_SFIXED32:
      fp.type = Type::Int32;
      if (message == "Integer" && fp.key == "ival") fp.when = When::AboveZero;
      break;
    case PROTOBUF_C_TYPE_UINT32:
    case PROTOBUF_C_TYPE_FIXED32:
      fp.type = Type::UInt32;
      break;
    case PROTOBUF_C_TYPE_INT64:
    case PROTOBUF_C_TYPE_SINT64:
    case PROTOBUF_C_TYPE_SFIXED64:
      fp.type = Type::Int64;
      break;
    case PROTOBUF_C_TYPE_BOOL:
      fp.type = Type::Bool;
      if (message == "Boolean" && fp.key == "boolval") fp.when = When::Always;
      break;
    case PROTOBUF_C_TYPE_ENUM:
      fp.type = Type::Enum;
      fp.names = names_of(plans, static_cast<const ProtobufCEnumDescriptor*>(f.descriptor), ok);
      break;
    case PROTOBUF_C_TYPE_STRING:
      fp.type = Type::String;
      break;
    case PROTOBUF_C_TYPE_MESSAGE:
      fp.type = Type::Message;
      fp.descriptor = static_cast<const ProtobufCMessageDescriptor*>(f.descriptor);
      fp.const_value = message == "A_Const" && fp.key == "boolval";
      break;
    case PROTOBUF_C_TYPE_FLOAT:
      fp.size = sizeof(float);
      break;
    case PROTOBUF_C_TYPE_BYTES:
      fp.size = sizeof(ProtobufCBinaryData);
      break;
    default:  // double, uint64, fixed64
      fp.size = sizeof(uint64_t);
      break;
  }
  return fp;
}

std::unique_ptr<MessagePlan> make_plan(Plans& plans, const ProtobufCMessageDescriptor* d) {
  auto made = std::make_unique<MessagePlan>();
  MessagePlan& plan = *made;
  // The message's name in pg_query.proto (the full name without its
  // package: short_name drops the underscores of A_Expr and the like).
  std::string_view name = d->name;
  if (const auto dot = name.rfind('.'); dot != std::string_view::npos) name.remove_prefix(dot + 1);
  plan.descriptor = d;
  plan.name = name;
  plan.rows = key_rows(name);
  // Room for every entry at once, and for every oneof member (the entries
  // point into it); the largest member number, which sizes the groups' tables.
  unsigned oneof_members = 0;
  uint32_t last_member = 0;
  for (unsigned i = 0; i < d->n_fields; ++i)
    if ((d->fields[i].flags & PROTOBUF_C_FIELD_FLAG_ONEOF) != 0U) {
      ++oneof_members;
      last_member = std::max(last_member, d->fields[i].id);
    }
  plan.fields.reserve(d->n_fields);
  plan.members.reserve(oneof_members);
  for (unsigned i = 0; i < d->n_fields; ++i) {
    const ProtobufCFieldDescriptor& f = d->fields[i];
    if ((f.flags & PROTOBUF_C_FIELD_FLAG_ONEOF) == 0U) {
      plan.fields.push_back(field_plan(plans, name, plan.rows, f, plan.ok));
      continue;
    }
    FieldPlan* group = nullptr;
    for (auto& e : plan.fields)
      if (e.type == Type::Oneof && e.quantifier == f.quantifier_offset) group = &e;
    if (group == nullptr) {
      FieldPlan g;
      g.type = Type::Oneof;
      g.quantifier = f.quantifier_offset;
      plan.fields.push_back(std::move(g));
      group = &plan.fields.back();
    }
    if (group->member_fields.empty()) {
      group->member_fields.resize(last_member + 1, 0);
      group->members.resize(last_member + 1, nullptr);
    }
    group->member_fields[f.id] = i + 1;
  }
  return made;
}

// The plan of member `which` of oneof `group` of `plan` (null: none, or one
// this reading declines).
const FieldPlan* member_of(Plans& plans, const MessagePlan& plan, const FieldPlan& group, uint32_t which) {
  if (which >= group.members.size()) return nullptr;
  if (group.members[which] != nullptr) return group.members[which];
  if (group.member_fields[which] == 0) return nullptr;
  bool ok = true;
  FieldPlan member =
      field_plan(plans, plan.name, plan.rows, plan.descriptor->fields[group.member_fields[which] - 1], ok);
  if (!ok) return nullptr;
  plan.members.push_back(std::move(member));
  group.members[which] = &plan.members.back();
  return group.members[which];
}

// The plan of the message a field holds.
const MessagePlan& plan_of(Plans& plans, const FieldPlan& f) {
  if (f.message != nullptr) return *f.message;
  if (f.const_value) {
    if (!plans.const_boolean) {
      plans.const_boolean = make_plan(plans, f.descriptor);
      for (auto& b : plans.const_boolean->fields) b.when = When::NotZero;
    }
    f.message = plans.const_boolean.get();
    return *f.message;
  }
  auto& slot = plans.messages[f.descriptor];
  if (!slot) slot = make_plan(plans, f.descriptor);
  f.message = slot.get();
  return *f.message;
}

thread_local Plans t_plans;

// The plan of the root: a field holding the parse result.
const FieldPlan& root_field() {
  thread_local const FieldPlan root = [] {
    FieldPlan f;
    f.type = Type::Message;
    f.descriptor = &pg_query__parse_result__descriptor;
    return f;
  }();
  return root;
}

using json::Kind;
using json::Slot;

// The value list being written: slots are added without a test for room
// after ensure() made room for them.
class Tape {
 public:
  void clear() { size_ = 0; }
  void ensure(size_t more) {
    if (cap_ - size_ >= more) return;
    const size_t cap = std::max(cap_ * 2, size_ + more + 1024);
    auto grown = std::make_unique<Slot[]>(cap);
    std::copy(data_.get(), data_.get() + size_, grown.get());
    data_ = std::move(grown);
    cap_ = cap;
  }
  Slot& push() { return data_[size_++]; }
  Slot& at(size_t i) { return data_[i]; }
  size_t size() const { return size_; }
  const Slot* data() const { return data_.get(); }
  size_t capacity() const { return cap_; }
  void release() {
    data_.reset();
    cap_ = size_ = 0;
  }

 private:
  std::unique_ptr<Slot[]> data_;
  size_t size_ = 0;
  size_t cap_ = 0;
};

class Writer {
 public:
  explicit Writer(Tape& tape) : tape_(tape) {}

  bool message(const MessagePlan& plan, const ProtobufCMessage* m) {
    if (!plan.ok) return false;
    // Room for this message's own slots: itself, and a key and a value (or
    // an array's opening) per field. A value that holds more makes its own
    // room and then makes this message's again (field()).
    const size_t room = 1 + 2 * plan.fields.size();
    tape_.ensure(room);
    const size_t at = open(Kind::Object);
    uint32_t count = 0;
    const auto* base = reinterpret_cast<const char*>(m);
    for (const FieldPlan& fp : plan.fields) {
      const FieldPlan* f = &fp;
      if (fp.type == Type::Oneof) {
        const uint32_t which = *reinterpret_cast<const uint32_t*>(base + fp.quantifier);
        if (which == 0) continue;
        f = member_of(t_plans, plan, fp, which);
        if (f == nullptr) return false;
      }
      const int written = field(*f, base, room);
      if (written < 0) return false;
      count += static_cast<uint32_t>(written);
    }
    close(at, count);
    return true;
  }

 private:
  // Writes the field's key and value when the JSON output writes it: 1 if
  // written, 0 if not, -1 for a value this reading declines.
  // `room`: what the message being written makes room for, made again
  // after a value that holds a message.
  int field(const FieldPlan& f, const char* base, size_t room) {
    const char* at = base + f.offset;
    switch (f.type) {
      case Type::Int32: {
        const int32_t v = *reinterpret_cast<const int32_t*>(at);
        if (v == 0 || (f.when == When::AboveZero && v < 0)) return 0;
        key(f.key);
        integer(v);
        return 1;
      }
      case Type::UInt32: {
        const uint32_t v = *reinterpret_cast<const uint32_t*>(at);
        if (v == 0) return 0;
        key(f.key);
        integer(v);
        return 1;
      }
      case Type::Int64: {
        const int64_t v = *reinterpret_cast<const int64_t*>(at);
        if (v == 0) return 0;
        key(f.key);
        integer(v);
        return 1;
      }
      case Type::Bool: {
        const bool v = *reinterpret_cast<const protobuf_c_boolean*>(at) != 0;
        if (!v && f.when != When::Always) return 0;
        key(f.key);
        Slot& s = tape_.push();
        s.kind = v ? Kind::True : Kind::False;
        s.count = 0;
        s.integer = 0;
        return 1;
      }
      case Type::Enum: {
        // Every enum is written, by name.
        const int v = *reinterpret_cast<const int*>(at);
        if (v < 0 || static_cast<size_t>(v) >= f.names->size()) return -1;
        key(f.key);
        string((*f.names)[static_cast<size_t>(v)]);
        return 1;
      }
      case Type::String: {
        // A string libpg_query did not set keeps the initializer's.
        const char* s = *reinterpret_cast<const char* const*>(at);
        if (s == nullptr || s == protobuf_c_empty_string) return 0;
        const std::string_view text(s);
        // The JSON text of a string that is not UTF-8 is not read.
        if (!ascii(text) && !json::valid_utf8(text)) return -1;
        key(f.key);
        string(text);
        return 1;
      }
      case Type::Message: {
        const auto* m = *reinterpret_cast<const ProtobufCMessage* const*>(at);
        if (m == nullptr) return 0;
        key(f.key);
        if (!message(plan_of(t_plans, f), m)) return -1;
        tape_.ensure(room);
        return 1;
      }
      case Type::Messages: {
        const size_t n = *reinterpret_cast<const size_t*>(base + f.quantifier);
        if (n == 0 && f.when != When::Always) return 0;
        key(f.key);
        const size_t array = open(Kind::Array);
        const auto* items = *reinterpret_cast<ProtobufCMessage* const* const*>(at);
        const MessagePlan* plan = n != 0 ? &plan_of(t_plans, f) : nullptr;
        for (size_t i = 0; i < n; ++i)
          if (items[i] == nullptr || !message(*plan, items[i])) return -1;
        close(array, static_cast<uint32_t>(n));
        tape_.ensure(room);
        return 1;
      }
      default: {
        // Declined when set.
        for (unsigned i = 0; i < f.size; ++i)
          if (at[i] != 0) return -1;
        return 0;
      }
    }
  }

  // No byte from 0x80 up (eight at a time).
  static bool ascii(std::string_view text) {
    constexpr uint64_t kHigh = 0x8080808080808080;
    const char* p = text.data();
    size_t n = text.size();
    uint64_t bits = 0;
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w = 0;
      std::memcpy(&w, p, 8);
      bits |= w;
    }
    for (; n > 0; ++p, --n) bits |= static_cast<unsigned char>(*p);
    return (bits & kHigh) == 0;
  }

  size_t open(Kind kind) {
    Slot& s = tape_.push();
    s.kind = kind;
    s.count = 0;
    s.inner = 0;
    return tape_.size() - 1;
  }
  void close(size_t at, uint32_t count) {
    Slot& s = tape_.at(at);
    s.count = count;
    s.inner = tape_.size() - at - 1;
  }
  void key(std::string_view k) { string(k); }
  void string(std::string_view text) {
    Slot& s = tape_.push();
    s.kind = Kind::String;
    s.count = static_cast<uint32_t>(text.size());
    s.chars = text.data();
  }
  void integer(int64_t v) {
    Slot& s = tape_.push();
    s.kind = Kind::Integer;
    s.count = 0;
    s.integer = v;
  }

  Tape& tape_;
};

thread_local Tape t_tape;

}  // namespace

void trim_tree_values(size_t keep_bytes) {
  if (t_tape.capacity() * sizeof(json::Slot) > keep_bytes) t_tape.release();
}

bool tree_values(const void* raw_tree, json::Element& root) {
  t_keep = true;
  t_kept = nullptr;
  const PgQueryProtobuf packed = pg_query_nodes_to_protobuf(raw_tree);
  t_keep = false;
  std::free(packed.data);  // NOLINT(cppcoreguidelines-no-malloc): libpg_query's malloc (of 0 bytes)
  if (t_kept == nullptr) return false;
  t_tape.clear();
  Writer w(t_tape);
  if (!w.message(plan_of(t_plans, root_field()), &t_kept->base)) return false;
  root = json::Element(t_tape.data());
  ++g_made;
  return true;
}

}  // namespace ddlint::parser::pg

#endif
