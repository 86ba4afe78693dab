"""Read a speaker phrase into its name, roles and affiliations.

A speaker phrase follows a cue ("kata *Kepala Dinas Kesehatan Kota Surabaya Febria
Rachmanita*, Senin") or precedes a reporting verb ("*Juru bicara Satgas, Wiku
Adisasmito,* mengatakan"). It is cut at the first word that cannot belong to a name,
role or organisation (``di``, ``saat``, a day name), then split: a role opens the phrase
("Kepala"), an affiliation starts at the first organisation word ("Dinas", "Polda", an
acronym), and the person's name closes it. Where the name starts is the hard part; the
article helps: a short name used alone elsewhere ("kata Febria") marks the start.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from typing import Literal

from warta.lang import id as lang_id
from warta.stages.quotes.resources import (
    abbreviated_titles,
    adjunct_openers,
    anonymous_heads,
    body_acronyms,
    body_levels,
    commoners,
    connectors,
    cue_verbs,
    days,
    definite_markers,
    description_ends,
    discourse_words,
    institutions,
    lead_words,
    name_openers,
    name_particles,
    named_org_heads,
    not_sources,
    nya_adverb,
    opener_words,
    opening_words,
    org_descriptors,
    org_heads,
    org_tails,
    org_titles,
    place_types,
    plural_words,
    predicate_words,
    prepositions,
    pronouns,
    ranks,
    region_acronyms,
    relations,
    reporting_verbs,
    role_words,
    statement_nouns,
    stop_words,
    title_words,
    titled_offices,
)

__all__ = [
    "OFFICE_BEFORE_RANK",
    "RELATIVE_BEFORE_VERB",
    "ParsedSpeaker",
    "Tok",
    "parse_after",
    "parse_before",
    "rank_at",
    "role_run_start",
    "tokens",
]

Tok = tuple[int, int, str]
SpeakerKind = Literal["person", "pronoun", "org", "anonymous", "statement", "role"]

# A word keeps the full stop of an initial before a capitalised word ("R.T. Sinaga", "B.J.
# Habibie", "Budi S. Kemudian" alike: rare enough), tried only at a word's end.
_TOKEN = re.compile(r"\w+(?:[-’'.]\w+)*(?:(?<=\b[A-Z])\.(?=[ \t]*[A-Z][a-z]))?|[^\w\s]")
# A speaker phrase is short; anything longer is a clause, not a name.
_MAX_TOKENS = 30
# The most tokens a speaker phrase after a cue is read from: four comma segments of a name,
# role and organisation fit well within it.
_PHRASE_TOKENS = 80


@dataclass(slots=True)
class ParsedSpeaker:
    """A speaker phrase ``[start, end)`` with its parts as character spans."""

    kind: SpeakerKind
    start: int
    end: int
    name: tuple[int, int] | None = None
    roles: list[tuple[int, int]] = field(default_factory=list)
    affiliations: list[tuple[int, int]] = field(default_factory=list)
    pronoun: str | None = None
    definite: bool = False
    role_before_name: bool = False
    issuer: tuple[int, int] | None = None  # who issued a statement ("pernyataan *Istana Élysée*")
    plural: bool = False  # "para pejabat", "sejumlah sumber": a group, not one person
    subject: bool = True  # introduced as a sentence's subject, not mentioned inside a clause


def tokens(text: str, start: int, end: int, limit: int | None = None) -> list[Tok]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets (the first
    ``limit`` of them, if given)."""
    found = _TOKEN.finditer(text, start, end)
    if limit is not None:
        found = islice(found, limit)
    toks = [(m.start(), m.end(), m.group()) for m in found]
    return _nicknames(toks) if _NICK_MARK.search(text, start, end) else toks


# Marks around a nickname inside a name: "Munafri 'Appi' Arifuddin", 'Andi "Ucok" Saputra'.
_NICK_MARKS = {"'": "'", '"': '"', "‘": "’", "“": "”"}
_NICK_MARK = re.compile("['\"‘“]")


def _nicknames(toks: list[Tok]) -> list[Tok]:
    """The tokens without a nickname in quote marks between two capitalised words of a name:
    the marks would otherwise end the name at its first half (the name's span still covers
    the nickname)."""
    out: list[Tok] = []
    k = 0
    while k < len(toks):
        t = toks[k]
        close = _NICK_MARKS.get(t[2])
        if (
            close is not None
            and out
            and out[-1][2][:1].isupper()
            and k + 3 < len(toks)
            and toks[k + 1][2][:1].isupper()
            and toks[k + 2][2] == close
            and toks[k + 3][2][:1].isupper()
            and toks[k + 3][0] > toks[k + 2][1]
        ):
            k += 3
            continue
        out.append(t)
        k += 1
    return out


def _cap(w: str) -> bool:
    return w[:1].isupper() or (w[:1].isdigit() and len(w) < 6)


def _particle_at(toks: Sequence[Tok], j: int) -> bool:
    """Whether ``toks[j]`` is a name particle that leads to a capitalised word."""
    k = j
    while k < len(toks) and toks[k][2] in name_particles():
        k += 1
    return k > j and k < len(toks) and toks[k][2][:1].isupper() and toks[k - 1][1] < toks[k][0]


def _is_role(w: str) -> bool:
    return w.lower() in role_words()


def _is_org(w: str, prev: str | None) -> bool:
    if (
        w == "Pusat"
        and prev is not None
        and prev[:1].isupper()
        and prev not in org_heads()
        and not _is_role(prev)
    ):
        return False  # "Jakarta Pusat": part of a place name
    if w in org_heads() or (w.startswith("Kemen") and len(w) > 6):
        return True
    return (
        len(w) >= 2
        and w.isupper()
        and w.isalpha()
        and w not in region_acronyms()  # "Gubernur DKI Jakarta": part of a role
        and prev not in place_types()
        and w.lower() not in role_words()  # "CEO", "EVP": a role, not an organisation
        and not _ROMAN.fullmatch(w)
    )  # "Komisi VIII": a number


_ROMAN = re.compile(r"[IVXL]+")


# Offices spelled with a rank word ("Direktur Jenderal", "Sekretaris Jenderal"): no rank.
OFFICE_BEFORE_RANK = frozenset({"Direktur", "Sekretaris", "Jaksa", "Dirjen", "Sekjen"})


def _titled_org(prefix: list[Tok]) -> int | None:
    """Where the organisation starts after an organisation title, or None."""
    if any(t[2] == "Jenderal" for t in prefix):
        return None  # "Direktur Jenderal Pajak": an office of a ministry, named in full
    j = 0
    last = 0
    while j < len(prefix):
        w = prefix[j][2]
        if w.lower() == "of" and j + 1 < len(prefix):
            # "Director of Public Affairs and Communications GoTo": the title's field
            # runs to the last word, the organisation.
            last = max(j + 1, len(prefix) - 2)
            break
        if _is_role(w) or w.lower() in title_words() or (not _cap(w) and j == last + 1):
            last = j
        elif j > last + 1:
            break
        j += 1
    split = last + 1
    if split >= len(prefix) or not _cap(prefix[split][2]) or prefix[split][2] in place_types():
        return None
    return split


# Words between a role and its organisation ("peneliti dari LIPI", "Head of X").
_JOINERS = frozenset({"dari", "di", "pada", "of", "at"})
# Branches: after an organisation they continue it, before one they are a unit of it
# ("Kepala Perwakilan Komnas HAM Papua").
_BRANCHES = frozenset({"Perwakilan", "Cabang", "Wilayah"})


def _unit_starts(seg: list[Tok]) -> list[int]:
    """Indices in ``seg`` where an organisation or one of its units opens ("Biro ...",
    "Divisi ...", "Polri"); words in parentheses and words right after another
    organisation word belong to the unit before."""
    out: list[int] = []
    depth = 0
    prev_org = False
    prev: str | None = None
    for j, t in enumerate(seg):
        w = t[2]
        if w == "(":
            depth += 1
            continue
        if w == ")":
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        org = _is_org(w, prev)
        # "Kementerian Koperasi dan UKM": a word after "dan" continues the unit before;
        # so does an office of an organisation ("Ombudsman RI Perwakilan Jakarta").
        if (
            org
            # A level of a body ("Dewan Pimpinan Pusat") or a board ("DPP") before it: the
            # organisation whose body it is.
            and (not prev_org or prev in body_levels() or prev in body_acronyms())
            and not (out and prev in ("dan", "&"))
            and not (out and w in _BRANCHES)
        ):
            out.append(j)
        prev_org = org or (prev_org and w in ("dan", "&"))
        prev = w
    return out


