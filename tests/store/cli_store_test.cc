// tests/store/cli_store_test.cc: `govkg ingest / remove / stats / check` end
// to end, including a reader and a second writer during an ingest, and an
// ingest killed with SIGKILL.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <filesystem>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench/synthetic_graph.h"
#include "model/json_io.h"
#include "tests/test_util.h"

namespace govkg {
namespace {

using testing::RunGovkg;
using testing::SamplesDir;
using testing::TempDir;

nlohmann::json Stats(const std::string& db) {
  const auto r = RunGovkg("--db '" + db + "' stats --format json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(r.out);
  j.erase("size_bytes");
  return j;
}

void RequireCheckPasses(const std::string& db) {
  const auto r = RunGovkg("--db '" + db + "' check");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
}

std::string SyntheticLines(uint64_t first, uint64_t count, uint32_t relations) {
  bench::SyntheticOptions o;
  o.relations_per_doc = relations;
  o.agency_pool = 300;
  o.program_pool = 500;
  o.person_pool = 300;
  std::string out;
  for (uint64_t d = first; d < first + count; ++d) out += DocumentGraphToJson(bench::SyntheticGraph(d, o)) + "\n";
  return out;
}

// `govkg --db DB ingest --extracted -` with the test holding the pipe.
class PipedIngest {
 public:
  explicit PipedIngest(const std::string& db) {
    // Writing to a killed ingest must fail with EPIPE, not kill the test.
    ::signal(SIGPIPE, SIG_IGN);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::signal(SIGPIPE, SIG_DFL);
      ::dup2(fds[0], 0);
      ::close(fds[0]);
      ::close(fds[1]);
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execl(GOVKG_BIN, GOVKG_BIN, "--db", db.c_str(), "-q", "ingest", "--jobs", "2", "--extracted", "-",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(fds[0]);
    in_ = fds[1];
  }
  ~PipedIngest() {
    if (in_ >= 0) ::close(in_);
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  bool Write(const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(in_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }
  // Closes stdin and returns the exit status (128 + signal when killed).
  int Finish() {
    ::close(in_);
    in_ = -1;
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  int Kill() {
    ::kill(pid_, SIGKILL);
    return Finish();
  }
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int in_ = -1;
};

TEST_CASE("CLI ingest stores the samples and leaves them alone the second time") {
  TempDir dir;
  const std::string db = dir / "db";
  auto r = RunGovkg("--db '" + db + "' ingest --format json '" + SamplesDir() + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto summary = nlohmann::json::parse(r.out);
  CHECK(summary["added"] == 5);
  CHECK(Stats(db)["documents"] == 5);
  RequireCheckPasses(db);

  r = RunGovkg("--db '" + db + "' ingest --format json '" + SamplesDir() + "'");
  REQUIRE(r.exit_code == 0);
  summary = nlohmann::json::parse(r.out);
  CHECK(summary["unchanged"] == 5);
  CHECK(summary["added"] == 0);

  const auto text = RunGovkg("--db '" + db + "' stats");
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("documents  5") != std::string::npos);
}

TEST_CASE("CLI ingest reports a missing file, goes on and exits 3") {
  TempDir dir;
  const std::string db = dir / "db";
  testing::WriteFile(dir / "bad.jsonl", "{\"doc\": \"x\", \"entities\": [\n");
  auto r = RunGovkg("--db '" + db + "' ingest '" + (dir / "missing.txt") + "' '" + SamplesDir() + "'");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("missing.txt") != std::string::npos);
  CHECK(Stats(db)["documents"] == 5);
  r = RunGovkg("--db '" + db + "' ingest --extracted '" + (dir / "bad.jsonl") + "'");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("bad.jsonl:1") != std::string::npos);
  RequireCheckPasses(db);
}

TEST_CASE("CLI ingest --extracted gives the same store as ingesting the texts") {
  TempDir dir;
  const auto extracted = RunGovkg("extract --format json '" + SamplesDir() + "'/*.txt");
  REQUIRE(extracted.exit_code == 0);
  testing::WriteFile(dir / "graphs.jsonl", extracted.out);
  REQUIRE(RunGovkg("--db '" + (dir / "a") + "' ingest '" + SamplesDir() + "'").exit_code == 0);
  REQUIRE(RunGovkg("--db '" + (dir / "b") + "' ingest --extracted '" + (dir / "graphs.jsonl") + "'").exit_code == 0);
  CHECK(Stats(dir / "a") == Stats(dir / "b"));
  RequireCheckPasses(dir / "b");
}

TEST_CASE("CLI remove takes a document out") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunGovkg("--db '" + db + "' ingest '" + SamplesDir() + "'").exit_code == 0);
  const std::string doc = (std::filesystem::path(SamplesDir()) / "000_a07d5b62baa24def.txt").lexically_normal().string();
  auto r = RunGovkg("--db '" + db + "' remove '" + doc + "'");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(Stats(db)["documents"] == 4);
  r = RunGovkg("--db '" + db + "' remove '" + doc + "'");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("000_a07d5b62baa24def.txt") != std::string::npos);
  RequireCheckPasses(db);
  CHECK(RunGovkg("--db '" + (dir / "none") + "' stats").exit_code == 1);
}

TEST_CASE("CLI compact keeps what the store holds and answers") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(RunGovkg("--db '" + db + "' -q ingest '" + SamplesDir() + "'").exit_code == 0);
  // A removal leaves deletions and counter merges for the compaction to fold.
  const std::string doc = (std::filesystem::path(SamplesDir()) / "001_17843914ab0f768a.txt").lexically_normal().string();
  REQUIRE(RunGovkg("--db '" + db + "' -q remove '" + doc + "'").exit_code == 0);
  const nlohmann::json before = Stats(db);
  const std::string ask = "--db '" + db + "' query '?a conducts ?p . ?p reports ?m' --limit 0 --format json";
  const auto answer_before = RunGovkg(ask);
  REQUIRE(answer_before.exit_code == 0);
  const auto r = RunGovkg("--db '" + db + "' compact");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("compacted") != std::string::npos);
  CHECK(Stats(db) == before);
  CHECK(RunGovkg(ask).out == answer_before.out);
  RequireCheckPasses(db);
  CHECK(RunGovkg("--db '" + (dir / "none") + "' compact").exit_code == 1);
}

