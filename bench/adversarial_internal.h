// bench/adversarial_internal.h: texts whose shape, not size, is hard for
// extraction (issue 21): no sentence breaks, one name over and over, huge
// lists in one sentence, runs of figures, deep nesting. Used by
// govkg-adversarial (bench/adversarial_main.cc) and by the growth tests in
// tests/extract/growth_test.cc, which count extraction work per shape.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace govkg::bench {

// The names of the shapes, in the order govkg-adversarial writes them.
const std::vector<std::string_view>& AdversarialShapes();

// One short line saying what a shape is ("" for an unknown name).
std::string_view AdversarialDescription(std::string_view shape);

// UTF-8 text of `shape`, `bytes` long give or take one repeated unit (at most
// a few hundred bytes), the same bytes on every call. Empty for an unknown shape.
std::string AdversarialText(std::string_view shape, size_t bytes);

}  // namespace govkg::bench