# A comma inside an organisation's or office's name that lists its fields ("Dinas
# Pertanian, Pangan, dan Perikanan"): kept as a token, but no longer a comma.
_LIST_COMMA = "<,>"


def _join_enumerations(toks: list[Tok]) -> list[Tok]:
    """Mark the commas of "X Y, Z, dan W" lists inside a name or role run that an
    organisation or role word opened."""
    out = list(toks)
    n = len(toks)
    c = 0
    while c < n:
        if toks[c][2] != "," or not (0 < c < n - 1 and _cap(toks[c - 1][2]) and _cap(toks[c + 1][2])):
            c += 1
            continue
        b = c - 1
        while b > 0 and toks[b - 1][2] not in (",", ".") and c - b < 8:
            b -= 1
        if not any(t[2] in org_heads() or t[2] == "Bidang" or _is_role(t[2]) for t in toks[b:c]):
            c += 1
            continue
        commas = [c]
        j = c + 1
        end = None
        while j < n and len(commas) < 5:
            # ("Humas" is also a field: "Biro Hukum, Humas, dan Protokol")
            if toks[j - 1][2] == "," and _is_role(toks[j][2]) and toks[j][2].lower() != "humas":
                break  # "Bupati X Budi, Wali Kota Y Ani, dan ...": a list of people
            if _cap(toks[j][2]) and toks[j][2] not in days():
                j += 1
            elif (
                toks[j][2] == ","
                and j + 2 < n
                and toks[j + 1][2] == "dan"
                and _cap(toks[j + 2][2])
                and not _is_role(toks[j + 2][2])
            ):
                commas.append(j)
                end = j
                break
            elif toks[j][2] == "dan" and j + 1 < n and _cap(toks[j + 1][2]) and not _is_role(toks[j + 1][2]):
                end = j
                break
            elif toks[j][2] == "," and j + 1 < n and _cap(toks[j + 1][2]):
                commas.append(j)
                j += 1
            else:
                break
        if end is None:
            c += 1
            continue
        for k in commas:
            out[k] = (toks[k][0], toks[k][1], _LIST_COMMA)
        c = end + 1
    return out


def _post_place(toks: list[Tok], j: int) -> bool:
    """ "Dubes RI *di* Kairo Helmy Fauzi": "di" and a place between an office (a role or a body
    in capitals, no name yet) and the name that follows it."""
    return (
        toks[j][2] == "di"
        and j > 0
        and j + 2 < len(toks)
        and (_is_role(toks[j - 1][2]) or toks[j - 1][2].isupper())
        and _cap(toks[j + 1][2])
        and _cap(toks[j + 2][2])
    )


def _core_end(toks: list[Tok], i: int) -> int:
    """End index (exclusive) of the name/role/organisation run starting at ``toks[i]``."""
    n = len(toks)
    lower_ok = _is_role(toks[i][2]) if i < n else False
    j = i
    depth = 0
    while j < n and j - i < _MAX_TOKENS:
        w = toks[j][2]
        lw = w.lower()
        if w == "(":
            close = next((x for x in range(j + 1, min(n, j + 12)) if toks[x][2] == ")"), j)
            if any(t[2][:1].isdigit() for t in toks[j + 1 : close]):
                break  # "( Kompas , 11 / 11 / 2017 )": a citation, not part of the name
            if j + 1 < n and (toks[j + 1][2][:1].isdigit() or toks[j + 1][2][:1].islower()):
                break
            depth += 1
        elif w == ")":
            if depth == 0:
                break
            depth -= 1
        elif w in days():
            break
        elif w == _LIST_COMMA:
            pass
        elif w in name_particles() and _particle_at(toks, j):
            pass  # "van den Berg": a name goes on over its particles
        elif lw in connectors() and w != "-" and w != "/":
            if not (j + 1 < n and _cap(toks[j + 1][2])) or (
                lw == "dan" and j + 1 < n and toks[j + 1][2] in days()
            ):
                break
        elif w in ("-", "/", "&"):
            if not (j + 1 < n and (_cap(toks[j + 1][2]) or toks[j + 1][2].isdigit())):
                break
        elif (
            w == "."
            and j > i
            and toks[j - 1][2].lower() in abbreviated_titles()
            and toks[j - 1][1] == toks[j][0]
            and j + 1 < n
            and _cap(toks[j + 1][2])
        ):
            pass  # "dr. Dika", "Prof. Budi", "KH. Rahmat": an abbreviated title's full stop
        elif not w[:1].isalnum():
            if depth == 0:
                break
        elif _cap(w):
            if w[:1].isdigit() and j == i:
                break
            lower_ok = _is_role(w)
        elif _is_role(w):
            lower_ok = True
        elif (lower_ok and lw not in stop_words() and not lw.startswith(("me", "ber", "di"))) or (
            lw in abbreviated_titles()
            and j + 1 < n
            and (_cap(toks[j + 1][2]) or (toks[j + 1][2] == "." and j + 2 < n and _cap(toks[j + 2][2])))
        ):
            pass
        elif (
            lw in _JOINERS
            and j + 1 < n
            and (toks[j + 1][2] in org_heads() or _post_place(toks, j))
            and any(_is_role(t[2]) for t in toks[i:j])
        ):
            # "anggota DPRD *dari* Fraksi Hijau": a role, then the organisation it is of; "Dubes
            # RI *di* Kairo": the place of its post
            pass
        else:
            break
        j += 1
    while j > i and (toks[j - 1][2] in ("(", "-", "/", "&") or toks[j - 1][2] in ("dan", "untuk", "of")):
        j -= 1  # a run ends on no bracket, sign or joining word
    return j


@cache
def _ranks_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Ranks by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for r in ranks():
        out.setdefault(r[0], []).append(r)
    return {w: tuple(rs) for w, rs in out.items()}


def rank_at(toks: Sequence[Tok], k: int) -> int:
    """Length of the rank ("Komisaris Besar", "dr") starting at ``toks[k]``, 0 if none."""
    if k >= len(toks):
        return 0
    for r in _ranks_by_first().get(toks[k][2], ()):
        if len(r) == 1 or tuple(t[2] for t in toks[k : k + len(r)]) == r:
            return len(r)
    return 0


def _name_start(seg: list[Tok], known: Collection[str]) -> int:
    """Index in ``seg`` where the person's name starts, ``len(seg)`` when there is none."""
    n = len(seg)
    for k in range(n):
        size = rank_at(seg, k)
        if (
            size
            and k + size < n
            and not (k and seg[k - 1][2] in OFFICE_BEFORE_RANK)
            and seg[k + size][2] not in place_types()  # "Komisaris Polisi Kota X": an office
        ):
            return k
    for k in range(n):
        w = seg[k][2]
        prev = seg[k - 1][2] if k else None
        if (
            w in known
            and (prev is None or prev not in place_types())
            and not _is_org(w, prev)
            and not _is_role(w)
        ):
            return k
    # An abbreviated title opens the name ("Direktur RSUD Sukamaju dr. Dika Pratama"); "H"
    # is left out, being also an initial inside a name.
    for k in range(1, n - 1):
        w, after = seg[k][2], seg[k + 1][2]
        if w.lower() in abbreviated_titles() - {"h"} and (
            _cap(after) or (after == "." and k + 2 < n and _cap(seg[k + 2][2]))
        ):
            return k
    # Fallback: the trailing run of capitalised words that are neither role nor
    # organisation words, at most two of them (most Indonesian names in news have one or
    # two words), extended over initials ("Juliari P Batubara").
    k = n
    while k > 0:
        w = seg[k - 1][2]
        prev = seg[k - 2][2] if k > 1 else None
        if w in name_particles() and k < n and _particle_at(seg, k - 1):
            k -= 1
            continue
        if (
            not w[:1].isupper()
            or _is_role(w)
            or w in org_heads()
            or w.startswith("Kemen")
            or (w.isupper() and len(w) > 2 and w.isalpha())
        ):
            break
        if prev in place_types() or w in place_types():
            break
        k -= 1
    if 0 < k < n and seg[k - 1][2] in named_org_heads() and n - k <= 2:
        return n  # "Direktur PT Sari Teknologi": the words after "PT" name the company
    # At most two words, not counting particles ("Maria van den Berg").
    start, words = n, 0
    while start > k and (words < 2 or seg[start - 1][2] in name_particles()):
        start -= 1
        words += seg[start][2] not in name_particles()
    while start < n and seg[start][2] in name_particles():
        start += 1  # a name does not open on a particle after a role ("Direktur van ...")
    while start > k and (len(seg[start - 1][2].rstrip(".")) == 1 or seg[start - 1][2] in name_openers()):
        start -= 1
    if 0 < start < n and len(seg[start][2].rstrip(".")) == 1 and start - 1 >= k:
        start -= 1
    return start if start < n else n


