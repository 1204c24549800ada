#!/usr/bin/python3
"""Renders bench/run's measurements as bench/REPORT.md and the gnuplot script
of bench/plot.png. usage: report.py WORK_DIR BENCH_DIR

WORK_DIR holds results.tsv (size, key, value), machine.tsv, commands.txt,
score.json and per-size peer outputs (s<MB>/{nx,rdflib,jieba}.json)."""
import json
import os
import sys
from collections import defaultdict

work, bench = sys.argv[1:3]
res = defaultdict(dict)
for line in open(os.path.join(work, "results.tsv"), encoding="utf-8"):
    size, key, value = line.rstrip("\n").split("\t", 2)
    res[int(size)][key] = value
machine = dict(l.rstrip("\n").split("\t", 1) for l in open(os.path.join(work, "machine.tsv"), encoding="utf-8"))
sizes = sorted(res)
cores = int(machine.get("cores", "1"))


def num(size, key):
    try:
        return float(res[size].get(key, ""))
    except ValueError:
        return None


def na(size, key):
    v = res[size].get(key)
    return v if v and num(size, key) is None else "n/a (not measured)"


def fmt(x, digits=3):
    if x is None:
        return None
    if x == 0:
        return "0"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}g}"


def cell(size, key, scale=1.0, per=None, digits=3):
    """value of key (seconds etc.) scaled, or per/value when per is given."""
    v = num(size, key)
    if v is None:
        return na(size, key)
    if per is not None:
        return fmt(per / v, digits) if v > 0 else "n/a"
    return fmt(v * scale, digits)


def load_json(path):
    try:
        return json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def ratio(a, b):
    return f"{a / b:.2g}×" if a and b else "n/a"


def mb(size):
    return num(size, "corpus.bytes") / 1e6 if num(size, "corpus.bytes") else float(size)


out = []
w = out.append
w("# govkg benchmark report\n")
w("Produced by `bench/run` (see bench/README.md); every figure is measured on this machine in one run.\n"
  "Times are medians over repeated runs; query latencies are whole CLI calls "
  "(process start, store open, name resolution, answer, JSON output).\n")
w("## Machine\n")
w("| | |\n|---|---|")
for k in ("cpu", "cores", "memory", "os", "compiler", "commit", "build", "load", "date", "runs", "sizes", "elapsed"):
    v = machine.get(k, "")
    if k == "elapsed":
        v = f"{v} s for the whole run"
    if k == "sizes":
        v = ", ".join(f"{s} MB" for s in v.split())
    w(f"| {k} | {v} |")
w("")

# --- corpus ---------------------------------------------------------------
w("## Corpus (govkg-gen)\n")
w("| size | documents | bytes | generation s | generation MB/s |\n|---|---|---|---|---|")
for s in sizes:
    w(f"| {s} MB | {res[s].get('corpus.docs', 'n/a')} | {res[s].get('corpus.bytes', 'n/a')} | "
      f"{cell(s, 'gen.s')} | {cell(s, 'gen.s', per=mb(s))} |")
w("")

# --- recall ---------------------------------------------------------------
score = load_json(os.path.join(work, "score.json"))
w("## Extraction quality on generated text\n")
w("`govkg extract` on the first documents of the corpus (2 MB, same seed) scored with "
  "`/work/shared/eval/score.py` against the gold govkg-gen wrote. Goal: recall ≥ 0.95.\n")
if score.get("rows"):
    w("| kind | gold | predicted | matched | precision | recall |\n|---|---|---|---|---|---|")
    for r in score["rows"] + [score["total"]]:
        w(f"| {r['kind']} | {r['gold']} | {r['pred']} | {r['tp']} | {r['precision']:.3f} | {r['recall']:.3f} |")
    rec = score["total"]["recall"]
    w(f"\n**Recall {rec:.3f}: {'meets' if rec >= 0.95 else 'below'} the 0.95 goal.**\n")
else:
    w(f"n/a ({score.get('na', 'extraction failed')})\n")

