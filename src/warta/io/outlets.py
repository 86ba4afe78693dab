"""Per-outlet page profiles: where the story sits in the templates of Indonesian outlets.

A profile (``resources/outlets.toml``) names an outlet's hosts, the selectors of the element
that holds the story and the selectors of the furniture inside it. The HTML reader tries the
profile of the page's host before the generic extractor: on a known template it is both
surer (no teaser or share bar is mistaken for the story) and faster (one XPath instead of
trafilatura's scoring and its fallbacks). A profile that finds no story gives the page to
the generic path.

Example:
    >>> profile_for("https://news.detik.com/berita/d-1/banjir").name
    'detik'
    >>> profile_for("https://example.org/a") is None
    True
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urljoin, urlsplit

from warta.errors import ResourceError

__all__ = [
    "OutletProfile",
    "next_page_url",
    "page_url",
    "profile_blocks",
    "profile_for",
    "profiles",
    "to_xpath",
]

# What is never story text inside a body element. Figure captions are left out as well,
# except on photo pages (see profile_blocks).
_ALWAYS_SKIP = frozenset(
    "script style noscript template svg iframe object embed canvas map form button select textarea "
    "aside nav ins figcaption".split()
)
_PHOTO_SKIP = _ALWAYS_SKIP - {"figcaption"}

# A body the profile found holds a story when it has this many words in paragraphs of
# twelve words or more (a story's first paragraph alone usually has); else the generic
# path reads the page.
_STORY_WORDS = 40
_PARAGRAPH_WORDS = 12
# Below this many words without captions, the page is a photo or gallery page and its
# captions are the story.
_PHOTO_WORDS = 60


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """One outlet's templates: its hosts, body selectors and furniture selectors (as XPath)."""

    name: str
    hosts: tuple[str, ...]
    body: tuple[str, ...]
    drop: tuple[str, ...]


_SELECTOR_PART = re.compile(
    r"(?P<tag>[a-zA-Z][\w-]*)?(?P<rest>(?:#[\w-]+|\.[\w-]+|\[[\w-]+(?:=[^\]]+)?\])*)$"
)
_QUALIFIER = re.compile(r"#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w-]+)(?:=(?P<value>[^\]]+))?\]")


def to_xpath(selector: str, *, relative: bool = False) -> str:
    """Translate the CSS subset of the profiles (tag, #id, .class, [attr], [attr=value],
    descendant) to XPath.

    Raises:
        ValueError: the selector uses anything else.

    Example:
        >>> to_xpath("div.read__content")
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' read__content ')]"
        >>> to_xpath("div#isi p", relative=True)
        ".//div[@id='isi']//p"
    """
    steps = []
    for part in selector.split():
        m = _SELECTOR_PART.match(part)
        if m is None or not part:
            raise ValueError(f"unsupported selector {selector!r} (tag, #id, .class, [attr=value] only)")
        tests = []
        for q in _QUALIFIER.finditer(m.group("rest") or ""):
            if q.group("id"):
                tests.append(f"@id='{q.group('id')}'")
            elif q.group("cls"):
                tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {q.group('cls')} ')")
            elif q.group("value") is not None:
                value = q.group("value").strip("\"'")
                tests.append(f"@{q.group('attr')}='{value}'")
            else:
                tests.append(f"@{q.group('attr')}")
        steps.append((m.group("tag") or "*") + "".join(f"[{t}]" for t in tests))
    return ("." if relative else "") + "//" + "//".join(steps)


@cache
def profiles() -> tuple[OutletProfile, ...]:
    """The outlet profiles shipped with warta, their selectors translated (cached).

    Raises:
        ResourceError: the profile file is missing or malformed (W301).
    """
    where = "warta/io/resources/outlets.toml"
    try:
        data = tomllib.loads(
            resources.files("warta.io").joinpath("resources/outlets.toml").read_text("utf-8")
        )
        out = []
        for item in data["outlet"]:
            out.append(
                OutletProfile(
                    name=str(item["name"]),
                    hosts=tuple(h.lower() for h in item["hosts"]),
                    body=tuple(to_xpath(s) for s in item["body"]),
                    drop=tuple(to_xpath(s, relative=True) for s in item.get("drop", [])),
                )
            )
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ResourceError(f"bad outlet profiles: {exc}", source=where) from exc
    return tuple(out)


@cache
def _by_host() -> dict[str, OutletProfile]:
    return {host: p for p in profiles() for host in p.hosts}


def profile_for(url: str | None) -> OutletProfile | None:
    """The profile of the outlet at ``url`` (its host or a parent domain), if any."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    table = _by_host()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        profile = table.get(".".join(parts[i:]))
        if profile is not None:
            return profile
    return None


def page_url(tree: Any) -> str | None:
    """The page's own address as it states it: its canonical link, else its og:url."""
    for xp in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        found = tree.xpath(xp)
        if found and str(found[0]).strip():
            return str(found[0]).strip()
    return None


