#include "parser/postgres/psql_input.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "core/runner_marker.h"
#include "core/sql_text.h"

namespace ddlint::parser::pg {

namespace {

bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || (static_cast<unsigned char>(c) & 0x80);
}

// Bytes that mean nothing to the pre-pass inside a statement's content: any
// but line ends, quotes, `$`, `;`, parentheses and the bytes that can start a
// comment or a meta-command. A run of them is stepped over at once. NUL is
// not one: the text's terminating NUL ends a run without a bound check (a
// NUL inside the text is then stepped over by the main loop, as content).
constexpr auto kOrdinary = [] {
  std::array<bool, 256> ordinary{};
  for (size_t c = 0; c < ordinary.size(); ++c) ordinary[c] = true;
  for (const unsigned char c : std::string_view("\n\r\\-/'\"$;()")) ordinary[c] = false;
  ordinary[0] = false;
  return ordinary;
}();

// Blanks [begin, end) but its line ends: each line's bytes set at once
// (memchr finds the line ends, memset writes the spaces).
void blank(std::string& text, size_t begin, size_t end) {
  char* const p = text.data();
  const size_t stop = std::min(end, text.size());
  for (size_t i = begin; i < stop;) {
    const void* nl = std::memchr(p + i, '\n', stop - i);
    const size_t line_end = nl == nullptr ? stop : static_cast<size_t>(static_cast<const char*>(nl) - p);
    while (i < line_end) {
      const void* cr = std::memchr(p + i, '\r', line_end - i);
      const size_t k = cr == nullptr ? line_end : static_cast<size_t>(static_cast<const char*>(cr) - p);
      std::memset(p + i, ' ', k - i);
      i = cr == nullptr ? k : k + 1;
    }
    i = line_end + 1;
  }
}

// Does the normalised (lower-case, comments and literals removed) statement
// read `copy ... from stdin`?
bool is_copy_from_stdin(const std::string& norm) {
  size_t i = 0;
  while (i < norm.size() && std::isspace(static_cast<unsigned char>(norm[i]))) ++i;
  if (norm.compare(i, 4, "copy") != 0 || (i + 4 < norm.size() && is_ident_char(norm[i + 4]))) return false;
  // Find the word "from" followed by the word "stdin".
  size_t pos = i + 4;
  while ((pos = norm.find("from", pos)) != std::string::npos) {
    const bool word_start = pos == 0 || !is_ident_char(norm[pos - 1]);
    size_t j = pos + 4;
    if (word_start && j < norm.size() && std::isspace(static_cast<unsigned char>(norm[j]))) {
      while (j < norm.size() && std::isspace(static_cast<unsigned char>(norm[j]))) ++j;
      if (norm.compare(j, 5, "stdin") == 0 && (j + 5 >= norm.size() || !is_ident_char(norm[j + 5])))
        return true;
    }
    pos += 4;
  }
  return false;
}

// End of the quoted literal or identifier opening at `i`; an unterminated
// one runs to the end of the text.
size_t quoted_or_end(std::string_view t, size_t i, bool backslash_escapes) {
  if (!backslash_escapes) {
    // quoted_end without escapes: only the quote ends or doubles, found by memchr.
    const char quote = t[i];
    for (size_t e = i + 1; e < t.size();) {
      const void* q = std::memchr(t.data() + e, quote, t.size() - e);
      if (q == nullptr) break;
      e = static_cast<size_t>(static_cast<const char*>(q) - t.data());
      if (e + 1 < t.size() && t[e + 1] == quote) {
        e += 2;
        continue;
      }
      return e + 1;
    }
    return t.size();
  }
  const size_t e = quoted_end(t, i, backslash_escapes);
  return e == std::string_view::npos ? t.size() : e;
}

// End of the dollar-quoted body opening at `i` ($tag$ ... $tag$, not a
// positional parameter $1); the end of the text when unterminated, 0 when
// no body opens there.
size_t dollar_quote_end(std::string_view t, size_t i) {
  const size_t n = t.size();
  if (i > 0 && is_ident_char(t[i - 1])) return 0;
  size_t e = i + 1;
  while (e < n && (std::isalpha(static_cast<unsigned char>(t[e])) || t[e] == '_' ||
                   (static_cast<unsigned char>(t[e]) & 0x80) ||
                   (e > i + 1 && std::isdigit(static_cast<unsigned char>(t[e])))))
    ++e;
  if (e >= n || t[e] != '$') return 0;
  const std::string_view tag = t.substr(i, e - i + 1);
  const size_t close = t.find(tag, e + 1);
  return close == std::string_view::npos ? n : close + tag.size();
}

// Text [begin, end) of one statement normalised for is_copy_from_stdin and
// the CREATE RULE check: lower case, each comment a space, each literal,
// quoted name and dollar-quoted body a placeholder. Built only for the
// statements that need it (COPY, parentheses at a `;`).
std::string normalise(std::string_view t, size_t begin, size_t end) {
  std::string norm;
  norm.reserve(end - begin);
  size_t i = begin;
  while (i < end) {
    const char c = t[i];
    if (c == '-' && i + 1 < end && t[i + 1] == '-') {
      while (i < end && t[i] != '\n' && t[i] != '\r') ++i;
      norm += ' ';
    } else if (c == '/' && i + 1 < end && t[i + 1] == '*') {
      int nesting = 1;
      i += 2;
      while (i < end && nesting > 0) {
        if (t[i] == '/' && i + 1 < end && t[i + 1] == '*') {
          ++nesting;
          i += 2;
        } else if (t[i] == '*' && i + 1 < end && t[i + 1] == '/') {
          --nesting;
          i += 2;
        } else {
          ++i;
        }
      }
      norm += ' ';
    } else if (c == '\'') {
      const bool escapes =
          i > 0 && (t[i - 1] == 'e' || t[i - 1] == 'E') && (i < 2 || !is_ident_char(t[i - 2]));
      norm += " '' ";
      i = std::min(end, quoted_or_end(t, i, escapes));
    } else if (c == '"') {
      norm += " \"\" ";
      i = std::min(end, quoted_or_end(t, i, false));
    } else if (const size_t body = c == '$' ? dollar_quote_end(t, i) : 0; body != 0) {
      norm += " $$ ";
      i = std::min(end, body);
    } else {
      norm += c == '\n' || c == '\r' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      ++i;
    }
  }
  return norm;
}

// Does the statement's first word read `copy`?
bool starts_with_copy(std::string_view t, size_t first) {
  if (first + 4 > t.size()) return false;
  for (size_t k = 0; k < 4; ++k)
    if (std::tolower(static_cast<unsigned char>(t[first + k])) != "copy"[k]) return false;
  return first + 4 == t.size() || !is_ident_char(t[first + 4]);
}

// The pre-pass's escape rule for the quote at q: E'' when an e or E stands
// right before it, not after an identifier byte.
bool escapes_at(std::string_view t, size_t q) {
  return q > 0 && (t[q - 1] == 'e' || t[q - 1] == 'E') && (q < 2 || !is_ident_char(t[q - 2]));
}

// Whether the pre-pass's quotes span exactly the string token [begin, end)
// (one quoted part, or several continued over line ends): it reads E''
// by the bytes before each quote.
bool same_string(std::string_view t, size_t begin, size_t end) {
  size_t q = t[begin] == '\'' ? begin : begin + 1;
  for (;;) {
    const size_t e = quoted_or_end(t, q, escapes_at(t, q));
    if (e >= end) return e == end;
    size_t p = e;
    while (p < end && (t[p] == ' ' || t[p] == '\t' || t[p] == '\n' || t[p] == '\r' || t[p] == '\f')) ++p;
    if (p >= end || t[p] != '\'') return false;
    q = p;
  }
}

// The skipped input of the psql meta-command [begin, end) of t (a backslash
// to its line's end), named by its first word.
ir::SkippedInput meta_command(std::string_view t, size_t begin, size_t end) {
  size_t word_end = begin + 1;
  while (word_end < end && !std::isspace(static_cast<unsigned char>(t[word_end]))) ++word_end;
  return {{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
          "psql meta-command `" + std::string(t.substr(begin, word_end - begin)) + "` skipped (not SQL)",
          ir::SkippedKind::ClientInput};
}

// Whether a piece's first content at i may be a runner directive the
// pre-pass skips (`execute java ...`, `delimiter X`, `// ...`): a superset,
// the pre-pass decides.
bool may_be_directive(std::string_view t, size_t i) {
  auto starts = [&](std::string_view word) {
    if (t.size() - i < word.size()) return false;
    for (size_t k = 0; k < word.size(); ++k)
      if (std::tolower(static_cast<unsigned char>(t[i + k])) != word[k]) return false;
    return true;
  };
  return starts("execute") || starts("delimiter") || starts("//");
}

}  // namespace

PsqlInput prepare_psql_input(std::string_view input) {
  PsqlInput out;
  out.text.assign(input);
  std::string& t = out.text;
  const size_t n = t.size();
  size_t first_content = std::string::npos;  // where the current piece's content starts
  bool in_rule = false;                      // the piece reads `rule` and kept a `;` inside parentheses
  bool line_start = true;
  size_t i = 0;
  size_t stmt_start = 0;
  bool has_content = false;      // the current piece holds something besides comments
  int depth = 0;                 // parentheses, honoured only inside CREATE RULE
  std::string runner_delimiter;  // set by a `delimiter X` directive (X other than `;`)
  auto end_statement = [&](size_t end, size_t next) {
    if (has_content)
      out.statements.push_back({static_cast<uint32_t>(stmt_start), static_cast<uint32_t>(end)});
    stmt_start = next;
    has_content = false;
    depth = 0;
    first_content = std::string::npos;
    in_rule = false;
  };
  while (i < n) {
    const char c = t[i];
    if (c == '\n' || c == '\r') {
      line_start = true;
      ++i;
      continue;
    }
    if (line_start && (c == ' ' || c == '\t' || c == '\f' || c == '\v')) {
      ++i;
      continue;
    }
    // Script-runner directives on a line of their own, where a statement
    // starts: Activiti/Flowable/Camunda's `execute java CLASS` (runs Java
    // code) and `delimiter X` (MyBatis-style runners: statements end at X
    // until the next `delimiter`), and a line holding only that delimiter.
    // (Each starts with e, d or / unless a delimiter is set: any other
    // character skips the line scan.)
    if (!has_content &&
        (c == 'e' || c == 'E' || c == 'd' || c == 'D' || c == '/' || !runner_delimiter.empty())) {
      size_t e = i;
      while (e < n && t[e] != '\n' && t[e] != '\r') ++e;
      const std::string_view line = std::string_view(t).substr(i, e - i);
      std::string_view rest = line;
      while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.remove_suffix(1);
      auto starts = [&](std::string_view word) {
        if (rest.size() <= word.size() || !std::isspace(static_cast<unsigned char>(rest[word.size()])))
          return false;
        for (size_t k = 0; k < word.size(); ++k)
          if (std::tolower(static_cast<unsigned char>(rest[k])) != word[k]) return false;
        return true;
      };
      auto after = [&](std::string_view word) {
        std::string_view a = rest.substr(word.size());
        while (!a.empty() && std::isspace(static_cast<unsigned char>(a.front()))) a.remove_prefix(1);
        return a;
      };
      std::string why;
      if (starts("execute java")) {
        const std::string_view cls = after("execute java");
        const bool dotted = cls.find('.') != std::string_view::npos &&
                            std::all_of(cls.begin(), cls.end(),
                                        [](char ch) { return is_ident_char(ch) || ch == '.' || ch == '$'; });
        if (dotted)
          why = "runner directive `execute java " + std::string(cls) +
                "` skipped (the runner runs Java code there, not SQL)";
      } else if (starts("delimiter")) {
        const std::string_view d = after("delimiter");
        if (!d.empty() && std::none_of(d.begin(), d.end(), [](char ch) {
              return std::isspace(static_cast<unsigned char>(ch));
            })) {
          why = "runner directive `delimiter " + std::string(d) + "` skipped (not SQL)";
          runner_delimiter = d == ";" ? std::string() : std::string(d);
        }
      }
      if (!runner_delimiter.empty() && rest == runner_delimiter) {
        // Ends the statement before it, like `;`.
        blank(t, i, e);
        end_statement(i, e);
        i = e;
        continue;
      }
      if (why.empty() && rest.substr(0, 2) == "//") why = "script runner comment `//` skipped (not SQL)";
      if (!why.empty()) {
        out.skipped.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(e)},
                               std::move(why),
                               ir::SkippedKind::ClientInput});
        blank(t, i, e);
        end_statement(i, e);
        i = e;
        continue;
      }
    }
    if (c == '\\') {
      size_t e = i;
      while (e < n && t[e] != '\n' && t[e] != '\r') ++e;
      out.skipped.push_back(meta_command(input, i, e));
      blank(t, i, e);
      // A meta-command ends the statement before it (psql sends the buffer
      // for \g, \gset, \gexec; other commands leave no SQL behind).
      end_statement(i, e);
      i = e;
      continue;
    }
    line_start = false;
    // Line comment.
    if (c == '-' && i + 1 < n && t[i + 1] == '-') {
      size_t e = i;
      while (e < n && t[e] != '\n' && t[e] != '\r') ++e;
      out.comments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e)});
      if (is_statement_boundary(classify_runner_comment(std::string_view(t).substr(i, e - i)).kind)) {
        // Migration runners run the text between these markers separately:
        // a statement never continues across one.
        end_statement(i, e);
      }
      i = e;
      continue;
    }
    // Block comment (nests in PostgreSQL).
    if (c == '/' && i + 1 < n && t[i + 1] == '*') {
      size_t e = i + 2;
      int nesting = 1;
      while (e < n && nesting > 0) {
        if (t[e] == '/' && e + 1 < n && t[e + 1] == '*') {
          ++nesting;
          e += 2;
        } else if (t[e] == '*' && e + 1 < n && t[e + 1] == '/') {
          --nesting;
          e += 2;
        } else {
          ++e;
        }
      }
      if (nesting > 0) {
        // Everything after it is comment text: nothing would run.
        out.errors.push_back({{static_cast<uint32_t>(i), static_cast<uint32_t>(i + 2)},
                              {static_cast<uint32_t>(i), static_cast<uint32_t>(e)},
                              "unterminated /* comment: the rest of the file is not SQL"});
      }
      out.comments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e)});
      i = e;
      continue;
    }
    has_content = true;
    if (first_content == std::string::npos) first_content = i;
    // String literal, E'' escapes honour backslashes.
    if (c == '\'') {
      const bool escapes =
          i > 0 && (t[i - 1] == 'e' || t[i - 1] == 'E') && (i < 2 || !is_ident_char(t[i - 2]));
      i = quoted_or_end(t, i, escapes);
      continue;
    }
    // Quoted identifier.
    if (c == '"') {
      i = quoted_or_end(t, i, false);
      continue;
    }
    // Dollar-quoted string: $tag$ ... $tag$ (not a positional parameter $1).
    if (c == '$') {
      if (const size_t end = dollar_quote_end(t, i); end != 0) {
        i = end;
        continue;
      }
    }
    if (c == ';') {
      if (starts_with_copy(t, first_content) && is_copy_from_stdin(normalise(t, stmt_start, i))) {
        // Data starts on the next line and ends with a line holding only `\.`.
        size_t line = i + 1;
        while (line < n && t[line] != '\n') ++line;
        if (line < n) ++line;
        size_t p = line;
        size_t data_end = n;
        size_t lines = 0;
        while (p < n) {
          const void* nl = std::memchr(t.data() + p, '\n', n - p);
          const size_t e = nl == nullptr ? n : static_cast<size_t>(static_cast<const char*>(nl) - t.data());
          size_t content_end = e;
          if (content_end > p && t[content_end - 1] == '\r') --content_end;
          if (content_end - p == 2 && t[p] == '\\' && t[p + 1] == '.') {
            data_end = content_end;
            break;
          }
          ++lines;
          p = e < n ? e + 1 : n;
        }
        end_statement(i, line);
        if (line < n) {
          out.skipped.push_back({{static_cast<uint32_t>(line), static_cast<uint32_t>(data_end)},
                                 "COPY ... FROM stdin data (" + std::to_string(lines) +
                                     (lines == 1 ? " line" : " lines") + ") skipped",
                                 ir::SkippedKind::ClientInput});
          blank(t, line, data_end);
        }
        i = data_end;
        stmt_start = data_end;
        line_start = false;
        continue;
      }
      if (depth > 0 && (in_rule || normalise(t, stmt_start, i).find("rule") != std::string::npos)) {
        in_rule = true;
        ++i;
        continue;
      }
      end_statement(i, i + 1);
      ++i;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    // Inside the content, on a line already started: the loop would only
    // step over ordinary bytes.
    ++i;
    // t[n] is the string's NUL, which is not ordinary: no bound check, four
    // bytes a round.
    const auto* const u = reinterpret_cast<const unsigned char*>(t.data());
    for (;;) {
      if (!kOrdinary[u[i]]) break;
      if (!kOrdinary[u[i + 1]]) {
        i += 1;
        break;
      }
      if (!kOrdinary[u[i + 2]]) {
        i += 2;
        break;
      }
      if (!kOrdinary[u[i + 3]]) {
        i += 3;
        break;
      }
      i += 4;
    }
  }
  end_statement(n, n);
  return out;
}

