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
def _pattern() -> re.Pattern[str]:
    cues = sorted(citation_cues(), key=len, reverse=True)
    alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cues)
    # The cue, optional spaces, then punctuation (or the end of the line) where the
    # source name should have been.
    return re.compile(rf"(?<![\w-])(?i:(?:masih\s+)?(?:{alternation}))[ \t]*(?=[,.;:](?!\d)|$)", re.MULTILINE)


def find_dangling_citations(text: str) -> list[CleaningWarning]:
    """Return a warning for each citation cue that is missing its source.

    Example:
        >>> [w.cue for w in find_dangling_citations("Mengutip , harga naik. Mengutip CNN, ...")]
        ['Mengutip']
    """
    out = []
    for m in _pattern().finditer(text):
        cue = m.group().rstrip()
        out.append(
            CleaningWarning(
                kind="dangling-citation",
                message=f"'{cue}' is not followed by a source name (a removed link?)",
                start=m.start(),
                end=m.start() + len(cue),
                cue=cue,
            )
        )
    return out
