"""Pages per second of unboil, trafilatura and resiliparse, in one process, on
the same pages: each on one thread, and on all cores.

    pip install ./python trafilatura lxml_html_clean resiliparse
    python python/bench/bench.py                 # the scrapinghub pages
    python python/bench/bench.py --limit 5 --repeat 1   # a smoke run

unboil runs on all cores through ``Extractor.extract_many`` (one process, the
GIL released) and through Python threads calling ``extract``; the two Python
extractors, which hold the GIL, through a process pool. Each tool decodes the
page bytes itself. A tool that is not installed is left out. Timings on a
loaded machine are noise: run it on an idle one.
"""

import argparse
import gzip
import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / "tests" / "data" / "scrapinghub" / "html"


def load_pages(directory: Path, limit: int) -> list:
    """The pages of `directory` as bytes (gunzipped), sorted by name."""
    paths = sorted(p for p in directory.iterdir() if p.suffix in {".gz", ".html", ".htm"})
    if limit:
        paths = paths[:limit]
    return [gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes() for p in paths]


# Each tool: a function of one page's bytes returning its text. Module-level
# so that a process pool can send them to its workers.


def run_unboil(page: bytes) -> str:
    import unboil

    return unboil.extract(page) or ""


def run_trafilatura(page: bytes) -> str:
    import trafilatura

    return trafilatura.extract(page) or ""


def run_resiliparse(page: bytes) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import detect_encoding
    from resiliparse.parse.html import HTMLTree

    tree = HTMLTree.parse_from_bytes(page, detect_encoding(page))
    return extract_plain_text(tree, main_content=True)


def available(name: str) -> bool:
    """Whether `name` imports; says why not when it does not."""
    try:
        __import__(name)
        return True
    except ImportError as error:
        print(f"({name} left out: {error})")
        return False


def timed(run, repeat: int) -> float:
    """The best of `repeat` wall times of `run()`, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def one_thread(function, pages):
    return lambda: [function(page) for page in pages]


def unboil_extract_many(pages, threads):
    import unboil

    extractor = unboil.Extractor()
    return lambda: extractor.extract_many(pages, threads=threads)


def python_threads(function, pages, threads):
    def run():
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(function, pages))

    return run


def processes(function, pages, workers):
    def run():
        with ProcessPoolExecutor(max_workers=workers) as pool:
            list(pool.map(function, pages, chunksize=max(1, len(pages) // (workers * 8))))

    return run


def cases(pages, cores):
    """(tool, how, runner) for every tool installed."""
    found = []
    if available("unboil"):
        run_unboil(pages[0])  # warm up: imports, word lists
        found += [
            ("unboil", "1 thread", one_thread(run_unboil, pages)),
            ("unboil", f"extract_many, {cores} threads", unboil_extract_many(pages, cores)),
            ("unboil", f"{cores} Python threads", python_threads(run_unboil, pages, cores)),
        ]
    for name, function in [("trafilatura", run_trafilatura), ("resiliparse", run_resiliparse)]:
        if not available(name):
            continue
        function(pages[0])  # warm up
        found += [
            (name, "1 thread", one_thread(function, pages)),
            (name, f"{cores} processes", processes(function, pages, cores)),
        ]
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a directory of pages (.html, .html.gz)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--repeat", type=int, default=3, help="runs per case; the best is kept")
    parser.add_argument("--cores", type=int, default=os.cpu_count() or 1, help="threads or processes for 'all cores'")
    args = parser.parse_args()

    pages = load_pages(args.data, args.limit)
    megabytes = sum(map(len, pages)) / 1e6
    print(f"{len(pages)} pages, {megabytes:.1f} MB, from {args.data}; best of {args.repeat}")
    rows = []
    for tool, how, run in cases(pages, args.cores):
        seconds = timed(run, args.repeat)
        rows.append((tool, how, seconds, len(pages) / seconds))
    print(f"\n| {'tool':<12} | {'how':<28} | {'seconds':>8} | {'pages/s':>8} |")
    print(f"|{'-' * 14}|{'-' * 30}|{'-' * 9}:|{'-' * 9}:|")
    for tool, how, seconds, rate in rows:
        print(f"| {tool:<12} | {how:<28} | {seconds:>8.2f} | {rate:>8.1f} |")


if __name__ == "__main__":
    main()
