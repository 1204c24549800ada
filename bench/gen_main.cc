// bench/gen_main.cc: govkg-gen, the benchmark corpus generator.
//
// Writes --mb megabytes (10^6 bytes) of Chinese government press text as many
// documents, deterministically from --seed, and the gold annotations of what
// it planted (one NAME.gold.json per document, the shape score.py reads), and
// with --truth the clusters of cross-document identities it planted (one
// body under several forms in documents about one real city; one generic
// name in documents of several cities), which bench/bcubed.py scores the
// store's nodes against.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <opencc/opencc.h>

#include "bench/gen_doc_internal.h"
#include "bench/gen_rng_internal.h"
#include "bench/gen_vocab_internal.h"

namespace govkg::gen {
namespace {

struct Options {
  uint64_t seed = 1;
  double mb = 10;
  std::string out = "corpus";
  std::string gold;        // directory of NAME.gold.json, or empty
  std::string gold_jsonl;  // one file of JSON Lines, or empty
  std::string truth;       // the identity clusters as JSON Lines, or empty
  std::string divisions = GOVKG_GEN_DIVISIONS;
  WorldOptions world;
  double traditional_share = 0.1;
  double fullwidth_share = 0.05;
  std::string data = GOVKG_GEN_DATA_DIR;
  unsigned threads = 0;
};

// OpenCC converters of one worker thread (handles are not shared).
class Script {
 public:
  Script() : s2t_(opencc_open("s2t.json")), t2s_(opencc_open("t2s.json")) {}
  ~Script() {
    if (ok()) {
      opencc_close(s2t_);
      opencc_close(t2s_);
    }
  }
  Script(const Script&) = delete;
  Script& operator=(const Script&) = delete;
  bool ok() const { return s2t_ != kBad && t2s_ != kBad; }

  // Traditional script of `text`, or false when the conversion would not
  // read back to the same simplified text (the gold offsets and names rely on it).
  bool ToTraditional(std::string* text) const {
    std::string t = Convert(s2t_, *text);
    if (t.empty() || Convert(t2s_, t) != *text) return false;
    *text = std::move(t);
    return true;
  }

