#include "parser/detect.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <vector>

namespace ddlint::parser {

namespace {

// Byte classes of the scanner's main loop.
enum Class : uint8_t { kOther, kSpace, kNewline, kWordChar };
constexpr std::array<uint8_t, 256> kClass = [] {
  std::array<uint8_t, 256> m{};
  for (int c = 'a'; c <= 'z'; ++c) m[c] = kWordChar;
  for (int c = 'A'; c <= 'Z'; ++c) m[c] = kWordChar;
  for (int c = '0'; c <= '9'; ++c) m[c] = kWordChar;
  m['_'] = kWordChar;
  m[' '] = kSpace;
  m['\t'] = kSpace;
  m['\r'] = kSpace;
  m['\n'] = kNewline;
  return m;
}();

bool word_char(char c) { return kClass[static_cast<unsigned char>(c)] == kWordChar; }
// A word goes on over word characters and `$`.
constexpr std::array<bool, 256> kWordGoesOn = [] {
  std::array<bool, 256> m{};
  for (size_t c = 0; c < m.size(); ++c) m[c] = kClass[c] == kWordChar || c == '$';
  return m;
}();

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

// The words (and the comma) a sign looks back at, as the scanner keeps its
// last four: any other word or mark is kNoWord.
enum Context : uint8_t {
  kNoWord,
  kTable,  // TABLE .. COLUMN: a double-quoted name may follow (in this order)
  kIndex,
  kOn,
  kReferences,
  kInto,
  kFrom,
  kExists,
  kColumn,
  kComma,
  kLock,
  kUnlock,
  kDrop,
  kUpdate,
  kCreate,
  kNot,
  kSet,
  kDefault,
  kComment,
  kOwner,
  kUsing,
  kContexts
};
constexpr std::array<std::string_view, kContexts> kContextWords = {
    "",       "TABLE",  "INDEX", "ON",      "REFERENCES", "INTO",  "FROM",
    "EXISTS", "COLUMN", ",",     "LOCK",    "UNLOCK",     "DROP",  "UPDATE",
    "CREATE", "NOT",    "SET",   "DEFAULT", "COMMENT",    "OWNER", "USING"};

class Scanner {
 public:
  explicit Scanner(std::string_view t) : t_(t) {}

  void run() {
    bool line_start = true;
    const size_t n = t_.size();
    while (i_ < n) {
      const char c = t_[i_];
      const uint8_t cls = kClass[static_cast<unsigned char>(c)];
      if (cls == kNewline) {
        line_start = true;
        ++i_;
        continue;
      }
      if (cls == kSpace) {
        ++i_;
        continue;
      }
      const bool at_line_start = line_start;
      line_start = false;
      if (cls == kWordChar) {
        const size_t b = i_;
        const auto* p = reinterpret_cast<const unsigned char*>(t_.data()) + b + 1;
        const auto* const end = reinterpret_cast<const unsigned char*>(t_.data()) + n;
        while (p != end && kWordGoesOn[*p]) ++p;
        i_ = static_cast<size_t>(p - reinterpret_cast<const unsigned char*>(t_.data()));
        word(b, at_line_start);
        continue;
      }
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
        prev_ = 0;
        continue;
      }
      if (c == '`') {
        mysql_.add("backtick-quoted names", kDecisive);
        skip_quoted('`', false);
        push(kNoWord);
        continue;
      }
      if (c == '"') {
        // A quoted name where a table or column goes: PostgreSQL (MySQL reads
        // "..." as a string unless ANSI_QUOTES is on).
        if (prev(0) >= kTable && prev(0) <= kColumn) postgres_.add("double-quoted names");
        skip_quoted('"', false);
        push(kNoWord);
        continue;
      }
      if (c == ':' && peek(1) == ':') {
        postgres_.add(":: casts", kDecisive);
        i_ += 2;
        continue;
      }
      if (c == '$' && !dollar_delimiter_ && dollar_quote()) continue;
      if (c == ',') push(kComma);
      if (c == ';' || c == '(' || c == ')') push(kNoWord);
      ++i_;
    }
  }

  Tally mysql_;
  Tally postgres_;

 private:
  char peek(size_t k) const { return i_ + k < t_.size() ? t_[i_ + k] : '\0'; }

