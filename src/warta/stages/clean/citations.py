"""Flag citations whose source name was lost ("Mengutip , pertemuan itu ...").

Scrapers drop the text of hyperlinks; when the link was the cited outlet, the cue
("Mengutip", "Dikutip dari", "dilansir dari") is left facing a comma.
"""

from __future__ import annotations

import re
from functools import cache

from warta.article import CleaningWarning
from warta.stages.clean.resources import citation_cues

__all__ = ["find_dangling_citations"]


@cache
def _cues() -> tuple[str, ...]:
    return tuple(sorted(citation_cues(), key=len, reverse=True))


_AFTER = re.compile(r"[ \t]*(?:[,.;:](?!\d)|\n|$)")
_MASIH = re.compile(r"masih\s+$")


def find_dangling_citations(text: str) -> list[CleaningWarning]:
    """Return a warning for each citation cue that is missing its source.

    Cues are found with ``str.find`` on a lower-cased copy (a scan per cue at C speed,
    far cheaper than one case-insensitive alternation over the whole text).

    Example:
        >>> [w.cue for w in find_dangling_citations("Mengutip , harga naik. Mengutip CNN, ...")]
        ['Mengutip']
    """
    low = text.lower()
    if len(low) != len(text):
        low = text.replace("İ", "I").lower()
    found: dict[int, int] = {}  # start -> end of the longest cue there
    # Positions inside a cue found already (longer cues first): a cue is a few words, so
    # marking each position keeps the test constant-time per occurrence.
    covered: set[int] = set()
    for cue in _cues():
        i = low.find(cue)
        while i >= 0:
            end = i + len(cue)
            boundary = (i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "-")) and (
                end == len(low) or not low[end].isalnum()
            )
            if boundary and i not in covered and _AFTER.match(low, end):
                found[i] = end
                covered.update(range(i, end))
            i = low.find(cue, end)
    out = []
    for start, end in sorted(found.items()):
        m = _MASIH.search(low, max(0, start - 12), start)
        if m is not None:
            start = m.start()
        cue = text[start:end]
        out.append(
            CleaningWarning(
                kind="dangling-citation",
                message=f"'{cue}' is not followed by a source name (a removed link?)",
                start=start,
                end=end,
                cue=cue,
            )
        )
    return out