def profile_blocks(tree: Any, profile: OutletProfile) -> list[str] | None:
    """The story's paragraphs by ``profile``, or None when no body selector finds a story.

    The body element is copied before its furniture is taken out, so ``tree`` is left as
    it was (the generic path may still read it).
    """
    from copy import deepcopy

    from warta.io.html_blocks import element_blocks

    for xp in profile.body:
        found = tree.xpath(xp)
        if not found:
            continue
        body = deepcopy(found[0])
        for drop in profile.drop:
            for el in body.xpath(drop):
                parent = el.getparent()
                if parent is not None:
                    el.drop_tree()  # keeps the tail text, which is not the dropped element's
        _drop_link_lists(body)
        texts = [b.text for b in element_blocks(body, skip=_ALWAYS_SKIP)]
        if _words(texts) < _PHOTO_WORDS:
            texts = [b.text for b in element_blocks(body, skip=_PHOTO_SKIP)]
        if sum(n for n in (len(t.split()) for t in texts) if n >= _PARAGRAPH_WORDS) >= _STORY_WORDS:
            return texts
    return None


# Elements inside a body that are lists of links to other stories when (nearly) all their
# text is link text: a story's paragraphs are the journalist's own text, with a link here
# and there.
_LINK_LIST_TAGS = ("li", "p", "div", "td", "h2", "h3", "h4", "h5", "ul", "ol", "table", "section")
_LINK_SHARE = 0.9


def _drop_link_lists(body: Any) -> None:
    """Take out of ``body`` the elements whose text is all (90%) link text: related-story
    lists, tag lists, teaser boxes that a profile's drop list does not name."""
    marked = []
    for el in body.iter(*_LINK_LIST_TAGS):
        if el is body or any(a in marked for a in el.iterancestors()):
            continue
        total = len("".join(el.itertext()).strip())
        if not total:
            continue
        linked = sum(len("".join(a.itertext()).strip()) for a in el.iter("a"))
        if linked >= _LINK_SHARE * total:
            marked.append(el)
    for el in marked:
        if el.getparent() is not None:
            el.drop_tree()


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


# Links to the next page of a story split over several pages.
_NEXT_TEXT = re.compile(
    r"^\s*(?:selanjutnya|halaman (?:selanjutnya|berikutnya)|berikutnya|next(?: page)?)\s*[»›>]*\s*$",
    re.IGNORECASE,
)
_PAGE_PARAM = re.compile(r"[?&](?:page|halaman|hal|p)=(\d+)\b", re.IGNORECASE)
_PAGE_PATH = re.compile(r"/(\d{1,2})/?$")


def next_page_url(tree: Any, url: str | None) -> str | None:
    """The address of the story's next page, when the page says it has one.

    Found as ``<link rel="next">``, or as a link to the same story with a page number
    (``?page=2``, ``/2``) whose text is "Selanjutnya", "Halaman berikutnya", "Next" or the
    next page's number. Without the page's own address (given or stated by the page),
    only ``<link rel="next">`` counts: a "Selanjutnya" link may lead to another story.
    """
    found = tree.xpath("//link[@rel='next']/@href")
    if found:
        return _absolute(str(found[0]), url)
    if not url:
        return None
    base = _strip_page(url)
    following = str(_page_number(url) + 1)
    # Short link texts only (the C side of lxml filters them): paging links are a word or a number.
    for a in tree.xpath("//a[@href][string-length(normalize-space(.)) < 30]"):
        text = " ".join(a.itertext()).strip()
        if not (_NEXT_TEXT.match(text) or text == following):
            continue  # (the text first: resolving every link of a page costs more)
        href = a.get("href") or ""
        if href.startswith(("#", "javascript:")):
            continue
        target = _absolute(href, url)
        if target == url or _strip_page(target) != base:
            continue
        return target
    return None


def _page_number(url: str) -> int:
    """The page number ``url`` names (``?page=3``, ``/3``), 1 when it names none."""
    u = url.split("#", 1)[0]
    m = _PAGE_PARAM.search(u) or _PAGE_PATH.search(u)
    return int(m.group(1)) if m else 1


def _strip_page(url: str) -> str:
    """``url`` without its page number (``?page=2``, ``/2``) and fragment."""
    u = url.split("#", 1)[0]
    u = _PAGE_PARAM.sub("", u).rstrip("?&")
    return _PAGE_PATH.sub("", u).rstrip("/")


def _absolute(href: str, url: str | None) -> str:
    return urljoin(url, href) if url else href
