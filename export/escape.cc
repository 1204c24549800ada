// Escaping for every export format; see escape_internal.h.
#include "export/escape_internal.h"

#include <charconv>
#include <cmath>

namespace govkg::internal {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
constexpr char kHex[] = "0123456789ABCDEF";

// Length of the valid UTF-8 sequence at in[i], or 0 when it is invalid.
size_t Utf8Length(std::string_view in, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(in[i + k]); };
  const unsigned char c = b(0);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > in.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return n;
}

// Calls ascii(c) for each ASCII byte and copies valid multi-byte sequences;
// invalid bytes become U+FFFD.
template <typename AsciiFn>
void ForEachChar(std::string_view in, std::string* out, AsciiFn ascii) {
  size_t i = 0;
  while (i < in.size()) {
    const size_t n = Utf8Length(in, i);
    if (n == 0) {
      out->append(kReplacement);
      ++i;
    } else if (n == 1) {
      ascii(in[i]);
      ++i;
    } else {
      out->append(in.substr(i, n));
      i += n;
    }
  }
}

void AppendU4(unsigned char c, std::string* out) {
  out->append("\\u00");
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 0xF]);
}

}  // namespace

void AppendValidUtf8(std::string_view in, std::string* out) {
  ForEachChar(in, out, [out](char c) { out->push_back(c); });
}

void AppendJsonString(std::string_view in, std::string* out) {
  out->push_back('"');
  ForEachChar(in, out, [out](char c) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          AppendU4(static_cast<unsigned char>(c), out);
        } else {
          out->push_back(c);
        }
    }
  });
  out->push_back('"');
}

void AppendRdfString(std::string_view in, std::string* out) {
  // Same escapes as JSON except that DEL is fine; both use \uXXXX.
  AppendJsonString(in, out);
}

void AppendIriSegment(std::string_view in, std::string* out) {
  std::string valid;
  AppendValidUtf8(in, &valid);
  for (const char ch : valid) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~';
    if (unreserved) {
      out->push_back(ch);
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 0xF]);
    }
  }
}

void AppendXmlText(std::string_view in, std::string* out) {
  ForEachChar(in, out, [out](char c) {
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&apos;"); break;
      case '\r': out->append("&#13;"); break;
      case '\n': out->append("&#10;"); break;
      case '\t': out->append("&#9;"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out->append(kReplacement);
        } else {
          out->push_back(c);
        }
    }
  });
}

void AppendCsvField(std::string_view in, std::string* out) {
  std::string valid;
  AppendValidUtf8(in, &valid);
  if (valid.find_first_of(",\"\r\n") == std::string::npos) {
    out->append(valid);
    return;
  }
  out->push_back('"');
  for (const char c : valid) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCypherString(std::string_view in, std::string* out) {
  out->push_back('\'');
  ForEachChar(in, out, [out](char c) {
    switch (c) {
      case '\'': out->append("\\'"); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[static_cast<unsigned char>(c) >> 4]);
          out->push_back(kHex[c & 0xF]);
        } else {
          out->push_back(c);
        }
    }
  });
  out->push_back('\'');
}

void AppendDotString(std::string_view in, std::string* out) {
  out->push_back('"');
  ForEachChar(in, out, [out](char c) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': break;  // a CR before LF adds nothing to a label
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out->push_back(' ');
        } else {
          out->push_back(c);
        }
    }
  });
  out->push_back('"');
}

void AppendDouble(double value, std::string* out) {
  if (std::isnan(value)) {
    out->append("NaN");
    return;
  }
  if (std::isinf(value)) {
    out->append(value > 0 ? "INF" : "-INF");
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof(buf), value);
  out->append(buf, r.ptr);
}

void AppendUint(uint64_t value, std::string* out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof(buf), value);
  out->append(buf, r.ptr);
}

uint64_t StableHash(std::string_view bytes, uint64_t seed) {
  uint64_t h = seed;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

void AppendHex64(uint64_t value, std::string* out) {
  for (int shift = 60; shift >= 0; shift -= 4) {
    out->push_back("0123456789abcdef"[(value >> shift) & 0xF]);
  }
}

}  // namespace govkg::internal
