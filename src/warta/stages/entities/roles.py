"""Roles the article gives a person, from the words around the name.

Four shapes, each only when the role opens with a role noun (``presiden``, ``menteri``,
``juru bicara``, ``ketua`` ... in ``resources/role_nouns.txt``), so that "Di Jakarta, Budi"
or "Pertemuan Biden" give no role:

* before the name, with a comma: "Sekretaris Pers Gedung Putih, Jen Psaki";
* before the name, directly: "kata Sekretaris Pers Jen Psaki" (when the tagger left the
  title out of the mention);
* after the name, with a comma: "Budi Santoso, Ketua KPK, mengatakan";
* after *selaku* / *sebagai*: "Budi selaku juru bicara KPK".

A short form in brackets may stand between a role and the name ("Menteri Keuangan (Menkeu)
Sri Mulyani"); "dan" may join two capitalised words of a role ("Menteri Politik Hukum dan
Keamanan"). A capitalised role after a name and a comma that runs straight into the next name is that next
person's title ("Menteri A Budi, Menteri B Rina"; a lower-case one is a relation: "Adi, kuasa
hukum Rina"), one lower-case noun before a comma is no title
("kata jaksa, Budi ..."), and a lower-case role of service right before a name is a
relation to that person, not a title ("kuasa hukum Rahmat").

A title inside the mention ("Presiden Biden") is split off by
:func:`warta.stages.entities.mentions.name_form`, not here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from warta.article import Mention, Role, Sentence
from warta.stages.entities.names import fold, is_acronym
from warta.stages.entities.resources import EntityResources

__all__ = ["find_roles"]

_TOKEN = re.compile(r"\w(?:[\w'’.\-]*\w)?|[^\w\s]")
# A role is a short phrase; a longer capitalised run is a headline or a list of names.
_MAX_ROLE_WORDS = 10
_LINKS = frozenset({"selaku", "sebagai"})
# Role nouns of service that take the served person after them ("kuasa hukum Rahmat").
_RELATIONS = frozenset({"kuasa", "pengacara", "staf", "ajudan"})


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _sentence_bounds(sentences: Sequence[Sentence], text_len: int) -> list[tuple[int, int]]:
    bounds = sorted((s.start, s.end) for s in sentences if s.end > s.start)
    return bounds or [(0, text_len)]


class _People:
    """Person spans, answering "is this offset inside one?" by bisection."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        # reach[k]: the furthest end among the first k + 1 spans (spans may overlap).
        self.reach = list(accumulate((e for _, e in ordered), max))

    def covers(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos) - 1
        return k >= 0 and self.reach[k] > pos


class _Sentence:
    """The tokens of one sentence and which of them belong to a person mention."""

    def __init__(self, text: str, start: int, end: int, people: _People) -> None:
        self.text = text
        self.toks = _tokens(text, start, end)
        self.starts = [s for s, _ in self.toks]
        self.in_person = [people.covers(s) for s in self.starts]

    def word(self, k: int) -> str:
        s, e = self.toks[k]
        return self.text[s:e]

    def index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_right(self.starts, pos - 1)


def _role_word(w: str, res: EntityResources) -> bool:
    f = fold(w)
    if not w[0].isalnum():
        return False
    return w[0].isupper() or w[0].isdigit() or f in res.role_nouns or f in res.role_words or is_acronym(w)


def _joins(sent: _Sentence, j: int, lo: int, hi: int) -> bool:
    """Whether token ``j`` is a "dan" between two capitalised words of one role
    ("Menteri Politik Hukum dan Keamanan"); ``lo``/``hi`` bound the role's tokens."""
    return (
        lo < j < hi
        and sent.word(j) == "dan"
        and sent.word(j - 1)[0].isupper()
        and sent.word(j + 1)[0].isupper()
    )


def _role_token(sent: _Sentence, j: int, res: EntityResources, lo: int, hi: int) -> bool:
    return not sent.in_person[j] and (_role_word(sent.word(j), res) or _joins(sent, j, lo, hi))


def _backward(sent: _Sentence, k: int, res: EntityResources) -> tuple[int, int] | None:
    """The role ending at token ``k`` (inclusive), read backwards, or ``None``."""
    # "Ketua Pengadilan Tinggi Hj. Siti": an honorific before the name is no part of the role.
    while k >= 0:
        if sent.word(k) == "." and k >= 1 and fold(sent.word(k - 1)) in res.honorifics:
            k -= 2  # "H." "Dr."
        elif fold(sent.word(k)).rstrip(".") in res.honorifics:
            k -= 1
        else:
            break
    j = k
    while j >= 0 and k - j < _MAX_ROLE_WORDS and _role_token(sent, j, res, 0, k):
        j -= 1
    run = range(j + 1, k + 1)
    nouns = [t for t in run if fold(sent.word(t)) in res.role_nouns]
    if not nouns:
        return None
    first = nouns[0]
    # "staf khusus mantan Menteri X Budi": the staff serve Budi, whose role is what follows.
    if fold(sent.word(first)) in _RELATIONS and len(nouns) > 1:
        first = nouns[1]
    return sent.toks[first][0], sent.toks[k][1]