# --- identities across documents ---------------------------------------------
bc = load_json(os.path.join(work, "bcubed.json"))
w("## Identities across documents\n")
w("The same 2 MB ingested into one store (`govkg ingest`, then `govkg export --format nt`); "
  "`bench/bcubed.py` scores the node each planted mention joined against the clusters govkg-gen "
  "wrote with `--truth`: one body under several forms (full name, without its province, the "
  "division's short form, an abbreviated kind, traditional script) in documents about one real "
  "city, and one generic name (公安机关, …) in documents of several cities, which must stay apart. "
  "A member extraction missed counts as a node of its own. Goal: B-cubed precision and recall ≥ 0.97.\n")
if "precision" in bc:
    w("| items | clusters | of several documents | nodes | missed by extraction | precision | recall | F1 |\n"
      "|---|---|---|---|---|---|---|---|")
    w(f"| {bc['items']} | {bc['clusters']} | {bc['multi_document_clusters']} | {bc['nodes']} | "
      f"{bc['unresolved']} | {bc['precision']:.3f} | {bc['recall']:.3f} | {bc['f1']:.3f} |")
    ok = bc["precision"] >= 0.97 and bc["recall"] >= 0.97
    w(f"\n**B-cubed precision {bc['precision']:.3f}, recall {bc['recall']:.3f}: "
      f"{'meets' if ok else 'below'} the 0.97 goal.**\n")
else:
    w(f"n/a ({bc.get('na', 'not measured')})\n")

# --- extraction speed -----------------------------------------------------
w("## Extraction throughput (MB/s of UTF-8 text)\n")
w(f"`govkg extract --format json` over all files; all cores = {cores} processes over shards. "
  "Peer: jieba (`jieba.cut`, default mode, dictionary load excluded) segmenting the same files on one core; "
  "segmentation is a small part of what extraction does.\n")
w("| size | govkg 1 core | govkg all cores | jieba 1 core | govkg/jieba (1 core) |\n|---|---|---|---|---|")
for s in sizes:
    g1 = mb(s) / num(s, "extract1.s") if num(s, "extract1.s") else None
    jb = mb(s) / num(s, "jieba.s") if num(s, "jieba.s") else None
    w(f"| {s} MB | {cell(s, 'extract1.s', per=mb(s))} | {cell(s, 'extractN.s', per=mb(s))} | "
      f"{cell(s, 'jieba.s', per=mb(s))} | {ratio(g1, jb)} |")
w("")

# --- ingest ---------------------------------------------------------------
w("## Ingest and store\n")
w(f"`govkg ingest -j {cores}` of the corpus folder into a fresh store (extraction included).\n")
w("| size | seconds | MB/s | triples | triples/s | peak RSS MB | store MB | bytes/triple |\n"
  "|---|---|---|---|---|---|---|---|")
for s in sizes:
    t, tr = num(s, "ingest.s"), num(s, "store.triples")
    sb = num(s, "store.bytes")
    w(f"| {s} MB | {cell(s, 'ingest.s')} | {cell(s, 'ingest.s', per=mb(s))} | {fmt(tr) or 'n/a'} | "
      f"{fmt(tr / t) if t and tr else 'n/a'} | {cell(s, 'ingest.rss_kb', scale=1 / 1024)} | "
      f"{fmt(sb / 1e6) if sb else 'n/a'} | {fmt(sb / tr) if sb and tr else 'n/a'} |")
w("")
w("### Bulk path: sorted load against the write path\n")
w(f"A new store loads by sorting (`--load sorted`, the default for files into a new store); "
  f"`--load batched` is the write path in groups. Ingest as a share of extraction on {cores} cores "
  "(the extraction figure above). `store_bench --load L --triples 1000000`: synthetic graphs, no extraction; "
  "goal ≥ 500k triples/s.\n")
w("| size | ingest sorted MB/s | ingest batched MB/s | extraction all cores MB/s | sorted / extraction | "
  "peak RSS MB per GB of text | store_bench sorted triples/s | store_bench batched triples/s |\n"
  "|---|---|---|---|---|---|---|---|")
