#include "parser/mysql/mysql_lower.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace ddlint::parser::mysql {

namespace {

using P = ddlint_mysql_grammar::MySqlParser;

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string upper_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Text of a quoted literal or identifier without its quotes: a doubled quote
// is one quote; in '...' and "..." a backslash escapes the next character.
std::string unquote(std::string_view s) {
  if (s.size() < 2) return std::string(s);
  const char q = s.front();
  std::string out;
  for (size_t i = 1; i + 1 < s.size(); ++i) {
    const char c = s[i];
    if (q != '`' && c == '\\' && i + 2 < s.size()) {
      const char e = s[++i];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        case 'b':
          out += '\b';
          break;
        case 'Z':
          out += '\x1a';
          break;
        default:
          out += e;
      }
      continue;
    }
    if (c == q && i + 2 < s.size() && s[i + 1] == q) ++i;
    out += c;
  }
  return out;
}

bool is_word(size_t type) {
  return type == P::ID || type == P::BQ_ID || (type >= P::ACTION && type <= P::ZEROFILL);
}

// Functions MySQL lets you call without parentheses.
bool is_bare_function(std::string_view w) {
  static constexpr std::string_view kNames[] = {"current_timestamp", "current_date",   "current_time",
                                                "localtime",         "localtimestamp", "utc_timestamp",
                                                "utc_date",          "utc_time",       "current_user"};
  return std::find(std::begin(kNames), std::end(kNames), w) != std::end(kNames);
}

// Canonical names for the type synonyms the server rewrites (SHOW CREATE
// TABLE prints the canonical one).
std::string canonical_type(const std::string& t) {
  static const std::pair<std::string_view, std::string_view> kSynonyms[] = {{"integer", "int"},
                                                                            {"int1", "tinyint"},
                                                                            {"int2", "smallint"},
                                                                            {"int3", "mediumint"},
                                                                            {"int4", "int"},
                                                                            {"int8", "bigint"},
                                                                            {"middleint", "mediumint"},
                                                                            {"dec", "decimal"},
                                                                            {"numeric", "decimal"},
                                                                            {"fixed", "decimal"},
                                                                            {"float4", "float"},
                                                                            {"float8", "double"},
                                                                            {"double precision", "double"},
                                                                            {"real", "double"},
                                                                            {"character", "char"},
                                                                            {"character varying", "varchar"},
                                                                            {"bool", "tinyint"},
                                                                            {"boolean", "tinyint"},
                                                                            {"long", "mediumtext"},
                                                                            {"long varchar", "mediumtext"},
                                                                            {"long varbinary", "mediumblob"},
                                                                            {"long binary", "mediumblob"}};
  if (t.rfind("national ", 0) == 0) return canonical_type(t.substr(9));
  for (const auto& [from, to] : kSynonyms)
    if (t == from) return std::string(to);
  return t;
}

class Lowerer {
 public:
  Lowerer(std::string_view original, uint32_t base, const std::vector<antlr4::Token*>& tokens)
      : original_(original), base_(base), tokens_(tokens) {}

  TextRange range(antlr4::Token* t) const {
    return {base_ + static_cast<uint32_t>(t->getStartIndex()),
            base_ + static_cast<uint32_t>(t->getStopIndex()) + 1};
  }
  TextRange range(antlr4::tree::TerminalNode* n) const { return range(n->getSymbol()); }
  TextRange range(antlr4::ParserRuleContext* c) const {
    if (c == nullptr || c->start == nullptr) return {};
    antlr4::Token* stop = c->stop;
    if (stop == nullptr || stop->getTokenIndex() < c->start->getTokenIndex() ||
        stop->getType() == antlr4::Token::EOF) {
      const uint32_t b = base_ + static_cast<uint32_t>(c->start->getStartIndex());
      return {b, b};
    }
    return {range(c->start).begin, range(stop).end};
  }
  std::string_view text(TextRange r) const {
    return r.end <= original_.size() ? original_.substr(r.begin, r.size()) : std::string_view();
  }
  template <class T>
  std::string_view text(T* node) const {
    return text(range(node));
  }

  // Identifiers keep their spelling; backticks and double quotes are removed.
  std::string ident(P::IdentContext* c) const {
    if (c == nullptr) return {};
    const std::string_view s = text(c);
    if (s.size() >= 2 && (s.front() == '`' || s.front() == '"')) return unquote(s);
    return std::string(s);
  }
  // Column, index and constraint names: MySQL compares them case-insensitively.
  std::string name(P::IdentContext* c) const { return lower_ascii(ident(c)); }

  ir::QualifiedName table_name(P::TableNameContext* c) const {
    ir::QualifiedName q;
    if (c == nullptr) return q;
    q.range = range(c);
    if (c->second != nullptr) {
      q.schema = ident(c->first);
      q.name = ident(c->second);
    } else {
      q.name = ident(c->first);
    }
    return q;
  }

