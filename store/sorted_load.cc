// store/sorted_load.cc: external sort per column family, table files, ingestion
// (see sorted_load_internal.h).
#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <filesystem>
#include <functional>
#include <new>
#include <thread>
#include <utility>

#include <rocksdb/db.h>
#include <rocksdb/sst_file_writer.h>

#include "model/huge_pages.h"
#include "store/sorted_load_internal.h"
#include "store/store_internal.h"

namespace govkg::internal {

namespace fs = std::filesystem;

namespace {

// A record, in memory and in run files alike:
//   u32 key length, key, u8 kind, then for kPut u32 value length + value,
//   for kAdd an i64 counter (native byte order: the files never leave the run).
constexpr uint8_t kPut = 0;
constexpr uint8_t kAdd = 1;

// Table files are cut at about this size so that compactions of a big store
// and reads of a partial range touch files of ordinary size.
constexpr uint64_t kTableFileBytes = uint64_t{256} << 20;
// Read buffer of each run during the merge, at most; with many runs each
// gets a share of the load's memory, down to the minimum.
constexpr size_t kRunReadBuffer = size_t{1} << 20;
constexpr size_t kMinRunReadBuffer = size_t{64} << 10;

uint32_t LoadU32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}


// Bytes [from, from + 8) of the key as a big-endian number, zero-padded.
uint64_t KeyHead(std::string_view key, size_t from) {
  if (key.size() >= from + 8) {
    uint64_t v;
    std::memcpy(&v, key.data() + from, 8);
    return __builtin_bswap64(v);
  }
  uint64_t head = 0;
  for (size_t i = from; i < from + 8; ++i) head = (head << 8) | (i < key.size() ? static_cast<uint8_t>(key[i]) : 0);
  return head;
}

// Whether family c's rows are derived from the SPO rows (a sorted load is
// given each triple's SPO counter only; see sorted_load_internal.h).
bool DerivedFromSpo(int c) { return c == kCfPos || c == kCfOsp; }

// The key in family c (kCfPos or kCfOsp) of the triple whose SPO key is
// `spo`: the same bytes in another order (store/keys.cc: S(8) P(1) O(8),
// P(1) O(8) S(8), O(8) S(8) P(1), each followed by the title and 00).
std::string_view Permute(int c, std::string_view spo, std::string* out) {
  out->resize(spo.size());
  if (spo.size() < 17) {  // not a triple key (never written): left as it is
    std::memcpy(out->data(), spo.data(), spo.size());
    return *out;
  }
  char* o = out->data();
  const char* k = spo.data();
  if (c == kCfPos) {
    o[0] = k[8];
    std::memcpy(o + 1, k + 9, 8);
    std::memcpy(o + 9, k, 8);
  } else {
    std::memcpy(o, k + 9, 8);
    std::memcpy(o + 8, k, 8);
    o[16] = k[8];
  }
  std::memcpy(o + 17, k + 17, spo.size() - 17);
  return *out;
}

}  // namespace

// Memory for rows: anonymous mappings on 2 MB boundaries, advised to use
// transparent huge pages. Filling 256 MB of rows faulted in 65k pages of 4 kB
// one at a time, about a tenth of an ingest's CPU (perf: page faults under
// the copies into fresh chunks); a huge page is one fault for 512 of them.
namespace {

// `bytes` is a multiple of kHugePageBytes. Throws std::bad_alloc as new does.
char* MapRows(size_t bytes) {
  void* const p = MapHugePages(bytes);
  if (p == nullptr) throw std::bad_alloc();
  return static_cast<char*>(p);
}

void UnmapRows(void* p, size_t bytes) { munmap(p, bytes); }

// Records go into chunks of this size that never move (a growing string
// copied the whole arena at each doubling and faulted its pages in twice).
constexpr size_t kChunkBytes = size_t{4} << 20;

}  // namespace

