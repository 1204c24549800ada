// bench/text_bench.cc: throughput of the text layer of extract/ (decode,
// normalise, segment) on the seed samples repeated to a target size.
//
//   build/bench/text_bench [MB=50] [samples dir]
// Prints MB/s (input bytes per CPU second, one core) per stage, for the
// simplified samples and for a mix that includes the traditional one.
#include <algorithm>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/text/decode_internal.h"
#include "extract/text/normalize_internal.h"
#include "extract/text/segment_internal.h"

namespace {

// CPU time of this thread: the machine may be shared, wall time would lie.
struct Clock {
  using time_point = double;
  static double now() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  }
};

double Seconds(double since) { return Clock::now() - since; }

void Run(const char* label, const std::string& bytes, const govkg::internal::Normalizer& norm) {
  using govkg::internal::DecodeBytes;
  const double mb = static_cast<double>(bytes.size()) / (1 << 20);
  auto t0 = Clock::now();
  auto decoded = DecodeBytes("bench", bytes, govkg::BadInputPolicy::kReplace);
  const double t_decode = Seconds(t0);
  if (!decoded.ok()) {
    std::fprintf(stderr, "%s\n", decoded.status().ToString().c_str());
    std::exit(1);
  }
  t0 = Clock::now();
  const auto normalized = norm.Normalize(decoded->text);
  const double t_norm = Seconds(t0);
  t0 = Clock::now();
  const auto seg = govkg::internal::Segment(normalized.text);
  const double t_seg = Seconds(t0);
  std::printf("%-12s %7.1f MB  decode %7.1f MB/s  normalise %7.1f MB/s  segment %7.1f MB/s  (%zu sentences)\n",
              label, mb, mb / t_decode, mb / t_norm, mb / t_seg, seg.sentences.size());
}

}  // namespace

int main(int argc, char** argv) {
  const size_t target = static_cast<size_t>(argc > 1 ? std::atof(argv[1]) : 50) << 20;
  const std::string dir = argc > 2 ? argv[2] : GOVKG_SOURCE_DIR "/samples";
  auto norm = govkg::internal::Normalizer::Create();
  if (!norm.ok()) {
    std::fprintf(stderr, "%s\n", norm.status().ToString().c_str());
    return 1;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::string simplified, mixed;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str() + "\n";
    const auto decoded = govkg::internal::DecodeBytes("x", text, govkg::BadInputPolicy::kReplace);
    // Traditional: normalisation changes more than 2% of the code points.
    bool traditional = false;
    if (decoded.ok()) {
      const auto n = (*norm)->Normalize(decoded->text);
      size_t changed = 0;
      for (size_t i = 0; i < n.text.size() && i < decoded->text.size(); ++i) {
        changed += n.text[i] != decoded->text[i];
      }
      traditional = changed * 50 > decoded->text.size();
    }
    if (!traditional) simplified += text;
    mixed += text;
  }
  auto repeat = [&](const std::string& unit) {
    std::string out;
    out.reserve(target + unit.size());
    while (!unit.empty() && out.size() < target) out += unit;
    return out;
  };
  Run("simplified", repeat(simplified), **norm);
  Run("mixed", repeat(mixed), **norm);
  return 0;
}
