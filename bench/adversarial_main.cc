// bench/adversarial_main.cc: govkg-adversarial, writes the adversarial shapes
// of issue 21 (see adversarial_internal.h) as one file per shape.
//
// usage: govkg-adversarial [--shape NAME]... [--mb N] [--out DIR] [--list]
// Writes DIR/NAME.txt of N MB (10^6 bytes) for each shape (all by default).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/adversarial_internal.h"

int main(int argc, char** argv) {
  std::vector<std::string> shapes;
  double mb = 1;
  std::string out = "adversarial";
  bool list = false;
  CLI::App app{"govkg-adversarial: texts whose shape is hard for extraction (issue 21)"};
  app.add_option("--shape", shapes, "shape to write (repeatable; default: all)");
  app.add_option("--mb", mb, "size of each file in MB (10^6 bytes)")->check(CLI::PositiveNumber);
  app.add_option("--out", out, "directory of the files (NAME.txt)");
  app.add_flag("--list", list, "print the shapes and what they are, write nothing");
  CLI11_PARSE(app, argc, argv);
  if (list) {
    for (const std::string_view s : govkg::bench::AdversarialShapes()) {
      std::printf("%-16.*s %.*s\n", static_cast<int>(s.size()), s.data(),
                  static_cast<int>(govkg::bench::AdversarialDescription(s).size()),
                  govkg::bench::AdversarialDescription(s).data());
    }
    return 0;
  }
  if (shapes.empty()) {
    for (const std::string_view s : govkg::bench::AdversarialShapes()) shapes.emplace_back(s);
  }
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "govkg-adversarial: %s: %s\n", out.c_str(), ec.message().c_str());
    return 1;
  }
  for (const std::string& s : shapes) {
    const std::string text = govkg::bench::AdversarialText(s, static_cast<size_t>(mb * 1e6));
    if (text.empty()) {
      std::fprintf(stderr, "govkg-adversarial: unknown shape %s (see --list)\n", s.c_str());
      return 2;
    }
    const std::string path = out + "/" + s + ".txt";
    std::ofstream f(path, std::ios::binary);
    f << text << '\n';
    if (!f) {
      std::fprintf(stderr, "govkg-adversarial: cannot write %s\n", path.c_str());
      return 1;
    }
  }
  return 0;
}
