"""Find direct and indirect quotes and tie each one to its cue and speaker phrase.

Direct quotes come from :func:`warta.stages.quotes.marks.find_marked`; a quote is speech
when a cue follows it ("…,” kata Budi" / "…,” ujarnya"), a cue or colon introduces it
("Ia mengatakan: “…”"), or it is a full sentence next to other speech. Short quoted
names, titles and scare quotes are left out, and a short quoted fragment inside reported
speech is a partial quote of that indirect quote. Indirect quotes come from reporting
verbs ("Budi mengatakan, …"), "menurut X", and cues without quote marks ("…, kata Budi").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from warta.lang import id as lang_id
from warta.stages.clean.resources import id_words
from warta.stages.quotes.marks import Marked, find_marked
from warta.stages.quotes.resources import (
    agent_passives,
    clause_conjunctions,
    connectors,
    cue_alternation,
    cue_pattern,
    cue_verbs,
    definite_markers,
    directive_verbs,
    discourse_words,
    inside_cues,
    introducers,
    judging_passives,
    lead_words,
    naming_verbs,
    not_said_words,
    not_sources,
    not_speech_words,
    not_telling_words,
    not_verbs,
    nya_adverb,
    object_openers,
    object_verbs,
    opener_words,
    ordinal_words,
    passive_alternation,
    passive_cues,
    predicate_words,
    prepositions,
    pronouns,
    relations,
    reporting_alternation,
    reporting_pattern,
    reporting_verbs,
    requested_things,
    role_words,
    root_predicates,
    sequencers,
    statement_channels,
    stop_words,
    subordinators,
    title_cues,
    title_small_words,
    topic_words,
)
from warta.stages.quotes.speakers import RELATIVE_BEFORE_VERB, ParsedSpeaker, parse_after, parse_before

__all__ = ["Found", "find_quotes", "known_names", "sentence_spans"]

Kind = Literal["direct", "indirect", "mixed", "partial"]
Via = Literal["cue-after", "cue-before", "nya", "run", "context", "none"]

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?…]+[”\"’']?(?=\s)|$)", re.MULTILINE)
_WORDS = re.compile(r"\w+")
# A quote of this many words or fewer, with no cue, is a name, title or term rather than
# speech ("Kampus Merdeka", "musuh bersama"); it can still be a partial quote.
_SHORT_QUOTE_WORDS = 4
# A quoted fragment inside a sentence with reported speech is a partial quote up to this
# many words; longer quoted stretches are direct quotes in their own right.
_PARTIAL_MAX_WORDS = 12
# A relative clause after a speaker phrase, up to the comma that ends it.
# A lower-case description set off by commas right after a name: ", adik sepupu Wiwit,".
_LOWER_APPOSITION = re.compile(r"[ \t]*,[ \t]*((?P<head>[a-z]+)(?:[ \t]+[^\s,]+){0,5}?)[ \t]*,")
_RELATIVE_AFTER = re.compile(r"([ \t]+yang[ \t][^,]{3,60}?)[ \t]*,")
_MENURUT = re.compile(r"(?:^|(?<=[,;]\s)|(?<=\s))[Mm]enurut(?P<nya>nya)?\b")


@cache
def _after_verb() -> re.Pattern[str]:
    """What may stand between a reporting verb and what was said: the statement it was made in
    ("dalam keterangan tertulis"), who it was said to ("kepada wartawan"), a complementiser
    ("bahwa"), a comma or a colon, and an adverb before them ("mengutarakan juga bahwa").
    "pada Oktober 2016" is no addressee: a month opens what
    was said."""
    channels = "|".join(r"\s+".join(map(re.escape, c.split())) for c in statement_channels())
    day = "|".join(sorted(lang_id.days()))
    month = "|".join(sorted(lang_id.months()))
    # The day it was said, between the verb and a comma: "mengatakan pada Senin (3/3), ...",
    # "mengatakan, Senin, ...", "mengatakan pekan lalu, ...".
    when = (
        rf"(?:,?\s*(?:pada\s+)?(?:hari\s+)?(?:(?:{day})(?:\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\))?"
        r"(?:\s+(?:sebelumnya|lalu|pagi|siang|sore|malam))?"
        r"|kemarin|(?:minggu|pekan)\s+lalu)(?=\s*(?:,|bahwa\b)))?"
    )
    return re.compile(
        rf"(?:\s+(?:juga|pula)(?=\s*(?:,|:|bahwa\b)))?{when}\s*(?:(?:dalam|melalui|lewat)\s+(?:sebuah\s+|suatu\s+)?(?:{channels})"
        r"(?:\s+tertulis(?:nya)?|nya)?\s*)?(?:kepada\s+(?:wartawan|media|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|\w+)\s*"
        rf"|pada\s+(?!(?:{day}|{month})\b)(?:wartawan|media|[A-Z][a-z][\w-]*(?:\s+[A-Z][\w-]*)*)\s*)?"
        r"(?:(?:,\s*|:\s*)?bahwa\s+|(?:jika|agar|supaya)\s+|,\s*|:\s*)?"
    )


_SHORT_NAME_AFTER = r"\s+([A-Z][a-z]+)\b(?!\s+[A-Z])"


@dataclass(slots=True)
class Found:
    """A quote before it becomes a :class:`warta.article.Quote`."""

    kind: Kind
    start: int
    end: int
    cue: tuple[int, int] | None = None
    speaker: ParsedSpeaker | None = None
    confidence: float = 1.0
    via: Via = "none"
    inherits: int | None = None  # index of the quote whose speaker this one shares
    inside: int | None = None
    open_mark: int = -1
    close_mark: int = -1
    nya: bool = False
    short: bool = False  # a short quoted fragment: speech only as part of reported speech


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, for callers that have no segmentation."""
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]


_BAHWA = re.compile(r"\s*,?\s*bahwa\s+")
# The word right before a position (a reporting verb), with the spaces after it.
_LAST_WORD = re.compile(r"(\w+)\s+$")


@cache
def _passive_bahwa() -> re.Pattern[str]:
    return re.compile(rf"\b(?P<cue>{passive_alternation()})\s+(?:oleh\s+)?")


@cache
def _cue_after_name() -> re.Pattern[str]:
    roots = cue_alternation()
    return re.compile(rf"\b(?:{roots}|menurut){_SHORT_NAME_AFTER}")


@cache
def _name_before_verb() -> re.Pattern[str]:
    # Not "mencatat": a body records figures ("Kitabisa mencatat ..."); a short name that
    # says is a person's.
    verbs = "|".join(sorted(reporting_verbs() - {"mencatat"}, key=len, reverse=True))
    return re.compile(rf"(?:^|[.,]\s+)([A-Z][a-z]+)\s+(?:juga\s+)?(?:{verbs})\b", re.MULTILINE)


def known_names(text: str) -> set[str]:
    """Short names the article uses alone for a speaker ("kata Febria", "Febria mengatakan")."""
    names = {m.group(1) for m in _cue_after_name().finditer(text)}
    names.update(m.group(1) for m in _name_before_verb().finditer(text))
    return {n for n in names if n.lower() not in role_words()}


@cache
def _cue_before_pattern() -> re.Pattern[str]:
    roots = cue_alternation()
    verbs = reporting_alternation()
    return re.compile(
        rf"(?:\b(?P<verb>{verbs})(?:\s+bahwa)?|\b(?P<cue>(?:{roots})(?:nya)?)\s+(?P<who>[^,:\n]{{1,80}}?)|"
        rf"\b(?P<menurut>[Mm]enurut(?:nya)?)(?:\s+(?P<mwho>[^,:\n]{{1,80}}?))?)\s*[,:]?\s*$"
    )


def _sentence_of(starts: Sequence[int], pos: int) -> int:
    return max(0, bisect_right(starts, pos) - 1)


def _words(text: str, start: int, end: int) -> int:
    return len(_WORDS.findall(text, start, end))


def _not_speech(text: str, m: Marked) -> bool:
    """Quoted words that are a title, name or term: "program 'Kampus Merdeka'"."""
    if m.open < 0:
        return False
    before = text[max(0, m.open - 40) : m.open].split()
    prev = before[-1].lower().strip(",") if before else ""
    if prev in not_speech_words():
        return True
    # Naming, not speech: "warga menyebut terminal itu ”pasar malam”".
    if any(w.lower() in naming_verbs() for w in before[-4:]):
        return True
    words = text[m.start : m.end].split()
    # Title Case with no sentence punctuation: a programme, film or book title.
    small = title_small_words() - _SMALL_NEXT_TO_CUE
    return (
        0 < len(words) <= 8
        and all(w[:1].isupper() or not w[:1].isalpha() or w in small for w in words)
        and text[m.end - 1 : m.end] not in (",", ".", "!", "?")
    )


# Small words of resources/title_small_words.txt that only one of the two title checks
# accepts (their lists have always differed): English ones only next to a cue
# (_is_title), "untuk" and "yang" only with no cue (_not_speech).
_SMALL_NEXT_TO_CUE = frozenset({"and", "a", "in", "on"})
_SMALL_WITHOUT_CUE = frozenset({"untuk", "yang"})


@cache
def _title_before() -> re.Pattern[str]:
    """A quoted title, not speech: Title Case words right after "di"/"dalam acara"/"program"
    ("kata Blinken di ”State of the Union” CNN")."""
    return re.compile(rf"(?:\b(?:{'|'.join(title_cues())})\s*)$", re.IGNORECASE)


# ... or followed by an outlet's name.
_TITLE_AFTER = re.compile(r"\s*[A-Z][A-Za-z]*(?:TV|\.com)?\b")


