#include "lsp/server.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/stack.h"
#include "driver/inputs.h"
#include "driver/session.h"
#include "engine/catalog.h"

namespace ddlint::lsp {

namespace {

namespace fs = std::filesystem;

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kServerNotInitialized = -32002;
constexpr long long kMaxMessage = 256LL << 20;  // no SQL document comes near this

Json response(const Json& id, Json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json error(const Json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

Json notification(const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

Json show_message(int type, const std::string& text) {
  return notification("window/showMessage", {{"type", type}, {"message", text}});
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Units one character starting with lead byte `c` takes in `enc`.
uint32_t units(unsigned char c, Encoding enc) {
  if (enc == Encoding::Utf16) return c >= 0xF0 ? 2 : 1;
  return 1;
}

}  // namespace

std::string uri_to_path(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) return "";
  std::string rest = uri.substr(scheme.size());
  if (rest.compare(0, 9, "localhost") == 0) rest.erase(0, 9);
  if (rest.empty() || rest[0] != '/') return "";  // file://host/share: not a local path
  std::string out;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
      i += 2;
    } else {
      out += rest[i];
    }
  }
  // file:///C:/x -> C:/x
  if (out.size() >= 3 && out[0] == '/' && std::isalpha(static_cast<unsigned char>(out[1])) && out[2] == ':')
    out.erase(0, 1);
  return out;
}

Json Server::initialize(const Json& params) {
  // Prefer counting in bytes or code points when the client can: both are
  // cheaper than UTF-16 and exact for any text. UTF-16 is the default.
  encoding_ = Encoding::Utf16;
  const Json* encodings = nullptr;
  if (params.is_object() && params.contains("capabilities")) {
    const Json& caps = params["capabilities"];
    if (caps.is_object() && caps.contains("general") && caps["general"].is_object() &&
        caps["general"].contains("positionEncodings") && caps["general"]["positionEncodings"].is_array())
      encodings = &caps["general"]["positionEncodings"];
  }
  auto offered = [&](const char* e) {
    return encodings && std::find(encodings->begin(), encodings->end(), e) != encodings->end();
  };
  std::string name = "utf-16";
  if (offered("utf-8")) {
    encoding_ = Encoding::Utf8;
    name = "utf-8";
  } else if (offered("utf-32")) {
    encoding_ = Encoding::Utf32;
    name = "utf-32";
  }
  return {{"capabilities",
           {{"positionEncoding", name},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", true}}}}},
            {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "ddlint"}, {"version", version_}}}};
}

std::vector<Json> Server::handle(const Json& message) {
  std::vector<Json> out;
  if (!message.is_object() || !message.contains("method") || !message["method"].is_string()) {
    // A response from the client (we send no requests) or garbage.
    if (message.is_object() && message.contains("id") && !message.contains("result") &&
        !message.contains("error"))
      out.push_back(error(message["id"], kInvalidRequest, "not a JSON-RPC request"));
    return out;
  }
  const std::string method = message["method"];
  const bool is_request = message.contains("id");
  const Json id = is_request ? message["id"] : Json();
  const Json params = message.contains("params") ? message["params"] : Json::object();

  if (method == "exit") {
    exit_ = true;
    return out;
  }
  if (method == "initialize") {
    if (!is_request) return out;
    initialized_ = true;
    out.push_back(response(id, initialize(params)));
    return out;
  }
  if (!initialized_) {
    if (is_request) out.push_back(error(id, kServerNotInitialized, "the server is not initialized yet"));
    return out;
  }
  if (shutdown_) {
    if (is_request) out.push_back(error(id, kInvalidRequest, "the server is shutting down"));
    return out;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    out.push_back(response(id, nullptr));
    return out;
  }
  try {
    if (method == "textDocument/didOpen" || method == "textDocument/didChange" ||
        method == "textDocument/didSave") {
      const Json& td = params.at("textDocument");
      const std::string uri = td.at("uri");
      std::optional<std::string> text;
      if (method == "textDocument/didOpen") {
        text = td.at("text").get<std::string>();
      } else if (method == "textDocument/didChange") {
        const Json& changes = params.at("contentChanges");
        // Full sync: the last change holds the whole text.
        if (!changes.empty()) text = changes.back().at("text").get<std::string>();
      } else if (params.contains("text") && params["text"].is_string()) {
        text = params["text"].get<std::string>();
      }
      auto it = docs_.find(uri);
      if (it == docs_.end()) {
        if (!text) return out;  // saved but never opened: nothing to lint
        it = docs_.emplace(uri, Document{uri, uri_to_path(uri), nullptr, {}, {}, std::nullopt}).first;
      }
      Document& doc = it->second;
      // didOpen and didChange say which version of the text this is; the
      // diagnostics carry it so the client can drop stale ones.
      if (method != "textDocument/didSave")
        doc.version = td.contains("version") && td["version"].is_number_integer()
                          ? std::optional<int64_t>(td["version"].get<int64_t>())
                          : std::nullopt;
      if (text) {
        doc.source = std::make_shared<const SourceFile>(doc.path.empty() ? uri : doc.path, std::move(*text));
      }
      if (doc.source) lint(doc, out);
    } else if (method == "textDocument/didClose") {
      const std::string uri = params.at("textDocument").at("uri");
      docs_.erase(uri);
      out.push_back(
          notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}}));
    } else if (method == "textDocument/codeAction") {
      out.push_back(response(id, code_actions(params)));
    } else if (is_request) {
      out.push_back(error(id, kMethodNotFound, "ddlint does not handle " + method));
    }
  } catch (const Json::exception& e) {
    if (is_request) out.push_back(error(id, kInvalidParams, std::string("invalid params: ") + e.what()));
  }
  return out;
}

