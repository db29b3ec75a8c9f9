#include "engine/linter.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "analysis/annotations.h"
#include "analysis/down_migration.h"
#include "analysis/migration_facts.h"
#include "analysis/suppressions.h"
#include "engine/rule_context.h"

namespace ddlint::engine {

namespace {

#define DDLINT_STMT(Kind) \
  void dispatch(Rule& r, const ir::Kind& n, RuleContext& c) { r.on##Kind(n, c); }
#include "ir/statements.def"
#undef DDLINT_STMT
void dispatch(Rule&, const std::monostate&, RuleContext&) {}

bool covers(const analysis::Suppression& s, const Diagnostic& d) {
  if (s.file_level) return true;
  return d.range.begin >= s.target.begin && d.range.begin <= s.target.end && !s.target.empty();
}

// Marks `d` suppressed when an ignore comment names its rule (or all rules):
// the first of `candidates` (indexes into `sups`, in order) that covers it
// and names it.
void apply(std::vector<analysis::Suppression>& sups, const std::vector<size_t>& candidates, Diagnostic& d,
           const Catalog& catalog) {
  for (const size_t k : candidates) {
    auto& s = sups[k];
    if (!covers(s, d)) continue;
    if (s.all_rules) {
      d.suppressed = true;
      s.used[0] = true;
    } else {
      for (size_t i = 0; i < s.rules.size(); ++i) {
        auto id = catalog.resolve(s.rules[i]);
        if (id && *id == d.rule) {
          d.suppressed = true;
          s.used[i] = true;
        }
      }
    }
    if (d.suppressed) {
      d.suppression_reason = s.reason;
      return;
    }
  }
}

// The ignore comments that may cover a finding at a given offset, found
// without reading every comment for every finding: the file-level ones and
// those whose statement holds the offset (statements sorted by start; the
// largest end so far says how far back a statement holding it can start).
class SuppressionIndex {
 public:
  explicit SuppressionIndex(const std::vector<analysis::Suppression>& sups) : sups_(sups) {
    for (size_t k = 0; k < sups.size(); ++k) {
      if (sups[k].file_level)
        file_level_.push_back(k);
      else if (!sups[k].target.empty())
        by_start_.push_back(k);
    }
    std::stable_sort(by_start_.begin(), by_start_.end(),
                     [&](size_t a, size_t b) { return sups[a].target.begin < sups[b].target.begin; });
    reach_.reserve(by_start_.size());
    uint32_t reach = 0;
    for (const size_t k : by_start_) reach_.push_back(reach = std::max(reach, sups[k].target.end));
  }

  // Every comment that may cover offset `at`, in the order of `sups`.
  const std::vector<size_t>& candidates(uint32_t at) {
    out_ = file_level_;
    auto it = std::upper_bound(by_start_.begin(), by_start_.end(), at,
                               [&](uint32_t x, size_t k) { return x < sups_[k].target.begin; });
    for (size_t p = static_cast<size_t>(it - by_start_.begin()); p-- > 0 && reach_[p] >= at;)
      if (sups_[by_start_[p]].target.end >= at) out_.push_back(by_start_[p]);
    if (out_.size() > 1) std::sort(out_.begin(), out_.end());
    return out_;
  }

  const std::vector<size_t>& file_level() const { return file_level_; }

 private:
  const std::vector<analysis::Suppression>& sups_;
  std::vector<size_t> file_level_;
  std::vector<size_t> by_start_;  // the others with a statement, by its start
  std::vector<uint32_t> reach_;   // the largest end among by_start_[0..p]
  std::vector<size_t> out_;
};

// Whether a rule looks at the statements of down migrations. Relaxed skips
// the rules that are only about data loss, compatibility with deployed code
// or annotations: undoing the up migration is what a down migration is for.
// (Asked for every rule of every file: the names compare as string_views,
// length first, not as C strings measured each time.)
bool runs_on_down(const RuleInfo* info, analysis::DownPolicy policy) {
  using namespace std::string_view_literals;
  if (policy == analysis::DownPolicy::Strict || info == nullptr) return true;
  const auto& cats = info->categories;
  if (policy == analysis::DownPolicy::Skip)
    return std::any_of(cats.begin(), cats.end(),
                       [](const std::string& c) { return std::string_view(c) == "meta"sv; });
  for (const auto& category : cats) {
    const std::string_view c = category;
    if (c != "data-loss"sv && c != "compatibility"sv && c != "annotation"sv && c != "style"sv) return true;
  }
  return cats.empty();
}

// The rules of `registry` that `enabled` names, in registry order, made
// anew, with their catalogue entries. The registry, the map and the
// catalogue (Catalog::find relies on it) are all sorted by id, so each file
// walks them side by side instead of looking every rule up (a run over
// thousands of small files did that about 140 times per file); a registry
// out of order is looked up.
// Moves `it` past the ids before `id` in a sorted sequence; true when it
// then is at `id`. Tried for equality first (lengths first, then bytes):
// the next id is usually the one looked for.
template <typename It, typename Key>
bool advance_to(It& it, It end, std::string_view id, Key key) {
  for (; it != end; ++it) {
    const std::string_view k = key(*it);
    if (k == id) return true;
    if (k > id) return false;
  }
  return false;
}

}  // namespace

// table_stats: what the file says of the tables each statement works on,
// worked out as the statements come (their facts are not kept for it).
// Statements whose verdict changes no finding (no table known, not all of
// them small) keep only their range.
class TableSizes {
 public:
  static constexpr uint32_t kNoVerdict = UINT32_MAX;
  void add(const ir::Statement& st, const analysis::StatementFacts& f, const analysis::SizePolicy& policy) {
    const auto v = analysis::size_verdict(st, f.effect, f.sizes(), f.written_size(), policy);
    uint32_t at = kNoVerdict;
    if (v.safe || v.table != nullptr) {
      at = static_cast<uint32_t>(verdicts_.size());
      verdicts_.push_back(v);
    }
    statements_.push_back({st.range, at});
  }

