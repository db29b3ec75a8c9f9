#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/runner.h"
#include "ir/parsed_file.h"

namespace ddlint::analysis {

struct KnownColumn {
  std::string name;
  ir::TypeName type;
  bool not_null = false;       // NOT NULL (or PRIMARY KEY)
  bool not_null_known = true;  // false: only the type is known (ALTER COLUMN ... TYPE of an unseen column)
  bool indexed = false;        // part of an index, primary key or unique constraint
  bool primary_key = false;    // part of the primary key (never NULL, whatever a MySQL MODIFY restates)
  // The split version (RunnerLayout::split_version) whose step added the
  // column (CREATE TABLE, ADD COLUMN; renames keep it); empty otherwise.
  std::string version;
};

// The columns of a table, each under its name (KnownColumn::name), in the
// order they were added. A table's columns are copied each time a file
// changes it: one vector of them is copied and freed at once, with no node
// per column. Most tables have a few columns, found by a scan; past
// kIndexed, an open-addressing index of their positions finds a name in
// constant time on average, and a column removed leaves a gap (skipped) until
// the gaps outnumber the columns, so that a file may add and drop any number.
class ColumnList {
  struct Entry {
    KnownColumn column;
    bool gone = false;  // removed (only while the list is indexed)
  };

 public:
  ColumnList() = default;
  ColumnList(const ColumnList& other);
  ColumnList& operator=(const ColumnList& other);
  ColumnList(ColumnList&&) noexcept = default;
  ColumnList& operator=(ColumnList&&) noexcept = default;
  ~ColumnList() = default;

  size_t size() const { return live_; }
  bool empty() const { return live_ == 0; }
  // The column of that exact name; null when there is none.
  const KnownColumn* find(std::string_view name) const;
  KnownColumn* find(std::string_view name) {
    return const_cast<KnownColumn*>(static_cast<const ColumnList*>(this)->find(name));
  }
  // The column of that name, added last (only its name set) when there is
  // none; true when added.
  std::pair<KnownColumn*, bool> try_emplace(std::string_view name);
  KnownColumn& operator[](std::string_view name) { return *try_emplace(name).first; }
  // False when there is no column of that name.
  bool erase(std::string_view name);
  // Room for n entries. Grows at least twice over, as push_back would: a
  // statement reserving room for its own columns, one statement after
  // another, must not move every column each time (a file of N ADD COLUMNs
  // would cost N^2).
  void reserve(size_t n) {
    if (n > entries_.capacity()) entries_.reserve(std::max(n, 2 * entries_.capacity()));
  }
  size_t capacity() const { return entries_.capacity(); }

  // The columns, in the order they were added.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = KnownColumn;
    using difference_type = std::ptrdiff_t;
    using pointer = const KnownColumn*;
    using reference = const KnownColumn&;
    const KnownColumn& operator*() const { return it_->column; }
    const KnownColumn* operator->() const { return &it_->column; }
    const_iterator& operator++() {
      ++it_;
      skip();
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const const_iterator& o) const { return it_ == o.it_; }
    const_iterator() = default;

   private:
    friend class ColumnList;
    using Base = std::vector<Entry>::const_iterator;
    const_iterator(Base it, Base end) : it_(it), end_(end) { skip(); }
    void skip() {
      while (it_ != end_ && it_->gone) ++it_;
    }
    Base it_;
    Base end_;
  };
  const_iterator begin() const { return {entries_.begin(), entries_.end()}; }
  const_iterator end() const { return {entries_.end(), entries_.end()}; }

 private:
  static constexpr size_t kIndexed = 16;
  // Without gaps and, past kIndexed entries, with the index built again
  // (at most half full).
  void reindex();
  // Entry `position` goes into the index.
  void place(size_t position);
  const Entry* find_entry(std::string_view name) const;
  std::vector<Entry> entries_;
  // Empty, or (past kIndexed entries) a power of two of slots: the position
  // + 1 of an entry, 0 for a free slot; probed linearly from the name's hash.
  std::vector<uint32_t> index_;
  size_t live_ = 0;  // entries not gone
};