void Server::lint(Document& doc, std::vector<Json>& out) {
  // The same run `ddlint check FILE` makes: the driver resolves the nearest
  // .ddlint.toml, picks the dialect, pairs the down migration saved on disk
  // and lints the buffer's text.
  struct Messages : driver::Sink {
    explicit Messages(std::vector<Json>& o) : out(o) {}
    void file(driver::FileOutcome&& outcome) override { result = std::move(outcome); }
    void problem(const driver::Problem& p) override {
      // A broken config: the document is still linted with the defaults.
      out.push_back(show_message(1, "ddlint: " + p.message));
    }
    std::vector<Json>& out;
    std::optional<driver::FileOutcome> result;
  } sink(out);
  driver::Options options;
  options.statement_ranges = true;
  options.parse_cache = history_;
  options.listings = std::make_shared<driver::FolderListings>();  // listed once for this run
  driver::FolderListings& listings = *options.listings;
  driver::Session session(std::move(options));
  const std::string name = doc.path.empty() ? doc.uri : doc.path;
  // A file on disk is read with the migrations before it in its folder, as
  // `ddlint check FILE` reads it (the buffer's text stands for the file).
  std::vector<driver::Input> inputs;
  if (doc.path.empty()) {
    inputs.push_back({name, "", false, std::string(doc.source->text())});
  } else {
    std::vector<driver::HistoryRead> read;
    for (auto& in : driver::add_history({{name, doc.path, false, true}}, read, &listings)) {
      const bool self = !in.history;
      inputs.push_back({std::move(in.display_path), std::move(in.fs_path), false,
                        self ? std::optional<std::string>(std::string(doc.source->text())) : std::nullopt,
                        in.history});
    }
  }
  session.lint(inputs, sink);
  if (sink.result) {
    doc.source = sink.result->result.source;
    doc.result = std::move(sink.result->result);
    doc.statements = std::move(sink.result->statements);
  } else {
    doc.result = {};
    doc.statements.clear();
  }
  Json params{{"uri", doc.uri}, {"diagnostics", diagnostics(doc)}};
  if (doc.version) params["version"] = *doc.version;
  out.push_back(notification("textDocument/publishDiagnostics", std::move(params)));
}

