#!/usr/bin/env python3
"""B-cubed precision and recall of a store's nodes against govkg-gen's truth.

usage: bcubed.py TRUTH NT [--json] [--min-precision P] [--min-recall R] [--verbose]
       bcubed.py TRUTH --govkg BIN --corpus DIR [--work DIR] ...

TRUTH is the file `govkg-gen --truth` writes: one cluster a line, the
(document, name) pairs that are one real-world body, each with its mention
spans. NT is the store's N-Triples export (`govkg export --format nt`), whose
mention annotations say which node each span of each document joined. With
--govkg and --corpus the corpus is ingested into a new store under --work
(default: a temporary folder) and exported first.

Each truth member is an item. Its node is the one most of its spans joined
(a span that a node's mention equals counts before one whose ends are at
most two characters off); a member none of whose spans any node holds (extraction missed it) is
a node of its own. Precision of
an item: the share of the items of its node that are of its cluster; recall:
the share of its cluster's items that are in its node (Bagga & Baldwin 1998).
Exit 1 when a figure is below its --min-*.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

OA = "http://www.w3.org/ns/oa#"
TRIPLE = re.compile(r'^<([^>]*)> <([^>]*)> (<[^>]*>|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[a-zA-Z-]+)?) \.$')


def literal(obj):
    """The lexical form of an N-Triples literal (escapes undone)."""
    body = obj[1:obj.rindex('"')]
    return json.loads('"' + body + '"') if "\\" in body else body


def read_mentions(nt_path):
    """{document base name: [(start, end, node IRI)]} from the mention annotations."""
    body, source, start, end, path = {}, {}, {}, {}, {}
    with open(nt_path, encoding="utf-8") as f:
        for line in f:
            m = TRIPLE.match(line.rstrip("\n"))
            if not m:
                continue
            s, p, o = m.groups()
            if p == OA + "hasBody" and "/mention/" in s:
                body[s] = o[1:-1]
            elif p == OA + "hasSource" and s.endswith("/target") and "/mention/" in s:
                source[s[: -len("/target")]] = o[1:-1]
            elif p == OA + "start" and s.endswith("/position") and "/mention/" in s:
                start[s[: -len("/position")]] = int(literal(o))
            elif p == OA + "end" and s.endswith("/position") and "/mention/" in s:
                end[s[: -len("/position")]] = int(literal(o))
            elif p.endswith("#path") and o.startswith('"'):
                path[s] = os.path.basename(literal(o))
    by_doc = defaultdict(list)
    for ann, node in body.items():
        src = source.get(ann)
        if src in path and ann in start and ann in end:
            by_doc[path[src]].append((start[ann], end[ann], node))
    return by_doc


def node_of(member, mentions):
    """The node most of the member's spans joined, or None."""
    votes = Counter()
    for s, e in member["mentions"]:
        exact = [n for (ms, me, n) in mentions if ms == s and me == e]
        if exact:
            votes[exact[0]] += 2
            continue
        # Else a span whose ends are at most two characters off (a quote or a
        # scope word); not a body inside the name of its unit, which
        # extraction missed.
        best, off = None, 3
        for ms, me, n in mentions:
            d = abs(ms - s) + abs(me - e)
            if d < off:
                best, off = n, d
        if best is not None:
            votes[best] += 1
    if not votes:
        return None
    top = max(votes.values())
    return min(n for n, v in votes.items() if v == top)


def score(truth_path, nt_path, verbose=False):
    mentions = read_mentions(nt_path)
    items = []  # (cluster, node, member)
    for line in open(truth_path, encoding="utf-8"):
        if not line.strip():
            continue
        c = json.loads(line)
        for m in c["members"]:
            node = node_of(m, mentions.get(m["doc"], []))
            items.append((c["cluster"], node, m))
    unresolved = 0
    for i, (c, n, m) in enumerate(items):
        if n is None:  # a node of its own
            unresolved += 1
            items[i] = (c, "unresolved/%d" % i, m)
    by_cluster = Counter(c for c, _, _ in items)
    by_node = Counter(n for _, n, _ in items)
    both = Counter((c, n) for c, n, _ in items)
    p = sum(both[(c, n)] / by_node[n] for c, n, _ in items) / max(len(items), 1)
    r = sum(both[(c, n)] / by_cluster[c] for c, n, _ in items) / max(len(items), 1)
    if verbose:
        # Splits: a cluster over several nodes; collisions: a node over several clusters.
        nodes_of = defaultdict(set)
        clusters_of = defaultdict(set)
        for c, n, m in items:
            nodes_of[c].add((n, m["doc"], m["name"]))
            clusters_of[n].add((c, m["doc"], m["name"]))
        for c, ns in sorted(nodes_of.items()):
            if len({n for n, _, _ in ns}) > 1:
                print("split   ", c, sorted(ns), file=sys.stderr)
        for n, cs in sorted(clusters_of.items()):
            if len({c for c, _, _ in cs}) > 1:
                print("collide ", n, sorted(cs), file=sys.stderr)
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "items": len(items),
        "clusters": len(by_cluster),
        "multi_document_clusters": sum(1 for v in by_cluster.values() if v > 1),
        "nodes": len(by_node),
        "unresolved": unresolved,
    }


def ingest_and_export(govkg, corpus, work):
    db = os.path.join(work, "bcubed.db")
    nt = os.path.join(work, "bcubed.nt")
    subprocess.run(["rm", "-rf", db], check=True)
    subprocess.run([govkg, "--db", db, "-q", "ingest", corpus], check=True)
    subprocess.run([govkg, "--db", db, "-q", "export", "--format", "nt", "-o", nt], check=True)
    return nt


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("truth")
    ap.add_argument("nt", nargs="?")
    ap.add_argument("--govkg")
    ap.add_argument("--corpus")
    ap.add_argument("--work")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0)
    a = ap.parse_args()
    if a.nt is None:
        if not (a.govkg and a.corpus):
            ap.error("give NT, or --govkg and --corpus")
        work = a.work or tempfile.mkdtemp(prefix="bcubed-")
        os.makedirs(work, exist_ok=True)
        a.nt = ingest_and_export(a.govkg, a.corpus, work)
    result = score(a.truth, a.nt, a.verbose)
    if a.json:
        print(json.dumps(result))
    else:
        print("B-cubed precision %.4f recall %.4f F1 %.4f (%d items, %d clusters, %d of several documents, "
              "%d nodes, %d unresolved)" % (result["precision"], result["recall"], result["f1"], result["items"],
                                             result["clusters"], result["multi_document_clusters"],
                                             result["nodes"], result["unresolved"]))
    ok = result["precision"] >= a.min_precision and result["recall"] >= a.min_recall
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
