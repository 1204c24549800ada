// Tests of extract/decode.cc: encoding detection, bad bytes, binary input.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extract/text/decode_internal.h"

namespace govkg::internal {
namespace {

DecodedText MustDecode(std::string_view bytes, BadInputPolicy policy = BadInputPolicy::kSkip) {
  Result<DecodedText> r = DecodeBytes("a.txt", bytes, policy);
  INFO(r.status().ToString());
  REQUIRE(r.ok());
  return std::move(r).value();
}

std::string ErrorOf(std::string_view bytes, BadInputPolicy policy = BadInputPolicy::kSkip) {
  Result<DecodedText> r = DecodeBytes("a.txt", bytes, policy);
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.status().IsInvalidArgument());
  return r.status().message();
}

TEST_CASE("decode: plain UTF-8") {
  const DecodedText d = MustDecode("公安厅 ok");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == U"公安厅 ok");
  CHECK(d.problems.empty());
}

TEST_CASE("decode: Utf8Offsets slice the whole text's UTF-8 as ToUtf8 encodes each slice") {
  // One, two, three and four bytes, a lone surrogate and a code point past
  // U+10FFFF (both written as U+FFFD).
  const std::u32string text = {U'a', U'\u00E9', U'\u516C', U'\U0001F600', char32_t{0xD800},
                               char32_t{0x110000}, U'z'};
  const std::string utf8 = ToUtf8(text);
  const std::vector<uint32_t> at = Utf8Offsets(text);
  REQUIRE(at.size() == text.size() + 1);
  CHECK(at.front() == 0);
  CHECK(at.back() == utf8.size());
  for (size_t a = 0; a <= text.size(); ++a) {
    for (size_t b = a; b <= text.size(); ++b) {
      INFO(a << ".." << b);
      CHECK(utf8.substr(at[a], at[b] - at[a]) == ToUtf8(std::u32string_view(text).substr(a, b - a)));
    }
  }
  CHECK(Utf8Offsets(U"") == std::vector<uint32_t>{0});
}

TEST_CASE("decode: UTF-8 BOM is dropped") {
  const DecodedText d = MustDecode("\xEF\xBB\xBF公安");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == U"公安");
}

TEST_CASE("decode: UTF-16LE and UTF-16BE with BOM") {
  const std::string le("\xFF\xFE\x6c\x51\x89\x5b\x3d\xd8\x00\xde\x41\x00", 12);
  DecodedText d = MustDecode(le);
  CHECK(d.encoding == "UTF-16LE");
  CHECK(d.text == U"公安\U0001F600A");
  const std::string be("\xFE\xFF\x51\x6c\x5b\x89\xd8\x3d\xde\x00\x00\x41", 12);
  d = MustDecode(be);
  CHECK(d.encoding == "UTF-16BE");
  CHECK(d.text == U"公安\U0001F600A");
}

TEST_CASE("decode: UTF-16 truncated code unit and low surrogate first") {
  const std::string odd("\xFF\xFE\x41\x00\x42", 5);
  CHECK(ErrorOf(odd) == "extract: a.txt: byte 4: truncated UTF-16 code unit");
  const std::string low_first("\xFE\xFF\xDC\x00\x00\x41", 6);
  const DecodedText d = MustDecode(low_first, BadInputPolicy::kReplace);
  CHECK(d.text == U"\uFFFDA");
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].description == "unpaired UTF-16 surrogate 0xDC00");
}

TEST_CASE("decode: UTF-16 lone surrogate is an error or a replacement") {
  const std::string le("\xFF\xFE\x6c\x51\x00\xd8\x41\x00", 8);
  CHECK(ErrorOf(le) == "extract: a.txt: byte 4: unpaired UTF-16 surrogate 0xD800");
  const DecodedText d = MustDecode(le, BadInputPolicy::kReplace);
  CHECK(d.text == U"公\uFFFDA");
  REQUIRE(d.problems.size() == 1);
  CHECK(d.problems[0].byte_offset == 4);
}

TEST_CASE("decode: GBK bytes (not valid UTF-8) decode as GB18030") {
  // "公安厅发布通知。" in GBK (iconv -t GBK).
  const std::string gbk(
      "\xb9\xab\xb0\xb2\xcc\xfc\xb7\xa2\xb2\xbc\xcd\xa8\xd6\xaa\xa1\xa3");
  const DecodedText d = MustDecode(gbk);
  CHECK(d.encoding == "GB18030");
  CHECK(d.text == U"公安厅发布通知。");
}

TEST_CASE("decode: GB18030 four-byte sequences") {
  // "€😀" then "𠀀" in GB18030 (iconv -t GB18030), with ASCII around.
  const std::string gb("x\xa2\xe3\x94\x39\xfc\x36\x95\x32\x82\x36y");
  const DecodedText d = MustDecode(gb);
  CHECK(d.encoding == "GB18030");
  CHECK(d.text == U"x€\U0001F600\U00020000y");
}