def _name_token(w: str) -> bool:
    return (
        w[:1].isupper()
        and not _is_role(w)
        and w not in org_heads()
        and w not in place_types()
        and not (w.isupper() and len(w) > 2)
    )


def _pure_name(seg: list[Tok], *, apposed: bool = False) -> bool:
    """A segment that is only a name ("Alamsyah", "Tri Yunis Miko").

    ``apposed``: the segment follows a description and a comma ("anggota Dewan Pers, Imam
    Wahyudi"), where a capitalised role word that opens a longer name is a given name
    ("Imam") or the person's own title ("..., Bupati Tangerang Ahmed Zaki"): the segment
    names the person either way.
    """
    if not seg or len(seg) > 5:
        return False
    first = seg[0][2]
    if apposed and len(seg) > 1 and first[:1].isupper() and _is_role(first) and first not in org_heads():
        seg = seg[1:]
    return _name_token(seg[0][2]) and all(
        _name_token(t[2]) or (t[2] in name_particles() and _particle_at(seg, k)) for k, t in enumerate(seg)
    )


def _relation_of(seg: list[Tok]) -> bool:
    """ "Ajudan Jokowi", "Istri Budi": a capitalised relation word and whose it is, a
    description of someone rather than a name."""
    return len(seg) > 1 and seg[0][2].lower() in relations()


def _segment_parts(
    seg: list[Tok], known: Collection[str], out: ParsedSpeaker, *, allow_name: bool, whole: bool = False
) -> None:
    """Split one comma-free segment into role, affiliation and name; add them to ``out``."""
    if not seg:
        return
    first = seg[0][2]
    if not _is_role(first) and not _cap(first) and not _particle_at(seg, 0):
        return
    if whole:
        k = 0
    elif not allow_name or (len(seg) == 1 and (_is_role(first) or _is_org(first, None))):
        k = len(seg)
    elif _is_org(first, None):
        # An organisation opens the segment: a name follows only after a rank or as a
        # short name the article uses elsewhere ("Polda Metro Jaya Kombes Yusri").
        k = _name_start(seg, known)
        if not (rank_at(seg, k) or (k < len(seg) and seg[k][2] in known)):
            k = len(seg)
    else:
        k = _name_start(seg, known)
    if k < len(seg) and out.name is None:
        out.name = (seg[k][0], seg[-1][1])
        out.role_before_name = k > 0 and _is_role(first)
    elif k < len(seg):
        k = len(seg)  # a second name: keep it out (the first one speaks)
    prefix = seg[:k]
    if not prefix:
        return
    units = _unit_starts(prefix)
    # Offices whose title includes what they head ("Menteri Keuangan", "Menko Perekonomian").
    if first.lower() in titled_offices() or (
        first.lower() == "wakil" and len(prefix) > 1 and prefix[1][2].lower() in titled_offices()
    ):
        units = []  # "Menteri Sekretariat Negara": the ministry names the office
    # An office inside an organisation ("Kepala Bidang Humas Polda X", "Kepala Pusat
    # Penerangan Kementerian Y"): the first unit belongs to the role, the affiliation is
    # the organisation after it.
    aff = (units[1] if len(units) > 1 and units[0] > 0 else units[0]) if units else None
    if aff is None:
        # A title that heads an organisation named right after it ("CEO Warungku").
        split = _titled_org(prefix) if first.lower() in org_titles() else None
        if split is not None:
            out.roles.append((prefix[0][0], prefix[split - 1][1]))
            out.affiliations.append((prefix[split][0], prefix[-1][1]))
        elif _is_role(first):
            out.roles.append((prefix[0][0], prefix[-1][1]))
        elif out.name is None or k == len(seg):
            out.affiliations.append((prefix[0][0], prefix[-1][1]))
        elif any(_is_role(t[2]) for t in prefix):
            out.roles.append((prefix[0][0], prefix[-1][1]))
        # else: capitalised words with no role or organisation word before a name open
        # the sentence ("Bagi Hasan", "Tangan Masyitah cekatan ..."): no role.
    elif aff == 0:
        out.affiliations.append((prefix[0][0], prefix[-1][1]))
    else:
        # "Pengamat politik dari Universitas X": the preposition joins role and
        # organisation and belongs to neither.
        r = aff
        while r > 1 and prefix[r - 1][2] in _JOINERS:
            r -= 1
        out.roles.append((prefix[0][0], prefix[r - 1][1]))
        out.affiliations.append((prefix[aff][0], prefix[-1][1]))


def _not_a_name(toks: list[Tok], name: tuple[int, int]) -> bool:
    """The "name" is only connectives or discourse words ("Namun", "Diketahui")."""
    words = [t[2].lower() for t in toks if name[0] <= t[0] and t[1] <= name[1]]
    return bool(words) and all(
        w in opener_words() or w in lead_words() or w in discourse_words() for w in words
    )


@cache
def _field() -> re.Pattern[str]:
    """Abstract nouns of the ke-an / pe-an / per-an pattern ("Kesehatan", "Pendidikan",
    "Perhubungan", "Ketenagakerjaan"): the fields of offices, never a person's name."""
    prefixes = "|".join(p.capitalize() for p in lang_id.noun_prefixes())
    return re.compile(rf"(?:{prefixes})[a-z]{{3,}}an")


def _field_of_office(toks: list[Tok], name: tuple[int, int]) -> bool:
    """The "name" is only fields of an office ("Dinas *Kesehatan*", "Kementerian *Pendidikan*")."""
    words = [t[2] for t in toks if name[0] <= t[0] and t[1] <= name[1]]
    field = _field()
    return bool(words) and all(field.fullmatch(w) or w.lower() in connectors() for w in words)


def _office_field(toks: list[Tok], out: ParsedSpeaker) -> bool:
    """The "name" is one word that, written after the role word before it, spells an office's
    abbreviated title ("Menko" + "Polhukam" = "Menkopolhukam")."""
    if out.name is None or not out.roles:
        return False
    inside = [t for t in toks if out.name[0] <= t[0] and t[1] <= out.name[1]]
    role = [t for t in toks if out.roles[-1][0] <= t[0] and t[1] <= out.roles[-1][1]]
    if len(inside) != 1 or not role or role[-1][1] + 1 != inside[0][0]:
        return False
    return (role[-1][2] + inside[0][2]).lower() in lang_id.office_titles()


def _org_tail(toks: list[Tok], name: tuple[int, int]) -> bool:
    """The "name" ends in a word that ends organisations' names ("Organization", "Council")."""
    last = next((t[2] for t in reversed(toks) if t[1] <= name[1]), "")
    return last in org_tails()


