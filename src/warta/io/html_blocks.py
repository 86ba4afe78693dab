"""A page cut into text blocks, the same way every time: the unit of warta's HTML gold.

A block is the run of text between two block boundaries: the start or end of a block-level
element (``p``, ``div``, ``li``, ``td``, ``h1`` ...) or a ``<br>``. Inline elements (``a``,
``b``, ``span`` ...) join the block around them. Scripts, styles, forms' hidden parts and
comments give no text. Whitespace is collapsed; empty blocks are dropped; the rest are
numbered in document order. The gold of ``warta eval html`` names a page's article body as
the indices of its body blocks (``eval/gold/html-bodies.jsonl``), so it stores no text: the
scorer cuts the page again and joins those blocks.

Example:
    >>> [b.text for b in page_blocks("<div>Harga <b>naik</b><br>lagi.<p>Pasar ramai.</p></div>")]
    ['Harga naik', 'lagi.', 'Pasar ramai.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

__all__ = ["Block", "element_blocks", "page_blocks"]

# Elements whose start and end break the text into blocks.
_BLOCK = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody "
    "td tfoot th thead tr ul caption legend option select textarea button label".split()
)
# Elements whose text is no page text at all.
_SKIP = frozenset("script style noscript template svg iframe head object embed canvas map".split())
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """The ``index``-th text block of a page, the tag of the element that holds it, its text."""

    index: int
    tag: str
    text: str


def page_blocks(html: str) -> list[Block]:
    """The text blocks of a page, in document order (see the module docstring).

    Raises:
        ValueError: the page cannot be parsed at all.
    """
    from lxml import html as lxml_html  # type: ignore[import-untyped]

    from warta.io._tree import flatten_html, too_deep

    if too_deep(html):
        html, _depth = flatten_html(html)
    parser = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    return element_blocks(lxml_html.document_fromstring(html.encode("utf-8"), parser=parser))


def element_blocks(root: Any, *, skip: frozenset[str] = _SKIP) -> list[Block]:
    """The text blocks of a parsed element (lxml), in document order; ``skip`` names the
    elements whose text is left out."""
    return list(iter_blocks(root, skip=skip))


def iter_blocks(root: Any, *, skip: frozenset[str] = _SKIP) -> Iterator[Block]:
    """:func:`element_blocks` one at a time (a caller looking for one block stops there)."""
    from lxml import etree

    parts: list[str] = []
    holder = ["body"]
    count = 0

    def flush() -> Block | None:
        nonlocal count
        text = _SPACES.sub(" ", "".join(parts)).strip()
        parts.clear()
        if not text:
            return None
        count += 1
        return Block(count - 1, holder[-1], text)

    skipping = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if skipping or tag in skip:
                skipping += 1
                continue
            if tag == "br" or tag in _BLOCK:
                if (block := flush()) is not None:
                    yield block
                if tag != "br":
                    holder.append(tag)
            if el.text and tag != "br":
                parts.append(el.text)
        else:
            if skipping:
                skipping -= 1
                if skipping == 0 and el.tail and el is not root:
                    parts.append(el.tail)
                continue
            if tag in _BLOCK:
                if (block := flush()) is not None:
                    yield block
                holder.pop()
            if el.tail and el is not root:
                parts.append(el.tail)
    if (block := flush()) is not None:
        yield block
