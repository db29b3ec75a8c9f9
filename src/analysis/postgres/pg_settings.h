#pragma once
// PostgreSQL run-time settings (GUCs) as a migration writes them with SET:
// how the server reads their values.
#include <optional>
#include <string>
#include <string_view>

namespace ddlint::analysis {

// The unit PostgreSQL assumes for a bare number: a setting's base unit.
enum class DefaultUnit { Microseconds, Milliseconds, Seconds, Minutes };

// A time value as PostgreSQL reads it for a setting whose base unit is
// `unit`: a number (integer in any C base, or fractional), optionally followed
// by one of the case-sensitive units us, ms, s, min, h, d, with blanks around;
// the result is rounded to the base unit. Returns seconds, or nullopt when
// PostgreSQL rejects the text. Negative values are returned as such (range
// checks belong to the setting).
std::optional<double> pg_duration_seconds(std::string_view value, DefaultUnit unit);

// lock_timeout / statement_timeout (base unit ms, 0 = disabled, at most
// INT_MAX ms): the timeout in seconds, or nullopt when SET would fail.
std::optional<double> pg_timeout_seconds(std::string_view value);

// "2s", "500ms", "1min", "1.5h": a short display of a duration.
std::string format_seconds(double seconds);

}  // namespace ddlint::analysis
