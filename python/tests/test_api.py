"""The Python API: options, formats, the Article, errors, the batch call."""

import gzip
import json

import pytest

import unboil

PROSE = "The council met on Monday and agreed, after a long debate, to publish its findings before the end of the month."
PAGE = f"""<html lang="en"><head><title>Budget agreed | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2021-11-03T08:00:00Z">
<link rel="canonical" href="https://daily.example/2021/11/03/budget">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Budget agreed</h1><p class="byline">By Jane Doe</p>
<p>{PROSE} <a href="report.pdf">The report</a> is online.</p>
<p>Residents can comment on the plans until the spring, when a public meeting will be held.</p>
<table><tr><th>Item</th><th>Cost</th></tr><tr><td>Roads and pavements</td><td>1.2 million</td></tr></table>
<img src="/chart.png" alt="A chart of the budget">
</article><footer>All rights reserved.</footer></body></html>"""


def test_extract_returns_the_article_text():
    text = unboil.extract(PAGE)
    assert text.startswith("The council met") and "All rights reserved" not in text
    assert "Home" not in text


def test_bytes_and_str_give_the_same_article():
    assert unboil.extract(PAGE.encode("utf-8")) == unboil.extract(PAGE)
    assert unboil.extract(bytearray(PAGE.encode("utf-8"))) == unboil.extract(PAGE)
    latin1 = '<meta charset="iso-8859-1"><p>Caf\xe9 cr\xe8me, ' .encode("latin-1") + PROSE.encode() + b"</p>"
    assert unboil.extract(latin1).startswith("Café crème")


def test_a_page_without_main_content_gives_none():
    assert unboil.extract("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>") is None
    assert unboil.extract("<nav><a href='/'>Home</a></nav>", output_format="json") is None


def test_every_output_format():
    markdown = unboil.extract(PAGE, output_format="markdown")
    assert markdown.startswith("# Budget agreed") and "| Item | Cost |" in markdown
    html = unboil.extract(PAGE, output_format="html")
    assert "<p>" in html and "<script" not in html
    record = json.loads(unboil.extract(PAGE, output_format="json"))
    assert record["title"] == "Budget agreed" and record["text"] == unboil.extract(PAGE)
    assert unboil.extract(PAGE, output_format="text") == unboil.extract(PAGE, output_format="txt")
    with pytest.raises(ValueError, match="output_format"):
        unboil.extract(PAGE, output_format="xml")


def test_options_change_the_result():
    assert "Roads and pavements" in unboil.extract(PAGE)
    assert "Roads and pavements" not in unboil.extract(PAGE, include_tables=False)
    linked = unboil.extract(PAGE, output_format="markdown", include_links=True)
    assert "[The report](https://daily.example/2021/11/03/report.pdf)" in linked
    imaged = unboil.extract(PAGE, output_format="markdown", include_images=True)
    assert "![A chart of the budget](https://daily.example/chart.png)" in imaged


def test_url_and_base_url_resolve_relative_links():
    page = f'<article><p>{PROSE} <a href="report.pdf">The report</a>.</p></article>'
    by_url = unboil.extract(page, url="https://news.example/a/", output_format="markdown", include_links=True)
    assert "(https://news.example/a/report.pdf)" in by_url
    extractor = unboil.Extractor(base_url="https://base.example/", output_format="markdown", include_links=True)
    assert "(https://base.example/report.pdf)" in extractor.extract(page)
    assert extractor.extract_article(page, url="https://news.example/x").canonical_url == "https://news.example/x"


def test_bad_options_are_refused():
    with pytest.raises(TypeError, match="unexpected keyword argument"):
        unboil.extract(PAGE, favour_recall=True)
    with pytest.raises(TypeError, match="True or False"):
        unboil.Extractor(include_tables="no")
    with pytest.raises(ValueError, match="cannot both"):
        unboil.Extractor(favor_precision=True, favor_recall=True)
    with pytest.raises(ValueError, match="input"):
        unboil.Extractor(input="pdf")
    with pytest.raises(ValueError, match="deduplicate"):
        unboil.extract(PAGE, deduplicate=False)
    assert unboil.extract(PAGE, deduplicate=True) == unboil.extract(PAGE)
    with pytest.raises(TypeError, match="str or bytes"):
        unboil.extract(42)


def test_extractor_options_and_repr():
    extractor = unboil.Extractor(favor_precision=True, max_depth=64)
    options = extractor.options
    assert options["favor_precision"] is True and options["max_depth"] == 64
    assert set(options) | {"deduplicate"} == set(unboil.OPTIONS)
    assert repr(extractor) == "unboil.Extractor(favor_precision=True, max_depth=64)"


def test_an_extractor_pickles_with_its_options():
    import pickle

    extractor = unboil.Extractor(output_format="markdown", include_links=True, max_depth=64)
    copy = pickle.loads(pickle.dumps(extractor))
    assert copy.options == extractor.options
    assert copy.extract(PAGE) == extractor.extract(PAGE)


