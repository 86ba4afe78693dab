"""Saved news pages: trafilatura finds the article body and its metadata."""

from __future__ import annotations

import codecs
import re
from functools import cache
from html.parser import HTMLParser
from typing import Any

from warta.article import Article, Published, Source
from warta.errors import EmptyInputError, MalformedInputError

from ._dates import parse_metadata_date
from ._decode import DecodeNote, bom_encoding, check_binary, decode_bytes_noted, note_lossy_decode

__all__ = ["article_from_html", "decode_html", "flatten_html"]

# A <meta charset> is declared within the first bytes of any page that has one.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEAD_BYTES = 4096

# Browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we,
# or curly quotes in pages labelled latin-1 would turn into C1 controls.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}

# htmldate, used by trafilatura: prefer the original publication date over an
# update date, and do not scan the body text for date-like strings (that is a
# guess, and dates in the text are the dates stage's job).
_DATE_PARAMS = {"original_date": True, "extensive_search": False}

_SPACES = re.compile(r"\s+")
_MARKERS = {"-", "*", "•"}

# libxml2 stops parsing a page 256 elements down (2,048 with its XML_PARSE_HUGE option,
# lxml's ``huge_tree``): what lies deeper and everything after it is lost, so a page
# nested that deep (thousands of unclosed <div> or <font> tags) came out of trafilatura
# as "no article text". Pages that reach this depth are written back flat below it
# before extraction (:func:`flatten_html`), which also spares trafilatura's tree walks,
# slower with every level. News pages nest a few dozen levels at most (the saved pages
# in the shared data, 17): they never reach it and go to trafilatura untouched.
_MAX_DEPTH = 200

# Elements that do not start a new block when flattened: their text joins the block
# around them (a <b> in a paragraph stays in it). <br> is kept, as a line break.
_INLINE = frozenset(
    "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark nobr q s samp small span "
    "strike strong sub sup time tt u var wbr".split()
)


def decode_html(data: bytes, *, source: str) -> str:
    """Decode a page: BOM, then UTF-8, then its ``<meta charset>``, then detection.

    UTF-8 is tried before the declared charset because pages that declare latin-1 but
    are served as UTF-8 are far more common than the reverse.
    """
    return decode_html_noted(data, source=source)[0]


def decode_html_noted(data: bytes, *, source: str) -> tuple[str, DecodeNote]:
    """:func:`decode_html`, with a note of how the bytes were read (a guess or not)."""
    if bom_encoding(data) is None:
        check_binary(data, source=source)
        try:
            return data.decode("utf-8"), DecodeNote("utf-8")
        except UnicodeDecodeError:
            declared = _declared_charset(data)
            if declared is not None:
                try:
                    return data.decode(declared), DecodeNote(declared)
                except UnicodeDecodeError:
                    pass  # a wrong declaration: fall back to detection
    return decode_bytes_noted(data, source=source)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_HEAD_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii", "replace").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def article_from_html(
    html: str | bytes, *, id: str, source: str, url: str | None = None, profiles: bool = True
) -> Article:
    """Extract the article in a news page.

    Args:
        html: the page (bytes are decoded with :func:`decode_html`).
        id: the Article id.
        source: where the page came from (a path), for ``Source.path`` and messages.
        url: the page's address when known (helps trafilatura; ``Source.url`` falls
            back to the page's canonical or og:url link).
        profiles: try the outlet profile of the page's host (:mod:`warta.io.outlets`)
            before the generic extractor.

    Returns:
        An Article whose ``raw`` is the main text, paragraphs (and list items, table
        rows) separated by a blank line; with title, date, author, URL, the site name
        as ``Source.outlet``, the host name as ``Source.site``, how the body was found
        as ``Source.extractor`` and the next page of a story split over several as
        ``Source.next_page``; and a ``lossy-decode`` warning when the page's encoding
        had to be guessed.

    Raises:
        EmptyInputError: no main text found, e.g. an index page, or only a list of
            teasers of other stories (W101); for a page nested deeper than
            :data:`_MAX_DEPTH` levels, the message says how deep.
        MalformedInputError: the page cannot be parsed (W104).

    Example:
        >>> page = "<html><body><article><p>Harga beras naik lagi di pasar.</p></article></body></html>"
        >>> article_from_html(page, id="p1", source="p1.html").raw  # doctest: +SKIP
        'Harga beras naik lagi di pasar.'
    """
    text, note = decode_html_noted(html, source=source) if isinstance(html, bytes) else (html, None)
    if not text.strip():
        raise EmptyInputError("empty page", source=source)
    depth = 0
    tree = _parse(text)
    if tree is not None and _deep(tree):
        text, depth = flatten_html(text)
        tree = _parse(text)
    doc, blocks, extractor = _read_body(text, tree, url=url, source=source, profiles=profiles)
    title = _clean(doc.title) if doc is not None else None
    if blocks and title is not None and _SPACES.sub(" ", blocks[0]) == _SPACES.sub(" ", title):
        del blocks[0]  # the page's <h1>: the title, not body text
    if not blocks:
        if depth:
            raise EmptyInputError(
                f"no article text found in the page, which nests elements {depth:,} levels deep "
                f"(read by flattening what lies below level {_MAX_DEPTH})",
                source=source,
            )
        raise EmptyInputError(
            "no article text found in the page (an index page or an empty article?)", source=source
        )
    if _teaser_grid(blocks):
        raise EmptyInputError(
            "no article text found in the page: what it holds is a list of teasers of other "
            "articles (an index or section page)",
            source=source,
        )
    blocks = _with_lede(text, blocks)
    date = _clean(doc.date)
    page_url = url or _clean(doc.url)
    from warta.io.outlets import next_page_url

    article = Article(
        id=id,
        raw="\n\n".join(blocks),
        title=title,
        input_format="html",
        source=Source(
            outlet=_clean(doc.sitename),
            url=page_url,
            author=_clean(doc.author),
            site=_clean(doc.hostname),
            path=source,
            extractor=extractor,
            next_page=next_page_url(tree, page_url) if tree is not None else None,
        ),
        published=(
            Published(value=parse_metadata_date(date), method="metadata", raw=date)
            if date is not None
            else Published()
        ),
    )
    return note_lossy_decode(article, note)


