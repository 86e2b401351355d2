"""Shared fixtures: the repository's evaluation pages and the CLI binary that
the Python results are compared with."""

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
# The sets whose pages the Python package must extract exactly as Rust does.
SETS = ["scrapinghub", "trafilatura-eval", "wcxb-dev"]


def read_page(path: Path) -> bytes:
    """A page's bytes, gunzipped when stored compressed."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if path.suffix == ".gz" else raw


def pages_of(name: str) -> list:
    """The page files of an evaluation set, sorted."""
    return sorted((DATA / name / "html").iterdir())


@pytest.fixture(scope="session")
def cli() -> Path:
    """The unboil CLI binary, built (release, `cli` feature) when missing.

    UNBOIL_CLI names another binary."""
    named = os.environ.get("UNBOIL_CLI")
    if named:
        return Path(named)
    binary = REPO / "target" / "release" / "unboil"
    if not binary.exists():
        subprocess.run(
            ["cargo", "build", "--release", "--features", "cli", "--bin", "unboil"],
            cwd=REPO,
            check=True,
        )
    return binary


def run_cli(cli: Path, args: list, stdin: bytes = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(cli), *args], input=stdin, capture_output=True, check=False)


def cli_records(cli: Path, directory: Path, *flags: str) -> dict:
    """The CLI's JSON Lines records for every page of `directory`, by file name."""
    done = run_cli(cli, ["--jsonl", "--ordered", "-q", "--input", "html", *flags, str(directory)])
    records = {}
    for line in done.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        records[Path(record.pop("path")).name] = record
    return records


@pytest.fixture(scope="session")
def sample_pages() -> list:
    """A few real pages (bytes) from each set, for the format and thread tests."""
    chosen = []
    for name in SETS:
        chosen += [read_page(p) for p in pages_of(name)[:4]]
    return chosen