  // A size-dependent finding (its rule's page says `size_dependent = true`)
  // on a table of at least large_table_rows rows is raised one level and
  // says the size and the estimated duration; one whose tables all have
  // fewer than safe_below_rows rows is suppressed. A finding on a table the
  // file does not know is left as it is. A finding belongs to the statement
  // that starts last at or before it, when it lies within that statement.
  void apply(std::vector<Diagnostic>& out, const analysis::SizePolicy& policy, const Catalog& catalog) const {
    std::vector<size_t> order(statements_.size());  // statements by start
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return statements_[a].range.begin < statements_[b].range.begin; });
    for (auto& d : out) {
      const RuleInfo* info = catalog.find(d.rule);
      if (info == nullptr || !info->size_dependent) continue;
      auto it = std::upper_bound(order.begin(), order.end(), d.range.begin,
                                 [&](uint32_t at, size_t i) { return at < statements_[i].range.begin; });
      if (it == order.begin()) continue;
      const Sized& st = statements_[*std::prev(it)];
      if (d.range.begin > st.range.end || st.verdict == kNoVerdict) continue;
      const analysis::SizeVerdict& v = verdicts_[st.verdict];
      if (v.safe && !d.suppressed) {
        d.suppressed = true;
        d.suppression_reason = "table_stats: fewer than " + analysis::thousands(policy.safe_below_rows) +
                               " rows (safe_below_rows)";
        continue;
      }
      if (v.table == nullptr) continue;
      d.message += "; " + v.describe();
      if (v.large && d.severity != Severity::Error)
        d.severity = static_cast<Severity>(static_cast<int>(d.severity) + 1);
    }
  }

 private:
  struct Sized {
    TextRange range;
    uint32_t verdict;  // index into verdicts_, or kNoVerdict
  };
  std::vector<Sized> statements_;  // the statements not recovered from syntax errors, in file order
  std::vector<analysis::SizeVerdict> verdicts_;
};

void sort_findings(std::vector<Diagnostic>& findings) {
  const auto before = [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.begin != b.range.begin) return a.range.begin < b.range.begin;
    return a.rule < b.rule;
  };
  if (std::is_sorted(findings.begin(), findings.end(), before)) return;
  std::vector<uint32_t> order(findings.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return before(findings[a], findings[b]); });
  std::vector<Diagnostic> sorted;
  sorted.reserve(findings.size());
  for (const uint32_t k : order) sorted.push_back(std::move(findings[k]));
  findings = std::move(sorted);
}

