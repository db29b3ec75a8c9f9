#include "parser/detect.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

namespace ddlint::parser {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Signs of one dialect. Each distinct sign counts once: a decisive one
// (syntax the other dialect rejects outright: backticks, DELIMITER, `::`,
// $$ bodies, ...) 10, the file's path naming the dialect 3, any other 2.
struct Tally {
  int count = 0;
  std::vector<std::string_view> labels;  // distinct, in order of first sight

  void add(std::string_view label, int weight = 2) {
    for (auto l : labels)
      if (l == label) return;
    labels.push_back(label);
    count += weight;
  }
};
constexpr int kDecisive = DialectGuess::kDecisiveSign;
constexpr int kPath = 3;

// A word (upper-case) or punctuation mark, held without allocating. Words
// of 20 bytes or more are kept empty: no sign is that long.
class Word {
 public:
  Word() = default;
  explicit Word(std::string_view v) {
    if (v.size() >= s_.size()) return;
    for (size_t i = 0; i < v.size(); ++i)
      s_[i] = v[i] >= 'a' && v[i] <= 'z' ? static_cast<char>(v[i] - 'a' + 'A') : v[i];
    n_ = static_cast<uint8_t>(v.size());
  }
  std::string_view view() const { return {s_.data(), n_}; }
  friend bool operator==(const Word& w, std::string_view v) { return w.view() == v; }

 private:
  std::array<char, 20> s_{};
  uint8_t n_ = 0;
};

class Scanner {
 public:
  explicit Scanner(std::string_view t) : t_(t) {}

  void run() {
    bool line_start = true;
    while (i_ < t_.size()) {
      const char c = t_[i_];
      if (c == '\n') {
        line_start = true;
        ++i_;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        ++i_;
        continue;
      }
      const bool at_line_start = line_start;
      line_start = false;
      if (c == '-' && peek(1) == '-') {
        skip_line();
        continue;
      }
      if (c == '#') {
        // A comment in MySQL; an operator in PostgreSQL, never at the start of a line.
        if (at_line_start) mysql_.add("# comments");
        skip_line();
        continue;
      }
      if (c == '/' && peek(1) == '*') {
        if (peek(2) == '!') mysql_.add("/*! ... */ comments");
        skip_block_comment();
        continue;
      }
      if (c == '\'') {
        skip_quoted('\'', true);
        prev_.fill({});
        continue;
      }
      if (c == '`') {
        mysql_.add("backtick-quoted names", kDecisive);
        skip_quoted('`', false);
        push(Word("`"));
        continue;
      }
      if (c == '"') {
        // A quoted name where a table or column goes: PostgreSQL (MySQL reads
        // "..." as a string unless ANSI_QUOTES is on).
        static constexpr std::array<std::string_view, 8> kBeforeName = {
            "TABLE", "INDEX", "ON", "REFERENCES", "INTO", "FROM", "EXISTS", "COLUMN"};
        for (auto w : kBeforeName)
          if (prev_[0] == w) {
            postgres_.add("double-quoted names");
            break;
          }
        skip_quoted('"', false);
        push(Word("\""));
        continue;
      }
      if (c == ':' && peek(1) == ':') {
        postgres_.add(":: casts", kDecisive);
        i_ += 2;
        continue;
      }
      if (c == '$' && !dollar_delimiter_ && dollar_quote()) continue;
      if (word_char(c)) {
        const size_t b = i_;
        while (i_ < t_.size() && (word_char(t_[i_]) || t_[i_] == '$')) ++i_;
        word(Word(t_.substr(b, i_ - b)), at_line_start);
        continue;
      }
      if (c == ',' || c == ';' || c == '(' || c == ')') push(Word(t_.substr(i_, 1)));
      ++i_;
    }
  }

  Tally mysql_;
  Tally postgres_;

 private:
  char peek(size_t k) const { return i_ + k < t_.size() ? t_[i_ + k] : '\0'; }

  void push(const Word& w) {
    prev_[3] = prev_[2];
    prev_[2] = prev_[1];
    prev_[1] = prev_[0];
    prev_[0] = w;
  }

  void skip_line() {
    while (i_ < t_.size() && t_[i_] != '\n') ++i_;
  }

  void skip_block_comment() {
    const size_t end = t_.find("*/", i_ + 2);
    i_ = end == std::string_view::npos ? t_.size() : end + 2;
  }

  void skip_quoted(char q, bool backslash) {
    ++i_;
    while (i_ < t_.size()) {
      const char c = t_[i_++];
      if (backslash && c == '\\') {
        ++i_;
      } else if (c == q) {
        if (i_ < t_.size() && t_[i_] == q) {
          ++i_;  // doubled quote
        } else {
          return;
        }
      }
    }
  }

