#include "model/status.h"

#include <catch2/catch.hpp>

namespace govkg {
namespace {

TEST_CASE("Status carries code and a two-part message", "[model]") {
  const Status ok;
  CHECK(ok.ok());
  CHECK(ok.ToString() == "OK");

  const Status io = Status::IOError("extract: a.txt", "cannot open");
  CHECK_FALSE(io.ok());
  CHECK(io.IsIOError());
  CHECK(io.message() == "extract: a.txt: cannot open");
  CHECK(io.ToString() == "IO error: extract: a.txt: cannot open");

  CHECK(Status::InvalidArgument("x").message() == "x");
  CHECK(Status::Busy("store", "in use").IsBusy());
}

TEST_CASE("Result holds a value or an error", "[model]") {
  const Result<int> good = 42;
  REQUIRE(good.ok());
  CHECK(*good == 42);
  CHECK(good.status().ok());

  const Result<int> bad = Status::NotFound("entity", "公安厅");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().IsNotFound());
  CHECK(bad.status().message() == "entity: 公安厅");
}

Status FailsAtSecondStep(int* steps) {
  ++*steps;
  GOVKG_RETURN_IF_ERROR(Status::OK());
  ++*steps;
  GOVKG_RETURN_IF_ERROR(Status::Corruption("step two"));
  ++*steps;
  return Status::OK();
}

TEST_CASE("GOVKG_RETURN_IF_ERROR stops at the first error", "[model]") {
  int steps = 0;
  const Status s = FailsAtSecondStep(&steps);
  CHECK(s.IsCorruption());
  CHECK(steps == 2);
}

}  // namespace
}  // namespace govkg
