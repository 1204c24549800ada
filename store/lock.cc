// store/lock.cc: flock + pid file; see lock_internal.h.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/lock_internal.h"

namespace govkg::internal {

namespace {

std::string ReadPid(int fd) {
  char buf[32] = {};
  const ssize_t n = ::pread(fd, buf, sizeof(buf) - 1, 0);
  std::string pid(buf, n > 0 ? static_cast<size_t>(n) : 0);
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.empty() ? "unknown" : pid;
}

}  // namespace

Status StoreLock::Acquire(const std::string& dir, bool wait, std::unique_ptr<StoreLock>* lock) {
  const std::string file = dir + "/govkg.lock";
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError("store: " + file, std::strerror(errno));
  int rc;
  while ((rc = ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB))) != 0 && errno == EINTR) {
  }
  if (rc != 0) {
    const int err = errno;
    const std::string pid = ReadPid(fd);
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Status::Busy("store: " + dir, "store is in use (pid " + pid + ")");
    }
    return Status::IOError("store: " + file, std::strerror(err));
  }
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
    const int err = errno;
    ::close(fd);
    return Status::IOError("store: " + file, std::strerror(err));
  }
  lock->reset(new StoreLock(fd));
  return Status::OK();
}

StoreLock::~StoreLock() {
  // Leave the pid file in place: truncating it here would race a waiting
  // writer that has just taken the lock and written its own pid.
  ::close(fd_);
}

}  // namespace govkg::internal
