"""Resolve speakers and build :class:`warta.article.Quote` records.

A named speaker stands for itself. A pronoun ("dia", "ia", "beliau") or a ``-nya`` cue
("ujarnya") takes the last person who spoke (or was named as speaker), unless a person
opened a sentence since ("Macron ... Dia menekankan", "Ani (34) ... ujarnya"); whoever it
stood for has then spoken at that cue, so a sentence opened by someone else before it no
longer outranks them. A person the quote itself names in the third person (by family name or
a short form in capitals: "Saudara ISW meminta ...") is never its speaker. "mereka" the last group,
organisation or plural anonymous source ("para pejabat"). A statement speaks for its
issuer ("menurut pernyataan Istana Élysée"); "pernyataan itu" or an issuer described, not
named ("pernyataan kepresidenan Prancis"), takes the last issuer. A bare role or definite description ("Presiden", "pejabat itu")
takes the last speaker with that role word. A quote in a run takes its neighbour's
speaker, and a quote with no cue at all the last speaker, with lower confidence.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from warta.article import Entity, Mention, Quote, Span, Speaker
from warta.lang import id as lang_id
from warta.stages.clean.resources import id_words
from warta.stages.quotes.attribute import Found
from warta.stages.quotes.resources import (
    agent_passives,
    collectives,
    commoners,
    definite_markers,
    lead_words,
    name_particles,
    org_descriptors,
    passive_adverbs,
    predicate_words,
    pronouns,
    role_words,
    statement_nouns,
    stop_words,
)
from warta.stages.quotes.speakers import ParsedSpeaker

__all__ = ["build_quotes"]

# Confidence of an attribution by how the speaker was found.
_CONFIDENCE = {"named": 0.95, "pronoun": 0.8, "nya": 0.8, "role": 0.8, "run": 0.75, "context": 0.5}


@dataclass(slots=True)
class _Known:
    name: str | None
    roles: str
    kind: str
    speaker: Speaker
    pos: int = -1  # where the speaker was last mentioned


def _span(text: str, se: tuple[int, int]) -> Span:
    return Span(se[0], se[1], text[se[0] : se[1]])


def _fold(s: str) -> str:
    """Lower case without accents: "Élysée" and "Elysee" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", s.lower()) if not unicodedata.combining(c))