bool psql_input_from_tokens(const std::vector<Token>& tokens, const PsqlMarks& marks, PsqlInput& out) {
  if (marks.dollar_pair || marks.semicolon_in_parens) return false;  // CREATE RULE: left to the pre-pass
  const std::string_view t = out.text;
  const size_t n = t.size();
  // Every string the pre-pass may read as E'' must span what the scanner read.
  for (const uint32_t k : marks.e_strings) {
    const Token& tok = tokens[k];
    if ((t[tok.begin] != '\'' || escapes_at(t, tok.begin)) && !same_string(t, tok.begin, tok.end))
      return false;
  }
  const auto& comments = marks.comments;
  const auto& semicolons = marks.semicolons;
  const auto& metas = marks.meta_commands;
  out.statements.clear();
  out.skipped.clear();
  size_t stmt_start = 0;
  bool has_content = false;  // the piece holds a byte besides comments and line-start spaces
  size_t first_content = std::string::npos;
  size_t first_token = 0;  // the piece's first token, while it holds nothing yet
  auto end_statement = [&](size_t end, size_t next) {
    if (has_content)
      out.statements.push_back({static_cast<uint32_t>(stmt_start), static_cast<uint32_t>(end)});
    stmt_start = next;
    has_content = false;
    first_content = std::string::npos;
  };
  // A space, tab or form feed right after a `;` or comment, on its line:
  // content to the pre-pass (only those at a line's start are not).
  auto space_after = [&](size_t end) {
    if (end < n && (t[end] == ' ' || t[end] == '\t' || t[end] == '\f')) {
      has_content = true;
      first_content = end;
    }
  };
  // Only a piece's first content, a `;`, a comment and a meta-command can
  // change the pieces: the tokens between them are stepped over.
  size_t c = 0;  // the next comment
  size_t s = 0;  // the next `;`
  size_t m = 0;  // the next meta-command
  for (;;) {
    const uint32_t comment_at = c < comments.size() ? comments[c].begin : UINT32_MAX;
    const uint32_t semicolon_at = s < semicolons.size() ? tokens[semicolons[s]].begin : UINT32_MAX;
    const uint32_t meta_at = m < metas.size() ? metas[m].begin : UINT32_MAX;
    if (!has_content && first_token < tokens.size() &&
        tokens[first_token].begin < std::min({comment_at, semicolon_at, meta_at})) {
      // The piece's first content is a token: where the pre-pass looks for a runner directive.
      const uint32_t at = tokens[first_token].begin;
      const char first = t[at];
      if ((first == 'e' || first == 'E' || first == 'd' || first == 'D' || first == '/') &&
          may_be_directive(t, at))
        return false;
      has_content = true;
      first_content = at;
    }
    if (comment_at == UINT32_MAX && semicolon_at == UINT32_MAX && meta_at == UINT32_MAX) break;
    if (meta_at < comment_at && meta_at < semicolon_at) {
      // Skipped and blanked; it ends the piece before it (the line end after
      // it starts the next).
      const TextRange& mc = metas[m++];
      out.skipped.push_back(meta_command(t, mc.begin, mc.end));
      blank(out.text, mc.begin, mc.end);
      end_statement(mc.begin, mc.end);
      first_token = static_cast<size_t>(
          std::lower_bound(tokens.begin(), tokens.end(), mc.end,
                           [](const Token& tok, uint32_t off) { return tok.begin < off; }) -
          tokens.begin());
    } else if (comment_at < semicolon_at) {
      const TextRange& cm = comments[c++];
      if (t[cm.begin] == '-' &&
          is_statement_boundary(classify_runner_comment(t.substr(cm.begin, cm.end - cm.begin)).kind)) {
        end_statement(cm.begin, cm.end);
        first_token = static_cast<size_t>(
            std::lower_bound(tokens.begin(), tokens.end(), cm.end,
                             [](const Token& tok, uint32_t off) { return tok.begin < off; }) -
            tokens.begin());
      }
      if (!has_content) space_after(cm.end);
    } else {
      const size_t k = semicolons[s++];
      if (!has_content) {
        has_content = true;
        first_content = semicolon_at;
      }
      if (starts_with_copy(t, first_content)) return false;  // COPY: left to the pre-pass
      end_statement(semicolon_at, semicolon_at + 1);
      first_token = k + 1;
      space_after(semicolon_at + 1);
    }
  }
  end_statement(n, n);
  return true;
}

}  // namespace ddlint::parser::pg
