// extract/decode.cc: bytes → code points (see decode_internal.h).
//
// UTF-8 and UTF-16 are decoded by hand (they are the common case and must be
// fast, and we want exact byte offsets for every problem); GB18030/GBK goes
// through ICU's converter with a STOP callback so that only text that is
// entirely valid GB18030 is accepted as such.
#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <cstdio>
#include <memory>

#include "extract/text/decode_internal.h"

namespace govkg::internal {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

std::string HexByte(unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "0x%0*X", digits, value);
  return buf;
}

Status ProblemStatus(std::string_view doc_name, const DecodeProblem& problem) {
  std::string context = "extract: ";
  context += doc_name;
  context += ": byte ";
  context += std::to_string(problem.byte_offset);
  return Status::InvalidArgument(context, problem.description);
}

Status BinaryStatus(std::string_view doc_name, size_t offset) {
  return ProblemStatus(doc_name, DecodeProblem{offset, "binary data (NUL byte)"});
}

// Length of the valid UTF-8 sequence at `i`, or 0 when invalid; on failure
// `*bad_len` is the maximal invalid subpart (≥1 byte) to replace as one unit,
// as the Unicode standard recommends (so "E4 B8" + ASCII is one U+FFFD).
inline size_t Utf8SeqAt(const unsigned char* s, size_t n, size_t i, char32_t* cp, size_t* bad_len) {
  const unsigned char c = s[i];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  // The common case of Chinese text first: a 3-byte sequence whose lead byte
  // needs no range check of its second byte (not E0, not ED).
  if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (s[i + 1] & 0xC0) == 0x80 &&
      (s[i + 2] & 0xC0) == 0x80) {
    *cp = (char32_t{c & 0x0Fu} << 12) | (char32_t{s[i + 1] & 0x3Fu} << 6) | (s[i + 2] & 0x3Fu);
    return 3;
  }
  size_t len;
  char32_t value;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    value = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    value = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    value = c & 0x07;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // > U+10FFFF
  } else {
    *bad_len = 1;
    return 0;
  }
  for (size_t k = 1; k < len; ++k) {
    const size_t j = i + k;
    const unsigned char b = j < n ? s[j] : 0;
    const bool ok = j < n && (k == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF));
    if (!ok) {
      *bad_len = k;
      return 0;
    }
    value = (value << 6) | (b & 0x3F);
  }
  *cp = value;
  return len;
}

struct Utf8Scan {
  size_t invalid = 0;    // invalid subparts
  size_t multibyte = 0;  // valid multi-byte sequences
  size_t first_nul = std::string_view::npos;
};

