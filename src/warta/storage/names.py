"""Names to comparison keys: the same person or organisation gets the same key in every article.

A key is lower-case, without accents or punctuation, with titles and honorifics in front
taken off ("Presiden Joko Widodo" -> ``joko widodo``) and academic degrees after a comma
dropped ("Siti Rahma, S.H., M.Si." -> ``siti rahma``). The word lists live in
``resources/`` beside this module.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

from warta.article import EntityLabel

__all__ = ["known_aliases", "name_key", "person_key", "url_key"]

_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


def _lines(name: str) -> list[str]:
    text = resources.files("warta.storage").joinpath("resources").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(_lines("honorifics.txt"))


@cache
def known_aliases() -> dict[str, str]:
    """Shipped short names -> full-name keys (``jokowi`` -> ``joko widodo``)."""
    pairs = (line.split("\t", 1) for line in _lines("aliases.tsv"))
    return {alias.strip(): full.strip() for alias, full in pairs}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", plain.casefold())).strip()


def name_key(name: str, label: EntityLabel | str = "ORG") -> str:
    """The comparison key of an entity name; persons go through :func:`person_key`.

    Example:
        >>> name_key("Kementerian  Keuangan")
        'kementerian keuangan'
    """
    return person_key(name) if label == "PER" else _fold(name)


def person_key(name: str) -> str:
    """A person's name without titles, honorifics, degrees or accents.

    Example:
        >>> person_key("Presiden Joko Widodo")
        'joko widodo'
        >>> person_key("Dr. Siti Rahma, S.H., M.Si.")
        'siti rahma'
    """
    # Degrees follow the name after a comma; a name itself has no comma.
    head = name.split(",", 1)[0]
    words = _fold(head).split()
    honorifics = _honorifics()
    # Keep the last word even when it is in the list ("Pak Haji" stays "haji").
    while len(words) > 1 and words[0] in honorifics:
        words.pop(0)
    return " ".join(words)


_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ref|source|amp)$")


def url_key(url: str | None) -> str | None:
    """A URL in a form where trivially different spellings of one page agree.

    Scheme, ``www.``, a trailing slash, the fragment, tracking parameters and an
    ``/amp`` suffix are ignored.

    Example:
        >>> url_key("https://www.Berita.co.id/a/b/?utm_source=x#top")
        'berita.co.id/a/b'
    """
    if not url or "//" not in url:
        return None
    from urllib.parse import parse_qsl, urlencode, urlsplit

    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:
        return url.strip().lower()
    path = re.sub(r"/+", "/", parts.path).removesuffix("/amp").rstrip("/")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k.lower())])
    return f"{host}{path}" + (f"?{query}" if query else "")
