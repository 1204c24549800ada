// tests/test_util.h: helpers shared by the tests: Status assertions, temporary
// folders, and running the built `govkg` binary.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "model/status.h"

#define REQUIRE_OK(expr)                        \
  do {                                          \
    const ::govkg::Status s_ = (expr);          \
    INFO(s_.ToString());                        \
    REQUIRE(s_.ok());                           \
  } while (0)

namespace govkg::testing {

// A fresh folder under the system's temp dir, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("govkg-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a shell command line; captures stdout and stderr separately.
inline CommandResult RunShell(const std::string& command) {
  TempDir tmp;
  const std::string out = tmp / "out", err = tmp / "err";
  const std::string line = command + " >" + out + " 2>" + err + " </dev/null";
  const int rc = std::system(line.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// Runs the built govkg with `args` (already shell-quoted where needed).
inline CommandResult RunGovkg(const std::string& args) {
  return RunShell(std::string("'") + GOVKG_BIN + "' " + args);
}

inline std::string SamplesDir() { return std::string(GOVKG_SOURCE_DIR) + "/samples"; }
inline std::string SamplePath(const std::string& name) { return SamplesDir() + "/" + name; }

}  // namespace govkg::testing
