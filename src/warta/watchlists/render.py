"""What an alert says: found items grouped by watchlist, as Markdown, JSON Lines records and
a webhook's JSON body.

Every item shows the article's title, outlet and date, and a link to its dashboard page
(``{base_url}/article/{id}``); items of quote watchlists (speaker, about) show the quote and
its speaker too. Scraped text is escaped for Markdown (``<``, ``>`` and ``&`` as entities,
Markdown's marks with a backslash), so that a digest rendered as HTML shows a title such as
``<script>`` as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from warta.storage.watchlists import QUOTE_KINDS, FoundItem

__all__ = ["article_link", "digest_markdown", "group", "item_record", "jsonl_lines", "webhook_body"]

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def article_link(base_url: str, article_id: int) -> str:
    """The dashboard page of a stored article.

    Example:
        >>> article_link("https://warta.example/", 7)
        'https://warta.example/article/7'
    """
    return f"{base_url.rstrip('/')}/article/{article_id}"


def _md(text: str | None) -> str:
    """Scraped text as inert Markdown on one line.

    Example:
        >>> _md("<b>Harga_beras</b> [naik]")
        '&lt;b&gt;Harga\\\\_beras&lt;/b&gt; \\\\[naik\\\\]'
    """
    flat = " ".join((text or "").split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", flat)


def group(items: Sequence[FoundItem]) -> list[tuple[str, list[FoundItem]]]:
    """Items by watchlist name (in name order), each group in the order found."""
    ordered = sorted(items, key=lambda i: (i.watchlist, i.id))
    return [(name, list(found)) for name, found in groupby(ordered, key=lambda i: i.watchlist)]


def item_record(item: FoundItem, base_url: str) -> dict[str, Any]:
    """One item as JSON (the JSON Lines digest and the webhook's body)."""
    record: dict[str, Any] = {
        "watchlist": item.watchlist,
        "kind": item.kind,
        "value": item.value,
        "item_id": item.id,
        "article_id": item.article_id,
        "title": item.title,
        "outlet": item.outlet,
        "published": item.published,
        "day": item.day,
        "url": item.url,
        "link": article_link(base_url, item.article_id),
        "found_at": item.found_at,
    }
    if item.kind in QUOTE_KINDS:
        record.update(quote_idx=item.quote_idx, quote=item.quote, speaker=item.speaker)
    return record


def jsonl_lines(items: Sequence[FoundItem], base_url: str) -> str:
    """The JSON Lines digest: one item a line, grouped by watchlist."""
    return "".join(
        json.dumps(item_record(i, base_url), ensure_ascii=False) + "\n"
        for _name, found in group(items)
        for i in found
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "es" if word.endswith("ch") else "s")


def summary_line(items: Sequence[FoundItem]) -> str:
    """ "3 new matches in 2 watchlists"."""
    groups = group(items)
    return f"{_plural(len(items), 'new match')} in {_plural(len(groups), 'watchlist')}"


def digest_markdown(items: Sequence[FoundItem], base_url: str, *, when: str) -> str:
    """The Markdown digest of ``items`` (found at ``when``), grouped by watchlist.

    Example of one quote item::

        - **[Pemerintah Jaga Harga Beras](http://127.0.0.1:8000/article/1)**, Kabar Uji, 2025-03-03
          > "Kami akan menjaga harga beras tetap stabil" (Rina Kartika)
    """
    lines = [f"# warta digest, {when} UTC", "", summary_line(items) + ".", ""]
    for name, found in group(items):
        head = found[0]
        lines += [f"## {_md(name)}: {head.kind} {_md(head.value)}", ""]
        for i in found:
            title = _md(i.title) or f"Article {i.article_id}"
            where = ", ".join(x for x in (_md(i.outlet), i.day or (i.published or "")[:10]) if x)
            lines.append(
                f"- **[{title}]({article_link(base_url, i.article_id)})**" + (f", {where}" if where else "")
            )
            if i.kind in QUOTE_KINDS and i.quote:
                lines.append(f'  > "{_md(i.quote)}" ({_md(i.speaker) or "unknown speaker"})')
        lines.append("")
    return "\n".join(lines)


def webhook_body(items: Sequence[FoundItem], base_url: str, *, delivery: str, sent_at: str) -> dict[str, Any]:
    """The webhook's JSON body: the items grouped by watchlist, with a delivery id that stays
    the same when the same items are sent again (receivers may drop repeats by it)."""
    return {
        "event": "warta.watchlist.matches",
        "delivery": delivery,
        "sent_at": sent_at,
        "count": len(items),
        "watchlists": [
            {
                "name": name,
                "kind": found[0].kind,
                "value": found[0].value,
                "items": [item_record(i, base_url) for i in found],
            }
            for name, found in group(items)
        ],
    }
