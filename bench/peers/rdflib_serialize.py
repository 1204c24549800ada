#!/usr/bin/python3
"""Peer: rdflib loads the exported N-Triples and serialises them to JSON-LD
and N-Triples. usage: rdflib_serialize.py IN.nt OUT_DIR
Prints one JSON line of seconds per phase and the triple count."""
import json
import os
import sys
import time

import rdflib

src, out_dir = sys.argv[1:3]
t0 = time.perf_counter()
g = rdflib.Graph()
g.parse(src, format="nt")
t1 = time.perf_counter()
g.serialize(destination=os.path.join(out_dir, "rdflib.jsonld"), format="json-ld")
t2 = time.perf_counter()
g.serialize(destination=os.path.join(out_dir, "rdflib.nt"), format="nt")
t3 = time.perf_counter()
print(json.dumps({"triples": len(g), "parse_seconds": t1 - t0, "jsonld_seconds": t2 - t1,
                  "nt_seconds": t3 - t2}))