class _Mentions:
    """An article's mentions by position, so that the ones inside or across a speaker phrase
    are found by bisection, not by a pass over all of them for every quote (an article of
    10,000 quotes and as many names made that quadratic)."""

    # Mentions rarely nest: of those that start before a span, only the last few can reach
    # into it.
    _BEFORE = 3

    def __init__(self, mentions: Sequence[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.start, m.end))
        self.starts = [m.start for m in self.items]

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that share a character with ``[start, end)``, in text order."""
        lo = max(0, bisect_left(self.starts, start) - self._BEFORE)
        hi = bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m.end > start]

    def inside(self, start: int, end: int) -> list[Mention]:
        """The mentions within ``[start, end)``, in text order."""
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]


def _entity_for(
    start: int, end: int, mentions: _Mentions, entities: Sequence[Entity] = (), *, person: bool = False
) -> int | None:
    """The entity of the first mention sharing a character with ``[start, end)``; for a
    person, a person's mention first ("Kombes Pol Hendri Fiuser", where the tagger took
    "Bogor Kota Kombes Pol" for a place)."""
    found = [m.entity for m in mentions.overlapping(start, end) if m.entity is not None]
    if person:
        for e in found:
            if e < len(entities) and entities[e].label == "PER":
                return e
    return found[0] if found else None


def _entity_named(name: str, entities: Sequence[Entity]) -> int | None:
    """The entity whose name or alias is ``name`` (accents and case aside)."""
    want = _fold(name)
    for i, e in enumerate(entities):
        if _fold(e.name) == want or any(_fold(a) == want for a in e.aliases):
            return i
    return None


def _speaker_from(text: str, p: ParsedSpeaker, mentions: _Mentions, entities: Sequence[Entity]) -> Speaker:
    sp = Speaker(
        mention=_span(text, p.name or (p.start, p.end)),
        roles=[_span(text, r) for r in p.roles],
        affiliations=[_span(text, a) for a in p.affiliations],
    )
    if p.name is not None:
        sp.name = text[p.name[0] : p.name[1]]
    elif p.kind == "org" and p.affiliations:
        sp.name = text[p.affiliations[0][0] : p.affiliations[-1][1]]
    elif p.kind == "statement" and p.issuer is not None:
        sp.name = text[p.issuer[0] : p.issuer[1]]
    if p.kind == "anonymous":
        sp.anonymous = True
        sp.description = text[p.start : p.end]
    elif p.kind in ("role", "statement"):
        sp.description = text[p.start : p.end]
    where = p.name or p.issuer
    if where is None and p.kind == "org" and p.affiliations:
        where = (p.affiliations[0][0], p.affiliations[-1][1])
    if where is not None and p.kind != "anonymous":
        sp.entity = _entity_for(*where, mentions, entities, person=p.kind == "person")
        if sp.entity is None and sp.name:
            sp.entity = _entity_named(sp.name, entities)
        if (
            sp.entity is not None
            and sp.entity < len(entities)
            and entities[sp.entity].label == "PER"
            and p.kind == "person"
        ):
            sp.name = entities[sp.entity].name
    return sp


def _refine(text: str, p: ParsedSpeaker, mentions: _Mentions) -> ParsedSpeaker:
    """Check a parsed person's name against the named-entity mentions inside the phrase.

    The phrase parser takes the last capitalised words for the name, which in "Winger
    Persebaya Surabaya, Oktafianus Fernando" or "Medical Director Jakarta Marathon dr. Dika"
    picks an organisation or a place. A person mention inside the phrase names the speaker;
    with none, a "name" that is a place or an organisation leaves a role description
    ("Legislator Kalimalang itu": the legislator from Kalimalang), resolved like "pejabat itu".
    """
    if p.kind == "anonymous":
        return _named_before(text, p, mentions)
    if p.kind != "person" or p.name is None:
        return p
    if (
        p.name == (p.start, p.end)
        and text[p.start : p.end].lower() in commoners()
        and not any(m.label == "PER" for m in mentions.overlapping(p.start, p.end))
    ):
        # One capitalised common word for the whole phrase ("Pelaku mengaku ...", "Korban
        # lalu bercerita ..."): the perpetrator or victim the story is about, as "pelaku itu".
        p.name = None
        p.kind = "role"
        p.roles = [(p.start, p.end)]
        p.definite = True
        return p
    inside = mentions.inside(p.start, p.end)
    ns, ne = p.name
    overlapping = [m for m in inside if m.start < ne and ns < m.end]
    # A name the tagger missed stays (the phrase parser knows names the tagger does not).
    if not overlapping or any(m.label == "PER" for m in overlapping):
        return p
    people = [m for m in inside if m.label == "PER"]
    if (
        p.roles
        and text[p.roles[-1][1] : ns].strip() == ","
        and text[ns:ne].split()[0].lower() not in role_words()
    ):
        # "Menteri Kehakiman Turki, Yilmaz Tunc": a name set off by a comma after its role is
        # who holds it; a "person" the tagger found inside the role is none.
        people = [m for m in people if not any(rs <= m.start and m.end <= re_ for rs, re_ in p.roles)]
    if people:
        # The "name" is (part of) a place or organisation, and a person is named beside it.
        p.name = (people[-1].start, people[-1].end)
    elif (
        p.roles
        and not text[max(0, ns - 2) : ns].startswith(",")
        and any(m.label in ("LOC", "ORG") and (m.start, m.end) == (ns, ne) for m in overlapping)
    ):
        # Exactly a place or organisation, and no person: a role description. (A name the
        # tagger swallowed into a longer organisation, "KPU Manado Sunday Rompas", stays; so
        # does a name set off by a comma after the role, "Kepala BEM UI, Elang ML": the
        # apposition is who holds the role, whatever the tagger made of it.)
        p.name = None
        p.kind = "role"
        p.definite = True
    return p


def _named_before(text: str, p: ParsedSpeaker, mentions: _Mentions) -> ParsedSpeaker:
    """A description set off by commas after a person's name ("Tommaso Starace, seorang staf
    Napoli, mengungkapkan ..."): the named person speaks, described so."""
    near = mentions.overlapping(p.start, p.end + 2)
    inside = [
        m
        for k, m in enumerate(near)
        if m.label == "PER"
        and m.start > p.start
        and m.end >= p.end
        and not text[p.end : m.start].strip()
        and k > 0
        and near[k - 1].label == "ORG"
        and not text[near[k - 1].end : m.start].strip()
    ]
    if inside:
        # "Seorang profesor dari Universitas Purdue Jay Melosh": a description whose
        # organisation is followed by its person's name (the phrase parser stopped inside
        # the name); not "seorang pembantu Presiden Ghani", someone's aide.
        m = inside[0]
        p.roles = [(p.start, m.start - 1)] if m.start > p.start + 1 else []
        p.kind = "person"
        p.name = (m.start, m.end)
        p.end = m.end
        return p
    comma = text.rfind(",", max(0, p.start - 3), p.start)
    if comma < 0 or text[comma + 1 : p.start].strip():
        return p
    before = [m for m in mentions.overlapping(max(0, comma - 1), comma) if m.label == "PER"]
    if not before or text[before[-1].end : comma].strip():
        return p
    m = before[-1]
    p.roles = [(p.start, p.end)]
    p.kind = "person"
    p.name = (m.start, m.end)
    p.start = m.start
    return p


