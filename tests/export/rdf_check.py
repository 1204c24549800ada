"""Reads a govkg JSON-LD and N-Triples export with rdflib and reports, as one
JSON object, whether both hold the same set of triples and what they hold.
Run with Debian's /usr/bin/python3 (python3-rdflib):
    rdf_check.py GRAPH.jsonld GRAPH.nt
"""
import json
import sys

import rdflib
from rdflib.namespace import RDF

SCHEMA = rdflib.Namespace("https://schema.org/")
GOVKG = rdflib.Namespace("https://govkg.example.org/vocab#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")


def main():
    jsonld = rdflib.Graph()
    jsonld.parse(sys.argv[1], format="json-ld")
    nt = rdflib.Graph()
    nt.parse(sys.argv[2], format="nt")
    a, b = set(jsonld), set(nt)
    report = {
        "jsonld_triples": len(a),
        "nt_triples": len(b),
        "same": a == b,
        "only_jsonld": sorted(str(t) for t in a - b)[:5],
        "only_nt": sorted(str(t) for t in b - a)[:5],
        "statements": len(set(nt.subjects(RDF.type, RDF.Statement))),
        "names": sorted(str(o) for o in nt.objects(None, SCHEMA.name)),
        "quotes": sorted(str(o) for o in nt.objects(None, OA.exact)),
        "relations": sorted(str(o) for o in nt.objects(None, GOVKG.relation)),
        "agencies": len(set(nt.subjects(RDF.type, SCHEMA.GovernmentOrganization))),
        "observations": len(set(nt.subjects(RDF.type, SCHEMA.Observation))),
        "values": sorted(float(o) for o in nt.objects(None, SCHEMA.value)),
    }
    print(json.dumps(report, ensure_ascii=False, sort_keys=True))


if __name__ == "__main__":
    main()