TEST_CASE("decode: invalid UTF-8 reports the first bad byte") {
  CHECK(ErrorOf("abc\xFF") == "extract: a.txt: byte 3: invalid UTF-8 byte 0xFF");
  CHECK(ErrorOf("abc\xFF", BadInputPolicy::kFail) ==
        "extract: a.txt: byte 3: invalid UTF-8 byte 0xFF");
  // Mostly UTF-8 Chinese text with one damaged byte stays UTF-8 (its GB18030
  // reading would be mojibake).
  const std::string damaged = "公安厅发布通知公安厅发布通知\x80公安厅";
  CHECK(ErrorOf(damaged) == "extract: a.txt: byte 42: invalid UTF-8 byte 0x80");
}

TEST_CASE("decode: overlong, surrogate and out-of-range UTF-8 are invalid") {
  // Chinese UTF-8 around the bad sequence makes the text clearly UTF-8
  // (without it, such short byte strings are valid GB18030).
  const std::string cn = "公安厅发布通知公安厅";  // 30 bytes
  CHECK(ErrorOf(cn + "\xC0\xAF") == "extract: a.txt: byte 30: invalid UTF-8 byte 0xC0");
  CHECK(ErrorOf(cn + "\xE0\x80\xAF") == "extract: a.txt: byte 30: invalid UTF-8 byte 0xE0");
  CHECK(ErrorOf(cn + "\xED\xA0\x80") == "extract: a.txt: byte 30: invalid UTF-8 byte 0xED");
  CHECK(ErrorOf(cn + "\xF4\x90\x80\x80") == "extract: a.txt: byte 30: invalid UTF-8 byte 0xF4");
  // 0xFF is neither UTF-8 nor GB18030.
  CHECK(ErrorOf("a\xFF") == "extract: a.txt: byte 1: invalid UTF-8 byte 0xFF");
}

TEST_CASE("decode: four-byte UTF-8 outside the BMP") {
  const DecodedText d = MustDecode("\xF0\xA0\x80\x80\xF0\x9F\x98\x80");
  CHECK(d.text == U"\U00020000\U0001F600");
}

TEST_CASE("decode: replace policy substitutes U+FFFD and lists problems") {
  const DecodedText d = MustDecode("a\xFF" "b\xE4\xB8" "c", BadInputPolicy::kReplace);
  CHECK(d.text == U"a\uFFFDb\uFFFDc");
  REQUIRE(d.problems.size() == 2);
  CHECK(d.problems[0].byte_offset == 1);
  CHECK(d.problems[0].description == "invalid UTF-8 byte 0xFF");
  CHECK(d.problems[1].byte_offset == 3);
  CHECK(d.problems[1].description == "invalid UTF-8 byte 0xE4");
}

TEST_CASE("decode: stray continuation bytes outnumbering the other bytes") {
  // The first pass sizes the text by the bytes that start a code point; a
  // run of stray continuation bytes gives a U+FFFD each beyond that count.
  const std::string bytes = "\xE5\x85\xAC" + std::string(40, '\x80') + "ab";
  const DecodedText d = MustDecode(bytes, BadInputPolicy::kReplace);
  CHECK(d.text == U"公" + std::u32string(40, U'\uFFFD') + U"ab");
  CHECK(d.problems.size() == 40);
}

TEST_CASE("decode: empty input is empty text") {
  const DecodedText d = MustDecode("");
  CHECK(d.text.empty());
  CHECK(d.problems.empty());
}

TEST_CASE("decode: NUL bytes are refused as binary data") {
  const std::string bin("PK\x03\x04\x00\x00zz", 8);
  CHECK(ErrorOf(bin) == "extract: a.txt: byte 4: binary data (NUL byte)");
  CHECK(ErrorOf(bin, BadInputPolicy::kReplace) ==
        "extract: a.txt: byte 4: binary data (NUL byte)");
  // In UTF-16 the zero bytes of ASCII are fine; a NUL code unit is not.
  const std::string le("\xFF\xFE\x41\x00\x00\x00", 6);
  CHECK(ErrorOf(le) == "extract: a.txt: byte 4: binary data (NUL byte)");
  // After a surrogate pair the offset still counts bytes.
  const std::string astral("\xFF\xFE\x3d\xd8\x00\xde\x00\x00", 8);
  CHECK(ErrorOf(astral) == "extract: a.txt: byte 6: binary data (NUL byte)");
}

TEST_CASE("decode: ToUtf8 and FromUtf8 round-trip") {
  const std::u32string text = U"a公\u00e9\U00020000%";
  CHECK(FromUtf8(ToUtf8(text)) == text);
  CHECK(ToUtf8(U"公安") == "公安");
  CHECK(FromUtf8("x\xFFy") == U"x\uFFFDy");  // never crashes on bad input
}

}  // namespace
}  // namespace govkg::internal