def _copy(sp: Speaker, mention: Span | None) -> Speaker:
    return Speaker(
        name=sp.name,
        mention=mention,
        entity=sp.entity,
        anonymous=sp.anonymous,
        description=sp.description,
        roles=list(sp.roles),
        affiliations=list(sp.affiliations),
    )


def _subjects(
    text: str, mentions: Sequence[Mention], entities: Sequence[Entity], starts: Sequence[int]
) -> list[tuple[int, Speaker]]:
    """People who open a sentence ("Macron telah muncul ..."), or are the agent of a passive
    cue ("Hal senada diungkapkan Deny Setiawan"), by position."""
    out: list[tuple[int, Speaker]] = []
    for m in mentions:
        if m.label != "PER" or m.entity is None or m.entity >= len(entities) or not starts:
            continue
        if entities[m.entity].name.lower() in pronouns():
            continue  # "Ia" the tagger took for a name
        s = starts[max(0, bisect_right(starts, m.start) - 1)]
        before = text[s : m.start].replace(",", " ").split()
        verb = len(before) - (2 if before[-1:] == ["oleh"] else 1)
        # Not in a relative clause: "poin yang disampaikan Ahok" says nothing of Ahok speaking.
        agent = verb > 0 and before[verb] in agent_passives() and before[verb - 1].lower() != "yang"
        if agent or all(w.lower() in lead_words() or w.lower() == "itu" for w in before):
            if _passive_after().match(text, m.end):
                continue  # "Tri Yanto diketahui telah melapor ...": the subject of a passive is talked about
            e = entities[m.entity]
            out.append((m.start, Speaker(name=e.name, mention=Span(m.start, m.end, m.text), entity=m.entity)))
    return out


# A passive verb right after a name, past an adverb or two: "X *diketahui* ...", "X juga *diperiksa*",
# "X berhasil *ditemukan*", "X akan *dipanggil*" (an auxiliary, a modal or an aspect word of
# resources/passive_adverbs.txt or predicates.txt on the way).
@cache
def _passive_after() -> re.Pattern[str]:
    words = sorted(passive_adverbs() | predicate_words())
    return re.compile(rf"(?:\s+(?:{'|'.join(map(re.escape, words))}))*\s+di[a-z]{{3,}}\b")


def _last(
    history: list[_Known],
    *,
    kinds: tuple[str, ...],
    role: str | None = None,
    named: _Named | None = None,
    word: bool = False,
) -> _Known | None:
    """The last known speaker of one of ``kinds``, whose roles hold ``role`` (as a whole word
    with ``word``), and whom the quote does not name."""
    for k in reversed(history):
        if k.kind not in kinds:
            continue
        if named is not None and named(k.speaker):
            continue
        if role is None or (role in k.roles.split() if word else role in k.roles):
            return k
    return None


def _minister(history: list[_Known], title: str, named: _Named) -> _Known | None:
    """Who a minister's abbreviated title alone ("jelas Menaker") stands for: the one
    minister (or deputy minister, for "Wamen...") the article named with a full title
    ("Menteri Ketenagakerjaan M Hanif Dhakiri"), when it named only one."""
    if not title.startswith(("men", "wamen")):
        return None
    deputy = title.startswith("wamen")
    found: dict[str, _Known] = {}
    for k in reversed(history):
        if k.kind != "person" or not k.name or named(k.speaker):
            continue
        words = k.roles.split()
        if "menteri" in words and ("wakil" in words) == deputy:
            found.setdefault(k.name, k)
    return next(iter(found.values())) if len(found) == 1 else None


def _person_with_role(history: list[_Known], words: Sequence[str], named: _Named) -> _Known | None:
    """The last person given one of ``words`` as a role word (the first word that matches
    wins), whom the quote does not name."""
    for w in words:
        k = _last(history, kinds=("person",), role=w, named=named, word=True)
        if k is not None:
            return k
    return None


def _role_words(desc: str) -> list[str]:
    """The words of a definite description that can match a role given before: "mantan
    pelatih timnas U-23 itu" -> pelatih, timnas (no demonstrative, number or short word)."""
    return [
        w
        for w in desc.lower().split()
        if len(w) >= 3
        and w.isalpha()
        and w not in definite_markers()
        and w not in _NOT_ROLES
        and w not in stop_words()
    ]


_NOT_ROLES = frozenset({"sang", "mantan"})  # "sang pelatih", "mantan Kapolda": no role of their own


_Named = Callable[[Speaker], bool]