def _classify(
    toks: list[Tok], start: int, end: int, segments: list[list[Tok]], known: Collection[str]
) -> ParsedSpeaker | None:
    first = toks[0][2].lower()
    if first in pronouns():
        return ParsedSpeaker("pronoun", toks[0][0], toks[0][1], pronoun=pronouns()[first])
    half, dash, rest = first.partition("-")
    if (first in plural_words() and len(toks) > 1 and toks[1][2][:1].islower()) or (
        dash and half == rest and (half in _anonymous_firsts() or half in commoners() or _is_role(half))
    ):
        # "Sejumlah staf klub kebugaran itu", "Sumber-sumber Iran": several unnamed people.
        return ParsedSpeaker(
            "anonymous", start, end, plural=True, definite=toks[-1][2].lower() in _DEMONSTRATIVES
        )
    low = " ".join(t[2].lower() for t in toks[:4])
    if first in _statement_heads() and not low.startswith(_descriptor_phrases()):  # not "surat kabar"
        for noun in statement_nouns():
            if low.startswith(noun):
                return ParsedSpeaker("statement", start, end, definite=True)
    out = ParsedSpeaker("person", start, end)
    # The name is the last segment that is only a name: "pengamat dari Universitas X,
    # Yogyakarta, Budi Santoso" names a place before the person.
    # A name first ("Joni, Direktur RSUD X, Surabaya") is the name, whatever follows.
    if len(segments) > 1 and _pure_name(segments[0]) and not _relation_of(segments[0]):
        named: int | None = 0
    else:
        named = next(
            (i for i in range(len(segments) - 1, 0, -1) if _pure_name(segments[i], apposed=True)), None
        )
    if named is None:
        # A later segment opening with a rank names the person ("Kapolres Maluku Tenggara,
        # AKBP Frans Duma"): the words before it are the office and its place, not a name.
        ranked = next(
            (i for i in range(1, len(segments)) if 0 < rank_at(segments[i], 0) < len(segments[i])), None
        )
        if ranked is not None:
            segments = [*segments[:ranked], segments[ranked][rank_at(segments[ranked], 0) :]]
            named = ranked
    for i, seg in enumerate(segments):
        if named is not None and i > 0 and i != named and _pure_name(seg):
            continue  # a place next to organisation and name ("Universitas X, Tegal, Budi")
        if (
            i > 0
            and out.name is not None
            and named is None
            and _is_role(segments[0][0][2])
            and _is_role(seg[0][2])
            and _name_start(seg, known) < len(seg)
        ):
            # "Menteri X Budi, Gubernur Y Ani, ...": a list of people; the first one is the speaker.
            out.end = segments[i - 1][-1][1]
            break
        _segment_parts(seg, known, out, allow_name=named is None or i == named, whole=i == named)
    if out.name is not None and _office_field(toks, out):
        # "Menko Polhukam": the field of a coordinating minister's office, not a name.
        out.roles = [(out.roles[-1][0], out.name[1])]
        out.name = None
    elif out.name is not None and _org_tail(toks, out.name):
        # "World Health Organization", "Asian Development Bank": an organisation whose name
        # ends in its head word, not a person called "Health Organization".
        after_role = max((r[1] for r in out.roles if r[1] <= out.name[0]), default=-1)
        ns = next(t[0] for t in toks if t[0] > after_role)
        out.affiliations = [(ns, out.name[1])]
        out.name = None
    elif out.name is not None and _not_a_name(toks, out.name):
        # "Namun", "Diketahui", "Sebelumnya": a connective opening the sentence, not a name.
        out.name = None
    elif out.name is not None and _field_of_office(toks, out.name):
        # "Kepala Dinas Kesehatan": the field of an office, the end of its name; no person.
        ns, ne = out.name
        if not any(a[0] <= ns and ne <= a[1] for a in out.affiliations):
            out.affiliations.append((ns, ne))
        out.name = None
    last = toks[-1][2].lower()
    if out.name is None:
        if any(low.startswith(a) for a in anonymous_heads()):
            out.kind = "anonymous"
        elif out.roles and not out.affiliations:
            out.kind = "role"
            out.definite = last in ("itu", "tersebut")
        elif out.affiliations or out.roles:
            out.kind = "org" if not out.roles else "role"
        else:
            return None
    return out


def _sang(toks: Sequence[Tok]) -> ParsedSpeaker | None:
    """ "Sang Bendahara", "sang pelatih": an epithet of someone named before, whatever its
    capitals (the honorific "sang" makes the words after it a description, not a name)."""
    if not toks or toks[0][2].lower() != "sang":
        return None
    k = 1
    while k < len(toks) and k <= 3 and toks[k][2].isalpha() and toks[k][2].lower() not in stop_words():
        k += 1
    if k == 1:
        return None
    return ParsedSpeaker(
        "role", toks[0][0], toks[k - 1][1], roles=[(toks[1][0], toks[k - 1][1])], definite=True
    )


def _from_body(toks: Sequence[Tok], j: int) -> int:
    """Past "dari" and the capitalised body a role is of, when a comma follows it ("anggota
    Komisi III *dari PPP*, Arsul Sani"): the name comes after the comma."""
    if j + 2 >= len(toks) or toks[j][2] != "dari" or not _cap(toks[j + 1][2]):
        return j
    k = j + 1
    while k < len(toks) and k - j <= 6 and _cap(toks[k][2]):
        k += 1
    return k if k < len(toks) and toks[k][2] == "," else j


def parse_after(
    text: str, pos: int, *, known: Collection[str] = (), limit: int = 400
) -> ParsedSpeaker | None:
    """The speaker phrase that starts at ``pos`` (right after a cue such as "kata").

    Example:
        >>> t = "kata Ketua KPU Papua Theodorus Kossay, Senin."
        >>> p = parse_after(t, 4)
        >>> t[p.name[0]:p.name[1]], [t[s:e] for s, e in p.roles], [t[s:e] for s, e in p.affiliations]
        ('Theodorus Kossay', ['Ketua'], ['KPU Papua'])
    """
    stop = len(text) if limit <= 0 else min(len(text), pos + limit)
    nl = text.find("\n", pos, stop)
    toks = _join_enumerations(tokens(text, pos, nl if nl >= 0 else stop, limit=_PHRASE_TOKENS))
    if not toks:
        return None
    if toks[0][2].lower() in pronouns():
        return ParsedSpeaker("pronoun", toks[0][0], toks[0][1], pronoun=pronouns()[toks[0][2].lower()])
    epithet = _sang(toks)
    if epithet is not None:
        return epithet
    related = _related(text, toks, known, stop)
    if related is not None:
        return related
    described = _described_org(text, toks, known)
    if described is not None:
        return described
    if toks[0][2].lower() in stop_words() or toks[0][2].lower() == "saja":
        return None  # "sebut saja si O", "bilang saja": "call him O", no speaker
    particle = _particle_at(toks, 0)  # "van den Tol": a name, though in lower case
    apposed = None if particle else _description_then_name(toks)
    if apposed is not None:
        return apposed
    if not (_cap(toks[0][2]) or toks[0][2][:1].islower()):
        return None
    if not (
        particle
        or _cap(toks[0][2])
        or _is_role(toks[0][2])
        or toks[0][2].lower() in _anonymous_firsts()
        or toks[0][2].lower() in plural_words()
        or toks[0][2].lower() in _statement_heads()
    ):
        return _epithet_ahead(toks) or _bare_description(toks)
    segments: list[list[Tok]] = []
    i = 0
    while i < len(toks) and len(segments) < 4:
        if segments:
            # "Budi Santoso selaku Ketua RT": "selaku" ("in the capacity of") opens an apposition.
            if not (
                toks[i][2] == ","
                or (toks[i][2] == "selaku" and len(segments) == 1 and _pure_name(segments[0]))
            ) or i + 1 >= len(toks):
                break
            nxt = toks[i + 1][2]
            if (
                nxt in days()
                or nxt.lower() in stop_words()
                or not (_cap(nxt) or _is_role(nxt))
                or nxt[:1].isdigit()
            ):
                break
            i += 1
        j = _core_end(toks, i)
        if j == i:
            break
        if not segments and _is_role(toks[i][2]):
            j = _from_body(toks, j)
        if (
            segments
            and j < len(toks)
            and toks[j][2] not in (",", ".")
            and toks[j][2].lower() not in stop_words()
        ):
            # A clause, not an apposition; but a role with its organisation, a comma and a
            # full name is the subject of that clause ("Pelatih Persebaya Surabaya, Angel
            # Alfredo Vera membeber ...").
            if (
                len(segments) == 1
                and _is_role(segments[0][0][2])
                and j - i >= 2
                and _pure_name(toks[i:j], apposed=True)
                and toks[j][2][:1].islower()
            ):
                segments.append(toks[i:j])
            break
        segments.append(toks[i:j])
        i = j
    if not segments:
        if _statement_at(toks, 0):
            return _statement(toks, 1 if toks[0][2].lower() != "siaran" else 2)
        anon = _anonymous(text, toks)
        return anon
    flat = [t for s in segments for t in s]
    if len(segments) == 1 and (_is_role(toks[0][2]) or toks[0][2][:1].islower()):
        # '"...," imbuh mantan Kapolres Sleman itu': a description of someone named before,
        # not a person called "Sleman"; so is "koordinator Aremania wilayah Klayatan ini"
        # (names, places and roles between the phrase and the demonstrative; not "Aktor Budi
        # hadir di acara itu", a clause).
        n = len(flat)
        d = _demonstrative_at(toks)
        if d is not None and all(
            _cap(t[2])
            or t[2].capitalize() in place_types()
            or _is_role(t[2])
            or t[2] in ("-", "/")
            or t[2] in _AGE_WORDS
            for t in toks[min(n, d) : d]
        ):
            ep = _epithet(toks[: d + 1])
            if ep is not None:
                return ep
    parsed = _classify(flat, flat[0][0], flat[-1][1], segments, known)
    if parsed is not None and parsed.kind == "role":
        anon = _anonymous(text, toks)
        if anon is not None:
            return anon
    return parsed


