// tests/store/store_test.cc: dictionary, entities, indexes, support counts,
// re-ingest, replace and remove through the public Store API.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "tests/store/store_test_util.h"

namespace govkg {
namespace {

using testing::AllTriples;
using testing::IdOf;
using testing::MakeEntity;
using testing::MakeInfo;
using testing::MakeRelation;
using testing::OpenStore;
using testing::RequireConsistent;
using testing::SampleGraph;
using testing::TempDir;
using testing::WriteFile;

TEST_CASE("Store stores a document and finds its entities") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  Result<PutOutcome> put = store->PutDocument(MakeInfo("a.txt", "h1"), SampleGraph("a.txt"));
  REQUIRE_OK(put.status());
  CHECK(*put == PutOutcome::kAdded);

  const EntityId agency = IdOf(*store, EntityType::kAgency, "内蒙古自治区公安厅");
  Result<std::optional<EntityRecord>> rec = store->GetEntity(agency);
  REQUIRE_OK(rec.status());
  REQUIRE(rec->has_value());
  CHECK((*rec)->name == "内蒙古自治区公安厅");
  CHECK((*rec)->type == EntityType::kAgency);
  CHECK((*rec)->aliases == std::vector<std::string>{"公安厅"});
  CHECK((*rec)->document_count == 1);

  Result<std::vector<EntityId>> by_alias = store->FindByName("公安厅");
  REQUIRE_OK(by_alias.status());
  CHECK(*by_alias == std::vector<EntityId>{agency});
  Result<std::vector<EntityId>> by_name = store->FindByName("夏季行动");
  REQUIRE_OK(by_name.status());
  CHECK(by_name->size() == 1);
  Result<std::vector<EntityId>> none = store->FindByName("不存在");
  REQUIRE_OK(none.status());
  CHECK(none->empty());

  const EntityId metric = IdOf(*store, EntityType::kMetric, "破获案件");
  rec = store->GetEntity(metric);
  REQUIRE_OK(rec.status());
  REQUIRE((*rec)->metric.has_value());
  CHECK((*rec)->metric->value == 5748);
  CHECK((*rec)->metric->unit == "起");
  CHECK((*rec)->metric->period == "行动以来");

  Result<std::optional<DocumentRecord>> doc = store->GetDocument("a.txt");
  REQUIRE_OK(doc.status());
  REQUIRE(doc->has_value());
  CHECK((*doc)->content_hash == "h1");
  CHECK((*doc)->entity_count == 3);
  CHECK((*doc)->triple_count == 2);
  CHECK((*doc)->extractor == "test/1");
  RequireConsistent(*store);
}

TEST_CASE("Store answers every triple pattern from an index") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  REQUIRE_OK(store->PutDocument(MakeInfo("a.txt", "h1"), SampleGraph("a.txt")).status());
  const EntityId a = IdOf(*store, EntityType::kAgency, "内蒙古自治区公安厅");
  const EntityId p = IdOf(*store, EntityType::kProgram, "夏季行动");
  const EntityId m = IdOf(*store, EntityType::kMetric, "破获案件");

  CHECK(AllTriples(*store).size() == 2);
  auto by_s = AllTriples(*store, {a, std::nullopt, std::nullopt});
  REQUIRE(by_s.size() == 1);
  CHECK(by_s[0].object == p);
  CHECK(by_s[0].predicate == Predicate::kConducts);
  CHECK(by_s[0].support == 1);
  CHECK(AllTriples(*store, {p, std::nullopt, std::nullopt}).size() == 1);
  CHECK(AllTriples(*store, {std::nullopt, Predicate::kReports, std::nullopt}).size() == 1);
  CHECK(AllTriples(*store, {std::nullopt, Predicate::kIssues, std::nullopt}).empty());
  auto by_o = AllTriples(*store, {std::nullopt, std::nullopt, p});
  REQUIRE(by_o.size() == 1);
  CHECK(by_o[0].subject == a);
  CHECK(AllTriples(*store, {a, std::nullopt, p}).size() == 1);
  CHECK(AllTriples(*store, {a, std::nullopt, m}).empty());
  CHECK(AllTriples(*store, {std::nullopt, Predicate::kReports, m}).size() == 1);
  CHECK(AllTriples(*store, {a, Predicate::kConducts, p}).size() == 1);
  CHECK(AllTriples(*store, {a, Predicate::kReports, p}).empty());

