// cli/dispatch.cc: what makes the query program the `govkg` command. It runs
// before every other static initializer of the program (RocksDB's are about
// half a million instructions) and reads argv only far enough to find the
// subcommand: `govkg --version` is answered there, and a command that is not
// read-only replaces the process with govkg-full (cli/programs.h). A
// read-only command goes on into main() in this process, with no second
// program started.
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

// The folder this executable lives in, where govkg-full is built and
// installed beside it.
std::string OwnFolder() {
  char path[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
  if (n <= 0) return ".";
  const std::string_view self(path, static_cast<size_t>(n));
  const size_t slash = self.rfind('/');
  return slash == std::string_view::npos ? "." : std::string(self.substr(0, slash));
}

// Priority 101, the first a program may take: the linker orders it before
// the initializers without a priority, which are all of RocksDB's and the
// C++ runtime's (so nothing here may use iostreams). glibc passes main's
// arguments to initializers.
__attribute__((constructor(101))) void Dispatch(int argc, char** argv, char** /*envp*/) {
  namespace cli = govkg::cli;
  const std::string_view command = FindSubcommand(argc, argv);
  if (command.empty() && AsksForVersion(argc, argv)) {
    std::printf("%.*s\n", static_cast<int>(cli::kVersion.size()), cli::kVersion.data());
    std::fflush(stdout);
    _exit(0);
  }
  if (std::find(cli::kQueryCommands.begin(), cli::kQueryCommands.end(), command) !=
      cli::kQueryCommands.end()) {
    return;  // main() runs it
  }
  const std::string program = OwnFolder() + "/" + std::string(cli::kFullProgram);
  execv(program.c_str(), argv);
  std::fprintf(stderr, "govkg: cannot start %s: %s (it is installed beside govkg)\n", program.c_str(),
               std::strerror(errno));
  _exit(1);
}

}  // namespace
