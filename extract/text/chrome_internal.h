// extract/text/chrome_internal.h (private to extract/): the furniture of web
// copies, read as blank.
//
// Breadcrumb lines (首页 > 内蒙古发布 > 正文), short lines holding a chrome word
// (分享到, 上一篇, 登录 …: extract/lexicon/chrome_words.txt), image file names
// (….jpg) and photographers' credits (。王某某摄) are overwritten with spaces:
// the text keeps its length, so offsets into the original stay exact, and
// the words around them are not lost.
#pragma once

#include <string>
#include <vector>

namespace govkg::internal {

void BlankChrome(std::u32string* text, const std::vector<std::u32string>& chrome_words);

}  // namespace govkg::internal
