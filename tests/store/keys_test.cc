// tests/store/keys_test.cc: the key encoding of store/keys_internal.h.
#include <catch2/catch.hpp>

#include "store/identity.h"
#include "store/bulk_group_internal.h"
#include "store/keys_internal.h"

namespace govkg::internal {
namespace {

TEST_CASE("Keys order ids numerically and round-trip triples") {
  CHECK(EntityKey(1) < EntityKey(256));
  CHECK(EntityKey(255) < EntityKey(256));
  const TripleKey t{0x0102030405060708ULL, Predicate::kHoldsPost, 42, "总队长"};
  TripleKey back;
  REQUIRE(DecodeSpoKey(SpoKey(t), &back));
  CHECK(back == t);
  REQUIRE(DecodePosKey(PosKey(t), &back));
  CHECK(back == t);
  REQUIRE(DecodeOspKey(OspKey(t), &back));
  CHECK(back == t);
  CHECK(SpoKey(t).substr(0, 8) == EntityKey(t.s));
  CHECK(PosKey(t)[0] == static_cast<char>(Predicate::kHoldsPost));
  CHECK(OspKey(t).substr(0, 8) == EntityKey(42));
  CHECK_FALSE(DecodeSpoKey("short", &back));
  std::string bad_predicate = SpoKey(t);
  bad_predicate[8] = 99;
  CHECK_FALSE(DecodeSpoKey(bad_predicate, &back));
}

TEST_CASE("TermMap finds, keeps the first id and erases inside probe runs") {
  TermMap m;
  CHECK(m.find("a") == nullptr);
  for (EntityId i = 1; i <= 5000; ++i) m.emplace("term" + std::to_string(i), i);
  m.emplace("term7", 99);  // present: unchanged
  CHECK(m.size() == 5000);
  REQUIRE(m.find("term7") != nullptr);
  CHECK(*m.find("term7") == 7);
  CHECK(m.find("term5001") == nullptr);
  // Every other term erased: the rest must still be found past the holes.
  for (EntityId i = 1; i <= 5000; i += 2) m.erase("term" + std::to_string(i));
  m.erase("absent");
  CHECK(m.size() == 2500);
  for (EntityId i = 1; i <= 5000; ++i) {
    const EntityId* id = m.find("term" + std::to_string(i));
    if (i % 2 == 1) {
      CHECK(id == nullptr);
    } else {
      REQUIRE(id != nullptr);
      CHECK(*id == i);
    }
  }
  size_t visited = 0;
  m.ForEach([&](std::string_view term, EntityId id) {
    ++visited;
    CHECK(term == "term" + std::to_string(id));
  });
  CHECK(visited == 2500);
  m.clear();
  CHECK(m.empty());
  CHECK(m.find("term2") == nullptr);
}

TEST_CASE("Identity: a metric is its observation, never its name alone") {
  Entity m;
  m.type = EntityType::kMetric;
  m.name = "抓获犯罪嫌疑人";
  m.metric = MetricValue{353, "名", "", ""};
  m.mentions = {{120, 129}, {80, 88}};
  Entity other = m;
  other.metric->value = 5840;
  other.mentions = {{300, 309}};
  // The earliest mention names the observation; the document its content hash.
  CHECK(IdentityScope(m, "0123456789abcdef0123").starts_with("doc-0123456789abcdef/80-88."));
  CHECK(IdentityScope(other, "0123456789abcdef0123").starts_with("doc-0123456789abcdef/300-309."));
  // Two figures read from one span stay two.
  other.mentions = m.mentions;
  CHECK(IdentityScope(m, "0123456789abcdef0123") != IdentityScope(other, "0123456789abcdef0123"));
  CHECK(IdentityScope(m, "aaaaaaaaaaaaaaaa") != IdentityScope(m, "bbbbbbbbbbbbbbbb"));
  // Without a span: name, value, unit and period; -0 and +0 are one value.
  m.mentions.clear();
  other.mentions.clear();
  CHECK(IdentityScope(m, "h") != IdentityScope(other, "h"));
  Entity qualified = m;
  qualified.metric->qualifier = "约";
  CHECK(IdentityScope(m, "h") == IdentityScope(qualified, "h"));
  Entity zero = m, minus_zero = m;
  zero.metric->value = 0.0;
  minus_zero.metric->value = -0.0;
  CHECK(IdentityScope(zero, "h") == IdentityScope(minus_zero, "h"));
  CHECK(EncodeTerm(EntityType::kMetric, m.name, "doc-1/1-2").starts_with(TermNamePrefix(EntityType::kMetric, m.name)));
}

TEST_CASE("Identity: type, scope and name, and \"doc\" stays in its document") {
  Entity e;
  e.name = "公安机关";
  e.scope = "150000";
  CHECK(IdentityScope(e, "abc") == "150000");
  e.scope = "";
  CHECK(IdentityScope(e, "abc") == "");
  e.scope = "doc";
  CHECK(IdentityScope(e, "0123456789abcdefff") == "doc-0123456789abcdef");
  CHECK(EncodeTerm(EntityType::kAgency, "公安厅", "") != EncodeTerm(EntityType::kProgram, "公安厅", ""));
  CHECK(EncodeTerm(EntityType::kAgency, "公安机关", "150000") != EncodeTerm(EntityType::kAgency, "公安机关", "440700"));
  CHECK(EncodeTerm(EntityType::kAgency, "公安机关", "") != EncodeTerm(EntityType::kAgency, "公安机关", "440700"));
  CHECK(ValidScope(""));
  CHECK(ValidScope("doc"));
  CHECK(ValidScope("150000"));
  CHECK(ValidScope("15"));
  CHECK_FALSE(ValidScope("内蒙古"));
  CHECK_FALSE(ValidScope("doc-1234"));
  CHECK_FALSE(ValidScope("1"));
}

TEST_CASE("Identity: a node key reads back into its type, scope and name") {
  const struct {
    EntityType type;
    std::string scope, name;
  } cases[] = {{EntityType::kAgency, "", "内蒙古自治区公安厅"},
               {EntityType::kAgency, "150000", "公安机关"},
               {EntityType::kMetric, "doc-0123456789abcdef/80-88.1a2b3c4d", "破获案件"},
               {EntityType::kProgram, "", "a/b%2Fc%"},
               {EntityType::kPerson, "doc-0123456789abcdef", "王/五"}};
  for (const auto& c : cases) {
    const std::optional<NodeKeyParts> parts = ParseNodeKey(NodeKey(c.type, c.scope, c.name));
    REQUIRE(parts.has_value());
    CHECK(parts->type == c.type);
    CHECK(parts->scope == c.scope);
    CHECK(parts->name == c.name);
  }
  CHECK_FALSE(ParseNodeKey("公安机关").has_value());
  CHECK_FALSE(ParseNodeKey("Agency/").has_value());
  CHECK_FALSE(ParseNodeKey("Office/150000/公安机关").has_value());
}

TEST_CASE("Identity: node keys are readable and never collide across scopes") {
  CHECK(NodeKey(EntityType::kAgency, "", "内蒙古自治区公安厅") == "Agency/内蒙古自治区公安厅");
  CHECK(NodeKey(EntityType::kAgency, "150000", "公安机关") == "Agency/150000/公安机关");
  CHECK(NodeKey(EntityType::kMetric, "doc-0123456789abcdef/80-88", "破获案件") ==
        "Metric/doc-0123456789abcdef/80-88/破获案件");
  // A slash inside a name cannot fake a scope.
  CHECK(NodeKey(EntityType::kAgency, "", "150000/公安机关") != NodeKey(EntityType::kAgency, "150000", "公安机关"));
  CHECK(NodeKey(EntityType::kAgency, "", "a%2Fb") != NodeKey(EntityType::kAgency, "", "a/b"));
  CHECK(DocumentKey("0123456789abcdef0123456789abcdef") == "doc-0123456789abcdef");
  // What govkg check accepts in an entity record.
  CHECK(ValidStoredScope(EntityType::kAgency, ""));
  CHECK(ValidStoredScope(EntityType::kAgency, "150000"));
  CHECK(ValidStoredScope(EntityType::kAgency, "doc-0123456789abcdef"));
  CHECK_FALSE(ValidStoredScope(EntityType::kAgency, "doc"));
  CHECK_FALSE(ValidStoredScope(EntityType::kMetric, ""));
  CHECK(ValidStoredScope(EntityType::kMetric, "doc-0123456789abcdef/80-88.1a2b3c4d"));
}

TEST_CASE("Keys round-trip values and refuse truncated ones") {
  DocValue d;
  d.record.path = "a/b.txt";
  d.record.content_hash = "abcd";
  d.record.size = 123456;
  d.record.ingest_time = 1700000000;
  d.record.extractor = "lexicon/1";
  d.entities = {1, 2, 300};
  d.triples = {SpoKey(TripleKey{1, Predicate::kConducts, 2, ""})};
  const std::string v = EncodeDocValue(d);
  DocValue back;
  REQUIRE(DecodeDocValue(v, &back));
  CHECK(back.record.path == "a/b.txt");
  CHECK(back.record.size == 123456);
  CHECK(back.record.ingest_time == 1700000000);
  CHECK(back.entities == d.entities);
  CHECK(back.triples == d.triples);
  CHECK(back.record.triple_count == 1);
  for (size_t n = 0; n < v.size(); ++n) CHECK_FALSE(DecodeDocValue(v.substr(0, n), &back));

  EntityRecord r;
  r.type = EntityType::kMetric;
  r.name = "破获案件";
  r.metric = MetricValue{-1.5, "%", "约", "同比"};
  EntityRecord r2;
  REQUIRE(DecodeEntityValue(EncodeEntityValue(r), &r2));
  CHECK(r2.name == r.name);
  CHECK(r2.metric == r.metric);

  CHECK(DecodeCounter(EncodeCounter(-3)) == -3);
  CHECK(DecodeCounter(EncodeCounter(1LL << 40)) == (1LL << 40));
  MentionValue m{{{1, 2}, {7, 9}}, {"x", "yy"}};
  MentionValue m2;
  REQUIRE(DecodeMention(EncodeMention(m), &m2));
  CHECK(m2.spans == m.spans);
  CHECK(m2.aliases == m.aliases);
}

}  // namespace
}  // namespace govkg::internal