// Decodes UTF-8 starting at `skip` (after a BOM) and takes the census
// DecodeBytes decides on, in one pass: every document comes through here,
// and nearly all are valid, so their text is written through a pointer and
// done. Invalid subparts become U+FFFD without a report (a GBK file would
// have millions; DecodeUtf8 reports them once the text is known to be
// UTF-8). Stops at the first U+0000: the input is binary.
DecodedText DecodeUtf8Census(std::string_view bytes, size_t skip, Utf8Scan* scan) {
  DecodedText out;
  out.encoding = "UTF-8";
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  // Sized for the code points valid UTF-8 gives (one per byte that is no
  // continuation byte), not one per byte: resize() writes every slot, and
  // a slot per byte wrote three times the memory a Chinese text needs (page
  // faults on fresh memory are most of what a large document costs). Every
  // code point written consumes a byte of those, except a U+FFFD for stray
  // continuation bytes: the first of those grows the text to a slot per
  // byte, which nothing can overrun.
  size_t leads = 0;
  for (size_t i = skip; i < n; ++i) leads += (s[i] & 0xC0u) != 0x80u;
  out.text.resize(leads);
  char32_t* o = out.text.data();
  size_t invalid = 0, multibyte = 0;  // locals: the compiler keeps them in registers
  for (size_t i = skip; i < n;) {
    const unsigned c = s[i];
    if (c - 1 < 0x7F) {  // 0x01-0x7F
      *o++ = c;
      ++i;
      continue;
    }
    if (c == 0) {
      scan->first_nul = i;
      break;
    }
    // A run of Han text: three-byte sequences whose lead byte needs no range
    // check of its second byte (Utf8SeqAt's first case), decoded in a loop of
    // their own without the general case's branches.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
      size_t k = i;
      while (k + 2 < n) {
        const unsigned lead = s[k], b1 = s[k + 1], b2 = s[k + 2];
        if (lead < 0xE1 || lead > 0xEF || lead == 0xED || ((b1 ^ 0x80u) | (b2 ^ 0x80u)) >= 0x40) {
          break;
        }
        *o++ = (char32_t{lead & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
        k += 3;
      }
      if (k > i) {
        multibyte += (k - i) / 3;
        i = k;
        continue;
      }
    }
    if ((c & 0xC0u) == 0x80u && out.text.size() < n - skip) {
      const size_t at = static_cast<size_t>(o - out.text.data());
      out.text.resize(n - skip);  // at most one code point per byte
      o = out.text.data() + at;
    }
    char32_t cp;
    size_t bad = 0;
    const size_t len = Utf8SeqAt(s, n, i, &cp, &bad);
    if (len == 0) {
      ++invalid;
      *o++ = kReplacement;
      i += bad;
    } else {
      ++multibyte;
      *o++ = cp;
      i += len;
    }
  }
  scan->invalid = invalid;
  scan->multibyte = multibyte;
  out.text.resize(static_cast<size_t>(o - out.text.data()));
  return out;
}

// Decodes UTF-8 starting at `skip`, listing each invalid subpart (which
// becomes U+FFFD).
DecodedText DecodeUtf8(std::string_view bytes, size_t skip) {
  DecodedText out;
  out.encoding = "UTF-8";
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  out.text.reserve(n - skip);
  size_t i = skip;
  while (i < n) {
    char32_t cp;
    size_t bad = 0;
    const size_t len = Utf8SeqAt(s, n, i, &cp, &bad);
    if (len == 0) {
      out.problems.push_back({i, "invalid UTF-8 byte " + HexByte(s[i], 2)});
      out.text.push_back(kReplacement);
      i += bad;
    } else {
      out.text.push_back(cp);
      i += len;
    }
  }
  return out;
}

// `*first_nul` receives the byte offset of the first U+0000, or npos.
DecodedText DecodeUtf16(std::string_view bytes, bool big_endian, size_t* first_nul) {
  *first_nul = std::string_view::npos;
  DecodedText out;
  out.encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  out.text.reserve(n / 2);
  auto unit_at = [&](size_t i) -> char16_t {
    return big_endian ? static_cast<char16_t>((s[i] << 8) | s[i + 1])
                      : static_cast<char16_t>((s[i + 1] << 8) | s[i]);
  };
  size_t i = 2;  // after the BOM
  while (i + 1 < n) {
    const char16_t u = unit_at(i);
    if (u < 0xD800 || u > 0xDFFF) {
      if (u == 0 && *first_nul == std::string_view::npos) *first_nul = i;
      out.text.push_back(u);
      i += 2;
      continue;
    }
    if (u <= 0xDBFF && i + 3 < n) {
      const char16_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        out.text.push_back(0x10000 + ((char32_t{u} - 0xD800) << 10) + (low - 0xDC00));
        i += 4;
        continue;
      }
    }
    out.problems.push_back({i, "unpaired UTF-16 surrogate " + HexByte(u, 4)});
    out.text.push_back(kReplacement);
    i += 2;
  }
  if (i < n) {
    out.problems.push_back({i, "truncated UTF-16 code unit"});
    out.text.push_back(kReplacement);
  }
  return out;
}

// Strict GB18030: returns false when any byte sequence is invalid or unmapped.
bool DecodeGb18030(std::string_view bytes, DecodedText* out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("GB18030", &status),
                                                           ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  if (U_FAILURE(status)) return false;
  // GB18030 never yields more UTF-16 units than bytes.
  std::u16string utf16(bytes.size() + 1, u'\0');
  const int32_t len = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(utf16.data()),
                                    static_cast<int32_t>(utf16.size()), bytes.data(),
                                    static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out->encoding = "GB18030";
  out->text.clear();
  out->text.reserve(static_cast<size_t>(len));
  for (int32_t i = 0; i < len; ++i) {
    const char16_t u = utf16[static_cast<size_t>(i)];
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < len) {
      const char16_t low = utf16[static_cast<size_t>(i) + 1];
      if (low >= 0xDC00 && low <= 0xDFFF) {
        out->text.push_back(0x10000 + ((char32_t{u} - 0xD800) << 10) + (low - 0xDC00));
        ++i;
        continue;
      }
    }
    out->text.push_back(u);
  }
  return true;
}

