"""Dump every page of one evaluation set to text with one tool.

    python scripts/text_dumps.py SET_DIR TOOL OUT.json.gz

TOOL is one of lynx, w3m, bs4, html2text, inscriptis, chromium. The output
is `{id: text}`, gzip-compressed, keys sorted and the gzip time stamp zero so
a rerun with the same tool versions gives the same bytes. Run by
scripts/make_text_dumps.sh, which installs the tools.

Each page is written decompressed to a scratch file first, its <meta>
charset declaration (if any) rewritten to UTF-8, because the stored pages
are UTF-8 whatever the original said. No tool gets network access: lynx and
w3m are given local files, the Python libraries never fetch, and Chromium
runs with every http(s) request sent to a closed local proxy port.
"""

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

# A tool that takes longer than this on one page is stopped and the page
# dumped as empty (none of the pages come close; it guards against hangs).
TOOL_TIMEOUT_SECONDS = 60

# Chromium: wait at most this long for a page's load event (resources all
# fail at once offline, so pages load in well under a second).
LOAD_WAIT_SECONDS = 10

CHARSET = re.compile(rb"(<meta[^>]*charset\s*=\s*[\"']?)([A-Za-z0-9_.:-]+)", re.I)


def page_ids(set_dir):
    html_dir = os.path.join(set_dir, "html")
    return sorted(n[: -len(".html.gz")] for n in os.listdir(html_dir) if n.endswith(".html.gz"))


def write_page(set_dir, page_id, scratch):
    with gzip.open(os.path.join(set_dir, "html", page_id + ".html.gz")) as f:
        html = f.read()
    html = CHARSET.sub(lambda m: m.group(1) + b"utf-8", html)
    path = os.path.join(scratch, page_id + ".html")
    with open(path, "wb") as f:
        f.write(html)
    return path, html.decode("utf-8", "replace")


def run(argv):
    try:
        out = subprocess.run(argv, capture_output=True, timeout=TOOL_TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        return ""
    return out.stdout.decode("utf-8", "replace")


def lynx(path, _html):
    return run(["lynx", "-dump", "-force_html", "-assume_charset=utf-8",
                "-display_charset=utf-8", "-nocolor", path])


def w3m(path, _html):
    return run(["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", path])


def bs4(_path, html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser").get_text("\n")


def html2text(_path, html):
    import html2text as h2t

    return h2t.html2text(html)


def inscriptis(_path, html):
    from inscriptis import get_text

    return get_text(html)


class Chromium:
    """One headless Chromium driven over the DevTools protocol."""

    FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync",
             "--remote-debugging-port=0", "--remote-allow-origins=*",
             # Offline: every http(s) request goes to a closed port.
             "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="unboil-chromium-")
        self.proc = subprocess.Popen(
            ["chromium", *self.FLAGS, "--user-data-dir=" + self.profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().count("\n") >= 1:
                break
            time.sleep(0.1)
        port = open(port_file).read().split("\n")[0]
        req = urllib.request.Request(f"http://127.0.0.1:{port}/json/new?about:blank", method="PUT")
        with urllib.request.urlopen(req) as r:
            target = json.load(r)
        import websocket

        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"],
                                              suppress_origin=True, timeout=TOOL_TIMEOUT_SECONDS)
        self.next_id = 0
        self.call("Page.enable")

    def call(self, method, params=None, wait_event=None, deadline=None):
        """Send one command; return its result (and whether `wait_event` came)."""
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params or {}}))
        result, seen = None, wait_event is None
        while result is None or not seen:
            if result is not None and deadline is not None:
                left = deadline - time.time()
                if left <= 0:
                    break
                self.ws.settimeout(left)
            try:
                msg = json.loads(self.ws.recv())
            except Exception:  # the wait for the load event ran out
                break
            finally:
                self.ws.settimeout(TOOL_TIMEOUT_SECONDS)
            if msg.get("id") == my_id:
                result = msg.get("result", {})
            elif msg.get("method") == "Page.javascriptDialogOpening":
                self.ws.send(json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog",
                                         "params": {"accept": True}}))
            elif msg.get("method") == wait_event:
                seen = True
        return result or {}

    def inner_text(self, path):
        """The page's innerText, scripts running; when a script navigated
        away (offline, to an error page) or left no visible text (a page
        hidden until its scripts from the network arrive), the text of the
        page loaded again with scripts off."""
        url = "file://" + os.path.abspath(path)
        text = self.load(url)
        if text is None:
            self.call("Emulation.setScriptExecutionDisabled", {"value": True})
            text = self.load(url)
            self.call("Emulation.setScriptExecutionDisabled", {"value": False})
        return text or ""

    def load(self, url):
        self.call("Page.navigate", {"url": url}, wait_event="Page.loadEventFired",
                  deadline=time.time() + LOAD_WAIT_SECONDS)
        got = self.call("Runtime.evaluate", {
            "expression": "[location.protocol + location.pathname,"
                          " document.body ? document.body.innerText : null]",
            "returnByValue": True, "timeout": TOOL_TIMEOUT_SECONDS * 1000})
        value = got.get("result", {}).get("value") or ["", None]
        same_page = value[0] == "file:" + url[len("file://"):]
        return value[1] if same_page and (value[1] or "").strip() else None

    def close(self):
        self.ws.close()
        self.proc.terminate()
        self.proc.wait()
        subprocess.run(["rm", "-rf", self.profile], check=False)


def main():
    set_dir, tool, out = sys.argv[1:4]
    scratch = tempfile.mkdtemp(prefix="unboil-dumps-")
    dumps = {}
    browser = Chromium() if tool == "chromium" else None
    convert = {"lynx": lynx, "w3m": w3m, "bs4": bs4, "html2text": html2text,
               "inscriptis": inscriptis}.get(tool)
    for page_id in page_ids(set_dir):
        path, html = write_page(set_dir, page_id, scratch)
        try:
            if browser is not None:
                try:
                    dumps[page_id] = browser.inner_text(path)
                except Exception as e:  # a crashed or hung browser: start again
                    print(f"{page_id}: chromium {e!r}; restarting", file=sys.stderr)
                    browser.close()
                    browser = Chromium()
                    dumps[page_id] = ""
            else:
                dumps[page_id] = convert(path, html)
        finally:
            os.remove(path)
    if browser is not None:
        browser.close()
    os.rmdir(scratch)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    data = json.dumps(dumps, ensure_ascii=False, sort_keys=True, indent=0).encode("utf-8")
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(data)
    empty = sum(1 for t in dumps.values() if not t.strip())
    print(f"{tool}: {len(dumps)} pages ({empty} empty) -> {out}")


if __name__ == "__main__":
    main()