def _is_title(text: str, m: Marked) -> bool:
    """Quoted words that name a programme, show or publication, even next to a cue."""
    if m.open < 0 or m.close < 0:
        return False
    words = text[m.start : m.end].split()
    if not 0 < len(words) <= 8 or text[m.end - 1] in ",.!?":
        return False
    small = title_small_words() - _SMALL_WITHOUT_CUE
    if not all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in small for w in words):
        return False
    before = text[max(0, m.open - 20) : m.open]
    return _title_before().search(before) is not None or _TITLE_AFTER.match(text, m.close + 1) is not None


def _cue_after(
    text: str, m: Marked, known: Collection[str]
) -> tuple[tuple[int, int], ParsedSpeaker | None, bool] | None:
    if m.close < 0:
        return None
    c = cue_pattern().match(text, m.close + 1)
    if c is None:
        return _unlisted_cue(text, m, known)
    if c.group("verb"):
        return None
    cue = c.group("cue")
    low = cue.lower()
    span = (c.start("cue"), c.end("cue"))
    if c.group("nya") or low == "menurutnya":
        # A name right after a "-nya" cue is who spoke, the "-nya" a slip of the writer
        # ('"...," ujarnya Ma'mun.', '"...," harapnya BW Purba Negara.').
        named = _name_after_nya(text, c.end("cue"), known)
        return (span, named, False) if named is not None else (span, None, True)
    if low not in cue_verbs() and low not in passive_cues():
        return None
    pos = c.end("cue")
    if low in passive_cues():
        o = re.match(r"\s+oleh\b", text[pos : pos + 8])
        if o is not None:
            pos += o.end()
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    # A second cue the writer left in ('"...," ujar kata Plt Deputi ... Asep'): the speaker
    # comes after it.
    again = re.match(r"([a-z]+)[ \t]+(?=[A-Z])", text[pos : pos + 20])
    if again is not None and again.group(1) in cue_verbs():
        pos += again.end()
    nya = re.match(r"([a-z]+)nya\b", text[pos : pos + 20])
    if nya is not None and nya.group(1) in cue_verbs():
        return span, None, True  # '"...," kata paparnya': the second cue is a "-nya" cue
    sp = parse_after(text, pos, known=known)
    if sp is None and cue[:1].isupper():
        return None  # '..." Lanjut ke sebelah': a sentence after the quote, no cue
    return span, sp, False


_UNLISTED = re.compile(r"[ \t]+(?P<cue>[a-z]{3,14})(?=(?P<next>[ \t]+[A-Z]|[.,;]))")


def _unlisted_cue(
    text: str, m: Marked, known: Collection[str]
) -> tuple[tuple[int, int], ParsedSpeaker | None, bool] | None:
    """A verb missing from the cue list after a quote that ends in a comma, a question or an
    exclamation mark: the sentence goes on to say who spoke, so a lower-case word that is
    followed by a person's name the article used before it ('"...," tuntut Dolfie.'; not an
    acronym: '"...?" perempuan AS ...'), or
    one with "-nya" that ends the clause ('"...," bocornya.'), is the cue. Function words,
    prepositions and connectives never are ('"...," sehingga Budi ...')."""
    inner = text[m.start : m.close].rstrip()
    if inner[-1:] not in (",", "?", "!"):
        return None
    u = _UNLISTED.match(text, m.close + 1)
    if u is None:
        return None
    word = u.group("cue")
    if word in stop_words() or word in prepositions() or word in connectors() or word in discourse_words():
        return None
    span = (u.start("cue"), u.end("cue"))
    if u.group("next") in ".,;":
        return (span, None, True) if word.endswith("nya") and len(word) > 5 else None
    sp = parse_after(text, u.end("cue") + 1, known=known)
    if sp is None or sp.kind != "person" or sp.name is None:
        return None
    first = text[sp.name[0] : sp.name[1]].split()[0]
    if first.isupper() or (
        first not in known and text.find(first, max(0, m.open - _NAMED_BEFORE), m.open) < 0
    ):
        return None  # (looked for in a window before the quote: a count over the text was quadratic)
    after = sp.end
    while text[after : after + 1] in (" ", "\t"):
        after += 1
    verb = _CLAUSE_WORD.match(text, after)
    if verb is not None and _subjectless(text, after, verb.end()):
        # '"...," begitu Risma menyapa warga': a word before the speaker, whose verb is the cue.
        return (verb.start(), verb.end()), sp, False
    return span, sp, False


def _name_after_nya(text: str, pos: int, known: Collection[str]) -> ParsedSpeaker | None:
    """A person's name right after a "-nya" cue, with no comma between (not a day: "ujarnya
    Senin")."""
    if not re.match(r"[ \t]+[A-Z]", text[pos : pos + 3]):
        return None
    p = parse_after(text, pos + 1, known=known)
    if p is None or p.kind != "person" or p.name is None or p.roles:
        return None
    words = text[p.name[0] : p.name[1]].split()
    if any(w in lang_id.days() or w in lang_id.months() for w in words):
        return None
    return p


def _cue_before(
    text: str, m: Marked, sent_start: int, known: Collection[str]
) -> tuple[tuple[int, int], ParsedSpeaker | None, bool] | None:
    if m.open < 0:
        return None
    lo = max(sent_start, m.open - 300)
    nl = text.rfind("\n", lo, m.open)
    if nl >= 0 and not text[nl : m.open].strip():
        # The quote opens its own line: look at the end of the line before (a colon or
        # "katanya," closing the previous paragraph).
        return None
    if nl >= 0:
        lo = nl + 1
    c = _cue_before_pattern().search(text, lo, m.open)
    if c is None:
        return None
    if c.group("verb"):
        span = (c.start("verb"), c.end("verb"))
        return span, parse_before(text, lo, c.start("verb"), known=known), False
    if c.group("cue"):
        span = (c.start("cue"), c.end("cue"))
        if c.group("cue").lower().endswith("nya") and c.group("cue").lower()[:-3] in cue_verbs():
            return span, None, True
        sp = parse_after(text, c.start("who"), known=known)
        # "kata Budi di Jakarta, ”...”" is no cue of this quote: the speaker phrase must
        # end right before its opening mark.
        if sp is None or text[sp.end : m.open].strip(" \t,:") or m.open - sp.end > 3:
            return None
        return span, sp, False
    span = (c.start("menurut"), c.end("menurut"))
    if c.group("mwho") is None:
        return span, None, True
    return span, parse_after(text, c.start("mwho"), known=known), False


def _direct(
    text: str, marked: list[Marked], starts: list[int], spans: list[tuple[int, int]], known: Collection[str]
) -> list[Found]:
    out: list[Found] = []
    skipped = -9  # where the last quote that is no speech closed
    for m in marked:
        if _is_title(text, m):
            skipped = m.close
            continue
        if m.open >= 0 and skipped >= 0 and not text[skipped + 1 : m.open].strip():
            # A second banner or title right after one ('spanduk bertuliskan "..." "..."').
            skipped = m.close
            continue
        after = _cue_after(text, m, known)
        si = _sentence_of(starts, m.open if m.open >= 0 else m.start)
        before = None if after is not None else _cue_before(text, m, spans[si][0] if spans else 0, known)
        n_words = _words(text, m.start, m.end)
        if after is None and before is None:
            # Speech ends with its own punctuation inside the marks (”Kami siap.”); a
            # title or scare quote does not.
            ends = text[m.end - 1] in ".,!?…"
            if _not_speech(text, m):
                skipped = m.close
                continue
            short = (n_words <= _SHORT_QUOTE_WORDS and not ends) or n_words < 2
            if m.open >= 0 and n_words <= _PARTIAL_MAX_WORDS and _embedded(text, m.open):
                # 'siaran dengan muatan yang "sama sekali tidak dapat diterima"', 'bagai
                # "zona perang."': a fragment set in the narration's own clause, with no cue,
                # is speech only inside reported speech (a partial quote there).
                short = True
        else:
            short = False
        f = Found("direct", m.start, m.end, open_mark=m.open, close_mark=m.close, short=short)
        if not m.balanced:
            f.confidence = 0.7
        hit = after or before
        if hit is not None:
            f.cue, f.speaker, f.nya = hit
            f.via = "cue-after" if after is not None else "cue-before"
        out.append(f)
    return out


def _gap_is_empty(text: str, a: Found, b: Found) -> bool:
    lo = a.close_mark + 1 if a.close_mark >= 0 else a.end
    hi = b.open_mark if b.open_mark >= 0 else b.start
    return lo <= hi and not text[lo:hi].strip(" \t\n,.")


def _link_runs(text: str, quotes: list[Found]) -> None:
    """Quotes with no cue next to a quote that has one share its speaker."""
    for i in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[i], quotes[i + 1]
        if q.via == "none" and nxt.via != "none" and _gap_is_empty(text, q, nxt):
            q.via, q.inherits, q.confidence = "run", nxt.inherits if nxt.via == "run" else i + 1, 0.8
    for i in range(1, len(quotes)):
        q, prev = quotes[i], quotes[i - 1]
        if q.via == "none" and prev.via != "none" and _gap_is_empty(text, prev, q):
            q.via, q.inherits, q.confidence = "run", prev.inherits if prev.via == "run" else i - 1, 0.8