for s in sizes:
    ing, ext = num(s, "ingest.s"), num(s, "extractN.s")
    rss = num(s, "ingest.rss_kb")
    w(f"| {s} MB | {cell(s, 'ingest.s', per=mb(s))} | {cell(s, 'ingest_batched.s', per=mb(s))} | "
      f"{cell(s, 'extractN.s', per=mb(s))} | {fmt(100 * ext / ing) + ' %' if ing and ext else 'n/a'} | "
      f"{fmt(rss / 1024 / mb(s) * 1000) if rss else 'n/a'} | {fmt(num(s, 'store_bench.sorted.tps')) or 'n/a'} | "
      f"{fmt(num(s, 'store_bench.batched.tps')) or 'n/a'} |")
w("")

# --- queries --------------------------------------------------------------
w("## Query latency (ms, whole CLI call) and networkx\n")
w("networkx: `nx.read_graphml` of govkg's GraphML export, then the same question in-process "
  "(ego_graph, shortest_path, descendants over subOrganizationOf, a two-edge pattern). "
  "Ratio = networkx (load + answer) / govkg whole call.\n")
queries = [("show", "q.show", "show"), ("neighbors depth 1", "q.neighbors1", "neighbors1"),
           ("neighbors depth 2", "q.neighbors2", "neighbors2"), ("path", "q.path", "path"),
           ("query `?a conducts ?p . ?p reports ?m`", "q.query", "query"), ("tree", "q.tree", "tree")]
w("| size | question | govkg ms | networkx answer ms | networkx load s | ratio |\n|---|---|---|---|---|---|")
for s in sizes:
    nx = load_json(os.path.join(work, f"s{s}", "nx.json"))
    for label, key, nkey in queries:
        g = num(s, key + ".s")
        ans = nx.get(nkey)
        load = nx.get("load_seconds")
        r = ratio((load + ans) if load is not None and ans is not None else None, g)
        w(f"| {s} MB | {label} | {cell(s, key + '.s', scale=1000)} | "
          f"{fmt(ans * 1000) if ans is not None else na(s, 'nx.s')} | {fmt(load) if load else 'n/a'} | {r} |")
w("")
# --- start-up -------------------------------------------------------------
startup_path = os.path.join(work, "startup.tsv")
startup = dict(l.rstrip("\n").split("\t", 1) for l in open(startup_path, encoding="utf-8")) \
    if os.path.exists(startup_path) else {}
w("## CLI start-up (ms, whole call, samples' store)\n")
w("`govkg` runs the read-only commands itself and hands the rest to `govkg-full` before its static "
  "initializers run (cli/programs.h). Medians of 100 hyperfine runs. Goals: `--version` ≤ 5 ms, "
  "`neighbors` depth 1 ≤ 10 ms.\n")
w("| call | ms | goal |\n|---|---|---|")
for key, label, goal in [("true", "`/bin/true` (process floor)", ""),
                         ("version", "`govkg --version`", "≤ 5"),
                         ("neighbors", "`govkg neighbors 公安厅 --depth 1`", "≤ 10"),
                         ("neighbors_full", "the same through `govkg-full` (everything linked)", "")]:
    v = startup.get(key)
    try:
        ms = fmt(float(v) * 1000)
    except (TypeError, ValueError):
        ms = v or "n/a (not run)"
    w(f"| {label} | {ms} | {goal} |")
w("")
w("## Boost.Graph view of the whole store\n")
w("`govkg components --limit 1` builds the view of every entity and triple and walks it once (whole call).\n")
w("| size | seconds | peak RSS MB |\n|---|---|---|")
for s in sizes:
    w(f"| {s} MB | {cell(s, 'bgl.s')} | {cell(s, 'bgl.rss_kb', scale=1 / 1024)} |")
w("")

