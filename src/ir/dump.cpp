#include "ir/dump.h"

#include <sstream>

namespace ddlint::ir {

namespace {

class Printer {
 public:
  explicit Printer(std::string_view text) : text_(text) {}

  std::string range(TextRange r) const {
    std::string out = "@" + std::to_string(r.begin) + ".." + std::to_string(r.end);
    if (r.end > r.begin && r.end <= text_.size()) {
      std::string_view s = text_.substr(r.begin, r.end - r.begin);
      std::string shown;
      for (char c : s) {
        if (c == '\n')
          shown += "\\n";
        else if (c == '\r')
          shown += "\\r";
        else if (c == '\t')
          shown += "\\t";
        else if (c == '"')
          shown += "\\\"";
        else
          shown += c;
      }
      if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
      out += " \"" + shown + "\"";
    }
    return out;
  }

  void line(int indent, const std::string& s) {
    out_ << std::string(static_cast<size_t>(indent) * 2, ' ') << s << '\n';
  }

  static std::string name(const QualifiedName& n) { return n.display().empty() ? "-" : n.display(); }
  std::string qname(const QualifiedName& n) const { return name(n) + " " + range(n.range); }

  static std::string list(const std::vector<std::string>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s + "]";
  }

  static std::string flags(std::initializer_list<std::pair<const char*, bool>> fs) {
    std::string s;
    for (auto& [n, on] : fs)
      if (on) s += std::string(" ") + n;
    return s;
  }

  std::string type(const TypeName& t) const {
    std::string s = t.name;
    if (!t.modifiers.empty()) {
      s += "(";
      for (size_t i = 0; i < t.modifiers.size(); ++i) s += (i ? "," : "") + t.modifiers[i];
      s += ")";
    }
    if (t.array) s += "[]";
    if (t.is_unsigned) s += " unsigned";
    if (!t.charset().empty()) s += " charset=" + t.charset();
    if (!t.collation().empty()) s += " collate=" + t.collation();
    return s + " " + range(t.range);
  }

  std::string expr(const Expr& e) const {
    return range(e.range) + flags({{"constant", e.is_constant}, {"null", e.is_null}}) +
           (e.not_null_column.empty() ? "" : " proves-not-null=" + e.not_null_column) +
           (e.functions.empty() ? "" : " calls=" + list(e.functions));
  }

  void constraint(int ind, const Constraint& c) {
    std::string s = std::string("constraint ") + std::string(to_string(c.kind));
    if (!c.name.empty()) s += " name=" + c.name;
    s += " " + range(c.range) +
         flags({{"not-valid", c.not_valid}, {"not-enforced", c.not_enforced}, {"stored", c.stored}});
    if (!c.using_index.empty()) s += " using-index=" + c.using_index;
    if (!c.columns.empty()) s += " columns=" + list(c.columns);
    line(ind, s);
    if (!c.ref_table.empty()) line(ind + 1, "references " + qname(c.ref_table) + " " + list(c.ref_columns));
    if (c.expr) line(ind + 1, "expr " + expr(*c.expr));
  }

  void column(int ind, const ColumnDef& c) {
    line(ind, "column " + c.name + " " + range(c.range) + flags({{"not-null", c.not_null}}));
    line(ind + 1, "type " + type(c.type));
    if (c.default_value) line(ind + 1, "default " + expr(*c.default_value));
    for (auto& k : c.constraints) constraint(ind + 1, k);
  }