def _named_in(text: str, start: int, end: int, entities: Sequence[Entity]) -> _Named:
    """Whether a person is named in the content ``text[start:end]`` by a word of their name or
    an alias ("Saudara ISW meminta ..." names Iswan Ibrahim (ISW)). People speak of themselves
    as "saya", so a person the quote names in the third person is not the one speaking it."""
    content = text[start:end]
    words = set(_NAME_WORD.findall(content))

    def named(sp: Speaker) -> bool:
        if sp.anonymous or not sp.name:
            return False
        # The family name, or a short form in capitals ("ISW"); a given name is too common
        # to tell one person from another.
        forms = _NAME_WORD.findall(sp.name)[-1:]
        if sp.entity is not None and sp.entity < len(entities):
            e = entities[sp.entity]
            if e.label != "PER":
                return False
            forms += [a for a in e.aliases if a.isupper() and " " not in a]
        return any(f in words for f in forms if len(f) >= 2 and (len(f) >= 3 or f.isupper()))

    return named


# A capitalised word (a name, or an acronym such as "ISW").
_NAME_WORD = re.compile(r"\b[A-Z][\w'’-]*")


def _same_name(history: list[_Known], name: str) -> _Known | None:
    words = set(name.split()) - name_particles()
    for k in reversed(history):
        if k.name and words & set(k.name.split()):
            return k
    return None


