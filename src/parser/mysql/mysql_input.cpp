#include "parser/mysql/mysql_input.h"

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "core/sql_text.h"

namespace ddlint::parser::mysql {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

void blank(std::string& text, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < text.size(); ++i)
    if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
}

// Does the client command `word` (lower-case) start at `i` (a line start)?
// Returns the end of its keyword, or 0.
size_t client_command(std::string_view t, size_t i, std::string_view word) {
  if (t.size() - i < word.size() + 1) return 0;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(t[i + k])) != word[k]) return 0;
  const char after = t[i + word.size()];
  return after == ' ' || after == '\t' ? i + word.size() : 0;
}

// A letter or digit (ASCII), `_`, `$` or a byte of a multi-byte character.
constexpr std::array<bool, 256> kIdentChar = [] {
  std::array<bool, 256> m{};
  for (size_t c = 0; c < m.size(); ++c)
    m[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '$' || c >= 0x80;
  return m;
}();
bool is_ident_char(char c) { return kIdentChar[static_cast<unsigned char>(c)]; }
// std::isalpha in the C locale.
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string upper_word(std::string_view t, size_t b, size_t e) {
  std::string w(t.substr(b, e - b));
  for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return w;
}

// The word t[b, e) is `upper` (upper-case), whatever its case: what
// upper_word(t, b, e) == upper says, without making the string.
bool word_is(std::string_view t, size_t b, size_t e, std::string_view upper) {
  if (e - b != upper.size()) return false;
  for (size_t k = 0; k < upper.size(); ++k) {
    const auto ch = static_cast<unsigned char>(t[b + k]);  // upper-cased as toupper does in the C locale
    if ((ch >= 'a' && ch <= 'z' ? ch - ('a' - 'A') : ch) != static_cast<unsigned char>(upper[k]))
      return false;
  }
  return true;
}

}  // namespace

