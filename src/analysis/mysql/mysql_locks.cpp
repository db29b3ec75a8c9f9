// MySQL / MariaDB InnoDB online-DDL model (reference/locks.md §B).
//
// Each ALTER TABLE subcommand gets its capabilities: for each algorithm
// (INSTANT, NOCOPY, INPLACE, COPY) whether the server can run it that way, the
// weakest LOCK= it then allows, and whether the table is rebuilt or scanned.
// A statement can use an algorithm only when all its subcommands can (B.4:
// one ALTER cannot mix an INSTANT-only action with one that does not support
// INSTANT); the server then picks the cheapest one, or the one ALGORITHM=
// asks for, and LOCK= may only ask for an equal or stronger lock (B.1).
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdint>

#include "analysis/locks.h"
#include "analysis/mysql/mysql_semantics.h"
#include "core/ascii.h"

namespace ddlint::analysis {

namespace {

enum Algo { kInstant = 0, kNocopy = 1, kInplace = 2, kCopy = 3 };
enum Lock { kNone = 0, kShared = 1, kExclusive = 2 };
constexpr const char* kAlgoNames[] = {"INSTANT", "NOCOPY", "INPLACE", "COPY"};
constexpr const char* kLockNames[] = {"NONE", "SHARED", "EXCLUSIVE"};

struct Opt {
  bool ok = false;
  int lock = kNone;
  bool rebuild = false;
  bool scan = false;
};

// What one subcommand (or a whole statement) can do, per algorithm.
struct Caps {
  std::array<Opt, 4> at;
  std::string what;  // "ADD COLUMN", for failure messages
};

bool iequal(std::string_view a, std::string_view b) { return ascii_lower(a) == ascii_lower(b); }

class Builder {
 public:
  Builder(const MySqlTarget& t, std::string what) : t_(t) { c_.what = std::move(what); }
  // ALGORITHM=INSTANT exists from MySQL 8.0.12 and MariaDB 10.3.2.
  Builder& instant() {
    if (t_.at_least(t_.mariadb() ? 10 : 8, t_.mariadb() ? 3 : 0, t_.mariadb() ? 2 : 12))
      set(kInstant, kNone, false, false);
    return *this;
  }
  // MariaDB's NOCOPY: no clustered-index rebuild. MySQL has no NOCOPY:
  // there the operation is an INPLACE one without rebuild.
  Builder& nocopy(int lock = kNone, bool scan = false) {
    if (t_.mariadb())
      set(kNocopy, lock, false, scan);
    else
      set(kInplace, lock, false, scan);
    return *this;
  }
  Builder& inplace(int lock = kNone, bool rebuild = false, bool scan = false) {
    set(kInplace, lock, rebuild, scan || rebuild);
    return *this;
  }
  // A COPY that MariaDB 11.2+ cannot run online (B.1: AUTO_INCREMENT, ...).
  Builder& blocking_copy() {
    online_copy_ = false;
    return *this;
  }
  Caps done() {
    // COPY is always possible; it blocks writes, except MariaDB 11.2+'s online COPY (B.1).
    const int lock = t_.mariadb() && t_.at_least(11, 2) && online_copy_ ? kNone : kShared;
    c_.at[kCopy] = Opt{true, lock, true, true};
    return c_;
  }