 private:
  static inline const opencc_t kBad = reinterpret_cast<opencc_t>(-1);
  static std::string Convert(opencc_t od, const std::string& in) {
    char* out = opencc_convert_utf8(od, in.data(), in.size());
    if (out == nullptr) return {};
    std::string s(out);
    opencc_convert_utf8_free(out);
    return s;
  }
  opencc_t s2t_;
  opencc_t t2s_;
};

// ASCII digits, '.' and '%' to their full-width forms (same code point count).
void ToFullWidth(std::string* text) {
  std::string out;
  out.reserve(text->size() + text->size() / 8);
  for (const char c : *text) {
    if ((c >= '0' && c <= '9') || c == '.' || c == '%') {
      const unsigned cp = 0xFF00u + static_cast<unsigned>(c - 0x20);
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += c;
    }
  }
  *text = std::move(out);
}

struct Produced {
  GeneratedDoc doc;
  std::string gold;
  bool traditional = false;
};

void Produce(const Vocabulary& vocab, const Options& o, const Script& script, uint64_t index,
             Produced* p) {
  p->doc = GenerateDocument(vocab, o.seed, index, o.world);
  p->traditional = false;
  p->gold.clear();
  if (!o.gold.empty() || !o.gold_jsonl.empty()) p->gold = GoldJson(p->doc);
  // The script choice has its own stream, so shares do not change the wording.
  Rng rng(o.seed ^ 0x5C1A7ULL, index);
  const bool traditional = rng.Chance(o.traditional_share);
  if (traditional || p->doc.traditional) p->traditional = script.ToTraditional(&p->doc.text);
  if (rng.Chance(o.fullwidth_share)) ToFullWidth(&p->doc.text);
}

bool WriteFile(const std::filesystem::path& path, const std::string& data) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  const bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  return std::fclose(f) == 0 && ok;
}

int Run(const Options& o) {
  auto vocab = LoadVocabulary(o.data, o.divisions);
  if (!vocab.ok()) {
    std::fprintf(stderr, "%s\n", vocab.status().message().c_str());
    return 1;
  }
  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (!o.gold.empty()) std::filesystem::create_directories(o.gold, ec);
  FILE* jsonl = nullptr;
  if (!o.gold_jsonl.empty() && (jsonl = std::fopen(o.gold_jsonl.c_str(), "wb")) == nullptr) {
    std::fprintf(stderr, "gen: %s: cannot open for writing\n", o.gold_jsonl.c_str());
    return 1;
  }
  const unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::unique_ptr<Script>> scripts;
  for (unsigned t = 0; t < threads; ++t) {
    scripts.push_back(std::make_unique<Script>());
    if (!scripts.back()->ok()) {
      std::fprintf(stderr, "gen: opencc: cannot open s2t.json/t2s.json\n");
      return 1;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const uint64_t target = static_cast<uint64_t>(o.mb * 1e6);
  uint64_t bytes = 0, docs = 0, traditional = 0, entities = 0, relations = 0;
  std::map<std::string, std::vector<std::string>> clusters;  // truth cluster → members' JSON
  constexpr size_t kBatch = 512;
  std::vector<Produced> batch(kBatch);
  while (bytes < target) {
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (size_t i = t; i < kBatch; i += threads) Produce(*vocab, o, *scripts[t], docs + i, &batch[i]);
      });
    }
    for (auto& w : workers) w.join();
    for (size_t i = 0; i < kBatch && bytes < target; ++i) {
      const Produced& p = batch[i];
      if (!WriteFile(std::filesystem::path(o.out) / p.doc.name, p.doc.text)) {
        std::fprintf(stderr, "gen: %s/%s: cannot write\n", o.out.c_str(), p.doc.name.c_str());
        return 1;
      }
      if (!o.gold.empty() &&
          !WriteFile(std::filesystem::path(o.gold) / (p.doc.name + ".gold.json"), p.gold + "\n")) {
        std::fprintf(stderr, "gen: %s: cannot write gold\n", o.gold.c_str());
        return 1;
      }
      if (jsonl != nullptr) std::fprintf(jsonl, "%s\n", p.gold.c_str());
      if (!o.truth.empty()) {
        for (const TruthMember& m : p.doc.truth) clusters[m.cluster].push_back(TruthMemberJson(p.doc, m));
      }
      bytes += p.doc.text.size();
      traditional += p.traditional;
      entities += p.doc.entities.size();
      relations += p.doc.relations.size();
      ++docs;
    }
  }
  if (jsonl != nullptr && std::fclose(jsonl) != 0) {
    std::fprintf(stderr, "gen: %s: cannot write\n", o.gold_jsonl.c_str());
    return 1;
  }
  if (!o.truth.empty()) {
    std::string out;
    for (const auto& [cluster, members] : clusters) {
      out += "{\"cluster\":" + nlohmann::json(cluster).dump() + ",\"members\":[";
      for (size_t i = 0; i < members.size(); ++i) out += (i ? "," : "") + members[i];
      out += "]}\n";
    }
    if (!WriteFile(o.truth, out)) {
      std::fprintf(stderr, "gen: %s: cannot write\n", o.truth.c_str());
      return 1;
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr,
               "gen: %llu documents, %.1f MB (%llu traditional), %llu entities, %llu relations, "
               "%.1f s, %.1f MB/s\n",
               static_cast<unsigned long long>(docs), static_cast<double>(bytes) / 1e6,
               static_cast<unsigned long long>(traditional), static_cast<unsigned long long>(entities),
               static_cast<unsigned long long>(relations), secs, static_cast<double>(bytes) / 1e6 / secs);
  return 0;
}

}  // namespace
}  // namespace govkg::gen

int main(int argc, char** argv) {
  govkg::gen::Options o;
  CLI::App app{
      "govkg-gen: writes a deterministic corpus of Chinese government press-conference texts\n"
      "and the gold annotations of every agency, program, person, metric and relation planted.\n"
      "Example: govkg-gen --seed 7 --mb 100 --out corpus --gold gold"};
  app.add_option("--seed", o.seed, "corpus seed; same seed and options give the same bytes");
  app.add_option("--mb", o.mb, "corpus size in MB (10^6 bytes of UTF-8 text)")->check(CLI::PositiveNumber);
  app.add_option("--out", o.out, "directory of the documents (gen_NNNNNNN.txt)");
  app.add_option("--gold", o.gold, "directory for one NAME.gold.json per document");
  app.add_option("--gold-jsonl", o.gold_jsonl, "file for all gold objects as JSON Lines");
  app.add_option("--traditional-share", o.traditional_share, "share of documents in traditional script")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--fullwidth-share", o.fullwidth_share, "share of documents with full-width digits")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--truth", o.truth,
                 "file for the cross-document identity clusters as JSON Lines (bench/bcubed.py reads it)");
  app.add_option("--regional-share", o.world.regional_share,
                 "share of documents about a real city, where the identities are planted")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--cities", o.world.cities, "how many real cities the seed's documents are about");
  app.add_option("--data", o.data, "vocabulary directory (bench/gen_data)");
  app.add_option("--divisions", o.divisions, "table of divisions (extract/lexicon/admin_divisions.txt)");
  app.add_option("--threads", o.threads, "worker threads (0: all cores); output does not depend on it");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return govkg::gen::Run(o);
}
