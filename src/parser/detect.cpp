#include "parser/detect.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <vector>

namespace ddlint::parser {

namespace {

// Byte classes of the scanner's main loop: bytes it steps over (blanks and
// operators no sign reads), a word's first byte, the marks signs look back
// at, the first byte of "--", "/*" and "::", and the other bytes that may
// open a comment, a quoted text or a sign.
enum Class : uint8_t { kSkip, kWordChar, kMark, kPairFirst, kSpecial };
constexpr std::array<uint8_t, 256> kClass = [] {
  std::array<uint8_t, 256> m{};
  for (int c = 'a'; c <= 'z'; ++c) m[c] = kWordChar;
  for (int c = 'A'; c <= 'Z'; ++c) m[c] = kWordChar;
  for (int c = '0'; c <= '9'; ++c) m[c] = kWordChar;
  m['_'] = kWordChar;
  for (const char c : {',', ';', '(', ')'}) m[static_cast<unsigned char>(c)] = kMark;
  for (const char c : {'-', '/', ':'}) m[static_cast<unsigned char>(c)] = kPairFirst;
  for (const char c : {'#', '\'', '`', '"', '$'}) m[static_cast<unsigned char>(c)] = kSpecial;
  return m;
}();

bool word_char(char c) { return kClass[static_cast<unsigned char>(c)] == kWordChar; }
// A word goes on over word characters and `$`.
constexpr std::array<bool, 256> kWordGoesOn = [] {
  std::array<bool, 256> m{};
  for (size_t c = 0; c < m.size(); ++c) m[c] = kClass[c] == kWordChar || c == '$';
  return m;
}();

// The word of word characters at `w` (w.size() bytes) is `upper` (upper-case
// letters and `_`), whatever its case. Clearing bit 0x20 upper-cases a letter
// and keeps `_`; it turns a digit or `$` into a control byte, which no sign
// has: for word characters it is an exact case-insensitive comparison.
bool same_word(const unsigned char* w, std::string_view upper) {
  for (size_t i = 0; i < upper.size(); ++i)
    if ((w[i] & ~0x20U) != static_cast<unsigned char>(upper[i])) return false;
  return true;
}

// Where Scanner::known() looks for a word of `n` bytes (n >= 2) whose second
// and last bytes are these: a hash of its length and of the low five bits of
// those two letters (the same in either case).
constexpr size_t word_slot(size_t n, unsigned char second, unsigned char last) {
  return (static_cast<unsigned>(n) + 9 * (second & 31U) + 12 * (last & 31U)) & 255U;
}
constexpr size_t word_slot(std::string_view upper) {
  return word_slot(upper.size(), static_cast<unsigned char>(upper[1]),
                   static_cast<unsigned char>(upper.back()));
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

  // Kept out of detect_dialect(), whose reading of the path would otherwise
  // take registers from this loop (a few percent more instructions).
  [[gnu::noinline]] void run() {
    const auto* const data = reinterpret_cast<const unsigned char*>(t_.data());
    const auto* const end = data + t_.size();
    // After the last byte no word goes on over (data: there is none): a word
    // that starts before it ends at that byte at the latest, and is read
    // without testing for the end; a word after it runs to the end.
    const unsigned char* stops_end = end;
    while (stops_end != data && kWordGoesOn[stops_end[-1]]) --stops_end;
    // After the last byte of another class than kSkip: the blanks and
    // operators before it are stepped over without testing for the end, and
    // those after it are the text's last bytes.
    const unsigned char* tokens_end = end;
    while (tokens_end != data && kBytes[tokens_end[-1]].cls == kSkip) --tokens_end;
    const unsigned char* p = data;
    // Words, blanks, operators and marks are read here; what may be a sign
    // (a word of kKnown, or a byte of class kSpecial) is read by sign() or
    // special() from i_.
    while (p < tokens_end) {
      while (kBytes[*p].cls == kSkip) ++p;
      const unsigned char c = *p;
      const uint8_t cls = kBytes[c].cls;
      if (cls == kWordChar) {
        const unsigned char* const b = p;
        p = b < stops_end ? word_end(p + 1) : end;
        const auto n = static_cast<size_t>(p - b);
        // Only a word whose first letter and length are those of a known
        // word is read further.
        const Known* k = nullptr;
        if (n < kMaxWord && ((kBytes[c].read_lengths >> n) & 1U) != 0) k = known(b, n, end);
        if (k == nullptr) {
          push(kNoWord);
          continue;
        }
        i_ = static_cast<size_t>(p - data);
        sign(static_cast<size_t>(b - data), *k);
        p = data + i_;
        continue;
      }
      if (cls == kMark) {
        push(static_cast<Context>(kBytes[c].mark));
        ++p;
        continue;
      }
      // `-`, `/` and `:` open a comment or a sign only as "--", "/*", "::".
      if (cls == kPairFirst && (end - p < 2 || p[1] != (c == '/' ? '*' : c))) {
        ++p;  // an operator
        continue;
      }
      i_ = static_cast<size_t>(p - data);
      special(static_cast<char>(c));
      p = data + i_;
    }
  }

  Tally mysql_;
  Tally postgres_;

 private:
  // A byte of class kSpecial at i_, or the first of "--", "/*" or "::".
  void special(char c) {
    switch (c) {
      case '-':
        return skip_line();
      case '/':
        if (peek(2) == '!') mysql_.add("/*! ... */ comments");
        return skip_block_comment();
      case ':':
        postgres_.add(":: casts", kDecisive);
        i_ += 2;
        return;
      case '#':
        // A comment in MySQL; an operator in PostgreSQL, never at the start of a line.
        if (at_line_start(i_)) mysql_.add("# comments");
        return skip_line();
      case '\'':
        skip_quoted('\'', true);
        prev_ = 0;
        return;
      case '`':
        mysql_.add("backtick-quoted names", kDecisive);
        skip_quoted('`', false);
        push(kNoWord);
        return;
      case '"':
        // A quoted name where a table or column goes: PostgreSQL (MySQL reads
        // "..." as a string unless ANSI_QUOTES is on).
        if (prev(0) >= kTable && prev(0) <= kColumn) postgres_.add("double-quoted names");
        skip_quoted('"', false);
        push(kNoWord);
        return;
      default:  // '$'
        if (!dollar_delimiter_ && dollar_quote()) return;
        ++i_;  // an operator
        return;
    }
  }

  // Only blanks stand between the start of its line and the token at `b`.
  // The scanner's tokens (words, marks, quoted texts, comments) end on a
  // byte that is no blank, or before a newline: looking back over blanks
  // finds the newline or the start of the text exactly when the scanner
  // went through one since the token before.
  bool at_line_start(size_t b) const {
    while (b > 0) {
      const char c = t_[--b];
      if (c == '\n') return true;
      if (c != ' ' && c != '\t' && c != '\r') return false;
    }
    return true;
  }

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
    // The first quote at or after i_ (n: none), searched again only once i_
    // has passed it: a string with many backslashes is read once, not once
    // from each backslash on.
    size_t close = 0;
    while (i_ < n) {
      if (close < i_) {
        const void* found = std::memchr(data + i_, q, n - i_);
        close = found == nullptr ? n : static_cast<size_t>(static_cast<const char*>(found) - data);
      }
      if (backslash && next_backslash() < close) {
        i_ = std::min(backslash_ + 2, n);  // (a backslash at the very end: to the end)
        continue;
      }
      if (close == n) {
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

  // The first backslash at or after i_ (the text's size: none). Found once
  // for all the strings before it: backslashes are rare, strings are not.
  size_t next_backslash() {
    if (backslash_ < i_) {
      const void* bs = std::memchr(t_.data() + i_, '\\', t_.size() - i_);
      backslash_ = bs == nullptr ? t_.size() : static_cast<size_t>(static_cast<const char*>(bs) - t_.data());
    }
    return backslash_;
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
    auto next_is_word = [&](std::string_view upper) {
      return j - b == upper.size() && same_word(reinterpret_cast<const unsigned char*>(t_.data()) + b, upper);
    };
    return next_is_word("INSERT") || next_is_word("UPDATE") || next_is_word("DELETE") ||
           next_is_word("TRUNCATE");
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
  static constexpr size_t kMaxWord = 20;  // no sign is that long
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
  // the comma and ON, a sign already).
  static constexpr auto kKnown = [] {
    std::array<Known, kSignWords.size() + kContexts - 3> m{};
    size_t at = 0;
    for (const Known& k : kSignWords) m[at++] = k;
    for (size_t c = kTable; c < kContexts; ++c)
      if (kContextWords[c] != "," && kContextWords[c] != "ON")
        m[at++] = {kContextWords[c], kNoSign, static_cast<Context>(c)};
    return m;
  }();
  static_assert(std::all_of(kKnown.begin(), kKnown.end(),
                            [](const Known& k) { return k.word.size() >= 2 && k.word.size() < kMaxWord; }));
  // Bit n set in kReadLengths[c] when a word of kKnown has n bytes and starts
  // with the letter c, in either case.
  static constexpr auto kReadLengths = [] {
    std::array<uint32_t, 256> m{};
    for (const Known& k : kKnown) {
      const auto c = static_cast<unsigned char>(k.word[0]);
      m[c] |= 1U << k.word.size();
      m[c - 'A' + 'a'] |= 1U << k.word.size();
    }
    return m;
  }();
  // What the main loop reads of a byte, in one table: one address for the
  // compiler to hold in a register, not three.
  struct ByteFacts {
    uint32_t read_lengths;  // kReadLengths
    uint8_t cls;            // kClass
    bool word_goes_on;      // kWordGoesOn
    uint8_t mark;           // the Context a mark pushes: kComma for `,`, else kNoWord
  };
  static constexpr auto kBytes = [] {
    std::array<ByteFacts, 256> m{};
    for (size_t c = 0; c < m.size(); ++c)
      m[c] = {kReadLengths[c], kClass[c], kWordGoesOn[c], c == ',' ? kComma : kNoWord};
    return m;
  }();
  // kKnown's index + 1 at the slot of each of its words (0: no word there).
  static constexpr auto kSlots = [] {
    std::array<uint8_t, 256> m{};
    for (size_t k = 0; k < kKnown.size(); ++k) m[word_slot(kKnown[k].word)] = static_cast<uint8_t>(k + 1);
    return m;
  }();
  static_assert(
      [] {
        for (size_t k = 0; k < kKnown.size(); ++k)
          if (kSlots[word_slot(kKnown[k].word)] != k + 1) return false;
        return true;
      }(),
      "two words of kKnown share a slot: change the hash in word_slot()");
  // The first 8 bytes of each word of kKnown as a little-endian number (0
  // after its end), and the mask that clears bit 0x20 of each of them (as
  // same_word() does) and the bytes after the word.
  static constexpr auto kHeads = [] {
    std::array<uint64_t, kKnown.size()> m{};
    for (size_t k = 0; k < kKnown.size(); ++k)
      for (size_t i = 0; i < kKnown[k].word.size() && i < 8; ++i)
        m[k] |= uint64_t{static_cast<unsigned char>(kKnown[k].word[i])} << (8 * i);
    return m;
  }();
  static constexpr auto kHeadMasks = [] {
    std::array<uint64_t, kKnown.size()> m{};
    for (size_t k = 0; k < kKnown.size(); ++k)
      for (size_t i = 0; i < kKnown[k].word.size() && i < 8; ++i) m[k] |= uint64_t{0xDF} << (8 * i);
    return m;
  }();
  // The sign or context word of `n` bytes at `w` (n >= 2), if it is one
  // (`end`: the text's end; 8 bytes are read from `w` when it has them).
  static const Known* known(const unsigned char* w, size_t n, const unsigned char* end) {
    const size_t s = kSlots[word_slot(n, w[1], w[n - 1])];
    if (s == 0) return nullptr;
    const Known& k = kKnown[s - 1];
    if (k.word.size() != n) return nullptr;
    if constexpr (std::endian::native == std::endian::little) {
      // Most are 8 bytes or fewer: compared at once, as same_word() would.
      if (n <= 8 && end - w >= 8) {
        uint64_t x = 0;
        std::memcpy(&x, w, 8);
        return (x & kHeadMasks[s - 1]) == kHeads[s - 1] ? &k : nullptr;
      }
    }
    return same_word(w, k.word) ? &k : nullptr;
  }

  // The end of the word going on at `p` (after its first byte), four bytes a
  // step: a byte no word goes on over must follow.
  static const unsigned char* word_end(const unsigned char* p) {
    for (;; p += 4) {
      if (!kBytes[p[0]].word_goes_on) return p;
      if (!kBytes[p[1]].word_goes_on) return p + 1;
      if (!kBytes[p[2]].word_goes_on) return p + 2;
      if (!kBytes[p[3]].word_goes_on) return p + 3;
    }
  }

  // The known word `k` from `b` to i_.
  void sign(size_t b, const Known& k) {
    switch (k.sign) {
      case kNoSign:
        break;
      case kDelimiterWord:
        if (at_line_start(b)) {
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
    push(k.context);
  }

  std::string_view t_;
  size_t i_ = 0;
  bool dollar_delimiter_ = false;  // DELIMITER $$ (or $x): a `$$` ends a statement
  uint32_t prev_ = 0;              // the last four words and marks (Context), newest in the low byte
  size_t backslash_ = 0;           // see next_backslash() (0: not looked for yet, or at 0)
};

}  // namespace

DialectGuess detect_dialect(std::string_view text, std::string_view path) {
  Scanner s(text);
  s.run();
  // The file's name and the folders it sits in (the last three) may name
  // the dialect: `V3__x.mysql.sql`, `migrations/mysql/`, `pg/001.sql`. Their
  // tokens (runs of ASCII letters and digits: std::isalnum in the "C" locale
  // ddlint runs in) are read from the end of the path to its fourth slash.
  {
    static constexpr auto kAlnum = [] {
      std::array<bool, 256> m{};
      for (size_t c = 0; c < m.size(); ++c) m[c] = kClass[c] == kWordChar && c != '_';
      return m;
    }();
    auto alnum = [](char c) { return kAlnum[static_cast<unsigned char>(c)]; };
    int slashes = 0;
    size_t k = path.size();
    while (k > 0) {
      const char c = path[k - 1];
      if (c == '/' || c == '\\') {
        if (++slashes == 4) break;
      }
      if (!alnum(c)) {
        --k;
        continue;
      }
      const size_t e = k;
      while (k > 0 && alnum(path[k - 1])) --k;
      const std::string_view token = path.substr(k, e - k);
      // ASCII case-insensitive: the token is letters and digits only.
      auto is = [&](std::string_view lower) {
        return token.size() == lower.size() &&
               std::equal(token.begin(), token.end(), lower.begin(), [](char t, char l) {
                 return (t >= 'A' && t <= 'Z' ? static_cast<char>(t - 'A' + 'a') : t) == l;
               });
      };
      if (is("mysql") || is("mariadb")) s.mysql_.add("the file's path", kPath);
      if (is("postgres") || is("postgresql") || is("pg") || is("pgsql"))
        s.postgres_.add("the file's path", kPath);
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