TEST_CASE("CLI ingest compacts after a large run, not after a small one or with --no-compact") {
  TempDir dir;
  const std::string db = dir / "db";
  const auto ingest_json = [&](const std::string& name, const std::string& lines, const std::string& flags) {
    const std::string file = dir / name;
    testing::WriteFile(file, lines);
    const auto r = RunGovkg("--db '" + db + "' ingest --extracted '" + file + "' --format json " + flags);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  };
  // 1,100 documents of 50 relations: 55k triples, all of the store.
  const nlohmann::json big = ingest_json("big.jsonl", SyntheticLines(0, 1100, 50), "");
  CHECK(big["triples"] == 55'000);
  CHECK(big["compact_seconds"].get<double>() > 0);
  const nlohmann::json small = ingest_json("small.jsonl", SyntheticLines(5000, 20, 50), "");
  CHECK(small["triples"] == 1'000);
  CHECK(small["compact_seconds"].get<double>() == 0);
  const nlohmann::json refused = ingest_json("more.jsonl", SyntheticLines(10000, 1100, 50), "--no-compact");
  CHECK(refused["triples"] == 55'000);
  CHECK(refused["compact_seconds"].get<double>() == 0);
  RequireCheckPasses(db);
}

TEST_CASE("CLI readers work and a second writer is refused while an ingest runs") {
  TempDir dir;
  const std::string db = dir / "db";
  PipedIngest ingest(db);
  REQUIRE(ingest.Write(SyntheticLines(0, 200, 10)));
  // Wait until the first documents are stored.
  nlohmann::json st;
  for (int i = 0; i < 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const auto r = RunGovkg("--db '" + db + "' stats --format json");
    if (r.exit_code == 0 && nlohmann::json::parse(r.out)["documents"] == 200) break;
  }
  st = Stats(db);
  CHECK(st["documents"] == 200);
  RequireCheckPasses(db);  // the writer is still running: stdin is open

  const auto second = RunGovkg("--db '" + db + "' ingest '" + SamplesDir() + "'");
  CHECK(second.exit_code == 1);
  CHECK(second.err.find("store is in use (pid " + std::to_string(ingest.pid()) + ")") != std::string::npos);

  REQUIRE(ingest.Write(SyntheticLines(200, 100, 10)));
  CHECK(ingest.Finish() == 0);
  CHECK(Stats(db)["documents"] == 300);
  RequireCheckPasses(db);
}

TEST_CASE("CLI ingest killed with SIGKILL leaves a store that check passes and a rerun completes") {
  TempDir dir;
  const std::string lines = SyntheticLines(0, 600, 20);
  testing::WriteFile(dir / "all.jsonl", lines);
  REQUIRE(RunGovkg("--db '" + (dir / "whole") + "' -q ingest --extracted '" + (dir / "all.jsonl") + "'").exit_code == 0);
  const nlohmann::json expected = Stats(dir / "whole");

  std::random_device rd;
  const std::string db = dir / "killed";
  for (int round = 0; round < 3; ++round) {
    PipedIngest ingest(db);
    std::thread feeder([&] { ingest.Write(lines); });
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rd() % 400));
    ingest.Kill();
    feeder.join();
    // Killed before the store came into being: there is none, and no half of one.
    if (!std::filesystem::exists(db + "/CURRENT")) continue;
    RequireCheckPasses(db);
  }
  const auto rerun = RunGovkg("--db '" + db + "' -q ingest --extracted '" + (dir / "all.jsonl") + "'");
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  RequireCheckPasses(db);
  CHECK(Stats(db) == expected);
}

TEST_CASE("govkg same / distinct record decisions that survive re-ingest and travel as JSON") {
  TempDir dir;
  const std::string db = dir / "db", other = dir / "other";
  const auto govkg = [&](const std::string& store, const std::string& args) {
    return RunGovkg("--quiet --db '" + store + "' " + args);
  };
  const auto programs = [&](const std::string& store) { return Stats(store)["entities_by_type"]["Program"].get<int>(); };
  REQUIRE(govkg(db, "ingest '" + SamplesDir() + "'").exit_code == 0);
  const int joined = programs(db);
  // Seed 002's alias joins 夏季行动 to 夏季治安打击整治行动; a user splits them.
  auto r = govkg(db, "distinct 夏季行动 夏季治安打击整治行动 --type Program");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(programs(db) == joined + 1);
  RequireCheckPasses(db);
  // Removing and re-ingesting the documents keeps the decision.
  REQUIRE(govkg(db, "remove '" + SamplesDir() + "/002_17e5499aa74a8c9c.txt'").exit_code == 0);
  REQUIRE(govkg(db, "ingest '" + SamplesDir() + "'").exit_code == 0);
  CHECK(programs(db) == joined + 1);
  // Exported, imported into a store of the same texts: the same nodes.
  REQUIRE(govkg(db, "decisions export '" + (dir / "d.json") + "'").exit_code == 0);
  REQUIRE(govkg(other, "ingest '" + SamplesDir() + "'").exit_code == 0);
  CHECK(programs(other) == joined);
  r = govkg(other, "decisions import '" + (dir / "d.json") + "'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Stats(other) == Stats(db));
  // Forgotten: the alias joins them again.
  REQUIRE(govkg(db, "distinct 夏季行动 夏季治安打击整治行动 --type Program --forget").exit_code == 0);
  CHECK(programs(db) == joined);
}

// Every file of an export (one file, or a folder of them) by relative path.
std::map<std::string, std::string> ExportFiles(const std::string& db, const std::string& format, const std::string& out) {
  const auto r = RunGovkg("--db '" + db + "' export --format " + format + " -o '" + out + "'");
  INFO(format << ": " << r.err);
  REQUIRE(r.exit_code == 0);
  std::map<std::string, std::string> files;
  if (std::filesystem::is_directory(out)) {
    for (const auto& e : std::filesystem::recursive_directory_iterator(out)) {
      if (e.is_regular_file()) files[std::filesystem::relative(e.path(), out).string()] = testing::ReadFile(e.path());
    }
  } else {
    files[""] = testing::ReadFile(out);
  }
  REQUIRE(!files.empty());
  return files;
}

void Ingest(const std::string& db, const std::string& input, const std::string& flags) {
  const auto r = RunGovkg("--db '" + db + "' -q ingest " + flags + " '" + input + "'");
  INFO(flags << " " << input << ": " << r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE("CLI sorted and batched ingests make stores with byte-identical exports") {
  TempDir dir;
  const std::string batched = dir / "batched", sorted = dir / "sorted";
  // Small pools: the second part names mostly entities and triples the
  // first stored, so the sorted load adds to stored counters and supports.
  testing::WriteFile(dir / "part1.jsonl", SyntheticLines(0, 300, 12));
  testing::WriteFile(dir / "part2.jsonl", SyntheticLines(300, 300, 12));
  for (const char* part : {"part1.jsonl", "part2.jsonl"}) {
    Ingest(batched, dir / part, "--extracted --load batched");
    Ingest(sorted, dir / part, "--extracted --load sorted --memory-mb 16");
  }
  Ingest(batched, SamplesDir(), "--load batched");
  Ingest(sorted, SamplesDir(), "--load sorted");
  RequireCheckPasses(batched);
  RequireCheckPasses(sorted);
  CHECK(Stats(batched) == Stats(sorted));
  CHECK(Stats(sorted)["documents"] == 605);
  // Every format but html, which needs a build with cytoscape and prints
  // the same graph source as the others.
  for (const char* format : {"nt", "jsonld", "ttl", "graphml", "dot", "csv", "neo4j", "nebula"}) {
    const auto a = ExportFiles(batched, format, dir / ("a." + std::string(format)));
    const auto b = ExportFiles(sorted, format, dir / ("b." + std::string(format)));
    CHECK(a.size() == b.size());
    for (const auto& [name, bytes] : a) {
      INFO(format << " " << name);
      REQUIRE(b.contains(name));
      CHECK(bytes == b.at(name));  // byte-identical
    }
  }
}

TEST_CASE("CLI ingest sorts files into a new store and batches a small run into a stored one") {
  TempDir dir;
  testing::WriteFile(dir / "part1.jsonl", SyntheticLines(0, 50, 5));
  testing::WriteFile(dir / "part2.jsonl", SyntheticLines(50, 50, 5));
  const std::string db = dir / "db";
  const auto load = [&](const std::string& part) {
    const auto r = RunGovkg("--db '" + db + "' ingest --extracted --format json '" + (dir / part) + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out)["load"];
  };
  CHECK(load("part1.jsonl") == "sorted");
  // A sorted load leaves no temporary folder behind.
  CHECK(!std::filesystem::exists(db + "/sorted-load.tmp"));
  CHECK(load("part2.jsonl") == "batched");
  RequireCheckPasses(db);
  CHECK(Stats(db)["documents"] == 100);
}

}  // namespace
}  // namespace govkg