def test_the_article_has_every_field():
    article = unboil.Extractor().extract_article(PAGE)
    assert article.title == "Budget agreed"
    assert article.authors == ["Jane Doe"]
    assert article.date_published == "2021-11-03T08:00:00Z"
    assert article.site_name == "The Daily"
    assert article.language == "en"
    assert article.canonical_url == "https://daily.example/2021/11/03/budget"
    assert article.page_type == "article"
    assert 0.0 < article.confidence <= 1.0
    forced = unboil.Extractor(output_format="json", page_type="forum")
    assert forced.extract(PAGE).count('"page_type":"forum"') == 1
    with pytest.raises(ValueError, match="page_type"):
        unboil.extract(PAGE, page_type="blog")
    assert article.error is None and article.error_limit is None
    assert article.blocks[0] == {"kind": "paragraph", "text": article.text.split("\n\n")[0]}
    fields = article.to_dict()
    for name, value in fields.items():
        assert getattr(article, name) == value, name
    assert json.loads(article.to_json()) == {k: v for k, v in fields.items() if k != "error"}
    assert article.to_markdown().startswith("# Budget agreed")
    assert article.to_html().startswith("<")
    assert "Budget agreed" in repr(article)


def test_comments_are_apart_from_the_text():
    page = (f"<article><p>{PROSE}</p></article><section id='comments'><h2>Comments</h2>"
            "<div class='comment'><p>I went to the meeting and thought the plan was a sensible one overall.</p></div></section>")
    with_comments = unboil.Extractor().extract_article(page)
    without = unboil.Extractor(include_comments=False).extract_article(page)
    assert "sensible one" not in with_comments.text
    assert without.comments == ""


def test_errors_are_unboil_errors_with_kind_and_limit():
    cases = [
        ("", {}, "empty", None),
        ("   \n ", {}, "empty", None),
        (gzip.compress(PAGE.encode()), {}, "binary", None),
        (PAGE, {"max_input_bytes": 100}, "too_large", "max_input_bytes"),
        (PAGE, {"max_dom_nodes": 10}, "limit", "max_dom_nodes"),
        (PAGE, {"max_output_bytes": 10}, "limit", "max_output_bytes"),
    ]
    for page, options, kind, limit in cases:
        with pytest.raises(unboil.UnboilError) as caught:
            unboil.extract(page, **options)
        assert isinstance(caught.value, ValueError)
        assert (caught.value.kind, caught.value.limit) == (kind, limit), page[:20]
        assert str(caught.value)


def test_extract_many_keeps_order_and_reports_failures():
    pages = [PAGE, "", f"<p>{PROSE}</p>", b"\x89PNG\r\n\x1a\n" + bytes(200), PAGE.encode()]
    articles = unboil.Extractor().extract_many(pages, threads=2)
    assert [a.error is None for a in articles] == [True, False, True, False, True]
    assert articles[0].text == articles[4].text == unboil.extract(PAGE)
    assert articles[2].text == PROSE
    assert "empty" in articles[1].error and articles[1].text == "" and articles[1].title is None
    assert articles[1].to_dict()["error"] == articles[1].error
    with pytest.raises(unboil.UnboilError):
        articles[1].to_markdown()
    limited = unboil.Extractor(max_input_bytes=100).extract_many([PAGE])
    assert limited[0].error_limit == "max_input_bytes"


def test_extract_many_takes_any_iterable_urls_and_threads():
    pages = (f"<article><p>{PROSE} <a href='r.pdf'>r</a></p></article>" for _ in range(3))
    urls = ["https://a.example/", None, "https://c.example/"]
    articles = unboil.Extractor().extract_many(pages, urls=urls, threads=1)
    assert [a.canonical_url for a in articles] == urls
    assert unboil.Extractor().extract_many([]) == []
    with pytest.raises(ValueError, match="urls"):
        unboil.Extractor().extract_many([PAGE], urls=["a", "b"])
    with pytest.raises(ValueError, match="threads"):
        unboil.Extractor().extract_many([PAGE], threads=0)
    with pytest.raises(TypeError):
        unboil.Extractor().extract_many([PAGE, 3])


def test_extract_text_cleans_a_flattened_page():
    text = ("Skip to content\nRail strike called off after late-night deal\nLast Updated: March 12, 2024, 10:32 IST\n"
            "Unions accepted a revised pay offer late on Monday, ending weeks of disruption for commuters across "
            "the region, the transport authority said.\nShare this article\n")
    article = unboil.Extractor(input="text").extract_article(text)
    assert article.title == "Rail strike called off after late-night deal"
    assert article.date_published == "2024-03-12"
    assert unboil.extract_text(text) == article.text
    assert unboil.extract_text(text.encode("utf-16")) == article.text
    assert unboil.extract_text(text, output_format="markdown").startswith("# Rail strike")


def test_explain_and_highlight():
    explanation = unboil.Extractor().explain(PAGE)
    assert set(explanation) == {
        "title",
        "region",
        "blocks",
        "page_type",
        "page_type_reasons",
        "confidence",
    }
    assert explanation["page_type"] in {
        "article", "forum", "product", "collection", "listing", "documentation", "service", "other",
    }
    assert 0.0 <= explanation["confidence"] <= 1.0
    dropped = {b["text"]: b["label"] for b in explanation["blocks"] if not b["kept"]}
    assert dropped["All rights reserved."] == "legal"
    assert 'class="block kept"' in unboil.Extractor().highlight(PAGE)
    with pytest.raises(unboil.UnboilError):
        unboil.Extractor().explain("")
