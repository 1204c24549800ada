// model/status.h: the error value that crosses every module boundary.
//
// A Status is ok, or carries a code and a one-line message a user can act on
// ("extract: samples/003.txt:12:40: invalid UTF-8 byte 0xFF"). Result<T> holds
// a value or a non-ok Status (std::expected arrives only in C++23).
// Both are cheap to move, immutable after construction, and safe to pass
// between threads.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace govkg {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // bad usage or bad input; the CLI exits 2
    kCorruption,       // the store or a file disagrees with itself
    kIOError,
    kNotSupported,
    kBusy,             // another process holds the store
  };

  Status() = default;  // ok
  // Intentionally copyable.

  static Status OK() { return Status(); }
  static Status NotFound(std::string_view context, std::string_view detail = {}) {
    return Status(Code::kNotFound, context, detail);
  }
  static Status InvalidArgument(std::string_view context, std::string_view detail = {}) {
    return Status(Code::kInvalidArgument, context, detail);
  }
  static Status Corruption(std::string_view context, std::string_view detail = {}) {
    return Status(Code::kCorruption, context, detail);
  }
  static Status IOError(std::string_view context, std::string_view detail = {}) {
    return Status(Code::kIOError, context, detail);
  }
  static Status NotSupported(std::string_view context, std::string_view detail = {}) {
    return Status(Code::kNotSupported, context, detail);
  }
  static Status Busy(std::string_view context, std::string_view detail = {}) {
    return Status(Code::kBusy, context, detail);
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIOError() const { return code_ == Code::kIOError; }
  bool IsBusy() const { return code_ == Code::kBusy; }

  // The message without the code name: "context: detail".
  const std::string& message() const { return message_; }
  // "OK", or the code name and the message: "IO error: govkg.db: Permission denied".
  std::string ToString() const;

  // Marks a Status that is dropped on purpose; greppable.
  void PermitUnchecked() const {}

 private:
  Status(Code code, std::string_view context, std::string_view detail)
      : code_(code), message_(context) {
    if (!detail.empty()) {
      message_ += ": ";
      message_ += detail;
    }
  }

  Code code_ = Code::kOk;
  std::string message_;
};

// A value of type T, or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(data_).ok() && "Result needs a value or an error");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // OK when a value is held.
  Status status() const { return ok() ? Status::OK() : std::get<Status>(data_); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace govkg

// Returns from the enclosing function when `expr` (a Status) is not ok.
#define GOVKG_RETURN_IF_ERROR(expr)            \
  do {                                         \
    ::govkg::Status govkg_status_ = (expr);    \
    if (!govkg_status_.ok()) return govkg_status_; \
  } while (0)
