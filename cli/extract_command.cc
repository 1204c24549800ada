// `govkg extract FILE...`: prints what extraction finds, without storing it.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/command.h"
#include "extract/extractor.h"
#include "model/json_io.h"

namespace govkg::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> files;
  std::string format = "json";
  std::string on_bad_input = "skip";
  std::vector<std::string> lexicons;
  std::string lexicon_dir;
  size_t max_doc_mb = 64;
};

// The bytes of a file, refused before reading when larger than `limit`.
Result<std::string> ReadInput(const std::string& path, size_t limit) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limit) {
    return Status::InvalidArgument("extract: " + path,
                                   std::to_string(size >> 20) + " MB is over the limit of " +
                                       std::to_string(limit >> 20) + " MB (--max-doc-mb)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("extract: " + path, "cannot open");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError("extract: " + path, "read failed");
  return bytes;
}

void PrintTable(const DocumentGraph& g) {
  std::printf("# %s: %zu entities, %zu relations\n", g.doc.c_str(), g.entities.size(),
              g.relations.size());
  for (const Entity& e : g.entities) {
    std::printf("%-5s %-8s %s", e.id.c_str(), std::string(EntityTypeName(e.type)).c_str(),
                e.name.c_str());
    if (e.metric) {
      std::printf(" = %g %s", e.metric->value, e.metric->unit.c_str());
      if (!e.metric->qualifier.empty()) std::printf(" (%s)", e.metric->qualifier.c_str());
      if (!e.metric->period.empty()) std::printf(" [%s]", e.metric->period.c_str());
    }
    std::printf("\n");
  }
  for (const Relation& r : g.relations) {
    std::printf("%s -%s-> %s%s%s\n", r.subject.c_str(),
                std::string(PredicateName(r.predicate)).c_str(), r.object.c_str(),
                r.title.empty() ? "" : " title=", r.title.c_str());
  }
}

Status RunExtract(const ExtractArgs& args, CliContext* ctx) {
  ExtractOptions options;
  options.lexicon_dir = args.lexicon_dir;
  options.extra_lexicons = args.lexicons;
  options.max_document_bytes = args.max_doc_mb << 20;
  options.on_bad_input = args.on_bad_input == "fail"      ? BadInputPolicy::kFail
                         : args.on_bad_input == "replace" ? BadInputPolicy::kReplace
                                                          : BadInputPolicy::kSkip;
  Result<std::unique_ptr<Extractor>> extractor = NewLexiconExtractor(options);
  if (!extractor.ok()) return extractor.status();

  for (const std::string& path : args.files) {
    Result<std::string> bytes = ReadInput(path, options.max_document_bytes);
    Result<ExtractedDocument> doc =
        bytes.ok() ? (*extractor)->Extract(path, *bytes) : Result<ExtractedDocument>(bytes.status());
    if (!doc.ok()) {
      if (options.on_bad_input == BadInputPolicy::kFail) return doc.status();
      std::fprintf(stderr, "govkg: skipped %s\n", doc.status().message().c_str());
      ctx->partial = true;
      continue;
    }
    for (const std::string& w : doc->warnings) std::fprintf(stderr, "govkg: %s\n", w.c_str());
    if (args.format == "json") {
      WriteDocumentGraphJson(doc->graph, std::cout);  // streamed: tens of MB on dense texts
      std::cout << '\n';
    } else {
      std::cout.flush();
      PrintTable(doc->graph);
      std::fflush(stdout);
    }
  }
  return Status::OK();
}

}  // namespace

void AddExtractCommand(CLI::App& app, CliContext* ctx, Runner* run) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* sub = app.add_subcommand(
      "extract",
      "Extract agencies, programs, metrics, people, documents and places from texts\n"
      "and print them (nothing is stored). One JSON object per file, per line.\n"
      "Example: govkg extract --format table samples/002_17e5499aa74a8c9c.txt");
  sub->add_option("files", args->files, "Text files, or - for standard input")->required();
  AddFormatOption(sub, &args->format, {"json", "table"});
  sub->add_option("--on-bad-input", args->on_bad_input,
                  "A file with undecodable bytes: skip it, replace the bytes, or fail")
      ->check(CLI::IsMember({"skip", "replace", "fail"}))
      ->capture_default_str();
  sub->add_option("--max-doc-mb", args->max_doc_mb, "Skip documents larger than this")
      ->check(CLI::Range(size_t{1}, size_t{4096}))
      ->capture_default_str();
  sub->add_option("--lexicon", args->lexicons, "Extra lexicon file(s) with your own entries");
  sub->add_option("--lexicon-dir", args->lexicon_dir, "Use this lexicon folder instead");
  sub->callback([args, ctx, run] { *run = [args, ctx] { return RunExtract(*args, ctx); }; });
}

}  // namespace govkg::cli