// The row triggers created on a table (CREATE TRIGGER), by name, in the
// order they were created, with the statements that fire each. A name is
// found, added and removed in constant time on average (a file may create
// tens of thousands of triggers on one table); removed names leave a gap in
// the order until the gaps outnumber the triggers.
class TriggerList {
 public:
  bool empty() const { return index_.empty(); }
  size_t size() const { return index_.size(); }
  bool contains(const std::string& name) const { return index_.count(name) != 0; }
  // How many fire on `event` (ir::kTriggerInsert, kTriggerUpdate or
  // kTriggerDelete): those with it among their events, or whose events are
  // not known. Constant time.
  size_t firing(uint8_t event) const;
  // Adds `name` last, or, when listed already, keeps its place. `events`:
  // ir::kTriggerInsert | ... (0: not known) replaces what was known.
  void add(const std::string& name, uint8_t events);
  // False when `name` is not listed.
  bool remove(const std::string& name);
  void clear();
  // Calls f(name, events) for each trigger, in creation order, until f
  // returns false.
  template <typename F>
  void for_each(F&& f) const {
    for (const auto& e : order_)
      if (!e.name.empty() && !f(e.name, e.events)) return;
  }

 private:
  // A trigger firing on `events` is added (or, `added` false, removed): the
  // counts of the events it fires on change.
  void tally(uint8_t events, bool added);
  struct Entry {
    std::string name;  // empty: removed (a trigger has a name)
    uint8_t events = 0;
  };
  std::vector<Entry> order_;
  std::unordered_map<std::string, size_t> index_;  // by name: its place in order_
  std::array<size_t, 3> firing_{};                 // firing(1 << i)
};

// What is known of one table at some point of the migration history. The
// model holds each table's state as an immutable value shared with the
// snapshots it hands out (needed_by, table_state): a change to a table a
// snapshot still shares copies it first, so a snapshot costs a pointer, not
// a copy of every column.
struct TableState {
  bool exists = true;         // created and not dropped
  bool columns_known = true;  // its column list is complete (CREATE TABLE with a column list)
  ColumnList columns;
  // MySQL/MariaDB table options (CREATE TABLE, ALTER TABLE): lower-case
  // ENGINE and default character set, upper-case ROW_FORMAT; empty when not
  // written. `fulltext`: the table has a FULLTEXT index.
  std::string engine;
  std::string charset;
  std::string row_format;
  bool fulltext = false;
  TriggerList triggers;  // row triggers created on it (CREATE TRIGGER)
  std::vector<std::string>
      indexes;  // indexes the history created on it, by name (CREATE INDEX, named UNIQUE/PRIMARY KEY)
  // The column of that exact name; null when not known.
  const KnownColumn* column(const std::string& name) const;
};

// A table as a file names it, and what the history says of it then.
struct KnownTable {
  ir::QualifiedName name;
  std::shared_ptr<const TableState> state;  // null: the history never mentions it
  bool seen() const { return state != nullptr; }
  bool exists() const { return state != nullptr && state->exists; }
};

// A function the history declares (CREATE [OR REPLACE] FUNCTION), by its
// unqualified lower-case name (as ir::Expr::functions names calls).
struct KnownFunction {
  std::string name;
  ir::Volatility volatility = ir::Volatility::Unknown;
};

// Tables and their columns (with types), replayed from CREATE TABLE, ALTER
// TABLE, DROP and RENAME in migration order. Used for old column types
// (ALTER COLUMN ... TYPE) and, when the history is complete, for objects a
// statement names that do not exist.
class SchemaModel {
  struct Table;  // below