  // $$ ... $$ or $tag$ ... $tag$: a PostgreSQL body, skipped whole.
  bool dollar_quote() {
    size_t j = i_ + 1;
    while (j < t_.size() && (std::isalpha(static_cast<unsigned char>(t_[j])) != 0 || t_[j] == '_')) ++j;
    if (j >= t_.size() || t_[j] != '$') return false;
    if (i_ > 0 && word_char(t_[i_ - 1])) return false;
    const std::string_view tag = t_.substr(i_, j - i_ + 1);
    postgres_.add("dollar-quoted bodies", kDecisive);
    const size_t end = t_.find(tag, j + 1);
    i_ = end == std::string_view::npos ? t_.size() : end + tag.size();
    return true;
  }

  // The next word is a trigger event (AFTER INSERT / UPDATE / DELETE / TRUNCATE).
  bool next_word_is_event() const {
    size_t j = i_;
    while (j < t_.size() && std::isspace(static_cast<unsigned char>(t_[j])) != 0) ++j;
    const size_t b = j;
    while (j < t_.size() && word_char(t_[j])) ++j;
    const Word next(t_.substr(b, j - b));
    return next == "INSERT" || next == "UPDATE" || next == "DELETE" || next == "TRUNCATE";
  }

  bool next_is(char c) const {
    size_t j = i_;
    while (j < t_.size() && (t_[j] == ' ' || t_[j] == '\t')) ++j;
    return j < t_.size() && t_[j] == c;
  }

  // Bit (first letter - 'A') set in kSignStarts[length] for every word
  // word() reads as a sign: any other word is only pushed. A new sign in
  // word() goes into this list too (the dialect tests would miss it).
  static constexpr std::array<uint32_t, 20> kSignStarts = [] {
    std::array<uint32_t, 20> m{};
    for (std::string_view w : {"DELIMITER",
                               "ENGINE",
                               "AUTO_INCREMENT",
                               "UNSIGNED",
                               "ZEROFILL",
                               "CHARSET",
                               "FOREIGN_KEY_CHECKS",
                               "UNIQUE_CHECKS",
                               "SQL_MODE",
                               "TINYINT",
                               "MEDIUMINT",
                               "TINYTEXT",
                               "MEDIUMTEXT",
                               "LONGTEXT",
                               "TINYBLOB",
                               "MEDIUMBLOB",
                               "LONGBLOB",
                               "DATETIME",
                               "MODIFY",
                               "CHANGE",
                               "TABLES",
                               "ON",
                               "AFTER",
                               "CURRENT_TIMESTAMP",
                               "CONCURRENTLY",
                               "BIGSERIAL",
                               "SMALLSERIAL",
                               "JSONB",
                               "TIMESTAMPTZ",
                               "BYTEA",
                               "TSVECTOR",
                               "CITEXT",
                               "TIMETZ",
                               "REGCLASS",
                               "PLPGSQL",
                               "EXTENSION",
                               "VALID",
                               "TYPE",
                               "NULL",
                               "TO",
                               "INHERITS",
                               "ILIKE",
                               "GIN",
                               "GIST",
                               "BRIN"})
      m[w.size()] |= 1U << (w[0] - 'A');
    return m;
  }();
  static bool may_be_sign(const Word& w) {
    const std::string_view v = w.view();
    return !v.empty() && v[0] >= 'A' && v[0] <= 'Z' && ((kSignStarts[v.size()] >> (v[0] - 'A')) & 1U) != 0;
  }