def _demonstrative_at(toks: list[Tok]) -> int | None:
    """Where a demonstrative closes a description within its first words, before any comma
    or bracket ("mantan pelatih timnas U-23 *itu*")."""
    for d in range(1, min(len(toks), _EPITHET_MAX_TOKENS)):
        w = toks[d][2]
        if w.lower() in _DEMONSTRATIVES:
            return d
        if not w[:1].isalnum() and w not in ("-", "/"):
            return None
    return None


def _epithet_ahead(toks: list[Tok]) -> ParsedSpeaker | None:
    """A definite description that a demonstrative closes within its first words: "mantan
    pelatih timnas U-23 itu", "pengantin yang berusia 10 tahun itu" (see :func:`_epithet`)."""
    d = _demonstrative_at(toks)
    return _epithet(toks[: d + 1]) if d is not None else None


# The most words of an institution named by its common noun ("militer Israel", "kepolisian
# setempat").
_INSTITUTION_WORDS = 5
# The most words of an unnamed source described in lower case at a sentence's end.
_BARE_DESCRIPTION_MAX = 6


def _institution(toks: list[Tok]) -> ParsedSpeaker | None:
    """An institution speaking as such, named by a common noun in lower case: "militer
    Israel", "kepolisian setempat", "tentara Israel" (``resources/institutions.txt``)."""
    if not toks or toks[0][2].lower() not in institutions() or len(toks) > _INSTITUTION_WORDS:
        return None
    if any(not t[2][:1].isalnum() or t[2].lower() in stop_words() for t in toks[1:]):
        return None
    return ParsedSpeaker("org", toks[0][0], toks[-1][1], affiliations=[(toks[0][0], toks[-1][1])])


def _bare_description(toks: list[Tok]) -> ParsedSpeaker | None:
    """A short lower-case description that ends the sentence after a cue: "..., kata rumah
    sakit dan pejabat setempat.", '"...," lapor televisi pemerintah.' An unnamed source."""
    first = toks[0][2].lower()
    if (
        first in lang_id.function_words()
        or first in pronouns()
        or first in not_sources()
        or not first.isalpha()
    ):
        return None
    j = 0
    while j < len(toks) and toks[j][2].isalpha() and toks[j][2][:1].islower():
        j += 1
    if j > _BARE_DESCRIPTION_MAX or (j < len(toks) and toks[j][2] not in (".", ",")):
        return None
    if j < len(toks) and toks[j][2] == "," and not (j + 1 < len(toks) and toks[j + 1][2] in days()):
        return None  # only a day may follow the source before the sentence ends
    if any(_ends_description(t[2]) or t[2] in predicate_words() for t in toks[:j]):
        return None  # a clause ("kata kunci utamanya *adalah* pasokan"), not a source
    return ParsedSpeaker("anonymous", toks[0][0], toks[j - 1][1])


def _description_then_name(toks: list[Tok]) -> ParsedSpeaker | None:
    """A description in lower case, a comma, then the person's name: "warga asal Ungaran
    yang melintas, Dhiko (32)", "ko-kurator pameran, Geoff Marsh". The name speaks, with the
    description as their role."""
    first = toks[0][2].lower()
    if not toks[0][2][:1].islower() or first in pronouns() or _is_role(first):
        return None  # a role is parsed with its organisation (segments in :func:`parse_after`)
    if first in lang_id.function_words() and first not in _anonymous_firsts() and first not in plural_words():
        return None  # "Sebut saja Maman, Arthur, hingga Sutanto": an adverb, not a description
    comma = next(
        (k for k, t in enumerate(toks[: _EPITHET_MAX_TOKENS + 2]) if t[2] in (",", ".", '"', "“", "”")), None
    )
    if comma is None or comma == 0 or toks[comma][2] != "," or comma + 1 >= len(toks):
        return None
    if any(t[2].lower() in pronouns() or t[2].lower() in _DEMONSTRATIVES for t in toks[:comma]):
        return None
    j = _core_end(toks, comma + 1)
    run = toks[comma + 1 : j]
    if not run or not _pure_name(run, apposed=True):
        return None
    if j < len(toks):
        nxt = toks[j][2]
        # The name ends the phrase: a comma, a full stop, an age in brackets, or a word that
        # opens what follows ("saat ditemui", "di Jakarta").
        if not (nxt in (",", ".") or _age_bracket(toks, j) or nxt.lower() in stop_words()):
            return None
    p = ParsedSpeaker("person", toks[0][0], run[-1][1], name=(run[0][0], run[-1][1]))
    p.roles.append((toks[0][0], toks[comma - 1][1]))
    return p


def _related(text: str, toks: list[Tok], known: Collection[str], stop: int) -> ParsedSpeaker | None:
    """ "suaminya, Rudi Hartono" / "pengacaranya, Budi": someone named by their relation to
    another, then by name after a comma. The relation is the person's role."""
    first = toks[0][2]
    stem = first[:-3]
    if not (
        first.islower()
        and first.endswith("nya")
        and len(toks) > 2
        and toks[1][2] == ","
        and _cap(toks[2][2])
        and (stem in relations() or _is_role(stem))
    ):
        return None
    named = parse_after(text, toks[2][0], known=known, limit=stop - toks[2][0])
    if named is None or named.kind != "person" or named.name is None:
        return None
    named.roles.insert(0, (toks[0][0], toks[0][1]))
    named.start = toks[0][0]
    return named


@cache
def _descriptor_openers() -> frozenset[str]:
    return frozenset(d[0] for d in org_descriptors())


def _described_org(text: str, toks: list[Tok], known: Collection[str]) -> ParsedSpeaker | None:
    """ "surat kabar Daily Trust", "kantor berita Reuters": a common noun that describes the
    organisation named right after it (see ``resources/org_descriptors.txt``)."""
    if len(toks) >= 3 and toks[0][2].capitalize() in org_heads():
        # "Lembaga filantropi Medical Emergency Rescue Committee (MER-C)": an organisation's
        # head, what kind it is in lower case, then its name.
        n = 1
        while (
            n < min(len(toks), 3)
            and toks[n][2].isalpha()
            and toks[n][2].islower()
            and toks[n][2] not in stop_words()
        ):
            n += 1
        if 1 < n < len(toks) and _cap(toks[n][2]) and not toks[n][2][:1].isdigit():
            j = _core_end(toks, n)
            # The name without its short form in brackets ("... Committee (MER-C)").
            k = next((i for i in range(j - 1, n, -1) if toks[i][2] == "("), j) if toks[j - 1][2] == ")" else j
            if k > n:
                return ParsedSpeaker("org", toks[0][0], toks[j - 1][1], name=(toks[n][0], toks[k - 1][1]))
    if len(toks) < 2 or toks[0][2].lower() not in _descriptor_openers():
        return None
    for desc in org_descriptors():
        n = len(desc)
        if len(toks) > n and tuple(t[2].lower() for t in toks[:n]) == desc and _cap(toks[n][2]):
            j = _core_end(toks, n)
            if j == n:
                return None
            return ParsedSpeaker("org", toks[0][0], toks[j - 1][1], name=(toks[n][0], toks[j - 1][1]))
    return None