 public:
  SchemaModel() = default;
  // Moved, never copied: it keeps pointers into its own tables (unentered_).
  SchemaModel(const SchemaModel&) = delete;
  SchemaModel& operator=(const SchemaModel&) = delete;
  SchemaModel(SchemaModel&&) noexcept = default;
  SchemaModel& operator=(SchemaModel&&) noexcept = default;
  ~SchemaModel() = default;
  // Applies the up migration of `file` (down sections are left out).
  // `split_version`: the file is a step of that split version, and the
  // columns it adds are recorded as the version's (KnownColumn::version).
  void apply(const ir::ParsedFile& file, const RunnerPlan& plan, std::string_view split_version = {});
  void apply(const ir::Statement& st);
  // `t` is taken as is (its state shared): passed as an rvalue, a state
  // nothing else holds any more is then this model's alone, and changed in
  // place instead of copied.
  void seed(KnownTable t);
  // The session ends (between migration files): temporary tables go.
  void end_session();
  // The known column of an existing table; null when it is not known.
  // `fold_case`: column names compare case-insensitively (MySQL).
  const KnownColumn* column(const ir::QualifiedName& table, const std::string& column,
                            bool fold_case = false) const;
  // The known type; null when the column is not known.
  const ir::TypeName* column_type(const ir::QualifiedName& table, const std::string& column) const;
  // What is known of `table` (seen() false when the history never mentions
  // it): shared with the model, copied only when the model changes the table.
  KnownTable table_state(const ir::QualifiedName& table) const;
  // What table_state() says, read in place. Valid until the model changes.
  class TableView {
   public:
    bool seen() const { return t_ != nullptr; }
    bool exists() const { return t_ != nullptr && t_->state->exists; }
    bool columns_known() const { return t_ != nullptr && t_->state->columns_known; }
    // TableState::column: the column of that exact name; null when not known.
    const KnownColumn* column(const std::string& name) const;
    std::string_view charset() const {
      return t_ ? std::string_view(t_->state->charset) : std::string_view();
    }
    // The row triggers that fire on `event` (ir::kTriggerInsert, ...): all
    // whose events are not known, in creation order; the first `limit`.
    std::vector<std::string> triggers_for(uint8_t event, size_t limit = SIZE_MAX) const;
    // How many there are (TriggerList::firing).
    size_t trigger_count(uint8_t event) const { return t_ ? t_->state->triggers.firing(event) : 0; }

   private:
    friend class SchemaModel;
    explicit TableView(const Table* t) : t_(t) {}
    const Table* t_ = nullptr;
  };
  TableView view(const ir::QualifiedName& table) const;
  // What is known now of every table `file` names (for an index it names:
  // the index's table), shared with the model (table_state).
  std::vector<KnownTable> needed_by(const ir::ParsedFile& file) const;
  // The same, statement by statement (a file read a group at a time): add()
  // each statement in order, then take(). The model must outlive it.
  class Needed {
   public:
    explicit Needed(const SchemaModel& model) : model_(model) {}
    void add(const ir::Statement& st);
    std::vector<KnownTable> take() { return std::move(out_); }

   private:
    friend class SchemaModel;
    void add(const ir::QualifiedName& t);
    void place(size_t position);
    const SchemaModel& model_;
    std::vector<KnownTable> out_;
    // Past kScanned tables, the positions in out_ (+ 1; 0: a free slot).
    std::vector<uint32_t> slots_;
  };
  // What needed_by and functions_needed_by read of a file's statements,
  // gathered without a model (a file read a group at a time is read before
  // the files before it are replayed): the tables and indexes it names and
  // the functions its ADD COLUMN defaults call, in order, each once.
  // needed_by(named) and functions_needed_by(named) give what they give for
  // the statements.
  class Named {
   public:
    void add(const ir::Statement& st);