def build_quotes(
    text: str,
    found: Sequence[Found],
    *,
    sentences: Sequence[tuple[int, int]] = (),
    mentions: Sequence[Mention] = (),
    entities: Sequence[Entity] = (),
    people: Sequence[ParsedSpeaker] = (),
) -> list[Quote]:
    """Quotes with resolved speakers, in text order; ``inherits`` links become shared speakers."""
    starts = [s for s, _ in sentences]
    subjects = _Subjects(_subjects(text, mentions, entities, starts))
    main = _MostNamed(mentions, entities)
    holders = _Holders(mentions, entities)
    indexed = _Mentions(mentions)
    history: list[_Known] = []
    quotes: list[Quote] = []
    pi = 0
    for f in found:
        # People introduced with a role before this quote are candidates for "-nya",
        # pronouns and bare roles, even when they were not quoted themselves.
        while pi < len(people) and people[pi].end <= f.start:
            if _refine(text, people[pi], indexed).name is None:
                pi += 1
                continue  # no name after all: a description ("Pelaku mengaku ...")
            intro = _speaker_from(text, people[pi], indexed, entities)
            if not _common_noun(text, people[pi], indexed):
                roles = " ".join(r.text.lower() for r in intro.roles)
                kind = "org" if people[pi].kind == "org" else "person"
                history.append(_Known(intro.name, roles, kind, intro, people[pi].start))
            pi += 1
        speaker: Speaker | None = None
        conf = f.confidence
        named = _named_in(text, f.start, f.end, entities)
        p = _refine(text, f.speaker, indexed) if f.speaker is not None else None
        if (
            p is not None
            and p.kind == "person"
            and p.name
            and not p.roles
            and _role_as_name(text, p, indexed)
        ):
            # "Pelantun,ini mengutarakan" (a name the scrape lost): a role word alone, which
            # the tagger took for no person, describes the one the story is about.
            p = replace(p, kind="role", roles=[p.name], name=None, definite=True)
        described = _described_org(text, p, indexed, entities) if p is not None and p.kind == "org" else None
        if p is not None and described is not None:
            # "Maskapai penerbangan tersebut": the organisation named before, described.
            speaker = described
            history.append(_Known(speaker.name, "", "org", speaker, p.start))
            conf *= _CONFIDENCE["role"]
        elif p is not None and p.kind in ("person", "org") and (p.name is not None or p.kind == "org"):
            speaker = _speaker_from(text, p, indexed, entities)
            if not speaker.roles and speaker.name:
                same = _same_name(history, speaker.name)
                if same is not None:
                    speaker.roles = list(same.speaker.roles)
                    speaker.affiliations = list(same.speaker.affiliations)
                    speaker.name = same.name or speaker.name
                    speaker.entity = same.speaker.entity if speaker.entity is None else speaker.entity
            roles = " ".join(r.text.lower() for r in speaker.roles)
            kind = p.kind
            if (
                kind == "person"
                and not p.roles
                and p.name is not None
                and " " not in text[p.name[0] : p.name[1]]
                and speaker.entity is not None
                and speaker.entity < len(entities)
                and entities[speaker.entity].label == "ORG"
                and text[p.name[0] : p.name[1]]
                in (entities[speaker.entity].name, *entities[speaker.entity].aliases)
            ):
                # "Kemnaker mencatat": a body the tagger knows by that very name (not a word
                # of a longer one, "Yoga" of "AKP Gede Yoga"), no later "-nya".
                kind = "org"
            history.append(_Known(speaker.name, roles, kind, speaker, p.start))
            conf *= _CONFIDENCE["named"]
        elif p is not None and p.kind == "pronoun":
            want = ("org", "group", "statement") if p.pronoun == "mereka" else ("person",)
            k = _last(history, kinds=want, named=named)
            subject = subjects.last(p.start, named) if p.pronoun != "mereka" else None
            if subject is not None and (k is None or subject[0] > k.pos):
                # A person opened a sentence since the last speaker: "Dia" is that person.
                speaker = _copy(subject[1], _span(text, (p.start, p.end)))
                conf *= _CONFIDENCE["pronoun"]
            elif k is not None:
                speaker = _copy(k.speaker, _span(text, (p.start, p.end)))
                conf *= _CONFIDENCE["pronoun"]
            else:
                most = (
                    main.before(p.start, named)
                    if p.pronoun != "mereka"
                    else _last_group(indexed, entities, p.start)
                )
                speaker = (
                    _copy(most, _span(text, (p.start, p.end)))
                    if most is not None
                    else Speaker(mention=_span(text, (p.start, p.end)))
                )
                conf *= 0.4
        elif p is not None and p.kind == "statement" and p.issuer is not None:
            # "menurut pernyataan Istana Élysée": the issuer speaks.
            speaker = _speaker_from(text, p, indexed, entities)
            history.append(_Known(speaker.name, "", "statement", speaker, p.start))
            conf *= _CONFIDENCE["named"]
        elif p is not None and p.kind in ("role", "anonymous", "statement"):
            desc = text[p.start : p.end]
            head = desc.split()[0].lower() if desc.split() else ""
            k = None
            org = (
                _org_headed(indexed, entities, p.start, head)
                if p.kind != "statement" and p.definite and not p.plural and head not in role_words()
                else None
            )
            if org is None and p.definite and not p.plural and head in _org_descriptor_heads():
                # "kata majalah itu" after "majalah satir Leman": the organisation the article
                # introduced with that noun, else the one named just before ("... adalah Ash
                # Scotland. Lembaga ini mengatakan").
                org = _introduced_as(text, indexed, entities, p.start, head) or _last_group(
                    indexed, entities, p.start
                )
            if org is not None:
                # "kata kementerian tersebut" after "Kementerian Pertahanan Rusia": the
                # organisation whose name opens with the description's head.
                org.mention = _span(text, (p.start, p.end))
                speaker = org
                conf *= _CONFIDENCE["role"]
            elif p.kind == "role" and not (p.definite and head in collectives()):
                k = _last(history, kinds=("person",), role=head, named=named)
                if k is None and head in lang_id.office_titles():
                    k = _minister(history, head, named)
                    if k is None:
                        holder = holders.of(head, p.start)
                        if holder is not None and not named(holder):
                            speaker = _copy(holder, _span(text, (p.start, p.end)))
                            history.append(_Known(holder.name, head, "person", speaker, p.start))
                            conf *= _CONFIDENCE["role"]
                opener = _content_subject(f, indexed, entities) if k is None and p.definite else None
                if opener is not None:
                    # "Sharapova mundur dari turnamen itu, kata mantan juara itu": reported
                    # speech that opens with a person's name, described after the cue, is that
                    # person's (the description stands for the statement's own subject).
                    speaker = _copy(opener, _span(text, (p.start, p.end)))
                    conf *= _CONFIDENCE["role"]
                elif k is None and p.definite:
                    # "mantan Kapolda Banten itu": any of its role words, else the person the
                    # story is about (the last one to speak or open a sentence), never one the
                    # quote itself names.
                    k = _person_with_role(history, _role_words(desc), named)
                    if k is None:
                        last = _last(history, kinds=("person",), named=named)
                        # Before the description: it may open its sentence itself and be
                        # read as a subject there ("Politis Partai Gerindra itu ...").
                        subject = subjects.last(p.start - 1, named)
                        if subject is not None and (last is None or subject[0] > last.pos):
                            speaker = _copy(subject[1], _span(text, (p.start, p.end)))
                            conf *= _CONFIDENCE["pronoun"]
                        k = last
            elif p.kind == "statement":
                k = _last(history, kinds=("statement",)) or _last(history, kinds=("org",))
                if k is None and p.definite:
                    # "demikian pernyataan itu menegaskan" after "pernyataan resmi The
                    # Orchard" in the narration: the organisation that issued it.
                    speaker = _issuer_before(text, indexed, entities, p.start)
                    if speaker is not None:
                        speaker.mention = _span(text, (p.start, p.end))
                        conf *= _CONFIDENCE["role"]
            elif p.definite:
                k = _last(history, kinds=("anonymous", "group"), role=None)
                if not p.plural:
                    # "pelatih asal Argentina tersebut": the person the article gave that role
                    # ("Pelatih Persebaya Angel Vera"), before an unnamed source of its kind.
                    person = _person_with_role(history, _role_words(desc)[:1], named)
                    if person is not None and (k is None or person.pos > k.pos):
                        k = person
                    if (
                        k is None
                        and desc.split()[-1].lower() == "ini"
                        and head not in _org_descriptor_heads()
                        and head not in collectives()
                    ):
                        # "Warga asli Jakarta ini menuturkan" after "ujar Karim, warga ...":
                        # "ini" points at the person just named.
                        k = _last(history, kinds=("person",), named=named)
            if k is None and speaker is None and p.definite and head in collectives():
                # "kata kelompok itu": the organisation that spoke just before, else the one
                # named last before it.
                spoke = _last(history, kinds=("org",))
                if spoke is not None and p.start - spoke.pos <= _GROUP_REACH:
                    speaker = _copy(spoke.speaker, None)
                    history.append(_Known(spoke.name, "", "org", speaker, p.start))
                else:
                    speaker = _last_group(indexed, entities, p.start)
                if speaker is not None:
                    speaker.mention = _span(text, (p.start, p.end))
                    conf *= _CONFIDENCE["role"]
            if speaker is not None:
                pass  # a description of the sentence subject, above
            elif k is not None:
                speaker = _copy(k.speaker, _span(text, (p.start, p.end)))
                conf *= _CONFIDENCE["role"]
            else:
                speaker = _speaker_from(text, p, indexed, entities)
                if p.kind == "role" and speaker.name is None:
                    # A role the article never gives a name to ("Kabid Kesmas Dinkes Polman
                    # mengatakan"): an unnamed source, described by that role.
                    speaker.anonymous = True
                # An unnamed role ("Kepala bidang kesehatan masyarakat mengatakan") is a
                # person: who a later "jelasnya" or "ia" means.
                kind = "group" if p.plural else "person" if p.kind == "role" else p.kind
                history.append(_Known(None, desc.lower(), kind, speaker, p.start))
                conf *= _CONFIDENCE["named"] if p.kind == "anonymous" else _CONFIDENCE["role"]
        elif f.nya:
            k = _last(history, kinds=("person",), named=named)
            subject = subjects.last(f.start, named)
            subject = subject if subject is not None and (k is None or subject[0] > k.pos) else None
            if subject is not None:
                # A person opened a sentence since the last speaker: "-nya" is that person.
                speaker = _copy(subject[1], None)
                conf *= _CONFIDENCE["nya"] * 0.8
            elif k is not None:
                speaker = _copy(k.speaker, None)
                conf *= _CONFIDENCE["nya"]
            else:
                # Nobody spoke or opened a sentence before: the person the story names most.
                speaker = main.before(f.start, named)
                conf *= 0.3
        elif f.inherits is not None:
            # A run closed by a later cue gets its speaker once that quote is built.
            src = quotes[f.inherits].speaker if f.inherits < len(quotes) else None
            speaker = _copy(src, None) if src is not None else None
            conf *= _CONFIDENCE["run"]
        elif f.kind == "direct":
            k = next((x for x in reversed(history) if not named(x.speaker)), None)
            speaker = _copy(k.speaker, None) if k else main.before(f.start, named)
            conf *= _CONFIDENCE["context"] if k else 0.3
        by_reference = (p is not None and p.kind == "pronoun" and p.pronoun != "mereka") or (
            p is None and f.nya
        )
        if by_reference and speaker is not None and speaker.name:
            # The person a pronoun or "-nya" stood for spoke here: a sentence opened by someone
            # else before this point no longer outranks them ("katanya" ... "Dia menyebutkan").
            roles = " ".join(r.text.lower() for r in speaker.roles)
            history.append(_Known(speaker.name, roles, "person", speaker, f.cue[0] if f.cue else f.end))
        quotes.append(
            Quote(
                kind=f.kind,
                start=f.start,
                end=f.end,
                text=text[f.start : f.end],
                cue=_span(text, f.cue) if f.cue else None,
                speaker=speaker,
                confidence=round(conf, 3),
                sentence=max(0, bisect_right(starts, f.start) - 1) if starts else None,
                inside=f.inside,
            )
        )
    # Runs whose closing cue comes after them: fill speakers now that all are known.
    for f, q in zip(found, quotes, strict=True):
        if q.speaker is None and f.inherits is not None and f.inherits < len(quotes):
            src = quotes[f.inherits].speaker
            q.speaker = _copy(src, None) if src is not None else None
    return quotes