_AGE = re.compile(r"\d{1,3}")
# Words of an age inside a description ("juru gedor berumur 21 tahun itu").
_AGE_WORDS = frozenset({"berumur", "berusia", "tahun"})


def _age_bracket(toks: list[Tok], k: int) -> bool:
    """Is ``toks[k]`` a bracket around an age ("(", "63", ")")?"""
    if toks[k][2] == "(":
        return k + 2 < len(toks) and bool(_AGE.fullmatch(toks[k + 1][2])) and toks[k + 2][2] == ")"
    return k >= 2 and bool(_AGE.fullmatch(toks[k - 1][2])) and toks[k - 2][2] == "("


# Words that close a definite description ("mantan Kapolda Banten itu"), and the article
# that opens one ("sang pelatih").
_DEMONSTRATIVES = frozenset({"itu", "tersebut", "ini"})
_EPITHET_MAX_TOKENS = 10


def _epithet(toks: list[Tok]) -> ParsedSpeaker | None:
    """A definite description of a person named earlier: "mantan Kapolda Banten itu",
    "Legislator Kalimalang itu", "pria nomor satu di Indonesia itu", "sang kepala dusun".

    It names no one: the resolver gives it the person the article last gave one of its
    role words, or else the person it is talking about.
    """
    # A short form in brackets inside it ("alumnus Magister Manajemen (MM) UGM ini") is left out.
    toks = [
        t
        for k, t in enumerate(toks)
        if not (
            (t[2] == "(" and k + 2 < len(toks) and toks[k + 2][2] == ")")
            or (t[2] == ")" and k >= 2 and toks[k - 2][2] == "(")
            or (k >= 1 and k + 1 < len(toks) and toks[k - 1][2] == "(" and toks[k + 1][2] == ")")
        )
    ]
    if not 2 <= len(toks) <= _EPITHET_MAX_TOKENS or any(t[2] in (",", "(", ")", '"', "“", "”") for t in toks):
        return None
    sang = toks[0][2].lower() == "sang"
    if not sang and toks[-1][2].lower() not in _DEMONSTRATIVES:
        return None
    body = toks[1:] if sang else toks[:-1]
    if not body or body[0][2].lower() in stop_words() or body[0][2].lower() in pronouns():
        return None
    low = " ".join(t[2].lower() for t in body)
    if not sang and (
        any(low.startswith(a) for a in anonymous_heads()) or body[0][2].lower() in plural_words()
    ):
        return None  # "pejabat itu", "para warga itu": an anonymous source, parsed as one
    if body[0][2].lower() in org_heads() or body[0][2].lower() in _statement_heads():
        return None  # "Kementerian itu", "pernyataan itu": not a person
    return ParsedSpeaker("role", toks[0][0], toks[-1][1], roles=[(body[0][0], body[-1][1])], definite=True)


@cache
def _descriptor_phrases() -> tuple[str, ...]:
    """The organisation descriptors as phrases ("surat kabar", "kantor berita")."""
    return tuple(" ".join(d) for d in org_descriptors())


@cache
def _anonymous_firsts() -> frozenset[str]:
    """First words of the anonymous heads ("seorang", "sumber", "pejabat")."""
    return frozenset(a.split()[0] for a in anonymous_heads())


@cache
def _statement_heads() -> frozenset[str]:
    """First words of the statement nouns ("pernyataan", "siaran" of "siaran pers", "data")."""
    return frozenset(n.split()[0] for n in statement_nouns())


def _statement_at(toks: Sequence[Tok], k: int) -> bool:
    """Whether a statement noun opens ``toks[k:]`` ("laporan itu"), not an organisation's
    descriptor that starts with one ("surat kabar Rodong Sinmun")."""
    if toks[k][2].lower() not in _statement_heads():
        return False
    words = tuple(t[2].lower() for t in toks[k : k + 3])
    return not any(words[: len(d)] == d for d in org_descriptors())


def _statement(toks: list[Tok], k: int) -> ParsedSpeaker:
    """ "pernyataan Istana Élysée", "pernyataan itu": a statement, with its issuer if named.

    ``k`` is the number of tokens of the statement noun itself.
    """
    j = k
    while j < min(len(toks), k + 4) and toks[j][2][:1].isalnum() and toks[j][2].lower() not in stop_words():
        j += 1
        if toks[j - 1][2].lower() in _DEMONSTRATIVES:
            break  # "demikian pernyataan itu menegaskan": the phrase ends at "itu"
    last = toks[j - 1][2].lower()
    definite = last in ("itu", "tersebut", "ini")
    # The issuer: the words after the noun, unless they only point back ("itu"); a
    # lower-case issuer ("kepresidenan Prancis") describes one rather than names it.
    end = j - 1 if definite else j
    issuer = (toks[k][0], toks[end - 1][1]) if end > k and toks[k][2][:1].isupper() else None
    return ParsedSpeaker(
        "statement", toks[0][0], toks[j - 1][1], definite=definite or issuer is None, issuer=issuer
    )


def _anonymous(text: str, toks: list[Tok]) -> ParsedSpeaker | None:
    """ "seorang pejabat AS", "para pejabat Prancis", "sumber di kepolisian": a description, no name."""
    i = 0
    while i < len(toks) - 1 and toks[i][2].lower() in plural_words():
        i += 1
    words = [t[2].lower() for t in toks[i : i + 3]]
    # A reduplicated head is a plural: "sumber-sumber Iran" is "para sumber Iran".
    half, dash, rest = words[0].partition("-") if words else ("", "", "")
    doubled = bool(dash) and half == rest
    if doubled:
        words[0] = half
    low = " ".join(words)
    if not any(low.startswith(a) for a in anonymous_heads()):
        return None
    j = i + 1
    while j < len(toks) and j < i + 6 and toks[j][2] not in (",", ".") and not _ends_description(toks[j][2]):
        j += 1
    definite = toks[j - 1][2].lower() in definite_markers()
    return ParsedSpeaker("anonymous", toks[0][0], toks[j - 1][1], definite=definite, plural=i > 0 or doubled)


def _ends_description(w: str) -> bool:
    """A word that ends an anonymous description: a clause, a cue or what was said."""
    low = w.lower()
    return low in description_ends() or low in reporting_verbs() or low in cue_verbs()


