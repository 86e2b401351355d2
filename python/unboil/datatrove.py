"""unboil as a datatrove extractor step (``pip install datatrove``).

A drop-in for datatrove's ``Trafilatura`` step: it takes each document's HTML
from ``doc.text`` and puts the main content back, dropping documents with
none::

    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    from unboil.datatrove import Unboil

    pipeline = [
        WarcReader("s3://commoncrawl/crawl-data/CC-MAIN-2024-10/segments/", limit=1000),
        Unboil(favor_precision=True),
        JsonlWriter("output/"),
    ]

By default documents go one at a time through datatrove's sandbox (a child
process with a per-document ``timeout``), like every datatrove extractor.
unboil cannot hang or crash the interpreter, so ``batch_size=N`` may skip the
sandbox instead: documents are extracted N at a time by
``Extractor.extract_many`` on ``threads`` threads (all cores by default),
in order, each document's URL (``doc.metadata["url"]``) passed along.
"""

from __future__ import annotations

from typing import Any, Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

from . import Extractor

__all__ = ["Unboil", "UnboilExtractor"]


class Unboil(BaseExtractor):
    """datatrove extractor step running unboil.

    Args:
        favour_precision: leave out doubtful blocks (datatrove's spelling;
            ``favor_precision`` is taken too). Off by default, unlike
            datatrove's Trafilatura step: unboil's default is its measured
            best balance.
        timeout: per-document timeout in seconds, in the sandbox.
        batch_size: when set, skip the sandbox and extract this many
            documents at a time on ``threads`` threads.
        threads: threads for a batch (default: one per core).
        **options: any other ``unboil.Extractor`` option (``include_comments``
            defaults to False here, as in datatrove's Trafilatura step, since
            a comment is not the document's text).
    """

    name = "🍲 Unboil"
    _requires_dependencies = ["unboil"]

    def __init__(
        self,
        favour_precision: bool = False,
        timeout: float = 1,
        batch_size: Optional[int] = None,
        threads: Optional[int] = None,
        **options: Any,
    ):
        super().__init__(timeout)
        options.setdefault("favor_precision", favour_precision)
        options.setdefault("include_comments", False)
        self.options = options
        self.batch_size = batch_size
        self.threads = threads
        self._extractor: Optional[Extractor] = None

    @property
    def extractor(self) -> Extractor:
        """The configured extractor, made on first use (in the worker process)."""
        if self._extractor is None:
            self._extractor = Extractor(**self.options)
        return self._extractor

    def __getstate__(self) -> dict:
        # Pipelines are pickled to their workers: the native extractor is
        # made again there from the options.
        state = self.__dict__.copy()
        state["_extractor"] = None
        return state

    def extract(self, text: str) -> str:
        """The main content of ``text`` (HTML), '' when the page has none."""
        if not text:
            return ""
        return self.extractor.extract(text) or ""

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        if not self.batch_size:
            yield from super().run(data, rank, world_size)
            return
        batch: list = []
        for doc in data:
            batch.append(doc)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, docs: list) -> DocumentsPipeline:
        """Extract ``docs`` together and yield those with content."""
        urls = [doc.metadata.get("url") if isinstance(doc.metadata.get("url"), str) else None for doc in docs]
        with self.track_time(unit="batch"):
            articles = self.extractor.extract_many([doc.text or "" for doc in docs], urls=urls, threads=self.threads)
        for doc, article in zip(docs, articles):
            self.stat_update(StatHints.total)
            if article.error is not None:
                self.stat_update("clean_error")
                continue
            self.stat_update("extracted")
            doc.text = self._render(article)
            if doc.text:
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)

    def _render(self, article) -> str:
        """The article in the step's ``output_format``, as ``extract`` gives it."""
        if not article.text:
            return ""
        method = _RENDERINGS.get(self.extractor.options["output_format"])
        return getattr(article, method)() if method else article.text


# The Article method for each output format other than plain text.
_RENDERINGS = {"markdown": "to_markdown", "html": "to_html", "json": "to_json"}

UnboilExtractor = Unboil
