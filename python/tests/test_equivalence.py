"""The Python package gives exactly what the Rust library gives (through the
CLI, which calls it) on every page of the evaluation sets, in every format
and with every CLI option."""

import json

import pytest

import unboil
from conftest import DATA, SETS, cli_records, pages_of, read_page, run_cli

# Each CLI flag and the Python option that does the same.
FLAG_OPTIONS = [
    ([], {}),
    (["--favor-precision"], {"favor_precision": True}),
    (["--favor-recall"], {"favor_recall": True}),
    (["--links"], {"include_links": True}),
    (["--images"], {"include_images": True}),
    (["--no-tables"], {"include_tables": False}),
    (["--no-comments"], {"include_comments": False}),
]


def assert_same_records(cli_by_name: dict, paths: list, articles: list) -> None:
    """Every article equals the CLI's record of the same page: every field,
    or the same error message."""
    assert len(cli_by_name) == len(paths)
    differ = []
    for path, article in zip(paths, articles):
        record = dict(cli_by_name[path.name])
        error = record.pop("error")
        if error is not None or article.error is not None:
            same = error == article.error
        else:
            same = json.loads(article.to_json()) == record
        if not same:
            differ.append(path.name)
    assert differ == [], f"{len(differ)} pages differ from the CLI's output"


@pytest.mark.parametrize("name", SETS)
def test_every_field_equals_the_rust_library_on_every_page(cli, name):
    paths = pages_of(name)
    articles = unboil.Extractor().extract_many([read_page(p) for p in paths])
    assert_same_records(cli_records(cli, DATA / name / "html"), paths, articles)


def test_extract_returns_the_rust_text_page_by_page(cli):
    name = "scrapinghub"
    expected = cli_records(cli, DATA / name / "html")
    for path in pages_of(name):
        text = unboil.extract(read_page(path))
        assert (text or "") == expected[path.name]["text"], path.name


@pytest.mark.parametrize("flags, options", FLAG_OPTIONS[1:], ids=lambda v: str(v))
def test_every_cli_flag_is_an_option(cli, flags, options):
    paths = pages_of("scrapinghub")
    articles = unboil.Extractor(**options).extract_many([read_page(p) for p in paths])
    assert_same_records(cli_records(cli, DATA / "scrapinghub" / "html", *flags), paths, articles)


@pytest.mark.parametrize("fmt, cli_format", [("txt", "text"), ("markdown", "markdown"), ("html", "html")])
def test_every_text_format_equals_the_cli(cli, fmt, cli_format):
    for path in pages_of("scrapinghub")[:8] + pages_of("wcxb-dev")[:8]:
        done = run_cli(cli, ["--format", cli_format, "--links", "--images", "-q", str(path)])
        ours = unboil.extract(read_page(path), output_format=fmt, include_links=True, include_images=True) or ""
        if ours and not ours.endswith("\n"):
            ours += "\n"  # the CLI ends each page's output with a line break
        assert done.stdout.decode("utf-8") == ours, path.name


def test_json_format_equals_the_cli(cli):
    for path in pages_of("trafilatura-eval")[:8]:
        (record,) = cli_records(cli, path).values()
        record.pop("error")
        assert json.loads(unboil.extract(read_page(path), output_format="json")) == record


def test_highlight_equals_the_cli(cli):
    for path in pages_of("scrapinghub")[:3]:
        done = run_cli(cli, ["--highlight", str(path)])
        assert unboil.Extractor().highlight(read_page(path)) == done.stdout.decode("utf-8")


def test_explain_gives_the_cli_table_s_blocks(cli):
    path = pages_of("scrapinghub")[0]
    table = run_cli(cli, ["--explain", str(path)]).stdout.decode("utf-8").splitlines()
    explanation = unboil.Extractor().explain(read_page(path))
    rows = [line for line in table if line[:4].strip().isdigit()]
    assert len(rows) == len(explanation["blocks"])
    for row, block in zip(rows, explanation["blocks"]):
        state, label = row.split()[1:3]
        assert (state == "KEEP") == block["kept"] and label == block["label"]


AUTO_INPUTS = {
    "page.html": b"<!doctype html><title>T</title><p>The council met on Monday to agree the budget for next year.</p>",
    "fragment.txt": b"<div><p>The council met on Monday to agree the budget for next year.</p></div>",
    "plain.txt": b"Council news\nThe council met on Monday to agree the budget for next year, after a long debate.\n",
    "quoted.txt": b"Notes\n" + b"Compare a < b and write <b> for bold, as the council's style guide says.\n" * 40,
    "dense.txt": b"Intro line of plain text first.\n" + b"x" * 1100 + b"<i>a</i>" * 300,
}


def test_input_auto_decides_as_the_cli(cli, tmp_path):
    paths = []
    for name, content in AUTO_INPUTS.items():
        (tmp_path / name).write_bytes(content)
        paths.append(tmp_path / name)
    done = run_cli(cli, ["--jsonl", "--ordered", "-q", "--input", "auto", *map(str, paths)])
    records = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    articles = unboil.Extractor(input="auto").extract_many(list(AUTO_INPUTS.values()))
    for record, article in zip(records, articles):
        assert record["text"] == article.text and record["title"] == article.title, record["path"]
    # Both kinds occur: the plain text went to the text front end.
    assert articles[2].text == (unboil.extract_text(AUTO_INPUTS["plain.txt"]) or "")
    assert articles[0].text == (unboil.extract(AUTO_INPUTS["page.html"]) or "")


def test_text_input_equals_the_cli(cli, tmp_path):
    text = AUTO_INPUTS["plain.txt"] * 3
    (tmp_path / "dump.txt").write_bytes(text)
    done = run_cli(cli, ["--jsonl", "-q", "--input", "text", str(tmp_path / "dump.txt")])
    record = json.loads(done.stdout)
    assert (unboil.extract_text(text) or "") == record["text"]
    assert unboil.extract(text, input="text") == unboil.extract_text(text)