def parse_before(text: str, start: int, end: int, *, known: Collection[str] = ()) -> ParsedSpeaker | None:
    """The speaker phrase that ends at ``end`` (right before a reporting verb).

    ``start`` is where the sentence (or clause) begins; leading adverbials ("Sementara
    itu,", "Sebelumnya,") and adverbs before the verb ("juga") are left out. When the words
    before the verb do not read as a speaker, an adjunct between subject and verb is looked
    past: a time, place or source phrase ("Budi pada Senin (3/3) mengatakan", "Budi dalam
    keterangan tertulis menyatakan") or a relative clause in commas ("Militer Israel, yang
    ..., mengatakan").

    Example:
        >>> t = "Sementara itu, Kepala Dinas Kesehatan Banten Ati Hastuti juga mengatakan"
        >>> p = parse_before(t, 0, t.index(" mengatakan"))
        >>> t[p.name[0]:p.name[1]], [t[s:e] for s, e in p.affiliations]
        ('Ati Hastuti', ['Dinas Kesehatan Banten'])
        >>> t = "Kepala Dinas Ati Hastuti pada Senin (3/3) mengatakan"
        >>> p = parse_before(t, 0, t.index(" mengatakan"))
        >>> t[p.name[0]:p.name[1]]
        'Ati Hastuti'
    """
    rel = RELATIVE_BEFORE_VERB.search(text, start, end)
    if rel is not None and rel.start() > start:
        # "bos pemasaran Xbox Mike Nichols yang juga mengungkapkan bahwa ...": the speaker
        # is who the relative clause is about; of a statement ("Maskapai itu merilis
        # pernyataan yang mengatakan ..."), who issued it.
        issued = _ISSUED.search(text, start, rel.start())
        if (
            issued is not None
            and issued.group("noun").lower() in statement_nouns()
            and issued.start() > start
        ):
            return parse_before(text, start, issued.start(), known=known)
        return parse_before(text, start, rel.start(), known=known)
    rel = _LONG_RELATIVE.search(text, start, end)
    if rel is not None and rel.start() > start and text[rel.start() - 1 : rel.start()].strip():
        word = text.rfind(" ", start, rel.start()) + 1
        if text[max(word, start) : rel.start()][:1].isupper():
            # "Walikota Husein Murad yang hadir dalam pemberian dana itu mengatakan": the
            # named person the relative clause describes.
            before = parse_before(text, start, rel.start(), known=known)
            if (
                before is not None
                and before.name is not None
                and _a_name(text[before.name[0] : before.name[1]])
            ):
                return before
    alias = _ALIAS_AFTER.search(text, start, end)
    if alias is not None:
        # "Lai Ching-te atau akrab disapa William Lai menyebut": the name before the nickname.
        before = parse_before(text, start, alias.start(), known=known)
        if before is not None and before.name is not None:
            return before
    toks = tokens(text, start, end)
    named = next((k + 1 for k in range(len(toks) - 1) if toks[k][2].lower() == "bernama"), None)
    if named is not None and toks[named][2][:1].isupper():
        # "warga lain bernama Difa Rahmani menyampaikan": the name after "bernama" speaks.
        after = _parse_before(text, toks[named][0], end, known=known)
        if after is not None and after.name is not None:
            return after
    # The last comma group: the subject, after any leading adverbials.
    lead = max((k + 1 for k, t in enumerate(toks) if t[2] == ","), default=0)
    subject = toks[lead:]
    while subject and subject[-1][2].lower() in discourse_words():
        subject = subject[:-1]
    epithet = _sang(subject)
    if epithet is not None and epithet.end == subject[-1][1]:
        return epithet  # "Namun, Sang Bendahara juga mengakui ..."
    sub = _subordinate_subject(text, toks, end, known)
    if sub is not None:
        return sub
    found = _parse_before(text, start, end, known=known)
    if found is not None and found.name is not None and found.name[0] == found.start:
        first = text[found.start : found.name[1]].split()
        if len(first) > 1 and first[0].lower() in anonymous_heads():
            # "Sumber Hamas mengatakan", "Pejabat Israel menyebut" at a sentence's start: an
            # unnamed source of that side, capitalised, not a person called so.
            return ParsedSpeaker("anonymous", found.start, found.end)
    if found is not None and (found.name is not None or found.kind != "role"):
        return found
    if found is None and len(toks) > 2 and toks[0][2].lower() in prepositions():
        # "Dalam pernyataannya Louis menuturkan": a prepositional phrase opening the
        # sentence, closed by a "-nya" word, with no comma before the subject.
        k = next((k for k in range(1, min(len(toks) - 1, 4)) if toks[k][2].lower().endswith("nya")), None)
        if k is not None and _cap(toks[k + 1][2]):
            after = _parse_before(text, toks[k + 1][0], end, known=known)
            if after is not None and after.name is not None:
                return after
    described = _described_org(text, toks[lead:], known)
    if described is not None and not text[described.end : end].strip():
        return described  # "Kantor berita Reuters melaporkan"
    if found is None and toks:
        # "Mantan Kapolda Banten itu mengatakan": a description of someone named before.
        tail = toks[lead:]
        while len(tail) > 2 and (
            tail[0][2].lower() in lead_words()
            or tail[0][2].lower() in opener_words()
            or (tail[0] is toks[0] and nya_adverb(tail[0][2]))
        ):
            tail = tail[1:]
        while len(tail) > 2 and tail[-1][2].lower() in discourse_words():
            tail = tail[:-1]  # "Mantan kapten timnas itu *juga* menyatakan"
        ep = _epithet(tail)
        if ep is not None:
            return ep
    cuts = [
        k
        for k in range(1, len(toks))
        if toks[k][2].lower() in adjunct_openers()
        or toks[k][2] in days()
        or (toks[k][2] == "," and k + 1 < len(toks) and toks[k + 1][2].lower() == "yang")
    ]
    # An apposition in commas after the subject ("Sugiarto, ayah Kevin, menuturkan"): a
    # lower-case description between the last two commas.
    cuts += [k for k in range(1, len(toks) - 1) if toks[k][2] == "," and toks[k + 1][2][:1].islower()]
    fallback = found
    # A role phrase that runs up to the verb, whatever comes before it in the sentence (a
    # headline glued to the body, a long clause): "... Presiden Amerika Serikat (AS) Donald
    # Trump mengatakan".
    run = role_run_start(text, start, end)
    if run is not None and run > start:
        ran = _parse_before(text, run, end, known=known)
        if ran is not None and ran.name is not None:
            return ran
    # The subject comes first: the cut nearest the start that leaves a named speaker wins.
    for k in sorted(set(cuts)):
        cut = _parse_before(text, start, toks[k][0], known=known)
        if cut is None:
            # "Pelaksanaan tugas Gubernur Bengkulu Rohidin Mersyah di Bengkulu, Selasa,
            # menyebutkan": a role phrase that runs up to the adjunct.
            run = role_run_start(text, start, toks[k][0])
            stray = text[start:run].split() if run is not None else []
            cut = (
                _parse_before(text, run, toks[k][0], known=known)
                if run is not None
                and 0 < len(stray) <= 2
                and not any(w.startswith(("me", "ber")) for w in stray)
                else None
            )
            if cut is None or cut.name is None:
                continue
        if cut.name is not None or cut.kind in ("org", "anonymous", "pronoun"):
            return cut
        fallback = fallback or cut
    if fallback is None:
        # The subject of a clause opened by a subordinator ("... akan dilantik *setelah*
        # Departemen Pemilu menyatakan"): the words after it, when they read as a speaker.
        for k in range(len(toks) - 1, 0, -1):
            if toks[k - 1][2].lower() in _CLAUSE_OPENERS:
                after = _parse_before(text, toks[k][0], end, known=known)
                if after is not None and (after.name is not None or after.kind == "org"):
                    return after
                break
    return fallback


# "yang" and at most one lower-case word right before a reporting verb: the verb is in a
# relative clause ("Mike Nichols yang juga mengungkapkan", "Hakan, yang telah meminta").
RELATIVE_BEFORE_VERB = re.compile(r"\byang(?:[ \t]+[a-z]+)?[ \t]*$")
# A verb and the statement it issued, ending the words before a relative clause:
# "merilis pernyataan", "mengeluarkan keterangan".
_ISSUED = re.compile(r"\s+(?:me|meng|mem|men|ber)[a-z]+\s+(?P<noun>[a-z]+)\s*$")
# A nickname after a name, ending the phrase: "atau (akrab / biasa) disapa / dipanggil X",
# "atau X", "alias X".
_ALIAS_AFTER = re.compile(
    r"\s+(?:atau\s+(?:(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil)\s+)?|alias\s+)[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*$"
)
# A longer relative clause after a name, up to the verb: "Husein Murad yang hadir dalam
# pemberian dana CSR itu mengatakan" (a comma or a sentence end breaks it).
_LONG_RELATIVE = re.compile(r"(?<=[\w.])\s+yang\s+[^,.;:!?\"“”]{3,120}$")
# Subordinators that open a clause with a subject of its own before a reporting verb.
_CLAUSE_OPENERS = frozenset({"setelah", "sesudah", "ketika", "sebelum", "karena"})
# Those of them (and "saat") whose clause holds the verb when a named subject follows them
# right before it: "Melly terkejut *saat* Dimas mengatakan ...".
_TIME_OPENERS = _CLAUSE_OPENERS | {"saat", "tatkala", "sewaktu"}