  std::vector<ProvenanceRecord> prov;
  REQUIRE_OK(store->ScanProvenance(by_s[0], [&](const ProvenanceRecord& r) {
    prov.push_back(r);
    return true;
  }));
  REQUIRE(prov.size() == 1);
  CHECK(prov[0].doc == "a.txt");
  CHECK(prov[0].quote == "quote");
  CHECK(prov[0].evidence == Span{0, 4});

  std::vector<std::string> docs;
  REQUIRE_OK(store->ScanMentions(a, [&](std::string_view doc, const std::vector<Span>& spans) {
    docs.emplace_back(doc);
    CHECK(spans.size() == 1);
    return true;
  }));
  CHECK(docs == std::vector<std::string>{"a.txt"});
}

TEST_CASE("Store merges entities across documents and counts support") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  REQUIRE_OK(store->PutDocument(MakeInfo("a.txt", "h1"), SampleGraph("a.txt")).status());
  DocumentGraph b = SampleGraph("b.txt");
  b.entities[0].aliases = {"自治区公安厅"};
  REQUIRE_OK(store->PutDocument(MakeInfo("b.txt", "h2"), b).status());

  Result<StoreStats> stats = store->Stats();
  REQUIRE_OK(stats.status());
  // The agency and the program merge; each document's figure is its own
  // observation (store/identity.h), so two metrics and two reports triples.
  CHECK(stats->entities == 4);
  CHECK(stats->triples == 3);
  CHECK(stats->documents == 2);
  for (const TripleRecord& t : AllTriples(*store)) CHECK(t.support == (t.predicate == Predicate::kReports ? 1 : 2));
  const EntityId a = IdOf(*store, EntityType::kAgency, "内蒙古自治区公安厅");
  Result<std::optional<EntityRecord>> rec = store->GetEntity(a);
  REQUIRE_OK(rec.status());
  CHECK((*rec)->document_count == 2);
  CHECK((*rec)->aliases == std::vector<std::string>{"公安厅", "自治区公安厅"});
  RequireConsistent(*store);

  SECTION("removing one document keeps what the other supports") {
    REQUIRE_OK(store->RemoveDocument("a.txt"));
    for (const TripleRecord& t : AllTriples(*store)) CHECK(t.support == 1);
    CHECK(AllTriples(*store).size() == 2);
    rec = store->GetEntity(a);
    REQUIRE_OK(rec.status());
    CHECK((*rec)->aliases == std::vector<std::string>{"自治区公安厅"});
    Result<std::vector<EntityId>> gone = store->FindByName("公安厅");
    REQUIRE_OK(gone.status());
    CHECK(gone->empty());
    RequireConsistent(*store);

    REQUIRE_OK(store->RemoveDocument("b.txt"));
    CHECK(AllTriples(*store).empty());
    stats = store->Stats();
    REQUIRE_OK(stats.status());
    CHECK(stats->entities == 0);
    CHECK(stats->documents == 0);
    RequireConsistent(*store);
    CHECK(store->RemoveDocument("b.txt").IsNotFound());
  }
}

TEST_CASE("Store keeps two metric observations apart") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  DocumentGraph g;
  g.doc = "m.txt";
  g.entities.push_back(testing::MakeMetric("m1", "破获案件", 5748, "起", "行动以来"));
  g.entities.push_back(testing::MakeMetric("m2", "破获案件", 120, "起", "行动以来"));
  g.entities.push_back(testing::MakeMetric("m3", "破获案件", 5748, "起", "上半年"));
  REQUIRE_OK(store->PutDocument(MakeInfo("m.txt", "h"), g).status());
  DocumentGraph g2 = g;
  g2.entities.resize(1);
  REQUIRE_OK(store->PutDocument(MakeInfo("n.txt", "h"), g2).status());
  Result<StoreStats> stats = store->Stats();
  REQUIRE_OK(stats.status());
  CHECK(stats->entities_by_type[static_cast<int>(EntityType::kMetric)] == 3);
  Result<std::vector<EntityId>> ids = store->FindByName("破获案件");
  REQUIRE_OK(ids.status());
  CHECK(ids->size() == 3);
  RequireConsistent(*store);
}

