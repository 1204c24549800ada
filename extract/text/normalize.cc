// extract/normalize.cc: traditional → simplified, full-width → half-width,
// NFKC, with an exact map back to the original offsets.
//
// Speed: almost every press text is already simplified and NFKC-stable, so a
// 64K-entry flag table (built once per process) lets the common code point
// be copied with one lookup. Only runs of Han characters that contain a
// character t2s would change are converted (with OpenCC's dictionaries in our
// own tries, t2s_internal.h), and ICU is only called for the NFKC segments
// that contain a character that is not already normalised.
#include <opencc/opencc.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <exception>
#include <mutex>

#include "extract/text/decode_internal.h"
#include "extract/text/normalize_internal.h"
#include "extract/text/t2s_internal.h"

namespace govkg::internal {
namespace {

constexpr uint8_t kTraditional = 1;    // OpenCC t2s changes it on its own
constexpr uint8_t kNfkcChanged = 2;    // NFKC of the character alone differs
constexpr uint8_t kNoBoundary = 4;     // NFKC may combine it with the previous one

bool IsHan(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

std::u32string FromUnicodeString(const icu::UnicodeString& s) {
  std::u32string out;
  out.reserve(static_cast<size_t>(s.length()));
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

icu::UnicodeString ToUnicodeString(std::u32string_view s) {
  icu::UnicodeString out;
  for (const char32_t c : s) out.append(static_cast<UChar32>(c));
  return out;
}

// Per-process tables: which code points need t2s or ICU, and t2s itself.
struct Tables {
  Status status;
  std::vector<uint8_t> bmp;                     // flags of U+0000..U+FFFF
  // NFKC of each BMP character alone that it changes (，→ ,  ＡＢ → AB):
  // (offset << 8 | length) into `bmp_nfkc_pool`. A character whose segment
  // is itself (the next one starts a new segment) is then a table lookup,
  // not a trip through ICU; full-width punctuation is that common case.
  std::vector<uint32_t> bmp_nfkc;
  std::u32string bmp_nfkc_pool;
  std::vector<char32_t> supplementary_traditional;  // sorted
  const icu::Normalizer2* nfkc = nullptr;
  // OpenCC's t2s in our tries; null when the installed config is of a kind
  // T2sConverter does not reproduce, and then `opencc` converts (serialised:
  // its thread safety is not documented).
  std::unique_ptr<T2sConverter> t2s;
  std::unique_ptr<opencc::SimpleConverter> opencc;
  mutable std::mutex opencc_mu;

  std::u32string ConvertT2s(std::u32string_view text) const {
    if (t2s) return t2s->Convert(text);
    std::string result;
    try {
      const std::lock_guard<std::mutex> lock(opencc_mu);
      result = opencc->Convert(ToUtf8(text));
    } catch (const std::exception&) {
      return std::u32string(text);  // keep the text as it was
    }
    return FromUtf8(result);
  }
};

const Tables& GetTables() {
  static const Tables* const tables = [] {
    auto* t = new Tables();
    UErrorCode err = U_ZERO_ERROR;
    t->nfkc = icu::Normalizer2::getNFKCInstance(err);
    if (U_FAILURE(err) || t->nfkc == nullptr) {
      t->status = Status::IOError("extract: normalise", "ICU NFKC data unavailable");
      return t;
    }
    t->bmp.assign(0x10000, 0);
    t->bmp_nfkc.assign(0x10000, 0);
    for (char32_t c = 0x80; c < 0x10000; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      uint8_t flags = 0;
      if (!t->nfkc->hasBoundaryBefore(static_cast<UChar32>(c))) flags |= kNoBoundary;
      if (!t->nfkc->isInert(static_cast<UChar32>(c))) {
        icu::UnicodeString one(static_cast<UChar32>(c));
        UErrorCode e = U_ZERO_ERROR;
        const icu::UnicodeString norm = t->nfkc->normalize(one, e);
        if (U_FAILURE(e) || norm != one) flags |= kNfkcChanged;
        const std::u32string alone = FromUnicodeString(norm);
        if (U_SUCCESS(e) && norm != one && alone.size() < 256) {
          t->bmp_nfkc[c] = static_cast<uint32_t>(t->bmp_nfkc_pool.size() << 8 | alone.size());
          t->bmp_nfkc_pool += alone;
        }
      }
      t->bmp[c] = flags;
    }
    // Which Han characters does t2s change on their own?
    try {
      Result<std::unique_ptr<T2sConverter>> t2s = T2sConverter::Load("t2s.json");
      if (t2s.ok()) {
        t->t2s = std::move(*t2s);
      } else if (t2s.status().code() == Status::Code::kNotSupported) {
        t->opencc = std::make_unique<opencc::SimpleConverter>("t2s.json");
      } else {
        t->status = t2s.status();
        return t;
      }
      for (char32_t c = 0x3400; c <= 0x3134F; ++c) {
        if (!IsHan(c) || (t->t2s && !t->t2s->MayChange(c))) continue;
        const std::u32string one(1, c);
        if (t->ConvertT2s(one) == one) continue;
        if (c < 0x10000) {
          t->bmp[c] |= kTraditional;
        } else {
          t->supplementary_traditional.push_back(c);
        }
      }
    } catch (const std::exception& e) {
      t->status = Status::IOError("extract: normalise: OpenCC t2s.json", e.what());
    }
    return t;
  }();
  return *tables;
}

class NormalizerImpl final : public Normalizer {
 public:
  explicit NormalizerImpl(const Tables& tables) : tables_(tables) {}

  NormalizedText Normalize(std::u32string_view original) const override {
    // Stage 0: web-copy noise out (開(kāi)展 → 開展), its map composed at the end.
    std::u32string clean;
    std::vector<uint32_t> clean_map;
    if (StripNoise(original, &clean, &clean_map)) {
      NormalizedText out = NormalizeClean(clean);
      for (uint32_t& o : out.to_original) o = clean_map[o];
      return out;
    }
    return NormalizeClean(original);
  }

  NormalizedText NormalizeClean(std::u32string_view original) const {
    // Stage 1: traditional → simplified (skipped for simplified text).
    if (HasTraditional(original)) {
      std::u32string simplified;
      std::vector<uint32_t> map;
      ToSimplified(original, &simplified, &map);
      return ApplyNfkc(simplified, &map, original.size());
    }
    return ApplyNfkc(original, nullptr, original.size());
  }

  // Pinyin letters: ASCII a-z and the vowels with tone marks.
  static bool IsPinyinLetter(char32_t c) {
    if (c >= 'a' && c <= 'z') return true;
    static constexpr std::u32string_view kToned = U"āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
    return c >= 0xE0 && kToned.find(c) != kToned.npos;
  }
  static bool IsVowel(char32_t c) {
    static constexpr std::u32string_view kVowels = U"aeiouvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
    return kVowels.find(c) != kVowels.npos;
  }
  // Length of a pinyin syllable at `i` closed by ')' or '）' (xì) — the
  // closer included — or 0.
  static size_t PinyinClosed(std::u32string_view t, size_t i) {
    size_t k = i;
    bool vowel = false;
    while (k < t.size() && k - i < 7 && IsPinyinLetter(t[k])) vowel |= IsVowel(t[k++]);
    if (k == i || !vowel || k >= t.size() || (t[k] != ')' && t[k] != U'）')) return 0;
    return k + 1 - i;
  }

  // Noise of web copies that breaks words: pinyin in parentheses after a
  // character (開(kāi)展), and the pieces of such annotations that a wrong
  // encoding turned into '?' (燃?xì)馊急鹿省?0月: the '?', the syllable and the
  // mojibake up to the next '?'). False when there is none; else `out` is the
  // text without it and `map` (one entry per character, plus the end) points
  // into `t`.
  bool StripNoise(std::u32string_view t, std::u32string* out, std::vector<uint32_t>* map) const {
    std::vector<std::pair<size_t, size_t>> cuts;  // [start, end)
    for (size_t i = 1; i + 2 < t.size(); ++i) {
      const char32_t c = t[i];
      if ((c == '(' || c == U'（') && IsHan(t[i - 1])) {
        if (const size_t n = PinyinClosed(t, i + 1); n != 0) {
          cuts.push_back({i, i + 1 + n});
          i += n;
        }
      } else if (c == '?' && IsHan(t[i - 1])) {
        const size_t n = PinyinClosed(t, i + 1);
        if (n == 0) continue;
        size_t end = i + 1 + n;
        // The mojibake after it: Han characters up to a '?' close by.
        size_t k = end;
        while (k < t.size() && k - end < 10 && IsHan(t[k])) ++k;
        if (k < t.size() && k > end && t[k] == '?') end = k + 1;
        cuts.push_back({i, end});
        i = end - 1;
      }
    }
    if (cuts.empty()) return false;
    out->reserve(t.size());
    map->reserve(t.size() + 1);
    size_t next = 0;
    for (const auto& [a, b] : cuts) {
      for (; next < a; ++next) {
        out->push_back(t[next]);
        map->push_back(static_cast<uint32_t>(next));
      }
      next = b;
    }
    for (; next < t.size(); ++next) {
      out->push_back(t[next]);
      map->push_back(static_cast<uint32_t>(next));
    }
    map->push_back(static_cast<uint32_t>(t.size()));
    return true;
  }

  std::string NormalizeUtf8(std::string_view utf8) const override {
    return ToUtf8(Normalize(FromUtf8(utf8)).text);
  }

 private:
  uint8_t Flags(char32_t c) const {
    if (c < 0x10000) return tables_.bmp[c];
    if (c > 0x10FFFF) return 0;
    uint8_t flags = 0;
    if (std::binary_search(tables_.supplementary_traditional.begin(),
                           tables_.supplementary_traditional.end(), c)) {
      flags |= kTraditional;
    }
    const auto u = static_cast<UChar32>(c);
    if (!tables_.nfkc->hasBoundaryBefore(u)) flags |= kNoBoundary;
    if (!tables_.nfkc->isInert(u)) flags |= kNfkcChanged;  // conservative
    return flags;
  }

  bool HasTraditional(std::u32string_view text) const {
    for (const char32_t c : text) {
      if (c >= 0x3400 && (Flags(c) & kTraditional)) return true;
    }
    return false;
  }

  // Converts the Han runs that contain a traditional character. Phrases
  // never cross a non-Han character, so converting runs separately loses
  // nothing.
  void ToSimplified(std::u32string_view text, std::u32string* out,
                    std::vector<uint32_t>* map) const {
    struct Run {
      size_t start, end;
    };
    std::vector<Run> runs;
    for (size_t i = 0; i < text.size();) {
      if (!IsHan(text[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      bool traditional = false;
      while (j < text.size() && IsHan(text[j])) {
        traditional = traditional || (Flags(text[j]) & kTraditional);
        ++j;
      }
      if (traditional) runs.push_back({i, j});
      i = j;
    }
    std::vector<std::u32string> converted;
    converted.reserve(runs.size());
    for (const Run& r : runs) converted.push_back(tables_.ConvertT2s(text.substr(r.start, r.end - r.start)));
    // Sized once and written through pointers (the whole text passes here).
    size_t size = text.size();
    for (size_t k = 0; k < runs.size(); ++k) {
      size = size - (runs[k].end - runs[k].start) + converted[k].size();
    }
    out->resize(size);
    map->resize(size);
    char32_t* o = out->data();
    uint32_t* mo = map->data();
    size_t next = 0;
    const auto copy_to = [&](size_t end) {
      for (; next < end; ++next) {
        *o++ = text[next];
        *mo++ = static_cast<uint32_t>(next);
      }
    };
    for (size_t k = 0; k < runs.size(); ++k) {
      copy_to(runs[k].start);
      const size_t n = runs[k].end - runs[k].start;
      const std::u32string& conv = converted[k];
      const size_t m = conv.size();
      for (size_t q = 0; q < m; ++q) {
        *o++ = conv[q];
        // Equal lengths (the usual case): character for character.
        // Otherwise spread the output evenly over the run (monotonic, exact
        // at the run's ends).
        const size_t src = m == n ? q : q * n / m;
        *mo++ = static_cast<uint32_t>(runs[k].start + src);
      }
      next = runs[k].end;
    }
    copy_to(text.size());
  }

  // NFKC (which includes full-width → half-width). `stage_map` maps `text`
  // to the original, or is null when `text` is the original.
  NormalizedText ApplyNfkc(std::u32string_view text, const std::vector<uint32_t>* stage_map,
                           size_t original_size) const {
    NormalizedText out;
    out.text.reserve(text.size());
    out.to_original.reserve(text.size() + 1);
    auto origin = [&](size_t i) -> uint32_t {
      return stage_map ? (*stage_map)[i] : static_cast<uint32_t>(i);
    };
    const size_t n = text.size();
    // Each character's flags are looked up once: a run of characters NFKC
    // leaves alone (nearly all of a text) is appended whole.
    size_t run = 0;  // start of the pending unchanged run
    uint8_t f = n > 0 ? NfkcFlags(text[0]) : 0;
    for (size_t i = 0; i < n;) {
      const uint8_t next = i + 1 < n ? NfkcFlags(text[i + 1]) : 0;
      if (!(f & kNfkcChanged) && !(next & kNoBoundary)) {
        f = next;
        ++i;
        continue;
      }
      AppendUnchanged(text, run, i, origin, &out);
      // An NFKC segment: up to the next character with a boundary before it.
      size_t j = i + 1;
      while (j < n && (NfkcFlags(text[j]) & kNoBoundary)) ++j;
      if (const uint32_t alone = j == i + 1 && text[i] < 0x10000 ? tables_.bmp_nfkc[text[i]] : 0;
          alone != 0) {
        out.text.append(tables_.bmp_nfkc_pool, alone >> 8, alone & 0xFF);
        out.to_original.insert(out.to_original.end(), alone & 0xFF, origin(i));
      } else {
        NormalizeSegment(text.substr(i, j - i), i, origin, &out);
      }
      i = run = j;
      f = j < n ? NfkcFlags(text[j]) : 0;
    }
    AppendUnchanged(text, run, n, origin, &out);
    out.to_original.push_back(static_cast<uint32_t>(original_size));
    return out;
  }

  // The NFKC bits of Flags, without the table for ASCII and the unified
  // ideographs (inert, with a boundary before: the bulk of a Chinese text).
  uint8_t NfkcFlags(char32_t c) const {
    if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF)) return 0;
    return Flags(c) & (kNfkcChanged | kNoBoundary);
  }

  template <typename Origin>
  static void AppendUnchanged(std::u32string_view text, size_t from, size_t to, const Origin& origin,
                              NormalizedText* out) {
    if (from >= to) return;
    out->text.append(text.substr(from, to - from));
    // Sized once and written through a pointer: this is most of the text.
    const size_t at = out->to_original.size();
    out->to_original.resize(at + (to - from));
    uint32_t* o = out->to_original.data() + at;
    for (size_t k = from; k < to; ++k) *o++ = origin(k);
  }

  template <typename Origin>
  void NormalizeSegment(std::u32string_view segment, size_t base, const Origin& origin,
                        NormalizedText* out) const {
    UErrorCode err = U_ZERO_ERROR;
    const std::u32string whole =
        FromUnicodeString(tables_.nfkc->normalize(ToUnicodeString(segment), err));
    if (U_FAILURE(err)) {  // keep the segment as it is
      for (size_t k = 0; k < segment.size(); ++k) {
        out->text.push_back(segment[k]);
        out->to_original.push_back(origin(base + k));
      }
      return;
    }
    // When normalising character by character gives the same result (no
    // composition happened), each output character maps to its source.
    if (segment.size() > 1) {
      std::u32string pieces;
      std::vector<uint32_t> sources;
      for (size_t k = 0; k < segment.size(); ++k) {
        UErrorCode e = U_ZERO_ERROR;
        const std::u32string one =
            FromUnicodeString(tables_.nfkc->normalize(ToUnicodeString(segment.substr(k, 1)), e));
        pieces += one;
        sources.insert(sources.end(), one.size(), origin(base + k));
      }
      if (pieces == whole) {
        out->text += whole;
        out->to_original.insert(out->to_original.end(), sources.begin(), sources.end());
        return;
      }
    }
    out->text += whole;
    out->to_original.insert(out->to_original.end(), whole.size(), origin(base));
  }

  const Tables& tables_;
};

}  // namespace

Result<std::unique_ptr<Normalizer>> Normalizer::Create() {
  const Tables& tables = GetTables();
  if (!tables.status.ok()) return tables.status;
  return std::unique_ptr<Normalizer>(new NormalizerImpl(tables));
}

}  // namespace govkg::internal
