#pragma once
#include <string>
#include <string_view>

namespace ddlint {

// std::filesystem::path(path).lexically_normal().generic_string(), without
// building a path object for the common spellings: a run over thousands of
// files normalises each name several times (history, folders, ordering), and
// a path object splits its text into one allocated component per level.
// Names with a ".." component, a trailing separator or "." last, or a leading
// "//" take the std::filesystem route.
std::string lexically_normal(std::string_view path);

// std::filesystem::path(path).parent_path().string(), without building a
// path object when `path` has no empty component and no trailing separator
// (a file's name as collected); the others take the std::filesystem route.
std::string parent_path_text(std::string_view path);

}  // namespace ddlint