  std::string name_or_string(P::NameOrStringContext* c) const {
    if (c == nullptr) return {};
    if (c->STRING() != nullptr) return unquote(text(c));
    return ident(c->ident());
  }

  // Summary of the tokens [from, to] (inclusive token indices).
  ir::Expr expr(size_t from, size_t to) const {
    ir::Expr e;
    if (from > to || to >= tokens_.size()) return e;
    e.range = {range(tokens_[from]).begin, range(tokens_[to]).end};
    bool constant = true;
    size_t values = 0;
    size_t nulls = 0;
    for (size_t i = from; i <= to; ++i) {
      antlr4::Token* t = tokens_[i];
      const size_t type = t->getType();
      if (type == P::LPAREN || type == P::RPAREN) continue;
      ++values;
      if (type == P::NULL_SYM) {
        ++nulls;
        continue;
      }
      if (type == P::NUMBER || type == P::HEX_NUMBER || type == P::STRING || type == P::DQ_STRING ||
          type == P::MINUS || type == P::PLUS)
        continue;
      if (is_word(type)) {
        const std::string w = lower_ascii(text(range(t)));
        const bool call = i + 1 <= to && tokens_[i + 1]->getType() == P::LPAREN;
        if (call || (type != P::BQ_ID && is_bare_function(w))) {
          constant = false;
          if (std::find(e.functions.begin(), e.functions.end(), w) == e.functions.end())
            e.functions.push_back(w);
          continue;
        }
        const bool introducer = i + 1 <= to && tokens_[i + 1]->getType() == P::STRING &&
                                (w.front() == '_' || w == "b" || w == "x" || w == "n");
        if (w == "true" || w == "false" || introducer) {
          if (introducer) --values;
          continue;
        }
      }
      constant = false;
    }
    e.is_null = values == 1 && nulls == 1;
    e.is_constant = constant && values > 0;
    return e;
  }
  ir::Expr expr(antlr4::ParserRuleContext* c) const {
    return expr(c->start->getTokenIndex(), c->stop->getTokenIndex());
  }
  // The inside of a parenthesised group: `(a > 0)` -> `a > 0`.
  ir::Expr inner_expr(P::ParenGroupContext* c) const {
    const size_t from = c->start->getTokenIndex() + 1;
    const size_t to = c->stop->getTokenIndex();
    if (to <= from) {
      ir::Expr e;
      e.range = {range(c->stop).begin, range(c->stop).begin};
      return e;
    }
    return expr(from, to - 1);
  }

  ir::TypeName type(P::DataTypeContext* c) const {
    ir::TypeName t;
    t.range = range(c);
    auto* n = c->typeName();
    std::string base;
    for (auto* child : n->children) {
      if (!base.empty()) base += ' ';
      base += lower_ascii(child->getText());
    }
    if (n->ident() != nullptr && n->children.size() == 1) base = lower_ascii(ident(n->ident()));
    t.name = canonical_type(base);
    if (auto* args = c->typeArgs())
      for (auto* a : args->typeArg()) t.modifiers.emplace_back(text(a));
    // BOOL/BOOLEAN are TINYINT(1), as the server stores and shows them.
    if ((base == "bool" || base == "boolean") && t.modifiers.empty()) t.modifiers.emplace_back("1");
    t.is_unsigned = !c->UNSIGNED().empty();
    return t;
  }

  ir::Constraint references(P::ReferencesClauseContext* c, TextRange r) const {
    ir::Constraint k;
    k.kind = ir::ConstraintKind::ForeignKey;
    k.range = r;
    k.ref_table = table_name(c->tableName());
    if (auto* l = c->identList())
      for (auto* i : l->ident()) k.ref_columns.push_back(name(i));
    return k;
  }

