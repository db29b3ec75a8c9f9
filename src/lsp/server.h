#pragma once
#include <istream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "driver/session.h"
#include "engine/linter.h"

namespace ddlint::lsp {

using Json = nlohmann::json;

// How LSP positions count characters within a line (negotiated at initialize).
enum class Encoding { Utf8, Utf16, Utf32 };

// A language server over JSON-RPC (LSP 3.17): lints a document when it is
// opened, changed (full sync) and saved, publishes the findings as
// diagnostics and offers each finding's fix as a quick fix. Configuration is
// the nearest .ddlint.toml above the document, as for `ddlint check`.
class Server {
 public:
  explicit Server(std::string version) : version_(std::move(version)) {}

  // Handles one incoming message; returns the messages to send back
  // (responses and notifications), in order.
  std::vector<Json> handle(const Json& message);
  bool exit_requested() const { return exit_; }
  // The process exit code the protocol asks for: 0 after shutdown, else 1.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct Document {
    std::string uri;
    std::string path;  // file system path when the URI is a file: URI
    std::shared_ptr<const SourceFile> source;
    engine::FileResult result;
    std::vector<TextRange> statements;  // parsed and failed statements, in source order
    std::optional<int64_t> version;     // the client's version of the text linted (didOpen/didChange)
  };

  Json initialize(const Json& params);
  void lint(Document& doc, std::vector<Json>& out);
  Json diagnostics(const Document& doc) const;
  Json code_actions(const Json& params) const;
  void ignore_actions(const Document& doc, const Diagnostic& d, const Json& diagnostic, Json& actions) const;
  Json position(const SourceFile& src, uint32_t offset) const;
  std::optional<uint32_t> offset(const SourceFile& src, const Json& position) const;

  std::string version_;
  Encoding encoding_ = Encoding::Utf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_ = false;
  std::map<std::string, Document> docs_;
  // The earlier migrations of an open file are parsed once, not on every change.
  std::shared_ptr<driver::ParseCache> history_ = driver::make_parse_cache();
};

// Reads framed messages (Content-Length headers) from `in` and writes
// replies to `out` until `exit` or end of input. Returns the exit code.
int serve(std::istream& in, std::ostream& out, const std::string& version);

// file:///a%20b/c.sql -> /a b/c.sql; empty when `uri` is not a file: URI.
std::string uri_to_path(const std::string& uri);

}  // namespace ddlint::lsp