TEST_CASE("Store leaves an unchanged document alone and replaces a changed one") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  CHECK(store->OperationsWritten() == 0);
  REQUIRE_OK(store->PutDocument(MakeInfo("a.txt", "h1"), SampleGraph("a.txt")).status());
  // Each triple writes SPO, POS, OSP and provenance at least.
  const uint64_t written = store->OperationsWritten();
  CHECK(written >= 4 * SampleGraph("a.txt").relations.size());
  Result<PutOutcome> again = store->PutDocument(MakeInfo("a.txt", "h1"), SampleGraph("a.txt"));
  REQUIRE_OK(again.status());
  CHECK(*again == PutOutcome::kUnchanged);
  CHECK(store->OperationsWritten() == written);
  for (const TripleRecord& t : AllTriples(*store)) CHECK(t.support == 1);

  DocumentGraph changed;
  changed.doc = "a.txt";
  changed.entities.push_back(MakeEntity("a1", EntityType::kAgency, "内蒙古自治区公安厅"));
  changed.entities.push_back(MakeEntity("a2", EntityType::kAgency, "公安部"));
  changed.relations.push_back(MakeRelation("a1", Predicate::kSubOrganizationOf, "a2"));
  Result<PutOutcome> replaced = store->PutDocument(MakeInfo("a.txt", "h2"), changed);
  REQUIRE_OK(replaced.status());
  CHECK(*replaced == PutOutcome::kReplaced);

  auto triples = AllTriples(*store);
  REQUIRE(triples.size() == 1);
  CHECK(triples[0].predicate == Predicate::kSubOrganizationOf);
  CHECK(triples[0].support == 1);
  Result<std::optional<EntityId>> program = store->FindEntity(EntityType::kProgram, "夏季行动");
  REQUIRE_OK(program.status());
  CHECK(!program->has_value());
  const EntityId a = IdOf(*store, EntityType::kAgency, "内蒙古自治区公安厅");
  Result<std::optional<EntityRecord>> rec = store->GetEntity(a);
  REQUIRE_OK(rec.status());
  CHECK((*rec)->aliases.empty());
  CHECK((*rec)->document_count == 1);
  RequireConsistent(*store);
}

TEST_CASE("Store refuses bad graphs without writing anything") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  DocumentGraph bad = SampleGraph("bad.txt");
  bad.relations.push_back(MakeRelation("a1", Predicate::kConducts, "nope"));
  Result<PutOutcome> put = store->PutDocument(MakeInfo("bad.txt", "h"), bad);
  CHECK(put.status().IsInvalidArgument());
  CHECK(put.status().message().find("nope") != std::string::npos);
  DocumentGraph empty_name = SampleGraph("bad.txt");
  empty_name.entities[1].name.clear();
  CHECK(store->PutDocument(MakeInfo("bad.txt", "h"), empty_name).status().IsInvalidArgument());
  // An id given twice is named at its second entity; an unknown subject by its id.
  DocumentGraph repeated = SampleGraph("bad.txt");
  repeated.entities.push_back(repeated.entities[0]);
  const Status twice = store->PutDocument(MakeInfo("bad.txt", "h"), repeated).status();
  CHECK(twice.IsInvalidArgument());
  CHECK(twice.message().find("entity " + std::to_string(repeated.entities.size() - 1) + " (\"" +
                             repeated.entities[0].id + "\"): duplicate id") != std::string::npos);
  DocumentGraph unknown_subject = SampleGraph("bad.txt");
  unknown_subject.relations.push_back(MakeRelation("ghost", Predicate::kConducts, "a1"));
  const Status ghost = store->PutDocument(MakeInfo("bad.txt", "h"), unknown_subject).status();
  CHECK(ghost.IsInvalidArgument());
  CHECK(ghost.message().find("unknown subject \"ghost\"") != std::string::npos);
  Result<StoreStats> stats = store->Stats();
  REQUIRE_OK(stats.status());
  CHECK(stats->entities == 0);
  CHECK(stats->documents == 0);
  RequireConsistent(*store);
}

