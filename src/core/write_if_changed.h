#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace ddlint {

// For the build-time generators: writes `text` to the file `path` unless the
// file already holds exactly that text, in which case it is left alone and
// keeps its modification time, so the build does not recompile what depends
// on it. Returns false when the file could not be written.
inline bool write_if_changed(const char* path, std::string_view text) {
  {
    std::ifstream old(path, std::ios::binary);
    std::ostringstream was;
    was << old.rdbuf();
    if (old && was.view() == text) return true;  // unchanged: nothing to rebuild
  }
  std::ofstream out(path, std::ios::binary);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return static_cast<bool>(out);
}

}  // namespace ddlint