RuleSelection select_rules(const std::vector<RuleEntry>& registry,
                           const std::map<std::string, Severity>& enabled, const Catalog& catalog) {
  RuleSelection out;
  const auto& known = catalog.rules();
  out.entries.reserve(std::min(registry.size(), enabled.size()));
  out.infos.reserve(std::min(registry.size(), enabled.size()));
  out.severities.reserve(std::min(registry.size(), enabled.size()));
  const bool sorted = std::is_sorted(registry.begin(), registry.end(),
                                     [](const RuleEntry& a, const RuleEntry& b) { return a.id < b.id; });
  auto e = enabled.begin();
  auto k = known.begin();
  for (size_t i = 0; i < registry.size(); ++i) {
    const RuleEntry& entry = registry[i];
    const RuleInfo* info = nullptr;
    Severity severity = Severity::Warning;
    if (sorted) {
      if (!advance_to(e, enabled.end(), entry.id,
                      [](const auto& kv) -> std::string_view { return kv.first; }))
        continue;
      severity = e->second;
      if (advance_to(k, known.end(), entry.id, [](const RuleInfo& r) -> std::string_view { return r.id; }))
        info = &*k;
    } else {
      const auto it = enabled.find(std::string(entry.id));
      if (it == enabled.end()) continue;
      severity = it->second;
      info = catalog.find(entry.id);
    }
    out.entries.push_back(i);
    out.infos.push_back(info);
    out.severities.push_back(severity);
    out.hooks.push_back(entry.hooks);
    out.observed.push_back(entry.hooks & hook::Statement ? entry.observed : 0);
    out.active.push_back({entry.id, severity});
  }
  for (size_t n = 0; n < out.by_node.size(); ++n)
    for (size_t r = 0; r < out.hooks.size(); ++r) {
      if ((out.hooks[r] >> n) & 1) out.by_node[n].push_back(static_cast<uint32_t>(r));
      if ((out.observed[r] >> n) & 1) out.observing[n].push_back(static_cast<uint32_t>(r));
    }
  for (size_t r = 0; r < out.hooks.size(); ++r) {
    const auto k = static_cast<uint32_t>(r);
    if (out.hooks[r] & (hook::FileStart | hook::SyntaxError | hook::SkippedInput)) out.at_start.push_back(k);
    if (out.hooks[r] & hook::FileEnd) out.at_end.push_back(k);
    if (out.hooks[r] & hook::SuppressionsApplied) out.after_suppressions.push_back(k);
  }
  for (const auto policy :
       {analysis::DownPolicy::Relaxed, analysis::DownPolicy::Strict, analysis::DownPolicy::Skip}) {
    auto& on = out.on_down[static_cast<size_t>(policy)];
    for (const RuleInfo* info : out.infos) on.push_back(runs_on_down(info, policy) ? 1 : 0);
  }
  return out;
}

void FileOutline::add(const ir::Statement& st) {
  const size_t i = size++;
  present |= HookSet{1} << st.node.index();
  counts.count(st);
  mentions.add(st);
  if (st.recovered) return;  // counted with its syntax error
  ++statements;
  if (st.kind() == ir::StmtKind::Opaque) ++opaque;
  last_any = i;
  if (!plan_->sections[plan_->section_at(st.range.begin)].down) last_up = i;
  called |= HookSet{1} << st.node.index();
  keep(st.range);
}

void FileOutline::keep(TextRange range) {
  if (targets_)
    ranges.push_back(range);
  else if (ranges.empty())
    ranges.assign(1, range);
  else if (range.begin < ranges.front().begin)
    ranges.front() = range;
}

