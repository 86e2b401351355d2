"""unboil: the main content of a web page, without navigation, menus, banners,
share bars, related lists and footers. A Rust library; every call releases the
GIL.

>>> import unboil
>>> unboil.extract("<nav><a href='/'>Home</a></nav><article><p>The council met on "
...                "Monday and agreed to publish its findings before the end of the month.</p></article>")
'The council met on Monday and agreed to publish its findings before the end of the month.'

- ``extract(html, *, url=None, **options) -> str | None``: HTML (str or bytes).
- ``extract_text(text, **options) -> str | None``: text a scraper flattened.
- ``Extractor(**options)``: reusable; ``.extract``, ``.extract_article``,
  ``.extract_many`` (all cores, input order), ``.explain``, ``.highlight``.
- ``Article``: text, metadata, blocks; ``to_dict/to_json/to_markdown/to_html``.
- ``UnboilError(ValueError)``: the input is not a page (``.kind``, ``.limit``).
- ``unboil.datatrove.Unboil``: an extractor step for datatrove pipelines.
"""

from ._unboil import (
    OPTIONS,
    Article,
    Extractor,
    UnboilError,
    __version__,
    extract,
    extract_text,
)

__all__ = [
    "OPTIONS",
    "Article",
    "Extractor",
    "UnboilError",
    "__version__",
    "extract",
    "extract_text",
]