   private:
    friend class SchemaModel;
    struct Object {
      ir::QualifiedName name;
      bool index = false;  // the name of an index (its table is needed)
    };
    std::vector<Object> objects_;
    std::vector<std::string> functions_;
    std::unordered_set<std::string> seen_;  // a key per object and function
  };
  std::vector<KnownTable> needed_by(const Named& named) const;
  std::vector<KnownFunction> functions_needed_by(const Named& named) const;
  // The table of an index the history created (CREATE INDEX, or a UNIQUE or
  // PRIMARY KEY constraint with a name); `gone`: the index went with its
  // table (DROP TABLE) and does not exist now. Null when the index is unknown.
  const ir::QualifiedName* index_table(const ir::QualifiedName& index, bool* gone = nullptr) const;
  // Functions: the volatility a CREATE FUNCTION declared for `name` (the
  // last one, until DROP FUNCTION); Unknown when the history declares none.
  void seed(const KnownFunction& f);
  ir::Volatility function_volatility(std::string_view name) const;
  // The declared functions among `names`.
  std::vector<KnownFunction> known_functions(const std::vector<std::string>& names) const;
  // The declared functions that the ADD COLUMN defaults of `file` call.
  std::vector<KnownFunction> functions_needed_by(const ir::ParsedFile& file) const;

 private:
  struct Table {
    ir::QualifiedName name;
    bool temporary = false;
    // A TEMPORARY table hides the schema's table of the same name until it
    // is dropped or the session ends: what was known of that one.
    std::shared_ptr<const Table> shadowed;
    bool seen = true;  // false: only a temporary table, dropped, ever had the name
    // Never null; its `indexes` are keys of indexes_. Read it through the
    // pointer; change it through edit() or edit_cleared().
    std::shared_ptr<const TableState> state;
    // The state, to change: copied first when anything else shares it (a
    // snapshot, a shadowed table).
    TableState& edit();
    // The same, with no columns (the table's column list is replaced or
    // gone): a shared state's columns are not copied.
    TableState& edit_cleared();
  };
  // A temporary table goes: the table it hid is seen again, if any.
  void drop_temporary(Table& t);
  // `version`: the split version of a column the statement adds (a column
  // redefined keeps its own).
  static void set_column(TableState& t, const ir::ColumnDef& def, std::string_view version = {});
  static void mark_indexed(Table& t, const std::vector<std::string>& columns);
  // PRIMARY KEY (columns): they are NOT NULL.
  static void set_primary_key(Table& t, const std::vector<std::string>& columns);
  // `from`, a known column of `t`, is named `to`.
  static void rename_column(Table& t, const std::string& from, const std::string& to);
  // `t` goes to `to_name` (with its indexes): the table left under the old
  // name does not exist. Returns the table under the new name.
  Table* rename_table(Table& t, ir::QualifiedName to_name);
  Table* table(const ir::QualifiedName& name, bool create);
  const Table* table(const ir::QualifiedName& name) const;
  void add_index(const std::string& index, const ir::QualifiedName& table);
  void drop_index(const std::string& index);
  // `index` leaves the list of `table`, when it is listed there.
  void unlist_index(const std::string& index, const ir::QualifiedName& table);
  // The table goes (DROP TABLE, or CREATE TABLE over it): its indexes go too.
  void drop_indexes_of(Table& t);
  // The indexes listed by `t`, just seeded, are entered into indexes_.
  void enter_indexes(Table& t);
  // The seeded tables whose indexes are not entered yet are, in the order
  // they were seeded. seed() defers this, so that a model read only for
  // columns and triggers never builds them; the deferral cannot be seen
  // because nothing reaches indexes_ or copies or overwrites a whole table
  // but the members that call this first: add_index, drop_index,
  // known_index, copied and replace (and through them drop_indexes_of,
  // rename_table, index_table, table_state).
  void enter_seeded_indexes();
  struct KnownIndex;
  // The entry of `index` in indexes_; null when unknown.
  KnownIndex* known_index(const std::string& index);
  // A copy of `t` (its state shared), and `t` overwritten by `with`: the
  // only ways a whole table is copied or replaced (a deferred table's list
  // must not reach another table, nor be lost, before it is entered).
  Table copied(const Table& t);
  void replace(Table& t, Table with);
  // Those tables (their list in tables_, their position there), in seed order.
  std::vector<std::pair<std::vector<Table>*, size_t>> unentered_;
  struct KnownIndex {
    ir::QualifiedName table;
    bool gone = false;  // dropped with its table
  };
  std::unordered_map<std::string, KnownIndex> indexes_;         // by index name
  std::unordered_map<std::string, std::vector<Table>> tables_;  // by table name
  std::vector<std::string> temporary_names_;                    // names of this session's temporary tables
  // DROP TRIGGER `name`: from the table it names (PostgreSQL: the schema
  // holds the table's name) or, when it names none (MySQL), from every table
  // with a trigger of that name.
  void drop_trigger(const ir::QualifiedName& name);
  // `trigger` is created on a table under `key` (a key of tables_).
  void index_trigger(const std::string& trigger, const std::string& key);
  // The triggers of `t`, and of the tables it hides, under `key`.
  void index_triggers(const std::string& key, const Table& t);
  // By trigger name: the keys of tables_ under which a table (or a table
  // it hides) has a trigger of that name, and maybe some that no longer
  // have it. Built at the first DROP TRIGGER without a table (a PostgreSQL
  // history never needs it) and kept from then on.
  std::unordered_map<std::string, std::vector<std::string>> trigger_tables_;
  bool triggers_indexed_ = false;
  std::unordered_map<std::string, ir::Volatility> functions_;  // declared functions by name
  std::string version_;  // the split version of the file being applied (apply(file, ...))
};