  ir::ColumnDef column(P::ColumnDefContext* c) const {
    ir::ColumnDef col;
    col.name = name(c->ident());
    col.name_range = range(c->ident());
    col.range = range(c);
    col.type = type(c->dataType());
    for (auto* a : c->columnAttr()) {
      ir::Constraint k;
      k.range = range(a);
      if (auto* x = dynamic_cast<P::NullAttrContext*>(a)) {
        k.kind = x->NOT() ? ir::ConstraintKind::NotNull : ir::ConstraintKind::Null;
        if (x->NOT()) col.not_null = true;
      } else if (auto* x = dynamic_cast<P::DefaultAttrContext*>(a)) {
        k.kind = ir::ConstraintKind::Default;
        k.expr = expr(x->defaultValue());
        col.default_value = k.expr;
      } else if (dynamic_cast<P::AutoIncrementAttrContext*>(a)) {
        k.kind = ir::ConstraintKind::Identity;
      } else if (dynamic_cast<P::PrimaryKeyAttrContext*>(a)) {
        k.kind = ir::ConstraintKind::PrimaryKey;
        col.not_null = true;
      } else if (dynamic_cast<P::UniqueAttrContext*>(a)) {
        k.kind = ir::ConstraintKind::Unique;
      } else if (auto* x = dynamic_cast<P::CharsetAttrContext*>(a)) {
        col.type.charset = lower_ascii(name_or_string(x->nameOrString()));
        continue;
      } else if (auto* x = dynamic_cast<P::GeneratedAttrContext*>(a)) {
        k.kind = ir::ConstraintKind::Generated;
        k.expr = inner_expr(x->parenGroup());
        k.stored = x->STORED() != nullptr || x->PERSISTENT() != nullptr;
      } else if (auto* x = dynamic_cast<P::ReferencesAttrContext*>(a)) {
        k = references(x->referencesClause(), k.range);
      } else if (auto* x = dynamic_cast<P::CheckAttrContext*>(a)) {
        k.kind = ir::ConstraintKind::Check;
        k.name = name(x->cname);
        k.expr = inner_expr(x->parenGroup());
      } else {
        continue;  // COMMENT, COLLATE, ON UPDATE, BINARY, visibility, storage: nothing to check
      }
      col.constraints.push_back(std::move(k));
    }
    return col;
  }

  std::vector<std::string> key_parts(P::KeyPartsContext* c) const {
    std::vector<std::string> out;
    for (auto* p : c->keyPart()) {
      if (p->ident() != nullptr)
        out.push_back(name(p->ident()));
      else
        out.emplace_back(text(p->parenGroup()));
    }
    return out;
  }

  ir::Constraint table_constraint(P::TableConstraintContext* c) const {
    ir::Constraint k;
    k.range = range(c);
    if (auto* x = dynamic_cast<P::PrimaryKeyConstraintContext*>(c)) {
      k.kind = ir::ConstraintKind::PrimaryKey;
      k.name = name(x->cname ? x->cname : x->iname);
      k.columns = key_parts(x->keyParts());
    } else if (auto* x = dynamic_cast<P::UniqueConstraintContext*>(c)) {
      k.kind = ir::ConstraintKind::Unique;
      k.name = name(x->iname ? x->iname : x->cname);
      k.columns = key_parts(x->keyParts());
    } else if (auto* x = dynamic_cast<P::ForeignKeyConstraintContext*>(c)) {
      k = references(x->referencesClause(), k.range);
      k.name = name(x->cname ? x->cname : x->iname);
      for (auto* i : x->identList()->ident()) k.columns.push_back(name(i));
    } else if (auto* x = dynamic_cast<P::CheckConstraintContext*>(c)) {
      k.kind = ir::ConstraintKind::Check;
      k.name = name(x->cname);
      k.expr = inner_expr(x->parenGroup());
    } else if (auto* x = dynamic_cast<P::IndexConstraintContext*>(c)) {
      k.kind = ir::ConstraintKind::Index;
      k.name = name(x->iname);
      k.columns = key_parts(x->keyParts());
    } else if (auto* x = dynamic_cast<P::SpecialIndexConstraintContext*>(c)) {
      k.kind = x->FULLTEXT() ? ir::ConstraintKind::Fulltext : ir::ConstraintKind::Spatial;
      k.name = name(x->iname);
      k.columns = key_parts(x->keyParts());
    }
    return k;
  }

  // ADD INDEX/KEY/UNIQUE/FULLTEXT/SPATIAL (not PRIMARY KEY, FOREIGN KEY, CHECK).
  static bool is_index(ir::ConstraintKind k) {
    return k == ir::ConstraintKind::Index || k == ir::ConstraintKind::Unique ||
           k == ir::ConstraintKind::Fulltext || k == ir::ConstraintKind::Spatial;
  }

  static bool if_not_exists_in(P::TableConstraintContext* c) {
    for (auto* child : c->children)
      if (dynamic_cast<P::IfNotExistsContext*>(child)) return true;
    return false;
  }

  // ---- statements ----

  ir::CreateTable create_table(P::CreateTableContext* c) const {
    ir::CreateTable t;
    t.table = table_name(c->tableName());
    t.if_not_exists = c->ifNotExists() != nullptr;
    t.temporary = c->TEMPORARY() != nullptr;
    auto* body = c->createTableBody();
    if (auto* d = dynamic_cast<P::TableDefinitionContext*>(body)) {
      for (auto* e : d->tableElement()) {
        if (e->columnDef())
          t.columns.push_back(column(e->columnDef()));
        else
          t.constraints.push_back(table_constraint(e->tableConstraint()));
      }
      t.as_select = d->asSelect() != nullptr;
    } else if (dynamic_cast<P::TableAsSelectContext*>(body)) {
      t.as_select = true;
    }
    return t;
  }

  static std::string option_word(antlr4::ParserRuleContext* c) {
    // ALGORITHM = x / LOCK = x: the last token, upper-case.
    return upper_ascii(c->stop->getText());
  }