TEST_CASE("Store data survives reopening, read-only") {
  TempDir dir;
  {
    auto store = OpenStore(dir / "db");
    REQUIRE_OK(store->PutDocument(MakeInfo("a.txt", "h1"), SampleGraph("a.txt")).status());
  }
  auto reader = OpenStore(dir / "db", StoreOptions::ForReading());
  CHECK(AllTriples(*reader).size() == 2);
  CHECK(reader->PutDocument(MakeInfo("b.txt", "h"), SampleGraph("b.txt")).status().code() ==
        Status::Code::kNotSupported);
  RequireConsistent(*reader);
  std::unique_ptr<Store> missing;
  CHECK(Store::Open(StoreOptions::ForReading(), dir / "nothing", &missing).IsNotFound());
}

TEST_CASE("Store creation left half-done is redone whole") {
  TempDir dir;
  const std::string db = dir / "db";
  // What a creation killed before CURRENT leaves: RocksDB files and a staging folder.
  std::filesystem::create_directories(db + "/.creating");
  WriteFile(db + "/MANIFEST-000001", "half a manifest");
  WriteFile(db + "/.creating/OPTIONS-000005", "half the options");
  std::unique_ptr<Store> missing;
  CHECK(Store::Open(StoreOptions::ForReading(), db, &missing).IsNotFound());
  {
    auto store = OpenStore(db);
    REQUIRE_OK(store->PutDocument(MakeInfo("a.txt", "h1"), SampleGraph("a.txt")).status());
  }
  CHECK_FALSE(std::filesystem::exists(db + "/.creating"));
  auto reader = OpenStore(db, StoreOptions::ForReading());
  CHECK(AllTriples(*reader).size() == 2);
  RequireConsistent(*reader);
}

