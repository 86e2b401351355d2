"""Hostile inputs (the shapes of the Rust robustness tests) raise or return;
none takes the interpreter down."""

import random

import pytest

import unboil

PROSE = "The new rules would take effect next year, the minister told parliament on Tuesday afternoon."

HOSTILE = {
    "deep nesting": "<div>" * 100_000 + f"<p>{PROSE}</p>" + "</div>" * 100_000,
    "deep inline nesting": "<b><i>" * 50_000 + PROSE,
    "huge attribute": f'<p title="{"x" * 10_000_000}">{PROSE}</p>',
    "many attributes": "<p " + " ".join(f"a{i}=v" for i in range(100_000)) + f">{PROSE}</p>",
    "ten megabyte text node": f"<p>{PROSE} " + "word " * 2_000_000 + "</p>",
    "hundred thousand links": "<p>" + "<a href='/x'>link</a> " * 100_000 + "</p>",
    "unclosed comments": f"<p>{PROSE}" + "<!--" * 10_000,
    "unclosed scripts": f"<p>{PROSE}" + "<script>" * 10_000,
    "unfinished tags": f"<p>{PROSE}" + "<p" * 10_000,
    "misnested tables": "<table><tr><td><p>" * 5_000 + PROSE,
    "nul bytes": f"<p>{PROSE}\0{PROSE}</p><p a\0b=\"\0\">\0</p><\0p>" * 1_000,
    "only nul bytes": "\0" * 100_000,
    "lone angle brackets": "<" * 100_000 + ">" * 100_000,
    "random bytes": random.Random(17).randbytes(1_000_000),
    "invalid utf-8": b"<p>" + PROSE.encode() + b"\xff\xfe\xc3\x28\xa0\xa1</p>",
    "utf-16 without bom": f"<p>{PROSE}</p>".encode("utf-16-le"),
    "binary with html name": b"%PDF-1.7\n" + bytes(range(256)) * 100,
    "empty": "",
    "empty bytes": b"",
    "whitespace": " \t\r\n" * 1000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
@pytest.mark.parametrize("kind", ["html", "text"])
def test_hostile_input_raises_or_returns(name, kind):
    page = HOSTILE[name]
    try:
        result = unboil.extract(page, input=kind)
    except unboil.UnboilError as error:
        assert str(error) and error.kind in {"empty", "binary", "too_large", "limit"}
        return
    assert result is None or isinstance(result, str)
    if name.startswith("deep") and kind == "html":
        assert PROSE in result


def test_a_lone_surrogate_is_a_value_error():
    # A Python str that cannot be UTF-8: refused with a ValueError subclass.
    with pytest.raises(ValueError):
        unboil.extract(f"<p>{PROSE}\ud800</p>")


def test_hostile_inputs_in_one_batch_give_one_article_each():
    pages = list(HOSTILE.values())
    articles = unboil.Extractor().extract_many(pages, threads=2)
    assert len(articles) == len(pages)
    for name, article in zip(HOSTILE, articles):
        assert article.error is None or article.text == "", name
    assert articles[list(HOSTILE).index("empty")].error is not None


def test_tight_limits_fail_cleanly_in_a_batch():
    extractor = unboil.Extractor(max_dom_nodes=1000, max_output_bytes=50, max_depth=16)
    articles = extractor.extract_many([HOSTILE["deep nesting"], HOSTILE["hundred thousand links"], f"<p>{PROSE}</p>"])
    # Deep nesting is flattened at max_depth (as browsers do), so its tree
    # stays small; its text is then over the output limit.
    assert [a.error_limit for a in articles] == ["max_output_bytes", "max_dom_nodes", "max_output_bytes"]