  // The k-th word or mark before this one (0: the last).
  Context prev(int k) const { return static_cast<Context>((prev_ >> (8 * k)) & 0xFFU); }
  void push(Context c) { prev_ = (prev_ << 8) | c; }

  void skip_line() {
    const void* nl = std::memchr(t_.data() + i_, '\n', t_.size() - i_);
    i_ = nl == nullptr ? t_.size() : static_cast<size_t>(static_cast<const char*>(nl) - t_.data());
  }

  void skip_block_comment() {
    const size_t end = t_.find("*/", i_ + 2);
    i_ = end == std::string_view::npos ? t_.size() : end + 2;
  }

  // From the opening quote at i_ to after the closing one (a doubled quote
  // and, with `backslash`, a backslash and the byte after it are inside).
  void skip_quoted(char q, bool backslash) {
    const char* const data = t_.data();
    const size_t n = t_.size();
    ++i_;
    while (i_ < n) {
      const void* found = std::memchr(data + i_, q, n - i_);
      const size_t close = found == nullptr ? n : static_cast<size_t>(static_cast<const char*>(found) - data);
      if (backslash) {
        if (const void* bs = std::memchr(data + i_, '\\', close - i_)) {
          i_ = static_cast<size_t>(static_cast<const char*>(bs) - data) + 2;
          continue;
        }
      }
      if (found == nullptr) {
        i_ = n;
        return;
      }
      i_ = close + 1;
      if (i_ < n && data[i_] == q) {
        ++i_;  // doubled quote
        continue;
      }
      return;
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

  // What a word read in word() can be: a sign (or one of the words a sign
  // looks back at, its Context), found by its length and text. A new sign
  // goes into kKnown and into word()'s switch (the dialect tests list
  // every one).
  enum Sign : uint8_t {
    kNoSign,
    kDelimiterWord,
    kEngineWord,
    kAutoIncrementWord,
    kUnsignedWord,  // UNSIGNED, ZEROFILL
    kCharsetWord,
    kSessionVariable,  // FOREIGN_KEY_CHECKS, UNIQUE_CHECKS, SQL_MODE
    kMySqlType,
    kModifyWord,  // MODIFY, CHANGE
    kTablesWord,
    kOnWord,
    kAfterWord,
    kCurrentTimestampWord,
    kConcurrentlyWord,
    kPgType,
    kPlpgsqlWord,
    kExtensionWord,
    kValidWord,
    kTypeWord,
    kNullWord,
    kToWord,
    kInheritsWord,
    kIlikeWord,
    kIndexMethod,  // GIN, GIST, BRIN
  };
  struct Known {
    std::string_view word;
    Sign sign;
    Context context;
  };
  static constexpr size_t kMaxWord = 20;  // Word keeps shorter words only
  static constexpr auto kSignWords = std::to_array<Known>({
      {"DELIMITER", kDelimiterWord, kNoWord},
      {"ENGINE", kEngineWord, kNoWord},
      {"AUTO_INCREMENT", kAutoIncrementWord, kNoWord},
      {"UNSIGNED", kUnsignedWord, kNoWord},
      {"ZEROFILL", kUnsignedWord, kNoWord},
      {"CHARSET", kCharsetWord, kNoWord},
      {"FOREIGN_KEY_CHECKS", kSessionVariable, kNoWord},
      {"UNIQUE_CHECKS", kSessionVariable, kNoWord},
      {"SQL_MODE", kSessionVariable, kNoWord},
      {"TINYINT", kMySqlType, kNoWord},
      {"MEDIUMINT", kMySqlType, kNoWord},
      {"TINYTEXT", kMySqlType, kNoWord},
      {"MEDIUMTEXT", kMySqlType, kNoWord},
      {"LONGTEXT", kMySqlType, kNoWord},
      {"TINYBLOB", kMySqlType, kNoWord},
      {"MEDIUMBLOB", kMySqlType, kNoWord},
      {"LONGBLOB", kMySqlType, kNoWord},
      {"DATETIME", kMySqlType, kNoWord},
      {"MODIFY", kModifyWord, kNoWord},
      {"CHANGE", kModifyWord, kNoWord},
      {"TABLES", kTablesWord, kNoWord},
      {"ON", kOnWord, kOn},
      {"AFTER", kAfterWord, kNoWord},
      {"CURRENT_TIMESTAMP", kCurrentTimestampWord, kNoWord},
      {"CONCURRENTLY", kConcurrentlyWord, kNoWord},
      {"BIGSERIAL", kPgType, kNoWord},
      {"SMALLSERIAL", kPgType, kNoWord},
      {"JSONB", kPgType, kNoWord},
      {"TIMESTAMPTZ", kPgType, kNoWord},
      {"BYTEA", kPgType, kNoWord},
      {"TSVECTOR", kPgType, kNoWord},
      {"CITEXT", kPgType, kNoWord},
      {"TIMETZ", kPgType, kNoWord},
      {"REGCLASS", kPgType, kNoWord},
      {"PLPGSQL", kPlpgsqlWord, kNoWord},
      {"EXTENSION", kExtensionWord, kNoWord},
      {"VALID", kValidWord, kNoWord},
      {"TYPE", kTypeWord, kNoWord},
      {"NULL", kNullWord, kNoWord},
      {"TO", kToWord, kNoWord},
      {"INHERITS", kInheritsWord, kNoWord},
      {"ILIKE", kIlikeWord, kNoWord},
      {"GIN", kIndexMethod, kNoWord},
      {"GIST", kIndexMethod, kNoWord},
      {"BRIN", kIndexMethod, kNoWord},
  });
  // The signs, then the words signs look back at (every Context but kNoWord,
  // the comma and ON, a sign already), by length and text.
  static constexpr auto kKnown = [] {
    std::array<Known, kSignWords.size() + kContexts - 3> m{};
    size_t at = 0;
    for (const Known& k : kSignWords) m[at++] = k;
    for (size_t c = kTable; c < kContexts; ++c)
      if (kContextWords[c] != "," && kContextWords[c] != "ON")
        m[at++] = {kContextWords[c], kNoSign, static_cast<Context>(c)};
    std::sort(m.begin(), m.end(), [](const Known& a, const Known& b) {
      return a.word.size() != b.word.size() ? a.word.size() < b.word.size() : a.word < b.word;
    });
    return m;
  }();
  static_assert(!kKnown.front().word.empty() && kKnown.back().word.size() < kMaxWord);
  // kKnown[kByLength[n] .. kByLength[n + 1]) are the words of n bytes.
  static constexpr auto kByLength = [] {
    std::array<uint8_t, kMaxWord + 1> m{};
    for (size_t n = 0, k = 0; n <= kMaxWord; ++n) {
      while (k < kKnown.size() && kKnown[k].word.size() < n) ++k;
      m[n] = static_cast<uint8_t>(k);
    }
    return m;
  }();
  // Bit (first letter - 'A') set in kReadStarts[length] for every word of
  // kKnown: any other word is pushed as kNoWord without being read further.
  static constexpr auto kReadStarts = [] {
    std::array<uint32_t, kMaxWord> m{};
    for (const Known& k : kKnown) m[k.word.size()] |= 1U << (k.word[0] - 'A');
    return m;
  }();
  static const Known* known(const Word& w) {
    const std::string_view v = w.view();
    for (size_t k = kByLength[v.size()]; k < kByLength[v.size() + 1]; ++k)
      if (kKnown[k].word[0] == v[0] && kKnown[k].word == v) return &kKnown[k];
    return nullptr;
  }

  // The word from `b` to i_.
  void word(size_t b, bool at_line_start) {
    const size_t n = i_ - b;
    const auto first = static_cast<unsigned char>(t_[b]);
    const unsigned up = first >= 'a' && first <= 'z' ? first - 'a' + 'A' : first;
    if (n >= kReadStarts.size() || up < 'A' || up > 'Z' || ((kReadStarts[n] >> (up - 'A')) & 1U) == 0) {
      push(kNoWord);
      return;
    }
    const Known* k = known(Word(t_.substr(b, n)));
    if (k == nullptr) {
      push(kNoWord);
      return;
    }
    switch (k->sign) {
      case kNoSign:
        break;
      case kDelimiterWord:
        if (at_line_start) {
          // The client command: the rest of the line is the new delimiter.
          mysql_.add("DELIMITER", kDecisive);
          const size_t from = i_;
          skip_line();
          std::string_view d = t_.substr(from, i_ - from);
          while (!d.empty() && (d.front() == ' ' || d.front() == '\t')) d.remove_prefix(1);
          while (!d.empty() && (d.back() == ' ' || d.back() == '\t' || d.back() == '\r')) d.remove_suffix(1);
          if (!d.empty() && d.front() == '$') dollar_delimiter_ = true;
          prev_ = 0;
          return;
        }
        break;
      case kEngineWord:
        if (next_is('=')) mysql_.add("ENGINE=", kDecisive);
        break;
      case kAutoIncrementWord:
        mysql_.add("AUTO_INCREMENT", kDecisive);
        break;
      case kUnsignedWord:
        mysql_.add("UNSIGNED");
        break;
      case kCharsetWord:
        mysql_.add("CHARSET");
        break;
      case kSessionVariable:
        mysql_.add("MySQL session variables");
        break;
      case kMySqlType:
        mysql_.add("MySQL types");
        break;
      case kModifyWord:
        if (prev(0) == kComma || prev(1) == kTable) mysql_.add("MODIFY/CHANGE");
        break;
      case kTablesWord:
        if (prev(0) == kLock || prev(0) == kUnlock) mysql_.add("LOCK TABLES");
        break;
      case kOnWord:
        // DROP INDEX i ON t (PostgreSQL's DROP INDEX names no table).
        if ((prev(1) == kIndex && prev(2) == kDrop) || (prev(1) == kExists && prev(3) == kIndex))
          mysql_.add("DROP INDEX ... ON");
        if (prev(0) == kComment) postgres_.add("COMMENT ON");
        break;
      case kAfterWord:
        // ADD/MODIFY COLUMN ... AFTER c (PostgreSQL's AFTER is a trigger's event time).
        if (!next_word_is_event()) mysql_.add("column position AFTER");
        break;
      case kCurrentTimestampWord:
        if (prev(0) == kUpdate && prev(1) == kOn) mysql_.add("ON UPDATE CURRENT_TIMESTAMP");
        break;
      case kConcurrentlyWord:
        postgres_.add("CONCURRENTLY", kDecisive);
        break;
      case kPgType:
        postgres_.add("PostgreSQL types");
        break;
      case kPlpgsqlWord:
        postgres_.add("plpgsql", kDecisive);
        break;
      case kExtensionWord:
        if (prev(0) == kCreate) postgres_.add("CREATE EXTENSION");
        break;
      case kValidWord:
        if (prev(0) == kNot) postgres_.add("NOT VALID");
        break;
      case kTypeWord:
        if (prev(1) == kColumn) postgres_.add("ALTER COLUMN ... TYPE");
        break;
      case kNullWord:
        if (prev(0) == kNot && (prev(1) == kSet || prev(1) == kDrop) && prev(2) != kDefault)
          postgres_.add("SET/DROP NOT NULL");
        break;
      case kToWord:
        if (prev(0) == kOwner) postgres_.add("OWNER TO");
        break;
      case kInheritsWord:
        postgres_.add("INHERITS");
        break;
      case kIlikeWord:
        postgres_.add("ILIKE");
        break;
      case kIndexMethod:
        if (prev(0) == kUsing) postgres_.add("USING GIN/GIST");
        break;
    }
    push(k->context);
  }

  std::string_view t_;
  size_t i_ = 0;
  bool dollar_delimiter_ = false;  // DELIMITER $$ (or $x): a `$$` ends a statement
  uint32_t prev_ = 0;              // the last four words and marks (Context), newest in the low byte
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
        const std::string_view token = name.substr(b, k - b);
        // ASCII case-insensitive: the token is letters and digits only.
        auto is = [&](std::string_view lower) {
          return token.size() == lower.size() &&
                 std::equal(token.begin(), token.end(), lower.begin(), [](char c, char l) {
                   return (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == l;
                 });
        };
        if (is("mysql") || is("mariadb")) s.mysql_.add("the file's path", kPath);
        if (is("postgres") || is("postgresql") || is("pg") || is("pgsql"))
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
