"""Mentions merged into one entity per referent within an article.

How two mentions come to name the same entity, tried in this order:

1. **the same name** (folded: case, accents and spacing ignored), with compatible types;
2. **a shorter form of a longer name**: its words appear in order in the longer one
   ("Biden" in "Joe Biden", "Susilo B. Yudhoyono" in "Susilo Bambang Yudhoyono"), with the
   same type; a place never merges into one that adds a qualifier ("Jawa" / "Jawa Barat");
3. **an acronym** of a place or organisation: spelled out in brackets in the article
   ("Komisi Pemberantasan Korupsi (KPK)"), equal to the initials of the full form ("AS" =
   "Amerika Serikat"), or listed in ``resources/acronyms.tsv``;
4. **a presidency and its seat**: "kepresidenan Prancis" and "Istana Élysée", from the seats
   of government in ``resources/seats.tsv``;
5. **a person's short name in brackets** right after the full name ("Joko Widodo (Jokowi)"),
   see :func:`bracketed_names`;
6. **one name under two types**: a name of two or more words tagged as a person in one place
   and as an organisation or place in another is one referent (the tagger wavered);
7. **a misspelling**, once the rest is settled: "Larov" -> "Sergey Lavrov", "Rusi" -> "Rusia"
   (see :func:`warta.stages.entities.names.is_typo_of` for the guards), only when one
   entity fits.

What stays apart: different first names with one surname ("Joe Biden" / "Jill Biden"), a
name inside a longer one that adds a given name before it ("Hadi Santoso" / "Ratna Hadi
Santoso", a wife named after her husband),
short names that differ by a letter ("Rina" / "Rini"), a person and a place of one name. A
bare surname shared by two people goes to the one mentioned last before it (or first after it).

A seat of government ("Gedung Putih", "Kremlin", "Balai Kota") is typed ORG, as news annotation
treats the building that speaks for a government, unless every mention of it is a place
("tiba di Gedung Putih").
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache

from warta.article import Entity, EntityLabel, Mention, Role, Sentence
from warta.stages.entities.mentions import NameForm, name_form
from warta.stages.entities.names import (
    LONGEST_TYPO,
    fold,
    initials,
    legal_forms,
    name_tokens,
    subsequence_of,
    tokens_match,
)
from warta.stages.entities.resources import (
    EntityResources,
    load_resources,
    name_prefixes,
    part_heads,
    same_place_words,
)
from warta.stages.entities.roles import find_roles

__all__ = ["bracketed_names", "compatible", "merge_mentions", "name_forms", "seat_of", "spelled_out_acronyms"]

# "Komisi Pemberantasan Korupsi (KPK)" and "KPK (Komisi Pemberantasan Korupsi)".
_BRACKET = re.compile(r"\s*\(\s*([^()\n]{2,80}?)\s*\)")


def compatible(a: EntityLabel, b: EntityLabel) -> bool:
    """Whether two types may name one referent.

    Taggers disagree between LOC and ORG for countries and seats of power ("AS", "Gedung
    Putih"), and MISC is their catch-all; a person is only ever a person.

    Example:
        >>> compatible("LOC", "ORG"), compatible("PER", "ORG"), compatible("MISC", "LOC")
        (True, False, True)
    """
    if a == b:
        return True
    if "PER" in (a, b):
        return False
    return {a, b} == {"LOC", "ORG"} or "MISC" in (a, b)


def name_forms(text: str, mentions: Sequence[Mention], *, resources: EntityResources) -> list[NameForm]:
    """The :class:`NameForm` of every mention (name, role words, or why it is dropped)."""
    affiliations = {tuple(name_tokens(text[m.start : m.end])) for m in mentions if m.label != "PER"}
    affiliations |= {tuple(full.split()) for fulls in resources.acronyms.values() for full in fulls}
    people = {
        t for m in mentions if m.label == "PER" and len(t := tuple(name_tokens(text[m.start : m.end]))) >= 2
    }
    return [
        name_form(
            text, m.start, m.end, m.label, resources=resources, affiliations=affiliations, people=people
        )
        for m in mentions
    ]


def spelled_out_acronyms(
    text: str, mentions: Sequence[Mention], forms: Sequence[NameForm]
) -> set[tuple[str, str]]:
    """Pairs (folded full form, acronym) that the article spells out in brackets.

    Example:
        >>> s = "Komisi Pemberantasan Korupsi (KPK) memanggil saksi."
        >>> m = Mention(start=0, end=29, text=s[:29], label="ORG")
        >>> f = name_forms(s, [m], resources=load_resources())
        >>> spelled_out_acronyms(s, [m], f)
        {('komisi pemberantasan korupsi', 'KPK')}
    """
    pairs: set[tuple[str, str]] = set()
    for m, f in zip(mentions, forms, strict=True):
        if f.dropped or m.label == "PER":
            continue
        b = _BRACKET.match(text, f.end)
        if not b:
            continue
        inside = b.group(1)
        # "Muslimat Nahdlatul Ulama (NU)" spells out no "NU": it stands for the end of the name.
        if len(f.tokens) == 1 and " " in inside:
            full = name_tokens(inside)
            if _same_start(f.tokens[0], full):
                pairs.add((" ".join(full), _acr(f.text)))
        elif (
            len(f.tokens) > 1
            and _is_acronym_word(inside)
            and _same_start(fold(inside), list(f.tokens))
            # "Proton (Malaysia)": where, not what; "Jawa Tengah (Jateng)" is a place's short form
            and (not _known_place((fold(inside),)) or _known_place(f.tokens))
        ):
            pairs.add((" ".join(f.tokens), _acr(inside)))
    return pairs


def _same_start(short: str, full: list[str]) -> bool:
    """Whether an acronym may stand for the whole of ``full``: not when it spells only the
    end of it ("NU" after "Muslimat Nahdlatul Ulama"), a legal form ("PT") aside. A translated
    name keeps its foreign acronym ("Badan Energi Atom Internasional (IAEA)")."""
    key = _acr(short)
    for k in range(1, len(full)):
        if all(w in legal_forms() for w in full[:k]):
            continue
        if initials(" ".join(full[k:])) == key:
            return False
    return True


def bracketed_names(
    text: str, mentions: Sequence[Mention], forms: Sequence[NameForm]
) -> list[tuple[int, int]]:
    """(full name, short name) mention pairs of persons: "Joko Widodo (Jokowi)", "Bambang (Bams)".

    A person's name written in brackets right after another person's name is what the
    article calls that person (a nickname or initials). A bracket holding a party or a place
    ("Budi (Gerindra)") is tagged as such, not as a person, and pairs nothing.

    Example:
        >>> s = "Presiden Joko Widodo (Jokowi) tiba."
        >>> ms = [Mention(start=9, end=20, text="Joko Widodo", label="PER"),
        ...       Mention(start=22, end=28, text="Jokowi", label="PER")]
        >>> bracketed_names(s, ms, name_forms(s, ms, resources=load_resources()))
        [(0, 1)]
    """
    people = {m.start: j for j, m in enumerate(mentions) if m.label == "PER" and not forms[j].dropped}
    pairs = []
    for i, (m, f) in enumerate(zip(mentions, forms, strict=True)):
        if m.label != "PER" or f.dropped or len(f.tokens) < 2:
            continue
        b = _BRACKET.match(text, f.end)
        j = people.get(b.start(1)) if b else None
        if b is None or j is None or j == i or forms[j].tokens != tuple(name_tokens(b.group(1))):
            continue
        if _short_name_of(forms[j], f):
            pairs.append((i, j))
    pairs.extend(_named_aliases(text, mentions, forms, people))
    return pairs


@cache
def _alias_cue() -> re.Pattern[str]:
    from warta.resources import resource_lines

    cues = sorted(resource_lines("entities", "alias_cues.txt"), key=len, reverse=True)
    return re.compile(
        r"\s*[,-]?\s*(" + "|".join(re.escape(c).replace("\\ ", r"\s+") for c in cues) + r")\s+", re.I
    )


def _named_aliases(
    text: str, mentions: Sequence[Mention], forms: Sequence[NameForm], people: dict[int, int]
) -> list[tuple[int, int]]:
    """(full name, short name) pairs the article states: "Saifullah Yusuf atau Gus Ipul",
    "Budi Santoso alias Bento", "Budi yang akrab disapa Bento". The short name is one word
    (an honorific aside); after "atau", which also joins two people, it needs an honorific."""
    from warta.stages.entities.resources import load_resources

    honorifics = load_resources().honorifics
    out = []
    for i, (m, f) in enumerate(zip(mentions, forms, strict=True)):
        if m.label != "PER" or f.dropped or len(f.tokens) < 2:
            continue
        cue = _alias_cue().match(text, m.end)
        j = people.get(cue.end()) if cue else None
        if cue is None or j is None or j == i or len(forms[j].tokens) != 1:
            continue
        titled = mentions[j].text.split()[0].lower().rstrip(".") in honorifics
        if cue.group(1).lower() == "atau" and not titled:
            continue
        out.append((i, j))
    return out


def _letters_of(short: str, name: str) -> bool:
    """Whether a short form in capitals is made of the name's letters, in order, from its first:
    the initials news write for a suspect or a defendant ("Iswan Ibrahim (ISW)", "Hendi Prio
    Santoso (HPS)").

    Example:
        >>> _letters_of("ISW", "Iswan Ibrahim"), _letters_of("PDIP", "Puan Maharani")
        (True, False)
    """
    letters = "".join(c for c in name.lower() if c.isalpha())
    short = short.lower()
    if not short or not letters.startswith(short[0]):
        return False
    at = 0
    for c in short:
        at = letters.find(c, at) + 1
        if at == 0:
            return False
    return True


def _person_short_forms(
    text: str, mentions: Sequence[Mention], forms: Sequence[NameForm], *, known: Collection[str] = ()
) -> tuple[dict[int, str], bool]:
    """A person's short form in capitals, by the mention of the full name it follows, and
    whether a mention changed type.

    An article that writes capitals in brackets right after a person's full name, made of that
    name's letters ("Iswan Ibrahim (ISW)"), calls the person so; taggers read such a bracket as
    an organisation ("ISW"), a country ("AS") or nothing. The bracket and every other mention
    of the same capitals become a person, and merge with the full name (a common acronym,
    ``known``, "AS" for Amerika Serikat, changes only in the bracket); a bracket the tagger
    skipped is still the person's alias (see :func:`merge_mentions`).
    """
    shorts: dict[int, str] = {}
    brackets: set[int] = set()
    for i, (m, f) in enumerate(zip(mentions, forms, strict=True)):
        if m.label != "PER" or f.dropped is not None or len(f.tokens) < 2:
            continue
        b = _BRACKET.match(text, f.end)
        if b is None:
            continue
        short = b.group(1)
        if 2 <= len(short) <= 6 and short.isalpha() and short.isupper() and _letters_of(short, f.text):
            shorts[i] = short
            brackets.add(b.start(1))
    words = set(shorts.values())
    changed = False
    for m in mentions:
        if m.text in words and m.label != "PER" and (m.text not in known or m.start in brackets):
            m.label = "PER"
            changed = True
    return shorts, changed


def _short_name_of(short: NameForm, full: NameForm) -> bool:
    """Whether ``short`` can be the short name of ``full``: one word, either the full name's
    initials ("SBY") or starting like one of its words ("Jokowi", "Zulhas"). Two names in
    brackets are another person ("tokoh Dilan (Iqbal Ramadan)"), and so is one word that
    shares no initial ("Dilan (Iqbal)")."""
    if len(short.tokens) != 1:
        return False
    word = short.tokens[0]
    if short.acronym:
        return _acr(short.text) == initials(full.text) or _letters_of(_acr(short.text), full.text)
    return len(word) >= 3 and any(t[:1] == word[:1] for t in full.tokens)


# Gazetteer types that name a place a longer name can be *in* (not "kec": too many common words).
_PLACE_TYPES = frozenset({"country", "prov", "kab", "region"})


def _same_given_name(short: Sequence[str], full: Sequence[str], *, fuzzy: bool = False) -> bool:
    """Whether a person's name of two or more words starts where the longer one does: "Yahya
    Staquf" in "Yahya Cholil Staquf", but not "Hadi Santoso" in "Ratna Hadi Santoso" (a wife
    named after her husband), unless only a title or "Muhammad" comes first.

    Example:
        >>> _same_given_name(["hadi", "santoso"], ["ratna", "hadi", "santoso"])
        False
        >>> _same_given_name(["amran", "sulaiman"], ["andi", "amran", "sulaiman"])
        True
    """
    at = next((p for p, w in enumerate(full) if tokens_match(short[0], w, fuzzy=fuzzy)), None)
    return at is not None and all(w in name_prefixes() for w in full[:at])


def _part_of(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether ``full`` is a body made of, or part of, the body ``short`` named after its head.

    Example:
        >>> _part_of(("maju", "gym"), ("forum", "korban", "maju", "gym")), _part_of(("maju",), ("partai", "maju"))
        (True, False)
    """
    n, short = len(short), tuple(short)
    return full[0] in part_heads() and any(
        tuple(full[p : p + n]) == short for p in range(1, len(full) - n + 1)
    )


def _located_in(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether ``full`` holds the known place ``short`` after words that name something else in
    it: "Kantor Pajak Sleman", "Polres Sleman" or "Partai Buruh Sleman Raya" is in Sleman, not
    Sleman itself (Indonesian names put the head first), while "DKI Jakarta" is Jakarta. A
    place that opens a name ("Amerika Serikat") is left to the other rules.

    Example:
        >>> _located_in(("sleman",), ("kantor", "pajak", "sleman")), _located_in(("jakarta",), ("dki", "jakarta"))
        (True, False)
    """
    n, short = len(short), tuple(short)
    at = next((p for p in range(1, len(full) - n + 1) if tuple(full[p : p + n]) == short), None)
    if at is None or all(w in same_place_words() for w in full[:at]):
        return False
    return _known_place(short)


@cache
def _places() -> frozenset[tuple[str, ...]]:
    from warta.stages.ner.model import shared_gazetteer  # loads with the NER model's resources

    return frozenset(k for k, typ in shared_gazetteer().entries.items() if typ in _PLACE_TYPES)


def _known_place(words: tuple[str, ...]) -> bool:
    """Whether the folded words name a country, province, regency or region in the gazetteer."""
    return words in _places()


def _is_acronym_word(s: str) -> bool:
    # Bracketed short forms: "KPK", "A.S.", but also syllable acronyms such as "Kemenlu".
    return " " not in s and s[:1].isupper() and 2 <= len(s) <= 12 and any(c.isalpha() for c in s)


def _acr(s: str) -> str:
    return s.replace(".", "").upper()


@dataclass
class _Cluster:
    members: list[int] = field(default_factory=list)
    labels: Counter[EntityLabel] = field(default_factory=Counter)
    forms: set[tuple[str, ...]] = field(default_factory=set)
    # Where the members are mentioned, sorted: the nearest one to a point is a bisection, not
    # a pass over every member (a name mentioned 10,000 times made placing quadratic).
    starts: list[int] = field(default_factory=list)

    def add(self, i: int, label: EntityLabel, tokens: tuple[str, ...], start: int) -> None:
        self.members.append(i)
        self.labels[label] += 1
        self.forms.add(tokens)
        insort(self.starts, start)

    def absorb(self, other: _Cluster) -> None:
        self.members.extend(other.members)
        self.labels.update(other.labels)
        self.forms |= other.forms
        self.starts = sorted(self.starts + other.starts)


class _Merger:
    def __init__(
        self, text: str, mentions: Sequence[Mention], forms: Sequence[NameForm], res: EntityResources
    ) -> None:
        self.text = text
        self.mentions = mentions
        self.forms = forms
        self.res = res
        self.spelled = spelled_out_acronyms(text, mentions, forms)
        self.clusters: list[_Cluster] = []
        self.owner: dict[int, int] = {}  # mention index -> cluster index
        # Folded word (or initial) -> clusters with a form holding it: a form can only be the
        # same as, or shorter than, a form holding each of its words or their initials.
        self.by_word: dict[str, set[int]] = {}
        # Per form: its acronym key, its folded words, its initials (when asked).
        self.keys = [_acr(f.text) for f in forms]
        self.folded = [" ".join(f.tokens) for f in forms]
        self.initials: dict[int, str] = {}
        # Indexes for acronyms, filled as forms are placed (the clusters they went to): a key
        # -> clusters with a one-word form of that key (any, or an acronym), or with a form
        # the key stands for (by the article's brackets or the list, or by its initials).
        self.full_keys: dict[str, set[str]] = {}
        for key, fulls in res.acronyms.items():
            for full in fulls:
                self.full_keys.setdefault(full, set()).add(key)
        for full, key in self.spelled:
            self.full_keys.setdefault(full, set()).add(key)
        self.short_any: dict[str, set[int]] = {}
        self.short_acr: dict[str, set[int]] = {}
        self.named_full: dict[str, set[int]] = {}
        self.init_full: dict[str, set[int]] = {}

    # -- the tests, one form against one cluster ---------------------------------------------

    def _same_name(self, i: int, c: _Cluster) -> bool:
        return self.forms[i].tokens in c.forms and any(
            compatible(self.mentions[i].label, lab) for lab in c.labels
        )

    def _shorter_form(self, i: int, c: _Cluster, *, fuzzy: bool = False) -> bool:
        label = self.mentions[i].label
        if label not in c.labels:
            return False
        if self.forms[i].acronym:
            # "IWIP" for "PT IWIP": an acronym is a shorter form only of itself with a legal form.
            mine = self.forms[i].tokens
            return any(
                len(full) > len(mine) and tuple(w for w in full if w not in legal_forms()) == mine
                for full in c.forms
            )
        toks = list(self.forms[i].tokens)
        for full in c.forms:
            if len(full) <= len(toks) and not fuzzy:
                continue
            if not subsequence_of(toks, list(full), fuzzy=fuzzy):
                continue
            added = set(full) - set(toks)
            if label != "PER" and any(w in self.res.place_qualifiers for w in added):
                continue
            if label != "PER" and (_located_in(toks, full) or _part_of(toks, full)):
                continue
            if label == "PER" and len(toks) >= 2 and not _same_given_name(toks, full, fuzzy=fuzzy):
                continue
            return True
        return False

    def _acronym_of(self, i: int, c: _Cluster) -> bool:
        m = self.mentions[i]
        if m.label == "PER" or not any(compatible(m.label, lab) for lab in c.labels):
            return False
        # Only a one-word form abbreviates another (see _abbreviates).
        mine_short = len(self.forms[i].tokens) == 1
        return any(
            (mine_short and self._abbreviates(i, j))
            or (len(self.forms[j].tokens) == 1 and self._abbreviates(j, i))
            for j in c.members
        )

    def _country(self, tokens: tuple[str, ...]) -> set[tuple[str, ...]]:
        """The folded forms of a country name: itself and what its acronym stands for."""
        forms = {tokens}
        if len(tokens) == 1:
            forms |= {tuple(full.split()) for full in self.res.acronyms.get(tokens[0].upper(), ())}
        return forms

    def _presidency_of(self, i: int, c: _Cluster) -> bool:
        """ "kepresidenan Prancis" against a cluster naming Prancis's presidency seat, or the reverse."""
        if self.mentions[i].label == "PER" or "PER" in c.labels:
            return False
        mine = self.forms[i].tokens
        for a, b in [(mine, full) for full in c.forms] + [(full, mine) for full in c.forms]:
            if len(a) < 2 or a[0] not in self.res.presidency_words:
                continue
            seat = seat_of(b, self.res)
            if seat is not None and seat[1] == "presidency" and seat[0] in self._country(a[1:]):
                return True
        return False

    def _abbreviates(self, s: int, f: int) -> bool:
        """Whether one-word form ``s`` stands for form ``f``: spelled out, listed, or its initials."""
        short, full = self.forms[s], self.forms[f]
        if len(short.tokens) != 1 or short.tokens == full.tokens:
            return False
        key, folded = self.keys[s], self.folded[f]
        if (folded, key) in self.spelled or folded in self.res.acronyms.get(key, ()):
            return True
        return short.acronym and len(full.tokens) >= 2 and self._initials(f) == key

    def _initials(self, f: int) -> str:
        found = self.initials.get(f)
        if found is None:
            found = self.initials[f] = initials(self.forms[f].text)
        return found

    # -- clustering -----------------------------------------------------------------------------

    def _nearest(self, i: int, candidates: list[int]) -> int:
        """The candidate cluster mentioned last before mention ``i``, else first after it."""
        pos = self.mentions[i].start

        def key(ci: int) -> tuple[int, int]:
            starts = self.clusters[ci].starts
            k = bisect_left(starts, pos)
            return (0, pos - starts[k - 1]) if k else (1, starts[0] - pos)

        return min(candidates, key=key)

    def _named_alike(self, i: int) -> Sequence[int]:
        """The clusters that may hold the same or a longer form of mention ``i``'s name."""
        words = [t for t in self.forms[i].tokens if len(t) > 1]
        if not words:
            return range(len(self.clusters))
        # A word matches itself, or an initial standing for it ("b" for "bambang").
        found = [self.by_word.get(w, set()) | self.by_word.get(w[0], set()) for w in words]
        smallest = min(found, key=len)
        return sorted(ci for ci in smallest if all(ci in s for s in found))

    def _place(self, i: int) -> None:
        # The same name and a longer name compete: a bare surname already given to one of two
        # people must not pull every later bare surname after it.
        hits = [
            ci
            for ci in self._named_alike(i)
            if self.clusters[ci].members
            and (self._same_name(i, self.clusters[ci]) or self._shorter_form(i, self.clusters[ci]))
        ]
        if not hits and self.mentions[i].label != "PER":  # no acronym or seat is a person
            found = {
                ci
                for ci in self._acronym_candidates(i)
                if self.clusters[ci].members and self._acronym_of(i, self.clusters[ci])
            }
            if self._may_be_presidency(i):
                found |= {ci for ci, c in enumerate(self.clusters) if c.members and self._presidency_of(i, c)}
            hits = sorted(found)
        if len(hits) > 1:
            hits = self._by_given_name(i, hits)
        if hits:
            ci = self._nearest(i, hits)
        else:
            ci = len(self.clusters)
            self.clusters.append(_Cluster())
        tokens = self.forms[i].tokens
        self.clusters[ci].add(i, self.mentions[i].label, tokens, self.mentions[i].start)
        self.owner[i] = ci
        for t in tokens:
            self.by_word.setdefault(t, set()).add(ci)
        self._index(i, ci)

    def _index(self, i: int, ci: int) -> None:
        f, key = self.forms[i], self.keys[i]
        if len(f.tokens) == 1:
            self.short_any.setdefault(key, set()).add(ci)
            if f.acronym:
                self.short_acr.setdefault(key, set()).add(ci)
        elif len(f.tokens) >= 2:
            self.init_full.setdefault(self._initials(i), set()).add(ci)
        for k in self.full_keys.get(self.folded[i], ()):
            self.named_full.setdefault(k, set()).add(ci)

    def _acronym_candidates(self, i: int) -> set[int]:
        """Clusters that may hold a form that mention ``i`` abbreviates or is abbreviated by
        (a superset: :meth:`_acronym_of` decides)."""
        f, key = self.forms[i], self.keys[i]
        out: set[int] = set()
        if len(f.tokens) == 1:
            out |= self.named_full.get(key, set())
            if f.acronym:
                out |= self.init_full.get(key, set())
        elif len(f.tokens) >= 2:
            out |= self.short_acr.get(self._initials(i), set())
        for k in self.full_keys.get(self.folded[i], ()):
            out |= self.short_any.get(k, set())
        return out

    def _by_given_name(self, i: int, hits: list[int]) -> list[int]:
        """Among people a bare name may be, the one the article already calls by it as a given
        name: after "Prabowo Subianto ... Prabowo", a later "Prabowo" beside "Listyo Sigit
        Prabowo" is still Prabowo Subianto. A surname shared by two people is left to the
        nearest ("Ani Wijaya" / "Bayu Wijaya")."""
        toks = self.forms[i].tokens
        if len(toks) != 1 or self.mentions[i].label != "PER":
            return hits
        word = toks[0]

        def given(ci: int) -> bool:
            return any(len(f) >= 2 and f[0] == word for f in self.clusters[ci].forms)

        called = [ci for ci in hits if toks in self.clusters[ci].forms and given(ci)]
        if len(called) == 1 and not any(given(ci) for ci in hits if ci != called[0]):
            return called
        return hits

    def _may_be_presidency(self, i: int) -> bool:
        """Whether mention ``i`` can name a presidency: "kepresidenan <country>" or a seat."""
        toks = self.forms[i].tokens
        if toks and toks[0] in self.res.presidency_words:
            return True
        seat = seat_of(toks, self.res)
        return seat is not None and seat[1] == "presidency"

    def _strength(self, c: _Cluster) -> tuple[int, int, int]:
        """How sure a spelling is: more mentions, more words, then more letters (typos drop more
        letters than they add: "Larov", "Rusi")."""
        return (len(c.members), max(len(f) for f in c.forms), max(len(" ".join(f)) for f in c.forms))

    def _fix_typos(self) -> None:
        """Merge an entity of one spelling into the only other entity it is a typo of.

        Decided on the clusters as they are before any of these merges, so that typos never
        chain ("Hartono" -> "Hartano" -> "Hartanto"); the weaker spelling moves to the stronger.
        """
        target: dict[int, int] = {}
        letters = [{t[0] for f in c.forms for t in f if t} for c in self.clusters]
        strength = [self._strength(c) if c.members else (0, 0, 0) for c in self.clusters]
        top = max(strength, default=(0, 0, 0))
        unique_top = strength.count(top) == 1
        # Few clusters (every real article): compare with each; many (hostile input): look
        # candidates up by spelling neighbourhoods, which costs more to build than it saves here.
        near = _SpellingIndex(self.clusters) if len(self.clusters) > _INDEX_FROM else None
        for ci, c in enumerate(self.clusters):
            if not c.members or (strength[ci] == top and unique_top):
                continue  # the surest spelling of all moves nowhere
            i = self._one_spelling(c)
            if i is None:
                continue
            # Every word matches a word of the same first letter (typos keep it; initials are it).
            needed = {t[0] for t in self.forms[i].tokens if t}
            pool = (
                near.candidates(self.forms[i].tokens, len(self.clusters))
                if near
                else range(len(self.clusters))
            )
            hits = [
                di
                for di in pool
                if di != ci
                and self.clusters[di].members
                and needed <= letters[di]
                and self._shorter_form(i, self.clusters[di], fuzzy=True)
            ]
            if len(hits) != 1:
                continue
            d, mine = self.clusters[hits[0]], strength[ci]
            # Two spellings of a name of two or more words, as sure as each other ("Sissy
            # Prescilla" / "Sissy Priscilla"): the later one moves to the first.
            tie = (
                strength[hits[0]] == mine
                and len(self.forms[i].tokens) >= 2
                and self._first(d) < self._first(c)
            )
            if strength[hits[0]] > mine or tie:
                target[ci] = hits[0]
        for ci in target:
            di = ci
            while di in target:
                di = target[di]
            self._join(ci, di)

    def _one_spelling(self, c: _Cluster) -> int | None:
        """A mention of the cluster's only full spelling: its one form, or its longest name of
        two or more words when every other form is a shorter form of it ("Susi Pudjastuti",
        "Susi"). ``None`` when the cluster has none, or spells its name two ways."""
        if not c.members:
            return None
        longest = max(c.forms, key=len)
        if len(c.forms) > 1 and (
            len(longest) < 2
            or not all(f == longest or subsequence_of(list(f), list(longest)) for f in c.forms)
        ):
            return None
        i = next(j for j in c.members if self.forms[j].tokens == longest)
        return None if self.forms[i].acronym else i

    def _first(self, c: _Cluster) -> int:
        return min(self.mentions[j].start for j in c.members)

    def _join_spelled(self) -> None:
        """A name and the acronym the article gives it in brackets, placed apart because each
        found a closer form first ("PT Maju Sentosa Abadi (MSA)" and "PT MSA"): one referent."""
        if not self.spelled:
            return
        by_form: dict[tuple[str, ...], set[int]] = {}
        for ci, c in enumerate(self.clusters):
            if c.members and "PER" not in c.labels:
                for f in c.forms:
                    by_form.setdefault(f, set()).add(ci)
        for full, key in self.spelled:
            fulls = by_form.get(tuple(full.split()), set())
            shorts = {
                self.owner[j]
                for j in range(len(self.forms))
                if j in self.owner and self.keys[j] == key and len(self.forms[j].tokens) == 1
            }
            shorts = {
                ci for ci in shorts if self.clusters[ci].members and "PER" not in self.clusters[ci].labels
            }
            if len(fulls) == 1 and len(shorts) == 1 and fulls != shorts:
                self._join(next(iter(fulls)), next(iter(shorts)))

    def _join_mistyped(self) -> None:
        """A name of two or more words tagged once as a person and once as something else
        ("Klub Garuda Muda" / "Garuda Muda"): one referent (its type is decided later)."""
        by_form: dict[tuple[str, ...], list[int]] = {}
        for ci, c in enumerate(self.clusters):
            for f in c.forms:
                if len(f) >= 2:
                    by_form.setdefault(f, []).append(ci)
        for cis in by_form.values():
            people = [ci for ci in cis if "PER" in self.clusters[ci].labels]
            others = [ci for ci in cis if "PER" not in self.clusters[ci].labels and self.clusters[ci].members]
            if len(people) == 1 and len(others) == 1:
                self._join(others[0], people[0])

    def _join(self, ci: int, di: int) -> None:
        """Move cluster ``ci`` into cluster ``di``."""
        c, d = self.clusters[ci], self.clusters[di]
        d.absorb(c)
        for j in c.members:
            self.owner[j] = di
        c.members, c.forms, c.labels, c.starts = [], set(), Counter(), []

    def _join_bracketed(self) -> None:
        """A person's name and the short name the article gives it in brackets: one person."""
        for i, j in bracketed_names(self.text, self.mentions, self.forms):
            ci, cj = self.owner.get(i), self.owner.get(j)
            if ci is not None and cj is not None and ci != cj:
                self._join(cj, ci)

    def run(self) -> list[list[int]]:
        kept = [i for i, f in enumerate(self.forms) if f.dropped is None]
        # Longest forms first, so that "Joe Biden" exists before "Biden" looks for it.
        for i in sorted(
            kept, key=lambda i: (self.forms[i].acronym, -len(self.forms[i].tokens), self.mentions[i].start)
        ):
            self._place(i)
        self._join_bracketed()
        self._join_spelled()
        self._join_mistyped()
        self._fix_typos()
        groups = [sorted(c.members, key=lambda j: self.mentions[j].start) for c in self.clusters if c.members]
        return sorted(groups, key=lambda g: self.mentions[g[0]].start)


def _canonical(
    text: str,
    members: list[int],
    mentions: Sequence[Mention],
    forms: Sequence[NameForm],
    res: EntityResources,
) -> str:
    counts = Counter(forms[j].tokens for j in members)

    def key(j: int) -> tuple[bool, bool, int, int, int, int]:
        f = forms[j]
        # A seat's own name ("Kremlin") over its description ("kepresidenan Rusia").
        described = bool(f.tokens) and f.tokens[0] in res.presidency_words
        return (
            not f.acronym,
            not described,
            len(f.tokens),
            counts[f.tokens],
            len(f.text),
            -mentions[j].start,
        )

    return forms[max(members, key=key)].text


def seat_of(tokens: Sequence[str], res: EntityResources) -> tuple[tuple[str, ...], str] | None:
    """(country, what sits there) when the folded name is, or starts with, a listed seat of government.

    Example:
        >>> seat_of(("balai", "kota", "surabaya"), load_resources())
        ((), 'city government')
    """
    for n in range(len(tokens), 0, -1):
        hit = res.seats.get(tuple(tokens[:n]))
        if hit is not None:
            return hit
    return None


def _as_place(text: str, m: Mention, res: EntityResources) -> bool:
    """Whether a place word stands right before the mention ("di Gedung Putih")."""
    before = text[max(0, m.start - 30) : m.start].split()
    return bool(before) and fold(before[-1]) in res.place_cues


def _label(
    members: list[int],
    mentions: Sequence[Mention],
    forms: Sequence[NameForm],
    text: str,
    res: EntityResources,
) -> EntityLabel:
    if any(mentions[j].label != "PER" and seat_of(forms[j].tokens, res) for j in members):
        return "LOC" if all(_as_place(text, mentions[j], res) for j in members) else "ORG"
    counts = Counter(mentions[j].label for j in members)
    # A name tagged a person no more often than something else is no person: taggers read
    # clubs and brands as names of people ("Garuda Muda"), seldom the reverse.
    if counts["PER"] and counts["PER"] * 2 <= sum(counts.values()):
        del counts["PER"]
    # Ties go to the label of the longest form (the full name is tagged most reliably).
    longest = max(members, key=lambda j: len(forms[j].tokens))
    return max(counts, key=lambda lab: (counts[lab], lab == mentions[longest].label))


def _titled(text: str, m: Mention, f: NameForm, res: EntityResources) -> str:
    """The mention as written when what precedes the name is a title ("Presiden Biden",
    "Pak Budi"), else "" (a glued "Namun" or an untagged affiliation is no alias)."""
    if (
        f.start > m.start
        and f.role is None
        and not all(w in res.honorifics for w in name_tokens(text[m.start : f.start]))
    ):
        return ""
    if text[f.end : m.end].strip(" .,"):
        return ""  # a title after the name ("Budi Santoso Ketua RT") is a role, not an alias
    return text[m.start : m.end].strip()


def _dedupe_roles(roles: list[Role]) -> list[Role]:
    """One role per wording; a role inside a longer one of the same person goes ("Presiden")."""
    seen: dict[str, Role] = {}
    for r in sorted(roles, key=lambda r: r.start):
        seen.setdefault(fold(r.text), r)
    keys = list(seen)
    return [seen[k] for k in keys if not any(k != o and f" {k} " in f" {o} " for o in keys)]


def merge_mentions(
    text: str,
    mentions: Sequence[Mention],
    sentences: Sequence[Sentence],
    *,
    resources: EntityResources | None = None,
) -> list[Entity]:
    """Merge an article's mentions into entities, each with its name, aliases and roles.

    Mentions that are no entity (pronouns, day and month names, conjunctions, a bare title)
    belong to none. Entity ids are ``e0``, ``e1`` ... in order of first mention.

    Args:
        text: the article text.
        mentions: the article's mentions (``Entity.mentions`` index this list).
        sentences: the article's sentences (roles are read within one sentence).
        resources: the stage's word lists (default: the packaged ones).

    Returns:
        The entities, in order of first mention.

    Example:
        >>> s = "Presiden Joko Widodo tiba di Bali. Jokowi disambut warga. Widodo lalu pulang."
        >>> ms = [Mention(start=0, end=20, text="Presiden Joko Widodo", label="PER"),
        ...       Mention(start=58, end=64, text="Widodo", label="PER")]
        >>> [(e.id, e.name, e.mentions, [r.text for r in e.roles]) for e in merge_mentions(s, ms, [])]
        [('e0', 'Joko Widodo', [0, 1], ['Presiden'])]
    """
    res = resources or load_resources()
    forms = name_forms(text, mentions, resources=res)
    shorts, retyped = _person_short_forms(text, mentions, forms, known=res.acronyms)
    if retyped:
        forms = name_forms(text, mentions, resources=res)
    groups = _Merger(text, mentions, forms, res).run()
    around = find_roles(text, mentions, sentences, resources=res, spans=[(f.start, f.end) for f in forms])
    entities = []
    for n, members in enumerate(groups):
        label = _label(members, mentions, forms, text, res)
        aliases: list[str] = []
        roles: list[Role] = []
        for j in members:
            m, f = mentions[j], forms[j]
            for alias in (_titled(text, m, f, res), f.text, shorts.get(j) if label == "PER" else None):
                if alias and alias not in aliases:
                    aliases.append(alias)
            if label == "PER":
                if f.role:
                    roles.append(Role(text=text[f.role[0] : f.role[1]], start=f.role[0], end=f.role[1]))
                roles.extend(around.get(j, []))
        entities.append(
            Entity(
                id=f"e{n}",
                name=_canonical(text, members, mentions, forms, res),
                label=label,
                mentions=members,
                aliases=aliases,
                roles=_dedupe_roles(roles),
            )
        )
    return entities


# Clusters from which typo candidates are found by index rather than by comparing with each
# (the longest article of the shared corpora has 70 entities).
_INDEX_FROM = 64


class _SpellingIndex:
    """Which clusters have a word that a given word may be a spelling of.

    A word matches another when they are equal, one is the other's initial, or one is a typo
    of the other (:func:`~warta.stages.entities.names.is_typo_of`: one edit, two from nine
    letters up). Words one edit apart share a string of their one-deletion neighbourhoods,
    words two edits apart one of their two-deletion neighbourhoods, so each cluster is filed
    under its words' neighbourhoods and a word finds its candidates by lookups. Comparing every
    cluster with every other made an article of 6,000 distinct names take half a minute.
    """

    def __init__(self, clusters: Sequence[_Cluster]) -> None:
        self.by_key: dict[str, set[int]] = {}
        for ci, c in enumerate(clusters):
            if c.members:
                for word in {w for form in c.forms for w in form if w}:
                    for key in _neighbourhood(word):
                        self.by_key.setdefault(key, set()).add(ci)

    def candidates(self, words: Sequence[str], n: int) -> list[int]:
        """Clusters in which every word of two letters or more may have a match (all when none has)."""
        found: set[int] | None = None
        for word in words:
            if len(word) < 2:
                continue  # an initial matches too many words to narrow anything down
            # Its spellings, and a cluster's initial of it (a one-letter word is its own key).
            mine = set(self.by_key.get(word[0], ()))
            for key in _neighbourhood(word):
                mine |= self.by_key.get(key, set())
            found = mine if found is None else found & mine
            if not found:
                return []
        return sorted(found) if found is not None else list(range(n))


# Words this long may be two edits from their typo (see is_typo_of).
_TWO_EDITS = 9


def _neighbourhood(word: str) -> set[str]:
    """The word and the strings one deletion away (two, for words of nine letters or more)."""
    out = {word}
    if len(word) > LONGEST_TYPO:  # only equal to itself (is_typo_of); the neighbourhood is quadratic
        return out
    ones = {word[:k] + word[k + 1 :] for k in range(len(word))}
    out |= ones
    if len(word) >= _TWO_EDITS:
        out |= {w[:k] + w[k + 1 :] for w in ones for k in range(len(w))}
    return out