  ir::AlterAction action(P::AlterItemContext* item, ir::AlterTable& t) const {
    using K = ir::AlterKind;
    ir::AlterAction a;
    a.range = range(item);
    auto position = [&](P::PositionContext* p) {
      if (p != nullptr) a.position = p->FIRST() ? "FIRST" : "AFTER " + name(p->ident());
    };
    if (auto* x = dynamic_cast<P::AddColumnContext*>(item)) {
      a.kind = K::AddColumn;
      a.column_def = column(x->columnDef());
      a.column = a.column_def->name;
      a.if_exists = x->ifNotExists() != nullptr;
      position(x->position());
    } else if (auto* x = dynamic_cast<P::AddConstraintContext*>(item)) {
      a.constraint = table_constraint(x->tableConstraint());
      a.name = a.constraint->name;
      a.if_exists = if_not_exists_in(x->tableConstraint());
      a.kind = is_index(a.constraint->kind) ? K::AddIndex : K::AddConstraint;
    } else if (auto* x = dynamic_cast<P::SetDefaultContext*>(item)) {
      a.kind = K::SetDefault;
      a.column = name(x->ident());
      a.expr = expr(x->defaultValue());
    } else if (auto* x = dynamic_cast<P::DropDefaultContext*>(item)) {
      a.kind = K::DropDefault;
      a.column = name(x->ident());
    } else if (auto* x = dynamic_cast<P::ChangeColumnContext*>(item)) {
      a.kind = K::ChangeColumn;
      a.column = name(x->old);
      a.column_def = column(x->columnDef());
      a.if_exists = x->ifExists() != nullptr;
      position(x->position());
    } else if (auto* x = dynamic_cast<P::ModifyColumnContext*>(item)) {
      a.kind = K::ModifyColumn;
      a.column_def = column(x->columnDef());
      a.column = a.column_def->name;
      a.if_exists = x->ifExists() != nullptr;
      position(x->position());
    } else if (auto* x = dynamic_cast<P::DropIndexItemContext*>(item)) {
      a.kind = K::DropIndex;
      a.name = name(x->ident());
      a.if_exists = x->ifExists() != nullptr;
    } else if (dynamic_cast<P::DropPrimaryKeyContext*>(item)) {
      a.kind = K::DropPrimaryKey;
    } else if (auto* x = dynamic_cast<P::DropForeignKeyContext*>(item)) {
      a.kind = K::DropConstraint;
      a.name = name(x->ident());
      a.if_exists = x->ifExists() != nullptr;
    } else if (auto* x = dynamic_cast<P::DropConstraintItemContext*>(item)) {
      a.kind = K::DropConstraint;
      a.name = name(x->ident());
      a.if_exists = x->ifExists() != nullptr;
    } else if (auto* x = dynamic_cast<P::DropColumnContext*>(item)) {
      a.kind = K::DropColumn;
      a.column = name(x->ident());
      a.if_exists = x->ifExists() != nullptr;
      a.cascade = x->CASCADE() != nullptr;
    } else if (auto* x = dynamic_cast<P::RenameColumnContext*>(item)) {
      a.kind = K::RenameColumn;
      a.column = name(x->old);
      a.name = name(x->new_);
    } else if (auto* x = dynamic_cast<P::RenameToContext*>(item)) {
      a.kind = K::RenameTable;
      a.name = table_name(x->tableName()).display();
    } else if (auto* x = dynamic_cast<P::ConvertCharsetContext*>(item)) {
      a.kind = K::ConvertCharset;
      a.name = x->nameOrString().empty() ? "default" : lower_ascii(name_or_string(x->nameOrString(0)));
    } else if (auto* x = dynamic_cast<P::RenameIndexContext*>(item)) {
      a.kind = K::Other;
      a.native = "RENAME INDEX";
      a.name = name(x->old);
    } else {
      // FORCE, visibility, [NOT] ENFORCED, WITH VALIDATION: the leading
      // words name it.
      a.kind = K::Other;
      std::string words;
      for (size_t i = item->start->getTokenIndex(); i <= item->stop->getTokenIndex() && i < tokens_.size();
           ++i) {
        if (!is_word(tokens_[i]->getType()) || tokens_[i]->getType() == P::BQ_ID) break;
        if (!words.empty()) words += ' ';
        words += upper_ascii(tokens_[i]->getText());
        if (words.size() > 24) break;
      }
      a.native = words;
    }
    (void)t;
    return a;
  }

