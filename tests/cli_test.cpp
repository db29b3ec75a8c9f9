// CLI cases: testdata/cli/<case>/{args, [stdin.sql], expected.stdout, expected.exit}.
// `args` holds the arguments after `ddlint` (shell words); the command runs
// in the source directory with stdout captured and NO_COLOR set.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "support/harness.h"

namespace fs = std::filesystem;
using namespace ddlint;

namespace {

int run(const std::string& command, std::string& out) {
  out.clear();
  FILE* p = popen(command.c_str(), "r");
  if (!p) return -1;
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  const int status = pclose(p);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  return s;
}

}  // namespace

TEST_SUITE("cli") {
  TEST_CASE("cli cases") {
    const auto root = test::source_dir() / "testdata" / "cli";
    REQUIRE(fs::is_directory(root));
    size_t cases = 0;
    std::vector<fs::path> dirs;
    for (const auto& d : fs::directory_iterator(root))
      if (d.is_directory()) dirs.push_back(d.path());
    std::sort(dirs.begin(), dirs.end());
    for (const auto& dir : dirs) {
      ++cases;
      const std::string name = dir.filename().string();
      CAPTURE(name);
      const std::string args = trim_newline(test::read(dir / "args"));
      std::string cmd = "cd '" + test::source_dir().string() + "' && NO_COLOR=1 '" +
                        std::string(DDLINT_BINARY) + "' " + args;
      cmd += fs::exists(dir / "stdin.sql") ? " < '" + (dir / "stdin.sql").string() + "'" : " < /dev/null";
      cmd += " 2>&1";
      std::string out;
      const int code = run(cmd, out);
      const auto golden = dir / "expected.stdout";
      if (test::update_goldens()) {
        test::write(golden, out);
        test::write(dir / "expected.exit", std::to_string(code) + "\n");
        continue;
      }
      CHECK(code == std::stoi(test::read(dir / "expected.exit")));
      CHECK(out == test::read(golden));
    }
    CHECK(cases > 0);
  }
}
