"""The datatrove adapter, run through datatrove itself (skipped when
datatrove is not installed)."""

import pickle

import pytest

datatrove = pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.pipeline.extractors.base import BaseExtractor  # noqa: E402

import unboil  # noqa: E402
from unboil.datatrove import Unboil  # noqa: E402

PROSE = "The council met on Monday and agreed, after a long debate, to publish its findings before the end of the month."


def documents(sample_pages):
    docs = [Document(text=page.decode("utf-8", "replace"), id=str(i), metadata={}) for i, page in enumerate(sample_pages)]
    docs.append(Document(text="<nav><a href='/'>Home</a></nav>", id="nav", metadata={}))
    docs.append(Document(text="", id="empty", metadata={}))
    docs.append(Document(text=f"<p>{PROSE} <a href='r.pdf'>r</a></p>", id="url", metadata={"url": "https://a.example/"}))
    return docs


def test_it_is_a_datatrove_extractor():
    step = Unboil()
    assert isinstance(step, BaseExtractor)
    assert step.extract(f"<article><p>{PROSE}</p></article>") == PROSE
    assert step.extract("") == ""
    assert step.extract("<nav><a href='/'>Home</a></nav>") == ""


@pytest.mark.parametrize("batch_size", [None, 3])
def test_it_runs_in_a_pipeline(sample_pages, batch_size):
    step = Unboil(batch_size=batch_size, threads=2, timeout=30)
    docs = documents(sample_pages)
    expected = {d.id: unboil.extract(d.text, include_comments=False) for d in docs if d.text}
    out = list(step.run(iter(documents(sample_pages))))
    assert [d.id for d in out] == [i for i, text in expected.items() if text]
    for doc in out:
        assert doc.text == expected[doc.id]
    assert step.stats["extracted"].total >= len(out)


def test_it_pickles_for_datatrove_s_workers():
    step = Unboil(favour_precision=True)
    step.extract(f"<p>{PROSE}</p>")
    copy = pickle.loads(pickle.dumps(step))
    assert copy.extract(f"<p>{PROSE}</p>") == step.extract(f"<p>{PROSE}</p>")
    assert copy.extractor.options["favor_precision"] is True


@pytest.mark.parametrize("output_format", ["markdown", "json"])
def test_a_batch_gives_what_extract_gives_in_every_format(sample_pages, output_format):
    # Without URLs: a batch passes doc.metadata["url"] on, extract(text) cannot.
    docs = [d for d in documents(sample_pages) if "url" not in d.metadata]
    sandboxed = Unboil(output_format=output_format)
    expected = [sandboxed.extract(d.text) for d in docs]
    out = list(Unboil(output_format=output_format, batch_size=4).run(iter(docs)))
    assert [d.text for d in out] == [text for text in expected if text]
