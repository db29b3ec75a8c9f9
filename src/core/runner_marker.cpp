#include "core/runner_marker.h"

#include <cctype>

namespace ddlint {

namespace {

bool blank(char c) { return c == ' ' || c == '\t'; }

void skip_blanks(std::string_view& s) {
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
}

// Consumes `word` (lower case) at the front of `s`, ignoring case.
bool eat(std::string_view& s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k)
    if (std::tolower(static_cast<unsigned char>(s[k])) != word[k]) return false;
  s.remove_prefix(word.size());
  return true;
}

// The rest of the line holds nothing but blanks (and a CR).
bool rest_blank(std::string_view s) {
  for (char c : s)
    if (!blank(c) && c != '\r') return false;
  return true;
}

}  // namespace

RunnerMarkerInfo classify_runner_comment(std::string_view c) {
  RunnerMarkerInfo out;
  if (c.size() < 2 || c[0] != '-' || c[1] != '-') return out;
  c.remove_prefix(2);
  skip_blanks(c);
  if (eat(c, "+goose")) {
    if (!c.empty() && !blank(c.front())) return out;  // `+gooseX` is not a directive
    skip_blanks(c);
    std::string_view rest = c;
    if (eat(rest, "up") && rest_blank(rest)) {
      out.kind = RunnerMarker::GooseUp;
    } else if (rest = c; eat(rest, "down") && rest_blank(rest)) {
      out.kind = RunnerMarker::GooseDown;
    } else if (rest = c; eat(rest, "statementbegin") && rest_blank(rest)) {
      out.kind = RunnerMarker::GooseStatementBegin;
    } else if (rest = c; eat(rest, "statementend") && rest_blank(rest)) {
      out.kind = RunnerMarker::GooseStatementEnd;
    } else if (rest = c; eat(rest, "no")) {
      skip_blanks(rest);
      out.kind = eat(rest, "transaction") && rest_blank(rest) ? RunnerMarker::GooseNoTransaction
                                                              : RunnerMarker::GooseOther;
    } else {
      out.kind = RunnerMarker::GooseOther;
    }
    return out;
  }
  if (eat(c, "migrate:")) {
    if (eat(c, "up")) {
      out.kind = RunnerMarker::DbmateUp;
    } else if (eat(c, "down")) {
      out.kind = RunnerMarker::DbmateDown;
    } else {
      return out;
    }
    if (!c.empty() && !blank(c.front()) && c.front() != '\r') return {};  // `migrate:upgrade`
    // Options: space-separated key:value pairs.
    while (true) {
      skip_blanks(c);
      if (c.empty()) break;
      size_t e = 0;
      while (e < c.size() && !blank(c[e])) ++e;
      std::string_view opt = c.substr(0, e);
      if (!opt.empty() && opt.back() == '\r') opt.remove_suffix(1);
      std::string_view o = opt;
      if (eat(o, "transaction:") && eat(o, "false") && o.empty()) out.transaction_false = true;
      c.remove_prefix(e);
    }
    return out;
  }
  return out;
}

}  // namespace ddlint
