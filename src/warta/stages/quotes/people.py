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

from warta.stages.quotes.resources import (
    agent_passives,
    commoners,
    org_heads,
    passive_cues,
    reporting_pattern,
    role_words,
)
from warta.stages.quotes.speakers import ParsedSpeaker, parse_after, parse_before, role_run_start, tokens

__all__ = ["introductions", "public_status"]

_TOKEN = re.compile(r"\w+(?:[-’']\w+)*|[^\w\s]")
_AGE = re.compile(r"\s*\(\s*\d{1,2}\s*\)")
_BEFORE = 8  # tokens of context before the name
_AFTER = 10  # and after it


_PSEUDONYM = re.compile(r"\s*\(\s*(?:bukan\s+nama\s+(?:sebenarnya|asli)|nama\s+samaran)", re.IGNORECASE)


def _status(text: str, start: int, end: int) -> bool | None:
    if _AGE.match(text, end) or _PSEUDONYM.match(text, end):
        return False  # "Itin (35)", "Arya (bukan nama sebenarnya)": a private person
    line_start = text.rfind("\n", 0, start) + 1
    before = _TOKEN.findall(text[max(line_start, start - 120) : start])[-_BEFORE:]
    nl = text.find("\n", end)
    after = _TOKEN.findall(text[end : min(nl if nl >= 0 else len(text), end + 140)])[:_AFTER]
    # Only the apposition right after the name counts (", warga Desa X ,"), not the clause.
    if after and after[0] == ",":
        after = after[1 : after.index(",", 1) if "," in after[1:] else len(after)]
    else:
        after = []
    # ", salah satu warga ...", ", seorang pedagang ...": the noun after the quantifier.
    while after and after[0].lower() in ("salah", "satu", "seorang", "sang"):
        after = after[1:]
    words = before + after
    low = [w.lower() for w in words]
    if any(w in commoners() for w in low[-3:] if before) or any(
        w in commoners() for w in (x.lower() for x in after[:2])
    ):
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


_LEAD = re.compile(
    r"(?:(?:Sebelumnya|Sementara\s+itu|Selain\s+itu|Secara\s+terpisah|Di\s+sisi\s+lain|Namun|Adapun|"
    r"Dihubungi\s+terpisah|Oleh\s+karena\s+itu|Terkait\s+hal\s+itu|Dalam\s+kesempatan\s+itu)\s*,\s*)?"
)
_MENURUT_LEAD = re.compile(r"(?:[Mm]enurut|[Kk]ata|[Uu]jar)\s+")


def introductions(
    text: str, sentences: Sequence[tuple[int, int]], *, known: Collection[str] = ()
) -> list[ParsedSpeaker]:
    """Public figures introduced with a role at the start of a sentence or after "menurut",
    as the subject of a reporting verb, or (``subject`` False) named with their role
    inside a clause ("mendapat dukungan dari Bupati X Budi").

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
        if _introduces(p):
            assert p is not None
            p = _without_lead_in(text, p, known)
            # A subject, not the start of a longer noun phrase: a verb, comma or date follows.
            nxt = text[p.end : p.end + 30].lstrip()
            if mm is not None or nxt[:1] in (",", "(") or nxt[:1].islower():
                out.append(p)
                continue
        p = (
            _subject_of_verb(text, s, e, known)
            or _agent_of_passive(text, s, e, known)
            or _role_phrase_in(text, s, e, known)
        )
        if p is not None:
            out.append(p)
    return out


@cache
def _capitalised_roles() -> re.Pattern[str]:
    """A role word written with a capital ("Gubernur", "Kepala"), as a whole word."""
    words = sorted(
        {w[:1].upper() + w[1:] for w in role_words() if w.replace("-", "").isalpha()}, key=len, reverse=True
    )
    # (The capital first: most positions fail there, before the long alternation is tried.)
    return re.compile(r"(?=[A-Z])(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def _role_phrase_in(text: str, s: int, e: int, known: Collection[str]) -> ParsedSpeaker | None:
    """The first "Role [Organisation] Name" phrase inside the sentence, ended by a comma,
    a bracket or a lower-case word ("mendapat perhatian dari Gubernur X Budi Santoso.")."""
    for m in _capitalised_roles().finditer(text, s, e):
        before = text[max(s, m.start() - 40) : m.start()].split()
        prev = before[-1] if before else ""
        if prev[:1].isupper() or prev.lower() in role_words():
            continue  # inside a longer name or role
        p = parse_after(text, m.start(), known=known, limit=min(e - m.start(), 300))
        if not _introduces(p) or p is None or p.name is None:
            continue
        # The name is guessed from capitals here: the article must use it elsewhere.
        if not any(w in known for w in text[p.name[0] : p.name[1]].split()):
            continue
        nxt = text[p.end : p.end + 2].lstrip()
        if not nxt or nxt[:1] in (",", "(", ".", ";") or nxt[:1].islower():
            p.subject = False
            return p
    return None


def _without_lead_in(text: str, p: ParsedSpeaker, known: Collection[str]) -> ParsedSpeaker:
    """The phrase from its first role word when words that are neither role nor
    organisation open it ("Bagi Wakil Ketua Komisi X Budi", a subheading run into the
    sentence: "Relawan aktif Kepala Dinas Y Ani")."""
    if not p.roles or p.roles[0][0] != p.start:
        return p
    words = tokens(text, p.roles[0][0], p.roles[0][1])
    if not words or words[0][2].lower() in role_words() or words[0][2] in org_heads():
        return p
    k = next(
        (i for i, t in enumerate(words) if i and t[2][:1].isupper() and t[2].lower() in role_words()), None
    )
    if k is None:
        return p
    q = parse_after(text, words[k][0], known=known, limit=p.end - words[k][0] + 40)
    return q if _introduces(q) and q is not None and q.name == p.name else p


def _introduces(p: ParsedSpeaker | None) -> bool:
    return p is not None and p.kind == "person" and p.name is not None and bool(p.roles or p.affiliations)


def _subject_of_verb(text: str, s: int, e: int, known: Collection[str]) -> ParsedSpeaker | None:
    """The subject of the sentence's first reporting verb, wherever the sentence starts:
    "Dihubungi terpisah, Kepala Dinas X Budi mengatakan", "Ani, peneliti LIPI, menilai"."""
    v = reporting_pattern().search(text, s, e)
    if v is None:
        return None
    p = parse_before(text, s, v.start(), known=known)
    if _introduces(p):
        return p
    # Words before the phrase that are no part of it ("Belum bisa dipastikan Kepala ..."):
    # the phrase starts at the role word whose run of names reaches the verb.
    k = role_run_start(text, s, v.start())
    if k is None:
        return None
    p = parse_after(text, k, known=known, limit=v.start() - k)
    return p if _introduces(p) and p is not None and not text[p.end : v.start()].strip(" ,") else None


@cache
def _passive_agent() -> re.Pattern[str]:
    """A passive cue that names its speaker right after it ("disampaikan (oleh) ...")."""
    return re.compile(r"\b(?:" + "|".join(agent_passives()) + r")\s+(?:oleh\s+)?")


def _agent_of_passive(text: str, s: int, e: int, known: Collection[str]) -> ParsedSpeaker | None:
    """ "Hal itu disampaikan Ketua KPU Kota X Budi Santoso": the agent of a passive cue."""
    m = _passive_agent().search(text, s, e)
    if m is None or m.group().split()[0] not in passive_cues():
        return None
    p = parse_after(text, m.end(), known=known, limit=e - m.end())
    return p if _introduces(p) else None