// Faults row memory in ahead of its use, on a thread of its own. On the VMs
// govkg runs on, the first touch of a page is slow even for a huge page
// (perf of a 1M load: clearing huge pages was 16% of its CPU, most of it on
// the thread that fills the rows and that the load waits for). The helper
// keeps a few chunks mapped and faulted in, and faults in each array of refs
// a few huge pages ahead of its end, so the loading thread finds its pages
// present.
// MADV_POPULATE_WRITE faults pages in without changing what they hold, so
// populating memory already in use (or unmapped meanwhile) is harmless; a
// kernel without it leaves the arrays' faults to the loading thread.
class SortedLoad::Prefaulter {
 public:
  Prefaulter() : thread_([this] { Run(); }) {}
  ~Prefaulter() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
    for (char* c : ready_) UnmapRows(c, kChunkBytes);
  }
  Prefaulter(const Prefaulter&) = delete;
  Prefaulter& operator=(const Prefaulter&) = delete;

  // A chunk of kChunkBytes: one faulted in if one is ready, else a new one.
  char* TakeChunk() {
    char* c = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++taken_;
      if (!ready_.empty()) {
        c = ready_.back();
        ready_.pop_back();
      }
    }
    cv_.notify_one();
    return c != nullptr ? c : MapRows(kChunkBytes);
  }
  // Faults [p, p + n) in, soon.
  void Populate(void* p, size_t n) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ranges_.emplace_back(p, n);
    }
    cv_.notify_one();
  }

 private:
  // Chunks kept ready: as many as were taken so far, up to 8 (32 MB), so
  // that a small load does not fault in memory it never uses.
  static constexpr size_t kAhead = 8;
  bool Wanted() const { return !failed_ && ready_.size() < std::min(taken_, kAhead); }

  void Run() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [this] { return stop_ || !ranges_.empty() || Wanted(); });
      if (stop_) return;
      if (!ranges_.empty()) {
        const auto [p, n] = ranges_.front();
        ranges_.pop_front();
        lock.unlock();
        madvise(p, n, MADV_POPULATE_WRITE);
        lock.lock();
        continue;
      }
      lock.unlock();
      char* const c = static_cast<char*>(MapHugePages(kChunkBytes));
      if (c != nullptr && madvise(c, kChunkBytes, MADV_POPULATE_WRITE) != 0) {
        // No MADV_POPULATE_WRITE: the chunk is no one's yet, so touch it.
        for (size_t i = 0; i < kChunkBytes; i += 4096) c[i] = 0;
      }
      lock.lock();
      if (c == nullptr) {
        failed_ = true;  // no address space left: TakeChunk maps (and fails) itself
      } else {
        ready_.push_back(c);
      }
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<char*> ready_;
  std::deque<std::pair<void*, size_t>> ranges_;
  size_t taken_ = 0;
  bool stop_ = false;
  bool failed_ = false;
  std::thread thread_;  // last: started once the rest is set up
};

namespace {

// The big arrays of refs: an anonymous mapping that grows by mremap. A
// std::vector doubling into fresh memory copied its refs at each step and
// faulted in twice the pages it ended with (perf: page clearing and memmove
// were a sixth of a load's CPU); mremap moves the pages instead. T is
// trivially copyable.
template <typename T>
class MappedArray {
 public:
  MappedArray() = default;
  MappedArray(MappedArray&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)),
        size_(std::exchange(o.size_, 0)),
        cap_(std::exchange(o.cap_, 0)),
        populated_(std::exchange(o.populated_, 0)),
        prefaulter_(o.prefaulter_) {}
  MappedArray& operator=(MappedArray&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(cap_, o.cap_);
    std::swap(populated_, o.populated_);
    std::swap(prefaulter_, o.prefaulter_);
    return *this;
  }
  // Who faults in the pages ahead of the last element (none: the first
  // touch does).
  void set_prefaulter(SortedLoad::Prefaulter* p) { prefaulter_ = p; }
  MappedArray(const MappedArray&) = delete;
  MappedArray& operator=(const MappedArray&) = delete;
  ~MappedArray() {
    if (data_ != nullptr) UnmapRows(data_, cap_ * sizeof(T));
  }

  void push_back(const T& v) {
    if (size_ == cap_) reserve(cap_ == 0 ? kHugePageBytes / sizeof(T) : cap_ * 2);
    data_[size_++] = v;
    // A huge page at a time, kPopulateAhead ahead of the elements: faulting
    // in the whole capacity at each doubling cleared pages never used.
    if (prefaulter_ != nullptr && size_ * sizeof(T) + kPopulateAhead > populated_ &&
        populated_ < cap_ * sizeof(T)) {
      prefaulter_->Populate(reinterpret_cast<char*>(data_) + populated_, kHugePageBytes);
      populated_ += kHugePageBytes;
    }
  }
  void reserve(size_t n) {
    if (n <= cap_) return;
    const size_t bytes = RoundUpToHugePages(n * sizeof(T));
    if (data_ == nullptr) {
      data_ = reinterpret_cast<T*>(MapRows(bytes));
    } else {
      void* m = mremap(data_, cap_ * sizeof(T), bytes, MREMAP_MAYMOVE);
      if (m == MAP_FAILED) throw std::bad_alloc();
      data_ = static_cast<T*>(m);
      madvise(m, bytes, MADV_HUGEPAGE);
    }
    cap_ = bytes / sizeof(T);
  }
  // Only shrinks.
  void resize(size_t n) { size_ = std::min(n, size_); }
  void clear() { size_ = 0; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  size_t capacity() const { return cap_; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
  size_t cap_ = 0;
  // Bytes from data_ on handed to the prefaulter (a multiple of the huge
  // page; mremap moves them along).
  size_t populated_ = 0;
  SortedLoad::Prefaulter* prefaulter_ = nullptr;
  static constexpr size_t kPopulateAhead = size_t{4} << 20;
};

// A chunk of row memory, unmapped when dropped.
struct Chunk {
  char* data = nullptr;
  size_t size = 0;
  Chunk(char* d, size_t n) : data(d), size(n) {}
  Chunk(Chunk&& o) noexcept : data(std::exchange(o.data, nullptr)), size(o.size) {}
  Chunk& operator=(Chunk&& o) noexcept {
    std::swap(data, o.data);
    std::swap(size, o.size);
    return *this;
  }
  Chunk(const Chunk&) = delete;
  Chunk& operator=(const Chunk&) = delete;
  ~Chunk() {
    if (data != nullptr) UnmapRows(data, size);
  }
};

}  // namespace

struct SortedLoad::Buffer {
  struct Ref {
    // The first 16 key bytes, big-endian: most comparisons end here (8 were
    // not enough: the rows of one subject, entity or predicate share them).
    uint64_t head, head2;
    const char* rec;
  };
  std::vector<Chunk> chunks;
  // Chunks of earlier runs, emptied by a spill and used again: their pages
  // are already faulted in.
  std::vector<Chunk> spare;
  size_t used = kChunkBytes;  // in the last chunk
  size_t chunk_bytes = 0;     // in use
  MappedArray<Ref> refs;
  // For POS and OSP (kCfPos, kCfOsp): the refs point at the records of the
  // SPO buffer, whose keys this family reads permuted; -1 for a family of
  // its own records.
  int derived = -1;
  Prefaulter* prefaulter = nullptr;  // maps and faults in chunks ahead

