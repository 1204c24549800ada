#!/usr/bin/python3
"""Loads a page of `govkg export --format html` in headless Chromium and
reports, as JSON, what the DOM holds after the page's scripts ran.

usage: browser_check.py PAGE QUERY SCREENSHOT.png
       browser_check.py --network-only PAGE   (prints {"network": [...]})

Chromium runs twice on file://PAGE#q=QUERY (the page searches QUERY and opens
the first hit's card): once with --dump-dom, logging every network event to a
NetLog, once with --screenshot. Printed: ready, drawn (nodes drawn), hits,
results (names listed), card (the card's name), provenance (the quotes the
card shows), documents, network (URLs of requests other than the page's own
file), csp (the page's Content-Security-Policy).
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--no-default-browser-check", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-domain-reliability", "--disable-client-side-phishing-detection",
    "--metrics-recording-only", "--mute-audio", "--hide-scrollbars",
    "--virtual-time-budget=10000", "--window-size=1400,1000",
]


class Dom(html.parser.HTMLParser):
    """Collects the few things the test asks about."""

    def __init__(self):
        super().__init__()
        self.body = {}
        self.csp = None
        self.results = []
        self.card_name = ""
        self.quotes = []
        self.docs = []
        self._stack = []  # (tag, id, class) of open elements
        self._text = None  # (kind, parts) while collecting text

    def _inside(self, **want):
        return any(all(e.get(k) == v for k, v in want.items()) for e in self._stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.body = a
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag in ("meta", "input", "br", "img", "link"):
            return
        entry = {"tag": tag, "id": a.get("id"), "class": a.get("class")}
        self._stack.append(entry)
        if tag == "li" and self._inside(id="results"):
            self._text = ("result", [])
        elif tag == "h2" and self._inside(id="card"):
            self._text = ("card", [])
        elif tag == "q" and self._inside(id="card"):
            self._text = ("quote", [])
        elif tag == "span" and a.get("class") == "doc" and self._inside(id="card"):
            self._text = ("doc", [])

    def handle_endtag(self, tag):
        while self._stack:
            top = self._stack.pop()
            if top["tag"] == tag:
                break
        if self._text is None:
            return
        kind, parts = self._text
        done = {"result": "li", "card": "h2", "quote": "q", "doc": "span"}[kind]
        if tag != done:
            return
        text = "".join(parts).strip()
        if kind == "result":
            self.results.append(text)
        elif kind == "card":
            self.card_name = text
        elif kind == "quote":
            self.quotes.append(text)
        else:
            self.docs.append(text.lstrip("— "))
        self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text[1].append(data)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("browser_check: no chromium (scripts/setup installs it)")


def network_requests(netlog_path):
    """URLs the page asked the network for, from Chromium's NetLog.

    Every request reaches the network stack as a URL_REQUEST_START_JOB event.
    The browser's own background requests (component updates, accounts) have
    the initiator "not an origin"; a page's have its origin ("null" for a
    file:// page) and its network isolation key.
    """
    try:
        with open(netlog_path, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return ["<no netlog written>"]
    # Chromium may leave the final "]}" off when it exits abruptly.
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = set()
    for event in log.get("events", []):
        params = event.get("params") or {}
        if event.get("type") != start_job or "url" not in params:
            continue
        if params.get("initiator") == "not an origin":
            continue
        if params["url"].startswith(("file:", "data:", "blob:", "about:", "chrome:")):
            continue
        urls.add(params["url"])
    return sorted(urls)


def dump_dom(browser, url, tmp):
    netlog = os.path.join(tmp, "net.json")
    dom = subprocess.run(
        [browser, *CHROMIUM_FLAGS, "--user-data-dir=" + os.path.join(tmp, "profile"),
         "--log-net-log=" + netlog, "--net-log-capture-mode=Everything", "--dump-dom", url],
        capture_output=True, text=True, timeout=180)
    if dom.returncode != 0 or "<body" not in dom.stdout:
        sys.exit("browser_check: chromium --dump-dom failed: " + dom.stderr[-2000:])
    return dom.stdout, network_requests(netlog)


def main():
    if sys.argv[1] == "--network-only":
        # The check of the check: what a page's requests look like in the log.
        with tempfile.TemporaryDirectory() as tmp:
            url = "file://" + urllib.parse.quote(os.path.abspath(sys.argv[2]))
            _, network = dump_dom(chromium(), url, tmp)
        print(json.dumps({"network": network}))
        return
    page, query, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
    url = "file://" + urllib.parse.quote(os.path.abspath(page)) + "#q=" + urllib.parse.quote(query)
    browser = chromium()
    with tempfile.TemporaryDirectory() as tmp:
        dom, network = dump_dom(browser, url, tmp)
        shot = subprocess.run(
            [browser, *CHROMIUM_FLAGS, "--user-data-dir=" + os.path.join(tmp, "profile2"),
             "--screenshot=" + os.path.abspath(screenshot), url],
            capture_output=True, text=True, timeout=180)
        if shot.returncode != 0 or not os.path.exists(screenshot):
            sys.exit("browser_check: chromium --screenshot failed: " + shot.stderr[-2000:])
    parser = Dom()
    parser.feed(dom)
    body = parser.body
    print(json.dumps({
        "ready": body.get("data-ready") == "1",
        "drawn": int(body.get("data-drawn", "-1")),
        "hits": int(body.get("data-hits", "0")),
        "results": parser.results,
        "card": parser.card_name,
        "provenance": parser.quotes,
        "documents": parser.docs,
        "network": network,
        "csp": parser.csp,
        "screenshot_bytes": os.path.getsize(screenshot),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
