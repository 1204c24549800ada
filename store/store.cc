// Placeholder until the RocksDB implementation lands (issue 4).
#include "store/store.h"

namespace govkg {

class Store::Impl {};

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Status Store::Open(const StoreOptions&, const std::string& path, std::unique_ptr<Store>*) {
  return Status::NotSupported("store: " + path, "not built yet");
}

}  // namespace govkg