  // Room for a record of n bytes.
  char* Allocate(size_t n) {
    if (used + n > kChunkBytes || chunks.empty()) {
      if (n <= kChunkBytes && !spare.empty()) {
        chunks.push_back(std::move(spare.back()));
        spare.pop_back();
      } else if (n <= kChunkBytes && prefaulter != nullptr) {
        chunks.emplace_back(prefaulter->TakeChunk(), kChunkBytes);
      } else {
        const size_t size = RoundUpToHugePages(std::max(n, kChunkBytes));
        chunks.emplace_back(MapRows(size), size);  // not zeroed by us: every byte used is written
      }
      chunk_bytes += chunks.back().size;
      used = chunks.back().size == kChunkBytes ? 0 : kChunkBytes;  // an oversized record fills its own chunk
      if (chunks.back().size != kChunkBytes) return chunks.back().data;
    }
    char* p = chunks.back().data + used;
    used += n;
    return p;
  }
  static std::string_view KeyAt(const char* rec) { return {rec + 4, LoadU32(rec)}; }
  size_t bytes() const { return chunk_bytes + refs.capacity() * sizeof(Ref); }
  // Empties the buffer for the next run, keeping its memory.
  void Rewind() {
    for (Chunk& c : chunks) {
      if (c.size == kChunkBytes) spare.push_back(std::move(c));
    }
    chunks.clear();
    used = kChunkBytes;
    chunk_bytes = 0;
    refs.clear();
  }
  // Key order; equal keys in arrival order (the last put wins).
  void Sort() {
    if (derived >= 0) {
      std::string ka, kb;
      RadixSort(refs.begin(), refs.size(), 0, [&](const Ref& a, const Ref& b) {
        if (a.head != b.head) return a.head < b.head;
        if (a.head2 != b.head2) return a.head2 < b.head2;
        const int c = Permute(derived, KeyAt(a.rec), &ka).compare(Permute(derived, KeyAt(b.rec), &kb));
        return c != 0 ? c < 0 : a.rec < b.rec;
      });
      return;
    }
    RadixSort(refs.begin(), refs.size(), 0, [](const Ref& a, const Ref& b) {
      if (a.head != b.head) return a.head < b.head;
      if (a.head2 != b.head2) return a.head2 < b.head2;
      const int c = KeyAt(a.rec).compare(KeyAt(b.rec));
      return c != 0 ? c < 0 : a.rec < b.rec;
    });
  }

  // Sorts a[0, n) by `less`, whose first criterion is `head`: in place by
  // the bytes of the head from `byte` on (American flag sort), each bucket
  // of fewer than 64 refs, or of refs with equal heads, by std::sort. The
  // order is that of std::sort with `less` alone (a total order), but ids
  // are hashes, so the first two bytes split a family evenly and a ref is
  // compared ~log2(n / 65536) times instead of ~log2(n) (perf of a 1M load:
  // sorting was an eighth of its CPU).
  template <typename Less>
  static void RadixSort(Ref* a, size_t n, int byte, const Less& less) {
    for (; byte < 8 && n >= 64; ++byte) {
      const int shift = 56 - 8 * byte;
      const auto digit = [shift](const Ref& r) { return static_cast<size_t>(r.head >> shift) & 0xFF; };
      size_t count[256] = {};
      for (size_t i = 0; i < n; ++i) ++count[digit(a[i])];
      if (count[digit(a[0])] == n) continue;  // one bucket: split by the next byte
      size_t start[257], next[256];
      start[0] = 0;
      for (int d = 0; d < 256; ++d) start[d + 1] = start[d] + count[d];
      std::copy(start, start + 256, next);
      for (int d = 0; d < 256; ++d) {
        while (next[d] < start[d + 1]) {
          Ref r = a[next[d]];
          for (size_t k = digit(r); k != static_cast<size_t>(d); k = digit(r)) std::swap(r, a[next[k]++]);
          a[next[d]++] = r;
        }
      }
      for (int d = 0; d < 256; ++d) {
        if (count[d] > 1) RadixSort(a + start[d], count[d], byte + 1, less);
      }
      return;
    }
    std::sort(a, a + n, less);
  }
};

namespace {

// A record decoded in place: key and value point into its bytes.
struct MemoryRecord {
  std::string_view key, value;
  uint8_t kind = kPut;
  int64_t n = 0;

