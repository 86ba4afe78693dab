"""News outlets by name: what datelines sign, and what no entity or keyphrase should be.

``lang/id/outlets.txt`` lists outlets as they sign datelines; a name written as a web domain
("Kompas.com", "TEMPO.CO", "iNews.id") needs no entry. The article's own outlet (its
``Source.outlet``) adds its distinctive words ("TurnBackHoax.id (Mafindo)": turnbackhoax,
mafindo), so that the publisher signing its story ("Tim Pemeriksa Fakta Mafindo") is read as
what it is.

Example:
    >>> is_outlet_name("Kompas.com"), is_outlet_name("Reuters"), is_outlet_name("Bank Mandiri")
    (True, True, False)
    >>> sorted(outlet_words("TurnBackHoax.id (Mafindo)"))
    ['mafindo', 'turnbackhoax']
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang.id import outlets
from warta.stages.clean.resources import outlet_generic_words

__all__ = ["is_outlet_name", "names_own_outlet", "outlet_words"]

# A name written as a web domain: "Kompas.com", "TEMPO.CO", "iNews.id", "Liputan6.com".
_DOMAIN = re.compile(r"[A-Za-z][\w-]*(?:\.(?:com|co|id|net|org|news))+", re.IGNORECASE)
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|co|id|net|org)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


@cache
def _names() -> frozenset[str]:
    return frozenset(n.lower() for n in outlets())


def is_outlet_name(name: str) -> bool:
    """A news outlet's name: a web domain, or a listed outlet."""
    return bool(_DOMAIN.fullmatch(name)) or name.lower() in _names()


def outlet_words(outlet: str | None) -> frozenset[str]:
    """The distinctive words of an outlet's name (four letters or more, lower case)."""
    if not outlet:
        return frozenset()
    words = _WORD.findall(_DOMAIN_SUFFIX.sub("", outlet))
    generic = outlet_generic_words()  # words in outlets' names that name something else too
    return frozenset(w.lower() for w in words if len(w) >= 4 and w.lower() not in generic)


def names_own_outlet(name: str, own: frozenset[str]) -> bool:
    """Whether ``name`` holds a distinctive word of the article's own outlet."""
    return bool(own) and any(w.lower() in own for w in _WORD.findall(name))