# --- export ---------------------------------------------------------------
w("## Export throughput per format\n")
w("`govkg export --format F -o OUT` of the whole store (whole call). triples/s counts the store's triples.\n")
w("| size | format | seconds | output MB | output MB/s | triples/s | peak RSS MB |\n|---|---|---|---|---|---|---|")
for s in sizes:
    tr = num(s, "store.triples")
    for f in ("nt", "jsonld", "ttl", "graphml", "dot", "csv", "neo4j", "nebula"):
        t, b = num(s, f"export.{f}.s"), num(s, f"export.{f}.bytes")
        w(f"| {s} MB | {f} | {cell(s, f'export.{f}.s')} | {fmt(b / 1e6) if b else 'n/a'} | "
          f"{fmt(b / 1e6 / t) if b and t else 'n/a'} | {fmt(tr / t) if tr and t else 'n/a'} | "
          f"{cell(s, f'export.{f}.rss_kb', scale=1 / 1024)} |")
w("")
w("## RDF peers on govkg's N-Triples export\n")
w("rdflib: parse the exported N-Triples, serialise to JSON-LD and to N-Triples. "
  "Jena: `tdb2.tdbloader` loads the same file into a new TDB2 store (whole call incl. JVM start). "
  "Both read the first `--peer-triples` lines (default 1M) of govkg's N-Triples: rdflib keeps "
  "the whole graph in memory. So the comparison is in triples per second: govkg's rate is its "
  "whole export (all lines / export time); a ratio is govkg's rate / the peer's.\n")
