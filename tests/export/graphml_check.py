"""Reads a govkg GraphML export with networkx and prints, as JSON, its node
and edge counts, the names and the typed attributes seen.
    graphml_check.py GRAPH.graphml
"""
import json
import sys

import networkx


def main():
    g = networkx.read_graphml(sys.argv[1])
    report = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "names": sorted(d["name"] for _, d in g.nodes(data=True)),
        "support_types": sorted({type(d["support"]).__name__ for _, _, d in g.edges(data=True)}),
        "document_count_types": sorted(
            {type(d["document_count"]).__name__ for _, d in g.nodes(data=True)}),
        "values": sorted(d["value"] for _, d in g.nodes(data=True) if "value" in d),
    }
    print(json.dumps(report, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
