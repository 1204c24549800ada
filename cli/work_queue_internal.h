// cli/work_queue_internal.h: a bounded blocking queue for the ingest pipeline.
//
// Bounded so that a fast producer cannot pile up documents in memory while
// the writer is busy. Cancel() wakes everyone and makes Push/Pop fail: the
// way to stop the pipeline early after a fatal error.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace govkg::internal {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // False when the queue was cancelled (the item is dropped).
  bool Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return cancelled_ || items_.size() < capacity_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  // False when the queue is closed and drained, or cancelled.
  bool Pop(T* item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return cancelled_ || closed_ || !items_.empty(); });
    if (cancelled_ || items_.empty()) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  enum class Popped { kItem, kTimedOut, kDone };
  // Pop that gives up after `wait` (kTimedOut) when nothing arrives.
  template <typename Duration>
  Popped PopFor(T* item, Duration wait) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!not_empty_.wait_for(lock, wait, [&] { return cancelled_ || closed_ || !items_.empty(); })) {
      return Popped::kTimedOut;
    }
    if (cancelled_ || items_.empty()) return Popped::kDone;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return Popped::kItem;
  }

  // No more pushes: Pop drains what is left, then fails.
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

  void Cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace govkg::internal