  // Decodes the record at p (all of it in memory).
  void Decode(const char* p) {
    const uint32_t klen = LoadU32(p);
    key = {p + 4, klen};
    kind = static_cast<uint8_t>(p[4 + klen]);
    if (kind == kPut) {
      value = {p + 9 + klen, LoadU32(p + 5 + klen)};
      n = 0;
    } else {
      std::memcpy(&n, p + 5 + klen, 8);
      value = {};
    }
  }
  // Decodes a record of buffer b: a derived family's key is permuted.
  void DecodeIn(const SortedLoad::Buffer& b, const char* p) {
    Decode(p);
    if (b.derived >= 0) key = Permute(b.derived, key, &permuted_);
  }

 private:
  std::string permuted_;
};

}  // namespace

// A sorted stream of records. key/value stay valid until the next Next().
class SortedLoad::Source : public MemoryRecord {
 public:
  virtual ~Source() = default;
  // Moves to the next record; false at the end or on an error (see status()).
  virtual bool Next() = 0;
  virtual Status status() const { return Status::OK(); }
};

namespace {

// Records of a sorted in-memory buffer.
class MemorySource : public SortedLoad::Source {
 public:
  explicit MemorySource(const SortedLoad::Buffer& b) : b_(b) {}
  bool Next() override {
    if (i_ >= b_.refs.size()) return false;
    // The records are in arrival order, the refs in key order: fetch ahead.
    if (i_ + 16 < b_.refs.size()) __builtin_prefetch(b_.refs[i_ + 16].rec);
    DecodeIn(b_, b_.refs[i_++].rec);
    return true;
  }

 private:
  const SortedLoad::Buffer& b_;
  size_t i_ = 0;
};

// Records of a run file, read through a buffer that always holds the current
// record whole.
class FileSource : public SortedLoad::Source {
 public:
  // The buffer is not zeroed (a merge of a thousand runs spent most of its
  // instructions clearing megabyte buffers).
  FileSource(std::string path, size_t buffer_bytes)
      : path_(std::move(path)), buf_(new char[buffer_bytes]), size_(buffer_bytes) {
    file_ = std::fopen(path_.c_str(), "rb");
    if (file_ == nullptr) status_ = Status::IOError("store: sorted load: " + path_, std::strerror(errno));
  }
  ~FileSource() override {
    if (file_ != nullptr) std::fclose(file_);
  }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  bool Next() override {
    if (file_ == nullptr) return false;
    pos_ += used_;
    used_ = 0;
    if (!Ensure(4)) return false;
    const uint32_t klen = LoadU32(buf_.get() + pos_);
    if (!Ensure(size_t{4} + klen + 1)) return Bad();
    const uint8_t tag = static_cast<uint8_t>(buf_[pos_ + 4 + klen]);
    size_t size = size_t{5} + klen + 8;
    if (tag == kPut) {
      if (!Ensure(size_t{9} + klen)) return Bad();
      size = size_t{9} + klen + LoadU32(buf_.get() + pos_ + 5 + klen);
    } else if (tag != kAdd) {
      return Bad();
    }
    if (!Ensure(size)) return Bad();
    Decode(buf_.get() + pos_);
    used_ = size;
    return true;
  }
  Status status() const override { return status_; }