 private:
  void set(int a, int lock, bool rebuild, bool scan) { c_.at[a] = Opt{true, lock, rebuild, scan}; }
  const MySqlTarget& t_;
  Caps c_;
  bool online_copy_ = true;
};

// MySQL: an operation that is INSTANT from 8.0.12 and otherwise an INPLACE
// without rebuild (metadata only), as in 5.7. MariaDB: INSTANT.
Caps metadata_op(const MySqlTarget& t, std::string what, bool mysql_instant = true) {
  Builder b(t, std::move(what));
  if (t.mariadb() || mysql_instant) b.instant();
  return b.inplace().done();
}

// Both subcommands in one statement: an algorithm both support (B.4).
Caps both(Caps a, const Caps& b) {
  for (int i = 0; i < 4; ++i)
    a.at[i] = Opt{a.at[i].ok && b.at[i].ok, std::max(a.at[i].lock, b.at[i].lock),
                  a.at[i].rebuild || b.at[i].rebuild, a.at[i].scan || b.at[i].scan};
  return a;
}

// MariaDB reads ALGORITHM=X as "X or better" (B.1): what runs INSTANT also
// runs when NOCOPY or INPLACE is asked for, what runs NOCOPY when INPLACE is.
Caps or_better(const MySqlTarget& t, Caps c) {
  if (t.mariadb())
    for (int i = kNocopy; i <= kInplace; ++i)
      if (!c.at[i].ok && c.at[i - 1].ok) c.at[i] = c.at[i - 1];
  return c;
}

Caps add_index(const MySqlTarget& t, ir::ConstraintKind kind, const MySqlTableInfo* info, bool fk_checks,
               bool replaces_pk);

// MODIFY / CHANGE COLUMN: compares the new definition with the old column.
// `adds_index`: the statement also adds an index, which MariaDB cannot
// combine with an instant change of the column layout (measured on 10.11).
// `same_type`: a column whose old definition is unknown is taken to have
// the new type already (nullability unknown) instead of a different one.
Caps modify_column(const MySqlTarget& t, const ir::AlterAction& a, const MySqlTableInfo* info,
                   bool adds_index, bool same_type_if_unknown) {
  const std::string what = a.kind == ir::AlterKind::ChangeColumn ? "CHANGE COLUMN" : "MODIFY COLUMN";
  const MySqlColumnInfo* old = info ? info->column(a.column) : nullptr;
  MySqlColumnInfo assumed;
  static const MySqlTableInfo kUnknownTable;
  if (!old && a.column_def && same_type_if_unknown) {
    assumed.name = a.column;
    assumed.type = a.column_def->type;
    assumed.not_null_known = false;
    old = &assumed;
    if (!info) info = &kUnknownTable;
  }
  if (!old || !a.column_def)
    return Builder(t, what + " (type change)").done();  // unknown: assume a type change
  const ir::ColumnDef& def = *a.column_def;
  for (const auto& k : def.constraints)
    if (k.kind == ir::ConstraintKind::Generated) return Builder(t, what + " (generated column)").done();
  // The type: same, a cheap change, or a COPY (mysql_semantics.h).
  const MySqlTypeVerdict v = mysql_type_change(t, old->type, def.type, info->charset, info->row_format);
  const std::string why = v.what.empty() ? what : what + " (" + v.what + ")";
  Caps type;
  switch (v.change) {
    case MySqlTypeChange::Same:
      type = metadata_op(t, what);
      break;
    case MySqlTypeChange::VarcharExtension:
      type = t.mariadb() ? metadata_op(t, why) : Builder(t, why).inplace().done();
      break;
    case MySqlTypeChange::EnumAppend:
      type = metadata_op(t, why);  // B.3 ENUM/SET row
      break;
    case MySqlTypeChange::CollationChange:
      // MariaDB: INSTANT, but the column's indexes are rebuilt (NOCOPY)
      // (measured on 10.11).
      if (old->indexed)
        type = Builder(t, why).nocopy().done();
      else
        type = metadata_op(t, why);
      break;
    case MySqlTypeChange::Copy:
      type = Builder(t, why).done();
      break;
  }
  if (!type.at[kInstant].ok && !type.at[kNocopy].ok && !type.at[kInplace].ok) return type;

  // Nullability: a rebuild (MariaDB: NULL is INSTANT for REDUNDANT) [B.3].
  Caps nulls = metadata_op(t, what);
  if (!old->not_null_known) {
    nulls = Builder(t, what + " (nullability)").inplace(kNone, true, true).done();  // assume it changes
  } else if (def.not_null && !old->not_null) {
    nulls = Builder(t, what + " (NOT NULL)").inplace(kNone, true, true).done();
  } else if (!def.not_null && old->not_null) {
    if (t.mariadb() && info->row_format == "REDUNDANT")
      nulls = metadata_op(t, what + " (NULL)");
    else
      nulls = Builder(t, what + " (NULL)").inplace(kNone, true, true).done();
  }
  // Position: MySQL rebuilds to reorder, MariaDB 10.4+ reorders instantly.
  Caps position = metadata_op(t, what);
  if (!a.position.empty() && (t.mysql() || adds_index || !t.at_least(10, 4)))
    position = Builder(t, what + " (reorder)").inplace(kNone, true, true).done();
  // Rename (CHANGE old new): INSTANT from MySQL 8.0.28.
  Caps rename = metadata_op(t, what);
  if (a.kind == ir::AlterKind::ChangeColumn && !iequal(def.name, a.column))
    rename = metadata_op(t, what + " (rename)", t.at_least(8, 0, 28));

  Caps out = or_better(t, type);
  for (const Caps* c : {&nulls, &position, &rename}) out = both(out, or_better(t, *c));
  // An inline key (MODIFY c INT UNIQUE) adds an index as well.
  for (const auto& k : def.constraints)
    if (k.kind == ir::ConstraintKind::Unique || k.kind == ir::ConstraintKind::PrimaryKey)
      out = both(out, or_better(t, add_index(t, k.kind, info, true, false)));
  for (const Caps* c : {&nulls, &position, &rename})
    if (c->what != what) out.what = c->what;
  if (type.what != what) out.what = type.what;
  return out;
}

// Adding an index-like constraint (ADD INDEX, CREATE INDEX, ADD PRIMARY KEY, ...).
Caps add_index(const MySqlTarget& t, ir::ConstraintKind kind, const MySqlTableInfo* info, bool fk_checks,
               bool replaces_pk) {
  using CK = ir::ConstraintKind;
  switch (kind) {
    case CK::PrimaryKey:
      // Clustered index rebuilt in place, concurrent DML allowed (B.3).
      return Builder(t, replaces_pk ? "DROP PRIMARY KEY, ADD PRIMARY KEY" : "ADD PRIMARY KEY")
          .inplace(kNone, true, true)
          .done();
    case CK::Fulltext:
      // The first FULLTEXT index adds the hidden FTS_DOC_ID column: rebuild.
      if (info && info->has_fulltext) return Builder(t, "ADD FULLTEXT INDEX").nocopy(kShared, true).done();
      return Builder(t, "ADD FULLTEXT INDEX (first)").inplace(kShared, true, true).done();
    case CK::Spatial:
      return Builder(t, "ADD SPATIAL INDEX").nocopy(kShared, true).done();
    case CK::ForeignKey:
      // INPLACE only with foreign_key_checks off (then existing rows are not
      // checked); otherwise COPY. MariaDB 10.11 runs it INSTANT (measured).
      if (!fk_checks) {
        if (t.mariadb()) return Builder(t, "ADD FOREIGN KEY").instant().done();
        return Builder(t, "ADD FOREIGN KEY").inplace().done();
      }
      return Builder(t, "ADD FOREIGN KEY (foreign_key_checks=1)").done();
    case CK::Check:
      // MySQL before 8.0.16 parses and ignores CHECK: a metadata change.
      if (!mysql_enforces_check(t)) return metadata_op(t, "ADD CHECK (not enforced)", false);
      return Builder(t, "ADD CHECK").done();  // rows are checked by a COPY (measured on MariaDB)
    default:
      return Builder(t, "ADD INDEX").nocopy(kNone, true).done();
  }
}

Caps table_options(const MySqlTarget& t, const ir::AlterAction& a) {
  // The option names as written, without quoted values (COMMENT = 'engine').
  std::string o;
  char quote = 0;
  for (char c : ascii_upper(a.native)) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else {
      o += c;
    }
  }
  if (o.find("ENCRYPTION") != std::string::npos) return Builder(t, "ENCRYPTION=").done();
  if (o.find("ENGINE") != std::string::npos && o.find("INNODB") == std::string::npos)
    return Builder(t, "ENGINE= (other engine)").done();
  if (o.find("ENGINE") != std::string::npos || o.find("ROW_FORMAT") != std::string::npos ||
      o.find("KEY_BLOCK_SIZE") != std::string::npos || o.find("FORCE") != std::string::npos)
    return Builder(t, "table rebuild (" + a.native + ")").inplace(kNone, true, true).done();
  if (o.find("CHARSET") != std::string::npos || o.find("CHARACTER SET") != std::string::npos ||
      o.find("COLLATE") != std::string::npos) {
    // MySQL rebuilds when the encoding differs (not known here); MariaDB
    // changes only the default of future columns.
    if (t.mariadb()) return metadata_op(t, "DEFAULT CHARACTER SET");
    return Builder(t, "DEFAULT CHARACTER SET").inplace(kNone, true, true).done();
  }
  if (o.find("AUTO_INCREMENT") != std::string::npos) {
    if (t.mariadb()) return metadata_op(t, "AUTO_INCREMENT=");
    return Builder(t, "AUTO_INCREMENT=").inplace().done();
  }
  // COMMENT, STATS_*, and other options: metadata only.
  if (t.mariadb()) return metadata_op(t, "table options");
  return Builder(t, "table options").inplace().done();
}

// B.3 rename index: INPLACE metadata in MySQL; INSTANT in MariaDB (measured).
Caps rename_index(const MySqlTarget& t) {
  if (t.mariadb()) return metadata_op(t, "RENAME INDEX");
  return Builder(t, "RENAME INDEX").inplace().done();
}

// True when the subcommand adds an index (ADD INDEX/UNIQUE/FULLTEXT/SPATIAL/
// PRIMARY KEY, or an ADD COLUMN with an inline key).
bool adds_index(const ir::AlterAction& a) {
  using CK = ir::ConstraintKind;
  auto index_kind = [](CK k) {
    return k == CK::Index || k == CK::Unique || k == CK::PrimaryKey || k == CK::Fulltext || k == CK::Spatial;
  };
  if ((a.kind == ir::AlterKind::AddIndex || a.kind == ir::AlterKind::AddConstraint) && a.constraint)
    return index_kind(a.constraint->kind);
  if (a.kind == ir::AlterKind::AddColumn && a.column_def)
    for (const auto& k : a.column_def->constraints)
      if (index_kind(k.kind)) return true;
  return false;
}

Caps innodb_action_caps(const MySqlTarget& t, const ir::AlterTable& at, const ir::AlterAction& a,
                        const MySqlTableInfo* info, bool fk_checks, bool same_type_if_unknown) {
  // MariaDB cannot add an index in the same statement as an instant
  // ADD/DROP/reorder column: that column change becomes an INPLACE rebuild.
  const bool with_index = t.mariadb() && std::any_of(at.actions.begin(), at.actions.end(),
                                                     [](const auto& o) { return adds_index(o); });
  using K = ir::AlterKind;
  using CK = ir::ConstraintKind;
  switch (a.kind) {
    case K::AddColumn: {
      if (!a.column_def) return metadata_op(t, "ADD COLUMN");
      const auto& def = *a.column_def;
      bool stored = false, virtual_col = false, autoinc = false, index = false, pk = false;
      for (const auto& k : def.constraints) {
        if (k.kind == CK::Generated) (k.stored ? stored : virtual_col) = true;
        if (k.kind == CK::Identity) autoinc = true;
        if (k.kind == CK::Unique || k.kind == CK::Index) index = true;
        if (k.kind == CK::PrimaryKey) pk = true;
      }
      if (stored) return Builder(t, "ADD COLUMN ... STORED").done();  // B.3: the server evaluates it
      if (autoinc)
        return Builder(t, "ADD COLUMN ... AUTO_INCREMENT")
            .inplace(kShared, true, true)
            .blocking_copy()
            .done();
      if (pk) return add_index(t, CK::PrimaryKey, info, fk_checks, false);
      // MariaDB creates a foreign key from an inline REFERENCES (MySQL ignores it).
      bool references = false;
      for (const auto& k : def.constraints) references |= k.kind == CK::ForeignKey;
      if (references && mysql_inline_references_create_fk(t))
        return add_index(t, CK::ForeignKey, info, fk_checks, false);
      // An expression DEFAULT; CURRENT_TIMESTAMP and its synonyms are plain
      // defaults (written without parentheses).
      bool expr_default = def.default_value && !def.default_value->is_constant && !def.default_value->is_null;
      if (expr_default && !def.default_value->functions.empty() &&
          std::all_of(
              def.default_value->functions.begin(), def.default_value->functions.end(), [](const auto& f) {
                return f == "current_timestamp" || f == "now" || f == "localtime" || f == "localtimestamp";
              }))
        expr_default = false;
      // MariaDB evaluates a non-constant DEFAULT (UUID(), RAND(), ...) for
      // every row: a COPY (measured on 10.11: ALGORITHM=INPLACE refused).
      if (expr_default && t.mariadb()) return Builder(t, "ADD COLUMN ... DEFAULT (expression)").done();
      Builder b(t, "ADD COLUMN");
      // INSTANT: MySQL 8.0.12+ (any position from 8.0.29), MariaDB 10.3.2+
      // (any position from 10.4). Not with FULLTEXT indexes or COMPRESSED
      // rows, nor (MySQL) an expression DEFAULT (B.4).
      bool instant = !(info && (info->has_fulltext || info->row_format == "COMPRESSED"));
      if (t.mysql() &&
          (!t.at_least(8, 0, 12) || (!a.position.empty() && !t.at_least(8, 0, 29)) || expr_default))
        instant = false;
      if (t.mariadb() && !a.position.empty() && !t.at_least(10, 4)) instant = false;
      if (virtual_col) instant = t.mariadb() || t.at_least(8, 0, 12);
      if (with_index && !virtual_col) instant = false;
      if (instant) b.instant();
      // INPLACE rebuilds the table (MySQL 5.7, MySQL ALGORITHM=INPLACE, and
      // MariaDB when INSTANT is not possible); a VIRTUAL column does not.
      b.inplace(kNone, !virtual_col, !virtual_col);
      Caps c = b.done();
      if (index) c = both(or_better(t, c), or_better(t, add_index(t, CK::Index, info, fk_checks, false)));
      return c;
    }
    case K::DropColumn: {
      // INSTANT from MySQL 8.0.29 and MariaDB 10.4; INPLACE rebuild otherwise.
      Builder b(t, "DROP COLUMN");
      const bool blocked = info && (info->has_fulltext || info->row_format == "COMPRESSED");
      if (!blocked && !with_index && (t.mariadb() ? t.at_least(10, 4) : t.at_least(8, 0, 29))) b.instant();
      b.inplace(kNone, true, true);
      // MariaDB drops the column's indexes with it: NOCOPY for an indexed column [measured].
      const MySqlColumnInfo* col = info ? info->column(a.column) : nullptr;
      if (t.mariadb() && col && col->indexed && !blocked && !with_index && t.at_least(10, 4)) {
        Caps c = b.done();
        c.at[kInstant] = Opt{};
        c.at[kNocopy] = Opt{true, kNone, false, false};
        c.at[kInplace] = c.at[kNocopy];
        return c;
      }
      return b.done();
    }
    case K::ModifyColumn:
    case K::ChangeColumn:
    case K::AlterColumnType:
      if (a.kind == K::AlterColumnType) return Builder(t, "column type change").done();
      return modify_column(t, a, info, with_index, same_type_if_unknown);
    case K::RenameColumn:
      return metadata_op(t, "RENAME COLUMN", t.at_least(8, 0, 28));
    case K::SetDefault:
    case K::DropDefault:
      return metadata_op(t, "ALTER COLUMN ... DEFAULT");
    case K::AddIndex:
    case K::AddConstraint: {
      if (!a.constraint) return Builder(t, "ADD INDEX").nocopy(kNone, true).done();
      // CHECK ... NOT ENFORCED: no row is checked.
      if (a.constraint->kind == CK::Check && a.constraint->not_enforced)
        return metadata_op(t, "ADD CHECK (not enforced)", false);
      bool replaces_pk = false;
      if (a.constraint->kind == CK::PrimaryKey)
        for (const auto& o : at.actions) replaces_pk |= o.kind == K::DropPrimaryKey;
      return add_index(t, a.constraint->kind, info, fk_checks, replaces_pk);
    }
    case K::DropIndex:
      return Builder(t, "DROP INDEX").nocopy().done();
    case K::DropConstraint:
      // DROP FOREIGN KEY / CHECK / CONSTRAINT: metadata. MySQL drops a
      // foreign key INPLACE (B.3); MariaDB instantly (measured).
      if (t.mariadb()) return metadata_op(t, "DROP CONSTRAINT");
      return Builder(t, "DROP CONSTRAINT").inplace().done();
    case K::DropPrimaryKey: {
      for (const auto& o : at.actions)
        if ((o.kind == K::AddConstraint || o.kind == K::AddIndex) && o.constraint &&
            o.constraint->kind == CK::PrimaryKey)
          return Builder(t, "DROP PRIMARY KEY, ADD PRIMARY KEY").inplace(kNone, true, true).done();
      return Builder(t, "DROP PRIMARY KEY").done();  // COPY only (B.3)
    }
    case K::ConvertCharset:
      // MySQL 8.0: INPLACE rebuild without concurrent DML; 5.7 and MariaDB: COPY.
      if (t.mysql() && t.at_least(8, 0))
        return Builder(t, "CONVERT TO CHARACTER SET").inplace(kShared, true, true).done();
      return Builder(t, "CONVERT TO CHARACTER SET").done();
    case K::TableOptions:
      return table_options(t, a);
    case K::RenameTable: {
      // MariaDB runs it INSTANT but only under LOCK=EXCLUSIVE (B.3, measured).
      Caps c = metadata_op(t, "RENAME TO");
      if (t.mariadb())
        for (auto& o : c.at)
          if (o.ok) o.lock = kExclusive;
      return c;
    }
    case K::Other: {
      // Subcommands the IR names only by their leading words.
      const std::string n = ascii_upper(a.native);
      if (n == "RENAME INDEX" || n == "RENAME KEY") return rename_index(t);
      // ALTER INDEX i [NOT] IGNORED (MariaDB; measured INSTANT on 10.11),
      // ALTER INDEX i [IN]VISIBLE (MySQL: in place, metadata only).
      if (n == "ALTER INDEX") {
        if (t.mariadb()) return metadata_op(t, "ALTER INDEX");
        return Builder(t, "ALTER INDEX").inplace().done();
      }
      // MariaDB DROP SYSTEM VERSIONING: an INPLACE rebuild with LOCK=SHARED
      // (measured on 10.11: NOCOPY and LOCK=NONE refused, "Not implemented
      // for system-versioned operations"); not one 11.2+'s online COPY runs (B.1).
      if (n == "DROP SYSTEM VERSIONING" && t.mariadb())
        return Builder(t, n).inplace(kShared, true, true).blocking_copy().done();
      if (n == "FORCE") return Builder(t, "FORCE").inplace(kNone, true, true).done();  // B.3 null rebuild
      return Builder(t, a.native.empty() ? std::string("ALTER TABLE") : a.native).done();
    }
    default:
      // Anything else (partitioning, PostgreSQL-only subcommands): a COPY.
      return Builder(t, a.native.empty() ? std::string(ir::to_string(a.kind)) : a.native).done();
  }
}

// Online DDL (INSTANT, NOCOPY, INPLACE) is InnoDB's (B.1). On another engine
// (MyISAM, ...) a change of the stored data or the indexes is a COPY; only
// metadata changes stay instant: renaming a column, its DEFAULT, a restated
// column (a new COMMENT), table options other than AUTO_INCREMENT and ENGINE
// (measured on MariaDB 10.11 with MyISAM).
Caps action_caps(const MySqlTarget& t, const ir::AlterTable& at, const ir::AlterAction& a,
                 const MySqlTableInfo* info, bool fk_checks, bool same_type_if_unknown = false) {
  Caps c = innodb_action_caps(t, at, a, info, fk_checks, same_type_if_unknown);
  if (!info || info->engine.empty() || info->engine == "innodb") return c;
  using K = ir::AlterKind;
  bool metadata = false;
  switch (a.kind) {
    case K::RenameColumn:
    case K::SetDefault:
    case K::DropDefault:
    case K::ModifyColumn:
    case K::ChangeColumn:
      metadata = true;
      break;
    case K::TableOptions: {
      const std::string o = ascii_upper(a.native);
      metadata = o.find("AUTO_INCREMENT") == std::string::npos && o.find("ENGINE") == std::string::npos;
      break;
    }
    default:
      break;
  }
  // A metadata change by the engine-independent part of the server: INSTANT
  // when InnoDB would run it instantly without rebuilding.
  if (metadata && c.at[kInstant].ok && !c.at[kInstant].rebuild) return c;
  return Builder(t, c.what + " (ENGINE=" + ascii_upper(info->engine) + ")").done();
}

int parse_algo(const std::string& s) {
  for (int i = 0; i < 4; ++i)
    if (s == kAlgoNames[i]) return i;
  return -1;  // DEFAULT or absent
}
int parse_lock(const std::string& s) {
  for (int i = 0; i < 3; ++i)
    if (s == kLockNames[i]) return i;
  return -1;
}

// Chooses the algorithm and lock for a statement's combined capabilities.
void resolve(const MySqlTarget& t, Caps caps, const std::string& algorithm, const std::string& lock,
             TableEffect& e, StatementEffect& out) {
  // MariaDB reads ALGORITHM=X as "X or better": an operation that can run
  // INSTANT can also be asked for NOCOPY or INPLACE. MySQL runs what is asked.
  if (t.mariadb())
    for (int i = kNocopy; i <= kInplace; ++i)
      if (!caps.at[i].ok && caps.at[i - 1].ok) caps.at[i] = caps.at[i - 1];
  const int req_algo = parse_algo(algorithm);
  const int req_lock = parse_lock(lock);

  // Without clauses: the cheapest algorithm, with its weakest lock.
  auto pick = [&](int algo, int lk) -> int {
    for (int i = 0; i < 4; ++i) {
      const Opt& o = caps.at[i];
      if (!o.ok) continue;
      if (algo >= 0) {
        if (t.mariadb() ? (algo == kCopy ? i != kCopy : i > algo) : i != algo) continue;
      }
      // MySQL: only LOCK=DEFAULT goes with INSTANT (B.1), so a LOCK clause
      // without ALGORITHM makes the server use INPLACE or COPY.
      if (t.mysql() && i == kInstant && lk >= 0) continue;
      if (lk >= 0 && o.lock > lk) continue;
      return i;
    }
    return -1;
  };
  // The clauses that pin what the server does without any.
  if (const int best = pick(-1, -1); best >= 0) {
    out.detail().online_clauses = std::string("ALGORITHM=") + kAlgoNames[best];
    if (!(t.mysql() && best == kInstant))
      out.detail().online_clauses += std::string(", LOCK=") + kLockNames[caps.at[best].lock];
  }
  int chosen = pick(req_algo, req_lock);
  if (chosen < 0) {
    out.fails = true;
    // The ALGORITHM= clause is refused unless the algorithm alone works and
    // the LOCK= clause is what it cannot honour.
    out.failed_clause =
        req_algo >= 0 && !(req_lock >= 0 && pick(req_algo, -1) >= 0 && !(t.mysql() && req_algo == kInstant))
            ? StatementEffect::Clause::Algorithm
            : StatementEffect::Clause::Lock;
    if (t.mysql() && req_algo == kNocopy)
      out.detail().fail_reason = "ALGORITHM=NOCOPY exists only in MariaDB";
    else if (t.mysql() && req_algo == kInstant && req_lock >= 0)
      out.detail().fail_reason = "only LOCK=DEFAULT is allowed with ALGORITHM=INSTANT";
    else if (req_algo >= 0 && pick(req_algo, -1) < 0)
      out.detail().fail_reason =
          std::string("ALGORITHM=") + kAlgoNames[req_algo] + " is not supported for " + caps.what;
    else
      out.detail().fail_reason = std::string("LOCK=") + (req_lock >= 0 ? kLockNames[req_lock] : "DEFAULT") +
                                 " is not supported for " + caps.what;
    chosen = pick(-1, -1);  // what the statement does without the clauses
  }
  if (chosen < 0) chosen = kCopy;
  const Opt& o = caps.at[chosen];
  const int lk = std::max(o.lock, out.fails ? -1 : req_lock);
  e.lock_requested = lk > o.lock;
  e.algorithm_requested = !out.fails && req_algo >= 0 && chosen > pick(-1, -1);
  e.detail().operation = caps.what;
  e.detail().algorithm = kAlgoNames[chosen];
  e.detail().lock = kLockNames[lk];
  e.blocks = lk == kNone ? Blocks::Ddl : lk == kShared ? Blocks::Writes : Blocks::ReadsAndWrites;
  e.rewrite = o.rebuild;
  e.scan = o.scan || o.rebuild;
  e.mode = std::string("MDL EXCLUSIVE (brief), LOCK=") + e.lock();
}

TableEffect table_effect(const ir::QualifiedName& t) {
  TableEffect e;
  e.table = t;
  return e;
}

}  // namespace

