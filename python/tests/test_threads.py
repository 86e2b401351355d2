"""Every call releases the GIL: Python threads run extractions side by side
and other Python code goes on meanwhile. No timings are taken: the tests
check results and that the interpreter is free during a call."""

import threading
from concurrent.futures import ThreadPoolExecutor

import unboil


def test_python_threads_give_the_serial_results(sample_pages):
    extractor = unboil.Extractor()
    serial = [extractor.extract(page) for page in sample_pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(extractor.extract, sample_pages))
        module_level = list(pool.map(unboil.extract, sample_pages))
    assert threaded == serial == module_level


def test_extract_many_equals_one_by_one_for_any_thread_count(sample_pages):
    extractor = unboil.Extractor(output_format="markdown")
    one_by_one = [extractor.extract_article(page).to_json() for page in sample_pages]
    for threads in (None, 1, 2, 3):
        batch = extractor.extract_many(sample_pages, threads=threads)
        assert [a.to_json() for a in batch] == one_by_one


def test_the_gil_is_free_while_a_batch_runs(sample_pages):
    """A thread counting in Python makes progress while another thread is
    inside extract_many: a call holding the GIL would stop it dead."""
    pages = sample_pages * 4
    inside = threading.Event()
    finished = threading.Event()

    def run():
        inside.set()
        unboil.Extractor().extract_many(pages, threads=1)
        finished.set()

    worker = threading.Thread(target=run)
    worker.start()
    inside.wait()
    counted = 0
    while not finished.is_set():
        counted += 1
    worker.join()
    assert counted > 1000


def test_the_gil_is_free_during_a_single_extract(sample_pages):
    page = max(sample_pages, key=len)
    finished = threading.Event()

    def run():
        for _ in range(5):
            unboil.extract(page)
        finished.set()

    worker = threading.Thread(target=run)
    worker.start()
    counted = 0
    while not finished.is_set():
        counted += 1
    worker.join()
    assert counted > 1000