  ir::AlterTable alter_table(P::AlterTableContext* c) const {
    ir::AlterTable t;
    t.table = table_name(c->tableName());
    t.if_exists = c->ifExists() != nullptr;
    if (auto* list = c->alterList()) {
      for (auto* child : list->children) {
        if (auto* x = dynamic_cast<P::AlterAlgorithmContext*>(child)) {
          t.algorithm = option_word(x);
        } else if (auto* x = dynamic_cast<P::AlterLockContext*>(child)) {
          t.lock = option_word(x);
        } else if (auto* x = dynamic_cast<P::AddColumnsContext*>(child)) {
          // ADD (column or index definitions, ...): one action each.
          for (auto* e : x->tableElement()) {
            ir::AlterAction a;
            a.range = range(e);
            if (auto* d = e->columnDef()) {
              a.kind = ir::AlterKind::AddColumn;
              a.column_def = column(d);
              a.column = a.column_def->name;
              a.if_exists = x->ifNotExists() != nullptr;
            } else {
              a.constraint = table_constraint(e->tableConstraint());
              a.name = a.constraint->name;
              a.kind = is_index(a.constraint->kind) ? ir::AlterKind::AddIndex : ir::AlterKind::AddConstraint;
            }
            t.actions.push_back(std::move(a));
          }
        } else if (auto* x = dynamic_cast<P::AlterTableOptionsContext*>(child)) {
          for (auto* o : x->tableOption()) {
            ir::AlterAction a;
            a.kind = ir::AlterKind::TableOptions;
            a.range = range(o);
            a.native = std::string(text(o));
            t.actions.push_back(std::move(a));
          }
        } else if (auto* x = dynamic_cast<P::AlterItemContext*>(child)) {
          t.actions.push_back(action(x, t));
        } else if (auto* x = dynamic_cast<P::AlterTailContext*>(child)) {
          // Partition clauses and ORDER BY: the leading words name them.
          ir::AlterAction a;
          a.kind = ir::AlterKind::Other;
          a.range = range(x);
          if (dynamic_cast<P::PartitionActionContext*>(x))
            a.native = upper_ascii(x->start->getText()) + " PARTITION";
          else
            a.native = dynamic_cast<P::PartitionByContext*>(x) ? "PARTITION BY" : "ORDER BY";
          t.actions.push_back(std::move(a));
        }
      }
    }
    return t;
  }

  ir::CreateIndex create_index(P::CreateIndexContext* c) const {
    ir::CreateIndex i;
    i.name = name(c->ident());
    i.table = table_name(c->tableName());
    i.unique = c->UNIQUE() != nullptr;
    if (c->FULLTEXT() != nullptr) i.mysql_kind = ir::ConstraintKind::Fulltext;
    if (c->SPATIAL() != nullptr) i.mysql_kind = ir::ConstraintKind::Spatial;
    i.if_not_exists = c->ifNotExists() != nullptr;
    i.columns = key_parts(c->keyParts());
    i.keyword_range = range(c->INDEX());
    for (auto* a : c->algorithmOption()) i.algorithm = option_word(a);
    for (auto* l : c->lockOption()) i.lock = option_word(l);
    return i;
  }

  // MySQL runs DROP INDEX as ALTER TABLE ... DROP INDEX: lowered the same way.
  ir::AlterTable drop_index(P::DropIndexContext* c) const {
    ir::AlterTable t;
    t.table = table_name(c->tableName());
    ir::AlterAction a;
    a.kind = ir::AlterKind::DropIndex;
    a.range = {range(c->DROP()).begin, range(c->ident()).end};
    a.name = name(c->ident());
    a.if_exists = c->ifExists() != nullptr;
    t.actions.push_back(std::move(a));
    for (auto* x : c->algorithmOption()) t.algorithm = option_word(x);
    for (auto* x : c->lockOption()) t.lock = option_word(x);
    return t;
  }

  std::vector<ir::StatementNode> set_statement(P::SetStatementContext* statement) const {
    std::vector<ir::StatementNode> out;
    auto* c = dynamic_cast<P::SetAssignmentsContext*>(statement);
    if (c == nullptr) {
      ir::Opaque o;
      o.node = "SetTransactionStmt";
      out.emplace_back(std::move(o));
      return out;
    }
    for (auto* item : c->setItem()) {
      std::string var;
      P::SetValueContext* value = nullptr;
      bool session = true;
      if (auto* x = dynamic_cast<P::SetVariableContext*>(item)) {
        if (auto* s = x->scope()) session = s->SESSION() != nullptr || s->LOCAL() != nullptr;
        var = lower_ascii(ident(x->first));
        if (x->second != nullptr) {
          // `SET GLOBAL.x` is not valid, but `@@session.x` spelled without @@ is.
          const std::string qualifier = var;
          var = lower_ascii(ident(x->second));
          if (qualifier == "global" || qualifier == "persist" || qualifier == "persist_only") session = false;
        }
        value = x->setValue();
      } else if (auto* x = dynamic_cast<P::SetSystemVariableContext*>(item)) {
        std::string v = lower_ascii(x->SYS_VAR()->getText().substr(2));
        v.erase(std::remove(v.begin(), v.end(), '`'), v.end());
        const auto dot = v.find('.');
        if (dot != std::string::npos) {
          const std::string scope = v.substr(0, dot);
          if (scope == "global" || scope == "persist" || scope == "persist_only") session = false;
          v = v.substr(dot + 1);
        }
        var = v;
        value = x->setValue();
      } else {
        continue;  // user variables, NAMES, CHARACTER SET, TRANSACTION
      }
      if (!session) continue;  // another session's value; this one keeps its own
      ir::SetSetting s;
      s.name = var;
      const std::string_view raw = text(value);
      if (value->start == value->stop &&
          (value->start->getType() == P::STRING || value->start->getType() == P::DQ_STRING))
        s.value = unquote(raw);
      else if (value->start == value->stop && value->start->getType() == P::DEFAULT)
        s.reset = true;
      else
        s.value = std::string(raw);
      out.emplace_back(std::move(s));
    }
    if (out.empty()) {
      ir::Opaque o;
      o.node = "SetStmt";
      out.emplace_back(std::move(o));
    }
    return out;
  }