def _common_noun(text: str, p: ParsedSpeaker, mentions: _Mentions) -> bool:
    """Whether a person the phrase parser found is one capitalised common word that opens a
    sentence ("Petisi itu beredar", "Korban lalu melapor"), which the tagger did not take for
    a person."""
    if p.name is None:
        return False
    word = text[p.name[0] : p.name[1]]
    return (
        " " not in word
        and word.lower() in id_words()
        and not any(m.label == "PER" for m in mentions.overlapping(*p.name))
    )


def _role_as_name(text: str, p: ParsedSpeaker, mentions: _Mentions) -> bool:
    """Whether a person's name is one capitalised role word ("Pelantun", "Penyanyi") the
    tagger did not take for a person."""
    if p.name is None:
        return False
    return text[p.name[0] : p.name[1]].lower() in role_words() and _common_noun(text, p, mentions)


# How far back a definite description looks for the organisation whose name it opens.
_ORG_REACH = 3000


def _org_headed(mentions: _Mentions, entities: Sequence[Entity], pos: int, head: str) -> Speaker | None:
    """The organisation named last before ``pos`` (within :data:`_ORG_REACH` characters) whose
    name opens with ``head``: "kementerian tersebut" after "Kementerian Kesehatan Gaza"."""
    if len(head) < 4 or not head.isalpha():
        return None
    for m in reversed(mentions.inside(max(0, pos - _ORG_REACH), pos)):
        if m.entity is None or m.entity >= len(entities):
            continue
        e = entities[m.entity]
        if e.label == "ORG" and e.name.split()[0].lower() == head:
            return Speaker(name=e.name, entity=m.entity)
    return None


