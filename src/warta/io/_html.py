"""Saved news pages: trafilatura finds the article body and its metadata."""

from __future__ import annotations

import codecs
import contextlib
import re
from collections import deque
from typing import Any

from warta.article import Article, Published, Source
from warta.errors import EmptyInputError, MalformedInputError

from ._dates import parse_metadata_date
from ._decode import DecodeNote, bom_encoding, check_binary, decode_bytes_noted, note_lossy_decode
from ._tree import MAX_DEPTH, deep, flatten_html, parse

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
            :data:`MAX_DEPTH` levels, the message says how deep.
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
    tree = parse(text)
    if tree is not None and deep(tree):
        text, depth = flatten_html(text)
        tree = parse(text)
    doc, blocks, extractor = _read_body(text, tree, url=url, source=source, profiles=profiles)
    keys = _site_keys(doc) if doc is not None else frozenset()
    title = _title_without_site(_clean(doc.title), keys) if doc is not None else None
    if blocks and title is not None and _SPACES.sub(" ", blocks[0]) == _SPACES.sub(" ", title):
        del blocks[0]  # the page's <h1>: the title, not body text
    if not blocks:
        if depth:
            raise EmptyInputError(
                f"no article text found in the page, which nests elements {depth:,} levels deep "
                f"(read by flattening what lies below level {MAX_DEPTH})",
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
    blocks = _with_lede(tree, text, blocks)
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
            author=_person_author(_clean(doc.author), keys),
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
    if tree is None:  # lxml could not parse it: trafilatura parses it its own way
        doc, extractor = _extract(text, url=url, source=source, metadata=True)
        return doc, _blocks(doc.text) if doc is not None else [], extractor
    # The metadata once per page, not once per extraction the cascade tries.
    found, extractor = _extract(tree, url=url, source=source, metadata=False)
    meta = _metadata(tree, url)
    return meta, _blocks(found.text) if found is not None else [], extractor


def _metadata(tree: Any, url: str | None) -> Any:
    """The page's title, date, author, address and site, found as trafilatura finds them.

    trafilatura's ``extract_metadata`` step by step, less the steps whose fields an Article
    has no place for: categories, tags and license. Those walk every link of the page
    (tag lists, footers) with regular-expression XPaths, a third of the metadata's time on
    news pages. Where trafilatura's steps are not there under these names (another
    version), its whole function runs; a test holds the two to the same fields.
    """
    try:
        from courlan import extract_domain
        from htmldate import find_date
        from trafilatura.metadata import (
            META_URL,
            examine_meta,
            extract_author,
            extract_meta_json,
            extract_sitename,
            extract_title,
            extract_url,
        )
    except ImportError:
        from trafilatura.metadata import extract_metadata

        # trafilatura's own call, as bare_extraction makes it (its `extensive` follows `fast`).
        return extract_metadata(tree, url, _DATE_PARAMS, False)

    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # one word: a user name or a desk, not a person's name
    with contextlib.suppress(Exception):  # as trafilatura: a faulty JSON-LD costs the JSON-LD only
        meta = extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = extract_title(tree)
    if not meta.author:
        meta.author = extract_author(tree)
    if not meta.url:
        meta.url = extract_url(tree, url)
    if meta.url:
        meta.hostname = extract_domain(meta.url, fast=True)
    date_params: dict[str, Any] = {**_DATE_PARAMS, "url": meta.url}
    meta.date = find_date(tree, **date_params)
    if not meta.sitename:
        meta.sitename = extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")  # a Twitter handle
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (m := META_URL.match(meta.url)):
        meta.sitename = m[1]
    meta.clean_and_trim()
    return meta


# The cascade: trafilatura's precision mode first (it leaves out more of the page's
# furniture, and is faster); its default mode, which also compares its result with
# readability's and jusText's, only when the first result does not look like a story:
# fewer than _STORY_WORDS words in paragraphs of _PARAGRAPH_WORDS words or more (a teaser
# grid, a list of links and a navigation menu are short lines), or nothing at all.
_STORY_WORDS = 120
_PARAGRAPH_WORDS = 12


def _extract(page: Any, *, url: str | None, source: str, metadata: bool) -> tuple[Any, str]:
    import trafilatura  # heavy: imported when the first page is read
    from lxml.etree import LxmlError  # type: ignore[import-untyped]

    def run(precision: bool) -> Any:
        # Given a parsed tree, trafilatura works on a copy of it.
        return trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=metadata,
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
    from warta.lang.id import function_words

    function = function_words()
    words = [{w for w in (m.lower() for m in _CONTENT_WORD.findall(b)) if w not in function} for b in blocks]
    linked = 0
    for i, own in enumerate(words):
        near = words[max(0, i - reach) : i] + words[i + 1 : i + 1 + reach]
        if any(own & other for other in near):
            linked += 1
    return linked / len(blocks) if blocks else 1.0


def _with_lede(tree: Any, page: str, blocks: list[str]) -> list[str]:
    """The extracted paragraphs, with the story's opening paragraph put back when the
    extractor left it out.

    Several templates set the lede apart from the body (a "lead" box, loose text before the
    first ``<p>``), and the extractor then starts at the second paragraph. The lede is known
    by its dateline ("VIVA.co.id - Pianis cilik ...", "JAKARTA, KOMPAS.com - ..."): when the
    extracted text opens with none, the page block that does, right before the first
    extracted paragraph (at most a few blocks earlier: a photo, its caption), is prepended.
    """
    from warta.lang.id.dateline import find_dateline

    if not blocks or find_dateline(blocks[0]) is not None:
        return blocks
    from warta.io.html_blocks import iter_blocks, page_blocks

    try:  # the page as parsed once for the reader (trafilatura reads a copy of it)
        cut = iter_blocks(tree) if tree is not None else iter(page_blocks(page))
    except ValueError:
        return blocks
    first = _SPACES.sub(" ", blocks[0]).strip()
    before: deque[Any] = deque(maxlen=_LEDE_REACH)  # the blocks just before the first one
    for b in cut:  # read up to the extracted body's first paragraph, no further
        if b.text == first or (len(first) > 40 and b.text.startswith(first[:40])):
            break
        before.append(b)
    else:
        return blocks
    for b in reversed(before):
        d = find_dateline(b.text)
        # A dateline with an outlet, opening a paragraph of a sentence or more.
        if d is not None and d.outlet is not None and len(b.text[d.end :].split()) >= _LEDE_WORDS:
            return [b.text, *blocks]
    return blocks


# How many blocks before the extracted body a left-out lede may sit (a photo, its caption,
# a share bar), and how many words its text needs after the dateline.
_LEDE_REACH = 6
_LEDE_WORDS = 8


# Separators between a headline and the site name a page's <title> adds to it: "Judul -
# Kompas.com Regional", "Judul | Republika Online", "KapanLagi.com: Judul".
_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+(?P<site>[^-|–—]{2,40})$")
_TITLE_PREFIX = re.compile(r"^(?P<site>[^:]{2,30}):\s+")
_KEY = re.compile(r"[a-z0-9]+")
# Labels before a name in an author field ("Pewarta Nur Imansyah", "Penulis: Rina").
_AUTHOR_LABEL = re.compile(r"^(?:pewarta|penulis|reporter|wartawan|editor|oleh|by)\b[:\s]*", re.IGNORECASE)


def _site_keys(doc: Any) -> frozenset[str]:
    """The words that name the page's site: the first label of its host name ("kompas" of
    kompas.com, "republika" of republika.co.id) and the first word of its site name."""
    keys = set()
    host = _clean(getattr(doc, "hostname", None)) or ""
    labels = [x for x in host.lower().split(".") if x not in ("www", "m", "")]
    if labels:
        keys.add(labels[0])
    site = _KEY.findall((_clean(getattr(doc, "sitename", None)) or "").lower())
    if site:
        keys.add(site[0])
    return frozenset(k for k in keys if len(k) >= 3)


def _names_site(segment: str, keys: frozenset[str]) -> bool:
    words = _KEY.findall(segment.lower())
    return bool(words) and words[0] in keys and len(words) <= 4


def _title_without_site(title: str | None, keys: frozenset[str]) -> str | None:
    """The headline without the site name the page's <title> adds before or after it
    ("... - Kompas.com", "... | Tempo Gaya", "KapanLagi.com: ..."): page furniture."""
    if title is None or not keys:
        return title
    m = _TITLE_SUFFIX.search(title)
    if m is not None and _names_site(m["site"], keys) and len(title[: m.start()].split()) >= 3:
        title = title[: m.start()].rstrip()
    m = _TITLE_PREFIX.match(title)
    if m is not None and _names_site(m["site"], keys) and len(title[m.end() :].split()) >= 3:
        title = title[m.end() :]
    return title


def _person_author(author: str | None, keys: frozenset[str]) -> str | None:
    """The author field when it names a person: without a label ("Pewarta Nur Imansyah"),
    and not the outlet itself ("Kompas Cyber Media") nor a site credit ("Web Design;
    Development")."""
    if author is None:
        return None
    author = _AUTHOR_LABEL.sub("", author).strip()
    words = author.split()
    if (
        not words
        or ";" in author
        or any(w in keys for w in _KEY.findall(author.lower()))
        or not all(w[:1].isupper() or w[:1] in "(.'" for w in words)
    ):
        return None
    return author


def _clean(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None
