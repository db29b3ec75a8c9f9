#include "analysis/postgres/pg_settings.h"

#include <cerrno>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace ddlint::analysis {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

double unit_seconds(DefaultUnit u) {
  switch (u) {
    case DefaultUnit::Microseconds:
      return 1e-6;
    case DefaultUnit::Milliseconds:
      return 1e-3;
    case DefaultUnit::Seconds:
      return 1;
    case DefaultUnit::Minutes:
      return 60;
  }
  return 1;
}

}  // namespace

std::optional<double> pg_duration_seconds(std::string_view value, DefaultUnit unit) {
  const std::string s(value);
  const char* p = s.c_str();
  while (blank(*p)) ++p;
  if (*p == '\0') return std::nullopt;
  // Like the server: an integer in any C base first; a '.' or exponent after
  // it means the value is read again as a fraction.
  char* end = nullptr;
  errno = 0;
  double number = static_cast<double>(std::strtol(p, &end, 0));
  if (*end == '.' || *end == 'e' || *end == 'E' || errno == ERANGE) {
    errno = 0;
    number = std::strtod(p, &end);
  }
  if (end == p || errno == ERANGE || !std::isfinite(number)) return std::nullopt;
  const char* q = end;
  while (blank(*q)) ++q;
  double factor = unit_seconds(unit);
  if (*q != '\0') {
    const char* u = q;
    while (*q != '\0' && !blank(*q)) ++q;
    const std::string_view word(u, static_cast<size_t>(q - u));
    if (word == "us")
      factor = 1e-6;
    else if (word == "ms")
      factor = 1e-3;
    else if (word == "s")
      factor = 1;
    else if (word == "min")
      factor = 60;
    else if (word == "h")
      factor = 3600;
    else if (word == "d")
      factor = 86400;
    else
      return std::nullopt;
    while (blank(*q)) ++q;
    if (*q != '\0') return std::nullopt;
  }
  // The server stores whole base units.
  const double base = unit_seconds(unit);
  return std::rint(number * factor / base) * base;
}

std::optional<double> pg_timeout_seconds(std::string_view value) {
  const auto v = pg_duration_seconds(value, DefaultUnit::Milliseconds);
  if (!v || *v < 0 || *v * 1000 > static_cast<double>(INT_MAX)) return std::nullopt;
  return v;
}

std::string format_seconds(double seconds) {
  auto number = [](double v) {
    // What std::to_string writes (printf's %f: six decimals), without the
    // printf machinery (a finding's message and fix may format a few).
    char buffer[400];  // the largest double has 309 digits before the point
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 6);
    std::string out = ec == std::errc() ? std::string(buffer, end) : std::to_string(v);
    out.erase(out.find_last_not_of('0') + 1);
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out;
  };
  if (seconds < 1) return number(std::round(seconds * 1000 * 1000) / 1000) + "ms";
  if (seconds < 60 || std::fmod(seconds, 60) != 0) return number(seconds) + "s";
  if (seconds < 3600 || std::fmod(seconds, 3600) != 0) return number(seconds / 60) + "min";
  if (seconds < 86400 || std::fmod(seconds, 86400) != 0) return number(seconds / 3600) + "h";
  return number(seconds / 86400) + "d";
}

}  // namespace ddlint::analysis