def _subordinate_subject(
    text: str, toks: list[Tok], end: int, known: Collection[str]
) -> ParsedSpeaker | None:
    """The subject of a reporting verb inside a subordinate clause, when the clause opens
    with a subordinator and a named person or organisation right before the verb ("Warga
    kecewa ketika Bupati Agus mengatakan ...", "... setelah kelompok Hamas mengatakan ..."):
    the clause's subject speaks, not the main clause's. A clause with no named subject of its
    own ("Budi, saat ditemui, mengatakan") is left to the main clause."""
    k = next((k for k in range(len(toks) - 2, 0, -1) if toks[k][2].lower() in _TIME_OPENERS), None)
    if k is None or any(t[2] == "," for t in toks[k:]):
        return None
    after = _parse_before(text, toks[k + 1][0], end, known=known) or _described_org(
        text, toks[k + 1 :], known
    )
    if after is None or after.start != toks[k + 1][0] or text[after.end : end].strip():
        return None
    if after.name is not None or after.kind == "org":
        return after
    return None


def _a_name(name: str) -> bool:
    """Whether a parsed name holds a word that is neither a role nor an office's title
    ("Presdir" alone is no name)."""
    return any(
        w.lower() not in role_words() and w.lower() not in lang_id.office_titles() for w in name.split()
    )


def _opening_word(word: str) -> bool:
    """ "Teranyar", "Alhasil", "Konon": a word the news corpora open sentences with as an
    adverbial before a comma (``resources/opening_words.txt``), written with its capital only."""
    return word[:1].isupper() and word[1:].islower() and word.lower() in opening_words()


def _sentence_adverb(word: str) -> bool:
    """A word that opens a sentence as an adverb before a comma: a "-nya" adverb
    ("Pasalnya", "Anehnya") or a reduplication ("Lagi-lagi", "Mula-mula")."""
    if nya_adverb(word):
        return True
    a, dash, b = word.lower().partition("-")
    return bool(dash) and a == b and a.isalpha()


def _parse_before(text: str, start: int, end: int, *, known: Collection[str] = ()) -> ParsedSpeaker | None:
    toks = _join_enumerations(tokens(text, start, end))
    while toks and toks[-1][2].lower() in discourse_words():
        toks.pop()
    if len(toks) > 3 and toks[-1][2] == ")" and toks[-3][2] == "(" and toks[-2][2][:1].isupper():
        # "Agus Harimurti Yudhoyono (AHY) mengatakan": the short form after the name.
        del toks[-3:]
    # "Halimah (63), menambahkan": an age in brackets is no part of the name.
    toks = [
        t
        for k, t in enumerate(toks)
        if not (
            _AGE.fullmatch(t[2]) and 0 < k < len(toks) - 1 and toks[k - 1][2] == "(" and toks[k + 1][2] == ")"
        )
        and not (t[2] in "()" and 0 < k < len(toks) and _age_bracket(toks, k))
    ]
    # "secara konsisten", "secara terbuka", "dengan tegas": an adverb between subject and verb.
    if len(toks) >= 3 and toks[-2][2].lower() in ("secara", "dengan") and toks[-1][2].islower():
        del toks[-2:]
    elif len(toks) >= 2 and toks[-1][2].lower() in ("secara", "dengan"):
        toks.pop()  # its adverb was a discourse word, taken off above ("dengan tegas")
    while toks and toks[-1][2].lower() in discourse_words():
        toks.pop()
    if not toks or len(toks) > 40:
        return None
    # Comma segments from the right, while they read as name, role or organisation.
    groups: list[list[Tok]] = [[]]
    for t in toks:
        if t[2] in ("—", "–"):
            groups = [[]]  # "JAKARTA, KOMPAS — ...": a dateline, not part of the subject
        elif t[2] == "," or t[2] == "selaku":
            groups.append([])
        else:
            groups[-1].append(t)
    kept: list[list[Tok]] = []
    openers = opener_words()
    for g in reversed(groups):
        if not g:
            if kept:
                break
            continue
        if kept and (
            all(t[2].lower() in openers for t in g)
            or (len(g) == 1 and _sentence_adverb(g[0][2]))
            or (g is groups[0] and len(g) == 1 and _opening_word(g[0][2]))
        ):
            break  # "Sebelumnya,", "Sementara itu,", "Pasalnya,", "Lagi-lagi,": an adverbial
        if g[0][2].lower() == "menurut" or (kept and g[0][2].lower() in adjunct_openers()):
            break  # "Di Makassar, Budi ...": a place or time adverbial opening the sentence
        if not kept:
            # A connective opening the sentence is not part of the subject
            # ("Sementara pejabat AS lainnya menjelaskan", "Sementara itu Budi menyatakan").
            if len(g) > 2 and g[0][2].lower() == "lebih" and g[1][2].lower() in ("lanjut", "jauh"):
                g = g[2:]  # "Lebih lanjut Budi menjelaskan"
            while len(g) > 1 and (
                g[0][2].lower() in lead_words()
                or (g[0][2].lower() in opener_words() and g[0][2].lower() != "di")
                or (g is groups[0] and g[0][0] == toks[0][0] and nya_adverb(g[0][2]))
            ):
                # ... and a "-nya" adverb opening the sentence with no comma ("Pasalnya artis
                # itu mengaku", "Nyatanya Agnes membocorkan").
                g = g[1:]
            if g[0][2].lower() in pronouns() and len(g) == 1:
                return ParsedSpeaker("pronoun", g[0][0], g[0][1], pronoun=pronouns()[g[0][2].lower()])
            low = g[0][2].lower()
            if (_statement_at(g, 0) and low != "siaran") or (low == "siaran" and len(g) > 1):
                return _statement(g, 1 if low != "siaran" else 2)
        j = _core_end(g, 0)
        if j != len(g):
            if not kept:
                anon = _anonymous(text, g) if g[0][2].lower() not in ("menurut",) else None
                if anon is not None:
                    return anon
                body = _institution(g)
                if body is not None:
                    return body
                tail = _tail_noun(g)
                if tail is None:
                    return None
                kept.append(tail)
            break
        kept.append(g)
    if not kept:
        return None
    segments = list(reversed(kept))
    flat = [t for s in segments for t in s]
    if flat[0][2].lower() in pronouns() and len(flat) == 1:
        return ParsedSpeaker("pronoun", flat[0][0], flat[0][1], pronoun=pronouns()[flat[0][2].lower()])
    return _classify(flat, flat[0][0], flat[-1][1], segments, known)


def role_run_start(text: str, start: int, end: int) -> int | None:
    """Where a role phrase that runs up to ``end`` opens inside ``text[start:end]``: the
    first role word ("Kepala", "pengamat") whose name/role/organisation run reaches
    ``end`` (adverbs such as "juga" aside), or None."""
    toks = _join_enumerations(tokens(text, start, end))
    while toks and toks[-1][2].lower() in discourse_words():
        toks.pop()
    for i in range(len(toks)):
        # The role word opens the run: a capitalised word before it belongs to the same
        # name ("Kantor Perdana Menteri Inggris" is an office, not "Menteri" + a name).
        if _is_role(toks[i][2]) and (i == 0 or not _cap(toks[i - 1][2])) and _core_end(toks, i) == len(toks):
            return toks[i][0]
    return None


def _tail_noun(g: list[Tok]) -> list[Tok] | None:
    """The trailing capitalised name of a clause ("Dalam rapat itu Budi")."""
    k = len(g)
    while k > 0 and _cap(g[k - 1][2]) and g[k - 1][2] not in days():
        k -= 1
    if k == len(g) or k == 0:
        return None
    if g[k - 1][2].lower() not in ("itu", "tersebut", "ini", "kemarin") and not g[k - 1][2].lower().endswith(
        "an"
    ):
        return None
    return g[k:]
