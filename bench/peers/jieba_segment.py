#!/usr/bin/python3
"""Peer: jieba segments the same corpus (one core). usage: jieba_segment.py LIST_FILE

Prints one JSON line: {"seconds": segmentation time (dictionary load excluded),
"load_seconds": ..., "bytes": ..., "tokens": ...}."""
import json
import logging
import sys
import time

import jieba

jieba.setLogLevel(logging.WARNING)
t0 = time.perf_counter()
jieba.initialize()
t1 = time.perf_counter()
nbytes = tokens = 0
with open(sys.argv[1], encoding="utf-8") as lst:
    for path in lst:
        with open(path.strip(), "rb") as f:
            data = f.read()
        nbytes += len(data)
        for _ in jieba.cut(data.decode("utf-8")):
            tokens += 1
t2 = time.perf_counter()
print(json.dumps({"seconds": t2 - t1, "load_seconds": t1 - t0, "bytes": nbytes, "tokens": tokens}))
