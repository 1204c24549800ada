#!/usr/bin/python3
"""Peer: networkx answers the benchmark's graph queries on the exported GraphML.

usage: nx_queries.py GRAPHML AGENCY PROGRAM PERSON
Prints one JSON line with the load time and each query's time in seconds, and
the size of each answer (so the work is comparable with govkg's)."""
import json
import sys
import time

import networkx as nx

graphml, agency, program, person = sys.argv[1:5]
t0 = time.perf_counter()
g = nx.read_graphml(graphml)
load = time.perf_counter() - t0


def pred(d):
    for k in ("predicate", "label", "p", "type"):
        if k in d:
            return d[k]
    return None


by_name = {}
for n, d in g.nodes(data=True):
    by_name.setdefault(d.get("name"), n)
out = {"load_seconds": load, "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
u = g.to_undirected(as_view=True)


def timed(key, fn):
    t = time.perf_counter()
    r = fn()
    out[key] = time.perf_counter() - t
    out[key + "_size"] = r


a, p, x = by_name.get(agency), by_name.get(program), by_name.get(person)
timed("show", lambda: len(list(g.in_edges(a, data=True))) + len(list(g.out_edges(a, data=True))))
timed("neighbors1", lambda: nx.ego_graph(u, a, radius=1).number_of_nodes() - 1)
timed("neighbors2", lambda: nx.ego_graph(u, a, radius=2).number_of_nodes() - 1)
timed("path", lambda: len(nx.shortest_path(u, x, p)) - 1)


def tree():
    sub = nx.DiGraph((s, o) for s, o, d in g.edges(data=True) if pred(d) == "subOrganizationOf")
    return len(nx.descendants(sub.reverse(copy=False), a)) if a in sub else 0


timed("tree", tree)


def query():  # ?a conducts ?p . ?p reports ?m
    rows = 0
    for s, o, d in g.edges(data=True):
        if pred(d) == "conducts":
            rows += sum(1 for _, _, d2 in g.out_edges(o, data=True) if pred(d2) == "reports")
    return rows


timed("query", query)
print(json.dumps(out))