  void word(const Word& w, bool at_line_start) {
    if (!may_be_sign(w)) {
      push(w);
      return;
    }
    static constexpr std::array<std::string_view, 9> kMySqlTypes = {"TINYINT",    "MEDIUMINT", "TINYTEXT",
                                                                    "MEDIUMTEXT", "LONGTEXT",  "TINYBLOB",
                                                                    "MEDIUMBLOB", "LONGBLOB",  "DATETIME"};
    static constexpr std::array<std::string_view, 9> kPgTypes = {"BIGSERIAL",   "SMALLSERIAL", "JSONB",
                                                                 "TIMESTAMPTZ", "BYTEA",       "TSVECTOR",
                                                                 "CITEXT",      "TIMETZ",      "REGCLASS"};
    if (at_line_start && w == "DELIMITER") {
      // The client command: the rest of the line is the new delimiter.
      mysql_.add("DELIMITER", kDecisive);
      const size_t b = i_;
      skip_line();
      std::string_view d = t_.substr(b, i_ - b);
      while (!d.empty() && (d.front() == ' ' || d.front() == '\t')) d.remove_prefix(1);
      while (!d.empty() && (d.back() == ' ' || d.back() == '\t' || d.back() == '\r')) d.remove_suffix(1);
      if (!d.empty() && d.front() == '$') dollar_delimiter_ = true;
      prev_.fill({});
      return;
    }
    if (w == "ENGINE" && next_is('=')) mysql_.add("ENGINE=", kDecisive);
    if (w == "AUTO_INCREMENT") mysql_.add("AUTO_INCREMENT", kDecisive);
    if (w == "UNSIGNED" || w == "ZEROFILL") mysql_.add("UNSIGNED");
    if (w == "CHARSET") mysql_.add("CHARSET");
    if (w == "FOREIGN_KEY_CHECKS" || w == "UNIQUE_CHECKS" || w == "SQL_MODE")
      mysql_.add("MySQL session variables");
    for (auto t : kMySqlTypes)
      if (w == t) mysql_.add("MySQL types");
    if ((w == "MODIFY" || w == "CHANGE") && (prev_[0] == "," || prev_[1] == "TABLE"))
      mysql_.add("MODIFY/CHANGE");
    if (w == "TABLES" && (prev_[0] == "LOCK" || prev_[0] == "UNLOCK")) mysql_.add("LOCK TABLES");
    // DROP INDEX i ON t (PostgreSQL's DROP INDEX names no table).
    if (w == "ON" &&
        ((prev_[1] == "INDEX" && prev_[2] == "DROP") || (prev_[1] == "EXISTS" && prev_[3] == "INDEX")))
      mysql_.add("DROP INDEX ... ON");
    // ADD/MODIFY COLUMN ... AFTER c (PostgreSQL's AFTER is a trigger's event time).
    if (w == "AFTER" && !next_word_is_event()) mysql_.add("column position AFTER");
    if (w == "CURRENT_TIMESTAMP" && prev_[0] == "UPDATE" && prev_[1] == "ON")
      mysql_.add("ON UPDATE CURRENT_TIMESTAMP");

    if (w == "CONCURRENTLY") postgres_.add("CONCURRENTLY", kDecisive);
    for (auto t : kPgTypes)
      if (w == t) postgres_.add("PostgreSQL types");
    if (w == "PLPGSQL") postgres_.add("plpgsql", kDecisive);
    if (w == "EXTENSION" && prev_[0] == "CREATE") postgres_.add("CREATE EXTENSION");
    if (w == "VALID" && prev_[0] == "NOT") postgres_.add("NOT VALID");
    if (w == "TYPE" && prev_[1] == "COLUMN") postgres_.add("ALTER COLUMN ... TYPE");
    if (w == "NULL" && prev_[0] == "NOT" && (prev_[1] == "SET" || prev_[1] == "DROP") &&
        prev_[2] != "DEFAULT")
      postgres_.add("SET/DROP NOT NULL");
    if (w == "ON" && prev_[0] == "COMMENT") postgres_.add("COMMENT ON");
    if (w == "TO" && prev_[0] == "OWNER") postgres_.add("OWNER TO");
    if (w == "INHERITS" || w == "ILIKE") postgres_.add(w == "ILIKE" ? "ILIKE" : "INHERITS");
    if ((w == "GIN" || w == "GIST" || w == "BRIN") && prev_[0] == "USING") postgres_.add("USING GIN/GIST");
    push(w);
  }

  std::string_view t_;
  size_t i_ = 0;
  bool dollar_delimiter_ = false;  // DELIMITER $$ (or $x): a `$$` ends a statement
  std::array<Word, 4> prev_;       // the last words (upper-case) and punctuation, newest first
};

}  // namespace

DialectGuess detect_dialect(std::string_view text, std::string_view path) {
  Scanner s(text);
  s.run();
  // The file's name and the folders it sits in (the last three) may name
  // the dialect: `V3__x.mysql.sql`, `migrations/mysql/`, `pg/001.sql`.
  {
    size_t end = path.size();
    for (int part = 0; part < 4 && end > 0; ++part) {
      const size_t slash = path.find_last_of("/\\", end - 1);
      const size_t begin = slash == std::string_view::npos ? 0 : slash + 1;
      const std::string_view name = path.substr(begin, end - begin);
      size_t k = 0;
      while (k < name.size()) {
        while (k < name.size() && std::isalnum(static_cast<unsigned char>(name[k])) == 0) ++k;
        const size_t b = k;
        while (k < name.size() && std::isalnum(static_cast<unsigned char>(name[k])) != 0) ++k;
        std::string token(name.substr(b, k - b));
        for (char& c : token) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (token == "mysql" || token == "mariadb") s.mysql_.add("the file's path", kPath);
        if (token == "postgres" || token == "postgresql" || token == "pg" || token == "pgsql")
          s.postgres_.add("the file's path", kPath);
      }
      if (slash == std::string_view::npos) break;
      end = slash;
    }
  }
  DialectGuess g;
  g.mysql_signs = s.mysql_.count;
  g.postgres_signs = s.postgres_.count;
  g.dialect = g.mysql_signs > g.postgres_signs ? Dialect::MySql : Dialect::Postgres;
  const auto& labels = g.dialect == Dialect::MySql ? s.mysql_.labels : s.postgres_.labels;
  for (size_t k = 0; k < labels.size() && k < 3; ++k) {
    if (k > 0) g.evidence += ", ";
    g.evidence += labels[k];
  }
  return g;
}

}  // namespace ddlint::parser
