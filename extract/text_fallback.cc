// TEMPORARY stand-in for the text layer (decode/normalize/segment) until the
// `text` branch lands; deleted on merge. UTF-8 only, width folding only.
#include <memory>

#include "extract/decode_internal.h"
#include "extract/normalize_internal.h"
#include "extract/segment_internal.h"

namespace govkg::internal {

std::string ToUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (const char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

namespace {
// Decodes one UTF-8 sequence at bytes[i]; returns length 0 when invalid.
size_t DecodeOne(std::string_view s, size_t i, char32_t* out) {
  const auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b >> 6) != 0x2) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  *out = cp;
  return n;
}
}  // namespace

std::u32string FromUtf8(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    char32_t c = 0;
    const size_t n = DecodeOne(utf8, i, &c);
    if (n == 0) {
      out += U'\uFFFD';
      ++i;
    } else {
      out += c;
      i += n;
    }
  }
  return out;
}

Result<DecodedText> DecodeBytes(std::string_view doc_name, std::string_view bytes,
                                BadInputPolicy policy) {
  DecodedText out;
  out.encoding = "UTF-8";
  size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < bytes.size()) {
    char32_t c = 0;
    const size_t n = DecodeOne(bytes, i, &c);
    if (n == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[i]));
      if (policy != BadInputPolicy::kReplace) {
        return Status::InvalidArgument("extract: " + std::string(doc_name) + ": byte " +
                                           std::to_string(i),
                                       std::string("invalid UTF-8 byte ") + hex);
      }
      out.problems.push_back({i, std::string("invalid UTF-8 byte ") + hex});
      out.text += U'\uFFFD';
      ++i;
      continue;
    }
    out.text += c;
    i += n;
  }
  return out;
}

namespace {
class WidthNormalizer final : public Normalizer {
 public:
  NormalizedText Normalize(std::u32string_view original) const override {
    NormalizedText out;
    out.text.reserve(original.size());
    out.to_original.reserve(original.size() + 1);
    for (size_t i = 0; i < original.size(); ++i) {
      char32_t c = original[i];
      if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
      if (c == 0x3000) c = ' ';
      out.text += c;
      out.to_original.push_back(static_cast<uint32_t>(i));
    }
    out.to_original.push_back(static_cast<uint32_t>(original.size()));
    return out;
  }
  std::string NormalizeUtf8(std::string_view utf8) const override {
    return ToUtf8(Normalize(FromUtf8(utf8)).text);
  }
};
}  // namespace

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  return std::unique_ptr<Normalizer>(new WidthNormalizer());
}

namespace {
bool IsSentenceEnd(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == '!' || c == '?' ||
         c == ';';
}
int ChineseOrdinal(char32_t c) {
  static const std::u32string kDigits = U"一二三四五六七八九十";
  const size_t p = kDigits.find(c);
  return p == std::u32string::npos ? 0 : static_cast<int>(p) + 1;
}
}  // namespace

Segmentation Segment(const std::u32string& t) {
  Segmentation seg;
  const auto n = static_cast<uint32_t>(t.size());
  uint32_t start = 0;
  int turn = -1;
  while (start < n) {
    uint32_t end = start;
    while (end < n && t[end] != '\n') ++end;
    Paragraph p;
    p.range = {start, end};
    // Speaker label: up to a colon within 40 characters, no sentence end before it.
    for (uint32_t i = start; i < end && i < start + 40; ++i) {
      if (IsSentenceEnd(t[i]) || t[i] == U'，' || t[i] == ',') break;
      if (t[i] == U'：' || t[i] == ':') {
        int han = 0;
        for (uint32_t k = start; k < i; ++k) han += t[k] >= 0x4E00 && t[k] <= 0x9FFF;
        if (i > start + 2 && han >= 2 && t[start] != '[') {
          SpeakerTurn st;
          st.label = {start, i};
          st.start_to_end = {i + 1, n};
          if (!seg.turns.empty()) seg.turns.back().start_to_end.end = start;
          seg.turns.push_back(st);
          turn = static_cast<int>(seg.turns.size()) - 1;
        }
        break;
      }
    }
    p.speaker_turn = turn;
    const int pi = static_cast<int>(seg.paragraphs.size());
    seg.paragraphs.push_back(p);
    uint32_t s = start;
    for (uint32_t i = start; i < end; ++i) {
      if (IsSentenceEnd(t[i]) || i + 1 == end) {
        seg.sentences.push_back({{s, i + 1}, pi});
        s = i + 1;
      }
    }
    // Enumeration markers: 一是 二是 …, （一）, 一、 at paragraph start.
    for (uint32_t i = start; i + 1 < end; ++i) {
      const bool at_clause = i == start || IsSentenceEnd(t[i - 1]) || t[i - 1] == U'。';
      if (!at_clause) continue;
      EnumerationItem item;
      int ord = ChineseOrdinal(t[i]);
      if (ord > 0 && t[i + 1] == U'是') {
        item.marker = {i, i + 2};
        item.level = 1;
      } else if (ord > 0 && t[i + 1] == U'、' && i == start) {
        item.marker = {i, i + 2};
        item.level = 0;
      } else if ((t[i] == '(' || t[i] == U'（') && i + 2 < end && ChineseOrdinal(t[i + 1]) > 0 &&
                 (t[i + 2] == ')' || t[i + 2] == U'）') && i == start) {
        ord = ChineseOrdinal(t[i + 1]);
        item.marker = {i, i + 3};
        item.level = 0;
      } else {
        continue;
      }
      item.ordinal = ord;
      uint32_t h = item.marker.end;
      while (h < end && !IsSentenceEnd(t[h])) ++h;
      item.heading = {item.marker.end, h < end ? h + 1 : end};
      if (i == start) seg.paragraphs.back().enumeration = static_cast<int>(seg.items.size());
      seg.items.push_back(item);
    }
    start = end + 1;
  }
  return seg;
}

}  // namespace govkg::internal