void FileOutline::finish(const std::vector<ir::ParseError>& errors) {
  for (const auto& e : errors) keep(e.statement);
  std::sort(ranges.begin(), ranges.end(),
            [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
}

FileLinter::FileLinter(const std::shared_ptr<const SourceFile>& source, const ir::ParsedFile& parsed,
                       const FileOutline& outline, std::span<const ir::Statement> statements,
                       const analysis::Settings& settings, const std::map<std::string, Severity>& enabled,
                       const std::vector<RuleEntry>& registry, const Catalog& catalog, FileContext context,
                       const analysis::RunnerPlan& plan)
    : settings_(settings), catalog_(catalog), outline_(outline) {
  FileResult& result = result_;
  result.path = source->path();
  result.source = source;
  result.stats.syntax_errors = parsed.errors.size();
  result.stats.statements = parsed.errors.size() + outline.statements;
  result.stats.skipped = parsed.skipped.size();
  result.stats.opaque = outline.opaque;
  result.stats.runner = plan.runner;
  result.stats.runner_from = plan.detected ? plan.evidence : std::string_view("configured");
  if (plan.not_a_migration) {
    result.stats.not_a_migration = true;
    return;
  }
  // The facts of each statement are worked out just before the rules visit
  // it, from what the statements before it left.
  facts_.emplace(analysis::MigrationFacts::ByStatement::kYes, outline.counts, settings, plan, context.earlier,
                 std::move(context.history), context.functions, &outline.mentions);

  std::vector<std::pair<TextRange, std::string_view>> comments;
  comments.reserve(parsed.comments.size());
  for (const auto& c : parsed.comments) comments.emplace_back(c, source->slice(c));

  const std::vector<TextRange>& statement_ranges = outline.ranges;
  uint32_t first_statement = static_cast<uint32_t>(source->text().size());
  if (!statement_ranges.empty()) first_statement = statement_ranges.front().begin;

  annotations_.emplace(analysis::parse_annotations(comments, first_statement));
  suppressions_ = analysis::parse_suppressions(comments, statement_ranges, source->text());

  std::vector<Diagnostic>& out = result.diagnostics;
  // Room for a few findings from the start (the PostgreSQL corpus has 6.3
  // per file): each growth of the vector moves every finding in it.
  out.reserve(8);
  down_.emplace(analysis::down_migration(statements, plan, source->path(), context.paired_down,
                                         context.unreadable_down,
                                         !settings.runner_layout.split_version.empty(), context.down_path));
  RuleContext& ctx = ctx_.emplace(*source, parsed, settings, *facts_, *annotations_, catalog, out);
  ctx.set_down_migration(&*down_);
  ctx.set_enabled(&enabled);
  static const RuleOptions kNoOptions;
  ctx.set_options(context.options != nullptr ? context.options : &kNoOptions);

  const RuleSelection* selection = context.selection;
  if (selection == nullptr) selection = &own_selection_.emplace(select_rules(registry, enabled, catalog));
  selection_ = selection;
  const std::vector<RuleContext::ActiveRule>& active = selection->active;
  on_down_ = &selection->on_down.at(static_cast<size_t>(settings.down));
  const std::vector<HookSet>& hooks = selection->hooks;

  // Each statement is visited by every rule before the next statement (what
  // the rules work out per statement, such as its facts, is done once);
  // each rule still sees its hooks in the same order as if it ran alone:
  // start, syntax errors, skipped input, its statements, end. The statement
  // index a rule's start and end hooks see is the one they saw when the
  // rules ran one after another: the last statement the rules before it
  // visited (0 when none did).
  // The hooks the file calls: the file hooks, and those of the kinds of
  // statement it has.
  const HookSet called = outline.called | hook::FileStart | hook::SyntaxError | hook::SkippedInput |
                         hook::FileEnd | hook::SuppressionsApplied;
  // The rules, made anew for the file: those with a hook the file calls (a
  // rule none of whose hooks is called does nothing; most files have a few
  // kinds of statement). Each one's id and severity are the selection's.
  // A rule whose end hook reports only what its hooks for statements
  // gathered is made for a file with such a statement.
  rules_.resize(selection->entries.size());
  for (size_t r = 0; r < rules_.size(); ++r) {
    const HookSet h = hooks[r] & hook::EndAfterStatements ? hooks[r] & ~hook::FileEnd : hooks[r];
    if ((h & called) || (selection->observed[r] & outline.present))
      rules_[r] = registry[selection->entries[r]].make();
  }
  // Only the hooks a rule declares are called (Rule's own do nothing).
  for (const uint32_t r : selection->at_start) {
    Rule* rule = rules_[r].get();
    ctx.set_rule(&active[r]);
    ctx.set_statement(start_at(r));
    if (hooks[r] & hook::FileStart) rule->onFileStart(ctx);
    if (hooks[r] & hook::SyntaxError)
      for (const auto& e : parsed.errors) rule->onSyntaxError(e, ctx);
    if (hooks[r] & hook::SkippedInput)
      for (const auto& s : parsed.skipped) rule->onSkippedInput(s, ctx);
  }
  if (settings.sizes.stats) sizes_ = std::make_unique<TableSizes>();
}

FileLinter::~FileLinter() = default;

void FileLinter::visit(const std::vector<ir::Statement>& group, size_t first) {
  if (!facts_) return;
  analysis::MigrationFacts& facts = *facts_;
  RuleContext& ctx = *ctx_;
  const RuleSelection& selection = *selection_;
  const std::vector<RuleContext::ActiveRule>& active = selection.active;
  const std::vector<char>& on_down = *on_down_;
  facts.window(group, first);
  for (size_t k = 0; k < group.size(); ++k) {
    const size_t i = first + k;
    const ir::Statement& st = group[k];
    facts.add(i, st);
    if (sizes_ && !st.recovered) sizes_->add(st, facts.at(i), settings_.sizes);
    // The rules with a hook for the statement's kind, in order, and those
    // that observe its kind.
    const std::vector<uint32_t>& to_call = selection.by_node[st.node.index()];
    const std::vector<uint32_t>& observers = selection.observing[st.node.index()];
    const bool kind_hooks = !st.recovered && !to_call.empty();
    if (!kind_hooks && observers.empty()) continue;
    ctx.set_statement(i, st);
    if (kind_hooks) {
      const bool down = facts.at(i).down;
      // The statement's kind is looked up once, not once per rule.
      ir::visit(
          [&](const auto& n) {
            for (const uint32_t r : to_call) {
              if (down && on_down[r] == 0) continue;
              ctx.set_rule(&active[r]);
              dispatch(*rules_[r], n, ctx);
            }
          },
          st.node);
    }
    for (const uint32_t r : observers) {
      ctx.set_rule(&active[r]);
      rules_[r]->onStatement(st, ctx);
    }
  }
}

void FileLinter::leave() {
  if (facts_) facts_->leave_window();
}

FileResult FileLinter::finish() {
  if (!facts_) return std::move(result_);
  analysis::MigrationFacts& facts = *facts_;
  RuleContext& ctx = *ctx_;
  const RuleSelection& selection = *selection_;
  const std::vector<RuleContext::ActiveRule>& active = selection.active;
  std::vector<Diagnostic>& out = result_.diagnostics;
  facts.finish();
  for (const uint32_t r : selection.at_end) {
    if (!rules_[r]) continue;  // an end hook after statements the file does not have
    const size_t last = last_of(r);
    ctx.set_rule(&active[r]);
    ctx.set_statement(last != none ? last : start_at(r));
    rules_[r]->onFileEnd(ctx);
  }
  if (!rules_.empty()) {  // where the last rule's end hook is (as if each rule ran alone)
    const size_t last = last_of(rules_.size() - 1);
    ctx.set_statement(last != none ? last : start_at(rules_.size() - 1));
  }

  std::vector<analysis::Suppression>& suppressions = suppressions_;
  SuppressionIndex by_offset(suppressions);
  for (auto& d : out) apply(suppressions, by_offset.candidates(d.range.begin), d, catalog_);

  const size_t before = out.size();
  ctx.set_suppressions(&suppressions);
  for (const uint32_t r : selection.after_suppressions) {
    ctx.set_rule(&active[r]);
    rules_[r]->onSuppressionsApplied(ctx);
  }
  // Findings about ignore comments honour only file-level ignores.
  for (size_t i = before; i < out.size(); ++i)
    for (const size_t f : by_offset.file_level()) {
      const auto& s = suppressions[f];
      for (size_t k = 0; k < s.rules.size(); ++k)
        if (catalog_.resolve(s.rules[k]) == out[i].rule) {
          out[i].suppressed = true;
          out[i].suppression_reason = s.reason;
        }
    }

  // Each finding has its rule's severity (RuleContext::report gives it).
  for (auto& d : out) {
    if (d.escalated && d.severity != Severity::Error)
      d.severity = static_cast<Severity>(static_cast<int>(d.severity) + 1);
  }
  if (sizes_) sizes_->apply(out, settings_.sizes, catalog_);
  sort_findings(out);
  return std::move(result_);
}

FileResult lint_file(const std::shared_ptr<const SourceFile>& source, const ir::ParsedFile& parsed,
                     const analysis::Settings& settings, const std::map<std::string, Severity>& enabled,
                     const std::vector<RuleEntry>& registry, const Catalog& catalog, FileContext context,
                     const analysis::RunnerPlan* runner_plan) {
  std::optional<analysis::RunnerPlan> own_plan;
  if (runner_plan == nullptr)
    runner_plan = &own_plan.emplace(analysis::plan_runner(source->path(), source->text(), parsed.comments,
                                                          settings.runner, settings.runner_layout));
  FileOutline outline(settings, *runner_plan, analysis::may_suppress(parsed.comments, source->text()));
  for (const auto& st : parsed.statements) outline.add(st);
  outline.finish(parsed.errors);
  FileLinter lint(source, parsed, outline, parsed.statements, settings, enabled, registry, catalog,
                  std::move(context), *runner_plan);
  lint.visit(parsed.statements, 0);
  return lint.finish();
}

}  // namespace ddlint::engine
