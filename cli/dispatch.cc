// cli/dispatch.cc: what makes the query program the `govkg` command. It runs
// before every other static initializer of the program (RocksDB's are about
// half a million instructions) and reads argv only far enough to find the
// subcommand: `govkg --version` is answered there, and a command that is not
// read-only replaces the process with govkg-full (cli/programs.h). A
// read-only command goes on into main() in this process, with no second
// program started.
#include <unistd.h>

#if defined(GOVKG_HUGE_TEXT)
#include <elf.h>
#include <fcntl.h>
#include <link.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#endif

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "cli/programs.h"
#include "model/huge_pages.h"

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

#if defined(GOVKG_HUGE_TEXT)
constexpr uintptr_t kHugePage = govkg::kHugePageBytes;

// True when the kernel hands out transparent huge pages to ranges that ask
// (the setting reads "[always]" or "[madvise]"; "[never]" refuses them).
bool HugePagesOn() {
  const int fd = open("/sys/kernel/mm/transparent_hugepage/enabled", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char text[128] = {};
  const ssize_t n = read(fd, text, sizeof(text) - 1);
  close(fd);
  if (n <= 0) return false;
  const std::string_view setting(text, static_cast<size_t>(n));
  return setting.find("[always]") != std::string_view::npos || setting.find("[madvise]") != std::string_view::npos;
}

// Copies `size` bytes at `offset` of the executable to `to`.
bool ReadOwnFile(char* to, size_t size, uint64_t offset) {
  const int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < size) {
    const ssize_t n = pread(fd, to + done, size - done, static_cast<off_t>(offset + done));
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  close(fd);
  return done == size;
}

// Moves the program's code onto transparent huge pages. In this VM the
// first touch of each 4 kB page of a process costs microseconds even when
// the page is cached and mapped, and a query runs code on ~650 pages
// scattered over the 7.7 MB of RocksDB, the C++ runtime and its own
// (neighbors --depth 1 on the samples' store: the time of static
// initialization 2.2 → 1.4 ms, of opening the store 3.6 → 2.7 ms, for the
// 2.3 ms the copy takes). The code is linked at 2 MB boundaries
// (cli/CMakeLists.txt); a copy of it, read from the executable into an
// anonymous range of huge pages, replaces the mapping at the same address
// (the bytes under the running instruction do not change). Nothing is
// changed when any step fails. GOVKG_SMALL_PAGES=1 keeps the mapping of the
// file (for profilers, which name code by the file it is mapped from).
void MapCodeOnHugePages() {
  if (const char* keep = std::getenv("GOVKG_SMALL_PAGES"); keep != nullptr && *keep != '\0') return;
  const auto* phdr = reinterpret_cast<const ElfW(Phdr)*>(getauxval(AT_PHDR));
  const size_t count = getauxval(AT_PHNUM);
  if (phdr == nullptr) return;
  uintptr_t bias = 0;
  for (size_t i = 0; i < count; ++i) {
    if (phdr[i].p_type == PT_PHDR) bias = reinterpret_cast<uintptr_t>(phdr) - phdr[i].p_vaddr;
  }
  const ElfW(Phdr)* code = nullptr;
  for (size_t i = 0; i < count; ++i) {
    if (phdr[i].p_type == PT_LOAD && (phdr[i].p_flags & PF_X) != 0) code = &phdr[i];
  }
  if (code == nullptr) return;
  const uintptr_t code_start = bias + code->p_vaddr;
  const uintptr_t code_end = code_start + code->p_filesz;
  // Whole huge pages from the first boundary in the code to the last one
  // past it, short of the next segment.
  uintptr_t limit = UINTPTR_MAX;
  for (size_t i = 0; i < count; ++i) {
    const uintptr_t at = bias + phdr[i].p_vaddr;
    if (phdr[i].p_type == PT_LOAD && at >= code_end) limit = std::min(limit, at);
  }
  const uintptr_t start = (code_start + kHugePage - 1) & ~(kHugePage - 1);
  const uintptr_t end = std::min((code_end + kHugePage - 1) & ~(kHugePage - 1), limit & ~(kHugePage - 1));
  if (end <= start || !HugePagesOn()) return;
  const size_t size = end - start;
  char* const copy = static_cast<char*>(govkg::MapHugePages(size));
  if (copy == nullptr) return;
  const size_t bytes = std::min(end, code_end) - start;
  if (!ReadOwnFile(copy, bytes, code->p_offset + (start - code_start)) ||
      mprotect(copy, size, PROT_READ | PROT_EXEC) != 0 ||
      mremap(copy, size, size, MREMAP_MAYMOVE | MREMAP_FIXED, reinterpret_cast<void*>(start)) == MAP_FAILED) {
    munmap(copy, size);
  }
}
#endif

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
#if defined(GOVKG_HUGE_TEXT)
    MapCodeOnHugePages();
#endif
    return;  // main() runs it
  }
  const std::string program = OwnFolder() + "/" + std::string(cli::kFullProgram);
  execv(program.c_str(), argv);
  std::fprintf(stderr, "govkg: cannot start %s: %s (it is installed beside govkg)\n", program.c_str(),
               std::strerror(errno));
  _exit(1);
}

}  // namespace
