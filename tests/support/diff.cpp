#include "support/diff.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <vector>

namespace ddlint::test {

namespace {

// Lines including their '\n' (the last one may lack it), so that a missing
// final newline is a difference like any other.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < text.size()) {
    const size_t nl = text.find('\n', start);
    const size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(start, end - start));
    start = end;
  }
  return out;
}

enum class Op { Keep, Del, Add };
struct Step {
  Op op;
  size_t a;  // line index in expected (Keep, Del)
  size_t b;  // line index in actual (Keep, Add)
};

// Longest common subsequence over the lines between the common prefix and
// suffix. Goldens are small; past a few million cells the middle is shown
// as one replaced block.
std::vector<Step> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  const size_t n = a.size() - pre - suf;
  const size_t m = b.size() - pre - suf;
  std::vector<Step> steps;
  for (size_t i = 0; i < pre; ++i) steps.push_back({Op::Keep, i, i});
  if (n * m <= 4'000'000) {
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        lcs[i][j] = a[pre + i] == b[pre + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0;
    size_t j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[pre + i] == b[pre + j]) {
        steps.push_back({Op::Keep, pre + i++, pre + j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        steps.push_back({Op::Del, pre + i++, pre + j});  // deletions first, as diff -u shows them
      } else {
        steps.push_back({Op::Add, pre + i, pre + j++});
      }
    }
  } else {
    for (size_t i = 0; i < n; ++i) steps.push_back({Op::Del, pre + i, pre});
    for (size_t j = 0; j < m; ++j) steps.push_back({Op::Add, pre + n, pre + j});
  }
  for (size_t k = 0; k < suf; ++k) steps.push_back({Op::Keep, pre + n + k, pre + m + k});
  return steps;
}

void put_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(const std::string& expected, const std::string& actual,
                         const std::string& expected_name, const std::string& actual_name) {
  if (expected == actual) return "";
  const auto a = split_lines(expected);
  const auto b = split_lines(actual);
  const auto steps = edit_script(a, b);
  constexpr size_t context = 3;
  std::string out = "--- " + expected_name + "\n+++ " + actual_name + "\n";
  size_t k = 0;
  while (k < steps.size()) {
    // The next change, and the hunk around it: changes closer than two
    // contexts apart share a hunk.
    while (k < steps.size() && steps[k].op == Op::Keep) ++k;
    if (k == steps.size()) break;
    const size_t first = k >= context ? k - context : 0;
    size_t last = k;  // one past the last change in the hunk
    size_t keeps = 0;
    for (size_t s = k; s < steps.size(); ++s) {
      if (steps[s].op == Op::Keep) {
        if (++keeps > 2 * context) break;
      } else {
        keeps = 0;
        last = s + 1;
      }
    }
    const size_t end = std::min(steps.size(), last + context);
    size_t a_count = 0;
    size_t b_count = 0;
    for (size_t s = first; s < end; ++s) {
      a_count += steps[s].op != Op::Add;
      b_count += steps[s].op != Op::Del;
    }
    // Unified diff line numbers are 1-based; an empty side starts at the line before.
    const size_t a_start = a_count ? steps[first].a + 1 : steps[first].a;
    const size_t b_start = b_count ? steps[first].b + 1 : steps[first].b;
    out += "@@ -" + std::to_string(a_start) + "," + std::to_string(a_count) + " +" + std::to_string(b_start) +
           "," + std::to_string(b_count) + " @@\n";
    for (size_t s = first; s < end; ++s) {
      if (steps[s].op == Op::Keep)
        put_line(out, ' ', a[steps[s].a]);
      else if (steps[s].op == Op::Del)
        put_line(out, '-', a[steps[s].a]);
      else
        put_line(out, '+', b[steps[s].b]);
    }
    k = end;
  }
  return out;
}

}  // namespace ddlint::test
