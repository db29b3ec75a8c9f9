// The language server, message by message (Server::handle), and once as a
// process (`ddlint lsp` reading framed JSON-RPC from stdin).
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <map>
#include <sstream>

#include "lsp/server.h"
#include "support/harness.h"

using namespace ddlint;
using lsp::Json;
namespace fs = std::filesystem;

namespace {

Json request(int id, const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
Json note(const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}
Json init(const Json& encodings = Json()) {
  Json caps = Json::object();
  if (!encodings.is_null()) caps["general"] = {{"positionEncodings", encodings}};
  return request(1, "initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", caps}});
}
Json open_doc(const std::string& uri, const std::string& text) {
  return note("textDocument/didOpen",
              {{"textDocument", {{"uri", uri}, {"languageId", "sql"}, {"version", 1}, {"text", text}}}});
}
// Codes and start lines (0-based) of a publishDiagnostics notification.
std::vector<std::pair<std::string, int>> codes(const Json& publish) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& d : publish["params"]["diagnostics"])
    out.emplace_back(d["code"].get<std::string>(), d["range"]["start"]["line"].get<int>());
  return out;
}

}  // namespace

TEST_SUITE("lsp") {
  TEST_CASE("lifecycle: initialize, diagnostics on open/change/close, shutdown, exit") {
    lsp::Server s("0.0.0-test");
    // Before initialize every request is refused.
    auto r = s.handle(request(7, "textDocument/codeAction", Json::object()));
    REQUIRE(r.size() == 1);
    CHECK(r[0]["error"]["code"] == -32002);

    r = s.handle(init());
    REQUIRE(r.size() == 1);
    CHECK(r[0]["id"] == 1);
    CHECK(r[0]["result"]["capabilities"]["positionEncoding"] == "utf-16");
    CHECK(r[0]["result"]["capabilities"]["textDocumentSync"]["change"] == 1);
    CHECK(r[0]["result"]["serverInfo"]["name"] == "ddlint");
    CHECK(s.handle(note("initialized", Json::object())).empty());

    const std::string uri = "file:///tmp/ddlint-lsp-test/042_index.sql";
    r = s.handle(open_doc(uri, "SELECT 1;\nCREATE INDEX users_email_idx ON users (email);\n"));
    REQUIRE(r.size() == 1);
    CHECK(r[0]["method"] == "textDocument/publishDiagnostics");
    CHECK(r[0]["params"]["uri"] == uri);
    CHECK(r[0]["params"]["version"] == 1);  // the version of the text these diagnostics are for
    const auto got = codes(r[0]);
    CHECK(std::find(got.begin(), got.end(),
                    std::make_pair(std::string("create-index-non-concurrently"), 1)) != got.end());
    const Json& first = r[0]["params"]["diagnostics"][0];
    CHECK(first["source"] == "ddlint");
    CHECK(first["codeDescription"]["href"].get<std::string>().find("rules.d/") != std::string::npos);

    // A change replaces the text (full sync) and re-lints: a clean file has no diagnostics.
    r = s.handle(
        note("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                        {"contentChanges", Json::array({{{"text", "SELECT 1;\n"}}})}}));
    REQUIRE(r.size() == 1);
    CHECK(r[0]["params"]["diagnostics"].empty());
    CHECK(r[0]["params"]["version"] == 2);

    // A syntax error is a diagnostic, not a crash.
    r = s.handle(note("textDocument/didChange",
                      {{"textDocument", {{"uri", uri}, {"version", 3}}},
                       {"contentChanges", Json::array({{{"text", "SELECT 1;\nSELEC 2;\n"}}})}}));
    CHECK(codes(r[0]) == std::vector<std::pair<std::string, int>>{{"syntax-error", 1}});
    CHECK(r[0]["params"]["version"] == 3);

    r = s.handle(note("textDocument/didClose", {{"textDocument", {{"uri", uri}}}}));
    REQUIRE(r.size() == 1);
    CHECK(r[0]["params"]["diagnostics"].empty());

    r = s.handle(request(9, "workspace/symbol", {{"query", ""}}));
    CHECK(r[0]["error"]["code"] == -32601);
    r = s.handle(request(10, "shutdown", nullptr));
    CHECK(r[0]["id"] == 10);
    CHECK(r[0]["result"].is_null());
    CHECK(s.handle(note("exit", nullptr)).empty());
    CHECK(s.exit_requested());
    CHECK(s.exit_code() == 0);
  }

  TEST_CASE("an open file is linted with the migrations before it in its folder, re-read when they change") {
    const fs::path dir = fs::temp_directory_path() / ("ddlint-lsp-history-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    test::write(dir / "001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, u char(36));\n");
    test::write(dir / "003_later.sql", "DROP TABLE users;\n");
    lsp::Server s("test");
    s.handle(init());
    const std::string uri = "file://" + (dir / "002_alter.sql").string();
    const std::string text = "ALTER TABLE users ALTER COLUMN u TYPE text;\n";
    auto message = [](const Json& publish, const std::string& code) {
      for (const auto& d : publish["params"]["diagnostics"])
        if (d["code"] == code) return d["message"].get<std::string>();
      return std::string();
    };
    auto r = s.handle(open_doc(uri, text));
    REQUIRE(r.size() == 1);
    // The old type comes from 001 (003, after it, is not read).
    CHECK(message(r[0], "alter-column-type").find("from `char(36)` to `text`") != std::string::npos);
    // An earlier migration edited on disk is read again at the next change.
    test::write(dir / "001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, u varchar(36));\n");
    r = s.handle(note("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}},
                                                 {"contentChanges", Json::array({{{"text", text}}})}}));
    REQUIRE(r.size() == 1);
    CHECK(message(r[0], "alter-column-type").empty());  // varchar to text: no rewrite
    fs::remove_all(dir);
  }

  TEST_CASE("position encoding: utf-8 if offered, else utf-32, else utf-16") {
    auto negotiated = [](const Json& offered) {
      lsp::Server s("t");
      return s.handle(init(offered))[0]["result"]["capabilities"]["positionEncoding"].get<std::string>();
    };
    CHECK(negotiated(Json()) == "utf-16");
    CHECK(negotiated(Json::array({"utf-16"})) == "utf-16");
    CHECK(negotiated(Json::array({"utf-32", "utf-8"})) == "utf-8");
    CHECK(negotiated(Json::array({"utf-32", "utf-16"})) == "utf-32");
  }

  TEST_CASE("columns after non-ASCII text in each encoding") {
    // The finding (drop-column) starts after `é𝄞` on the same line.
    const std::string text = "/* é𝄞 */ ALTER TABLE users DROP COLUMN nickname;\n";
    auto character = [&](const Json& encodings) {
      lsp::Server s("t");
      s.handle(init(encodings));
      const auto r = s.handle(open_doc("file:///tmp/ddlint-lsp-unsaved/x.sql", text));
      for (const auto& d : r[0]["params"]["diagnostics"])
        if (d["code"] == "drop-column") return d["range"]["start"]["character"].get<int>();
      return -1;
    };
    // Bytes before `DROP`: "/* " 3 + é 2 + 𝄞 4 + " */ " 4 + "ALTER TABLE users " 18 = 31.
    CHECK(character(Json::array({"utf-8"})) == 31);
    CHECK(character(Json()) == 3 + 1 + 2 + 4 + 18);                   // UTF-16 units
    CHECK(character(Json::array({"utf-32"})) == 3 + 1 + 1 + 4 + 18);  // code points
  }

  TEST_CASE("code actions offer the fixes of findings in the range, marking unsafe ones") {
    lsp::Server s("t");
    s.handle(init());
    const std::string uri = "file:///tmp/ddlint-lsp-unsaved/y.sql";
    s.handle(open_doc(uri, "DROP INDEX users_email_idx;\nCREATE TABLE t (a json);\n"));
    auto r = s.handle(request(
        3, "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}},
         {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 27}}}}},
         {"context", {{"diagnostics", Json::array()}}}}));
    REQUIRE(r.size() == 1);
    CHECK(r[0]["id"] == 3);
    const Json* drop = nullptr;
    for (const auto& a : r[0]["result"]) {
      CHECK(a["diagnostics"][0]["range"]["start"]["line"] == 0);  // only findings on line 0
      if (a["diagnostics"][0]["code"] == "drop-index-non-concurrently") drop = &a;
    }
    REQUIRE(drop != nullptr);
    CHECK((*drop)["kind"] == "quickfix");
    // Adding CONCURRENTLY needs the migration outside a transaction: unsafe,
    // offered but not preferred.
    CHECK((*drop)["title"].get<std::string>().find("(unsafe") != std::string::npos);
    CHECK((*drop)["isPreferred"] == false);
    const Json& edit = (*drop)["edit"]["changes"][uri][0];
    CHECK(edit["newText"] == " CONCURRENTLY");
    CHECK(edit["range"]["start"] == Json({{"line", 0}, {"character", 10}}));
    CHECK(edit["range"]["end"] == Json({{"line", 0}, {"character", 10}}));
  }

  TEST_CASE("a fix that writes several statements is one code action with all its edits") {
    lsp::Server s("t");
    s.handle(init());
    const std::string uri = "file:///tmp/ddlint-lsp-unsaved/fk.sql";
    s.handle(open_doc(uri, "ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);\n"));
    auto r = s.handle(request(
        4, "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}},
         {"range", {{"start", {{"line", 0}, {"character", 0}}}, {"end", {{"line", 0}, {"character", 68}}}}},
         {"context", {{"diagnostics", Json::array()}}}}));
    REQUIRE(r.size() == 1);
    const Json* fk = nullptr;
    for (const auto& a : r[0]["result"])
      if (a["diagnostics"][0]["code"] == "add-foreign-key-validated") fk = &a;
    REQUIRE(fk != nullptr);
    CHECK((*fk)["title"].get<std::string>().find("(unsafe") != std::string::npos);
    CHECK((*fk)["isPreferred"] == false);
    const Json& edits = (*fk)["edit"]["changes"][uri];
    REQUIRE(edits.size() == 3);
    // The name PostgreSQL would give the key, NOT VALID at the action's end,
    // and VALIDATE after the statement's ';'.
    CHECK(edits[0]["newText"] == "CONSTRAINT orders_user_id_fkey ");
    CHECK(edits[0]["range"]["start"] == Json({{"line", 0}, {"character", 23}}));
    CHECK(edits[1]["newText"] == " NOT VALID");
    CHECK(edits[1]["range"]["start"] == Json({{"line", 0}, {"character", 66}}));
    CHECK(edits[2]["newText"] == "\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;");
    CHECK(edits[2]["range"]["start"] == Json({{"line", 0}, {"character", 67}}));
  }

  TEST_CASE("uri_to_path") {
    CHECK(lsp::uri_to_path("file:///home/a%20b/x.sql") == "/home/a b/x.sql");
    CHECK(lsp::uri_to_path("file://localhost/tmp/x.sql") == "/tmp/x.sql");
    CHECK(lsp::uri_to_path("untitled:Untitled-1").empty());
  }

  TEST_CASE("ddlint lsp as a process: framed messages in, framed replies out") {
    std::string in;
    auto frame = [&](const Json& m) {
      const std::string body = m.dump();
      in += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    };
    frame(init());
    frame(note("initialized", Json::object()));
    frame(open_doc("file:///tmp/ddlint-lsp-unsaved/z.sql", "ALTER TABLE users DROP COLUMN nickname;\n"));
    in += "Content-Length: 5\r\n\r\n{bad}";  // a parse error is answered, not fatal
    frame(request(2, "shutdown", nullptr));
    frame(note("exit", nullptr));
    const auto dir = std::filesystem::temp_directory_path();
    const auto input = dir / ("ddlint-lsp-" + std::to_string(::getpid()) + ".in");
    test::write(input, in);
    const std::string cmd = "'" + std::string(DDLINT_BINARY) + "' lsp < '" + input.string() + "'";
    std::string out;
    const int code = test::run_command(cmd, out);
    std::filesystem::remove(input);
    CHECK(code == 0);
    // Split the framed replies.
    std::vector<Json> replies;
    size_t pos = 0;
    while ((pos = out.find("Content-Length: ", pos)) != std::string::npos) {
      const size_t len = std::stoul(out.substr(pos + 16));
      const size_t body = out.find("\r\n\r\n", pos) + 4;
      replies.push_back(Json::parse(out.substr(body, len)));
      pos = body + len;
    }
    REQUIRE(replies.size() == 4);
    CHECK(replies[0]["id"] == 1);
    CHECK(replies[1]["method"] == "textDocument/publishDiagnostics");
    const auto got = codes(replies[1]);
    CHECK(std::find(got.begin(), got.end(), std::make_pair(std::string("drop-column"), 0)) != got.end());
    CHECK(replies[2]["error"]["code"] == -32700);
    CHECK(replies[3]["id"] == 2);
  }

  TEST_CASE("a huge Content-Length is refused without allocating it") {
    const auto input =
        std::filesystem::temp_directory_path() / ("ddlint-lsp-big-" + std::to_string(::getpid()));
    test::write(input, "Content-Length: 99999999999999\r\n\r\n{}");
    const std::string cmd = "'" + std::string(DDLINT_BINARY) + "' lsp < '" + input.string() + "'";
    std::string out;
    const int code = test::run_command(cmd, out);
    std::filesystem::remove(input);
    CHECK(code == 1);  // the stream ended without `exit`
    CHECK(out.find("\"code\":-32700") != std::string::npos);
    CHECK(out.find("too large") != std::string::npos);
  }

  TEST_CASE("code actions to ignore a finding: above its statement, or for the file") {
    lsp::Server s("t");
    s.handle(init());
    const std::string uri = "file:///tmp/ddlint-lsp-unsaved/ign.sql";
    // The finding (drop-column) starts on the second line of an indented statement.
    s.handle(open_doc(uri, "SELECT 1;\n  ALTER TABLE users\n    DROP COLUMN nickname;\n"));
    auto r = s.handle(request(
        5, "textDocument/codeAction",
        {{"textDocument", {{"uri", uri}}},
         {"range", {{"start", {{"line", 2}, {"character", 4}}}, {"end", {{"line", 2}, {"character", 8}}}}},
         {"context", {{"diagnostics", Json::array()}}}}));
    const Json* statement = nullptr;
    const Json* file = nullptr;
    for (const auto& a : r[0]["result"]) {
      if (a["title"] == "Ignore drop-column for this statement") statement = &a;
      if (a["title"] == "Ignore drop-column in this file") file = &a;
    }
    REQUIRE(statement != nullptr);
    REQUIRE(file != nullptr);
    const Json& e1 = (*statement)["edit"]["changes"][uri][0];
    CHECK(e1["range"]["start"] == Json({{"line", 1}, {"character", 0}}));  // above the statement, not line 2
    CHECK(e1["newText"] == "  -- ddlint-ignore drop-column -- reason\n");
    const Json& e2 = (*file)["edit"]["changes"][uri][0];
    CHECK(e2["range"]["start"] == Json({{"line", 0}, {"character", 0}}));
    CHECK(e2["newText"] == "-- ddlint-ignore-file drop-column -- reason\n");
  }

  TEST_CASE(
      "the language server and `ddlint check FILE` give identical findings for the same file and config") {
    // A folder with its own configuration (rule severity, an option, a
    // disabled rule, a target version) and an up/down pair on disk, beside
    // the bundled examples, which use the defaults.
    const fs::path dir = fs::temp_directory_path() / ("ddlint-lsp-parity-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    test::write(dir / ".ddlint.toml",
                "pg_version = 10\nassume_in_transaction = true\nignore = [\"missing-duration-annotation\"]\n"
                "[rules.drop-column]\nseverity = \"error\"\n");
    test::write(dir / "001_users.up.sql",
                "ALTER TABLE users ADD COLUMN active boolean DEFAULT true;\n"
                "ALTER TABLE users DROP COLUMN legacy;\nCREATE INDEX users_email_idx ON users (email);\n");
    test::write(dir / "001_users.down.sql", "DROP INDEX users_email_idx;\n");
    // MySQL: a folder configured for MySQL 5.7, and a file in a folder without
    // configuration whose dialect is detected from its content.
    const fs::path my = fs::temp_directory_path() / ("ddlint-lsp-parity-mysql-" + std::to_string(::getpid()));
    const fs::path detected =
        fs::temp_directory_path() / ("ddlint-lsp-parity-detected-" + std::to_string(::getpid()));
    for (const auto& d : {my, detected}) {
      fs::remove_all(d);
      fs::create_directories(d);
    }
    test::write(my / ".ddlint.toml", "dialect = \"mysql\"\nmysql_version = \"5.7\"\n");
    test::write(
        my / "002_orders.sql",
        "ALTER TABLE orders ADD COLUMN note VARCHAR(200);\nALTER TABLE orders RENAME COLUMN a TO b;\n");
    test::write(detected / "003_items.sql",
                "CREATE TABLE `items` (`id` INT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;\n"
                "ALTER TABLE `orders` ADD INDEX `orders_placed_idx` (`placed_at`);\n");
    std::vector<fs::path> files{dir / "001_users.up.sql", my / "002_orders.sql", detected / "003_items.sql"};
    for (const auto& e : fs::directory_iterator(test::source_dir() / "examples"))
      if (e.path().extension() == ".sql") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    size_t compared = 0;
    std::map<std::string, std::vector<std::string>> seen;  // file -> "rule line:column" from the editor
    for (const auto& file : files) {
      CAPTURE(file.string());
      std::string out;
      const int code = test::run_command(
          "'" + std::string(DDLINT_BINARY) + "' check --format json '" + file.string() + "'", out);
      REQUIRE((code == 0 || code == 1));
      const Json report = Json::parse(out);
      std::vector<std::string> cli;
      for (const auto& f : report["findings"]) {
        if (f["suppressed"].get<bool>()) continue;
        std::string text = f["message"].get<std::string>();
        if (!f["help"].get<std::string>().empty()) text += "\n" + f["help"].get<std::string>();
        cli.push_back(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>() + " " +
                      std::to_string(f["start"]["line"].get<int>()) + ":" +
                      std::to_string(f["start"]["column"].get<int>()) + " " + text);
      }
      lsp::Server s("t");
      s.handle(init(Json::array({"utf-32"})));  // characters are code points, as CLI columns
      const auto r = s.handle(open_doc("file://" + file.string(), test::read(file)));
      REQUIRE(!r.empty());
      const Json& publish = r.back();
      REQUIRE(publish["method"] == "textDocument/publishDiagnostics");
      std::vector<std::string> editor;
      for (const auto& d : publish["params"]["diagnostics"]) {
        const int sev = d["severity"].get<int>();
        editor.push_back(d["code"].get<std::string>() + " " +
                         (sev == 1   ? "error"
                          : sev == 2 ? "warning"
                                     : "info") +
                         " " + std::to_string(d["range"]["start"]["line"].get<int>() + 1) + ":" +
                         std::to_string(d["range"]["start"]["character"].get<int>() + 1) + " " +
                         d["message"].get<std::string>());
      }
      CHECK(editor == cli);
      compared += cli.size();
      for (const auto& e : editor) seen[file.string()].push_back(e.substr(0, e.find(' ', e.find(' ') + 1)));
    }
    // The MySQL files were read as MySQL, with the configured target.
    auto has = [&](const fs::path& file, const std::string& id) {
      const auto& v = seen[file.string()];
      return std::any_of(v.begin(), v.end(), [&](const std::string& e) { return e.rfind(id + " ", 0) == 0; });
    };
    CHECK(has(my / "002_orders.sql", "alter-without-online-options"));
    CHECK(has(my / "002_orders.sql", "online-ddl-unsupported"));  // RENAME COLUMN on MySQL 5.7
    CHECK(has(detected / "003_items.sql", "alter-without-online-options"));
    CHECK(!has(detected / "003_items.sql", "syntax-error"));
    fs::remove_all(my);
    fs::remove_all(detected);
    // The configured folder: drop-column is an error there, the down
    // migration on disk is read by both, missing-duration-annotation is off.
    std::string out;
    test::run_command("'" + std::string(DDLINT_BINARY) + "' check --format gcc '" +
                          (dir / "001_users.up.sql").string() + "'",
                      out);
    CHECK(out.find("2:19: error: dropping column `legacy`") != std::string::npos);
    CHECK(out.find("1:53: error: before PostgreSQL 11") != std::string::npos);  // pg_version
    CHECK(out.find("3:1: warning: runs while the transaction holds") !=
          std::string::npos);  // in a transaction
    CHECK(out.find("`001_users.down.sql` does not re-create it") != std::string::npos);
    CHECK(out.find("missing-duration-annotation") == std::string::npos);
    CHECK(compared >= 20);
    fs::remove_all(dir);
  }
}
