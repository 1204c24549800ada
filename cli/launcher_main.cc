// govkg: the launcher. It reads argv only far enough to find the subcommand,
// then execs the program that holds it (cli/programs.h). It links nothing but
// the C++ runtime, so `govkg --version` and the dispatch cost about as much as
// starting any small program.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "cli/programs.h"

namespace {

// The first argument that is not a global option, or "" when there is none.
// --db is the one global option that takes a value (as "--db X" or "--db=X").
std::string_view FindSubcommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return i + 1 < argc ? std::string_view(argv[i + 1]) : std::string_view();
    if (arg == "--db") {
      ++i;
      continue;
    }
    if (!arg.empty() && arg[0] == '-') continue;
    return arg;
  }
  return {};
}

bool AsksForVersion(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--version") return true;
  }
  return false;
}

// The folder this executable lives in, where the programs are built and
// installed beside it.
std::string OwnFolder() {
  char path[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
  if (n <= 0) return ".";
  const std::string_view self(path, static_cast<size_t>(n));
  const size_t slash = self.rfind('/');
  return slash == std::string_view::npos ? "." : std::string(self.substr(0, slash));
}

}  // namespace

int main(int argc, char** argv) {
  namespace cli = govkg::cli;
  const std::string_view command = FindSubcommand(argc, argv);
  if (command.empty() && AsksForVersion(argc, argv)) {
    std::printf("%.*s\n", static_cast<int>(cli::kVersion.size()), cli::kVersion.data());
    return 0;
  }
  const bool is_query = std::find(cli::kQueryCommands.begin(), cli::kQueryCommands.end(),
                                  command) != cli::kQueryCommands.end();
  const std::string program =
      OwnFolder() + "/" + std::string(is_query ? cli::kQueryProgram : cli::kFullProgram);
  execv(program.c_str(), argv);
  std::fprintf(stderr, "govkg: cannot start %s: %s (it is installed beside govkg)\n",
               program.c_str(), std::strerror(errno));
  return 1;
}