Result<DecodedText> Finish(std::string_view doc_name, DecodedText decoded,
                           BadInputPolicy policy) {
  if (!decoded.problems.empty() && policy != BadInputPolicy::kReplace) {
    return ProblemStatus(doc_name, decoded.problems.front());
  }
  return decoded;
}

}  // namespace

Result<DecodedText> DecodeBytes(std::string_view doc_name, std::string_view bytes,
                                BadInputPolicy policy) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  if (n == 0) {
    DecodedText empty;
    empty.encoding = "UTF-8";
    return empty;
  }
  if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
    const bool big_endian = s[0] == 0xFE;
    size_t first_nul;
    DecodedText decoded = DecodeUtf16(bytes, big_endian, &first_nul);
    if (first_nul != std::string_view::npos) return BinaryStatus(doc_name, first_nul);
    return Finish(doc_name, std::move(decoded), policy);
  }
  const bool bom = n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF;
  Utf8Scan scan;
  DecodedText utf8 = DecodeUtf8Census(bytes, bom ? 3 : 0, &scan);
  if (scan.first_nul != std::string_view::npos) return BinaryStatus(doc_name, scan.first_nul);
  if (scan.invalid == 0) return utf8;
  std::u32string().swap(utf8.text);  // decoded again below: hold one copy at a time
  // Not valid UTF-8. Text that is mostly valid UTF-8 with a few damaged
  // bytes is UTF-8 (a GB18030 reading of it would be mojibake); otherwise
  // try GB18030, which also covers GBK and GB2312.
  const bool mostly_utf8 = bom || scan.multibyte >= 8 * scan.invalid;
  if (!mostly_utf8 && n < (size_t{1} << 30)) {  // ICU counts in int32_t
    DecodedText gb;
    if (DecodeGb18030(bytes, &gb)) return gb;
  }
  return Finish(doc_name, DecodeUtf8(bytes, bom ? 3 : 0), policy);
}

std::string ToUtf8(std::u32string_view text) {
  // Written through a pointer into a buffer sized for the worst case: this
  // runs for every name, quote and normalised text (5% of extraction when it
  // pushed byte by byte).
  std::string out(text.size() * 4, '\0');
  char* p = out.data();
  const auto put = [&p](unsigned v) { *p++ = static_cast<char>(v); };
  for (const char32_t c : text) {
    if (c < 0x80) {
      put(c);
    } else if (c < 0x800) {
      put(0xC0 | (c >> 6));
      put(0x80 | (c & 0x3F));
    } else if (c < 0x10000 && !(c >= 0xD800 && c <= 0xDFFF)) {
      put(0xE0 | (c >> 12));
      put(0x80 | ((c >> 6) & 0x3F));
      put(0x80 | (c & 0x3F));
    } else if (c >= 0x10000 && c <= 0x10FFFF) {
      put(0xF0 | (c >> 18));
      put(0x80 | ((c >> 12) & 0x3F));
      put(0x80 | ((c >> 6) & 0x3F));
      put(0x80 | (c & 0x3F));
    } else {  // a surrogate or beyond U+10FFFF: not encodable, write U+FFFD
      put(0xEF);
      put(0xBF);
      put(0xBD);
    }
  }
  out.resize(static_cast<size_t>(p - out.data()));
  return out;
}

std::vector<uint32_t> Utf8Offsets(std::u32string_view text) {
  std::vector<uint32_t> offsets(text.size() + 1);
  uint32_t b = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    offsets[i] = b;
    const char32_t c = text[i];
    // The lengths ToUtf8 writes; U+FFFD (3 bytes) for what it cannot encode.
    b += 1 + (c >= 0x80) + (c >= 0x800) + (c >= 0x10000 && c <= 0x10FFFF);
  }
  offsets[text.size()] = b;
  return offsets;
}

size_t FirstInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  for (size_t i = 0; i < n;) {
    char32_t cp;
    size_t bad;
    const size_t len = Utf8SeqAt(s, n, i, &cp, &bad);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::u32string FromUtf8(std::string_view utf8) {
  // Documented as requiring valid UTF-8, but a bad byte must never crash:
  // it becomes U+FFFD.
  const auto* s = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  std::u32string out;
  out.reserve(n);
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    char32_t cp;
    size_t bad = 0;
    const size_t len = Utf8SeqAt(s, n, i, &cp, &bad);
    if (len == 0) {
      out.push_back(kReplacement);
      i += bad;
    } else {
      out.push_back(cp);
      i += len;
    }
  }
  return out;
}

}  // namespace govkg::internal
