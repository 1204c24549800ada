// Faults around ingest (issue 8): bad files in a batch, vanished files, many
// tiny files, SIGKILL at random moments, and concurrent writers and readers.
// All through the real `govkg` binary.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>

#include "tests/test_util.h"

namespace govkg {
namespace {

using testing::RunGovkg;
using testing::TempDir;
using testing::WriteFile;

std::string Quote(const std::string& s) { return "'" + s + "'"; }
std::string Db(const TempDir& dir) { return "--db " + Quote(dir / "db") + " "; }

// A corpus of `n` documents built from the samples with varied names, so that
// documents share some entities and differ in others.
void WriteCorpus(const std::string& folder, int n) {
  std::filesystem::create_directories(folder);
  const std::string base = testing::ReadFile(testing::SamplePath("002_17e5499aa74a8c9c.txt"));
  for (int i = 0; i < n; ++i) {
    const std::string head = "第" + std::to_string(i) + "号通报：自治区公安厅组织开展“清源" +
                             std::to_string(i % 7) + "”专项行动，破获案件" +
                             std::to_string(100 + i) + "起。\n";
    size_t cut = std::min(base.size(), size_t{3000} + 50 * (i % 20));
    while (cut < base.size() && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) ++cut;
    WriteFile(folder + "/doc" + std::to_string(i) + ".txt", head + base.substr(0, cut));
  }
}

// The stats of a store without its on-disk size (which compaction changes).
nlohmann::json StableStats(const std::string& db_flag) {
  const auto r = RunGovkg(db_flag + "stats --format json");
  REQUIRE(r.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  for (auto it = j.begin(); it != j.end();) {
    const std::string key = it.key();
    if (key.find("size") != std::string::npos || key.find("bytes") != std::string::npos) {
      it = j.erase(it);
    } else {
      ++it;
    }
  }
  return j;
}

std::string SortedNTriples(const std::string& db_flag, const std::string& out) {
  const auto r = RunGovkg(db_flag + "export --format nt -o " + Quote(out));
  REQUIRE(r.exit_code == 0);
  const auto sorted = testing::RunShell("LC_ALL=C sort " + Quote(out));
  REQUIRE(sorted.exit_code == 0);
  return sorted.out;
}

TEST_CASE("A batch with bad files stores the good ones and passes check", "[reliability]") {
  TempDir dir;
  const std::string in = dir / "in";
  WriteCorpus(in, 5);
  WriteFile(in + "/bad.txt", "公安厅\xFF\xFE");
  WriteFile(in + "/blob.txt", std::string("\x00\x01\x02\x03", 4) + std::string(1000, '\0'));
  // A path that vanished between listing and reading.
  const auto r = RunGovkg(Db(dir) + "ingest " + Quote(in) + " " + Quote(dir / "gone.txt"));
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("bad.txt") != std::string::npos);
  CHECK(r.err.find("blob.txt") != std::string::npos);
  CHECK(r.err.find("gone.txt") != std::string::npos);
  CHECK(RunGovkg(Db(dir) + "check").exit_code == 0);
  CHECK(StableStats(Db(dir)).dump().find("\"documents\":5") != std::string::npos);
}

TEST_CASE("An unreadable file is named and skipped, and the rest is stored", "[reliability]") {
  TempDir dir;
  const std::string in = dir / "in";
  WriteCorpus(in, 3);
  WriteFile(in + "/secret.txt", "公安厅开展“夏季行动”。\n");
  namespace fs = std::filesystem;
  // root reads whatever the mode says: run govkg as nobody then, on a tree
  // nobody may write to.
  const bool root = geteuid() == 0;
  std::string as;
  if (root) {
    as = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    for (const fs::path& p : {fs::path(dir.path()), fs::path(in)}) {
      fs::permissions(p, fs::perms::all, fs::perm_options::replace);
    }
    for (const auto& f : fs::directory_iterator(in)) {
      fs::permissions(f.path(), fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read,
                      fs::perm_options::replace);
    }
  }
  fs::permissions(in + "/secret.txt", fs::perms::none, fs::perm_options::replace);
  const auto r = testing::RunShell(as + "'" + GOVKG_BIN + "' " + Db(dir) + "ingest " + Quote(in));
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("secret.txt") != std::string::npos);
  CHECK(r.err.find("cannot open") != std::string::npos);
  CHECK(RunGovkg(Db(dir) + "check").exit_code == 0);
  CHECK(StableStats(Db(dir)).dump().find("\"documents\":3") != std::string::npos);
}

TEST_CASE("A folder of 10,000 tiny files is ingested whole", "[reliability]") {
  TempDir dir;
  const std::string in = dir / "tiny";
  std::filesystem::create_directories(in);
  for (int i = 0; i < 10000; ++i) {
    WriteFile(in + "/t" + std::to_string(i) + ".txt",
              "市公安局开展“净网" + std::to_string(i) + "”专项行动，查处案件" +
                  std::to_string(i) + "起。");
  }
  const auto r = RunGovkg(Db(dir) + "ingest " + Quote(in));
  CHECK(r.exit_code == 0);
  CHECK(StableStats(Db(dir)).dump().find("\"documents\":10000") != std::string::npos);
  CHECK(RunGovkg(Db(dir) + "check").exit_code == 0);
}

// Starts `govkg ingest`, kills it with SIGKILL after `delay`.
void KillIngestAfter(const std::string& db_flag, const std::string& in,
                     std::chrono::milliseconds delay) {
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const std::string cmd = std::string("exec '") + GOVKG_BIN + "' " + db_flag + "-q ingest --jobs 2 " +
                            Quote(in) + " >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
}

TEST_CASE("SIGKILL at 20 random moments leaves a consistent store that completes", "[reliability]") {
  TempDir dir;
  const std::string in = dir / "in";
  WriteCorpus(in, 120);
  const std::string reference = "--db " + Quote(dir / "ref") + " ";
  REQUIRE(RunGovkg(reference + "-q ingest " + Quote(in)).exit_code == 0);

  const std::string victim = "--db " + Quote(dir / "victim") + " ";
  std::mt19937 rng(20261124);
  std::uniform_int_distribution<int> delay_ms(5, 400);
  for (int i = 0; i < 20; ++i) {
    KillIngestAfter(victim, in, std::chrono::milliseconds(delay_ms(rng)));
    const auto check = RunGovkg(victim + "check");
    INFO("after kill " << i << ": " << check.out << check.err);
    if (!std::filesystem::exists(dir / "victim/CURRENT")) {
      // Killed before the store came into being: there is none, and no half of one.
      CHECK(check.err.find("no store here") != std::string::npos);
      continue;
    }
    REQUIRE(check.exit_code == 0);
  }
  REQUIRE(RunGovkg(victim + "-q ingest " + Quote(in)).exit_code == 0);
  CHECK(RunGovkg(victim + "check").exit_code == 0);
  CHECK(StableStats(victim) == StableStats(reference));
  CHECK(SortedNTriples(victim, dir / "victim.nt") == SortedNTriples(reference, dir / "ref.nt"));
}

TEST_CASE("A second writer is refused with a clear message and readers keep working",
          "[reliability]") {
  TempDir dir;
  const std::string in = dir / "in";
  WriteCorpus(in, 1500);  // long enough to be running when the others start
  const std::string db = Db(dir);
  REQUIRE(RunGovkg(db + "-q ingest " + Quote(dir / "in/doc0.txt")).exit_code == 0);

  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const std::string cmd = std::string("exec '") + GOVKG_BIN + "' " + db + "-q ingest --jobs 1 " +
                            Quote(in) + " >/dev/null 2>&1";
    execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the child holds the write lock (its pid is in the lock file).
  for (int i = 0; i < 200; ++i) {
    if (testing::ReadFile(dir / "db/govkg.lock").find(std::to_string(pid)) != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const auto second = RunGovkg(db + "ingest " + Quote(dir / "in/doc1.txt"));
  const auto stats = RunGovkg(db + "stats --format json");
  const auto exported = RunGovkg(db + "export --format nt -o " + Quote(dir / "during.nt"));
  int status = 0;
  waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);

  CHECK(second.exit_code != 0);
  CHECK(second.err.find("in use") != std::string::npos);
  CHECK(second.err.find("pid") != std::string::npos);
  CHECK(stats.exit_code == 0);
  CHECK(exported.exit_code == 0);
  // --wait queues behind the writer instead of failing.
  CHECK(RunGovkg(db + "ingest --wait " + Quote(dir / "in/doc1.txt")).exit_code == 0);
  CHECK(RunGovkg(db + "check").exit_code == 0);
}

}  // namespace
}  // namespace govkg