  // ---- UPDATE/DELETE row selection (see ir::RowSelection) ----

  std::string token_text(size_t i) const { return std::string(text(range(tokens_[i]))); }
  std::string token_lower(size_t i) const { return lower_ascii(token_text(i)); }
  bool is_other(size_t i, char c) const {
    return i < tokens_.size() && tokens_[i]->getType() == P::OTHER && tokens_[i]->getText()[0] == c;
  }
  bool adjacent(size_t i) const {  // token i+1 starts right where token i ends
    return i + 1 < tokens_.size() && tokens_[i]->getStopIndex() + 1 == tokens_[i + 1]->getStartIndex();
  }
  static bool is_name_token(size_t type) { return is_word(type) || type == P::DQ_STRING; }

  // The alias written after the target table (`UPDATE orders o`, `... AS o`), if any.
  std::string alias_after(P::TableNameContext* t) const {
    size_t i = t->stop->getTokenIndex() + 1;
    if (i >= tokens_.size()) return {};
    if (tokens_[i]->getType() == P::AS) ++i;
    if (i >= tokens_.size() || !is_word(tokens_[i]->getType())) return {};
    static constexpr std::string_view kNotAlias[] = {
        "set",   "join",  "inner", "left",      "right", "cross", "straight_join", "natural", "using",
        "where", "order", "limit", "partition", "from",  "use",   "force",         "ignore"};
    const std::string w = token_lower(i);
    if (tokens_[i]->getType() != P::BQ_ID &&
        std::find(std::begin(kNotAlias), std::end(kNotAlias), w) != std::end(kNotAlias))
      return {};
    const std::string raw = token_text(i);
    return raw.front() == '`' ? unquote(raw) : raw;
  }

  // Does token range [b, e) hold only values that do not read the row?
  // `literal_only`: literals, signs, parameters and variables (range forms).
  bool value_only(size_t b, size_t e, bool literal_only, bool allow_list) const {
    if (b >= e) return false;
    for (size_t i = b; i < e; ++i) {
      const size_t type = tokens_[i]->getType();
      if (type == P::NUMBER || type == P::HEX_NUMBER || type == P::STRING || type == P::DQ_STRING ||
          type == P::MINUS || type == P::PLUS || type == P::USER_VAR || type == P::SYS_VAR ||
          type == P::NULL_SYM)
        continue;
      if (is_other(i, '?')) continue;
      if (type == P::COMMA && allow_list) continue;
      if (literal_only) {
        const std::string w = is_word(type) ? token_lower(i) : "";
        if (w == "true" || w == "false") continue;
        return false;
      }
      if (type == P::LPAREN || type == P::RPAREN) continue;
      if (type == P::OTHER) {
        const char c = tokens_[i]->getText()[0];
        if (c == '*' || c == '/' || c == '%') continue;
        return false;
      }
      if (is_word(type) && type != P::BQ_ID) {
        const std::string w = token_lower(i);
        if (i + 1 < e && tokens_[i + 1]->getType() == P::LPAREN) continue;  // function call
        if (is_bare_function(w) || w == "true" || w == "false" || w == "interval") continue;
        static constexpr std::string_view kUnits[] = {"microsecond", "second", "minute",  "hour", "day",
                                                      "week",        "month",  "quarter", "year"};
        if (i > b && std::find(std::begin(kUnits), std::end(kUnits), w) != std::end(kUnits)) continue;
        // Introducers and string prefixes: _utf8mb4'x', N'x', b'0', x'ff'.
        if (i + 1 < e && tokens_[i + 1]->getType() == P::STRING &&
            (w.front() == '_' || w == "n" || w == "b" || w == "x"))
          continue;
      }
      return false;  // a column or anything else that may read the row
    }
    return true;
  }