@cache
def _depth_probe() -> tuple[Any, Any]:
    """A parser with trafilatura's options, and an XPath true when an element sits
    :data:`_MAX_DEPTH` levels down (it visits only the levels above: linear)."""
    from lxml.etree import XPath  # type: ignore[import-untyped]
    from lxml.html import HTMLParser as LxmlParser  # type: ignore[import-untyped]

    parser = LxmlParser(
        collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
    )
    return parser, XPath("boolean(/" + "/".join(["*"] * _MAX_DEPTH) + ")")


def _parse(text: str) -> Any:
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


def _deep(tree: Any) -> bool:
    """Does libxml2 build the page :data:`_MAX_DEPTH` levels deep (or stop there)?"""
    return bool(_depth_probe()[1](tree))


def _too_deep(text: str) -> bool:
    """:func:`_deep` of the page, parsed."""
    tree = _parse(text)
    return tree is not None and _deep(tree)


def flatten_html(text: str, *, max_depth: int = _MAX_DEPTH) -> tuple[str, int]:
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


def _read_body(
    text: str, tree: Any, *, url: str | None, source: str, profiles: bool = True
) -> tuple[Any, list[str], str]:
    """The page's metadata, its story's paragraphs, and which extractor found them.

    The outlet profile of the page's host first (:mod:`warta.io.outlets`), then the
    generic cascade (:func:`_extract`).
    """
    from warta.io.outlets import page_url, profile_blocks, profile_for

    if tree is not None and profiles:
        profile = profile_for(url or page_url(tree))
        if profile is not None:
            found = profile_blocks(tree, profile)
            if found:
                return _metadata(tree, url), _blocks("\n".join(found)), f"profile:{profile.name}"
    doc, extractor = _extract(tree if tree is not None else text, url=url, source=source)
    return doc, _blocks(doc.text) if doc is not None else [], extractor


def _metadata(tree: Any, url: str | None) -> Any:
    from trafilatura.metadata import extract_metadata

    # trafilatura's own call, as bare_extraction makes it (its `extensive` follows `fast`).
    return extract_metadata(tree, url, _DATE_PARAMS, False)


# The cascade: trafilatura's precision mode first (it leaves out more of the page's
# furniture, and is faster); its default mode, which also compares its result with
# readability's and jusText's, only when the first result does not look like a story:
# fewer than _STORY_WORDS words in paragraphs of _PARAGRAPH_WORDS words or more (a teaser
# grid, a list of links and a navigation menu are short lines), or nothing at all.
_STORY_WORDS = 120
_PARAGRAPH_WORDS = 12


