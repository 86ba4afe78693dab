"""Parsing a page as trafilatura does, and writing back pages nested too deep for libxml2.

One parse serves the depth check, the outlet profile and the extractor (:mod:`._html`); the
block splitter (:mod:`.html_blocks`) uses the same parse and the same flattening.
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from typing import Any

__all__ = ["MAX_DEPTH", "deep", "flatten_html", "parse", "too_deep"]

# libxml2 stops parsing a page 256 elements down (2,048 with its XML_PARSE_HUGE option,
# lxml's ``huge_tree``): what lies deeper and everything after it is lost, so a page
# nested that deep (thousands of unclosed <div> or <font> tags) came out of trafilatura
# as "no article text". Pages that reach this depth are written back flat below it
# before extraction (:func:`flatten_html`), which also spares trafilatura's tree walks,
# slower with every level. News pages nest a few dozen levels at most (the saved pages
# in the shared data, 17): they never reach it and go to trafilatura untouched.
MAX_DEPTH = 200

# Elements that do not start a new block when flattened: their text joins the block
# around them (a <b> in a paragraph stays in it). <br> is kept, as a line break.
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small span "
    "strike strong sub sup time tt u var wbr".split()
)


@cache
def _depth_probe() -> tuple[Any, Any]:
    """A parser with trafilatura's options, and an XPath true when an element sits
    :data:`MAX_DEPTH` levels down (it visits only the levels above: linear)."""
    from lxml.etree import XPath  # type: ignore[import-untyped]
    from lxml.html import HTMLParser as LxmlParser  # type: ignore[import-untyped]

    parser = LxmlParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    return parser, XPath("boolean(/" + "/".join(["*"] * MAX_DEPTH) + ")")


def parse(text: str) -> Any:
    """The page parsed as trafilatura parses it (one parse serves the depth check, the outlet
    profile and the extractor), or None when lxml cannot parse it."""
    from lxml.etree import LxmlError
    from lxml.html import fromstring

    parser, _deep_xpath = _depth_probe()
    try:
        # Bytes: lxml refuses a str that carries an XML encoding declaration.
        return fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (LxmlError, ValueError):
        return None  # trafilatura parses it its own way, and reports what fails


def deep(tree: Any) -> bool:
    """Does libxml2 build the page :data:`MAX_DEPTH` levels deep (or stop there)?"""
    return bool(_depth_probe()[1](tree))


def too_deep(text: str) -> bool:
    """:func:`deep` of the page, parsed."""
    tree = parse(text)
    return tree is not None and deep(tree)


def flatten_html(text: str, *, max_depth: int = MAX_DEPTH) -> tuple[str, int]:
    """The page with everything nested below ``max_depth`` made flat, and its depth.

    The page is tokenized (the standard library's tokenizer, which has no depth limit)
    and written back: tags down to ``max_depth`` as they were, and below it one element
    per block of text, in order. Inline elements (:data:`_INLINE`) give their text to
    the block around them and ``<br>`` is kept, so paragraphs stay apart as a browser
    shows them. Comments are left out. Linear in the page size.

    Example:
        >>> flatten_html("<div><div><p>Banjir surut. <b>Warga</b> pulang.</p>Sekolah buka.</div></div>",
        ...              max_depth=1)
        ('<div><p>Banjir surut. Warga pulang.</p><div>Sekolah buka.</div></div>', 4)
    """
    flattener = _Flattener(max_depth)
    flattener.feed(text)
    flattener.close()
    flattener.close_block()
    return "".join(flattener.out), flattener.deepest


# Tags a flattened block keeps (with its attributes, which trafilatura reads to tell an
# article from a comment section or a footer); any other block becomes a <div>.
_KEEP_TAG = frozenset(
    "address article aside blockquote button div figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header label main nav noscript p pre script section select style textarea title".split()
)
# Elements that the start of a like element ends ("<li>a<li>b"); a <p> also ends at
# the start of any block.
_SELF_CLOSING = frozenset("dd dt li option p td th tr".split())
# Elements without an end tag: never open.
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())


class _Flattener(HTMLParser):
    """Writes a page back with nesting below ``max_depth`` flattened (see :func:`flatten_html`).

    Its open-element stack closes on a matching end tag (everything opened inside goes
    with it) and ignores end tags that match nothing, as browsers do; an element count
    per tag keeps the "is it open?" test constant-time.
    """

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)  # entities are written back as they came
        self.max_depth = max_depth
        self.out: list[str] = []
        self.deepest = 0
        # Open elements: (tag, start tag as written, whether it is a block).
        self.stack: list[tuple[str, str, bool]] = []
        self.open_count: dict[str, int] = {}
        self.blocks: list[tuple[str, str]] = []  # the open blocks below max_depth: (tag, start tag)
        self.block_open: str | None = None  # the tag of the flat block written and not yet closed

    # -- the flat part ----------------------------------------------------------------

    def _deep(self) -> bool:
        return len(self.stack) >= self.max_depth

    def open_block(self) -> None:
        """Write the start tag of the innermost open block (a copy, after a nested one)."""
        if self.block_open is None and self.blocks:
            tag, start = self.blocks[-1]
            if tag not in _KEEP_TAG:
                tag, start = "div", "<div>"
            self.out.append(start)
            self.block_open = tag

    def close_block(self) -> None:
        if self.block_open is not None:
            self.out.append(f"</{self.block_open}>")
            self.block_open = None

    def text(self, raw: str) -> None:
        if self._deep() and raw.strip():
            self.open_block()
        self.out.append(raw)

    # -- tokenizer events ---------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        block = tag not in _INLINE and tag not in _VOID
        while (
            self.stack
            and (top := self.stack[-1][0]) in _SELF_CLOSING
            and (top == tag or (block and top == "p"))
        ):
            # "<p>a<p>b", "<li>a<li>b", "<li><p>a<li>b": the open ones end here, as the HTML
            # parser has it (so unclosed paragraphs and list items do not count as nesting).
            self._pop()
        deep = self._deep()
        if tag in _VOID:
            if not deep:
                self.out.append(raw)
            elif tag == "br":
                self.open_block()
                self.out.append("<br>")
            return
        if not deep:
            self.out.append(raw)
        elif block:
            self.close_block()  # the enclosing block's text so far ends here
            self.blocks.append((tag, raw))
        self.stack.append((tag, raw, block))
        self.open_count[tag] = self.open_count.get(tag, 0) + 1
        self.deepest = max(self.deepest, len(self.stack))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<div/>" opens a div in HTML: the slash only counts on void elements.
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_count.get(tag):
            if not self._deep():
                self.out.append(f"</{tag}>")  # a stray end tag: libxml2 decides, as without us
            return
        while self._pop() != tag:
            pass  # elements left open inside close with it
        if not self._deep():
            self.out.append(f"</{tag}>")

    def _pop(self) -> str:
        """Close the innermost open element (its end tag, if any, is the caller's to write)."""
        name, _, block = self.stack.pop()
        self.open_count[name] -= 1
        if len(self.stack) < self.max_depth or block:
            # A block ends (or the flat part does): the text after it goes into a new one.
            self.close_block()
            if len(self.stack) >= self.max_depth:
                self.blocks.pop()
        return name

    def handle_data(self, data: str) -> None:
        self.text(data)

    def handle_entityref(self, name: str) -> None:
        self.text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.text(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        if not self._deep():
            self.out.append(f"<!{decl}>")


# The cascade: trafilatura's precision mode first (it leaves out more of the page's
# furniture, and is faster); its default mode, which also compares its result with
# readability's and jusText's, only when the first result does not look like a story:
# fewer than _STORY_WORDS words in paragraphs of _PARAGRAPH_WORDS words or more (a teaser
# grid, a list of links and a navigation menu are short lines), or nothing at all.
_STORY_WORDS = 120
_PARAGRAPH_WORDS = 12