def _forward(sent: _Sentence, k: int, res: EntityResources, *, after_comma: bool) -> tuple[int, int] | None:
    """The role starting at token ``k``, read forwards, or ``None``."""
    if k >= len(sent.toks) or fold(sent.word(k)) not in res.role_nouns:
        return None
    j = k
    while j < len(sent.toks) and j - k < _MAX_ROLE_WORDS and _role_token(sent, j, res, k, len(sent.toks) - 1):
        j += 1
    if after_comma and sent.word(k)[0].isupper() and _name_at(sent, j):
        # "Menteri A Budi, Menteri B Rina": a capitalised title that runs into the next name
        # is that name's title. A lower-case one names a relation ("Adi, kuasa hukum Rina").
        return None
    return sent.toks[k][0], sent.toks[j - 1][1]


def _name_at(sent: _Sentence, j: int) -> bool:
    """Whether a person's name starts at token ``j``, or after a short bracket there."""
    if j < len(sent.toks) and sent.word(j) == "(":
        j = next((c + 1 for c in range(j + 1, min(j + 4, len(sent.toks))) if sent.word(c) == ")"), j)
    return j < len(sent.toks) and sent.in_person[j]


def _bracket_before(sent: _Sentence, k: int) -> int | None:
    """Index of the "(" that token ``k`` (a ")") closes, when the bracket holds one or two words
    ("Menteri Keuangan (Menkeu) Sri Mulyani"), else ``None``."""
    for o in range(k - 1, max(-1, k - 4), -1):
        w = sent.word(o)
        if w == "(":
            return o if o < k - 1 else None
        if not w[0].isalnum():
            return None
    return None


def find_roles(
    text: str,
    mentions: Sequence[Mention],
    sentences: Sequence[Sentence],
    *,
    resources: EntityResources,
    spans: Sequence[tuple[int, int]] | None = None,
) -> dict[int, list[Role]]:
    """Roles around each person mention, by mention index.

    Args:
        text: the article text.
        mentions: the article's mentions; only ``PER`` ones get roles.
        sentences: the article's sentences (roles never cross a sentence end).
        resources: the stage's word lists.
        spans: the name span of each mention (its title removed); default the mention spans.

    Returns:
        Mention index -> its roles, in text order (mentions without a role are absent).

    Example:
        >>> from warta.stages.entities.resources import load_resources
        >>> s = "Juru bicara KPK, Budi Santoso, membenarkan kabar itu."
        >>> m = Mention(start=17, end=29, text="Budi Santoso", label="PER")
        >>> [r.text for r in find_roles(s, [m], [], resources=load_resources())[0]]
        ['Juru bicara KPK']
    """
    names = list(spans) if spans is not None else [(m.start, m.end) for m in mentions]
    people = _People([names[i] for i, m in enumerate(mentions) if m.label == "PER"])
    bounds = _sentence_bounds(sentences, len(text))
    starts = [b[0] for b in bounds]
    cache: dict[int, _Sentence] = {}
    out: dict[int, list[Role]] = {}
    for i, m in enumerate(mentions):
        if m.label != "PER":
            continue
        ns, ne = names[i]
        b = max(0, bisect_right(starts, ns) - 1)
        sent = cache.get(b)
        if sent is None:
            sent = cache[b] = _Sentence(text, bounds[b][0], bounds[b][1], people)
        found: list[tuple[int, int]] = []
        k = sent.index_at(ns) - 1  # the token before the name
        if k >= 0 and sent.word(k) == ",":
            hit = _backward(sent, k - 1, res=resources)
            # "kata jaksa, Budi": one lower-case noun before a comma is the speaker of what
            # comes before, not a title of the name after it.
            if hit and " " not in text[hit[0] : hit[1]] and text[hit[0]].islower():
                hit = None
        elif k >= 1 and sent.word(k) == ")" and (o := _bracket_before(sent, k)) is not None:
            # A short form in brackets between the role and the name: the role is what precedes it.
            hit = _backward(sent, o - 1, res=resources) if o >= 1 else None
        elif k >= 0 and sent.toks[k][1] < ns:
            hit = _backward(sent, k, res=resources)
            # "kuasa hukum Rahmat": a lower-case role of service right before a name is a
            # relation to that person (the lawyer *of* Rahmat), unlike "pelatih Budi" or
            # "mantan presiden Budi", or a capitalised title ("Kuasa Hukum KPK Budi").
            if hit and text[hit[0] : hit[1]].islower() and _RELATIONS & set(text[hit[0] : hit[1]].split()):
                hit = None
            # A rank right before the name may follow a role and a comma:
            # "juru bicara Polda Metro Jaya, Kombes Ade Ary".
            before = sent.index_at(hit[0]) - 1 if hit else -1
            if hit and before >= 1 and sent.word(before) == ",":
                outer = _backward(sent, before - 1, res=resources)
                if outer:
                    found.append(outer)
        else:
            hit = None
        if hit:
            found.append(hit)
        k = sent.index_at(ne)  # the token after the name
        if (k < len(sent.toks) and sent.word(k) == ",") or (
            k < len(sent.toks) and fold(sent.word(k)) in _LINKS
        ):
            hit = _forward(sent, k + 1, res=resources, after_comma=sent.word(k) == ",")
        else:
            hit = None
        if hit:
            found.append(hit)
        if found:
            out[i] = [Role(text=text[s:e], start=s, end=e) for s, e in found]
    return out