def _extract(page: Any, *, url: str | None, source: str) -> tuple[Any, str]:
    import trafilatura  # heavy: imported when the first page is read
    from lxml.etree import LxmlError

    def run(precision: bool) -> Any:
        # Given a parsed tree, trafilatura works on a copy of it.
        return trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,  # reader comments are not the article
            date_extraction_params=_DATE_PARAMS,
            favor_precision=precision,
        )

    try:
        first = run(True)
        if story_words(first) >= _STORY_WORDS:
            return first, "trafilatura:precision"
        second = run(False)
    except (LxmlError, ValueError) as exc:
        raise MalformedInputError(f"cannot parse the HTML: {exc}", source=source) from exc
    if story_words(second) > story_words(first):
        return second, "trafilatura:default"
    return first, "trafilatura:precision"


def story_words(doc: Any) -> int:
    """Words of an extraction that sit in paragraphs of :data:`_PARAGRAPH_WORDS` words or more."""
    body = getattr(doc, "text", None)
    if not isinstance(body, str):
        return 0
    counts = (len(line.split()) for line in body.splitlines())
    return sum(n for n in counts if n >= _PARAGRAPH_WORDS)


def _blocks(text: Any) -> list[str]:
    """The extracted text's paragraphs, stripped, without blank ones.

    trafilatura ends every block (paragraph, heading, list item, table row) and every
    ``<br>`` with a newline. Pages that write paragraphs as ``<br><br>`` inside a
    single ``<p>`` or ``<div>`` are common in Indonesian outlets, so each non-blank
    line counts as a paragraph, whatever element it came from.
    """
    if not isinstance(text, str):
        return []
    # A lone "-" is trafilatura's marker of a list item whose text starts on the next line.
    return [b for b in (line.strip() for line in text.splitlines()) if b and b not in _MARKERS]


# A teaser grid (an index or section page: one or two sentences on each of many stories)
# has paragraphs that share no content word with their neighbours; a story's paragraphs
# keep naming the same people, places and things. Measured on the saved pages of the
# shared data: index pages 0.16 to 0.41 of their paragraphs linked, article pages 0.75
# and up (see :func:`_cohesion`).
_TEASER_MIN_BLOCKS = 8
_TEASER_COHESION = 0.5
_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")


def _teaser_grid(blocks: list[str]) -> bool:
    """Do the extracted paragraphs read as a list of teasers rather than one story?"""
    long = [b for b in blocks if len(b.split()) >= 6]
    return len(long) >= _TEASER_MIN_BLOCKS and _cohesion(long) < _TEASER_COHESION


def _cohesion(blocks: list[str], reach: int = 2) -> float:
    """The share of ``blocks`` that share a content word (five letters or more, not a
    function word) with a block at most ``reach`` paragraphs away."""
    from warta.stages.clean.resources import function_words

    function = function_words()
    words = [{w for w in (m.lower() for m in _CONTENT_WORD.findall(b)) if w not in function} for b in blocks]
    linked = 0
    for i, own in enumerate(words):
        near = words[max(0, i - reach) : i] + words[i + 1 : i + 1 + reach]
        if any(own & other for other in near):
            linked += 1
    return linked / len(blocks) if blocks else 1.0


def _with_lede(page: str, blocks: list[str]) -> list[str]:
    """The extracted paragraphs, with the story's opening paragraph put back when the
    extractor left it out.

    Several templates set the lede apart from the body (a "lead" box, loose text before the
    first ``<p>``), and the extractor then starts at the second paragraph. The lede is known
    by its dateline ("VIVA.co.id - Pianis cilik ...", "JAKARTA, KOMPAS.com - ..."): when the
    extracted text opens with none, the page block that does, right before the first
    extracted paragraph (at most a few blocks earlier: a photo, its caption), is prepended.
    """
    from warta.stages.clean.dateline import find_dateline

    if not blocks or find_dateline(blocks[0]) is not None:
        return blocks
    from warta.io.html_blocks import page_blocks

    try:
        cut = page_blocks(page)
    except ValueError:
        return blocks
    first = _SPACES.sub(" ", blocks[0]).strip()
    at = next(
        (
            i
            for i, b in enumerate(cut)
            if b.text == first or (len(first) > 40 and b.text.startswith(first[:40]))
        ),
        None,
    )
    if at is None:
        return blocks
    for b in reversed(cut[max(0, at - _LEDE_REACH) : at]):
        d = find_dateline(b.text)
        # A dateline with an outlet, opening a paragraph of a sentence or more.
        if d is not None and d.outlet is not None and len(b.text[d.end :].split()) >= _LEDE_WORDS:
            return [b.text, *blocks]
    return blocks


# How many blocks before the extracted body a left-out lede may sit (a photo, its caption,
# a share bar), and how many words its text needs after the dateline.
_LEDE_REACH = 6
_LEDE_WORDS = 8


def _clean(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