MySqlInput prepare_mysql_input(std::string_view input, uint32_t version_id, bool mariadb) {
  MySqlInput out;
  out.text.assign(input);
  std::string& t = out.text;
  const size_t n = t.size();
  std::string delimiter = ";";
  bool line_start = true;  // only whitespace since the last line break
  bool in_exec = false;    // inside `/*! ... */`: its content is SQL
  bool has_content = false;
  size_t stmt_start = 0;
  // Stored program bodies (CREATE PROCEDURE/FUNCTION/TRIGGER/EVENT, MariaDB
  // BEGIN NOT ATOMIC) sent without a DELIMITER change: migration runners send
  // such a file as it is, so `;` inside BEGIN ... END does not end it.
  // The statement's first three words, upper-case, and how many words it
  // has (counted up to 16: a routine is recognised among its first 16).
  std::array<std::string, 3> words;
  size_t word_count = 0;
  bool routine = false;
  // Open blocks of a routine body, innermost last: 'B' BEGIN, 'C' CASE, 'I' IF,
  // 'L' LOOP, 'W' WHILE, 'R' REPEAT (the last four only where a statement starts).
  std::string blocks;
  bool at_stmt_start = true;  // the next word would start a statement of a routine body
  auto end_statement = [&](size_t end, size_t next) {
    if (has_content)
      out.statements.push_back({static_cast<uint32_t>(stmt_start), static_cast<uint32_t>(end)});
    stmt_start = next;
    has_content = false;
    word_count = 0;
    routine = false;
    blocks.clear();
    at_stmt_start = true;
  };
  size_t i = 0;
  while (i < n) {
    const char c = t[i];
    if (c == '\n' || c == '\r') {
      line_start = true;
      ++i;
      continue;
    }
    if (is_space(c)) {
      ++i;
      continue;
    }
    if (line_start && !in_exec && !has_content) {
      // `source file` and its short form `\. file` read another script.
      size_t kw_end = client_command(t, i, "source");
      if (kw_end == 0) kw_end = client_command(t, i, "\\.");
      if (kw_end != 0) {
        size_t e = kw_end;
        while (e < n && t[e] != '\n' && t[e] != '\r') ++e;
        out.skipped.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(e)},
                               "mysql client command `" + std::string(t.substr(i, kw_end - i)) +
                                   "` skipped (not SQL): ddlint does not read the file it names",
                               ir::SkippedKind::ClientInput});
        blank(t, i, e);
        i = e;
        continue;
      }
    }
    // The client honours DELIMITER only where a statement starts: a line
    // `delimiter ...` inside a statement (a column named `delimiter`) is SQL.
    if (line_start && !in_exec && !has_content) {
      if (const size_t kw_end = client_command(t, i, "delimiter")) {
        size_t e = kw_end;
        while (e < n && t[e] != '\n' && t[e] != '\r') ++e;
        size_t w = kw_end;
        while (w < e && is_space(t[w])) ++w;
        size_t we = w;
        while (we < e && !is_space(t[we])) ++we;
        std::string word(t, w, we - w);
        if (word.size() >= 2 && (word.front() == '\'' || word.front() == '"' || word.front() == '`') &&
            word.back() == word.front())
          word = word.substr(1, word.size() - 2);
        end_statement(i, e);
        // DELIMITER is understood (it only changes where statements end), so
        // it is not skipped input; without a word the client refuses it.
        if (!word.empty()) {
          delimiter = word;
        } else {
          out.skipped.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(e)},
                                 "mysql client command `DELIMITER` without a delimiter skipped",
                                 ir::SkippedKind::ClientInput});
        }
        blank(t, i, e);
        i = e;
        continue;
      }
    }
    line_start = false;
    // Line comments: `#`, and `--` followed by whitespace or a control character.
    if (c == '#' || (c == '-' && i + 1 < n && t[i + 1] == '-' &&
                     (i + 2 >= n || static_cast<unsigned char>(t[i + 2]) <= ' '))) {
      size_t e = i;
      while (e < n && t[e] != '\n' && t[e] != '\r') ++e;
      out.comments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e)});
      blank(t, i, e);
      i = e;
      continue;
    }
    if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      // Executable comment: `/*!`, `/*!NNNNN`, MariaDB `/*M!`, `/*M!NNNNNN`.
      size_t m = i + 2;
      const bool mariadb_only = m < n && t[m] == 'M' && m + 1 < n && t[m + 1] == '!';
      if (mariadb_only) ++m;
      if (!in_exec && m < n && t[m] == '!') {
        size_t e = m + 1;
        size_t digits = 0;
        uint32_t since = 0;
        while (e < n && digits < 6 && std::isdigit(static_cast<unsigned char>(t[e]))) {
          since = since * 10 + static_cast<uint32_t>(t[e] - '0');
          ++e;
          ++digits;
        }
        // Content the target server skips is a comment. `/*M!999999\- enable
        // the sandbox mode */`, the first line of a mariadb-dump, names a
        // version no server has, so no server runs it (the mariadb client
        // reads it as a client command).
        const bool known = version_id != 0;
        const bool runs = since != 999999 && (!known || ((!mariadb_only || mariadb) && version_id >= since));
        if (!runs) {
          const size_t close = t.find("*/", e);
          const size_t end = close == std::string::npos ? n : close + 2;
          out.comments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
          blank(t, i, end);
          i = end;
          continue;
        }
        blank(t, i, e);
        in_exec = true;
        i = e;
        continue;
      }
      const size_t close = t.find("*/", i + 2);
      const size_t e = close == std::string::npos ? n : close + 2;
      if (close == std::string::npos) {
        out.errors.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2)},
                              {static_cast<uint32_t>(i), static_cast<uint32_t>(e)},
                              "unterminated /* comment: the rest of the file is not SQL"});
      }
      out.comments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e)});
      blank(t, i, e);
      i = e;
      continue;
    }
    if (in_exec && c == '*' && i + 1 < n && t[i + 1] == '/') {
      blank(t, i, i + 2);
      in_exec = false;
      i += 2;
      continue;
    }
    if (c == delimiter[0] && t.compare(i, delimiter.size(), delimiter) == 0 &&
        !(!blocks.empty() && delimiter == ";")) {
      end_statement(i, i + delimiter.size());
      i += delimiter.size();
      continue;
    }
    // A piece sent under another delimiter may hold several statements: the
    // client sends it as one multi-statement query and the server runs each
    // one, ending it at `;` outside a routine body's blocks.
    if (c == ';' && blocks.empty() && delimiter != ";") {
      end_statement(i, i + 1);
      ++i;
      continue;
    }
    if (!has_content) stmt_start = i;
    has_content = true;
    if (c == '\'' || c == '"' || c == '`') {
      const size_t e = quoted_end(t, i, /*backslash_escapes=*/t[i] != '`');  // MySQL's default sql_mode
      if (e == std::string_view::npos) {
        // Like the mysql client, the rest of the input is inside the quote.
        size_t last = n;
        while (last > i && is_space(t[last - 1])) --last;
        const TextRange stmt{static_cast<uint32_t>(stmt_start), static_cast<uint32_t>(last)};
        out.errors.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)},
                              stmt,
                              std::string("unterminated quoted ") + (c == '`' ? "identifier" : "string") +
                                  ": the rest of the file is inside it"});
        has_content = false;
        i = n;
        break;
      }
      i = e;
      at_stmt_start = false;
      continue;
    }
    if ((is_ascii_letter(c) || c == '_') && (i == 0 || !is_ident_char(t[i - 1]))) {
      size_t e = i;
      // The client finds its delimiter anywhere, even right after a name (`p$$`).
      while (e < n && is_ident_char(t[e]) &&
             !(t[e] == delimiter[0] && t.compare(e, delimiter.size(), delimiter) == 0))
        ++e;
      auto is = [&](std::string_view upper) { return word_is(t, i, e, upper); };
      if (word_count < 16) {
        if (word_count < words.size()) words[word_count] = upper_word(t, i, e);
        ++word_count;
        if (words[0] == "CREATE" && (is("PROCEDURE") || is("FUNCTION") || is("TRIGGER") || is("EVENT")))
          routine = true;
        if (word_count == 3 && words[0] == "BEGIN" && words[1] == "NOT" && words[2] == "ATOMIC") {
          routine = true;
          blocks = "B";
          at_stmt_start = true;
          i = e;
          continue;
        }
      }
      const bool starts_statement = at_stmt_start;
      at_stmt_start =
          is("BEGIN") || is("THEN") || is("ELSE") || is("DO") || is("ROW") || is("LOOP") || is("REPEAT");
      if (routine) {
        if (is("BEGIN")) {
          blocks.push_back('B');
        } else if (is("CASE")) {
          blocks.push_back('C');
        } else if (starts_statement && (is("IF") || is("LOOP") || is("WHILE") || is("REPEAT"))) {
          blocks.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(t[i]))));
        } else if (is("END") && !blocks.empty()) {
          size_t k = e;
          while (k < n && is_space(t[k])) ++k;
          size_t ke = k;
          while (ke < n && is_ident_char(t[ke]) &&
                 !(t[ke] == delimiter[0] && t.compare(ke, delimiter.size(), delimiter) == 0))
            ++ke;
          const std::string next = upper_word(t, k, ke);
          // END IF / END LOOP / END WHILE / END REPEAT close their own block
          // (one opened where no statement was known to start is not
          // counted); END and END CASE close the innermost one.
          if (next == "IF" || next == "LOOP" || next == "WHILE" || next == "REPEAT") {
            if (blocks.back() == next[0]) blocks.pop_back();
          } else {
            blocks.pop_back();
          }
          // END CASE / END IF ...: the word after END closes, it opens nothing.
          if (next == "CASE" || next == "IF" || next == "LOOP" || next == "WHILE" || next == "REPEAT") {
            i = ke;
            continue;
          }
        }
      }
      i = e;
      continue;
    }
    at_stmt_start = c == ';' || c == ':';
    ++i;
  }
  end_statement(n, n);
  // Eight bytes at a time: most scripts are ASCII throughout.
  size_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t word = 0;
    std::memcpy(&word, t.data() + k, 8);
    if ((word & 0x8080808080808080ULL) == 0) continue;
    for (size_t j = k; j < k + 8; ++j)
      if (static_cast<unsigned char>(t[j]) >= 0x80) t[j] = '_';
  }
  for (; k < n; ++k)
    if (static_cast<unsigned char>(t[k]) >= 0x80) t[k] = '_';
  return out;
}

}  // namespace ddlint::parser::mysql