const MySqlColumnInfo* MySqlTableInfo::column(std::string_view name) const {
  for (const auto& c : columns)
    if (iequal(c.name, name)) return &c;
  return nullptr;
}

const MySqlTableInfo* MySqlContext::table(const ir::QualifiedName& name) const {
  for (const auto& [n, info] : tables)
    if (iequal(n.name, name.name) &&
        (n.schema.empty() || name.schema.empty() || iequal(n.schema, name.schema)))
      return &info;
  return nullptr;
}

StatementEffect mysql_statement_effect(const ir::Statement& stmt, const Settings& s,
                                       const MySqlContext* ctx) {
  const MySqlTarget& t = s.mysql;
  const bool fk_checks = ctx ? ctx->foreign_key_checks : true;
  auto info_of = [&](const ir::QualifiedName& n) { return ctx ? ctx->table(n) : nullptr; };
  StatementEffect out;
  ir::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ir::AlterTable>) {
          out.implicit_commit = true;
          const MySqlTableInfo* info = info_of(n.table);
          // The statement's capabilities; `optimistic`: unknown old column
          // definitions are taken to be of the new type already.
          std::vector<Caps> per_action(n.actions.size());
          auto statement_caps = [&](bool optimistic) {
            // Start from "everything possible" and narrow it per subcommand; an
            // ALTER without subcommands changes nothing.
            Caps all = metadata_op(t, "ALTER TABLE");
            for (int i = 0; i < 3; ++i) all.at[i] = Opt{t.mariadb() || i != kNocopy, kNone, false, false};
            if (n.actions.empty()) all = metadata_op(t, "ALTER TABLE");
            bool first = true;
            for (const auto& a : n.actions) {
              // DROP PRIMARY KEY + ADD PRIMARY KEY is judged once, at the ADD.
              if (a.kind == ir::AlterKind::DropPrimaryKey)
                if (std::any_of(n.actions.begin(), n.actions.end(), [](const ir::AlterAction& o) {
                      return o.constraint && o.constraint->kind == ir::ConstraintKind::PrimaryKey;
                    }))
                  continue;
              Caps c = action_caps(t, n, a, info, fk_checks, optimistic);
              if (t.mariadb())  // "X or better" applies per subcommand too
                for (int i = kNocopy; i <= kInplace; ++i)
                  if (!c.at[i].ok && c.at[i - 1].ok) c.at[i] = c.at[i - 1];
              all = both(std::move(all), c);
              per_action[static_cast<size_t>(&a - n.actions.data())] = c;
              // The costliest subcommand names the statement in messages.
              auto best = [](const Caps& x) {
                for (int i = 0; i < 4; ++i)
                  if (x.at[i].ok) return i;
                return 4;
              };
              if (first || best(c) >= best(all)) all.what = c.what;
              first = false;
            }
            // MariaDB rebuilds a table with a FULLTEXT index in place only
            // with LOCK=SHARED (measured on 10.11: ADD COLUMN, DROP COLUMN,
            // FORCE on such a table refuse LOCK=NONE).
            if (t.mariadb() && info && info->has_fulltext)
              for (int i = kNocopy; i <= kInplace; ++i)
                if (all.at[i].ok && all.at[i].rebuild)
                  all.at[i].lock = std::max(all.at[i].lock, int{kShared});
            // More than one FULLTEXT index in one statement: COPY (B.3 MariaDB:
            // "one at a time"; measured).
            if (std::count_if(n.actions.begin(), n.actions.end(), [](const ir::AlterAction& a) {
                  return a.constraint && a.constraint->kind == ir::ConstraintKind::Fulltext;
                }) > 1)
              all = both(std::move(all), Builder(t, "ADD FULLTEXT INDEX (more than one)").done());
            return all;
          };
          TableEffect e = table_effect(n.table);
          resolve(t, statement_caps(false), n.algorithm, n.lock, e, out);
          // The subcommand that decides the verdict.
          const int chosen = parse_algo(e.algorithm());
          const int lk = parse_lock(e.lock());
          auto decide = [&](auto&& pred) {
            for (size_t i = 0; i < per_action.size() && e.action == SIZE_MAX; ++i)
              if (!per_action[i].what.empty() && pred(per_action[i])) e.action = i;
          };
          if (chosen == kCopy && !e.algorithm_requested)
            decide(
                [&](const Caps& c) { return !c.at[kInstant].ok && !c.at[kNocopy].ok && !c.at[kInplace].ok; });
          else if (lk > kNone && !e.lock_requested && chosen >= 0)
            decide([&](const Caps& c) { return c.at[chosen].ok && c.at[chosen].lock >= lk; });
          if (e.action == SIZE_MAX && per_action.size() == 1) e.action = 0;
          if (e.action != SIZE_MAX) e.detail().operation = per_action[e.action].what;
          // A COPY only because MODIFY/CHANGE of columns whose old definition
          // is unknown is taken as a type change: say which ones.
          std::vector<std::string> unknown;
          for (const auto& a : n.actions)
            if ((a.kind == ir::AlterKind::ModifyColumn || a.kind == ir::AlterKind::ChangeColumn) &&
                a.column_def && !(info && info->column(a.column)))
              unknown.push_back(a.column);
          if ((e.copies() || out.fails) && !unknown.empty()) {
            const Caps optimistic = statement_caps(true);
            TableEffect alt = table_effect(n.table);
            StatementEffect scratch;
            resolve(t, optimistic, "", "", alt, scratch);
            if (e.copies() && !alt.copies()) {
              e.detail().assumed_columns = unknown;
              // For `ddlint locks`: the copy rests on these definitions.
              for (const auto& c : unknown) e.detail().unless += (e.unless().empty() ? "`" : ", `") + c + "`";
              e.detail().unless += (unknown.size() == 1 ? " already has" : " already have") +
                                   std::string(" the definition written");
            }
            StatementEffect with_clauses;
            resolve(t, optimistic, n.algorithm, n.lock, alt, with_clauses);
            if (out.fails && !with_clauses.fails) out.detail().fail_assumed_columns = unknown;
          }
          // RENAME COLUMN is syntax of MySQL 8.0 and MariaDB 10.5.2: older
          // servers refuse the statement (CHANGE renames there).
          // Such a statement fails before it opens the table: no lock, no copy.
          const bool rename_ok = t.mariadb() ? t.at_least(10, 5, 2) : t.at_least(8, 0, 0);
          for (size_t k = 0; k < n.actions.size() && !rename_ok; ++k)
            if (n.actions[k].kind == ir::AlterKind::RenameColumn) {
              out.fails = true;
              out.failed_clause = StatementEffect::Clause::Statement;
              out.detail().failed_action = k;
              out.detail().fail_reason = std::string("RENAME COLUMN is syntax of ") +
                                         (t.mariadb() ? "MariaDB 10.5.2" : "MySQL 8.0") + " and later";
              out.detail().fail_assumed_columns.clear();
              out.detail().online_clauses.clear();
              break;
            }
          if (out.failed_clause != StatementEffect::Clause::Statement) out.tables.push_back(e);
        } else if constexpr (std::is_same_v<T, ir::CreateIndex>) {
          out.implicit_commit = true;
          const ir::ConstraintKind kind = n.unique ? ir::ConstraintKind::Unique : n.mysql_kind;
          TableEffect e = table_effect(n.table);
          resolve(t, add_index(t, kind, info_of(n.table), fk_checks, false), n.algorithm, n.lock, e, out);
          out.tables.push_back(e);
        } else if constexpr (std::is_same_v<T, ir::Drop>) {
          // DROP TABLE/INDEX/VIEW/DATABASE/... (TEMPORARY tables excepted)
          out.implicit_commit = !n.temporary;
          // DROP TEMPORARY TABLE drops only this session's tables: no
          // metadata lock another session could wait on or queue behind.
          for (const auto& name : n.temporary ? std::vector<ir::QualifiedName>{} : n.names) {
            TableEffect e = table_effect(name);
            e.object = n.object;
            if (n.object == ir::ObjectKind::Index) {
              // DROP INDEX i ON t: as ALTER TABLE t DROP INDEX i.
              resolve(t, Builder(t, "DROP INDEX").nocopy().done(), "", "", e, out);
            } else if (n.object == ir::ObjectKind::Table || n.object == ir::ObjectKind::View) {
              e.mode = "MDL EXCLUSIVE";
              e.detail().lock = kLockNames[kExclusive];
              e.blocks = Blocks::ReadsAndWrites;
            } else {
              continue;
            }
            out.tables.push_back(e);
          }
        } else if constexpr (std::is_same_v<T, ir::Truncate>) {
          // TRUNCATE drops and recreates the table under an exclusive MDL.
          out.implicit_commit = true;
          for (const auto& name : n.tables) {
            TableEffect e = table_effect(name);
            e.mode = "MDL EXCLUSIVE";
            e.detail().lock = kLockNames[kExclusive];
            e.blocks = Blocks::ReadsAndWrites;
            e.rewrite = true;
            out.tables.push_back(e);
          }
        } else if constexpr (std::is_same_v<T, ir::Rename>) {
          out.implicit_commit = true;
          if (n.object == ir::ObjectKind::Table) {
            TableEffect e = table_effect(n.target);
            ir::AlterTable at;
            at.table = n.target;
            ir::AlterAction a;
            a.kind = ir::AlterKind::RenameTable;
            a.name = n.new_name;
            resolve(t, action_caps(t, at, a, nullptr, fk_checks), "", "", e, out);
            out.tables.push_back(e);
          } else if (n.object == ir::ObjectKind::Column || n.object == ir::ObjectKind::Index) {
            TableEffect e = table_effect(n.target);
            resolve(t,
                    n.object == ir::ObjectKind::Column ? metadata_op(t, "RENAME COLUMN", t.at_least(8, 0, 28))
                                                       : rename_index(t),
                    "", "", e, out);
            out.tables.push_back(e);
          }
        } else if constexpr (std::is_same_v<T, ir::Vacuum>) {
          // OPTIMIZE TABLE: InnoDB recreates the table in place (B.3; FULLTEXT
          // tables are copied); it takes no ALGORITHM=/LOCK= clause.
          out.implicit_commit = true;
          for (const auto& name : n.tables) {
            TableEffect e = table_effect(name);
            const MySqlTableInfo* info = info_of(name);
            resolve(t,
                    info && info->has_fulltext
                        ? Builder(t, "OPTIMIZE TABLE (FULLTEXT)").done()
                        : Builder(t, "OPTIMIZE TABLE").inplace(kNone, true, true).done(),
                    "", "", e, out);
            out.tables.push_back(e);
          }
        } else if constexpr (std::is_same_v<T, ir::CreateTable>) {
          out.implicit_commit = !n.temporary;
        } else if constexpr (std::is_same_v<T, ir::Transaction>) {
          // START TRANSACTION / BEGIN commits the open transaction first (B.6).
          out.implicit_commit = n.kind == ir::TransactionKind::Begin;
        } else if constexpr (std::is_same_v<T, ir::Insert> || std::is_same_v<T, ir::Update> ||
                             std::is_same_v<T, ir::Delete>) {
          // DML takes a shared-write metadata lock and InnoDB row locks only.
          TableEffect e = table_effect(n.table);
          e.mode = "MDL SHARED_WRITE, row locks";
          out.tables.push_back(e);
        } else if constexpr (std::is_same_v<T, ir::Opaque>) {
          // Statements ddlint does not model still commit the open
          // transaction when they are DDL, account management or table
          // maintenance (CREATE VIEW / DATABASE / TRIGGER / PROCEDURE, GRANT,
          // ANALYZE TABLE, UNLOCK TABLES ...).
          static constexpr std::string_view kCommits[] = {
              "Create", "Alter",   "Drop",  "Rename", "Grant", "Revoke", "Analyze",  "Check",
              "Repair", "Install", "Flush", "Unlock", "Reset", "Cache",  "Uninstall"};
          for (std::string_view k : kCommits)
            if (n.node.rfind(k, 0) == 0) out.implicit_commit = true;
        } else if constexpr (std::is_same_v<T, ir::LockTable>) {
          // LOCK TABLES t READ | WRITE (commits the open transaction).
          out.implicit_commit = true;
          for (size_t k = 0; k < n.tables.size(); ++k) {
            const auto& name = n.tables[k];
            const std::string mode = ascii_upper(k < n.table_modes.size() ? n.table_modes[k] : n.mode);
            TableEffect e = table_effect(name);
            const bool write = mode.find("WRITE") != std::string::npos;
            e.mode = "LOCK TABLES " + mode;
            e.detail().lock = kLockNames[write ? kExclusive : kShared];
            e.blocks = write ? Blocks::ReadsAndWrites : Blocks::Writes;
            out.tables.push_back(e);
          }
        }
      },
      stmt.node);
  // Every metadata lock holds off DDL at least; the MySQL modes order by
  // what they block.
  for (auto& e : out.tables) {
    e.blocks = std::max(e.blocks, Blocks::Ddl);
    e.strength = static_cast<int>(e.blocks);
    // DDL (it commits implicitly) takes the exclusive metadata lock briefly.
    e.waiting = out.implicit_commit ? Blocks::ReadsAndWrites : e.blocks;
  }
  return out;
}

}  // namespace ddlint::analysis