  // One top-level AND term [b, e): `[t.]col OP value`.
  void term(size_t b, size_t e, const ir::QualifiedName& table, const std::string& alias,
            ir::RowSelection& sel) const {
    if (b >= e || !is_name_token(tokens_[b]->getType())) return;
    size_t i = b;
    std::string column;
    if (i + 2 < e && tokens_[i + 1]->getType() == P::DOT && is_name_token(tokens_[i + 2]->getType())) {
      std::string qualifier = token_text(i);
      if (qualifier.front() == '`' || qualifier.front() == '"') qualifier = unquote(qualifier);
      if (qualifier != table.name && (alias.empty() || lower_ascii(qualifier) != lower_ascii(alias))) return;
      i += 2;
    }
    column = token_text(i);
    if (column.front() == '`' || column.front() == '"') column = unquote(column);
    column = lower_ascii(column);
    const TextRange col_range{range(tokens_[b]).begin, range(tokens_[i]).end};
    ++i;
    if (i >= e) return;
    ir::FilterOp op = ir::FilterOp::Equal;
    const size_t type = tokens_[i]->getType();
    if (type == P::EQ) {
      ++i;
      // A scalar subquery: `col = (SELECT ...)`.
      if (i + 1 < e && tokens_[i]->getType() == P::LPAREN && tokens_[i + 1]->getType() == P::SELECT &&
          tokens_[e - 1]->getType() == P::RPAREN) {
        sel.filters.push_back({column, op, col_range});
        return;
      }
      if (!value_only(i, e, false, false)) return;
    } else if (is_other(i, '<') || is_other(i, '>')) {
      const bool less = is_other(i, '<');
      if (adjacent(i) && i + 1 < e && tokens_[i + 1]->getType() == P::EQ) {
        if (adjacent(i + 1) && is_other(i + 2, '>')) return;  // <=>
        op = less ? ir::FilterOp::LessEqual : ir::FilterOp::GreaterEqual;
        i += 2;
      } else if (adjacent(i) && less && is_other(i + 1, '>')) {
        return;  // <>
      } else {
        op = less ? ir::FilterOp::Less : ir::FilterOp::Greater;
        ++i;
      }
      if (!value_only(i, e, true, false)) return;
    } else if (is_word(type) && token_lower(i) == "in") {
      op = ir::FilterOp::In;
      ++i;
      if (i + 1 >= e || tokens_[i]->getType() != P::LPAREN || tokens_[e - 1]->getType() != P::RPAREN) return;
      if (tokens_[i + 1]->getType() == P::SELECT || tokens_[i + 1]->getType() == P::WITH) return;
      if (!value_only(i + 1, e - 1, false, true)) return;
    } else if (is_word(type) && token_lower(i) == "between") {
      op = ir::FilterOp::Between;
      ++i;
      size_t and_at = i;
      while (and_at < e && tokens_[and_at]->getType() != P::AND) ++and_at;
      if (and_at >= e || !value_only(i, and_at, true, false) || !value_only(and_at + 1, e, true, false))
        return;
    } else {
      return;
    }
    sel.filters.push_back({column, op, col_range});
  }

  ir::RowSelection selection(P::WhereClauseContext* w, const ir::QualifiedName& table,
                             const std::string& alias) const {
    ir::RowSelection sel;
    const size_t first = w->WHERE()->getSymbol()->getTokenIndex() + 1;
    size_t last = w->stop->getTokenIndex() + 1;  // exclusive
    // Top-level AND terms; any top-level OR / XOR / || leaves no filter.
    std::vector<std::pair<size_t, size_t>> terms;
    int depth = 0;
    size_t start = first;
    bool between = false;
    for (size_t i = first; i < last; ++i) {
      const size_t type = tokens_[i]->getType();
      if (type == P::LPAREN) ++depth;
      if (type == P::RPAREN) --depth;
      if (depth != 0) continue;
      const std::string w = is_word(type) && type != P::BQ_ID ? token_lower(i) : "";
      if (type == P::ORDER || w == "limit") {
        last = i;
        break;
      }
      if (type == P::OR || w == "xor" || (is_other(i, '|') && adjacent(i) && is_other(i + 1, '|')))
        return sel;
      if (w == "between") between = true;
      const bool and_op = type == P::AND || (is_other(i, '&') && adjacent(i) && is_other(i + 1, '&'));
      if (and_op && between) {
        between = false;
        continue;
      }
      if (and_op) {
        terms.emplace_back(start, i);
        start = type == P::AND ? i + 1 : i + 2;
        if (type != P::AND) ++i;
      }
    }
    terms.emplace_back(start, last);
    for (const auto& [b, e] : terms) term(b, e, table, alias, sel);
    return sel;
  }

