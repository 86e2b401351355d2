from typing import Any, Iterable, Literal, Optional, Sequence, Union

__version__: str
OPTIONS: list[str]

Page = Union[str, bytes, bytearray]
OutputFormat = Literal["txt", "text", "markdown", "md", "html", "json", "jsonl"]
InputKind = Literal["html", "text", "auto"]
PageType = Literal["article", "forum", "product", "collection", "listing", "documentation", "service", "other"]

class UnboilError(ValueError):
    """The input is not a page: empty, binary, or over a limit."""

    kind: str
    """'empty', 'too_large', 'binary' or 'limit'."""
    limit: Optional[str]
    """The option whose limit was hit: 'max_input_bytes', 'max_dom_nodes' or 'max_output_bytes'."""

class Article:
    """One page's main content and metadata (``error`` set when it failed)."""

    @property
    def title(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def comments(self) -> str: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def date_published(self) -> Optional[str]: ...
    @property
    def date_modified(self) -> Optional[str]: ...
    @property
    def site_name(self) -> Optional[str]: ...
    @property
    def language(self) -> Optional[str]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def canonical_url(self) -> Optional[str]: ...
    @property
    def image(self) -> Optional[str]: ...
    @property
    def tags(self) -> list[str]: ...
    @property
    def categories(self) -> list[str]: ...
    @property
    def page_type(self) -> Optional[PageType]: ...
    @property
    def confidence(self) -> float: ...
    @property
    def blocks(self) -> list[dict[str, Any]]: ...
    @property
    def error(self) -> Optional[str]: ...
    @property
    def error_limit(self) -> Optional[str]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def to_markdown(self) -> str: ...
    def to_html(self) -> str: ...

class Extractor:
    """A reusable extractor; every call releases the GIL."""

    def __init__(
        self,
        *,
        output_format: OutputFormat = "txt",
        input: InputKind = "html",
        favor_precision: bool = False,
        favor_recall: bool = False,
        include_comments: bool = True,
        include_tables: bool = True,
        include_links: bool = False,
        include_images: bool = False,
        base_url: Optional[str] = None,
        max_input_bytes: Optional[int] = None,
        max_depth: Optional[int] = None,
        max_dom_nodes: Optional[int] = None,
        max_output_bytes: Optional[int] = None,
        deduplicate: bool = True,
    page_type: Optional[PageType] = None,
        page_type: Optional[PageType] = None,
    ) -> None: ...
    @property
    def options(self) -> dict[str, Any]: ...
    def extract(self, html: Page, *, url: Optional[str] = None) -> Optional[str]: ...
    def extract_article(self, html: Page, *, url: Optional[str] = None) -> Article: ...
    def extract_many(
        self,
        pages: Iterable[Page],
        *,
        urls: Optional[Sequence[Optional[str]]] = None,
        threads: Optional[int] = None,
    ) -> list[Article]: ...
    def explain(self, html: Page) -> dict[str, Any]: ...
    def highlight(self, html: Page) -> str: ...

def extract(
    html: Page,
    *,
    url: Optional[str] = None,
    output_format: OutputFormat = "txt",
    input: InputKind = "html",
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = True,
    include_tables: bool = True,
    include_links: bool = False,
    include_images: bool = False,
    base_url: Optional[str] = None,
    max_input_bytes: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_dom_nodes: Optional[int] = None,
    max_output_bytes: Optional[int] = None,
    deduplicate: bool = True,
    page_type: Optional[PageType] = None,
) -> Optional[str]: ...
def extract_text(
    text: Page,
    *,
    output_format: OutputFormat = "txt",
    input: InputKind = "text",
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = True,
    include_tables: bool = True,
    include_links: bool = False,
    include_images: bool = False,
    base_url: Optional[str] = None,
    max_input_bytes: Optional[int] = None,
    max_depth: Optional[int] = None,
    max_dom_nodes: Optional[int] = None,
    max_output_bytes: Optional[int] = None,
    deduplicate: bool = True,
    page_type: Optional[PageType] = None,
) -> Optional[str]: ...
