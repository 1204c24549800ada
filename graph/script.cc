// ToSimplified / ToTraditional: a name typed in either script finds the
// entity. OpenCC is opened with dlopen on first use, through its C API: a
// query that never converts a name does not load it and its dictionaries,
// and govkg-query (which links the C++ runtime statically, cli/CMakeLists.txt)
// shares no C++ object with a library that brings its own runtime.
#include <dlfcn.h>

#include <mutex>
#include <string>
#include <string_view>

#include <opencc/opencc.h>

#include "graph/graph.h"

namespace govkg {
namespace {

// The library as linked at build time first, then its usual sonames.
constexpr const char* kLibraryCandidates[] = {GOVKG_OPENCC_LIBRARY, "libopencc.so.1.1",
                                              "libopencc.so.1"};

struct OpenccApi {
  decltype(&opencc_open) open = nullptr;
  decltype(&opencc_convert_utf8) convert = nullptr;
  decltype(&opencc_convert_utf8_free) free = nullptr;
};

const OpenccApi* LoadApi() {
  static OpenccApi api;
  static bool loaded = [] {
    for (const char* name : kLibraryCandidates) {
      if (void* lib = dlopen(name, RTLD_NOW | RTLD_LOCAL)) {
        api.open = reinterpret_cast<decltype(api.open)>(dlsym(lib, "opencc_open"));
        api.convert = reinterpret_cast<decltype(api.convert)>(dlsym(lib, "opencc_convert_utf8"));
        api.free = reinterpret_cast<decltype(api.free)>(dlsym(lib, "opencc_convert_utf8_free"));
        return api.open && api.convert && api.free;
      }
    }
    return false;
  }();
  return loaded ? &api : nullptr;
}

// One converter per configuration, opened once; null when OpenCC or its data
// is missing (names are then compared as written).
class Converter {
 public:
  explicit Converter(const char* config) : config_(config) {}

  std::string Convert(std::string_view text) {
    std::call_once(once_, [this] {
      api_ = LoadApi();
      if (api_ == nullptr) return;
      handle_ = api_->open(config_);
      if (handle_ == reinterpret_cast<opencc_t>(-1)) handle_ = nullptr;
    });
    if (handle_ == nullptr || text.empty()) return std::string(text);
    char* out = api_->convert(handle_, text.data(), text.size());
    if (out == nullptr) return std::string(text);
    std::string result(out);
    api_->free(out);
    return result;
  }

 private:
  const char* config_;
  std::once_flag once_;
  const OpenccApi* api_ = nullptr;
  opencc_t handle_ = nullptr;
};

}  // namespace

std::string ToSimplified(std::string_view text) {
  static Converter converter("t2s.json");
  return converter.Convert(text);
}

std::string ToTraditional(std::string_view text) {
  static Converter converter("s2t.json");
  return converter.Convert(text);
}

}  // namespace govkg