 private:
  // At least n bytes from pos_ in the buffer; false at the end of the file.
  bool Ensure(size_t want) {
    if (end_ - pos_ >= want) return true;
    std::memmove(buf_.get(), buf_.get() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
    if (size_ < want) {
      size_ = std::max(want, size_ * 2);
      std::unique_ptr<char[]> bigger(new char[size_]);
      std::memcpy(bigger.get(), buf_.get(), end_);
      buf_ = std::move(bigger);
    }
    end_ += std::fread(buf_.get() + end_, 1, size_ - end_, file_);
    if (std::ferror(file_)) status_ = Status::IOError("store: sorted load: " + path_, "read failed");
    return end_ >= want;
  }
  bool Bad() {
    if (status_.ok()) status_ = Status::Corruption("store: sorted load: " + path_, "truncated run file");
    return false;
  }

  std::string path_;
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buf_;
  size_t size_;
  size_t pos_ = 0, end_ = 0, used_ = 0;
  Status status_;
};

// Calls emit(key, kind, value, sum) once per distinct key of one sorted
// buffer. The buffer's records stay put, so nothing is copied.
template <typename Emit>
Status MergeBuffer(const SortedLoad::Buffer& b, Emit&& emit) {
  const auto& refs = b.refs;
  MemoryRecord r, next;
  for (size_t i = 0; i < refs.size();) {
    r.DecodeIn(b, refs[i].rec);
    int64_t sum = r.n;
    size_t j = i + 1;
    for (; j < refs.size() && refs[j].head == refs[i].head && refs[j].head2 == refs[i].head2; ++j) {
      if (j + 16 < refs.size()) __builtin_prefetch(refs[j + 16].rec);
      next.DecodeIn(b, refs[j].rec);
      if (next.key != r.key) break;
      if (next.kind == kPut) {
        r.kind = kPut;
        r.value = next.value;
      } else {
        sum += next.n;
      }
    }
    if (i + 16 < refs.size()) __builtin_prefetch(refs[i + 16].rec);
    GOVKG_RETURN_IF_ERROR(emit(r.key, r.kind, r.value, sum));
    i = j;
  }
  return Status::OK();
}

// A tree of losers over sorted sources (Knuth's replacement selection):
// the next record costs one comparison per level, log2(k), where a binary
// heap paid about two per level (a pop and a push). A comparison looks at
// the first 8 key bytes, kept as a number per source, before the keys.
class LoserTree {
 public:
  explicit LoserTree(std::vector<std::unique_ptr<SortedLoad::Source>>& sources)
      : src_(sources), k_(sources.size()), tree_(std::max<size_t>(k_, 1), kEmpty), head_(k_), live_(k_) {}

  // Reads every source's first record and plays the first tournament.
  Status Start() {
    for (size_t i = 0; i < k_; ++i) {
      GOVKG_RETURN_IF_ERROR(Advance(i));
      Replay(i);
    }
    return Status::OK();
  }
  // The source holding the smallest record; done() when every source ended.
  size_t top() const { return tree_[0]; }
  bool done() const { return k_ == 0 || !live_[tree_[0]]; }
  SortedLoad::Source& source(size_t i) const { return *src_[i]; }
  // Moves the top source to its next record.
  Status Pop() {
    const size_t w = tree_[0];
    GOVKG_RETURN_IF_ERROR(Advance(w));
    Replay(w);
    return Status::OK();
  }
  // Whether the top record's key is `key` (whose head is `head`).
  bool TopIs(uint64_t head, std::string_view key) const {
    const size_t w = tree_[0];
    return live_[w] && head_[w] == head && src_[w]->key == key;
  }
  uint64_t top_head() const { return head_[tree_[0]]; }

 private:
  static constexpr size_t kEmpty = ~size_t{0};

  Status Advance(size_t i) {
    live_[i] = src_[i]->Next();
    if (live_[i]) {
      head_[i] = KeyHead(src_[i]->key, 0);
      return Status::OK();
    }
    return src_[i]->status();
  }
  // Record order on (key, source index): equal keys come out in the order of
  // the sources, so the last put wins. An ended source sorts last.
  bool Less(size_t a, size_t b) const {
    if (!live_[a]) return false;
    if (!live_[b]) return true;
    if (head_[a] != head_[b]) return head_[a] < head_[b];
    const int c = src_[a]->key.compare(src_[b]->key);
    return c != 0 ? c < 0 : a < b;
  }
  // Plays source i's new record up from its leaf (leaves are k..2k-1 in heap
  // order). While the tree is built, the first player to reach an empty node
  // waits there for the other side's winner.
  void Replay(size_t i) {
    size_t winner = i;
    for (size_t t = (i + k_) / 2; t > 0; t /= 2) {
      if (tree_[t] == kEmpty) {
        tree_[t] = winner;
        return;
      }
      if (Less(tree_[t], winner)) std::swap(tree_[t], winner);
    }
    tree_[0] = winner;
  }

