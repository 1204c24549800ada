// Output sinks (file, stdout, string) and the buffered writer over them.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "export/exporter_internal.h"

namespace govkg {
namespace {

class FileSink final : public OutputSink {
 public:
  FileSink(std::string path, std::FILE* file, bool owned)
      : path_(std::move(path)), file_(file), owned_(owned) {}
  ~FileSink() override {
    if (file_ != nullptr && owned_) std::fclose(file_);
  }
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;

  Status Write(std::string_view bytes) override {
    if (file_ == nullptr) return Status::IOError("export: " + path_, "write after close");
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
      return Status::IOError("export: " + path_, std::strerror(errno));
    }
    return Status::OK();
  }
  Status Close() override {
    if (file_ == nullptr) return Status::OK();
    const int rc = owned_ ? std::fclose(file_) : std::fflush(file_);
    file_ = nullptr;
    if (rc != 0) return Status::IOError("export: " + path_, std::strerror(errno));
    return Status::OK();
  }

 private:
  const std::string path_;
  std::FILE* file_;
  const bool owned_;
};

class StringSink final : public OutputSink {
 public:
  explicit StringSink(std::string* out) : out_(out) {}
  Status Write(std::string_view bytes) override {
    out_->append(bytes);
    return Status::OK();
  }
  Status Close() override { return Status::OK(); }

 private:
  std::string* const out_;
};

class FileOutputFactory final : public internal::OutputFactory {
 public:
  FileOutputFactory(std::string path, bool folder) : path_(std::move(path)), folder_(folder) {}

  Result<std::unique_ptr<OutputSink>> Open(std::string_view name) override {
    if (!folder_) {
      if (path_ == "-") return NewStdoutSink();
      return NewFileSink(path_);
    }
    if (path_ == "-") {
      return Status::InvalidArgument("export", "this format writes a folder: give -o DIR");
    }
    std::error_code ec;
    std::filesystem::create_directories(path_, ec);
    if (ec) return Status::IOError("export: " + path_, ec.message());
    return NewFileSink((std::filesystem::path(path_) / std::string(name)).string());
  }

 private:
  const std::string path_;
  const bool folder_;
};

}  // namespace

Result<std::unique_ptr<OutputSink>> NewFileSink(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return Status::IOError("export: " + path, std::strerror(errno));
  return std::unique_ptr<OutputSink>(std::make_unique<FileSink>(path, file, /*owned=*/true));
}

std::unique_ptr<OutputSink> NewStdoutSink() {
  return std::make_unique<FileSink>("<stdout>", stdout, /*owned=*/false);
}

std::unique_ptr<OutputSink> NewStringSink(std::string* out) {
  return std::make_unique<StringSink>(out);
}

namespace internal {

std::unique_ptr<OutputFactory> NewFileOutputFactory(std::string path, bool folder) {
  return std::make_unique<FileOutputFactory>(std::move(path), folder);
}

void BufferedWriter::Flush() {
  if (status_.ok() && !buffer_.empty()) status_ = sink_->Write(buffer_);
  buffer_.clear();
}

Status BufferedWriter::Finish() {
  Flush();
  if (!status_.ok()) {
    sink_->Close().PermitUnchecked();
    return status_;
  }
  status_ = sink_->Close();
  return status_;
}

}  // namespace internal
}  // namespace govkg
