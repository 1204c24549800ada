// Blanking page chrome (see chrome_internal.h).
#include <string_view>

#include "extract/text/chrome_internal.h"

namespace govkg::internal {
namespace {

bool IsHanChar(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

void Blank(std::u32string* text, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i) (*text)[i] = U' ';
}

// A breadcrumb: two or more '>' (or › ») between short pieces.
bool IsBreadcrumb(std::u32string_view line) {
  if (line.size() > 80) return false;  // before the count: most lines are long
  int separators = 0;
  for (const char32_t c : line) {
    separators += c == U'>' || c == U'›' || c == U'»' || c == U'＞';
  }
  return separators >= 2;
}

bool EndsWithImageName(std::u32string_view line) {
  while (!line.empty() && (line.back() == U' ' || line.back() == U'\t')) line.remove_suffix(1);
  for (const std::u32string_view ext : {U".jpg", U".jpeg", U".png", U".gif", U".JPG", U".PNG"}) {
    if (line.size() > ext.size() && line.substr(line.size() - ext.size()) == ext) return true;
  }
  return false;
}

// 。王某某摄 / (记者 王某某 摄): a credit of two or three Han characters
// ending in 摄 after a sentence end, a space or an opening parenthesis;
// not 摄影, 摄像, 摄制, 摄入, 摄取.
void BlankCredits(std::u32string* text) {
  std::u32string& t = *text;
  for (size_t i = t.find(U'摄', 3); i < t.size(); i = t.find(U'摄', i + 1)) {
    if (i + 1 < t.size() && std::u32string_view(U"影像制入取").find(t[i + 1]) != std::u32string_view::npos) {
      continue;
    }
    size_t s = i;
    while (s > 0 && i - s < 4 && (IsHanChar(t[s - 1]) || (t[s - 1] == U' ' && s == i))) --s;
    size_t name = s;
    while (name < i && t[name] == U' ') ++name;
    size_t end_name = i;
    while (end_name > name && t[end_name - 1] == U' ') --end_name;
    const size_t n = end_name - name;
    if (n < 2 || n > 3 || s == 0) continue;
    const char32_t before = t[s - 1];
    if (before == U'。' || before == U'\n' || before == U' ' || before == U'(' || before == U'（') {
      Blank(text, name, i + 1);
    }
  }
}

}  // namespace

void BlankChrome(std::u32string* text, const std::vector<std::u32string>& chrome_words) {
  size_t start = 0;
  while (start < text->size()) {
    size_t end = text->find(U'\n', start);
    if (end == std::u32string::npos) end = text->size();
    const std::u32string_view line = std::u32string_view(*text).substr(start, end - start);
    bool chrome = IsBreadcrumb(line) || EndsWithImageName(line);
    for (size_t k = 0; !chrome && k < chrome_words.size() && line.size() <= 40; ++k) {
      chrome = line.find(chrome_words[k]) != std::u32string_view::npos;
    }
    if (chrome) Blank(text, start, end);
    start = end + 1;
  }
  BlankCredits(text);
}

}  // namespace govkg::internal
