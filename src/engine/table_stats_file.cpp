// Reading a table-stats file (`ddlint stats`, config `table_stats`,
// `--table-stats`).
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/config.h"

namespace ddlint::engine {

std::shared_ptr<const analysis::TableStats> load_table_stats(const std::filesystem::path& file,
                                                             const std::string& shown) {
  std::string text;
  {
    errno = 0;
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    if (in) ss << in.rdbuf();
    if (!in || in.bad())
      throw ConfigError(shown + ": cannot read the table-stats file: " +
                        (errno != 0 ? std::string(std::strerror(errno)) : std::string("read error")));
    text = ss.str();
  }
  auto bad = [&](const std::string& why) {
    return ConfigError(
        shown + ": not a table-stats file (" + why +
        "; expected {\"dialect\": \"postgres\" or \"mysql\", \"tables\": [{\"schema\", \"name\", "
        "\"rows\", \"bytes\"}, ...]} as `ddlint stats` writes it)");
  };
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw bad(std::string("invalid JSON: ") + e.what());
  }
  if (!doc.is_object()) throw bad("not a JSON object");
  auto stats = std::make_shared<analysis::TableStats>();
  stats->path = shown;
  const auto dialect = doc.find("dialect");
  if (dialect == doc.end() || !dialect->is_string()) throw bad("no \"dialect\"");
  const std::string d = dialect->get<std::string>();
  if (d == "postgres" || d == "postgresql")
    stats->dialect = Dialect::Postgres;
  else if (d == "mysql" || d == "mariadb")
    stats->dialect = Dialect::MySql;
  else
    throw bad("unknown \"dialect\": " + d);
  const auto tables = doc.find("tables");
  if (tables == doc.end()) throw bad("no \"tables\"");
  if (tables->is_null()) return stats;  // the README's MySQL query on a database without tables
  if (!tables->is_array()) throw bad("\"tables\" is not an array");
  for (const auto& t : *tables) {
    const std::string at = "table " + std::to_string(stats->tables.size() + 1);
    if (!t.is_object()) throw bad(at + " is not an object");
    analysis::TableSize size;
    const auto name = t.find("name");
    if (name == t.end() || !name->is_string() || name->get<std::string>().empty())
      throw bad(at + " has no \"name\"");
    size.name = name->get<std::string>();
    if (const auto schema = t.find("schema"); schema != t.end() && !schema->is_null()) {
      if (!schema->is_string()) throw bad(at + ": \"schema\" is not a string");
      size.schema = schema->get<std::string>();
    }
    if (const auto rows = t.find("rows"); rows != t.end() && !rows->is_null()) {
      if (!rows->is_number() || rows->get<double>() < 0) throw bad(at + ": \"rows\" is not a count");
      size.rows =
          rows->is_number_integer() ? rows->get<int64_t>() : static_cast<int64_t>(rows->get<double>());
    }
    if (const auto bytes = t.find("bytes"); bytes != t.end() && !bytes->is_null()) {
      if (!bytes->is_number() || bytes->get<double>() < 0) throw bad(at + ": \"bytes\" is not a size");
      size.bytes =
          bytes->is_number_integer() ? bytes->get<int64_t>() : static_cast<int64_t>(bytes->get<double>());
    }
    stats->tables.push_back(std::move(size));
  }
  return stats;
}

}  // namespace ddlint::engine