// Everything a store holds that its users can see, ids left out.
std::vector<std::string> Content(const Store& store) {
  std::vector<std::string> out;
  std::map<EntityId, std::string> names;
  REQUIRE_OK(store.ScanEntities([&](const EntityRecord& e) {
    std::string aliases;
    for (const std::string& a : e.aliases) aliases += a + ",";
    names[e.id] = std::to_string(static_cast<int>(e.type)) + ":" + e.name;
    out.push_back(names[e.id] + " [" + aliases + "] docs=" + std::to_string(e.document_count));
    return true;
  }));
  for (const TripleRecord& t : AllTriples(store)) {
    std::string prov;
    REQUIRE_OK(store.ScanProvenance(t, [&](const ProvenanceRecord& p) {
      prov += p.doc + "@" + std::to_string(p.evidence.start) + ";";
      return true;
    }));
    out.push_back(names[t.subject] + " " + std::to_string(static_cast<int>(t.predicate)) + " " + names[t.object] +
                  " support=" + std::to_string(t.support) + " " + prov);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Document i: a shared agency, its own program, and a program shared by
// documents with the same i % 3; `titled`: and a person holding two posts.
DocumentGraph GroupGraph(int i, const std::string& path, bool titled = false) {
  const uint32_t at = static_cast<uint32_t>(i);
  DocumentGraph g;
  g.doc = path;
  g.entities.push_back(MakeEntity("a", EntityType::kAgency, "自治区公安厅", {"公安厅", "厅" + std::to_string(i % 2)}));
  g.entities.push_back(MakeEntity("p", EntityType::kProgram, "行动" + std::to_string(i)));
  g.entities.push_back(MakeEntity("q", EntityType::kProgram, "共同行动" + std::to_string(i % 3)));
  g.relations.push_back(MakeRelation("a", Predicate::kConducts, "p", {at, at + 2}));
  g.relations.push_back(MakeRelation("a", Predicate::kConducts, "q", {at, at + 3}));
  g.relations.push_back(MakeRelation("p", Predicate::kPartOf, "q", {at, at + 4}));
  if (!titled) return g;
  // One subject, predicate and object under two titles: two triples whose
  // keys differ only after the ids (a sorted load orders them in every index).
  g.entities.push_back(MakeEntity("m", EntityType::kPerson, "人员" + std::to_string(i % 4)));
  for (const char* title : {"局长", i % 2 == 0 ? "副局长" : "政委"}) {
    g.relations.push_back(MakeRelation("m", Predicate::kHoldsPost, "a", {at, at + 5}));
    g.relations.back().title = title;
  }
  return g;
}

TEST_CASE("A bulk load stores the same as one document at a time") {
  // Batched, and sorted with so little memory that every document spills a
  // run (the merge then reads tens of runs per column family).
  const bool sorted = GENERATE(false, true);
  INFO((sorted ? "sorted" : "batched"));
  TempDir dir;
  StoreOptions bulk;
  bulk.bulk_load = true;
  auto one_by_one = OpenStore(dir / "one");
  auto grouped = OpenStore(dir / "bulk", bulk);
  if (sorted) REQUIRE_OK(grouped->StartSortedLoad(1024));
  CHECK(grouped->SortedLoad() == sorted);
  auto put = [](Store& s, int i, const std::string& hash) {
    const std::string path = "doc" + std::to_string(i) + ".txt";
    Result<PutOutcome> r = s.PutDocument(MakeInfo(path, hash), GroupGraph(i, path, /*titled=*/true));
    REQUIRE_OK(r.status());
    return *r;
  };
  for (int i = 0; i < 30; ++i) {
    CHECK(put(*one_by_one, i, "h") == PutOutcome::kAdded);
    CHECK(put(*grouped, i, "h") == PutOutcome::kAdded);
  }
  // Staged documents are not visible before the group is committed.
  Result<std::optional<DocumentRecord>> staged = grouped->GetDocument("doc3.txt");
  REQUIRE_OK(staged.status());
  CHECK_FALSE(staged->has_value());

  // The same path again inside a group: unchanged, then changed (replaced).
  CHECK(put(*grouped, 3, "h") == PutOutcome::kUnchanged);
  CHECK(put(*one_by_one, 3, "h") == PutOutcome::kUnchanged);
  for (int i = 30; i < 40; ++i) {
    put(*one_by_one, i, "h");
    put(*grouped, i, "h");
  }
  CHECK(put(*grouped, 35, "changed") == PutOutcome::kReplaced);
  CHECK(put(*one_by_one, 35, "changed") == PutOutcome::kReplaced);
  // Removing a document that is still staged.
  put(*grouped, 40, "h");
  put(*one_by_one, 40, "h");
  REQUIRE_OK(grouped->RemoveDocument("doc40.txt"));
  REQUIRE_OK(one_by_one->RemoveDocument("doc40.txt"));
  put(*grouped, 41, "h");
  put(*one_by_one, 41, "h");
  REQUIRE_OK(grouped->Commit());
  CHECK_FALSE(std::filesystem::exists(dir / "bulk/sorted-load.tmp"));
  // A second run after the first commit adds to stored counters.
  for (int i = 42; i < 50; ++i) {
    put(*one_by_one, i, "h");
    put(*grouped, i, "h");
  }
  REQUIRE_OK(grouped->Commit());

  RequireConsistent(*grouped);
  CHECK(Content(*grouped) == Content(*one_by_one));
  Result<StoreStats> a = grouped->Stats(), b = one_by_one->Stats();
  REQUIRE_OK(a.status());
  REQUIRE_OK(b.status());
  CHECK(a->documents == 49);
  CHECK(a->documents == b->documents);
  CHECK(a->triples == b->triples);
  CHECK(a->entities == b->entities);
}

TEST_CASE("A sorted load under a small budget spills runs of a quarter budget, not one per document") {
  // Every family holds a 4 MB chunk once it has a row: memory is over a 4 MB
  // budget from the first document on, but the rows of 200 documents are
  // less than a quarter of it, so nothing is spilled. (More documents than
  // the 64 that may wait to be emitted: most are emitted when the last put
  // returns.)
  TempDir dir;
  StoreOptions bulk;
  bulk.bulk_load = true;
  auto store = OpenStore(dir / "bulk", bulk);
  REQUIRE_OK(store->StartSortedLoad(size_t{4} << 20));
  for (int i = 0; i < 200; ++i) {
    const std::string path = "doc" + std::to_string(i) + ".txt";
    REQUIRE_OK(store->PutDocument(MakeInfo(path, "h"), GroupGraph(i, path, /*titled=*/true)).status());
  }
  CHECK_FALSE(std::filesystem::exists(dir / "bulk/sorted-load.tmp"));
  REQUIRE_OK(store->Commit());
  Result<StoreStats> stats = store->Stats();
  REQUIRE_OK(stats.status());
  CHECK(stats->documents == 200);
  RequireConsistent(*store);
}

TEST_CASE("Closing a bulk-loading store commits what it staged") {
  TempDir dir;
  StoreOptions bulk;
  bulk.bulk_load = true;
  {
    auto store = OpenStore(dir / "db", bulk);
    for (int i = 0; i < 5; ++i) {
      const std::string path = "d" + std::to_string(i);
      REQUIRE_OK(store->PutDocument(MakeInfo(path, "h"), GroupGraph(i, path)).status());
    }
  }
  auto reader = OpenStore(dir / "db", StoreOptions::ForReading());
  RequireConsistent(*reader);
  Result<StoreStats> st = reader->Stats();
  REQUIRE_OK(st.status());
  CHECK(st->documents == 5);
  CHECK(st->triples == 5 * 2 + 3);  // own program ×2, shared programs ×3 (conducts)
}

TEST_CASE("A scan of all entities gives what GetEntity gives, and batched basics keep the order") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  for (int i = 0; i < 12; ++i) {
    const std::string path = "doc" + std::to_string(i);
    REQUIRE_OK(store->PutDocument(MakeInfo(path, "h"), GroupGraph(i, path)).status());
  }
  REQUIRE_OK(store->RemoveDocument("doc4"));  // leaves a gap in the ids and drops an alias count
  std::vector<EntityRecord> scanned;
  REQUIRE_OK(store->ScanEntities([&](const EntityRecord& e) {
    scanned.push_back(e);
    return true;
  }));
  REQUIRE(scanned.size() == 1 + 11 + 3);
  std::vector<EntityId> ids;
  for (const EntityRecord& e : scanned) {
    Result<std::optional<EntityRecord>> one = store->GetEntity(e.id);
    REQUIRE_OK(one.status());
    REQUIRE(one->has_value());
    CHECK((*one)->name == e.name);
    CHECK((*one)->aliases == e.aliases);
    CHECK((*one)->document_count == e.document_count);
    ids.push_back(e.id);
  }
  // Ids are hashes of the terms (the scan order does not follow ingest).
  const auto agency_it = std::find_if(scanned.begin(), scanned.end(),
                                      [](const EntityRecord& e) { return e.name == "自治区公安厅"; });
  REQUIRE(agency_it != scanned.end());
  const EntityRecord& agency = *agency_it;
  CHECK(agency.aliases == std::vector<std::string>{"公安厅", "厅0", "厅1"});
  CHECK(agency.document_count == 11);

  std::reverse(ids.begin(), ids.end());
  ids.insert(ids.begin() + 1, 999999);  // not stored
  Result<std::vector<std::optional<EntityRecord>>> basics = store->GetEntitiesBasics(ids);
  REQUIRE_OK(basics.status());
  REQUIRE(basics->size() == ids.size());
  CHECK_FALSE((*basics)[1].has_value());
  CHECK((*basics)[0]->name == scanned.back().name);
  CHECK(basics->back()->name == scanned.front().name);
  CHECK(basics->back()->aliases.empty());  // basics only
}

TEST_CASE("Store gives a second writer a Busy error naming the pid") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  // flock locks belong to the open file description, so a second Open in the
  // same process conflicts just as another process would.
  std::unique_ptr<Store> second;
  const Status s = Store::Open(StoreOptions{}, dir / "db", &second);
  CHECK(s.IsBusy());
  CHECK(s.message().find("store is in use (pid " + std::to_string(::getpid()) + ")") != std::string::npos);
  auto reader = OpenStore(dir / "db", StoreOptions::ForReading());
  CHECK(AllTriples(*reader).empty());
}

