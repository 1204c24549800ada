// model/json_io.h: the JSON contract of `govkg extract --format json`.
//
// Writes a DocumentGraph as the one-line object of graph-model.md and reads it
// back (for `govkg ingest --extracted`). Reading never throws: malformed input
// becomes an InvalidArgument Status naming the position.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "model/document_graph.h"
#include "model/status.h"

namespace govkg {

// One JSON object on one line, no trailing newline. UTF-8 is written as is.
std::string DocumentGraphToJson(const DocumentGraph& graph);
// The same bytes, written to `out` as they are made (a dense text's object is
// tens of megabytes).
void WriteDocumentGraphJson(const DocumentGraph& graph, std::ostream& out);

// Parses one object of the contract. `where` names the input in messages
// ("batch.jsonl:12").
Result<DocumentGraph> DocumentGraphFromJson(std::string_view json, std::string_view where);

}  // namespace govkg
