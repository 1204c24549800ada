// store/create.cc: a new store appears whole or not at all.
//
// RocksDB writes CURRENT first and creates column families one by one after
// it, so a process killed while creating a store left a directory that looks
// like a store but lacks column families, and every reader then failed to
// open it. Instead the store is built in a staging folder with all its
// column families and its format key, and its files move into place with
// CURRENT last: CURRENT's rename is the moment the store exists.
#include <filesystem>
#include <memory>

#include <rocksdb/db.h>

#include "store/store_internal.h"

namespace govkg::internal {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStagingName = ".creating";
constexpr const char* kLockName = "govkg.lock";

// Leftovers of an interrupted creation: everything but the lock file, which
// the caller holds. Only called when there is no CURRENT, so no store is lost.
Status RemoveLeftovers(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().filename() == kLockName) continue;
    fs::remove_all(entry.path(), ec);
    if (ec) return Status::IOError("store: " + entry.path().string(), ec.message());
  }
  if (ec) return Status::IOError("store: " + dir.string(), ec.message());
  return Status::OK();
}

Status BuildInStaging(const fs::path& staging, const rocksdb::Options& base) {
  rocksdb::Options options = base;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  // The default family first, then the others in one call: RocksDB rewrote
  // its OPTIONS file (every family's options as text) after each family it
  // created, about 100M instructions for ten; CreateColumnFamilies writes it once.
  std::vector<rocksdb::ColumnFamilyDescriptor> families = ColumnFamilies(options);
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status s = rocksdb::DB::Open(rocksdb::DBOptions(options), staging.string(), {families[kCfMeta]},
                                        &handles, &raw);
  if (!s.ok()) return Status::IOError("store: " + staging.string(), "create: " + s.ToString());
  std::unique_ptr<rocksdb::DB> db(raw);
  families.erase(families.begin() + kCfMeta);
  std::vector<rocksdb::ColumnFamilyHandle*> created;
  s = db->CreateColumnFamilies(families, &created);
  handles.insert(handles.end(), created.begin(), created.end());
  if (!s.ok()) {
    for (rocksdb::ColumnFamilyHandle* h : handles) db->DestroyColumnFamilyHandle(h);
    return Status::IOError("store: " + staging.string(), "create: " + s.ToString());
  }
  rocksdb::WriteOptions wo;
  wo.sync = true;
  s = db->Put(wo, handles[kCfMeta], kFormatKey, kFormatValue);
  for (rocksdb::ColumnFamilyHandle* h : handles) db->DestroyColumnFamilyHandle(h);
  const rocksdb::Status closed = db->Close();
  if (!s.ok()) return Status::IOError("store: " + staging.string(), "create: " + s.ToString());
  if (!closed.ok()) return Status::IOError("store: " + staging.string(), "create: " + closed.ToString());
  return Status::OK();
}

}  // namespace

Status CreateStore(const std::string& path, const rocksdb::Options& base) {
  const fs::path dir(path);
  GOVKG_RETURN_IF_ERROR(RemoveLeftovers(dir));
  const fs::path staging = dir / kStagingName;
  std::error_code ec;
  fs::create_directories(staging, ec);
  if (ec) return Status::IOError("store: " + staging.string(), ec.message());
  GOVKG_RETURN_IF_ERROR(BuildInStaging(staging, base));
  for (const auto& entry : fs::directory_iterator(staging, ec)) {
    if (entry.path().filename() == "CURRENT" || entry.path().filename() == "LOCK") continue;
    fs::rename(entry.path(), dir / entry.path().filename(), ec);
    if (ec) return Status::IOError("store: " + entry.path().string(), ec.message());
  }
  if (ec) return Status::IOError("store: " + staging.string(), ec.message());
  fs::rename(staging / "CURRENT", dir / "CURRENT", ec);
  if (ec) return Status::IOError("store: " + path + "/CURRENT", ec.message());
  fs::remove_all(staging, ec);
  return Status::OK();
}

}  // namespace govkg::internal