DocumentGraph CampaignDoc(const std::string& path, const std::string& name, std::vector<std::string> aliases,
                          const std::string& scope) {
  DocumentGraph g;
  g.doc = path;
  g.region = scope;
  Entity agency = MakeEntity("a1", EntityType::kAgency, "公安机关");
  agency.scope = scope;
  Entity program = MakeEntity("p1", EntityType::kProgram, name, std::move(aliases));
  program.scope = scope;
  g.entities = {agency, program};
  g.relations.push_back(MakeRelation("a1", Predicate::kConducts, "p1"));
  return g;
}

// The names of the node that the form `name` (of type Program, of `scope`) belongs to.
std::set<std::string> NodeNames(const Store& store, const std::string& name, const std::string& scope) {
  std::set<std::string> names;
  Result<std::vector<EntityRecord>> forms = store.FindForms(name);
  REQUIRE_OK(forms.status());
  for (const EntityRecord& form : *forms) {
    if (form.type != EntityType::kProgram || form.scope != scope) continue;
    Result<std::vector<EntityId>> node = store.SameNode(form.id);
    REQUIRE_OK(node.status());
    for (const EntityId m : *node) names.insert((*store.GetForm(m))->name);
  }
  return names;
}

TEST_CASE("Store joins a short form and its full name in one scope, in any order, and splits on removal") {
  const std::vector<std::pair<std::string, DocumentGraph>> docs = {
      {"000.txt", CampaignDoc("000.txt", "夏季行动", {}, "150000")},
      {"002.txt", CampaignDoc("002.txt", "夏季治安打击整治行动", {"夏季行动"}, "150000")},
      {"gd.txt", CampaignDoc("gd.txt", "夏季行动", {}, "440700")},  // another province's 夏季行动
  };
  const std::set<std::string> joined = {"夏季行动", "夏季治安打击整治行动"};
  for (const bool reverse : {false, true}) {
    TempDir dir;
    auto store = OpenStore(dir / "db");
    for (size_t i = 0; i < docs.size(); ++i) {
      const auto& [path, g] = docs[reverse ? docs.size() - 1 - i : i];
      REQUIRE_OK(store->PutDocument(MakeInfo(path, "h" + path), g).status());
    }
    CHECK(NodeNames(*store, "夏季行动", "150000") == joined);
    CHECK(NodeNames(*store, "夏季治安打击整治行动", "150000") == joined);
    CHECK(NodeNames(*store, "夏季行动", "440700") == std::set<std::string>{"夏季行动"});
    RequireConsistent(*store);

    REQUIRE_OK(store->RemoveDocument("002.txt"));  // it alone gave the alias
    CHECK(NodeNames(*store, "夏季行动", "150000") == std::set<std::string>{"夏季行动"});
    REQUIRE_OK(store->PutDocument(MakeInfo("002.txt", "h002.txt"), docs[1].second).status());
    CHECK(NodeNames(*store, "夏季行动", "150000") == joined);
  }
}

TEST_CASE("Store refuses a scope it does not understand, naming the entity") {
  TempDir dir;
  auto store = OpenStore(dir / "db");
  DocumentGraph g = CampaignDoc("x.txt", "夏季行动", {}, "内蒙古");
  const Status s = store->PutDocument(MakeInfo("x.txt", "h"), g).status();
  CHECK(s.ToString().find("x.txt") != std::string::npos);
  CHECK(s.ToString().find("entity 0 (\"a1\"): scope \"内蒙古\"") != std::string::npos);
}

}  // namespace
}  // namespace govkg