@cache
def _org_descriptor_heads() -> frozenset[str]:
    return frozenset(d[0] for d in org_descriptors())


def _introduced_as(
    text: str, mentions: _Mentions, entities: Sequence[Entity], pos: int, head: str
) -> Speaker | None:
    """The organisation named last before ``pos`` (within :data:`_ORG_REACH` characters) right
    after the descriptor ``head`` and at most two lower-case words: "majalah satir Leman"
    for "majalah itu"."""
    lo = max(0, pos - _ORG_REACH)
    for m in reversed(mentions.inside(lo, pos)):
        if m.entity is None or m.entity >= len(entities) or entities[m.entity].label not in ("ORG", "PER"):
            continue
        if not text[m.start - 1 : m.start].isspace():
            continue
        words = text[max(lo, m.start - 40) : m.start].split()[-3:]
        for k in range(len(words) - 1, -1, -1):
            if words[k].lower() == head and all(w.isalpha() and w.islower() for w in words[k + 1 :]):
                e = entities[m.entity]
                return Speaker(name=e.name, entity=m.entity)
    return None


# How far back "mereka" looks for the organisation it stands for when no group has spoken.
_GROUP_REACH = 300


def _described_org(
    text: str, p: ParsedSpeaker, mentions: _Mentions, entities: Sequence[Entity]
) -> Speaker | None:
    """An organisation described, not named ("Maskapai penerbangan tersebut", "partai itu"):
    lower-case words after its head and a demonstrative at the end. It is the organisation
    whose name opens with its head, else the one named last before it."""
    words = text[p.start : p.end].split()
    if len(words) < 2 or words[-1].lower() not in definite_markers():
        return None
    if any(w[:1].isupper() for w in words[1:]):
        return None
    head = words[0].lower()
    found = _org_headed(mentions, entities, p.start, head) or _last_group(mentions, entities, p.start)
    if found is not None:
        found.mention = _span(text, (p.start, p.end))
    return found


def _last_group(
    mentions: _Mentions, entities: Sequence[Entity], pos: int, where: Callable[[Mention], bool] | None = None
) -> Speaker | None:
    """The organisation named last before ``pos`` (and, given ``where``, in a mention it
    accepts), within :data:`_GROUP_REACH` characters: who "mereka" means when no group spoke
    before it ("... manajemen Arema FC belum ... Namun, mereka memastikan ...")."""
    for m in reversed(mentions.inside(max(0, pos - _GROUP_REACH), pos)):
        if (
            m.entity is not None
            and m.entity < len(entities)
            and entities[m.entity].label == "ORG"
            and (where is None or where(m))
        ):
            return Speaker(name=entities[m.entity].name, entity=m.entity)
    return None


def _content_subject(f: Found, mentions: _Mentions, entities: Sequence[Entity]) -> Speaker | None:
    """The person whose name opens an indirect quote's content (its subject), if any."""
    if f.kind != "indirect" or f.cue is None or f.cue[0] < f.end:
        return None  # only reported speech with its cue after it
    for m in mentions.overlapping(f.start, f.start + 1):
        if (
            m.start == f.start
            and m.entity is not None
            and m.entity < len(entities)
            and entities[m.entity].label == "PER"
        ):
            return Speaker(name=entities[m.entity].name, entity=m.entity)
    return None


