// The rule list, rules.d pages, rule sources and testdata folders agree.
#include "rules/registry.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "engine/catalog.h"
#include "engine/front_matter.h"
#include "engine/linter.h"
#include "engine/rule_context.h"
#include "parser/parser.h"
#include "support/harness.h"

namespace fs = std::filesystem;
using namespace ddlint;

namespace {
bool kebab(const std::string& s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}
std::string snake(std::string s) {
  std::replace(s.begin(), s.end(), '-', '_');
  return s;
}

// Rule classes for hooks_of: what each declares is what it is said to hook.
struct NoHooks : engine::Rule {};
struct PublicDrop : engine::Rule {
  void onDrop(const ir::Drop&, engine::RuleContext&) override {}
  void onFileEnd(engine::RuleContext&) override {}
};
class PrivateDrop final : public engine::Rule {
  void onDrop(const ir::Drop&, engine::RuleContext&) override {}
  void onSuppressionsApplied(engine::RuleContext&) override {}
};
struct FromBase final : PublicDrop {  // its base's hooks are its own
  void onCreateTable(const ir::CreateTable&, engine::RuleContext&) override {}
};
// Hiding the hook is the point of this class: clang's -Woverloaded-virtual
// (an error in the -Werror builds) says so too.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverloaded-virtual"
struct Hides final : engine::Rule {  // a hook's name given to another function: called, when in doubt
  void onInsert(int) {}
};
#pragma GCC diagnostic pop

// Records the statement index its file hooks see.
struct Recording final : engine::Rule {
  static inline std::vector<std::string> seen;
  void onFileStart(engine::RuleContext& ctx) override {
    seen.push_back("start " + std::to_string(ctx.statement_index()));
  }
  void onFileEnd(engine::RuleContext& ctx) override {
    seen.push_back("end " + std::to_string(ctx.statement_index()));
  }
};

// Records its Drop hook and onStatement calls: index, and what the
// statement is (recovered, down).
struct Watching final : engine::Rule {
  static inline std::vector<std::string> seen;
  void onDrop(const ir::Drop&, engine::RuleContext& ctx) override {
    seen.push_back("drop " + std::to_string(ctx.statement_index()));
  }
  void onStatement(const ir::Statement& st, engine::RuleContext& ctx) override {
    CHECK(&st == &ctx.statement());
    seen.push_back("statement " + std::to_string(ctx.statement_index()) + (st.recovered ? " recovered" : "") +
                   (ctx.here().down ? " down" : ""));
  }
  void onFileEnd(engine::RuleContext& ctx) override {
    seen.push_back("end " + std::to_string(ctx.statement_index()));
  }
};

struct ObservingDrops final : engine::Rule {
  static constexpr engine::HookSet kObserved = engine::hook::statement(ir::StmtKind::Drop);
  void onStatement(const ir::Statement&, engine::RuleContext&) override {}
};

// An end hook that reports what the Drop hook gathered, with and without
// saying so (kEndAfterStatements): counts the rules made and the end hooks
// called.
template <bool kAfter>
struct EndAfterDrops final : engine::Rule {
  static constexpr bool kEndAfterStatements = kAfter;
  static inline int made = 0, ends = 0;
  EndAfterDrops() { ++made; }
  void onDrop(const ir::Drop&, engine::RuleContext&) override {}
  void onFileEnd(engine::RuleContext&) override { ++ends; }
};

// Counts the hooks the engine calls on it.
struct Counting final : engine::Rule {
  static inline int made = 0, drops = 0, creates = 0, ends = 0;
  Counting() { ++made; }
  void onDrop(const ir::Drop&, engine::RuleContext&) override { ++drops; }
  void onCreateTable(const ir::CreateTable&, engine::RuleContext&) override { ++creates; }
  void onFileEnd(engine::RuleContext&) override { ++ends; }
};
}  // namespace