Json Server::position(const SourceFile& src, uint32_t offset) const {
  const auto& lines = src.lines();
  const LineColumn lc = lines.position(offset);
  const std::string_view line = lines.line_text(lc.line);
  const std::string_view text = src.text();
  const auto begin = static_cast<uint32_t>(line.data() - text.data());
  uint32_t character = 0;
  for (uint32_t i = begin; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (encoding_ == Encoding::Utf8)
      ++character;
    else if (!is_continuation(c))
      character += units(c, encoding_);
  }
  return {{"line", lc.line - 1}, {"character", character}};
}

std::optional<uint32_t> Server::offset(const SourceFile& src, const Json& pos) const {
  if (!pos.is_object() || !pos.contains("line") || !pos.contains("character")) return std::nullopt;
  const auto& lines = src.lines();
  const auto line = pos["line"].get<int64_t>();
  const auto character = pos["character"].get<int64_t>();
  if (line < 0 || character < 0) return std::nullopt;
  const std::string_view text = src.text();
  if (static_cast<uint64_t>(line) >= lines.line_count()) return static_cast<uint32_t>(text.size());
  const std::string_view l = lines.line_text(static_cast<uint32_t>(line) + 1);
  auto i = static_cast<uint32_t>(l.data() - text.data());
  const auto end = static_cast<uint32_t>(i + l.size());
  int64_t count = 0;
  while (i < end && count < character) {
    const auto c = static_cast<unsigned char>(text[i]);
    count += encoding_ == Encoding::Utf8 ? 1 : units(c, encoding_);
    ++i;
    if (encoding_ != Encoding::Utf8)
      while (i < end && is_continuation(static_cast<unsigned char>(text[i]))) ++i;
  }
  return i;
}

Json Server::diagnostics(const Document& doc) const {
  const auto& catalog = engine::Catalog::instance();
  Json list = Json::array();
  if (!doc.source) return list;
  for (const auto& d : doc.result.diagnostics) {
    if (d.suppressed) continue;
    Json diag{{"range",
               {{"start", position(*doc.source, d.range.begin)},
                {"end", position(*doc.source, std::max(d.range.begin, d.range.end))}}},
              {"severity", d.severity == Severity::Error     ? 1
                           : d.severity == Severity::Warning ? 2
                                                             : 3},
              {"code", d.rule},
              {"source", "ddlint"},
              {"message", d.help.empty() ? d.message : d.message + "\n" + d.help}};
    if (const auto* info = catalog.find(d.rule)) diag["codeDescription"] = {{"href", info->help_uri()}};
    list.push_back(std::move(diag));
  }
  return list;
}

// "Ignore <rule> for this statement": an ignore comment on its own line
// above the statement the finding belongs to, indented like it; and "for
// this file": an ignore-file comment on the first line.
void Server::ignore_actions(const Document& doc, const Diagnostic& d, const Json& diagnostic,
                            Json& actions) const {
  const SourceFile& src = *doc.source;
  const std::string_view text = src.text();
  // The statement that holds the finding (suppressions target statements).
  uint32_t at = d.range.begin;
  for (const auto& r : doc.statements)
    if (r.begin <= d.range.begin && d.range.begin <= std::max(r.end, r.begin)) at = r.begin;
  const LineColumn lc = src.lines().position(at);
  const std::string_view line = src.lines().line_text(lc.line);
  const auto line_begin = static_cast<uint32_t>(line.data() - text.data());
  std::string indent;
  for (char c : line) {
    if (c != ' ' && c != '\t') break;
    indent += c;
  }
  const bool crlf = line_begin + line.size() < text.size() && text[line_begin + line.size()] == '\r';
  const std::string eol = crlf ? "\r\n" : "\n";
  auto insert = [&](uint32_t where, const std::string& what) {
    const Json pos = position(src, where);
    return Json::array({{{"range", {{"start", pos}, {"end", pos}}}, {"newText", what}}});
  };
  actions.push_back(
      {{"title", "Ignore " + d.rule + " for this statement"},
       {"kind", "quickfix"},
       {"diagnostics", Json::array({diagnostic})},
       {"edit",
        {{"changes",
          {{doc.uri, insert(line_begin, indent + "-- ddlint-ignore " + d.rule + " -- reason" + eol)}}}}}});
  const auto first = static_cast<uint32_t>(src.lines().line_text(1).data() - text.data());  // after a BOM
  actions.push_back(
      {{"title", "Ignore " + d.rule + " in this file"},
       {"kind", "quickfix"},
       {"diagnostics", Json::array({diagnostic})},
       {"edit",
        {{"changes", {{doc.uri, insert(first, "-- ddlint-ignore-file " + d.rule + " -- reason" + eol)}}}}}});
}

