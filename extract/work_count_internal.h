// extract/work_count_internal.h (private to extract/ and its tests): a count
// of the work whose amount depends on the shape of the input, not only its
// length: candidate pairs of coreference, agencies an actor look-up walks,
// positions a clause scan visits, mentions a range look-up yields, and the
// characters of evidence the relations quote. Linear extraction keeps it
// proportional to the document; tests/extract/growth_test.cc checks that
// four times the text costs at most about four times the work (issue 21),
// by counting rather than timing.
#pragma once

#include <cstdint>

namespace govkg::internal {

struct WorkCount {
  uint64_t steps = 0;
};

// Of the calling thread: Extract() works on one thread from start to end, so
// a test reads the work of its own call (reset before, read after).
inline thread_local WorkCount work_count;

inline void CountWork(uint64_t steps) { work_count.steps += steps; }

}  // namespace govkg::internal