  void node(int ind, const Opaque& s) {
    line(ind, "node " + s.node + flags({{"no-transaction-block", s.no_transaction_block}}) +
                  (s.if_not_exists ? (*s.if_not_exists ? " if-not-exists" : " no-if-not-exists") : ""));
    if (!s.creates.empty()) line(ind, "creates " + qname(s.creates));
    if (!s.routine.empty()) line(ind, "routine " + qname(s.routine));
    if (s.volatility != Volatility::Unknown)
      line(ind, std::string("volatility ") + (s.volatility == Volatility::Immutable ? "immutable"
                                              : s.volatility == Volatility::Stable  ? "stable"
                                                                                    : "volatile"));
    for (auto& t : s.loop_writes) line(ind, "loop-writes " + qname(t));
    if (!s.owned_by.empty()) line(ind, "owned-by " + qname(s.owned_by) + " column " + s.owned_by_column);
  }
  void node(int ind, const CreateTable& s) {
    line(ind, "table " + qname(s.table) +
                  flags({{"if-not-exists", s.if_not_exists},
                         {"temporary", s.temporary},
                         {"unlogged", s.unlogged},
                         {"as-select", s.as_select},
                         {"materialized-view", s.object == ObjectKind::MaterializedView}}));
    if (s.like) line(ind, "like " + qname(*s.like));
    if (s.partition_of) line(ind, "partition-of " + qname(*s.partition_of));
    for (auto& c : s.columns) column(ind, c);
    for (auto& k : s.constraints) constraint(ind, k);
    for (auto& o : s.options) line(ind, "option " + o.name + (o.value.empty() ? "" : "=" + o.value));
  }
  void node(int ind, const AlterTable& s) {
    line(ind, std::string("target ") + std::string(to_string(s.object)) + " " + qname(s.table) +
                  flags({{"only", s.only}, {"if-exists", s.if_exists}}) +
                  (s.algorithm.empty() ? "" : " algorithm=" + s.algorithm) +
                  (s.lock.empty() ? "" : " lock=" + s.lock));
    for (auto& a : s.actions) {
      std::string h = std::string("action ") + std::string(to_string(a.kind)) + " " + range(a.range);
      if (!a.column.empty()) h += " column=" + a.column;
      if (!a.name.empty()) h += " name=" + a.name;
      h += flags({{"if-exists", a.if_exists}, {"cascade", a.cascade}, {"concurrently", a.concurrently}});
      if (a.kind == AlterKind::Other || a.kind == AlterKind::TableOptions) h += " native=" + a.native;
      if (!a.position.empty()) h += " position=" + a.position;
      if (a.triggers != TriggerSet::Named)
        h += a.triggers == TriggerSet::All ? " triggers=all" : " triggers=user";
      if (a.replica_only) h += " replica-only";
      line(ind, h);
      if (a.column_def) column(ind + 1, *a.column_def);
      if (a.constraint) constraint(ind + 1, *a.constraint);
      if (a.new_type) line(ind + 1, "type " + type(*a.new_type));
      if (a.expr) line(ind + 1, "expr " + expr(*a.expr));
    }
  }
  void node(int ind, const CreateIndex& s) {
    line(ind, "index " + (s.name.empty() ? std::string("-") : s.name) + " on " + qname(s.table) +
                  flags({{"concurrently", s.concurrently},
                         {"unique", s.unique},
                         {"if-not-exists", s.if_not_exists},
                         {"only", s.only},
                         {"partial", s.partial}}) +
                  (s.mysql_kind == ConstraintKind::Index ? "" : " " + std::string(to_string(s.mysql_kind))) +
                  (s.algorithm.empty() ? "" : " algorithm=" + s.algorithm) +
                  (s.lock.empty() ? "" : " lock=" + s.lock));
    line(ind, "columns " + list(s.columns));
    line(ind, "keyword " + range(s.keyword_range));
  }
  void node(int ind, const Drop& s) {
    line(ind, std::string("object ") + std::string(to_string(s.object)) +
                  flags({{"if-exists", s.if_exists},
                         {"cascade", s.cascade},
                         {"concurrently", s.concurrently},
                         {"temporary", s.temporary}}));
    for (auto& n : s.names) line(ind, "name " + qname(n));
  }
  void node(int ind, const Truncate& s) {
    line(ind,
         std::string("truncate") + flags({{"cascade", s.cascade}, {"restart-identity", s.restart_identity}}));
    for (auto& n : s.tables) line(ind, "table " + qname(n));
  }
  void node(int ind, const Rename& s) {
    line(ind, std::string("object ") + std::string(to_string(s.object)) + " target " + qname(s.target) +
                  (s.subname.empty() ? "" : " sub=" + s.subname) + " new=" + s.new_name);
  }
  void node(int ind, const Transaction& s) {
    line(ind, std::string("kind ") + std::string(to_string(s.kind)) + flags({{"chain", s.chain}}));
  }
  void node(int ind, const SetSetting& s) {
    line(ind, "name " + s.name + " value=\"" + s.value + "\"" +
                  flags({{"local", s.local}, {"reset", s.reset}, {"all", s.all}}));
  }
  void selection(int ind, const RowSelection& s) {
    if (s.limited_source || s.current_of)
      line(ind,
           std::string("rows") + flags({{"limited-source", s.limited_source}, {"current-of", s.current_of}}));
    for (auto& f : s.filters)
      line(ind, "filter " + f.column + " " + std::string(to_string(f.op)) + " " + range(f.range));
  }
  void node(int ind, const Update& s) {
    line(ind, "table " + qname(s.table) + flags({{"where", s.has_where}}));
    selection(ind, s.selection);
  }
  void node(int ind, const Delete& s) {
    line(ind, "table " + qname(s.table) + flags({{"where", s.has_where}}));
    selection(ind, s.selection);
  }
  void node(int ind, const Insert& s) {
    line(ind, "table " + qname(s.table) + flags({{"from-select", s.from_select}}));
  }
  void node(int ind, const Reindex& s) {
    line(ind, std::string("target ") + std::string(to_string(s.target)) + " " + qname(s.name) +
                  flags({{"concurrently", s.concurrently}}));
  }
  void node(int ind, const Vacuum& s) {
    line(ind, std::string("vacuum") +
                  flags({{"full", s.full}, {"analyze", s.vacuum && s.analyze}, {"analyze-only", !s.vacuum}}));
    for (auto& n : s.tables) line(ind, "table " + qname(n));
  }
  void node(int ind, const Cluster& s) {
    line(ind, "table " + (s.table ? qname(*s.table) : std::string("-")));
  }
  void node(int ind, const RefreshMatView& s) {
    line(ind, "view " + qname(s.view) + flags({{"concurrently", s.concurrently}}));
  }
  void node(int ind, const AlterEnum& s) {
    line(ind, "type " + qname(s.type) + " value=" + s.value +
                  flags({{"rename", s.rename_value}, {"if-not-exists", s.if_not_exists}}));
  }
  void node(int ind, const CreateDomain& s) {
    line(ind, "domain " + qname(s.name) + " base " + type(s.base));
    for (auto& k : s.constraints) constraint(ind, k);
  }
  void node(int ind, const AlterDomain& s) {
    line(ind, "domain " + qname(s.name) + " action=" + s.action);
    if (s.constraint) constraint(ind, *s.constraint);
  }
  void node(int ind, const LockTable& s) {
    line(ind, "mode " + s.mode + flags({{"nowait", s.nowait}}));
    for (size_t k = 0; k < s.tables.size(); ++k)
      line(ind, "table " + qname(s.tables[k]) + (k < s.table_modes.size() ? " " + s.table_modes[k] : ""));
  }
  void node(int, const std::monostate&) {}

  void statement(const Statement& st) {
    line(0, std::string(to_string(st.kind())) + " " + range(st.range) + (st.recovered ? " recovered" : ""));
    visit([&](const auto& n) { node(1, n); }, st.node);
    for (const auto& o : st.own_settings)
      line(1, "for-this-statement " + o.name + (o.reset ? " default" : " = " + o.value));
  }

  std::string str() const { return out_.str(); }

 private:
  std::string_view text_;
  std::ostringstream out_;
};

}  // namespace

std::string dump(const std::vector<Statement>& statements, std::string_view source_text) {
  Printer p(source_text);
  for (auto& st : statements) p.statement(st);
  return p.str();
}

}  // namespace ddlint::ir