// The tables a statement names (targets, FOREIGN KEY references), in order.
std::vector<ir::QualifiedName> referenced_tables(const ir::Statement& st);

// The model of a file as it is just before each of its statements, worked
// out only as far as it is read: the first read seeds it (once) from what
// the history knows, and a read for statement i first applies the
// statements before i not applied yet. So what is replayed follows from
// what is read: a file none of whose statements' facts reads the model
// seeds nothing and replays nothing, and the statements after the last one
// that reads it are never applied. Reads come in statement order (a read
// for a statement the model has been replayed past throws
// std::logic_error).
class ReplayedModel {
 public:
  // Read when the model is asked for before a statement whose earlier
  // statements are no longer in the window (a file linted a group of
  // statements at a time, whose model was not read while they were).
  class Unavailable : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
  };
  // `statements` (the window, statement 0 on) and `functions` must outlive
  // the model; `history` is taken over (SchemaModel::seed: a state only it
  // holds is changed in place).
  ReplayedModel(const std::vector<ir::Statement>& statements, std::vector<KnownTable> history,
                std::span<const KnownFunction> functions)
      : statements_(&statements), history_(std::move(history)), functions_(functions) {}
  // The statements it may replay from now on: group[k] is statement
  // first + k (a file read a group at a time).
  void window(const std::vector<ir::Statement>& group, size_t first);
  // Before the window's statements go: a model already read is brought to
  // the end of the window (it is read again only for later statements); one
  // not read yet cannot be read for a later statement any more (Unavailable).
  void leave_window();
  // A window of no statements (before the first window, after leaving one).
  static const std::vector<ir::Statement>& no_window();
  // The model just before statement `statement` runs.
  const SchemaModel& before(size_t statement) {
    if (seeded_ && applied_ == statement) return model_;
    return catch_up(statement);
  }
  // How far it has gone: statements applied, and whether it is seeded.
  size_t applied() const { return applied_; }
  bool seeded() const { return seeded_; }

 private:
  const SchemaModel& catch_up(size_t statement);
  const std::vector<ir::Statement>* statements_;
  size_t first_ = 0;  // the index of (*statements_)[0]
  std::vector<KnownTable> history_;
  std::span<const KnownFunction> functions_;
  SchemaModel model_;
  size_t applied_ = 0;
  bool seeded_ = false;
};

// What may read the model before one statement holds this instead of the
// model: get() replays the model to that statement when called, so it is
// called only where the model is actually read. Default: no model known.
class ModelBefore {
 public:
  ModelBefore() = default;
  ModelBefore(ReplayedModel& model, size_t statement) : model_(&model), statement_(statement) {}
  // The model just before the statement; null when none is known.
  const SchemaModel* get() const { return model_ ? &model_->before(statement_) : nullptr; }

 private:
  ReplayedModel* model_ = nullptr;
  size_t statement_ = 0;
};

}  // namespace ddlint::analysis