  ir::Transaction transaction(P::TransactionStatementContext* c) const {
    ir::Transaction t;
    using T = ir::TransactionKind;
    if (dynamic_cast<P::StartTransactionContext*>(c) || dynamic_cast<P::BeginContext*>(c)) {
      t.kind = T::Begin;
    } else if (auto* x = dynamic_cast<P::CommitContext*>(c)) {
      t.kind = T::Commit;
      t.chain = x->chainOption() != nullptr && x->chainOption()->NO() == nullptr;
    } else if (auto* x = dynamic_cast<P::RollbackContext*>(c)) {
      t.kind = T::Rollback;
      t.chain = x->chainOption() != nullptr && x->chainOption()->NO() == nullptr;
    } else if (dynamic_cast<P::RollbackToContext*>(c)) {
      t.kind = T::RollbackTo;
    } else if (dynamic_cast<P::SavepointContext*>(c)) {
      t.kind = T::Savepoint;
    } else if (dynamic_cast<P::ReleaseSavepointContext*>(c)) {
      t.kind = T::Release;
    }
    return t;
  }

  ir::Drop drop_names(ir::ObjectKind kind, const std::vector<P::TableNameContext*>& names) const {
    ir::Drop d;
    d.object = kind;
    for (auto* n : names) d.names.push_back(table_name(n));
    return d;
  }

  std::vector<ir::StatementNode> statement(P::StatementContext* s) const {
    std::vector<ir::StatementNode> out;
    if (auto* c = s->createTable()) {
      out.emplace_back(create_table(c));
    } else if (auto* c = s->createIndex()) {
      out.emplace_back(create_index(c));
    } else if (auto* c = s->alterTable()) {
      out.emplace_back(alter_table(c));
    } else if (auto* c = s->dropIndex()) {
      out.emplace_back(drop_index(c));
    } else if (auto* c = s->dropTable()) {
      ir::Drop d = drop_names(ir::ObjectKind::Table, c->tableName());
      d.if_exists = c->ifExists() != nullptr;
      d.cascade = c->CASCADE() != nullptr;
      out.emplace_back(std::move(d));
    } else if (auto* c = s->dropDatabase()) {
      ir::Drop d;
      d.object = ir::ObjectKind::Database;
      ir::QualifiedName q;
      q.name = ident(c->ident());
      q.range = range(c->ident());
      d.names.push_back(q);
      d.if_exists = c->ifExists() != nullptr;
      out.emplace_back(std::move(d));
    } else if (auto* c = s->dropObject()) {
      const auto kind = c->VIEW()        ? ir::ObjectKind::View
                        : c->PROCEDURE() ? ir::ObjectKind::Procedure
                        : c->FUNCTION()  ? ir::ObjectKind::Function
                        : c->TRIGGER()   ? ir::ObjectKind::Trigger
                                         : ir::ObjectKind::Other;
      ir::Drop d = drop_names(kind, c->tableName());
      d.if_exists = c->ifExists() != nullptr;
      d.cascade = c->CASCADE() != nullptr;
      out.emplace_back(std::move(d));
    } else if (auto* c = s->truncateTable()) {
      ir::Truncate t;
      t.tables.push_back(table_name(c->tableName()));
      out.emplace_back(std::move(t));
    } else if (auto* c = s->renameTable()) {
      for (auto* p : c->renamePair()) {
        ir::Rename r;
        r.object = ir::ObjectKind::Table;
        r.target = table_name(p->tableName(0));
        r.new_name = table_name(p->tableName(1)).display();
        out.emplace_back(std::move(r));
      }
    } else if (auto* c = s->updateStatement()) {
      ir::Update u;
      u.table = table_name(c->tableName());
      u.has_where = c->whereClause() != nullptr;
      if (c->whereClause()) u.selection = selection(c->whereClause(), u.table, alias_after(c->tableName()));
      out.emplace_back(std::move(u));
    } else if (auto* c = s->deleteStatement()) {
      ir::Delete d;
      d.table = table_name(c->tableName());
      d.has_where = c->whereClause() != nullptr;
      if (c->whereClause()) d.selection = selection(c->whereClause(), d.table, alias_after(c->tableName()));
      out.emplace_back(std::move(d));
    } else if (auto* c = s->insertStatement()) {
      ir::Insert i;
      i.table = table_name(c->tableName());
      i.from_select = dynamic_cast<P::InsertSelectContext*>(c->insertSource()) != nullptr;
      out.emplace_back(std::move(i));
    } else if (auto* c = s->setStatement()) {
      out = set_statement(c);
    } else if (auto* c = s->transactionStatement()) {
      out.emplace_back(transaction(c));
    } else if (s->useStatement() != nullptr) {
      ir::Opaque o;
      o.node = "UseStmt";
      out.emplace_back(std::move(o));
    }
    return out;
  }

 private:
  std::string_view original_;
  uint32_t base_;
  const std::vector<antlr4::Token*>& tokens_;
};

}  // namespace

std::vector<ir::StatementNode> lower(P::StatementContext* statement, std::string_view original, uint32_t base,
                                     const std::vector<antlr4::Token*>& tokens) {
  return Lowerer(original, base, tokens).statement(statement);
}

}  // namespace ddlint::parser::mysql
