"""Who the article's speakers are: a public figure (a role or office) or a private person.

For each short name the article uses for a speaker ("kata Itin"), the first mention of
that name is read in its context: a role or organisation next to it ("Kepala Dinas ...
Itin") makes a public figure, a private noun or an age ("Itin (35), warga ...") a
private person. Without either the status is unknown (None).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from functools import cache

from warta.resources import resource_lines
from warta.stages.quotes.resources import org_heads, role_words
from warta.stages.quotes.speakers import ParsedSpeaker, parse_after

__all__ = ["introductions", "public_status"]

_TOKEN = re.compile(r"\w+(?:[-’']\w+)*|[^\w\s]")
_AGE = re.compile(r"\s*\(\s*\d{1,2}\s*\)")
_BEFORE = 8  # tokens of context before the name
_AFTER = 10  # and after it


@cache
def _commoners() -> frozenset[str]:
    return frozenset(resource_lines("quotes", "commoners.txt"))


def _status(text: str, start: int, end: int) -> bool | None:
    if _AGE.match(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    before = _TOKEN.findall(text[max(line_start, start - 120) : start])[-_BEFORE:]
    nl = text.find("\n", end)
    after = _TOKEN.findall(text[end : min(nl if nl >= 0 else len(text), end + 140)])[:_AFTER]
    # Only the apposition right after the name counts (", warga Desa X ,"), not the clause.
    if after and after[0] == ",":
        after = after[1 : after.index(",", 1) if "," in after[1:] else len(after)]
    else:
        after = []
    words = before + after
    low = [w.lower() for w in words]
    if any(w in _commoners() for w in low[-3:] if before) or any(w in _commoners() for w in (x.lower() for x in after[:2])):
        return False
    if any(w in role_words() for w in low) or any(w in org_heads() for w in words):
        return True
    return None


def public_status(text: str, names: Iterable[str]) -> dict[str, bool | None]:
    """Name -> True (public figure), False (private person) or None (unknown).

    Example:
        >>> t = "Itin (35), warga Cipayung, ikut pelatihan. Kepala Dinas Sosial Budi Santoso hadir."
        >>> public_status(t, ["Itin", "Budi"])
        {'Itin': False, 'Budi': True}
    """
    out: dict[str, bool | None] = {}
    for name in names:
        m = re.search(rf"\b{re.escape(name)}\b", text)
        if m is None:
            out[name] = None
            continue
        # The name may be the end of a longer one ("Budi Santoso"): take the whole run.
        end = m.end()
        nxt = re.match(r"(?:\s+[A-Z][\w’'-]*)+", text[end:])
        if nxt is not None:
            end += nxt.end()
        out[name] = _status(text, m.start(), end)
    return out


_LEAD = re.compile(r"(?:(?:Sebelumnya|Sementara\s+itu|Selain\s+itu|Secara\s+terpisah|Di\s+sisi\s+lain|Namun|Adapun|"
                   r"Dihubungi\s+terpisah|Oleh\s+karena\s+itu|Terkait\s+hal\s+itu|Dalam\s+kesempatan\s+itu)\s*,\s*)?")
_MENURUT_LEAD = re.compile(r"(?:[Mm]enurut|[Kk]ata|[Uu]jar)\s+")


def introductions(text: str, sentences: Sequence[tuple[int, int]], *, known: Collection[str] = ()) -> list[ParsedSpeaker]:
    """Public figures introduced with a role at the start of a sentence or after "menurut".

    "Wali Kota Balikpapan Rizal Effendi mengatakan, ..." and "Menurut Kepala BMKG Dwikorita
    Karnawati, ..." introduce a person with a role, whatever verb follows. Only phrases
    with both a name and a role or organisation are kept.

    Example:
        >>> t = "Gubernur BI Perry Warjiyo mendorong perbankan bergerak."
        >>> [t[p.name[0]:p.name[1]] for p in introductions(t, [(0, len(t))])]
        ['Perry Warjiyo']
    """
    out: list[ParsedSpeaker] = []
    for s, e in sentences:
        m = _LEAD.match(text, s, e)
        pos = m.end() if m else s
        mm = _MENURUT_LEAD.match(text, pos, e)
        if mm is not None:
            pos = mm.end()
        p = parse_after(text, pos, known=known, limit=min(400, e - pos))
        if p is None or p.kind != "person" or p.name is None or not (p.roles or p.affiliations):
            continue
        # A subject, not the start of a longer noun phrase: a verb, comma or date follows.
        nxt = text[p.end : p.end + 30].lstrip()
        if mm is None and not (nxt[:1] in (",", "(") or nxt[:1].islower()):
            continue
        out.append(p)
    return out
