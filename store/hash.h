// store/hash.h: the content hash stored in DocumentRecord::content_hash: 128
// bits, 32 hex digits. Not cryptographic; it only tells a changed document
// from an unchanged one, and names a document in the store's identities.
#pragma once

#include <string>
#include <string_view>

namespace govkg {

std::string ContentHash(std::string_view bytes);

}  // namespace govkg
