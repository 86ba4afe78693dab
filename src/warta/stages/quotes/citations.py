"""Cited sources: "mengutip CNN", "dilansir dari Reuters"; dangling when the name was lost."""

from __future__ import annotations

import re
from functools import cache

from warta.article import Citation, Span
from warta.stages.clean.resources import citation_cues

__all__ = ["find_citations"]

# A source name: capitalised words, acronyms and domain names ("CNN", "The Guardian",
# "Kompas.com"), possibly joined by "dan"/"of".
_SOURCE = re.compile(
    r"[ \t]*((?:[A-Z0-9][\w.&'-]*)(?:[ \t]+(?:of[ \t]+|the[ \t]+|dan[ \t]+)?[A-Z0-9][\w.&'-]*)*)"
)
_DANGLING = re.compile(r"[ \t]*(?:[,.;:](?!\d)|\n|$)")


@cache
def _cue_regex() -> re.Pattern[str]:
    cues = sorted(citation_cues(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(c) for c in cues) + r")(?!\w)", re.IGNORECASE)


def find_citations(text: str) -> list[Citation]:
    """Citations in ``text``. Bare "menurut" cites a source only when left dangling
    (otherwise it introduces a speaker, handled as a quote).

    Example:
        >>> [(c.cue.text, c.source.text if c.source else None) for c in find_citations("Mengutip CNN, harga naik. Dikutip dari , ...")]
        [('Mengutip', 'CNN'), ('Dikutip dari', None)]
    """
    out: list[Citation] = []
    for m in _cue_regex().finditer(text):
        cue = Span(m.start(), m.end(), m.group())
        if _DANGLING.match(text, m.end()):
            out.append(Citation(cue=cue, dangling=True))
            continue
        if m.group().lower() == "menurut":
            continue
        s = _SOURCE.match(text, m.end())
        if s is None or not s.group(1):
            continue
        name = s.group(1).rstrip(".")
        start = s.start(1)
        out.append(Citation(cue=cue, source=Span(start, start + len(name), name)))
    return out