w("| size | govkg nt lines | peer lines | rdflib parse s | rdflib parse+JSON-LD triples/s | govkg jsonld triples/s | ratio | "
  "rdflib parse+NT triples/s | govkg nt triples/s | ratio | Jena TDB2 load s | Jena triples/s | govkg ingest triples/s |\n"
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for s in sizes:
    rd = load_json(os.path.join(work, f"s{s}", "rdflib.json"))
    lines, peer = num(s, "export.nt.lines"), num(s, "peer.nt.lines")
    gj, gn = num(s, "export.jsonld.s"), num(s, "export.nt.s")
    ps, js, ns = rd.get("parse_seconds"), rd.get("jsonld_seconds"), rd.get("nt_seconds")
    je, ing, tr = num(s, "jena.s"), num(s, "ingest.s"), num(s, "store.triples")
    rj = peer / ((ps or 0) + js) if peer and js else None
    rn = peer / ((ps or 0) + ns) if peer and ns else None
    gjr = lines / gj if lines and gj else None
    gnr = lines / gn if lines and gn else None
    w(f"| {s} MB | {fmt(lines) or 'n/a'} | {fmt(peer) or 'n/a'} | {fmt(ps) if ps else na(s, 'rdflib.s')} | "
      f"{fmt(rj) if rj else 'n/a'} | {fmt(gjr) if gjr else 'n/a'} | {ratio(gjr, rj) if gjr and rj else 'n/a'} | "
      f"{fmt(rn) if rn else 'n/a'} | {fmt(gnr) if gnr else 'n/a'} | {ratio(gnr, rn) if gnr and rn else 'n/a'} | "
      f"{cell(s, 'jena.s')} | {fmt(peer / je) if peer and je else 'n/a'} | {fmt(tr / ing) if tr and ing else 'n/a'} |")
w("")
for s in sizes:
    for tool in ("extract_bench_samples", "extract_bench", "store_bench_sorted", "store_bench_batched", "export_bench"):
        p = os.path.join(work, f"s{s}", f"{tool}.txt")
        if os.path.exists(p):
            w(f"### {tool} at {s} MB\n\n```\n{open(p, encoding='utf-8').read().strip()}\n```\n")

# --- adversarial shapes (bench/adversarial_run --tsv) ------------------------
adv_path = os.path.join(work, "adversarial.tsv")
if os.path.exists(adv_path):
    rows, ingest = [], None
    for line in open(adv_path, encoding="utf-8"):
        name, *fields = line.rstrip("\n").split("\t")
        kv = dict(f.split("=", 1) for f in fields if "=" in f)
        if name == "ingest":
            ingest = kv
        else:
            rows.append((name, kv))

    def fnum(kv, key):
        try:
            return float(kv.get(key, ""))
        except ValueError:
            return None

    w("## Adversarial shapes (issue 21)\n")
    w("`bench/adversarial_run --runs 1`: every shape of `govkg-adversarial --list` as one file of 1 MB and of 4 MB. "
      "CLI MB/s: bytes / wall seconds of `govkg -q extract --format json FILE >/dev/null` (process start and "
      "lexicon load included); ratio: the 4 MB call's seconds / the 1 MB call's (linear: about 4). Extractor: "
      "`extract_bench DIR MB`, MB/s of CPU time (MB of 2^20 bytes). Goal: ≥ 5 MB/s at 4 MB, ratio ≤ 5.\n")
    w("| shape | CLI MB/s 1 MB | CLI MB/s 4 MB | ratio 4 MB / 1 MB | extractor MB/s 1 MB | extractor MB/s 4 MB |")
    w("|---|---|---|---|---|---|")
    for name, kv in rows:
        c1, c4 = fnum(kv, "cli1_s"), fnum(kv, "cli4_s")
        b1, b4 = fnum(kv, "bytes1"), fnum(kv, "bytes4")
        m1 = fmt(b1 / 1e6 / c1) if c1 and b1 else "n/a"
        m4 = fmt(b4 / 1e6 / c4) if c4 and b4 else "n/a"
        r = f"{c4 / c1:.2f}" if c1 and c4 else "n/a"
        w(f"| {name} | {m1} | {m4} | {r} | {kv.get('ext1_mbps', 'n/a')} | {kv.get('ext4_mbps', 'n/a')} |")
    w("")
    if ingest:
        w(f"Ingest (-j {cores}) of the generated corpus of 4 MB: {ingest.get('plain_s')} s; with the 4 MB "
          f"{ingest.get('shape')} file added: {ingest.get('with_s')} s; that file alone extracts in "
          f"{ingest.get('alone_s')} s; at the pace of its size (added ≤ 2 × alone + 1 s): {ingest.get('paced')}.\n")

w("## Time and memory against corpus size\n")
w("![time and memory](plot.png)\n")
w("## Exact commands\n")
w("Run from the work folder (`$GOVKG_BENCH_WORK`, default /tmp/govkg-bench); `$D` is `s<MB>`.\n")
w("```")
seen = set()
for c in open(os.path.join(work, "commands.txt"), encoding="utf-8"):
    c = c.strip().replace(work + "/", "")
    if c not in seen:
        seen.add(c)
        w(c)
w("```")
open(os.path.join(bench, "REPORT.md"), "w", encoding="utf-8").write("\n".join(out) + "\n")

# --- plot -----------------------------------------------------------------
series = [("extract1.s", "extract, 1 core"), ("extractN.s", f"extract, {cores} cores"),
          ("ingest.s", "ingest"), ("export.nt.s", "export nt"), ("jieba.s", "jieba (peer)")]
with open(os.path.join(work, "plot.dat"), "w") as f:
    for s in sizes:
        vals = [num(s, k) for k, _ in series] + [num(s, "ingest.rss_kb")]
        vals[-1] = vals[-1] / 1024 if vals[-1] else None
        f.write(f"{mb(s):.3f} " + " ".join("NaN" if v is None else f"{v:.6g}" for v in vals) + "\n")
plots = [f"'{work}/plot.dat' using 1:{i + 2} with linespoints axes x1y1 title '{t} (s)'"
         for i, (_, t) in enumerate(series)]
plots.append(f"'{work}/plot.dat' using 1:{len(series) + 2} with linespoints dashtype 2 lw 2 axes x1y2 "
             "title 'ingest peak RSS (MB)'")
with open(os.path.join(work, "plot.gp"), "w") as f:
    f.write(f"""set terminal pngcairo size 900,560 font 'Noto Sans CJK SC,10'
set output '{bench}/plot.png'
set title 'govkg: time and memory against corpus size'
set logscale xy
set logscale y2
set xlabel 'corpus MB'
set ylabel 'seconds'
set y2label 'peak RSS MB'
set ytics nomirror
set y2tics
set key left top
set grid
plot {", ".join(plots)}
""")