def _issuer_before(text: str, mentions: _Mentions, entities: Sequence[Entity], pos: int) -> Speaker | None:
    """The organisation named last before ``pos`` right after a statement noun: who issued
    "pernyataan resmi The Orchard"."""

    def issued(m: Mention) -> bool:
        return any(w in statement_nouns() for w in text[max(0, m.start - 30) : m.start].lower().split()[-3:])

    return _last_group(mentions, entities, pos, where=issued)


class _MostNamed:
    """The person an article names most up to a point: who a "-nya" cue means when nobody
    spoke or opened a sentence before it ("..., katanya" after a paragraph about Satria)."""

    def __init__(self, mentions: Sequence[Mention], entities: Sequence[Entity]) -> None:
        self.people = sorted(
            (m.start, m.entity)
            for m in mentions
            if m.entity is not None
            and m.entity < len(entities)
            and entities[m.entity].label == "PER"
            and entities[m.entity].name.lower() not in pronouns()
        )
        self.entities = entities
        self.counts: dict[int, int] = {}
        self.best: tuple[int, int] | None = None  # (mentions, -first position) of the leader
        self.leader: int | None = None
        self.seen = 0
        self.first: dict[int, int] = {}

    def before(self, pos: int, named: _Named) -> Speaker | None:
        """The person named most before ``pos`` (the first named, on a tie), unless the quote
        names them. Quotes come in text order, so the count runs on from the last call."""
        if self.seen and self.people[self.seen - 1][0] >= pos:
            self.counts, self.first, self.best, self.leader, self.seen = {}, {}, None, None, 0
        while self.seen < len(self.people) and self.people[self.seen][0] < pos:
            start, eid = self.people[self.seen]
            self.counts[eid] = self.counts.get(eid, 0) + 1
            self.first.setdefault(eid, start)
            key = (self.counts[eid], -self.first[eid])
            if self.best is None or key > self.best:
                self.best, self.leader = key, eid
            self.seen += 1
        if self.leader is None:
            return None
        e = self.entities[self.leader]
        sp = Speaker(name=e.name, entity=self.leader)
        return None if named(sp) else sp


class _Subjects:
    """The people who open a sentence (:func:`_subjects`), by position."""

    def __init__(self, found: list[tuple[int, Speaker]]) -> None:
        self.found = found
        self.starts = [s for s, _ in found]

    def last(self, pos: int, named: _Named | None = None) -> tuple[int, Speaker] | None:
        """The last person to open a sentence before ``pos``, unless the quote names them."""
        i = bisect_right(self.starts, pos) - 1
        if i < 0 or self.starts[i] >= pos or (named is not None and named(self.found[i][1])):
            return None
        return self.found[i]


class _Holders:
    """Who holds an office an abbreviated title stands for ("Mendagri" alone), by the roles
    the article gives its people ("Menteri Dalam Negeri Tjahjo Kumolo"), even when they did
    not speak before. Each title is looked up once per article."""

    def __init__(self, mentions: Sequence[Mention], entities: Sequence[Entity]) -> None:
        self.first: dict[int, int] = {}
        for m in mentions:
            if m.entity is not None and m.entity < len(entities) and entities[m.entity].label == "PER":
                self.first[m.entity] = min(m.start, self.first.get(m.entity, m.start))
        self.entities = entities
        self.found: dict[str, list[int]] = {}

    def of(self, title: str, pos: int) -> Speaker | None:
        """The one person named before ``pos`` with a role ``title`` abbreviates, else None."""
        if title not in self.found:
            self.found[title] = [
                e for e in self.first if any(_abbreviates(title, r.text) for r in self.entities[e].roles)
            ]
        who = [e for e in self.found[title] if self.first[e] < pos]
        if len(who) != 1:
            return None
        return Speaker(name=self.entities[who[0]].name, entity=who[0])


def _abbreviates(title: str, role: str) -> bool:
    """Whether an office's abbreviated title spells a role written in full: its first three
    letters open the role, its fourth opens the role's second word, and the rest follow in
    order ("mendagri": Menteri Dalam Negeri; "menkeu": Menteri Keuangan).

    Example:
        >>> _abbreviates("mendagri", "Menteri Dalam Negeri"), _abbreviates("menkeu", "Menteri Dalam Negeri")
        (True, False)
    """
    words = role.lower().split()
    if len(words) < 2 or len(title) < 5 or not words[0].startswith(title[:3]) or words[1][:1] != title[3]:
        return False
    letters = iter("".join(words[1:]))
    return all(c in letters for c in title[3:])