TEST_SUITE("registry") {
  TEST_CASE("every page's front matter reads the same through the fast reader and the TOML parser") {
    // The catalog reads the pages at every start through the fast reader;
    // a page outside its subset would silently cost a full TOML parse.
    const auto& pages = engine::embedded_rule_pages();
    REQUIRE(pages.size() > 50);
    for (const auto& page : pages) {
      CAPTURE(page.name);
      const std::string_view text = page.text;
      const auto end = text.find("\n+++", 3);
      REQUIRE(end != std::string_view::npos);
      const auto front = text.substr(3, end - 3);
      const auto simple = engine::read_simple_front_matter(front);
      REQUIRE(simple.has_value());
      CHECK(*simple == engine::read_toml_front_matter(front));
    }
  }

  TEST_CASE("the fast front-matter reader leaves other TOML to the TOML parser, which reads it the same") {
    const std::string cases[] = {
        "id = \"a\"\nsummary = \"\\u00e9t\\u00e9\"\n",              // \u escapes
        "id = \"a\"\naliases = [\n  \"b\",\n]\n",                   // multi-line array
        "id = \"a\"\noptions = [{ name = \"n\", default = 5 }]\n",  // a number
        "id = \"\"\"a\"\"\"\n",                                     // multi-line string
        "[table]\nid = \"a\"\n",                                    // a table header
    };
    for (const auto& c : cases) {
      CAPTURE(c);
      CHECK_FALSE(engine::read_simple_front_matter(c).has_value());
      CHECK_NOTHROW(engine::read_toml_front_matter(c));
    }
    const std::string same[] = {
        "id = 'lit\\eral' # comment\n\n# a comment line\ndefault_enabled = false\naliases = []\n",
        "options = [{ name = \"n\", type = \"int\" }, { name = \"m\" }]\ncategories = [\"a\", \"b\",]\n",
        "summary = \"quote \\\" and tab \\t\"\r\nid = \"x\"\r\n",
    };
    for (const auto& c : same) {
      CAPTURE(c);
      const auto simple = engine::read_simple_front_matter(c);
      REQUIRE(simple.has_value());
      CHECK(*simple == engine::read_toml_front_matter(c));
    }
    CHECK_THROWS_AS(engine::read_toml_front_matter("id = \"unterminated\n"), std::runtime_error);
    CHECK_FALSE(engine::read_simple_front_matter("id = \"unterminated\n").has_value());
  }

  TEST_CASE("a rule's memory is reused by the next rule of its size on the thread, never while it is alive") {
    const auto& entries = rules::registry();
    REQUIRE(entries.size() >= 2);
    std::vector<std::unique_ptr<engine::Rule>> first;
    std::vector<const void*> where;
    for (const auto& e : entries) {
      first.push_back(e.make());
      where.push_back(first.back().get());
    }
    // All alive at once: all distinct.
    std::set<const void*> distinct(where.begin(), where.end());
    CHECK(distinct.size() == entries.size());
    // Gone, then made again in the same order: each lands where a rule of its size was.
    std::set<const void*> freed(where.begin(), where.end());
    first.clear();
    for (const auto& e : entries) {
      const auto again = e.make();
      CHECK(freed.count(again.get()) == 1);
    }
    // A rule made while the first is alive never shares its memory.
    auto a = entries[0].make();
    auto b = entries[0].make();
    CHECK(a.get() != b.get());
    const void* at = a.get();
    a.reset();
    auto c = entries[0].make();
    CHECK(c.get() == at);
  }

  TEST_CASE("rule list is sorted, unique and kebab-case") {
    const auto& reg = rules::registry();
    REQUIRE(!reg.empty());
    for (size_t i = 0; i < reg.size(); ++i) {
      CAPTURE(reg[i].id);
      CHECK(kebab(std::string(reg[i].id)));
      if (i > 0) CHECK_MESSAGE(reg[i - 1].id < reg[i].id, "rule_list.inc must be sorted and unique");
    }
  }

  TEST_CASE("every rule has its source, page and testdata, and nothing else exists") {
    const fs::path root = test::source_dir();
    const auto& catalog = engine::Catalog::instance();
    std::set<std::string> ids;
    for (const auto& e : rules::registry()) {
      const std::string id(e.id);
      ids.insert(id);
      const bool source = fs::exists(root / "src" / "rules" / (snake(id) + ".cpp"));
      const bool page = fs::exists(root / "rules.d" / (id + ".md"));
      const bool cases = fs::is_directory(root / "testdata" / "rules" / id);
      CHECK_MESSAGE(source, "missing src/rules/" << snake(id) << ".cpp");
      CHECK_MESSAGE(page, "missing rules.d/" << id << ".md");
      CHECK_MESSAGE(cases, "missing testdata/rules/" << id << "/");
      CHECK_MESSAGE(catalog.find(id) != nullptr, "no catalogue entry for " << id);
    }
    for (const auto& p : fs::directory_iterator(root / "rules.d")) {
      const auto id = p.path().stem().string();
      CHECK_MESSAGE(ids.count(id), "rules.d page without a rule: " << id);
    }
    for (const auto& p : fs::directory_iterator(root / "testdata" / "rules")) {
      const auto id = p.path().filename().string();
      if (id == "README.md" && p.is_regular_file()) continue;  // the case-file format
      CHECK_MESSAGE(ids.count(id), "testdata folder without a rule: " << id);
    }
    for (const auto& p : fs::directory_iterator(root / "src" / "rules")) {
      if (p.path().extension() != ".cpp" || p.path().stem() == "registry") continue;
      std::string id = p.path().stem().string();
      std::replace(id.begin(), id.end(), '_', '-');
      CHECK_MESSAGE(ids.count(id), "rule source not in rule_list.inc: " << p.path().filename().string());
    }
  }

  TEST_CASE("no rule keeps scripts/new-rule's TODO(new-rule) placeholders") {
    // scripts/new-rule scaffolds a rule whose every placeholder is marked; a
    // rule lands only once its author has replaced them all.
    const fs::path root = test::source_dir();
    const std::string marker = "TODO(new-rule)";
    for (const auto& e : rules::registry()) {
      const std::string id(e.id);
      std::vector<fs::path> files = {root / "src" / "rules" / (snake(id) + ".cpp"),
                                     root / "rules.d" / (id + ".md")};
      if (fs::is_directory(root / "testdata" / "rules" / id))
        for (const auto& p : fs::directory_iterator(root / "testdata" / "rules" / id))
          files.push_back(p.path());
      for (const auto& f : files) {
        if (!fs::is_regular_file(f)) continue;
        CHECK_MESSAGE(test::read(f).find(marker) == std::string::npos,
                      fs::relative(f, root).string()
                          << " still has " << marker << " placeholders from scripts/new-rule: fill them in");
      }
    }
    const std::string readme = test::read(root / "README.md");
    CHECK_MESSAGE(
        readme.find("| " + marker) == std::string::npos,
        "README.md still has a " << marker << " row from scripts/new-rule: write the rule's summary");
  }

  TEST_CASE("README lists every rule") {
    const std::string readme = test::read(test::source_dir() / "README.md");
    for (const auto& e : rules::registry()) {
      const std::string cell = "| `" + std::string(e.id) + "` |";
      CHECK_MESSAGE(readme.find(cell) != std::string::npos, "README.md rules table lacks " << e.id);
    }
  }

  TEST_CASE("aliases resolve and never shadow a rule id") {
    const auto& catalog = engine::Catalog::instance();
    for (const auto& r : catalog.rules())
      for (const auto& a : r.aliases) {
        CAPTURE(a);
        CHECK(catalog.find(a) == nullptr);
        CHECK(catalog.resolve(a) == r.id);
      }
    CHECK(catalog.resolve("ban-drop-column") == std::optional<std::string>("drop-column"));
    // The index written out at build time is the one the rules give.
    const engine::Catalog rebuilt(catalog.rules(), {});
    REQUIRE(rebuilt.names().size() == catalog.names().size());
    for (size_t i = 0; i < catalog.names().size(); ++i) {
      CHECK(rebuilt.names()[i].rule == catalog.names()[i].rule);
      CHECK(rebuilt.names()[i].alias == catalog.names()[i].alias);
    }
    CHECK(catalog.resolve("require-concurrent-index-creation") ==
          std::optional<std::string>("create-index-non-concurrently"));
  }

  TEST_CASE("an alias two rules claim stays with the first, an id is never taken, errors in page order") {
    auto page = [](const char* id, const char* aliases) {
      return "+++\nid = \"" + std::string(id) + "\"\nsummary = \"s\"\ndefault_severity = \"warning\"\n" +
             "dialects = [\"postgres\"]\ncategories = [\"locking\"]\nfix = \"none\"\nsince = \"0.1.0\"\n" +
             "aliases = [" + aliases + "]\n+++\n\n## What it does\nx\n";
    };
    const std::string a = page("rule-a", "\"x\", \"rule-b\", \"x\", \"rule-a\"");
    const std::string b = page("rule-b", "\"y\", \"x\"");
    const std::string c = page("rule-c", "\"y\", \"z\", \"x\"");
    const std::vector<engine::EmbeddedPage> pages = {
        {"rule-c.md", c.c_str()}, {"rule-a.md", a.c_str()}, {"rule-b.md", b.c_str()}};
    const engine::Catalog catalog(pages);
    CHECK(catalog.resolve("rule-a") == std::optional<std::string>("rule-a"));
    CHECK(catalog.resolve("rule-b") == std::optional<std::string>("rule-b"));
    CHECK(catalog.resolve("x") == std::optional<std::string>("rule-a"));
    CHECK(catalog.resolve("y") == std::optional<std::string>("rule-b"));
    CHECK(catalog.resolve("z") == std::optional<std::string>("rule-c"));
    CHECK(catalog.resolve("w") == std::nullopt);
    CHECK(catalog.resolve("") == std::nullopt);
    // Rules are in id order; a's own repeated alias and its own id are no conflict.
    CHECK(catalog.errors() == std::vector<std::string>{"alias `rule-b` is claimed by two rules",
                                                       "alias `x` is claimed by two rules",
                                                       "alias `y` is claimed by two rules",
                                                       "alias `x` is claimed by two rules"});
    // A copy resolves the same.
    // NOLINTNEXTLINE(performance-unnecessary-copy-initialization): the copy is what is tested
    const engine::Catalog copy = catalog;
    CHECK(copy.resolve("x") == std::optional<std::string>("rule-a"));
  }
  TEST_CASE(
      "select_rules: a rule set's rules in registry order, with their pages and down-migration policy") {
    const auto& registry = rules::registry();
    const auto& catalog = engine::Catalog::instance();
    // Ids the registry does not hold (a rule of another build) are ignored.
    const std::map<std::string, Severity> enabled = {{"unused-ignore", Severity::Warning},
                                                     {"drop-table", Severity::Error},
                                                     {"no-such-rule", Severity::Warning},
                                                     {"set-not-null", Severity::Warning},
                                                     {"prefer-text-field", Severity::Info}};
    const auto sel = engine::select_rules(registry, enabled, catalog);
    std::vector<std::string_view> ids;
    for (const size_t i : sel.entries) ids.push_back(registry.at(i).id);
    CHECK(ids ==
          std::vector<std::string_view>{"drop-table", "prefer-text-field", "set-not-null", "unused-ignore"});
    REQUIRE(sel.infos.size() == 4);
    for (size_t r = 0; r < 4; ++r) CHECK(sel.infos[r] == catalog.find(ids[r]));
    // Each rule's severity, as the rule set gives it.
    CHECK(sel.severities ==
          std::vector<Severity>{Severity::Error, Severity::Info, Severity::Warning, Severity::Warning});
    using analysis::DownPolicy;
    // drop-table (data-loss, compatibility) and prefer-text-field (style) are
    // left out of down statements under the relaxed policy; set-not-null
    // (locking) and unused-ignore (meta) are not; only meta rules run under skip.
    CHECK(sel.on_down[static_cast<size_t>(DownPolicy::Relaxed)] == std::vector<char>{0, 0, 1, 1});
    CHECK(sel.on_down[static_cast<size_t>(DownPolicy::Strict)] == std::vector<char>{1, 1, 1, 1});
    CHECK(sel.on_down[static_cast<size_t>(DownPolicy::Skip)] == std::vector<char>{0, 0, 0, 1});
    // The rules with a hook for each kind of statement, in order: drop-table
    // for DROP, prefer-text-field for CREATE TABLE, both it and set-not-null
    // for ALTER TABLE; none for a statement no rule looks at.
    auto at = [&](const ir::StatementNode& node) { return sel.by_node.at(node.index()); };
    CHECK(at(ir::Drop{}) == std::vector<uint32_t>{0});
    CHECK(at(ir::Box<ir::CreateTable>{}) == std::vector<uint32_t>{1});
    CHECK(at(ir::AlterTable{}) == std::vector<uint32_t>{1, 2});
    CHECK(at(ir::Insert{}).empty());
    CHECK(at(std::monostate{}).empty());
    // The rules with file hooks (drop-table reports its drops at the end of
    // the file), and each rule's id and severity.
    CHECK(sel.at_start.empty());
    CHECK(sel.at_end == std::vector<uint32_t>{0});
    CHECK(sel.after_suppressions == std::vector<uint32_t>{3});
    REQUIRE(sel.active.size() == 4);
    for (size_t r = 0; r < 4; ++r) {
      CHECK(sel.active[r].id == ids[r]);
      CHECK(sel.active[r].severity == sel.severities[r]);
    }
    const auto hooked = engine::select_rules(registry,
                                             {{"drop-table", Severity::Warning},
                                              {"missing-lock-timeout", Severity::Warning},
                                              {"syntax-error", Severity::Warning},
                                              {"unused-ignore", Severity::Warning}},
                                             catalog);
    CHECK(hooked.at_start == std::vector<uint32_t>{2});
    CHECK(hooked.at_end == std::vector<uint32_t>{0, 1});
    CHECK(hooked.after_suppressions == std::vector<uint32_t>{3});
    CHECK(engine::select_rules(registry, {}, catalog).entries.empty());
    // A registry out of order is looked up rule by rule: the same rules, in its order.
    std::vector<engine::RuleEntry> reversed;
    for (const auto& id : {"unused-ignore", "set-not-null", "drop-table", "add-primary-key"})
      for (const auto& entry : registry)
        if (entry.id == id) reversed.push_back(entry);
    REQUIRE(reversed.size() == 4);
    const auto out_of_order = engine::select_rules(reversed, enabled, catalog);
    CHECK(out_of_order.entries == std::vector<size_t>{0, 1, 2});
    CHECK(out_of_order.infos == std::vector<const engine::RuleInfo*>{catalog.find("unused-ignore"),
                                                                     catalog.find("set-not-null"),
                                                                     catalog.find("drop-table")});
    CHECK(out_of_order.severities ==
          std::vector<Severity>{Severity::Warning, Severity::Warning, Severity::Error});
  }
  TEST_CASE("hooks_of: the hooks a rule class declares, its own or a base's, public or not") {
    using engine::hooks_of;
    namespace hook = engine::hook;
    using ir::StmtKind;
    CHECK(hooks_of<NoHooks>() == 0);
    CHECK(hooks_of<PublicDrop>() == (hook::statement(StmtKind::Drop) | hook::FileEnd));
    CHECK(hooks_of<PrivateDrop>() == (hook::statement(StmtKind::Drop) | hook::SuppressionsApplied));
    CHECK(hooks_of<FromBase>() ==
          (hook::statement(StmtKind::Drop) | hook::statement(StmtKind::CreateTable) | hook::FileEnd));
    CHECK(hooks_of<Hides>() == hook::statement(StmtKind::Insert));
    // A kind's bit is its index in a statement's node.
    const ir::StatementNode drop = ir::Drop{};
    CHECK(hook::statement(StmtKind::Drop) == engine::HookSet{1} << drop.index());
    CHECK(hook::statement(StmtKind::Opaque) == engine::HookSet{2});
    // The registry's entries say their classes' hooks.
    auto hooks = [](std::string_view id) {
      for (const auto& e : rules::registry())
        if (e.id == id) return e.hooks;
      return engine::HookSet{0};
    };
    CHECK(hooks("drop-table") ==
          (hook::statement(StmtKind::Drop) | hook::FileEnd | hook::EndAfterStatements | hook::Statement));
    CHECK(hooks("unused-ignore") == hook::SuppressionsApplied);
    CHECK(hooks("prefer-text-field") ==
          (hook::statement(StmtKind::CreateTable) | hook::statement(StmtKind::AlterTable)));
    // An entry that does not say has every hook.
    CHECK(engine::RuleEntry{"x", nullptr}.hooks == hook::All);
  }
  TEST_CASE("lint_file calls only the hooks a rule's entry names, for the statements of their kinds") {
    const auto& catalog = engine::Catalog::instance();
    const std::map<std::string, Severity> enabled = {{"counting", Severity::Warning}};
    const std::string sql =
        "CREATE TABLE a (id int);\nDROP TABLE a;\nDROP TABLE b;\nINSERT INTO c VALUES (1);\n";
    auto source = std::make_shared<const SourceFile>("x.sql", sql);
    const auto parsed = parser::parse(*source);
    auto calls = [&](engine::HookSet hooks) {
      Counting::drops = Counting::creates = Counting::ends = 0;
      const std::vector<engine::RuleEntry> registry = {
          {"counting", [] { return std::unique_ptr<engine::Rule>(new Counting); }, hooks}};
      const auto selection = engine::select_rules(registry, enabled, catalog);
      engine::FileContext context;
      context.selection = &selection;
      engine::lint_file(source, parsed, {}, enabled, registry, catalog, std::move(context));
      return std::vector<int>{Counting::drops, Counting::creates, Counting::ends};
    };
    CHECK(calls(engine::hooks_of<Counting>()) == std::vector<int>{2, 1, 1});
    CHECK(calls(engine::hook::All) == std::vector<int>{2, 1, 1});
    CHECK(calls(engine::hook::statement(ir::StmtKind::Drop)) == std::vector<int>{2, 0, 0});
    CHECK(calls(engine::hook::FileEnd) == std::vector<int>{0, 0, 1});
    // A rule none of whose hooks the file calls is not made.
    Counting::made = 0;
    calls(engine::hook::statement(ir::StmtKind::Drop));
    CHECK(Counting::made == 1);
    Counting::made = 0;
    CHECK(calls(engine::hook::statement(ir::StmtKind::Rename)) == std::vector<int>{0, 0, 0});
    CHECK(Counting::made == 0);
    // The statement index start and end hooks see is the one they would see
    // if each rule ran alone, after the rules before it: a rule's start hook
    // sees the last statement the rules before it visited (0 for the first),
    // its end hook the last statement it visited.
    const std::map<std::string, Severity> two = {{"a", Severity::Warning}, {"b", Severity::Warning}};
    auto make = [] { return std::unique_ptr<engine::Rule>(new Recording); };
    const std::vector<engine::RuleEntry> registry = {{"a", make, engine::hooks_of<Recording>()},
                                                     {"b", make, engine::hooks_of<Recording>()}};
    Recording::seen.clear();
    engine::lint_file(source, parsed, {}, two, registry, catalog);
    CHECK(Recording::seen == std::vector<std::string>{"start 0", "start 3", "end 3", "end 3"});
  }
  TEST_CASE("lint_file calls onStatement for every statement, after the hook for its kind") {
    // Up and down, recovered or not, whatever the rule's down policy: under
    // the id of drop-table (data loss), the Drop hook is not called on the
    // down migration's DROP, onStatement is. The index the end hook sees
    // does not count onStatement (the last statement the Drop hook saw).
    const auto& catalog = engine::Catalog::instance();
    const std::string sql =
        "-- +goose Up\nCREATE TABLE a (id int);\nDROP TABLE a;\nCREATE TABLE b (id int,,);\nDROP TABLE b;\n"
        "-- +goose Down\nDROP TABLE c;\n";
    auto source = std::make_shared<const SourceFile>("x.sql", sql);
    const auto parsed = parser::parse(*source);
    REQUIRE(parsed.statements.size() == 5);
    CHECK(parsed.statements[2].recovered);
    const std::map<std::string, Severity> enabled = {{"drop-table", Severity::Warning}};
    const std::vector<engine::RuleEntry> registry = {
        {"drop-table", [] { return std::unique_ptr<engine::Rule>(new Watching); },
         engine::hooks_of<Watching>()}};
    CHECK((engine::hooks_of<Watching>() & engine::hook::Statement) != 0);
    Watching::seen.clear();
    engine::lint_file(source, parsed, {}, enabled, registry, catalog);
    CHECK(Watching::seen == std::vector<std::string>{"statement 0", "drop 1", "statement 1",
                                                     "statement 2 recovered", "drop 3", "statement 3",
                                                     "statement 4 down", "end 3"});
    // The kinds a rule observes: its class's kObserved, or every kind.
    using ir::StmtKind;
    CHECK(engine::observed_of<Watching>() == (engine::HookSet{1} << engine::hook::kFileBits) - 2);
    CHECK(engine::observed_of<Counting>() == 0);
    CHECK(engine::observed_of<ObservingDrops>() == engine::hook::statement(StmtKind::Drop));
    auto watching = [] { return std::unique_ptr<engine::Rule>(new Watching); };
    Watching::seen.clear();
    engine::lint_file(
        source, parsed, {}, enabled,
        {{"drop-table", watching, engine::hooks_of<Watching>(), engine::hook::statement(StmtKind::Drop)}},
        catalog);
    CHECK(Watching::seen == std::vector<std::string>{"drop 1", "statement 1", "drop 3", "statement 3",
                                                     "statement 4 down", "end 3"});
    // A rule whose only hook is onStatement is made for a file with a
    // statement of a kind it observes (recovered ones too), not for another.
    Watching::seen.clear();
    engine::lint_file(
        source, parsed, {}, enabled,
        {{"drop-table", watching, engine::hook::Statement, engine::hook::statement(StmtKind::CreateTable)}},
        catalog);
    CHECK(Watching::seen == std::vector<std::string>{"statement 0", "statement 2 recovered"});
    Watching::seen.clear();
    engine::lint_file(
        source, parsed, {}, enabled,
        {{"drop-table", watching, engine::hook::Statement, engine::hook::statement(StmtKind::Rename)}},
        catalog);
    CHECK(Watching::seen.empty());
    // The registry's entries say their classes' kinds.
    for (const auto& e : rules::registry()) {
      CAPTURE(e.id);
      if (e.id == "alter-domain-add-constraint")
        CHECK(e.observed == engine::hook::statement(StmtKind::AlterTable));
      else if ((e.hooks & engine::hook::Statement) == 0)
        CHECK(e.observed == 0);
    }
  }
  TEST_CASE("a rule whose end hook reports what its statements gathered is made for files with them") {
    using After = EndAfterDrops<true>;
    using Always = EndAfterDrops<false>;
    CHECK((engine::hooks_of<After>() & engine::hook::EndAfterStatements) != 0);
    CHECK((engine::hooks_of<After>() & engine::hook::FileEnd) != 0);
    CHECK((engine::hooks_of<Always>() & engine::hook::EndAfterStatements) == 0);
    CHECK((engine::hooks_of<Counting>() & engine::hook::EndAfterStatements) == 0);
    const auto& catalog = engine::Catalog::instance();
    const std::map<std::string, Severity> enabled = {{"drop-table", Severity::Warning},
                                                     {"truncate-table", Severity::Warning}};
    const std::vector<engine::RuleEntry> registry = {
        {"drop-table", [] { return std::unique_ptr<engine::Rule>(new After); }, engine::hooks_of<After>()},
        {"truncate-table", [] { return std::unique_ptr<engine::Rule>(new Always); },
         engine::hooks_of<Always>()}};
    auto lint = [&](const std::string& sql) {
      After::made = After::ends = Always::made = Always::ends = 0;
      auto source = std::make_shared<const SourceFile>("x.sql", sql);
      engine::lint_file(source, parser::parse(*source), {}, enabled, registry, catalog);
    };
    // No DROP: only the rule that did not say is made, and its end hook runs.
    lint("CREATE TABLE a (id int);\n");
    CHECK(After::made == 0);
    CHECK(After::ends == 0);
    CHECK(Always::made == 1);
    CHECK(Always::ends == 1);
    // A DROP: both are made and both end hooks run.
    lint("CREATE TABLE a (id int);\nDROP TABLE a;\n");
    CHECK(After::made == 1);
    CHECK(After::ends == 1);
    CHECK(Always::made == 1);
    CHECK(Always::ends == 1);
    // The registry's rules that say so.
    for (const auto& e : rules::registry()) {
      CAPTURE(e.id);
      const bool after = e.id == "rename-table" || e.id == "drop-index-non-concurrently" ||
                         e.id == "prefer-bigint-over-int" || e.id == "drop-column" || e.id == "drop-table" ||
                         e.id == "disable-trigger" || e.id == "missing-analyze" ||
                         e.id == "down-migration-incomplete" || e.id == "lock-held-across-statements";
      CHECK(((e.hooks & engine::hook::EndAfterStatements) != 0) == after);
    }
  }
  TEST_CASE("sort_findings: by start, then rule id; ties keep their reported order") {
    auto finding = [](std::string rule, uint32_t begin, std::string message) {
      Diagnostic d;
      d.rule = std::move(rule);
      d.range = {begin, begin + 1};
      d.message = std::move(message);
      return d;
    };
    auto order = [](const std::vector<Diagnostic>& v) {
      std::vector<std::string> out;
      out.reserve(v.size());
      for (const auto& d : v) out.push_back(d.rule + "@" + std::to_string(d.range.begin) + ":" + d.message);
      return out;
    };
    std::vector<Diagnostic> v;
    v.push_back(finding("drop-table", 20, "a"));
    v.push_back(finding("set-not-null", 5, "b"));
    v.push_back(finding("drop-table", 5, "c"));
    v.push_back(finding("drop-table", 20, "d"));
    v.push_back(finding("add-primary-key", 20, "e"));
    v.push_back(finding("drop-table", 5, "f"));
    engine::sort_findings(v);
    CHECK(order(v) == std::vector<std::string>{"drop-table@5:c", "drop-table@5:f", "set-not-null@5:b",
                                               "add-primary-key@20:e", "drop-table@20:a", "drop-table@20:d"});
    // Already in order: left as it is; none or one finding: nothing to do.
    engine::sort_findings(v);
    CHECK(order(v) == std::vector<std::string>{"drop-table@5:c", "drop-table@5:f", "set-not-null@5:b",
                                               "add-primary-key@20:e", "drop-table@20:a", "drop-table@20:d"});
    std::vector<Diagnostic> none;
    engine::sort_findings(none);
    CHECK(none.empty());
    std::vector<Diagnostic> one{finding("drop-table", 3, "x")};
    engine::sort_findings(one);
    CHECK(order(one) == std::vector<std::string>{"drop-table@3:x"});
  }
}