  std::vector<std::unique_ptr<SortedLoad::Source>>& src_;
  size_t k_;
  std::vector<size_t> tree_;  // [0]: the winner; [1, k): the loser of each match
  std::vector<uint64_t> head_;
  std::vector<char> live_;
};

// Calls emit(key, kind, value, sum) once per distinct key of the merged
// sources: a put's last value, or the sum of a counter's additions.
template <typename Emit>
Status MergeSources(std::vector<std::unique_ptr<SortedLoad::Source>>& sources, Emit&& emit) {
  LoserTree tree(sources);
  GOVKG_RETURN_IF_ERROR(tree.Start());
  std::string key, value;
  while (!tree.done()) {
    const SortedLoad::Source& first = tree.source(tree.top());
    const uint64_t head = tree.top_head();
    key.assign(first.key);
    uint8_t kind = first.kind;
    value.assign(first.value);
    int64_t sum = first.n;
    GOVKG_RETURN_IF_ERROR(tree.Pop());
    while (tree.TopIs(head, key)) {
      const SortedLoad::Source& same = tree.source(tree.top());
      if (same.kind == kPut) {
        kind = kPut;
        value.assign(same.value);
      } else {
        sum += same.n;
      }
      GOVKG_RETURN_IF_ERROR(tree.Pop());
    }
    GOVKG_RETURN_IF_ERROR(emit(key, kind, value, sum));
  }
  return Status::OK();
}

size_t RecordSize(std::string_view key, uint8_t kind, std::string_view value) {
  return 5 + key.size() + (kind == kPut ? 4 + value.size() : 8);
}

// Writes a record at p (RecordSize bytes).
void EncodeRecord(char* p, std::string_view key, uint8_t kind, std::string_view value, int64_t n) {
  const auto klen = static_cast<uint32_t>(key.size());
  std::memcpy(p, &klen, 4);
  std::memcpy(p + 4, key.data(), key.size());
  p[4 + key.size()] = static_cast<char>(kind);
  p += 5 + key.size();
  if (kind == kPut) {
    const auto vlen = static_cast<uint32_t>(value.size());
    std::memcpy(p, &vlen, 4);
    std::memcpy(p + 4, value.data(), value.size());
  } else {
    std::memcpy(p, &n, 8);
  }
}

void AppendRecord(std::string* out, std::string_view key, uint8_t kind, std::string_view value, int64_t n) {
  const size_t at = out->size();
  out->resize(at + RecordSize(key, kind, value));
  EncodeRecord(out->data() + at, key, kind, value, n);
}

}  // namespace

SortedLoad::SortedLoad(std::string temp_dir, size_t memory_bytes)
    : temp_dir_(std::move(temp_dir)), budget_(memory_bytes), prefaulter_(std::make_unique<Prefaulter>()), runs_(kCfCount_) {
  for (int c = 0; c < kCfCount_; ++c) buffers_.push_back(std::make_unique<Buffer>());
  MakeBuffers();
}

void SortedLoad::MakeBuffers() {
  for (int c = 0; c < kCfCount_; ++c) {
    Buffer& b = *buffers_[c];
    b = Buffer();
    if (DerivedFromSpo(c)) b.derived = c;
    b.prefaulter = prefaulter_.get();
    b.refs.set_prefaulter(prefaulter_.get());
  }
}

SortedLoad::~SortedLoad() {
  std::error_code ec;
  if (spills_ > 0 || fs::exists(temp_dir_, ec)) fs::remove_all(temp_dir_, ec);
}

void SortedLoad::Append(Cf c, std::string_view key, uint8_t kind, std::string_view value, int64_t n) {
  if (DerivedFromSpo(c)) return;  // made from the SPO rows when sorted
  Buffer& b = *buffers_[c];
  const size_t before = b.bytes();
  const size_t size = RecordSize(key, kind, value);
  char* rec = b.Allocate(size);
  EncodeRecord(rec, key, kind, value, n);
  b.refs.push_back({KeyHead(key, 0), KeyHead(key, 8), rec});
  memory_ += b.bytes() - before;
  appended_ += size + sizeof(Buffer::Ref);
  // The POS and OSP refs this row will have once sorted, counted now so
  // that a run's memory stays within the budget.
  if (c == kCfSpo) memory_ += 2 * sizeof(Buffer::Ref);
}

void SortedLoad::PutMention(std::string_view key, std::string_view value) {
  Append(kCfMention, key, kPut, value, 0);
  // The count row CountMentions will add, counted now (one per mention at most).
  memory_ += RecordSize(DocCountKey(0), kAdd, {}) + sizeof(Buffer::Ref);
}

void SortedLoad::CountMentions() {
  Buffer& b = *buffers_[kCfMention];
  b.Sort();
  // Mention keys are entity id (8) + doc id (8): the head is the entity, the
  // second head the document, so a distinct row is a distinct pair of heads.
  const auto& refs = b.refs;
  for (size_t i = 0; i < refs.size();) {
    int64_t n = 0;
    size_t j = i;
    for (; j < refs.size() && refs[j].head == refs[i].head; ++j) {
      if (j == i || refs[j].head2 != refs[j - 1].head2 || Buffer::KeyAt(refs[j].rec) != Buffer::KeyAt(refs[j - 1].rec)) {
        ++n;
      }
    }
    const std::string key = DocCountKey(refs[i].head);
    Append(kCfCount, key, kAdd, {}, n);
    i = j;
  }
}

void SortedLoad::FoldSpo() {
  Buffer& b = *buffers_[kCfSpo];
  b.Sort();
  // One ref per triple: each key's counters summed into its first record.
  auto& refs = b.refs;
  size_t out = 0;
  MemoryRecord r, next;
  for (size_t i = 0; i < refs.size();) {
    r.Decode(refs[i].rec);
    int64_t sum = r.n;
    size_t j = i + 1;
    for (; j < refs.size() && refs[j].head == refs[i].head && refs[j].head2 == refs[i].head2; ++j) {
      next.Decode(refs[j].rec);
      if (next.key != r.key) break;
      sum += next.n;
    }
    // The SPO family holds counters only (kAdd): the sum sits where n is.
    std::memcpy(const_cast<char*>(refs[i].rec) + 5 + r.key.size(), &sum, 8);
    refs[out++] = refs[i];
    i = j;
  }
  refs.resize(out);
}

void SortedLoad::BuildDerived(Cf c) {
  const Buffer& spo = *buffers_[kCfSpo];
  Buffer& b = *buffers_[c];
  b.refs.clear();
  b.refs.reserve(spo.refs.size());
  std::string key;
  for (const Buffer::Ref& r : spo.refs) {
    Permute(c, Buffer::KeyAt(r.rec), &key);
    b.refs.push_back({KeyHead(key, 0), KeyHead(key, 8), r.rec});
  }
  b.Sort();
}

void SortedLoad::Put(Cf c, std::string_view key, std::string_view value) { Append(c, key, kPut, value, 0); }

void SortedLoad::Add(Cf c, std::string_view key, int64_t n) { Append(c, key, kAdd, {}, n); }

bool SortedLoad::empty() const {
  for (int c = 0; c < kCfCount_; ++c) {
    if (!buffers_[c]->refs.empty() || !runs_[c].empty()) return false;
  }
  return true;
}

Status SortedLoad::SpillIfFull() {
  // Memory counts whole chunks (4 MB a family) and arrays: under a small
  // budget it is over budget after every document, and spilled a run each
  // (a 16 MB budget took 260 s for 20 MB of text, making 5,700 run files
  // for 2 MB). A run therefore holds a quarter of a budget of rows at least.
  return memory_ >= budget_ && appended_ >= budget_ / 4 ? Spill() : Status::OK();
}

void SortedLoad::FoldAndCount() {
  // Separate buffers (SPO; mentions and counts), so two threads.
  std::thread counter([this] { CountMentions(); });
  FoldSpo();
  counter.join();
}

std::vector<int> SortedLoad::LargestFirst() const {
  std::vector<int> order;
  std::vector<uint64_t> size(kCfCount_);
  std::error_code ec;
  for (int c = 0; c < kCfCount_; ++c) {
    size[c] = buffers_[DerivedFromSpo(c) ? kCfSpo : c]->bytes();
    for (const std::string& run : runs_[c]) size[c] += fs::file_size(run, ec);
    if (size[c] > 0) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) { return size[a] > size[b]; });
  return order;
}

Status SortedLoad::OnTwoThreads(const std::vector<int>& order, const std::function<Status(Cf)>& work) {
  std::vector<Status> status(kCfCount_);
  std::atomic<size_t> next{0};
  auto loop = [&] {
    for (size_t i; (i = next++) < order.size();) status[order[i]] = work(static_cast<Cf>(order[i]));
  };
  std::thread helper(loop);
  loop();
  helper.join();
  for (const Status& s : status) GOVKG_RETURN_IF_ERROR(s);
  return Status::OK();
}

void SortedLoad::SortFamily(Cf c) {
  if (DerivedFromSpo(c)) {
    BuildDerived(c);  // reads the SPO buffer, which FoldSpo sorted before the threads began
  } else if (c != kCfSpo && c != kCfMention) {  // sorted by FoldSpo and CountMentions
    buffers_[c]->Sort();
  }
}

Status SortedLoad::WriteRun(Cf c) {
  SortFamily(c);
  const Buffer& b = *buffers_[c];
  if (b.refs.empty()) return Status::OK();
  const std::string path = temp_dir_ + "/run-" + std::to_string(spills_) + "-" + kCfNames[c];
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return Status::IOError("store: sorted load: " + path, std::strerror(errno));
  std::string out;
  Status s = MergeBuffer(b, [&](std::string_view key, uint8_t kind, std::string_view value, int64_t n) {
    AppendRecord(&out, key, kind, value, n);
    if (out.size() >= (size_t{1} << 20)) {
      if (std::fwrite(out.data(), 1, out.size(), f) != out.size()) {
        return Status::IOError("store: sorted load: " + path, "write failed (disk full?)");
      }
      out.clear();
    }
    return Status::OK();
  });
  if (s.ok() && std::fwrite(out.data(), 1, out.size(), f) != out.size()) {
    s = Status::IOError("store: sorted load: " + path, "write failed (disk full?)");
  }
  if (std::fclose(f) != 0 && s.ok()) s = Status::IOError("store: sorted load: " + path, "close failed");
  GOVKG_RETURN_IF_ERROR(s);
  runs_[c].push_back(path);
  return Status::OK();
}

Status SortedLoad::Spill() {
  std::error_code ec;
  fs::create_directories(temp_dir_, ec);
  if (ec) return Status::IOError("store: sorted load: " + temp_dir_, ec.message());
  FoldAndCount();
  // The families are sorted and written by two threads, largest first (the
  // load waits for its spill: on one thread that was a fifth of a 10M load).
  GOVKG_RETURN_IF_ERROR(OnTwoThreads(LargestFirst(), [this](Cf c) { return WriteRun(c); }));
  // Only now: the POS and OSP refs point into the SPO records.
  for (auto& b : buffers_) b->Rewind();
  // What the buffers keep for the next run counts against its budget.
  memory_ = 0;
  for (const auto& b : buffers_) memory_ += b->bytes();
  appended_ = 0;
  ++spills_;
  return Status::OK();
}

Status SortedLoad::MergeInto(StoreCore& store, Cf c, bool counters_as_merge, std::vector<std::string>* files,
                             uint64_t* rows) {
  SortFamily(c);
  Buffer& b = *buffers_[c];
  std::vector<std::unique_ptr<Source>> sources;
  // Two families are merged at once, each with its runs' buffers.
  const size_t share = budget_ / 2 / std::max<size_t>(runs_[c].size(), 1);
  const size_t buffer = std::clamp(share, kMinRunReadBuffer, kRunReadBuffer);
  for (const std::string& run : runs_[c]) sources.push_back(std::make_unique<FileSource>(run, buffer));
  sources.push_back(std::make_unique<MemorySource>(b));

  const rocksdb::Options options = store.db->GetOptions(store.cf(c));
  std::unique_ptr<rocksdb::SstFileWriter> writer;
  std::string counter;
  auto close = [&]() -> Status {
    if (!writer) return Status::OK();
    const rocksdb::Status s = writer->Finish();
    writer.reset();
    return s.ok() ? Status::OK() : store.Error(s, "sorted load: write table file");
  };
  uint64_t n = 0;
  auto write = [&](std::string_view key, uint8_t kind, std::string_view value, int64_t sum) -> Status {
    if (kind == kAdd && sum == 0) return Status::OK();
    if (writer && (n & 4095) == 0 && writer->FileSize() >= kTableFileBytes) GOVKG_RETURN_IF_ERROR(close());
    if (!writer) {
      files->push_back(temp_dir_ + "/" + kCfNames[c] + "-" + std::to_string(files->size()) + ".sst");
      // The page cache keeps the table: ingesting links it, and the store
      // reads it next (dropping it every megabyte also cost a system call).
      writer = std::make_unique<rocksdb::SstFileWriter>(rocksdb::EnvOptions(), options, store.cf(c),
                                                        /*invalidate_page_cache=*/false);
      const rocksdb::Status s = writer->Open(files->back());
      if (!s.ok()) return store.Error(s, "sorted load: create " + files->back());
    }
    ++n;
    rocksdb::Status s;
    if (kind == kPut) {
      s = writer->Put(key, value);
    } else {
      counter = EncodeCounter(sum);
      s = counters_as_merge ? writer->Merge(key, counter) : writer->Put(key, counter);
    }
    return s.ok() ? Status::OK() : store.Error(s, "sorted load: write table file");
  };
  const Status merged = runs_[c].empty() ? MergeBuffer(b, write) : MergeSources(sources, write);
  const Status closed = close();
  *rows = n;
  GOVKG_RETURN_IF_ERROR(merged);
  return closed;
}

Status SortedLoad::Finish(StoreCore& store, uint64_t* rows) {
  *rows = 0;
  if (empty()) return Status::OK();
  std::error_code ec;
  fs::create_directories(temp_dir_, ec);
  if (ec) return Status::IOError("store: sorted load: " + temp_dir_, ec.message());
  // A counter family that holds nothing yet takes final values; one that
  // does takes merge operands, which add to the stored counts.
  bool counters_as_merge[kCfCount_] = {};
  for (const Cf c : {kCfCount, kCfSpo, kCfPos, kCfOsp}) {
    std::unique_ptr<rocksdb::Iterator> it = store.NewIterator(c);
    it->SeekToFirst();
    if (!it->status().ok()) return store.Error(it->status(), "sorted load: read");
    counters_as_merge[c] = it->Valid();
  }

  FoldAndCount();
  // The families are merged by two threads, largest first.
  std::vector<std::vector<std::string>> files(kCfCount_);
  std::vector<uint64_t> written(kCfCount_);
  Status result = OnTwoThreads(LargestFirst(), [&](Cf c) {
    return MergeInto(store, c, counters_as_merge[c], &files[c], &written[c]);
  });

  if (result.ok()) {
    std::vector<rocksdb::IngestExternalFileArg> args;
    for (int c = 0; c < kCfCount_; ++c) {
      if (files[c].empty()) continue;
      rocksdb::IngestExternalFileArg arg;
      arg.column_family = store.cf(static_cast<Cf>(c));
      arg.external_files = files[c];
      arg.options.move_files = true;  // same file system: hard links, no copy
      args.push_back(std::move(arg));
      *rows += written[c];
    }
    const rocksdb::Status s = args.empty() ? rocksdb::Status::OK() : store.db->IngestExternalFiles(args);
    if (!s.ok()) result = store.Error(s, "sorted load: ingest table files");
    // New forms and aliases: the node map is computed again (and saved anew).
    store.DropNodes();
  }
  Reset();
  return result;
}

void SortedLoad::Reset() {
  MakeBuffers();
  for (auto& r : runs_) r.clear();
  memory_ = 0;
  appended_ = 0;
  std::error_code ec;
  fs::remove_all(temp_dir_, ec);
  spills_ = 0;
}

}  // namespace govkg::internal
