#pragma once
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <variant>
#include <vector>

#include "ir/ir.h"
#include "ir/parsed_file.h"

namespace ddlint::engine {

class RuleContext;

// Base class of every rule. A rule overrides the hooks for the statement
// kinds it cares about; the engine calls them in source order, then
// onFileEnd. Rules only look and report: no I/O, no config, no suppression.
class Rule {
 public:
  virtual ~Rule() = default;
  // Every enabled rule is made anew for each file and gone with it: their
  // memory is kept on a list per thread and size for the next file's rules,
  // so they cost no call to the general allocator once a thread has linted
  // a file (a run over thousands of small files made sixty per file).
  static void* operator new(std::size_t size);
  static void operator delete(void* p, std::size_t size) noexcept;
#define DDLINT_STMT(Kind) \
  virtual void on##Kind(const ir::Kind&, RuleContext&) {}
#include "ir/statements.def"
#undef DDLINT_STMT
  virtual void onFileStart(RuleContext&) {}
  virtual void onSyntaxError(const ir::ParseError&, RuleContext&) {}
  virtual void onSkippedInput(const ir::SkippedInput&, RuleContext&) {}
  virtual void onFileEnd(RuleContext&) {}
  // Called after inline suppressions were applied (for unused-ignore).
  virtual void onSuppressionsApplied(RuleContext&) {}
  // Called for every statement of the file in order, up or down (whatever
  // the rule's down policy), recovered from a syntax error or not
  // (`st.recovered` says), after the rule's hook for its kind: of every kind,
  // or of the kinds the rule's class names in a `static constexpr HookSet
  // kObserved` (hook::statement bits; see observed_of). For a rule that keeps
  // a summary of what came before (the statement-group design in
  // docs/ARCHITECTURE.md) instead of reading earlier statements. The
  // statement index the file hooks see does not count these calls.
  virtual void onStatement(const ir::Statement&, RuleContext&) {}
};

using RuleFactory = std::unique_ptr<Rule> (*)();

// A set of Rule's hooks, one bit each: a statement kind's hook at the
// kind's index in ir::StatementNode (that is, 1 + its StmtKind; index 0,
// no statement, has none), then the file hooks.
using HookSet = std::uint32_t;
namespace hook {
inline constexpr unsigned kFileBits = std::variant_size_v<ir::StatementNode>;
inline constexpr HookSet FileStart = HookSet{1} << kFileBits;
inline constexpr HookSet SyntaxError = HookSet{1} << (kFileBits + 1);
inline constexpr HookSet SkippedInput = HookSet{1} << (kFileBits + 2);
inline constexpr HookSet FileEnd = HookSet{1} << (kFileBits + 3);
inline constexpr HookSet SuppressionsApplied = HookSet{1} << (kFileBits + 4);
inline constexpr HookSet Statement = HookSet{1} << (kFileBits + 5);
inline constexpr HookSet All = (HookSet{1} << (kFileBits + 6)) - 1;
// Not a hook: the rule's onFileEnd reports only what its hooks for
// statements gathered (its class says kEndAfterStatements), so the rule is
// made only for a file with a statement it hooks or observes.
inline constexpr HookSet EndAfterStatements = HookSet{1} << (kFileBits + 6);
static_assert(kFileBits + 7 <= 32, "a HookSet has a bit for each hook");
constexpr HookSet statement(ir::StmtKind kind) { return HookSet{1} << (1 + static_cast<unsigned>(kind)); }
}  // namespace hook

// Whether `&T::name` names Rule's own hook (of type M): T leaves it as it
// is. A hook T (or a class between T and Rule) declares again, whether it
// overrides it, hides it behind one of its own or puts it out of reach
// (private), does not: the engine calls it.
#define DDLINT_INHERITS_HOOK(T, name, M) \
  (requires {                            \
    { &T::name } -> std::same_as<M>;     \
  })

// The hooks of rule class T that the engine calls: those it declares.
// Worked out at compile time, from T's declarations only; the others are
// Rule's, which do nothing, so calling only these changes nothing.
template <class T>
constexpr HookSet hooks_of() {
  HookSet out = 0;
#define DDLINT_STMT(Kind)                                                                         \
  if constexpr (!DDLINT_INHERITS_HOOK(T, on##Kind, void(Rule::*)(const ir::Kind&, RuleContext&))) \
    out |= hook::statement(ir::StmtKind::Kind);
#include "ir/statements.def"
#undef DDLINT_STMT
  if constexpr (!DDLINT_INHERITS_HOOK(T, onFileStart, void(Rule::*)(RuleContext&))) out |= hook::FileStart;
  if constexpr (!DDLINT_INHERITS_HOOK(T, onSyntaxError, void(Rule::*)(const ir::ParseError&, RuleContext&)))
    out |= hook::SyntaxError;
  if constexpr (!DDLINT_INHERITS_HOOK(T, onSkippedInput,
                                      void(Rule::*)(const ir::SkippedInput&, RuleContext&)))
    out |= hook::SkippedInput;
  if constexpr (!DDLINT_INHERITS_HOOK(T, onFileEnd, void(Rule::*)(RuleContext&))) {
    out |= hook::FileEnd;
    if constexpr (requires { T::kEndAfterStatements; })
      if (T::kEndAfterStatements) out |= hook::EndAfterStatements;
  }
  if constexpr (!DDLINT_INHERITS_HOOK(T, onSuppressionsApplied, void(Rule::*)(RuleContext&)))
    out |= hook::SuppressionsApplied;
  if constexpr (!DDLINT_INHERITS_HOOK(T, onStatement, void(Rule::*)(const ir::Statement&, RuleContext&)))
    out |= hook::Statement;
  return out;
}

// The statement kinds (hook::statement bits) whose statements rule class T's
// onStatement is called for: none without the hook, T::kObserved when T
// names them, else every kind.
template <class T>
constexpr HookSet observed_of() {
  if constexpr (DDLINT_INHERITS_HOOK(T, onStatement, void(Rule::*)(const ir::Statement&, RuleContext&)))
    return 0;
  else if constexpr (requires { T::kObserved; })
    return T::kObserved;
  else
    return (HookSet{1} << hook::kFileBits) - 2;  // every kind's bit (bit 0 is no statement's)
}
#undef DDLINT_INHERITS_HOOK

struct RuleEntry {
  std::string_view id;
  RuleFactory make;
  // The hooks the engine calls (hooks_of the rule's class); all of them
  // when the entry does not say.
  HookSet hooks = hook::All;
  // The statement kinds onStatement is called for (observed_of the rule's
  // class); every kind when the entry does not say.
  HookSet observed = (HookSet{1} << hook::kFileBits) - 2;
};

}  // namespace ddlint::engine