Json Server::code_actions(const Json& params) const {
  Json actions = Json::array();
  const std::string uri = params.at("textDocument").at("uri");
  const auto it = docs_.find(uri);
  if (it == docs_.end() || !it->second.source) return actions;
  const Document& doc = it->second;
  const auto from = offset(*doc.source, params.at("range").at("start"));
  const auto to = offset(*doc.source, params.at("range").at("end"));
  if (!from || !to) return actions;
  const Json published = diagnostics(doc);
  size_t index = 0;  // position of d among the published (unsuppressed) diagnostics
  for (const auto& d : doc.result.diagnostics) {
    if (d.suppressed) continue;
    const size_t k = index++;
    // The finding touches the requested range.
    if (d.range.end < *from || d.range.begin > *to) continue;
    ignore_actions(doc, d, published[k], actions);
    if (!d.fix || d.fix->edits.empty()) continue;
    Json edits = Json::array();
    for (const auto& e : d.fix->edits)
      edits.push_back(
          {{"range",
            {{"start", position(*doc.source, e.range.begin)}, {"end", position(*doc.source, e.range.end)}}},
           {"newText", e.replacement}});
    const bool safe = d.fix->applicability == Applicability::Safe;
    actions.push_back({{"title", d.fix->title + (safe ? "" : " (unsafe: review the change)")},
                       {"kind", "quickfix"},
                       {"diagnostics", Json::array({published[k]})},
                       {"isPreferred", safe},
                       {"edit", {{"changes", {{uri, std::move(edits)}}}}}});
  }
  return actions;
}

namespace {

int serve_here(std::istream& in, std::ostream& out, const std::string& version) {
  Server server(version);
  auto send = [&](const Json& m) {
    const std::string body = m.dump();
    out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
    out.flush();
  };
  std::string line;
  while (!server.exit_requested()) {
    // Headers, up to an empty line; only Content-Length matters.
    long long length = -1;
    bool any = false;
    while (std::getline(in, line)) {
      any = true;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) break;
      constexpr std::string_view key = "content-length:";
      if (line.size() > key.size()) {
        std::string k = line.substr(0, key.size());
        std::transform(k.begin(), k.end(), k.begin(), [](unsigned char c) { return std::tolower(c); });
        if (k == key) {
          try {
            length = std::stoll(line.substr(key.size()));
          } catch (const std::exception&) {
            length = -1;
          }
        }
      }
    }
    if (!any || !in) break;  // end of input without `exit`
    if (length < 0 || length > kMaxMessage) {
      send(error(nullptr, kParseError,
                 length < 0 ? "missing or bad Content-Length header" : "message too large (over 256 MiB)"));
      if (length > kMaxMessage) break;  // the stream cannot be resynchronised
      continue;
    }
    std::string body(static_cast<size_t>(length), '\0');
    if (!in.read(body.data(), length)) break;
    Json message = Json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (message.is_discarded()) {
      send(error(nullptr, kParseError, "the message is not valid JSON"));
      continue;
    }
    for (const auto& reply : server.handle(message)) send(reply);
  }
  return server.exit_requested() ? server.exit_code() : 1;
}

}  // namespace

int serve(std::istream& in, std::ostream& out, const std::string& version) {
  // The whole session runs on one deep-stack thread, where every re-lint
  // parses at once: handing each change's parse and lint to another thread
  // cost three thread hand-offs per change (and, on a busy machine, waits
  // for that thread to be scheduled).
  int rc = 1;
  run_on_deep_stack([&] { rc = serve_here(in, out, version); });
  return rc;
}

}  // namespace ddlint::lsp