def _strip_end(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;"):
        end -= 1
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1  # ",,Pembinaan ...": a doubled comma before the content
    return start, end


@cache
def _cue_first() -> re.Pattern[str]:
    """A bare cue opening a sentence, after up to three words of connective: "Kata Budi, ...",
    "Lanjut dia, ...", "Tambahnya, ...", "Namun, kata Budi, ...", "Untuk itu lanjut Budi, ...";
    or a passive one with its agent: "Dijelaskan Arifin, ...", "Dikatakannya, ..."."""
    roots = cue_alternation(passive=True)
    return re.compile(
        rf"(?:(?:[A-Za-z]+),?[ \t]+){{0,3}}?(?P<cue>(?:{roots})(?P<nya>nya)?)\b[ \t]*", re.IGNORECASE
    )


def _connective(lead: str) -> bool:
    """Whether the words before an opening cue are a connective or an adverbial ("Namun",
    "Sejauh ini", "Untuk itu", "Sayangnya"), not a subject ("Budi kata ...")."""
    words = lead.replace(",", " ").lower().split()
    if len(words) == 1 and words[0].endswith("nya") and len(words[0]) > 5:
        return True  # a sentence adverb: "Sayangnya", "Anehnya", "Intinya"
    if any(w in ordinal_words() for w in words):
        return False  # "Pertama, kata Budi, ...": the enumeration is what was said
    return all(w in _openers_and_leads() or w in lang_id.function_words() for w in words)


# How far around a cue (characters) a name is looked for elsewhere in the article: bounded, so
# that an article of a million cues is not searched whole at each.
_NAMED_BEFORE = 5000

# The most words of a source described in lower case after "menurut" ("menurut media
# setempat,", "menurut produsen,").
_DESCRIBED_WORDS = 4


def _described_source(text: str, pos: int, e: int) -> ParsedSpeaker | None:
    """A source described in lower-case words up to a comma after "menurut" ("Menurut media
    setempat, ...", "Menurut produsen, ..."): an unnamed source."""
    comma = text.find(",", pos, e)
    if comma < 0:
        return None
    words = text[pos:comma].split()
    if not 1 <= len(words) <= _DESCRIBED_WORDS or not all(w[:1].islower() and w.isalpha() for w in words):
        return None
    if words[0] in pronouns() or words[0] in not_sources() or _words(text, comma + 1, e) < 3:
        return None
    last = words[-1].removesuffix("nya")
    if last != words[-1] and last not in relations():
        return None  # "menurut penuturannya": whose account, a "-nya" cue, not a source's description
    # ("menurut orangtuanya": someone's relative, unnamed here, is a source as well.)
    return ParsedSpeaker(kind="anonymous", start=pos, end=pos + len(text[pos:comma].rstrip()))


@cache
def _cue_in_commas() -> re.Pattern[str]:
    """A bare cue and its speaker set off by commas inside a sentence: ", kata Mercy,"."""
    roots = cue_alternation()
    return re.compile(rf",[ \t]*(?:{roots})(?:nya)?[ \t]+[^,.;]{{1,40}},", re.IGNORECASE)


def _cue_opens(text: str, s: int, e: int, known: Collection[str]) -> Found | None:
    """Reported speech after a cue that opens the sentence ("Kata Haedar, organisasinya ...")."""
    m = _cue_first().match(text, s, e)
    if m is None:
        return None
    lead = text[s : m.start("cue")].rstrip(" \t")
    if lead and not _connective(lead):
        return None  # "Budi kata ..." is no opening cue
    passive = m.group("cue").lower().removesuffix("nya") in passive_cues()
    if passive and lead:
        return None  # "Hal itu disampaikan Budi, di ...": the statement came before it
    if len(lead.split()) > 1 and lead.endswith(","):
        # "Selain itu, katanya, ...": a cue set off by commas inside the sentence; the
        # statement is the whole sentence (see _indirect_in).
        return None
    if m.group("nya"):
        comma = m.end()
        if text[comma : comma + 1] != ",":
            return None
        cs, ce = _strip_end(text, comma + 1, e)
        if _words(text, cs, ce) < 3:
            return None
        return Found(
            "indirect", cs, ce, cue=(m.start("cue"), m.end("cue")), nya=True, via="cue-before", confidence=0.8
        )
    at = m.end()
    if passive and text.startswith(",", at) and not m.group("nya"):
        # "Dijelaskan, peristiwa itu terjadi ...": a passive cue with no agent opening the
        # sentence; the speaker is the one before, found as a "-nya" cue's is.
        cs, ce = _strip_end(text, at + 1, e)
        if _words(text, cs, ce) < 3 or text[cs : cs + 1] in '“”"':
            return None
        return Found(
            "indirect", cs, ce, cue=(m.start("cue"), m.end("cue")), nya=True, via="cue-before", confidence=0.7
        )
    if passive and text.startswith("oleh ", at):
        at += len("oleh ")  # "Dikatakan oleh Ketua RT Budi, ..."
    sp = parse_after(text, at, known=known)
    if sp is None:
        return None
    rest = _after_verb().match(text, sp.end, e)
    after = rest.end() if rest is not None else sp.end
    if text[sp.end : after].strip(" \t") not in (",", ":") and not text[sp.end : after].rstrip().endswith(
        ","
    ):
        if not passive and m.group("cue").lower() != "demikian" and _bare_name_then_clause(text, sp, e):
            # "Tapi kata Dirman sampah yang dibakar ...": no comma, the name ends where the
            # lower-case clause begins (not after "Dengan demikian", a connective).
            after = sp.end
        else:
            sp = _name_before_comma(text, sp)
            if sp is None:
                return None  # the content follows the speaker after a comma
            after = sp.end + 1
    cs, ce = _strip_end(text, after, e)
    if _words(text, cs, ce) < 3 or text[cs : cs + 1] in '“”"':
        return None
    if _modal_adverb(lead):
        # "Idealnya, lanjut Hanif, ...", "Umumnya kata dia, ...": an adverb of the statement
        # itself, not the writer's connective; what was said starts with it.
        cs = s
    return Found(
        "indirect", cs, ce, cue=(m.start("cue"), m.end("cue")), speaker=sp, via="cue-before", confidence=0.85
    )


def _bare_name_then_clause(text: str, sp: ParsedSpeaker, e: int) -> bool:
    """Whether a person named by name alone is followed, with no comma, by a lower-case
    clause: what was said after an opening cue whose writer left the comma out."""
    if sp.kind != "person" or sp.name is None or sp.roles or sp.name[1] != sp.end:
        return False
    nxt = _CLAUSE_WORD.match(text, sp.end + 1)
    if nxt is None or text[sp.end : nxt.start()] != " " or not nxt.group()[:1].islower():
        return False
    if nxt.group() in discourse_words():
        return False  # "kata Riko Walhi sendiri telah ...": the name runs on
    if _subjectless(text, nxt.start(), e):
        return False  # "Lebih lanjut Anton mengaku ...": the name is the verb's subject
    return _clause(text, nxt.start(), e)


def _modal_adverb(lead: str) -> bool:
    """A one-word "-nya" sentence adverb that belongs to what was said ("Idealnya",
    "Umumnya", "Sayangnya"), not a connective of the narration ("Sebelumnya", "Akhirnya")."""
    word = lead.strip(" \t,")
    return nya_adverb(word) and word.lower() not in _openers_and_leads()


def _name_before_comma(text: str, sp: ParsedSpeaker) -> ParsedSpeaker | None:
    """The speaker cut at the comma after its name, where the phrase read an apposition into it
    that is the subject of what was said: "Kata Budi, Universitas Riau di Pekanbaru telah ..."
    (not "Budi, of Universitas Riau"). None when no comma follows the name inside the phrase."""
    if sp.name is None:
        return None
    comma = text.find(",", sp.name[1], sp.end)
    if comma < 0 or text[sp.name[1] : comma].strip():
        return None
    return replace(
        sp,
        end=comma,
        roles=[r for r in sp.roles if r[1] <= comma],
        affiliations=[a for a in sp.affiliations if a[1] <= comma],
    )


@cache
def _cue_nya_inside() -> re.Pattern[str]:
    """A "-nya" cue after the sentence's first words, with no comma: "Berita bohong *lanjutnya*
    dapat memicu konflik"."""
    roots = cue_alternation()
    return re.compile(rf"(?:[^\W\d_]+[ \t]+){{1,4}}(?P<cue>(?:{roots})nya)[ \t]+(?=[^\W\d_])", re.IGNORECASE)


def _cue_inside(text: str, s: int, e: int) -> Found | None:
    """Reported speech with its "-nya" cue set inside, after the subject: the sentence without
    the cue is what was said ("Harga cabai lanjutnya bisa turun", "he went on: prices may
    fall"). The words before it must not be a speaker phrase of their own ("Dia katanya ...")."""
    nya = text.find("nya ", s, e)
    if nya < 0 or nya - s > 80:
        return None  # no "-nya" word among the first few (most sentences): no regex run
    m = _cue_nya_inside().match(text, s, e)
    if m is None or _words(text, s, e) < 6:
        return None
    first = text[s : m.start("cue")].split()
    if first[0].lower() in pronouns() or not _clause(text, m.end(), e):
        return None
    cs, ce = _strip_end(text, s, e)
    return Found("indirect", cs, ce, cue=(m.start("cue"), m.end("cue")), nya=True, via="nya", confidence=0.7)


@cache
def _cue_bare_inside() -> re.Pattern[str]:
    """A bare cue and its speaker after the sentence's first words, with no commas: "Pihak
    perusahaan *lanjut Rohidin* telah menyetujui", "Bengkulu *lanjut dia* perlu ..."."""
    return re.compile(
        rf"(?:[^\W\d_]+[ \t]+){{1,4}}(?P<cue>{'|'.join(inside_cues())})[ \t]+"
        r"(?P<who>[A-Z][a-z]+|dia|ia|beliau)[ \t]+(?=[a-z])"
    )


def _cue_bare_inside_at(text: str, s: int, e: int, known: Collection[str]) -> Found | None:
    """Reported speech with a bare cue and its speaker set inside the sentence without commas
    (scraped text often drops them): the sentence without the cue is what was said. The speaker
    is a pronoun or a name the article uses elsewhere; the words before the cue are the
    statement's subject, or a connective of the narration ("Namun lanjut dia ...")."""
    while s < e and text[s].isspace():
        s += 1
    m = _cue_bare_inside().match(text, s, e)
    if m is None or not _clause(text, m.end(), e):
        return None
    who = m.group("who")
    if who[:1].isupper() and (
        who not in known
        or (
            text.find(who, max(0, m.start() - _NAMED_BEFORE), m.start("who")) < 0
            and text.find(who, m.end(), m.end() + _NAMED_BEFORE) < 0
        )
    ):
        return None
    lead = text[s : m.start("cue")].strip()
    words = lead.lower().split()
    if words[0] in pronouns() or words[-1] == "lebih":
        return None  # "Dia lanjut ...", "Lebih lanjut Anton mengaku ...": no cue inside
    sp = parse_after(text, m.start("who"), known=known)
    if sp is None or sp.end > m.end():
        return None
    cs, ce = _strip_end(text, m.end() if _connective(lead) else s, e)
    if _words(text, cs, ce) < 3:
        return None
    return Found(
        "indirect", cs, ce, cue=(m.start("cue"), m.end("cue")), speaker=sp, via="cue-after", confidence=0.8
    )


_CLAUSE_WORD = re.compile(r"[^\W\d_]+")
# The first word after "menurut", hyphens kept ("Undang-Undang").
_LAW_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?")
# (Not "per-": words that open with it are mostly nouns, "peristiwa", "perusahaan".)
_PREFIXED_VERB = re.compile(r"(?:me|ber|di|ter)[a-z]{3,}")
# Verbs up to this many words after "yang" belong to its relative clause ("agen *yang diduga
# bekerja* untuk ..."), not to a clause of their own.
_RELATIVE_WORDS = 3
_NUMBER = re.compile(r"\d")
_INTERROGATIVES = frozenset({"mengapa", "kenapa", "bagaimana"})
# Verbs whose object is a question: "bertanya kenapa ..." reports what was asked.
_ASKING = frozenset({"bertanya", "menanyakan"})
# Nouns that open with a sequencer: "lalu lintas" (traffic) chains no action.
_COMPOUNDS = frozenset({"lalu lintas"})
# Words that open a purpose clause inside a noun object ("upaya agar ..."); not "untuk",
# which opens phrases of subjects as often ("keputusan polisi untuk ... menunjukkan ...").
_PURPOSE = frozenset({"agar", "supaya"})
_COPULAS = frozenset({"merupakan", "adalah", "ialah"})
# Verbs that say what something is: "menyebut Borobudur *sebagai* adikarya" is a statement.
_PREDICATING = frozenset({"menyebut", "menggambarkan", "menilai", "menganggap"})
_SEBAGAI = re.compile(r"\ssebagai\s")


@cache
def _openers_and_leads() -> frozenset[str]:
    return opener_words() | lead_words()


def _inverted(text: str, s: int, speaker_start: int, verb_end: int, e: int) -> bool:
    """Speaker and verb set off by commas inside the statement ("X, Budi menambahkan, Y"):
    a clause of two words or more before them (not an opening adverbial such as "Sementara
    itu,") and a comma right after the verb."""
    before = text[s:speaker_start].rstrip()
    if not before.endswith(",") or not text[verb_end:e].lstrip(" \t").startswith(","):
        return False
    words = [w.lower() for w in _CLAUSE_WORD.findall(before)]
    openers = _openers_and_leads()
    if len(words) == 1:
        # "DPR, ia melanjutkan, juga ...": a one-word subject, a name or an acronym.
        return before[:1].isupper() and words[0] not in openers and words[0] not in lang_id.function_words()
    return len(words) >= 2 and not all(w in openers for w in words)


def _introduced(text: str, verb_end: int, content_start: int, *, asking: bool = True) -> bool:
    """A comma, a colon or a complementiser ("bahwa") stands between the verb and what follows.
    Without ``asking``, a question word ("mengapa", "bagaimana") introduces what something
    was about ("menceritakan mengapa ..."), not what was said; "apakah" still introduces."""
    between = text[verb_end:content_start]
    first = _CLAUSE_WORD.match(text, content_start)
    words = [*between.split(), first.group() if first is not None else ""]
    intro = introducers() if asking else introducers() - _INTERROGATIVES
    return "," in between or ":" in between or any(w.lower() in intro for w in words)


# Capitalised words after "menurut" that open a law, not a person's name ("Sandi" may be one).
_LAW_OPENERS = frozenset({"pasal", "peraturan", "ketentuan", "aturan"})


def _not_a_name(word: str) -> bool:
    """Whether a word after "menurut" is no person's name: lower case, an acronym ("UU"), a
    hyphenated title ("Undang-Undang") or a law's first word ("Pasal")."""
    return word.islower() or word.isupper() or "-" in word or word.lower() in _LAW_OPENERS


def _with_nya(word: str) -> bool:
    """Whether a lower-case word carries "-nya" ("meningkatnya"), not a word that ends so
    ("bertanya", "bernyanyi" stay verbs)."""
    return word.endswith("nya") and word[:-3] in id_words()


def _addressee(word: str) -> bool:
    """Whether the first word of a directive verb's object can open who was asked, not
    what was asked for: no thing ("izin", "maaf") and no noun made with pe-/ke-/per- ...
    -an ("penambahan", "kejelasan", "persetujuan") or -isasi ("digitalisasi")."""
    made = (word.startswith(("pe", "ke")) and word.endswith("an") and len(word) > 7) or word.endswith("isasi")
    return word not in requested_things() and not made


def _asked_verb(word: str) -> bool:
    """A predicate word or a prefixed verb ("bekerja" too, "ber-" before "k") after "untuk"."""
    return word in predicate_words() or (
        (_PREFIXED_VERB.fullmatch(word) is not None or (word.startswith("be") and len(word) > 5))
        and word not in not_verbs()
    )


def _clause(text: str, start: int, end: int, *, directive: bool = False, asking: bool = False) -> bool:
    """Whether ``text[start:end]`` reads as a clause: a predicate word ("akan", "sudah",
    "tidak", "adalah") or a prefixed verb that heads no phrase of the object. A word right
    after "yang" opens a relative clause ("KTT *yang direncanakan*"), one right after a
    preposition a prepositional phrase ("pentingnya kerja sama *dalam mewujudkan* ..."): they
    are not the clause's predicate; nor is the first word, which heads the object ("alasan
    penundaan itu" has none). "kejadian yang dialami warga itu *tidak* bisa ..." and "nilai
    kerugian di kasus ini *mencapai* ..." are clauses."""
    found = list(_CLAUSE_WORD.finditer(text, start, end))
    words = [m.group().lower() for m in found]
    # Words right after a number: "pada 2024 *mencapai*" closes the adjunct, no phrase of it.
    after_number = (
        {k for k in range(1, len(found)) if _NUMBER.search(text, found[k - 1].end(), found[k].start())}
        if _NUMBER.search(text, start, end)
        else set()
    )
    if words and _with_nya(words[0]) and _PREFIXED_VERB.fullmatch(words[0]) and words[0] not in not_verbs():
        return False  # "berakhirnya perang ...", "terjadinya banjir ...": an event made a noun
    preds = predicate_words()
    if directive and words and words[0] in requested_things():
        return False  # "meminta maaf secara terbuka, ...": the thing asked for, whatever follows
    owned = bool(words) and words[0].endswith("nya") and words[0][:-3] in object_openers()
    if words and ((words[0] in object_openers() and words[0].endswith("nya")) or owned):
        # "pentingnya kerja sama dalam mewujudkan ...": a nominalised object, whatever verbs
        # its phrases hold; but "adanya dewan pengawas *tidak* akan mengganggu ..." is the
        # subject of a predicate word of its own. So is an opener's noun with "-nya"
        # ("alasannya langsung menerima ...": his reason for it, no clause).
        for k, w in enumerate(words[1:], start=1):
            if w in ("yang", "tanpa") or w in subordinators() or w in _PURPOSE:
                # "banyaknya pemain yang *belum* ...": the relative clause's own; "... tanpa
                # *perlu* pikir panjang": the adverbial's
                return False
            if w in preds and not found[k].group()[:1].isupper():
                return True
        return False
    if words and (words[0] in object_openers() or (len(words) > 1 and words[1] in topic_words())):
        # "soal rencana ...": a topic, whatever verbs its phrases hold; unless a demonstrative
        # closes the phrase and a predicate follows ("informasi soal pemerasan *itu diterima*
        # petugas ...": the topic was the subject's).
        return _closed_subject(words, found)
    if words[:1] and words[0].endswith("nya") and len(words) > 1 and words[1] in prepositions():
        # "dukungannya terhadap ...": a nominalised object, unless a predicate follows it
        # ("hubungannya dengan Ketua BPI *tetap* baik"); verbs in its phrases do not count.
        relative = -9
        for k, w in enumerate(words):
            if w == "yang":
                relative = k
            elif w in preds and k - relative > 1:
                return True
        return False
    # A verb after a preposition or subordinator belongs to a phrase inside the object
    # ("pentingnya kerja sama *dalam mewujudkan* ..."), not to a clause of its own.
    preps = prepositions()
    if len(words) > 1 and words[1] in _INTERROGATIVES:
        return False  # "alasan mengapa ...": an embedded question of a noun, no clause
    if not asking and words and (words[0] in _INTERROGATIVES or words[:2] == ["apa", "yang"]):
        return False  # "menceritakan mengapa ...", "mengungkapkan apa yang terjadi": what about
    if words and words[0] in definite_markers() and not (len(words) > 1 and words[1] in preds):
        return False  # "menyampaikan itu saat ditanya ...": "that" is the object ("itu adalah" a subject)
    relative = -9
    for k, w in enumerate(words):
        prev = words[k - 1] if k and k not in after_number else ""
        if w == "yang":
            relative = k
        if w == "bahwa" and relative >= 0:
            return False  # "kabar yang menyebutkan *bahwa* ...": what the relative clause says
        if w in sequencers() and not (k + 1 < len(words) and f"{w} {words[k + 1]}" in _COMPOUNDS):
            return False  # "... sepatah kata *kemudian* berjalan": the subject's next action
        if k > 0 and (w in subordinators() or (w in _PURPOSE and not directive)):
            # "laporan itu *sebagaimana* tertuang ...", "upaya *agar* adaptasi bisa
            # aktif": no predicate before the
            # subordinate clause, none of the object's own. After a directive verb "agar"
            # opens what was asked ("mengingatkan panitia agar tidak ...").
            return False
        if (
            relative >= 0
            and (w in _COPULAS or w.startswith("ber"))
            and _PREFIXED_VERB.fullmatch(w)
            and prev.startswith("di")
            and _PREFIXED_VERB.fullmatch(prev)
            and prev not in judging_passives()
        ):
            # "gugatan yang dilayangkan *merupakan* hak ...", "pekerja yang harus dipulangkan
            # *berjumlah* ...": a copula or a "ber-" verb after the relative clause's passive
            # verb is the predicate (not "yang dinilai merupakan ...", nor "yang berpeluang
            # menjadi", a chain).
            return True
        if relative >= 0 and k - relative == 1 and _PREFIXED_VERB.fullmatch(w):
            relative = k  # "yang dinilai berhasil membangun ...": a chain of verbs in the relative clause
            continue
        if _with_nya(w) and _PREFIXED_VERB.fullmatch(w):
            continue  # "di tengah meningkatnya ...": a verb made a noun
        if k > 0 and found[k].group()[:1].isupper():
            continue  # a word of a name or title ("bertajuk Jalan *Tengah*"), no predicate
        if w == "termasuk" and prev in definite_markers():
            return True  # "wilayah tersebut *termasuk* dalam ...": belongs, after its subject
        if (
            relative >= 0
            and prev in definite_markers()
            and _PREFIXED_VERB.fullmatch(w)
            and w not in not_verbs()
        ):
            return True  # "angka kerugian yang fantastis itu *disebabkan* ...": the demonstrative closed it
        if directive and k > 0 and _addressee(words[0]):
            if w == "untuk" and k + 1 < len(words) and _asked_verb(words[k + 1]):
                return True  # "mendesak Iran *untuk meredakan* ...": what the addressee was asked to do
            if w == "jangan":
                return True  # "meminta para mahasiswa *jangan* ...": what they were told not to do
            if w == "lebih" and relative < 0 and k + 1 < len(words) and words[k + 1] not in preps:
                return True  # "meminta masyarakat *lebih bijak* ...": how they were asked to be
        if prev == "yang" or prev in preps or w in preps:
            continue  # "terhadap", "di" + "terapkan": a preposition is no prefixed verb
        if w in preds or (
            k > 0
            and k - relative > _RELATIVE_WORDS
            and ((_PREFIXED_VERB.fullmatch(w) and w not in not_verbs()) or w in root_predicates())
        ):
            return True
    return False


def _closed_subject(words: list[str], found: list[re.Match[str]]) -> bool:
    """A demonstrative ("itu", "ini", "tersebut") and right after it a predicate word or a verb
    in "di-" or "ber-" (not a verb made a noun, nor a word of a name): the noun phrase before
    the demonstrative is the subject of a clause."""
    for k in range(1, len(words) - 1):
        if words[k] not in definite_markers():
            continue
        w = words[k + 1]
        if found[k + 1].group()[:1].isupper() or _with_nya(w):
            continue
        if w in predicate_words() or (
            w.startswith(("di", "ber")) and _PREFIXED_VERB.fullmatch(w) and w not in not_verbs()
        ):
            return True
    return False


# A verb that shares the subject of the clause before it: "..., seraya menegaskan", "...
# dengan menyatakan", "... dan menyebut".
_CONJOINED = re.compile(r"\b(?:seraya|sambil|sembari|dan|serta|dengan|lalu|kemudian)\s+(?:juga\s+|pun\s+)?$")


# Verbs that only say: "dengan mengatakan X" reports X, where "dengan memastikan X" is how.
_SAYING = frozenset({"mengatakan", "menyatakan", "berkata", "menuturkan"})


# Verbs that state: what follows them is a clause whose subject may be the speaker's own,
# left out ("menyatakan mengalami kerusakan", "mengaku tidak tahu", "membantah menerima").
_STATING = frozenset({*_SAYING, "mengaku", "menegaskan", "mengklaim", "membantah"})


# Saying verbs in a relative clause that report what follows: "komentar Trump yang
# mengatakan telah menyelamatkan ...", "pernyataannya yang menyebut ...".
_RELATIVE_SAYING = frozenset({*_SAYING, "menyebut", "menyebutkan"})


def _reports_clause(text: str, start: int, end: int) -> bool:
    """Whether a saying verb's object is a clause, with its subject or without."""
    return _subjectless(text, start, end) or _clause(text, start, end)


# Adverbs of aspect and frequency that open a verb phrase ("mengaku *mulai* melihat titik
# terang", "mengaku *sering* dipukul"): a clause when they come first, though not predicate
# words elsewhere (where "mulai" is often a preposition, "from").
_ASPECTUAL = frozenset({"mulai", "sering", "selalu", "kerap", "jarang"})


def _subjectless(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens with a verb or a predicate word: a clause that
    shares the speaker as its subject ("mengalami kerusakan signifikan", "tidak ingat
    kejadian itu"), not a noun object."""
    first = _CLAUSE_WORD.match(text, start)
    if first is None or first.start() >= end:
        return False
    w = first.group()
    low = w.lower()
    if w[:1].isupper() and low not in predicate_words():
        return False  # a name or a sentence of its own
    return (
        low in predicate_words()
        or low in _ASPECTUAL
        or (
            low[:2] in ("me", "be")
            and _PREFIXED_VERB.fullmatch(low) is not None
            and not _with_nya(low)
            and low not in not_verbs()
            and low not in prepositions()
        )
    )


def _topic_predicate(text: str, start: int, end: int) -> bool:
    """Whether a topic phrase ("soal rekening itu", "mengenai 77 titik panas") is followed by
    a predicate word of its own ("... *belum* tuntas"), before any subordinate clause: the
    topic is then the subject of a statement, not what the verb was about."""
    words = [w.lower() for w in _CLAUSE_WORD.findall(text, start, end)]
    preds = predicate_words()
    for k, w in enumerate(words[2:], start=2):
        if w in subordinators() or w in _PURPOSE:
            return False
        if w in preds and words[k - 1] != "yang":
            return True
    return False


def _short_clause(text: str, start: int, end: int) -> bool:
    """Two words that are a clause after a saying verb: a predicate word and its head
    ("tidak ingat"), or a pronoun and its predicate ("mereka lapar")."""
    words = [w.lower() for w in _CLAUSE_WORD.findall(text, start, end)]
    return len(words) == 2 and (words[0] in predicate_words() or words[0] in lang_id.pronouns())


def _sentence_subject(text: str, s: int, end: int, known: Collection[str]) -> ParsedSpeaker | None:
    """The subject of the sentence ``[s, end)``: the words before its first predicate or
    prefixed verb ("Avner *telah* buka suara ..."), when they read as a speaker."""
    for m in _CLAUSE_WORD.finditer(text, s, end):
        w = m.group().lower()
        if m.start() > s and (
            w in predicate_words() or (_PREFIXED_VERB.fullmatch(w) and w not in not_verbs())
        ):
            sp = parse_before(text, s, m.start(), known=known)
            if sp is not None and (sp.name is not None or sp.kind in ("org", "anonymous", "pronoun")):
                return sp
            return None
    return None


def _indirect_in(
    text: str, s: int, e: int, known: Collection[str], silent: list[ParsedSpeaker] | None = None
) -> Found | None:
    """The reported speech of one sentence ``[s, e)``, if it has any.

    A speaker whose verb takes a noun object ("Budi menegaskan pentingnya ...") says nothing
    quotable, but is who a later "ujarnya" or "Ia menambahkan" means: it goes to ``silent``.
    """
    opening = (
        _cue_opens(text, s, e, known) or _cue_inside(text, s, e) or _cue_bare_inside_at(text, s, e, known)
    )
    if opening is not None:
        return opening
    inner = _cue_in_commas().search(text, s, e)
    subject: ParsedSpeaker | None = None  # the speaker of an earlier verb of the sentence
    for v in reporting_pattern().finditer(text, s, e):
        if inner is not None and inner.end() <= v.start():
            break  # "Sebagai aktivis, kata Mercy, ia mengaku ...": the cue in commas comes first
        rest = _after_verb().match(text, v.end(), e)
        cstart = rest.end() if rest is not None else v.end()
        if cstart >= e or text[cstart] in '“”"':
            return None  # a cue before a direct quote: handled with the quote
        if _MENURUT.search(text, s, v.start()) is not None:
            break  # "Menurutnya, ... menyampaikan pesan ...": the verb is inside what was said
        if (
            RELATIVE_BEFORE_VERB.search(text, max(s, v.start() - 20), v.start()) is not None
            and not _introduced(text, v.end(), cstart)
            and not (
                v.group().lower() in _RELATIVE_SAYING and _reports_clause(text, *_strip_end(text, cstart, e))
            )
        ):
            # "Calhanoglu, yang telah meminta untuk ...": a relative clause, no speech; one
            # that reports a clause ("X yang juga mengungkapkan bahwa ...", "komentar Trump
            # yang mengatakan telah menyelamatkan ...") is.
            continue
        before = _LAST_WORD.search(text, max(s, v.start() - 24), v.start())
        if before is not None and before.group(1).lower() in not_said_words():
            # "tak merinci", "enggan menyebut", "untuk memastikan": nothing was said.
            sp = parse_before(text, s, before.start(1), known=known)
            if sp is not None and silent is not None:
                silent.append(sp)
            continue
        sp = parse_before(text, s, v.start(), known=known)
        if (
            sp is None
            and _CONJOINED.search(text, max(s, v.start() - 30), v.start()) is not None
            and (
                _introduced(text, v.end(), cstart)
                or v.group().lower() in _SAYING
                or (v.group().lower() in _STATING and _clause(text, *_strip_end(text, cstart, e)))
            )
        ):
            # "X menyampaikan hal itu ..., seraya menegaskan bahwa ...", "X buka suara dengan
            # menyatakan bahwa ...": the verb shares the sentence's subject (with "bahwa" or a
            # comma after it: "dengan memastikan pengelolaannya ..." is how, not what was said).
            sp = subject or _sentence_subject(text, s, v.start(), known)
        if sp is None:
            lead = text[s : v.start()].strip(" \t,")
            if (
                (not lead or _connective(lead))
                and _BAHWA.match(text, v.end())
                and _words(text, cstart, e) >= 3
            ):
                # "Kemudian menjelaskan bahwa ...": the verb of the last sentence's subject,
                # who is found as a "-nya" cue's is.
                cs, ce = _strip_end(text, cstart, e)
                return Found(
                    "indirect", cs, ce, cue=(v.start(), v.end()), nya=True, via="cue-before", confidence=0.7
                )
            continue
        subject = subject or sp
        cs, ce = _strip_end(text, cstart, e)
        if _inverted(text, s, sp.start, v.end(), e):
            # "Pendapatan pengemudi, Rafi menambahkan, juga turun": the speaker and verb sit
            # inside what was said, which is the whole sentence around them.
            cs, ce = _strip_end(text, s, e)
            return Found(
                "indirect", cs, ce, cue=(v.start(), v.end()), speaker=sp, via="cue-before", confidence=0.85
            )
        verb = v.group().lower()
        if _words(text, cs, ce) < 3 and not (verb in _SAYING and _short_clause(text, cs, ce)):
            return None
        first = _CLAUSE_WORD.match(text, cs)
        if (
            first is not None
            and first.group().lower() in topic_words() - {"terkait"}
            and not _introduced(text, v.end(), cstart)
            and not _topic_predicate(text, cs, ce)
        ):
            # "mengatakan kepada Dewan HAM tentang keprihatinan mereka": what it was about,
            # whatever the verb; no statement ("terkait hal ini ditanyakan ..." may be one,
            # and so is "soal rekening itu belum tuntas").
            if silent is not None:
                silent.append(sp)
            continue
        if (
            verb in object_verbs()
            and not _introduced(text, v.end(), cstart, asking=verb in _ASKING)
            and not (verb in _STATING and _subjectless(text, cs, ce))
            and not _clause(text, cs, ce, directive=verb in directive_verbs(), asking=verb in _ASKING)
            and not (v.group().lower() in _PREDICATING and _SEBAGAI.search(text, cs, ce))
        ):
            if silent is not None:
                silent.append(sp)
            continue  # a noun object ("menjelaskan alasan penundaan itu"), not speech
        return Found(
            "indirect", cs, ce, cue=(v.start(), v.end()), speaker=sp, via="cue-before", confidence=0.9
        )
    for mm in _MENURUT.finditer(text, s, e):
        if mm.group("nya"):
            comma = text.find(",", mm.end(), e)
            lead = text[s : mm.start()].strip(" \t,")
            if lead and _connective(lead) and mm.start() - s >= 3:
                # "Namun, menurutnya hal itu ...": a cue after a connective; the statement is
                # the sentence around it (as with "Selain itu, katanya, ...").
                cs, ce = _strip_end(text, s, e)
                if _words(text, mm.end(), e) >= 3:
                    return Found(
                        "indirect",
                        cs,
                        ce,
                        cue=(mm.start(), mm.end()),
                        via="cue-before",
                        nya=True,
                        confidence=0.8,
                    )
                continue
            if mm.start() - s < 3:
                # "Menurutnya, ...", or with the comma lost: "Menurutnya persoalan ...".
                content = (
                    (mm.end() + 1, e) if text[mm.end() : mm.end() + 1] == "," or comma < 0 else (comma + 1, e)
                )
                if text[mm.end() : mm.end() + 1] != "," and comma >= 0 and _words(text, mm.end(), comma) > 4:
                    content = (mm.end(), e)  # a comma far on belongs to the content
            else:
                content = (s, mm.start())
            cs, ce = _strip_end(text, *content)
            if _words(text, cs, ce) >= 3:
                return Found(
                    "indirect", cs, ce, cue=(mm.start(), mm.end()), via="cue-before", nya=True, confidence=0.8
                )
            continue
        pos = mm.end()
        while pos < e and text[pos] in " \t":
            pos += 1
        first = _LAW_WORD.match(text, pos)
        if first is not None and first.group().lower() in not_sources() and _not_a_name(first.group()):
            continue  # "Menurut UU Pemilu, ...", "menurut Pasal 5": a law, no speaker
        if text.startswith(",", pos) and re.match(r",\s*[A-Z][^,]{0,40},", text[pos:e]):
            pos = text.index(",", pos) + 1  # "Menurut, Sonza, ...": a stray comma
            while pos < e and text[pos] in " \t":
                pos += 1
        sp = parse_after(text, pos, known=known) or _described_source(text, pos, e)
        if sp is None:
            continue
        if (
            sp.kind == "person"
            and sp.roles
            and sp.roles[0][0] == pos
            and not text[sp.end : e].lstrip().startswith(",")
        ):
            # "Menurut ibunya, Hadijah mulai minum kopi ...": with no comma after it, the
            # name opens what was said; the relative alone is the source.
            relative = _described_source(text, pos, e)
            if relative is not None and text[relative.start : relative.end].endswith("nya"):
                sp = relative
        if (
            sp.name is not None
            and text.find(text[sp.name[0] : sp.name[1]] + " ", max(0, mm.start() - _NAMED_BEFORE), mm.start())
            >= 0
        ):
            # "Menurut Arief, Irwasum Polri, yang ...": a person named before is not
            # introduced again; what follows the comma is what was said.
            sp = _name_before_comma(text, sp) or sp
        apposed = _LOWER_APPOSITION.match(text, sp.end, e)
        if (
            apposed is not None
            and sp.name is not None
            and (apposed.group("head") in relations() or apposed.group("head") in role_words())
        ):
            # "Menurut Alvian, adik sepupu Wiwit, keluarga ...": a description in lower case
            # set off by commas after the name belongs to the speaker.
            sp = replace(sp, end=apposed.end(1), roles=[*sp.roles, (apposed.start(1), apposed.end(1))])
        rel = _RELATIVE_AFTER.match(text, sp.end, e)
        if rel is not None and sp.kind == "anonymous":
            # "Menurut dua sumber yang dekat dengan negosiasi tersebut, ...": an unnamed
            # source still, described by its relative clause (whose "tersebut" is the
            # negotiation's).
            sp = replace(sp, end=rel.end(1))
        elif rel is not None:
            # "Menurut pelatih yang akrab disapa Djanur ini, ...": the description runs to the
            # comma; it is one of the article's people, as "pelatih itu".
            sp = ParsedSpeaker(
                kind="role", start=sp.start, end=rel.end(1), roles=[(sp.start, rel.end(1))], definite=True
            )
        opens = s  # where the sentence around the cue starts
        head = text[s : mm.start()]
        tail = text[sp.end : e]
        if (
            text[mm.start()].isupper()
            and head.strip()
            and not head.rstrip().endswith((",", ":", '"', "“", "”"))
        ):
            # "... pic.twitter.com/xyz Menurut media setempat, ...": a capital "Menurut" after
            # words with no sentence end opens a sentence the segmenter missed.
            opens, head = mm.start(), ""
        if (
            head.rstrip().endswith(",")
            and tail.lstrip().startswith(",")
            and _words(text, sp.end, e) >= 3
            and _words(text, s, mm.start()) >= 1
        ):
            # "KTT itu, menurut Budi, diusulkan ...": the clause sits inside what was said.
            cs, ce = _strip_end(text, s, e)
            return Found(
                "indirect", cs, ce, cue=(mm.start(), mm.end()), speaker=sp, via="cue-before", confidence=0.85
            )
        if (
            head.strip(" ,")
            and not head.rstrip().endswith(",")
            and not tail.lstrip().startswith(",")
            and not _connective(head)
            and _words(text, sp.end, e) >= 2
        ):
            # "Film ini menurut Lola demikian inspiratif ...": the cue sits inside the clause,
            # which is what was said, from the sentence's start.
            cs, ce = _strip_end(text, s, e)
        elif mm.start() - opens < 30 and head.strip(" ,").count(" ") < 3:
            cs, ce = _strip_end(text, sp.end, e)
            cs = cs + 1 if text[cs : cs + 1] == "," else cs
        else:
            cs, ce = _strip_end(text, s, mm.start())
        cs, ce = _strip_end(text, cs, ce)
        if _words(text, cs, ce) >= 3:
            return Found(
                "indirect", cs, ce, cue=(mm.start(), mm.end()), speaker=sp, via="cue-before", confidence=0.85
            )
    for pc in _passive_bahwa().finditer(text, s, e):
        # "apa yang dikatakan pejabat AS bahwa ...": a passive cue, its agent, then "bahwa".
        sp = parse_after(text, pc.end(), known=known)
        if sp is None:
            continue
        b = _BAHWA.match(text, sp.end, e)
        if b is None:
            continue
        cs, ce = _strip_end(text, b.end(), e)
        if _words(text, cs, ce) >= 3:
            return Found(
                "indirect",
                cs,
                ce,
                cue=(pc.start("cue"), pc.end("cue")),
                speaker=sp,
                via="cue-before",
                confidence=0.8,
            )
    for c in re.finditer(r",\s*", text[s:e]):
        inner_nya = _nya_in_commas().match(text, s + c.start(), e)
        if inner_nya is not None and _words(text, s, s + c.start()) >= 2:
            # "Komnas HAM, menurutnya, merupakan ...", "Pengaduan itu, dikatakannya, lebih
            # banyak": a "-nya" cue in commas inside what was said, the whole sentence.
            cs, ce = _strip_end(text, s, e)
            if _words(text, cs, ce) >= 5:
                at = (inner_nya.start("cue"), inner_nya.end("cue"))
                return Found("indirect", cs, ce, cue=at, nya=True, via="cue-after", confidence=0.8)
        a = cue_pattern().match(text, s + c.start())
        if a is None or a.group("verb"):
            continue
        cue = a.group("cue")
        if cue.lower() not in cue_verbs() and cue.lower() not in passive_cues() and not a.group("nya"):
            continue
        cs, ce = _strip_end(text, s, s + c.start())
        if _words(text, cs, ce) < 3:
            # A cue in mid-sentence ("Pemerintah, kata seorang pejabat, tidak akan mundur"):
            # the content is the whole sentence around it.
            cs, ce = _strip_end(text, s, e)
            if _words(text, cs, ce) < 5:
                continue
        if a.group("nya"):
            return Found(
                "indirect",
                cs,
                ce,
                cue=(a.start("cue"), a.end("cue")),
                nya=True,
                via="cue-after",
                confidence=0.8,
            )
        pos = a.end("cue")
        while pos < e and text[pos] in " \t":
            pos += 1
        sp = parse_after(text, pos, known=known)
        if sp is not None:
            tail = text[sp.end : e]
            if tail.lstrip(" \t").startswith(",") and _words(text, sp.end, e) >= 3:
                # "Di Pasar Baru, kata Budi, harga cabai naik": the cue sits inside what was
                # said, which is the whole sentence around it.
                cs, ce = _strip_end(text, s, e)
            return Found(
                "indirect",
                cs,
                ce,
                cue=(a.start("cue"), a.end("cue")),
                speaker=sp,
                via="cue-after",
                confidence=0.85,
            )
    return _judged(text, s, e, known) or _said_that(text, s, e, known)


@cache
def _nya_in_commas() -> re.Pattern[str]:
    """ ", menurutnya," or a passive cue with "-nya" set off by commas (", dikatakannya,")."""
    return re.compile(rf",[ \t]*(?P<cue>menurutnya|(?:{passive_alternation()})nya)[ \t]*,", re.IGNORECASE)


@cache
def _judging_passive() -> re.Pattern[str]:
    return re.compile(
        r"\s(?:pun\s+|juga\s+)?(?P<cue>" + "|".join(sorted(judging_passives())) + r")\s+(?!oleh\b)"
    )


def _judged(text: str, s: int, e: int, known: Collection[str]) -> Found | None:
    """A judgement in the passive with its agent inside the sentence: "Adaptasi itu *dinilai
    Brown* lebih mudah dilakukan", "Peresmian nama pun *diakui Henry* belum sah". What was
    said is the whole sentence; the agent, a name, says it."""
    m = _judging_passive().search(text, s, e)
    if m is None or _words(text, s, m.start()) < 2:
        return None
    sp = parse_after(text, m.end(), known=known, limit=e - m.end())
    if sp is None or sp.name is None or sp.kind not in ("person", "org"):
        return None
    after = text[sp.end : e].lstrip(" \t")
    if not after[:1].islower() or _words(text, sp.end, e) < 2:
        return None  # the agent ends the sentence, or a comma follows: no judgement after it
    cs, ce = _strip_end(text, s, e)
    return Found(
        "indirect", cs, ce, cue=(m.start("cue"), m.end("cue")), speaker=sp, via="cue-before", confidence=0.8
    )


# The most words between a speaker and "bahwa": "Trump *memberikan syarat* bahwa", "Syakir
# *tak menampik* bahwa", "Ronaldo *optimistis* bahwa".
_THAT_WORDS = 3
_PASSIVE = re.compile(r"di[a-z]{3,}")
_THAT = re.compile(r"\s+bahwa\b,?\s*")
# Where a clause starts inside a sentence: a comma, or a subordinator ("setelah para pejabat
# mengatakan bahwa ...").
_CLAUSE_START = re.compile(
    r"(?:,|\b(?:setelah|sesudah|sebelum|ketika|saat|karena|sementara|meski|walau))\s+(?=\S)", re.I
)


# Verbs of denying: negated, they report what was admitted ("tak menampik bahwa ...").
_DENYING = frozenset({"membantah", "menampik", "menyangkal", "memungkiri", "mengelak"})


def _said_that(text: str, s: int, e: int, known: Collection[str]) -> Found | None:
    """What a named speaker says after a verb phrase no cue list holds and "bahwa": "Trump
    memberikan syarat bahwa ...", "Syakir tak menampik bahwa ...", "Ronaldo optimistis
    bahwa ...". The speaker must be a name, an organisation or a pronoun right before the
    phrase, and the phrase must not report knowing or showing ("menyadari bahwa")."""
    m = _THAT.search(text, s, e)
    if m is None:
        return None
    words = list(_CLAUSE_WORD.finditer(text, s, m.start()))
    if not words or words[-1].group().lower() in not_telling_words():
        return None
    if (
        len(words) > 1
        and words[-2].group().lower() in not_said_words()
        and reporting_pattern().fullmatch(words[-1].group().lower()) is not None
        and words[-1].group().lower() not in _DENYING
    ):
        # "Israel belum mengonfirmasi bahwa ...": a reporting verb negated; but "tak menampik
        # bahwa ..." (did not deny) says it.
        return None
    starts = [c.end() for c in _CLAUSE_START.finditer(text, s, m.start())]
    boundary = max([s, *starts])
    for k in range(1, _THAT_WORDS + 1):
        if k > len(words):
            break
        head = words[-k]
        if head.start() <= boundary or not head.group()[:1].islower():
            break
        if head.group().lower() in not_telling_words() or _PASSIVE.fullmatch(head.group()):
            return None  # knowing or showing; a passive has no speaker for its subject
        sp = parse_before(text, boundary, head.start(), known=known)
        if sp is None or not (sp.name is not None or sp.kind in ("org", "pronoun")):
            continue
        if text[sp.end : head.start()].strip():
            continue
        name = text[sp.name[0] : sp.name[1]] if sp.name is not None else ""
        phrase = {w.group().lower() for w in words[-k:]}
        if (
            name.lower() in lang_id.function_words()
            or name.lower() in not_telling_words()
            or phrase & definite_markers()
        ):
            return None  # "Dari hasil autopsi diketahui bahwa", "Fatwa tersebut ...": no name
        cs, ce = _strip_end(text, m.end(), e)
        if _words(text, cs, ce) < 3:
            return None
        return Found(
            "indirect", cs, ce, cue=(head.start(), m.start()), speaker=sp, via="cue-before", confidence=0.75
        )
    return None


def _indirect(
    text: str,
    spans: list[tuple[int, int]],
    direct: list[Found],
    known: Collection[str],
    silent: list[ParsedSpeaker] | None = None,
) -> tuple[list[Found], list[Found]]:
    """Indirect quotes, plus direct quotes turned into partial quotes inside them."""
    quoted = [
        (d.open_mark if d.open_mark >= 0 else d.start, (d.close_mark + 1) if d.close_mark >= 0 else d.end)
        for d in direct
    ]
    found: list[Found] = []
    partial: list[Found] = []
    qi = 0
    # Quotes come in text order, so the ones a sentence may hold start before it ends: the
    # scan stops there instead of running to the last quote for every sentence.
    in_order = all(quoted[i][0] <= quoted[i + 1][0] for i in range(len(quoted) - 1))
    # The last sentence, if nothing in it was found to be speech (no quote, no statement):
    # "Hal itu disampaikan Budi" after it makes it Budi's.
    bare: tuple[int, int] | None = None
    for s, e in spans:
        while qi < len(quoted) and quoted[qi][1] <= s:
            qi += 1
        inner = []
        for j in range(qi, len(quoted)):
            if quoted[j][0] >= e and in_order:
                break
            if quoted[j][0] < e and quoted[j][1] > s:
                inner.append(j)
        previous, bare = bare, ((s, e) if not inner else None)
        if previous is not None and not inner:
            back = _said_before(text, s, e, previous, known)
            if back is not None:
                found.append(back)
                continue
        # A sentence with a direct quote of its own (cued, opening the sentence, or a long
        # one closing it) is not reported speech; a short quoted fragment closing it is
        # a partial quote ("..., mengatakan KTT membahas “keamanan di Eropa”.").
        if any(
            quoted[j][0] <= s + 2
            or direct[j].via != "none"
            or (
                quoted[j][1] >= e - 2
                and _words(text, direct[j].start, direct[j].end) > _PARTIAL_MAX_WORDS
                and not _embedded(text, quoted[j][0])
            )
            for j in inner
        ):
            # Reported speech before the quote, set off by a comma or a full stop with no space:
            # a paragraph the scraper glued to the quote that opened the next one ('Budi
            # mengatakan, band itu akan tampil,"Kami ...'). The clause before the mark is the
            # statement.
            first = quoted[inner[0]][0]
            head = text[s:first].rstrip()
            if first > s + 2 and head.endswith((",", ".")) and not any(quoted[j][0] < first for j in inner):
                f = _indirect_in(text, s, s + len(head) - 1, known, silent)
                if f is not None:
                    found.append(f)
            cued = [direct[j] for j in inner if direct[j].via == "cue-after" and direct[j].cue is not None]
            if cued:
                more = _remainder(text, cued[-1], e)
                if more is not None:
                    found.append(more)
            continue
        f = _indirect_in(text, s, e, known, silent)
        if f is None:
            continue
        bare = None
        statements = [f]
        second = _second_statement(text, f)
        if second is not None:
            statements.append(second)
        else:
            other = _other_statement(text, f, known)
            if other is not None:
                statements.append(other)
        for g in statements:
            for j in inner:
                d = direct[j]
                if (
                    g.start <= d.start
                    and d.end <= g.end
                    and (_words(text, d.start, d.end) <= _PARTIAL_MAX_WORDS or _embedded(text, quoted[j][0]))
                ):
                    d.kind = "partial"
                    partial.append(d)
                    g.kind = "mixed"
            found.append(g)
    return found, partial


def _reported_after(text: str, verb_end: int, end: int) -> tuple[int, int] | None:
    """What a reporting verb ending at ``verb_end`` reports, up to ``end``: past the channel,
    the addressee or "bahwa", a clause of three words or more; None for a noun object."""
    rest = _after_verb().match(text, verb_end, end)
    cstart = rest.end() if rest is not None else verb_end
    cs, ce = _strip_end(text, cstart, end)
    if _words(text, cs, ce) < 3 or not (_introduced(text, verb_end, cstart) or _clause(text, cs, ce)):
        return None
    return cs, ce


@cache
def _remainder_verb() -> re.Pattern[str]:
    """A reporting verb that continues a cued quote's speaker (", seraya menambahkan")."""
    return re.compile(
        rf",[ \t]*(?:seraya|sambil|sembari|dan|serta)[ \t]+(?:juga[ \t]+)?(?P<verb>{reporting_alternation()})\b"
    )


def _remainder(text: str, quote: Found, e: int) -> Found | None:
    """The unquoted remainder after a cued direct quote that continues its speaker's words:
    '"...," kata Budi, seraya menambahkan bahwa harga akan turun.' A second statement, of
    the quote's speaker, when it reports a clause."""
    assert quote.cue is not None
    after = quote.speaker.end if quote.speaker is not None else quote.cue[1]
    m = _remainder_verb().search(text, after, e)
    if m is None or any(c in text[after : m.start()] for c in '"“”'):
        return None
    said = _reported_after(text, m.end(), e)
    if said is None:
        return None
    cs, ce = said
    return Found(
        "indirect",
        cs,
        ce,
        cue=(m.start("verb"), m.end("verb")),
        speaker=quote.speaker,
        nya=quote.speaker is None and quote.nya,
        via="cue-before",
        confidence=0.8,
    )


@cache
def _back_reference() -> re.Pattern[str]:
    """A sentence that gives the one before it a speaker: "Hal itu disampaikan Budi ...",
    "Demikian dikatakan oleh Ani ...", "Hal ini juga ditegaskan juru bicara ..."."""
    passives = "|".join(sorted(agent_passives(), key=len, reverse=True))
    return re.compile(
        rf"(?:(?:Hal|Pernyataan|Keterangan)\s+(?:itu|ini|tersebut)|Demikian|Begitu)\s+"
        rf"(?:(?:juga|pun|pula)\s+)?(?P<cue>{passives})\s+(?:oleh\s+)?"
    )


def _said_before(
    text: str, s: int, e: int, previous: tuple[int, int], known: Collection[str]
) -> Found | None:
    """The sentence before ``[s, e)`` as a statement of the agent this one names ("Ukraina
    tetap menjadi pusat perhatian. Hal ini juga ditegaskan juru bicara kanselir.")."""
    m = _back_reference().match(text, s, e)
    if m is None:
        return None
    sp = parse_after(text, m.end(), known=known, limit=e - m.end())
    if (
        sp is None
        or sp.kind not in ("person", "org", "anonymous", "role")
        or (sp.kind == "person" and sp.name is None)
    ):
        return None
    cs, ce = _strip_end(text, *previous)
    if _words(text, cs, ce) < 3:
        return None
    return Found(
        "indirect", cs, ce, cue=(m.start("cue"), m.end("cue")), speaker=sp, via="cue-after", confidence=0.8
    )


# A lower-case word right before a quote's opening mark.
_EMBEDDED_BEFORE = re.compile(r"[a-z]+[ \t]*$")


def _embedded(text: str, open_mark: int) -> bool:
    """A quote that opens right after a lower-case word inside a clause ('... fungsi musik
    dalam "memvalidasi emosi, ..."', 'Putin menekankan "hak sah ..."'): a part of the
    reported clause around it, however long, not a quote of its own."""
    return _EMBEDDED_BEFORE.search(text, max(0, open_mark - 30), open_mark) is not None


@cache
def _second_verb() -> re.Pattern[str]:
    """A second reporting verb of the same subject inside what was said: "..., dan menyebut",
    "serta menegaskan"."""
    return re.compile(rf"(?:,\s*)?\b(?:dan|serta)\s+(?:juga\s+)?(?:{reporting_alternation()})\b")


def _second_statement(text: str, f: Found) -> Found | None:
    """ "Musk mengakui dirinya menyesal dan menyebut kritikannya sudah keterlaluan": two
    statements of one speaker in one sentence. The first ends before the conjunction; the
    second is what the second verb reports, when it is a clause of three words or more."""
    if (
        f.speaker is None
        or f.kind != "indirect"
        or f.via != "cue-before"
        or f.cue is None
        or f.cue[1] > f.start
    ):
        return None
    m = _second_verb().search(text, f.start, f.end)
    if m is None or _words(text, f.start, m.start()) < 2:
        return None
    said = _reported_after(text, m.end(), f.end)
    if said is None:
        return None
    cs, ce = said
    verb = re.search(r"\w+$", text[m.start() : m.end()])
    assert verb is not None
    f.end = _strip_end(text, f.start, m.start())[1]
    return Found(
        "indirect",
        cs,
        ce,
        cue=(m.start() + verb.start(), m.end()),
        speaker=f.speaker,
        via="cue-before",
        confidence=f.confidence,
    )


@cache
def _other_subject() -> re.Pattern[str]:
    """A comma and a conjunction that open a clause of its own, with its own subject and
    reporting verb: "..., setelah Trump mengatakan bahwa ...", "..., namun India menegaskan ..."."""
    conj = "|".join(map(re.escape, clause_conjunctions()))
    return re.compile(rf",\s*(?:{conj})\s+(?P<who>[^,;:\n]{{1,80}}?)\s+(?P<verb>{reporting_alternation()})\b")


def _other_statement(text: str, f: Found, known: Collection[str]) -> Found | None:
    """ "Iran membantah akan melanjutkan perundingan, setelah Trump mengatakan bahwa perundingan
    akan dimulai lagi": a second speaker's statement, after a comma and a conjunction, inside
    what the first one said. The first statement ends before the comma; the second is what
    the second verb reports, when it is a clause of three words or more (a noun object,
    "setelah Trump mengklaim hal tersebut", only ends the first)."""
    if f.kind != "indirect" or f.via != "cue-before" or f.cue is None or f.cue[1] > f.start:
        return None
    m = _other_subject().search(text, f.start, f.end)
    if m is None or _words(text, f.start, m.start()) < 2:
        return None
    if any(w.lower() in predicate_words() for w in text[m.start("who") : m.end("who")].split()):
        return None  # "tetapi pemerintah tetap harus memastikan ...": a clause, what the first said
    who = parse_before(text, m.start("who"), m.end("who"), known=known)
    if who is None or who.start != m.start("who"):
        return None  # no subject of its own right after the conjunction: a clause of the first
    end = f.end
    f.end = _strip_end(text, f.start, m.start())[1]
    said = _reported_after(text, m.end(), end)
    if said is None:
        return None
    cs, ce = said
    return Found(
        "indirect",
        cs,
        ce,
        cue=(m.start("verb"), m.end("verb")),
        speaker=who,
        via="cue-before",
        confidence=f.confidence,
    )


def find_quotes(
    text: str,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    known: Collection[str] | None = None,
    silent: list[ParsedSpeaker] | None = None,
) -> list[Found]:
    """Every quote of ``text``, in text order, with cue and speaker phrase where found.

    Args:
        text: the article body.
        sentences: sentence spans (from the segmenter); rough ones are made when absent.
        known: short names the article uses for its people (see :func:`known_names`).
        silent: when given, receives the speakers of statements that are not quotes (a
            reporting verb with a noun object), for resolving later pronouns.

    Example:
        >>> t = "”Kami siap,” kata Budi. Budi mengatakan, stok beras aman sampai Lebaran."
        >>> [(f.kind, t[f.start:f.end]) for f in find_quotes(t)]
        [('direct', 'Kami siap,'), ('indirect', 'stok beras aman sampai Lebaran')]
    """
    spans = list(sentences) if sentences else sentence_spans(text)
    starts = [s for s, _ in spans]
    names = known_names(text) if known is None else set(known)
    marked = find_marked(text)
    direct = _direct(text, marked, starts, spans, names)
    indirect, partial = _indirect(text, spans, direct, names, silent)
    direct = [d for d in direct if d.kind == "direct" and not d.short]
    _link_runs(text, direct)
    quotes = sorted(direct + indirect, key=lambda f: f.start)
    # Runs were linked by position in ``direct``; map them to positions in ``quotes``.
    pos = {id(d): i for i, d in enumerate(quotes)}
    for d in direct:
        if d.inherits is not None:
            d.inherits = pos[id(direct[d.inherits])]
    # Mixed quotes are indirect quotes, at most one per sentence: they do not overlap, so the
    # one holding a partial quote is the last to start at or before it.
    mixed = [i for i, q in enumerate(quotes) if q.kind == "mixed"]
    mixed_starts = [quotes[i].start for i in mixed]
    for p in partial:
        k = bisect_right(mixed_starts, p.start) - 1
        host = mixed[k] if k >= 0 and p.end <= quotes[mixed[k]].end else None
        p.inside = host
        p.via = "run"
        p.inherits = host
    out = sorted(quotes + partial, key=lambda f: (f.start, f.kind == "partial"))
    # Re-index ``inherits``/``inside`` after the final sort.
    order = {id(f): i for i, f in enumerate(out)}
    old = {i: id(f) for i, f in enumerate(quotes)}
    for f in out:
        if f.inherits is not None:
            f.inherits = order[old[f.inherits]]
        if f.inside is not None:
            f.inside = order[old[f.inside]]
    return out
