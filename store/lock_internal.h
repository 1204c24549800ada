// store/lock_internal.h: the single-writer lock of a store folder.
//
// RocksDB's own LOCK file only says "lock hold by current process" or
// "Resource temporarily unavailable"; users need to know who holds the store.
// So a writer first takes flock() on <store>/govkg.lock and writes its pid
// there; a second writer reads that pid back for its error message. The
// kernel drops the lock when the process dies (also on SIGKILL).
#pragma once

#include <memory>
#include <string>

#include "model/status.h"

namespace govkg::internal {

class StoreLock {
 public:
  // Takes the lock of store folder `dir` (which must exist). Busy, naming the
  // holder's pid, when another process holds it and `wait` is false; with
  // `wait` it blocks until the holder is gone.
  static Status Acquire(const std::string& dir, bool wait, std::unique_ptr<StoreLock>* lock);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  explicit StoreLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace govkg::internal
