"""The examples in the docstrings run and say what they show."""

import doctest
import inspect

import pytest

import unboil


def documented():
    """Every documented object of the package: module, functions, classes, methods."""
    objects = [("unboil", unboil), ("extract", unboil.extract), ("extract_text", unboil.extract_text)]
    for cls in (unboil.Extractor, unboil.Article, unboil.UnboilError):
        objects.append((cls.__name__, cls))
        for name, member in inspect.getmembers(cls):
            if not name.startswith("_") and getattr(member, "__doc__", None):
                objects.append((f"{cls.__name__}.{name}", member))
    return objects


@pytest.mark.parametrize("name, obj", documented(), ids=[n for n, _ in documented()])
def test_docstring_examples(name, obj):
    parser = doctest.DocTestParser()
    test = parser.get_doctest(obj.__doc__ or "", {"unboil": unboil}, name, None, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def test_the_public_api_is_documented():
    for name in ["extract", "extract_text", "Extractor", "Article", "UnboilError"]:
        assert getattr(unboil, name).__doc__, name
    for name in ["extract", "extract_article", "extract_many", "explain", "highlight"]:
        assert ">>>" in getattr(unboil.Extractor, name).__doc__ or name == "highlight", name
