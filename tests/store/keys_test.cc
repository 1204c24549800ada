// tests/store/keys_test.cc: the key encoding of store/keys_internal.h.
#include <catch2/catch.hpp>

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

TEST_CASE("Keys give metric observations distinct terms") {
  const MetricValue a{5748, "起", "", "行动以来"};
  MetricValue b = a;
  b.value = 5749;
  MetricValue c = a;
  c.qualifier = "约";  // not part of the identity
  CHECK(EncodeTerm(EntityType::kMetric, "破获案件", a) != EncodeTerm(EntityType::kMetric, "破获案件", b));
  CHECK(EncodeTerm(EntityType::kMetric, "破获案件", a) == EncodeTerm(EntityType::kMetric, "破获案件", c));
  CHECK(EncodeTerm(EntityType::kMetric, "破获案件", a).starts_with(TermNamePrefix(EntityType::kMetric, "破获案件")));
  CHECK(EncodeTerm(EntityType::kAgency, "公安厅", std::nullopt) != EncodeTerm(EntityType::kProgram, "公安厅", std::nullopt));
  CHECK(EncodeTerm(EntityType::kMetric, "x", MetricValue{0.0, "", "", ""}) ==
        EncodeTerm(EntityType::kMetric, "x", MetricValue{-0.0, "", "", ""}));
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
